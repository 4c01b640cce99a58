//! Per-thread cache of word keys. Word frequencies are Zipfian and Snowball is most of the
//! cost of analysis, so each indexing thread remembers the keys of the words it has seen,
//! up to [`CAPACITY`] words (then it starts afresh: the frequent words come back at once).

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::stem::{Scratch, french_keys};
use super::stop::is_stop_word;

/// Most words a thread's cache holds.
pub(crate) const CAPACITY: usize = 1 << 17;

/// What analysis needs to know of a lowercased word.
pub(crate) struct Entry {
    /// A stop word (still keyed, for acronyms such as `S.A.`, which are never stop words).
    pub stop: bool,
    /// The stem key.
    pub key: Box<str>,
    /// The marked exact token, when it differs from the key.
    pub exact: Option<Box<str>>,
}

/// The Fx hash (rustc's): fast on short keys, and the keys are not attacker-chosen in any
/// way that matters since the cache is bounded.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().unwrap_or([0; 8])));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut buf = [0u8; 8];
            buf[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(buf));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

type Map = HashMap<Box<str>, Entry, BuildHasherDefault<FxHasher>>;

struct Cache {
    map: Map,
    scratch: Scratch,
}

thread_local! {
    static FRENCH: RefCell<Cache> = RefCell::new(Cache { map: Map::default(), scratch: Scratch::default() });
}

/// Calls `f` with the entry of `lower` (a lowercased word), computing it on a miss.
#[inline]
pub(crate) fn with_entry<R>(lower: &str, f: impl FnOnce(&Entry) -> R) -> R {
    FRENCH.with(|cell| {
        let mut cache = cell.borrow_mut();
        if let Some(e) = cache.map.get(lower) {
            return f(e);
        }
        let cache = &mut *cache;
        let keys = french_keys(lower, &mut cache.scratch);
        let entry = Entry {
            stop: is_stop_word(lower),
            key: keys.key.into_boxed_str(),
            exact: keys.exact.map(String::into_boxed_str),
        };
        let out = f(&entry);
        if cache.map.len() >= CAPACITY {
            cache.map.clear();
        }
        cache.map.insert(lower.into(), entry);
        out
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hit_and_miss_agree() {
        for w in ["négociations", "les", "pêche", "otan", "français"] {
            let first = with_entry(w, |e| (e.stop, e.key.to_string(), e.exact.clone()));
            let second = with_entry(w, |e| (e.stop, e.key.to_string(), e.exact.clone()));
            assert_eq!(first, second, "{w}");
        }
        assert!(with_entry("les", |e| e.stop));
        assert!(!with_entry("otan", |e| e.stop));
    }

    #[test]
    fn stays_bounded() {
        for i in 0..CAPACITY + 10 {
            with_entry(&format!("w{i}"), |_| ());
        }
        assert!(FRENCH.with(|c| c.borrow().map.len()) <= CAPACITY);
    }

    #[test]
    fn fx_hash_spreads() {
        let h = |s: &str| {
            let mut x = FxHasher::default();
            x.write(s.as_bytes());
            x.finish()
        };
        assert_ne!(h("chat"), h("chats"));
        assert_ne!(h("abcdefgh"), h("abcdefgi"));
        assert_ne!(h(""), h("a"));
    }
}
