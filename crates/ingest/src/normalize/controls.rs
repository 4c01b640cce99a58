//! Control and invisible characters that carry nothing a reader sees.

/// Drops C0/C1 controls (except line breaks and tabs, which later steps turn into spaces),
/// zero-width spaces and joiners, the BOM, and soft hyphens (`Ukrai\u{ad}ne` is `Ukraine`).
pub(crate) fn strip(s: &str) -> String {
    if !s.chars().any(is_dropped) {
        return s.to_owned();
    }
    s.chars().filter(|c| !is_dropped(*c)).collect()
}

fn is_dropped(c: char) -> bool {
    match c {
        '\n' | '\r' | '\t' => false,
        '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' => true,
        // Bidi marks and isolates: invisible, and they split words for the tokenizer.
        '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => true,
        c => c.is_control(),
    }
}

#[cfg(test)]
mod tests {
    use super::strip;

    #[test]
    fn table() {
        let cases = [
            ("Ukrai\u{ad}ne", "Ukraine"),
            ("\u{feff}Politique", "Politique"),
            ("a\u{200b}b", "ab"),
            ("x\u{1}y\u{7f}z\u{85}", "xyz"),
            ("ligne\nsuivante\tici", "ligne\nsuivante\tici"),
        ];
        for (input, want) in cases {
            assert_eq!(strip(input), want, "{input:?}");
        }
    }
}
