//! Lowercasing and accent folding: `É` → `e`, `ç` → `c`, `œ` → `oe`, `İ`/`ı` → `i`.
//!
//! Folding is NFKD with the combining marks dropped, plus a few letters that have no
//! decomposition but are read as accented Latin letters (`ø`, `ł`, `ß`, `œ`, dotless `ı`…).
//! The table is generated from `unicode-normalization` by a test (`fold_table_is_current`),
//! so runtime needs no Unicode crate and the ASCII path is a single comparison.

use super::fold_table::FOLD;

/// What a character becomes once lowercased characters are folded.
enum Folded {
    /// Unchanged.
    Same,
    /// Replaced by this text (empty for combining marks and invisible joiners).
    To(&'static str),
}

fn lookup(c: char) -> Folded {
    match FOLD.binary_search_by_key(&c, |&(k, _)| k) {
        Ok(i) => Folded::To(FOLD[i].1),
        Err(_) => Folded::Same,
    }
}

/// True for characters that belong inside a word without being letters or digits:
/// combining marks (text in NFD form), the soft hyphen, zero-width joiners.
pub(crate) fn is_ignorable(c: char) -> bool {
    !c.is_ascii() && matches!(lookup(c), Folded::To(""))
}

/// Appends `c` lowercased to `out` (`İ` becomes `i` + a combining dot, folded away later).
#[inline]
pub(crate) fn push_lower(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else {
        out.extend(c.to_lowercase());
    }
}

/// Appends the folded form of `lower` (already lowercased) to `out`.
pub(crate) fn push_folded(lower: &str, out: &mut String) {
    if lower.is_ascii() {
        out.push_str(lower);
        return;
    }
    for c in lower.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            match lookup(c) {
                Folded::Same => out.push(c),
                Folded::To(s) => out.push_str(s),
            }
        }
    }
}

/// Appends `lower` folded except for the circumflex vowels `â ê î ô û`, which tell apart
/// words such as `pêche`/`péché` or `tâche`/`tache`. Every character yields exactly as many
/// characters as [`push_folded`] gives it, so the two strings align character by character.
pub(crate) fn push_folded_keep_circumflex(lower: &str, out: &mut String) {
    for c in lower.chars() {
        if c.is_ascii() || matches!(c, 'â' | 'ê' | 'î' | 'ô' | 'û') {
            out.push(c);
        } else {
            match lookup(c) {
                Folded::Same => out.push(c),
                Folded::To(s) => out.push_str(s),
            }
        }
    }
}

/// Lowercases and folds `text` into a new string.
#[cfg(test)]
pub(crate) fn fold(text: &str) -> String {
    let mut lower = String::with_capacity(text.len());
    for c in text.chars() {
        push_lower(c, &mut lower);
    }
    let mut out = String::with_capacity(lower.len());
    push_folded(&lower, &mut out);
    out
}

