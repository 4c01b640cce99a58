//! Lossless cleanup of the text a reader sees: one step per file, each with its table test.
//!
//! Only what loses nothing visible happens here (entities, Unicode composition, space
//! characters, runs of whitespace). Lowercasing, elision and stemming belong to the analyzer,
//! so highlight offsets computed on these strings point at what the reader sees.

mod controls;
mod entities;
mod nfc;
mod spaces;
mod turkish;
mod whitespace;

pub use entities::decode_entities;
pub use turkish::label_key;

/// Cleans one paragraph or field: Unicode NFC, control characters dropped, every kind of space
/// (NBSP, narrow NBSP, thin, ideographic, …) to a plain space, zero-width characters and soft
/// hyphens removed, runs of whitespace collapsed, ends trimmed.
pub fn clean(s: &str) -> String {
    if is_clean(s) {
        return s.to_owned();
    }
    let s = nfc::compose(s);
    let s = controls::strip(&s);
    let s = spaces::to_plain(&s);
    whitespace::collapse(&s)
}

/// Whether [`clean`] would return `s` unchanged: one byte scan, so cleaning text twice (a
/// reader, then `finish`) costs little. Non-ASCII is only decoded where a lead byte can start
/// a space, a control or an invisible character.
fn is_clean(s: &str) -> bool {
    let b = s.as_bytes();
    let mut prev_space = true; // a leading space is not clean
    let mut ascii = true;
    let mut i = 0;
    while i < b.len() {
        if let Some(chunk) = b.get(i..i + 8)
            && let Some(last_space) = plain_ascii(chunk, prev_space)
        {
            prev_space = last_space;
            i += 8;
            continue;
        }
        let c = b[i];
        if c < 0x80 {
            if c < 0x20 || c == 0x7f || (c == b' ' && prev_space) {
                return false;
            }
            prev_space = c == b' ';
            i += 1;
            continue;
        }
        ascii = false;
        prev_space = false;
        let next = |k: usize| b.get(i + k).copied().unwrap_or(0);
        let bad = match c {
            // C1 controls, NEL, NBSP, soft hyphen.
            0xC2 => next(1) <= 0xA0 || next(1) == 0xAD,
            // U+1680 ogham space.
            0xE1 => next(1) == 0x9A && next(2) == 0x80,
            // U+2000–200F spaces and marks, 2028/2029 separators, 202A–202F embeddings and
            // narrow NBSP, 205F, 2060, 2066–2069.
            0xE2 => match next(1) {
                0x80 => next(2) <= 0x8F || (0xA8..=0xAF).contains(&next(2)),
                0x81 => matches!(next(2), 0x9F | 0xA0 | 0xA6..=0xA9),
                _ => false,
            },
            // U+3000 ideographic space.
            0xE3 => next(1) == 0x80 && next(2) == 0x80,
            // U+FEFF byte-order mark.
            0xEF => next(1) == 0xBB && next(2) == 0xBF,
            _ => false,
        };
        if bad {
            return false;
        }
        i += match c {
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            _ => 4,
        };
    }
    (b.is_empty() || !prev_space) && (ascii || nfc::is_nfc(s))
}

/// Eight bytes at once for [`is_clean`]: when they are printable ASCII with no space after
/// a space (`prev_space`: the byte before was one), whether the last is a space; `None`
/// when the bytewise scan has to look.
#[inline]
fn plain_ascii(chunk: &[u8], prev_space: bool) -> Option<bool> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    let v = u64::from_le_bytes(chunk.try_into().ok()?);
    // Bytes of `x` that are zero, exactly: 0x80 in each.
    let zeros = |x: u64| !(((x & LOW7) + LOW7) | x | LOW7);
    let below_space = v.wrapping_sub(ONES * 0x20) & !v & HIGH;
    if v & HIGH != 0 || below_space != 0 || zeros(v ^ (ONES * 0x7f)) != 0 {
        return None;
    }
    let spaces = zeros(v ^ (ONES * 0x20));
    if spaces & (spaces << 8) != 0 || (prev_space && spaces & 0x80 != 0) {
        return None;
    }
    Some(spaces >> 63 != 0)
}

/// Like [`clean`], for text that may still carry HTML entities (`&amp;`, `&eacute;`, `&#8217;`).
pub fn clean_escaped(s: &str) -> String {
    clean(&decode_entities(s))
}

