//! French stop words (Snowball's list plus `a`), matched on the lowercased word BEFORE
//! accent folding: `à`, `été` and `était` are stop words, a typed `ete` is not.

use std::collections::HashSet;
use std::sync::LazyLock;

const LIST: &str = include_str!("data/stop_fr.txt");

/// True if `lower` (lowercased, not folded) is a stop word.
pub(crate) fn is_stop_word(lower: &str) -> bool {
    static SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
        LIST.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('|')).collect()
    });
    lower.len() <= 10 && SET.contains(lower)
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
    }
}
