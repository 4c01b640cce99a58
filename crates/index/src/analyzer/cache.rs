//! Per-thread cache of word keys. Word frequencies are Zipfian and Snowball is most of the
//! cost of analysis, so each indexing thread remembers the keys of the words it has seen,
//! up to [`CAPACITY`] words (then it starts afresh: the frequent words come back at once).
//!
//! Memory per thread that analyzes: 512 KiB (hot) + 4 MiB (warm) + the map (about 15 MiB
//! when full). Measured on the dev corpus, analysis is memory-bound: a word costs one
//! table probe when hot, a main-memory miss or two otherwise.

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

/// The Fx hash (rustc's) with a final mix: fast on short keys; the keys are not
/// attacker-chosen in any way that matters since the cache is bounded.
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
        // Fold the high half of a full multiply into the low bits: the bare Fx state has
        // weak low bits, which the hash table uses to pick buckets.
        let m = u128::from(self.0).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        (m as u64) ^ ((m >> 64) as u64)
    }
}

type Map = HashMap<Box<str>, Entry, BuildHasherDefault<FxHasher>>;

/// Longest word, key or exact token held inline in the hot cache (a slot is one 64-byte
/// cache line).
const INLINE: usize = 20;
/// Slots of the hot cache, small enough to stay in the CPU cache (a power of two).
const HOT_SLOTS: usize = 1 << 13;
/// Slots of the warm cache, behind the hot one (a power of two).
const WARM_SLOTS: usize = 1 << 16;

/// A slot of the hot cache: everything inline, so that a hit touches one place in memory.
/// The most frequent few thousand words make most of any French text.
#[derive(Clone, Copy)]
#[repr(C, align(64))]
struct Hot {
    word_len: u8,
    key_len: u8,
    /// 0 when there is no exact token.
    exact_len: u8,
    stop: bool,
    word: [u8; INLINE],
    key: [u8; INLINE],
    exact: [u8; INLINE],
}

const EMPTY: Hot = Hot {
    word_len: u8::MAX,
    key_len: 0,
    exact_len: 0,
    stop: false,
    word: [0; INLINE],
    key: [0; INLINE],
    exact: [0; INLINE],
};

fn inline(s: &str) -> Option<[u8; INLINE]> {
    let mut a = [0; INLINE];
    a.get_mut(..s.len())?.copy_from_slice(s.as_bytes());
    Some(a)
}

/// A cache entry as [`with_entry`] lends it.
pub(crate) struct EntryRef<'a> {
    /// A stop word (acronyms such as `S.A.` are keyed anyway: they are never stop words).
    pub stop: bool,
    /// The stem key.
    pub key: &'a str,
    /// The marked exact token, when it differs from the key.
    pub exact: Option<&'a str>,
}

struct Cache {
    hot: Box<[Hot]>,
    warm: Box<[Hot]>,
    map: Map,
    scratch: Scratch,
}

thread_local! {
    static FRENCH: RefCell<Cache> = RefCell::new(Cache {
        hot: vec![EMPTY; HOT_SLOTS].into_boxed_slice(),
        warm: vec![EMPTY; WARM_SLOTS].into_boxed_slice(),
        map: Map::default(),
        scratch: Scratch::default(),
    });
}

fn hash(word: &[u8]) -> u64 {
    let mut h = FxHasher::default();
    h.write(word);
    h.finish()
}

fn str_of(bytes: &[u8]) -> &str {
    debug_assert!(std::str::from_utf8(bytes).is_ok());
    // SAFETY: slot bytes are only ever copied whole from a `&str` (`inline`), and read back
    // at exactly that string's length (`Hot::entry`), so they are valid UTF-8. Checking them
    // again on every hit was a fifth of the analysis time.
    unsafe { std::str::from_utf8_unchecked(bytes) }
}

impl Hot {
    fn matches(&self, word: &[u8; INLINE], len: usize) -> bool {
        usize::from(self.word_len) == len && self.word == *word
    }

    fn entry(&self) -> EntryRef<'_> {
        EntryRef {
            stop: self.stop,
            key: str_of(&self.key[..usize::from(self.key_len)]),
            exact: (self.exact_len > 0).then(|| str_of(&self.exact[..usize::from(self.exact_len)])),
        }
    }
}

