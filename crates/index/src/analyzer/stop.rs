//! French stop words (Snowball's list plus `a`), matched on the lowercased word BEFORE
//! accent folding: `à`, `été` and `était` are stop words, a typed `ete` is not.

use std::sync::LazyLock;

const LIST: &str = include_str!("data/stop_fr.txt");

/// Slots of the table (a power of two, about three times the list).
const SLOTS: usize = 512;

/// A word of at most 15 bytes as one integer: its bytes, then its length in the last byte
/// (so no word packs to 0, the empty slot).
fn pack(w: &[u8]) -> Option<u128> {
    if w.is_empty() || w.len() > 15 {
        return None;
    }
    let mut a = [0u8; 16];
    a[..w.len()].copy_from_slice(w);
    a[15] = w.len() as u8;
    Some(u128::from_le_bytes(a))
}

fn slot(k: u128) -> usize {
    let x = (k as u64) ^ ((k >> 64) as u64).rotate_left(29);
    (x.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 55) as usize & (SLOTS - 1)
}

/// The list in an open-addressing table of 8 KiB: every word of a text is checked against
/// it before any other lookup, so it has to stay in the CPU's first-level cache.
static TABLE: LazyLock<Box<[u128; SLOTS]>> = LazyLock::new(|| {
    let mut t = Box::new([0u128; SLOTS]);
    for w in LIST.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('|')) {
        let k = pack(w.as_bytes()).expect("stop words are short");
        let mut i = slot(k);
        while t[i] != 0 && t[i] != k {
            i = (i + 1) & (SLOTS - 1);
        }
        t[i] = k;
    }
    t
});

/// True if `lower` (lowercased, not folded) is a stop word.
#[inline]
pub(crate) fn is_stop_word(lower: &str) -> bool {
    let Some(k) = pack(lower.as_bytes()) else { return false };
    let t = &**TABLE;
    let mut i = slot(k);
    loop {
        match t[i] {
            0 => return false,
            v if v == k => return true,
            _ => i = (i + 1) & (SLOTS - 1),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accented_list_before_folding() {
        let table = [
            ("a", true),
            ("à", true),
            ("été", true),
            ("était", true),
            ("les", true),
            ("l", true),
            ("sans", true),
            ("ete", false),
            ("etait", false),
            ("otan", false),
            ("ukraine", false),
            ("", false),
        ];
        for (w, want) in table {
            assert_eq!(is_stop_word(w), want, "{w}");
        }
    }

    #[test]
    fn list_is_complete() {
        let n = LIST.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('|')).count();
        assert_eq!(n, 165, "Snowball's 164 words plus `a`");
        let stored = TABLE.iter().filter(|&&k| k != 0).count();
        assert_eq!(stored, n, "every word has its slot");
        let words: Vec<&str> =
            LIST.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('|')).collect();
        for w in &words {
            assert!(is_stop_word(w), "{w}");
            // A stop word with a letter more or less is one only when listed (`au`, `aux`).
            let mut shorter = w.chars();
            shorter.next_back();
            for other in [format!("{w}x"), format!("{w}s"), shorter.as_str().to_owned()] {
                assert_eq!(is_stop_word(&other), words.contains(&other.as_str()), "{other}");
            }
        }
    }
}
