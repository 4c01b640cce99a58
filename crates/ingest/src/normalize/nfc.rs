//! Unicode canonical composition, so `e` + U+0301 and `é` are the same text.

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Whether `s` is already in NFC (quick check; "maybe" counts as no).
pub(crate) fn is_nfc(s: &str) -> bool {
    only_stable(s) || matches!(is_nfc_quick(s.chars()), IsNormalized::Yes)
}

/// Whether every character of `s` is one that NFC leaves alone whatever surrounds it
/// (quick check "yes", combining class 0): below U+0300 (ASCII, Latin-1, Latin Extended,
/// IPA, modifier letters), U+2002–U+206F (punctuation: `’ « … —`) or U+20A0–U+20BF
/// (currencies). One byte scan, without decoding: most French text is only that.
fn only_stable(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        i += match c {
            0x00..=0x7F => 1,
            // Lead bytes of U+0080..U+02FF.
            0xC2..=0xCB => 2,
            0xE2 => match (b.get(i + 1), b.get(i + 2)) {
                (Some(0x80), Some(0x82..=0xBF))
                | (Some(0x81), Some(0x80..=0xAF))
                | (Some(0x82), Some(0xA0..=0xBF)) => 3,
                _ => return false,
            },
            _ => return false,
        };
    }
    true
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
    use unicode_normalization::{IsNormalized, is_nfc_quick};

    #[test]
    fn stable_ranges_need_no_composition() {
        use unicode_normalization::char::canonical_combining_class;
        let ranges = ['\u{0}'..='\u{2ff}', '\u{2002}'..='\u{206f}', '\u{20a0}'..='\u{20bf}'];
        for c in ranges.into_iter().flatten() {
            let s = c.to_string();
            assert!(super::only_stable(&s), "{c:?}");
            assert_eq!(canonical_combining_class(c), 0, "{c:?}");
            assert!(matches!(is_nfc_quick(s.chars()), IsNormalized::Yes), "{c:?}");
        }
        for c in ['\u{300}', '\u{2000}', '\u{2001}', '\u{2070}', '\u{20d0}', '\u{fb01}', '\u{1100}']
        {
            assert!(!super::only_stable(&c.to_string()), "{c:?}");
        }
        assert!(super::is_nfc("Sergueï Lavrov a dit : « non » – 5 €…"));
        assert!(!super::is_nfc("Serge\u{301}i"));
    }

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