/// [`clean`] in place: no copy when the text is already clean.
pub fn clean_in_place(s: &mut String) {
    if !is_clean(s) {
        *s = clean(s);
    }
}

/// [`clean`], or `None` when nothing is left.
pub fn clean_opt(s: &str) -> Option<String> {
    let c = clean(s);
    (!c.is_empty()).then_some(c)
}

/// Splits text into paragraphs on blank lines (also on single line breaks when `lines` is set),
/// cleans each and drops the empty ones.
pub fn paragraphs(s: &str, lines: bool) -> Vec<String> {
    let owned;
    let s = if s.contains('\r') {
        owned = s.replace("\r\n", "\n").replace('\r', "\n");
        owned.as_str()
    } else {
        s
    };
    let parts: Vec<&str> = if lines { s.split('\n').collect() } else { s.split("\n\n").collect() };
    parts.into_iter().map(clean).filter(|p| !p.is_empty()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_combines_the_steps() {
        let cases = [
            ("  Jens\u{a0}Stoltenberg\u{202f}: l'OTAN  ", "Jens Stoltenberg : l'OTAN"),
            ("Mise\u{a0}\u{a0}à\tjour\n", "Mise à jour"),
            ("Ukrai\u{ad}ne\u{200b}", "Ukraine"),
            ("e\u{301}te\u{301}", "été"),
            ("a\u{0}b\u{7}c", "abc"),
        ];
        for (input, want) in cases {
            assert_eq!(clean(input), want, "{input:?}");
        }
    }

    #[test]
    fn is_clean_agrees_with_clean() {
        // Strings of every length up to 40 over an alphabet of the cases that matter
        // (spaces, controls, DEL, NBSP, accents, soft hyphen), from a fixed pseudo-random
        // sequence: `is_clean(s)` must be exactly `clean(s) == s`.
        let alphabet = [
            "a", "Z", " ", "  ", "\t", "\n", "\u{7f}", "\u{1}", "é", "\u{a0}", "\u{ad}", "~",
            "e\u{301}", "’",
        ];
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let len = (x % 41) as usize;
            let mut s = String::new();
            let mut y = x;
            for _ in 0..len {
                y = y.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                // Mostly letters, so that long clean runs reach the eight-byte path.
                let k = (y >> 33) as usize % (alphabet.len() * 4);
                s.push_str(if k < alphabet.len() { alphabet[k] } else { "ab" });
            }
            let cleaned = {
                let c = nfc::compose(&s);
                let c = controls::strip(&c);
                let c = spaces::to_plain(&c);
                whitespace::collapse(&c)
            };
            assert_eq!(is_clean(&s), cleaned == s, "{s:?}");
        }
    }

    #[test]
    fn clean_text_is_recognized() {
        for s in [
            "Jens Stoltenberg : l'OTAN",
            "déjà vu",
            "a",
            "",
            "Sergueï «\u{a9}» 東京 €",
            "x\u{2013}y",
        ] {
            assert!(is_clean(s), "{s:?}");
            assert_eq!(clean(s), s);
        }
        for s in [
            " a",
            "a ",
            "a  b",
            "a\tb",
            "a\u{a0}b",
            "e\u{301}",
            "a\u{ad}b",
            "x\u{85}",
            "a\u{202f}:",
            "a\u{2009}b",
            "\u{feff}a",
            "a\u{200b}",
            "a\u{3000}",
            "a\u{2028}b",
            "a\u{1680}",
            "a\u{2060}",
        ] {
            assert!(!is_clean(s), "{s:?}");
        }
    }

    #[test]
    fn clean_escaped_decodes_entities_first() {
        assert_eq!(
            clean_escaped("l&#8217;OTAN &amp; l&rsquo;UE&nbsp;!"),
            "l\u{2019}OTAN & l\u{2019}UE !"
        );
    }

    #[test]
    fn paragraphs_split_on_blank_lines() {
        let text = "Premier\r\nparagraphe.\r\n\r\n\r\nSecond.\n\n  \n";
        assert_eq!(paragraphs(text, false), ["Premier paragraphe.", "Second."]);
        assert_eq!(paragraphs("a\nb\n\nc", true), ["a", "b", "c"]);
    }
}
