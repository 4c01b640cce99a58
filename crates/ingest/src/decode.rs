//! Bytes to text: BOMs, declared charsets, and a policy for the lies files tell.
//!
//! Policy, in order: a BOM wins; bytes that are valid UTF-8 are UTF-8 whatever the file
//! declares (agency XML often says `iso-8859-1` over UTF-8 bytes); then the charset the file
//! declares (`<?xml encoding=…?>`, `<meta charset>`); then, when most multi-byte sequences are
//! valid UTF-8, UTF-8 with the few broken bytes replaced by U+FFFD; otherwise windows-1252,
//! which reads Latin-1 too.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

use crate::error::ErrorKind;

/// Decoded text and the encoding it was read with.
#[derive(Debug)]
pub(crate) struct Decoded {
    pub text: String,
    #[allow(dead_code)] // read by tests; kept for diagnostics
    pub encoding: &'static Encoding,
    /// Number of byte sequences that had to be replaced by U+FFFD.
    pub replaced: usize,
}

pub(crate) fn decode(bytes: &[u8]) -> Result<Decoded, ErrorKind> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        let replaced = if had_errors { text.matches('\u{fffd}').count() } else { 0 };
        return Ok(Decoded { text: text.into_owned(), encoding: enc, replaced });
    }
    if let Some(enc) = utf16_unmarked(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(bytes);
        let replaced = if had_errors { text.matches('\u{fffd}').count() } else { 0 };
        return Ok(Decoded { text: text.into_owned(), encoding: enc, replaced });
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(Decoded { text: s.to_owned(), encoding: UTF_8, replaced: 0 });
    }
    if let Some(enc) = declared_charset(bytes).filter(|e| *e != UTF_8) {
        let (text, _, had_errors) = enc.decode(bytes);
        if !had_errors {
            return Ok(Decoded { text: text.into_owned(), encoding: enc, replaced: 0 });
        }
    }
    let (valid, invalid) = utf8_sequences(bytes);
    if valid > 0 && invalid * 4 <= valid {
        let text = String::from_utf8_lossy(bytes).into_owned();
        return Ok(Decoded { text, encoding: UTF_8, replaced: invalid });
    }
    let (text, _, _) = WINDOWS_1252.decode(bytes);
    Ok(Decoded { text: text.into_owned(), encoding: WINDOWS_1252, replaced: 0 })
}

/// UTF-16 without a byte-order mark, as some Windows tools save text: in the first 8 KB, the
/// high byte of nearly every code unit is zero (Latin text) and the low byte is not.
pub(crate) fn utf16_unmarked(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(8192) & !1];
    let units = head.len() / 2;
    if units < 8 {
        return None;
    }
    let zeros = |parity: usize| head.iter().skip(parity).step_by(2).filter(|&&b| b == 0).count();
    let (even, odd) = (zeros(0), zeros(1));
    // Latin text: a zero high byte on 90 % of the units, low bytes almost never zero and
    // mostly printable (binary 16-bit tables have zero high bytes too).
    let mostly = |z: usize| z * 10 >= units * 9;
    let rarely = |z: usize| z * 20 <= units;
    let printable = |parity: usize| {
        let controls = head
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r'))
            .count();
        controls * 20 <= units
    };
    if mostly(odd) && rarely(even) && printable(0) {
        Some(encoding_rs::UTF_16LE)
    } else if mostly(even) && rarely(odd) && printable(1) {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// The charset a file declares in its first 2 KB: an XML declaration's `encoding`, an HTML
/// `<meta charset>` or `<meta http-equiv="Content-Type" content="…; charset=…">`.
pub(crate) fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(2048)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    for key in ["encoding=", "charset="] {
        let mut from = 0;
        while let Some(i) = head[from..].find(key) {
            let start = from + i + key.len();
            let value: String = head[start..]
                .trim_start_matches(['"', '\'', ' '])
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
                .collect();
            if let Some(enc) = Encoding::for_label(value.as_bytes()) {
                return Some(enc);
            }
            from = start;
        }
    }
    None
}

/// Counts valid multi-byte UTF-8 sequences and invalid bytes.
fn utf8_sequences(bytes: &[u8]) -> (usize, usize) {
    let (mut valid, mut invalid) = (0, 0);
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                valid += s.chars().filter(|c| !c.is_ascii()).count();
                return (valid, invalid);
            }
            Err(e) => {
                let (good, bad) = rest.split_at(e.valid_up_to());
                // SAFETY-free: `good` is valid UTF-8 by construction.
                valid += std::str::from_utf8(good)
                    .map_or(0, |s| s.chars().filter(|c| !c.is_ascii()).count());
                invalid += 1;
                let skip = e.error_len().unwrap_or(bad.len()).max(1);
                rest = &bad[skip.min(bad.len())..];
                if rest.is_empty() {
                    return (valid, invalid);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let cases: &[(&[u8], &str, &str)] = &[
            (b"caf\xc3\xa9", "café", "UTF-8"),
            (b"\xef\xbb\xbfcaf\xc3\xa9", "café", "UTF-8"),
            (b"caf\xe9 \x92", "café \u{2019}", "windows-1252"),
            (b"\xff\xfec\x00a\x00f\x00\xe9\x00", "café", "UTF-16LE"),
            (b"L\x00e\x00 \x00c\x00a\x00f\x00\xe9\x00 \x00d\x00e\x00 \x00P\x00a\x00r\x00i\x00s\x00", "Le café de Paris", "UTF-16LE"),
            (b"\x00L\x00e\x00 \x00c\x00a\x00f\x00\xe9\x00 \x00d\x00e\x00 \x00P\x00a\x00r\x00i\x00s", "Le café de Paris", "UTF-16BE"),
            // UTF-8 under a Latin-1 declaration: the bytes win.
            (
                b"<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><a>D\xc3\xa9c\xc3\xa8s</a>",
                "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><a>Décès</a>",
                "UTF-8",
            ),
            // A genuine ISO-8859-15 file: the declaration is used (0xA4 is the euro sign).
            (
                b"<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?><a>\xe0 \xa4</a>",
                "<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?><a>à €</a>",
                "ISO-8859-15",
            ),
            // One broken byte in a UTF-8 file: replaced, the rest kept.
            (b"\xc3\xa9t\xc3\xa9 \xff \xc3\xa0 No\xc3\xabl", "été \u{fffd} à Noël", "UTF-8"),
        ];
        for (input, want, enc) in cases {
            let d = decode(input).unwrap();
            assert_eq!(d.text, *want, "{input:?}");
            assert_eq!(d.encoding.name(), *enc, "{input:?}");
        }
    }

    #[test]
    fn declared() {
        assert_eq!(declared_charset(b"<meta charset=\"windows-1252\">"), Some(WINDOWS_1252));
        assert_eq!(
            declared_charset(
                b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">"
            ),
            Some(WINDOWS_1252)
        );
        assert_eq!(declared_charset(b"<html><body>rien</body></html>"), None);
    }
}