/// True if lowercasing and folding `lower` changes it in some way other than case, i.e. the
/// word carries a diacritic (used to decide whether a query word was typed without accents).
pub(crate) fn has_diacritics(lower: &str) -> bool {
    !lower.is_ascii() && lower.chars().any(|c| !c.is_ascii() && !matches!(lookup(c), Folded::Same))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_french_and_neighbours() {
        let table = [
            ("Élysée", "elysee"),
            ("ÉTATS", "etats"),
            ("Sergueï", "serguei"),
            ("français", "francais"),
            ("Œuvre", "oeuvre"),
            ("cæcum", "caecum"),
            ("naïf", "naif"),
            ("Noël", "noel"),
            ("où", "ou"),
            ("İstanbul", "istanbul"),
            ("Diyarbakır", "diyarbakir"),
            ("Łódź", "lodz"),
            ("Ørsted", "orsted"),
            ("Straße", "strasse"),
            ("Nguyễn", "nguyen"),
            ("Ñandú", "nandu"),
            ("ﬁn", "fin"),
            ("XXᵉ", "xxe"),
            ("Ёлка", "елка"),
            // NFD input: e + combining acute.
            ("e\u{301}te\u{301}", "ete"),
            // Soft hyphen inside a word disappears.
            ("négo\u{ad}ciation", "negociation"),
            ("abc123", "abc123"),
            ("", ""),
        ];
        for (input, want) in table {
            assert_eq!(fold(input), want, "{input:?}");
        }
    }

    #[test]
    fn circumflex_variant_aligns_with_fold() {
        for w in ["pêche", "tâche", "côté", "mâle", "île", "jeûne", "œuvre", "straße", "çà"]
        {
            let mut full = String::new();
            push_folded(w, &mut full);
            let mut keep = String::new();
            push_folded_keep_circumflex(w, &mut keep);
            assert_eq!(full.chars().count(), keep.chars().count(), "{w}");
        }
        let mut keep = String::new();
        push_folded_keep_circumflex("pêché", &mut keep);
        assert_eq!(keep, "pêche");
    }

    #[test]
    fn ignorable_and_diacritics() {
        assert!(is_ignorable('\u{301}'));
        assert!(is_ignorable('\u{ad}'));
        assert!(!is_ignorable('\u{a0}'), "NBSP separates words");
        assert!(!is_ignorable('é'));
        assert!(!is_ignorable('-'));
        assert!(has_diacritics("négociation"));
        assert!(has_diacritics("pêche"));
        assert!(!has_diacritics("negociation"));
        assert!(!has_diacritics("москва"), "Cyrillic letters are not diacritics");
    }

    /// Builds the table from Unicode's NFKD: see the module docs.
    fn generate_table() -> String {
        use std::fmt::Write;
        use unicode_normalization::UnicodeNormalization;
        use unicode_normalization::char::is_combining_mark;

        const RANGES: &[(u32, u32)] = &[
            (0x00A0, 0x024F),
            (0x0300, 0x036F),
            (0x0370, 0x04FF),
            (0x0590, 0x06FF),
            (0x1AB0, 0x1AFF),
            (0x1D00, 0x1FFF),
            (0x2060, 0x2060),
            (0x2070, 0x209F),
            (0x200C, 0x200D),
            (0x20D0, 0x20FF),
            (0x2150, 0x218F),
            (0xFB00, 0xFDFF),
            (0xFE00, 0xFE2F),
            (0xFE70, 0xFEFF),
            (0xFF00, 0xFFEF),
        ];
        // Letters without a decomposition that a French reader takes for accented letters.
        const EXTRA: &[(char, &str)] = &[
            ('\u{ad}', ""),
            ('\u{200c}', ""),
            ('\u{200d}', ""),
            ('\u{2060}', ""),
            ('æ', "ae"),
            ('ð', "d"),
            ('ø', "o"),
            ('þ', "th"),
            ('ß', "ss"),
            ('đ', "d"),
            ('ħ', "h"),
            ('ı', "i"),
            ('ĸ', "k"),
            ('ŀ', "l"),
            ('ł', "l"),
            ('ŉ', "n"),
            ('œ', "oe"),
            ('ŧ', "t"),
            ('ƀ', "b"),
            ('ɨ', "i"),
        ];
        let mut rows: Vec<(char, String)> = Vec::new();
        let mut chars: Vec<char> =
            RANGES.iter().flat_map(|&(a, b)| (a..=b).filter_map(char::from_u32)).collect();
        chars.sort_unstable();
        chars.dedup();
        for c in chars {
            if let Some(&(_, to)) = EXTRA.iter().find(|(k, _)| *k == c) {
                rows.push((c, to.to_string()));
                continue;
            }
            // Only lowercase characters reach the table: analysis lowercases first.
            if c.to_lowercase().ne(std::iter::once(c)) {
                continue;
            }
            if is_combining_mark(c) {
                rows.push((c, String::new()));
                continue;
            }
            if !c.is_alphanumeric() {
                continue;
            }
            let decomposed: Vec<char> = std::iter::once(c).nfkd().collect();
            if decomposed.iter().any(|&d| !d.is_alphanumeric() && !is_combining_mark(d)) {
                continue; // `½` → `1⁄2`: not a letter with an accent, keep as is
            }
            let to: String = decomposed
                .into_iter()
                .filter(|&d| !is_combining_mark(d))
                .flat_map(char::to_lowercase)
                .collect();
            if !to.is_empty() && to != c.to_string() {
                rows.push((c, to));
            }
        }
        let mut out = String::from(
            "// @generated by `REGENERATE=1 cargo test -p depeche-index fold_table_is_current`\n\
             // from Unicode NFKD (unicode-normalization); do not edit by hand.\n\n\
             /// Lowercase character → folded text, sorted by character.\n\
             pub(super) static FOLD: &[(char, &str)] = &[\n",
        );
        for (c, to) in rows {
            writeln!(out, "    ('\\u{{{:x}}}', {:?}),", c as u32, to).unwrap();
        }
        out.push_str("];\n");
        out
    }

    #[test]
    fn fold_table_is_current() {
        let generated = generate_table();
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/analyzer/fold_table.rs");
        if std::env::var_os("REGENERATE").is_some() {
            std::fs::write(path, &generated).unwrap();
        }
        let committed = include_str!("fold_table.rs");
        assert!(committed == generated, "fold_table.rs is stale: rerun with REGENERATE=1");
        assert!(FOLD.windows(2).all(|w| w[0].0 < w[1].0), "table must be sorted");
    }
}
