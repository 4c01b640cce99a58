//! Unicode canonical composition, so `e` + U+0301 and `é` are the same text.

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Whether `s` is already in NFC (quick check; "maybe" counts as no).
pub(crate) fn is_nfc(s: &str) -> bool {
    matches!(is_nfc_quick(s.chars()), IsNormalized::Yes)
}

/// Returns `s` in NFC (cheap when it already is).
pub(crate) fn compose(s: &str) -> String {
    match is_nfc_quick(s.chars()) {
        IsNormalized::Yes => s.to_owned(),
        _ => s.nfc().collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::compose;

    #[test]
    fn table() {
        let cases = [
            ("Serge\u{301}i", "Sergéi"),
            ("Sergue\u{69}\u{308}", "Sergueï"),
            ("E\u{301}tats-Unis", "États-Unis"),
            ("déjà composé", "déjà composé"),
        ];
        for (input, want) in cases {
            assert_eq!(compose(input), want, "{input:?}");
        }
    }
}