/// Calls `f` with the entry of `lower` (a lowercased word), computing it on a miss.
///
/// Three levels: a small direct-mapped hot table that stays in the CPU cache (the most
/// frequent words), a larger warm one, then a hash map holding every word seen (bounded).
#[inline]
pub(crate) fn with_entry<R>(lower: &str, f: impl FnOnce(EntryRef<'_>) -> R) -> R {
    FRENCH.with(|cell| {
        // A callback that analyzes again (re-entrance) finds the cache busy: it gets its
        // keys computed afresh instead of a panic.
        let Ok(mut cache) = cell.try_borrow_mut() else {
            let keys = french_keys(lower, &mut Scratch::default());
            let stop = is_stop_word(lower);
            return f(EntryRef { stop, key: &keys.key, exact: keys.exact.as_deref() });
        };
        let cache = &mut *cache;
        let word = inline(lower);
        let h = hash(lower.as_bytes()) as usize;
        let (hot, warm) = (h & (HOT_SLOTS - 1), (h >> 20) & (WARM_SLOTS - 1));
        // The hot table is 2-way: a word lives in `hot` or its neighbour `hot ^ 1` (same
        // 128 bytes); a new word replaces the neighbour and becomes first.
        if let Some(w) = &word {
            if cache.hot[hot].matches(w, lower.len()) {
                return f(cache.hot[hot].entry());
            }
            if cache.hot[hot ^ 1].matches(w, lower.len()) {
                return f(cache.hot[hot ^ 1].entry());
            }
            if cache.warm[warm].matches(w, lower.len()) {
                cache.hot[hot ^ 1] = cache.hot[hot];
                cache.hot[hot] = cache.warm[warm];
                return f(cache.hot[hot].entry());
            }
        }
        if cache.map.len() >= CAPACITY {
            cache.map.clear();
        }
        let e = match cache.map.get(lower) {
            Some(e) => e,
            None => {
                let keys = french_keys(lower, &mut cache.scratch);
                let entry = Entry {
                    stop: is_stop_word(lower),
                    key: keys.key.into_boxed_str(),
                    exact: keys.exact.map(String::into_boxed_str),
                };
                cache.map.entry(lower.into()).or_insert(entry)
            }
        };
        // Keep it in the direct-mapped tables when everything fits inline.
        let exact = e.exact.as_deref().unwrap_or("");
        if let (Some(w), Some(k), Some(x)) = (word, inline(&e.key), inline(exact)) {
            let slot = Hot {
                word: w,
                key: k,
                exact: x,
                word_len: lower.len() as u8,
                key_len: e.key.len() as u8,
                exact_len: exact.len() as u8,
                stop: e.stop,
            };
            cache.hot[hot ^ 1] = cache.hot[hot];
            cache.hot[hot] = slot;
            cache.warm[warm] = slot;
        }
        f(EntryRef { stop: e.stop, key: &e.key, exact: e.exact.as_deref() })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hit_and_miss_agree() {
        for w in ["négociations", "les", "pêche", "otan", "français"] {
            let get = || with_entry(w, |e| (e.stop, e.key.to_string(), e.exact.map(String::from)));
            let (first, second, third) = (get(), get(), get());
            assert_eq!(second, third, "{w}");
            assert_eq!(first, second, "{w}");
        }
        assert!(with_entry("les", |e| e.stop));
        assert!(!with_entry("otan", |e| e.stop));
    }

    #[test]
    fn long_words_bypass_the_hot_cache() {
        let long = "anticonstitutionnellement-et-plus-encore";
        let a = with_entry(long, |e| e.key.to_string());
        let b = with_entry(long, |e| e.key.to_string());
        assert_eq!(a, b);
        assert!(inline(long).is_none());
        // Two words landing in the same slot evict each other without mixing.
        for _ in 0..3 {
            for w in ["maison", "maisons", "chat", "pêche"] {
                let k = with_entry(w, |e| e.key.to_string());
                assert_eq!(k, french_keys(w, &mut Scratch::default()).key);
            }
        }
    }

    #[test]
    fn reentrant_use_does_not_panic() {
        let outer = with_entry("négociations", |e| {
            let inner = with_entry("négociations", |i| i.key.to_string());
            assert_eq!(inner, e.key);
            e.key.to_string()
        });
        assert_eq!(outer, "negoci");
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
