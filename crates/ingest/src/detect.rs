//! What layout a file is in, from its content first and its name second.

use std::path::Path;

use crate::dispatch::Format;
use crate::error::ErrorKind;

/// Rejects binary content by magic number or by the share of NUL and control bytes in the
/// first 8 KB (text in a UTF-16 encoding, with a BOM or without, is let through).
pub(crate) fn check_binary(bytes: &[u8]) -> Result<(), ErrorKind> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "PNG image"),
        (b"\xff\xd8\xff", "JPEG image"),
        (b"GIF87a", "GIF image"),
        (b"GIF89a", "GIF image"),
        (b"\x7fELF", "ELF executable"),
        (b"%PDF-", "PDF document"),
        (b"PK\x03\x04", "ZIP archive"),
        (b"RIFF", "RIFF media"),
        (b"\x00\x00\x01\x00", "icon"),
        (b"MZ", "Windows executable"),
        (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
        (b"BZh", "bzip2 archive"),
        (b"\xfd7zXZ\x00", "xz archive"),
        (b"\x28\xb5\x2f\xfd", "zstd archive"),
        (b"SQLite format 3\x00", "SQLite database"),
        (b"OggS", "Ogg media"),
        (b"ID3", "MP3 audio"),
        (b"\x00\x00\x00\x18ftyp", "MP4 media"),
        (b"\x00\x00\x00\x20ftyp", "MP4 media"),
        (b"\x00\x00\x00\x1cftyp", "MP4 media"),
    ];
    for (magic, what) in MAGIC {
        if bytes.starts_with(magic) {
            if *magic == b"MZ" && bytes.get(2).is_some_and(|b| b.is_ascii_graphic() || *b == b' ') {
                continue; // text that merely starts with "MZ…"
            }
            return Err(ErrorKind::Binary((*what).to_owned()));
        }
    }
    if encoding_rs::Encoding::for_bom(bytes).is_some()
        || crate::decode::utf16_unmarked(bytes).is_some()
    {
        return Ok(());
    }
    let head = &bytes[..bytes.len().min(8192)];
    let nul = memchr::memchr_iter(0, head).count();
    let ctrl = head.iter().filter(|b| matches!(b, 0..=8 | 14..=26 | 28..=31)).count();
    if nul > 0 || ctrl * 20 > head.len().max(1) {
        return Err(ErrorKind::Binary("unknown binary data".to_owned()));
    }
    Ok(())
}

/// Detects the layout of decoded text. `path` only breaks ties.
pub(crate) fn sniff(text: &str, path: &Path) -> Result<Format, ErrorKind> {
    let ext = extension(path);
    let head = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    if head.is_empty() {
        return Err(ErrorKind::Empty);
    }
    if crate::rtf::is_rtf(head) {
        return Ok(Format::Rtf);
    }
    if let Some(format) = crate::press::sniff(head) {
        return Ok(format);
    }
    match head.as_bytes()[0] {
        b'{' | b'[' => {
            if ext == "jsonl" || ext == "ndjson" {
                return Ok(Format::Ndjson);
            }
            if head.starts_with('{') && looks_like_ndjson(head) {
                return Ok(Format::Ndjson);
            }
            Ok(Format::Json)
        }
        b'<' => Ok(sniff_markup(head, &ext)),
        _ => Ok(Format::AgencyText),
    }
}

/// Markup: an IPTC root element, or HTML. Unknown XML falls back to HTML, whose extractor
/// looks for article text wherever it is.
fn sniff_markup(head: &str, ext: &str) -> Format {
    let window = &head[..floor_char_boundary(head, 16 * 1024)];
    let lower = window.to_ascii_lowercase();
    if let Some(root) = root_element(window) {
        let local = root.rsplit(':').next().unwrap_or(root);
        match local {
            "nitf" => return Format::Nitf,
            "NewsML" | "newsml" => return Format::Newsml1,
            "newsItem" | "packageItem" | "newsMessage" | "conceptItem" | "planningItem"
            | "knowledgeItem" | "catalogItem" => return Format::NewsmlG2,
            "html" => return Format::Html,
            _ => {}
        }
    }
    if lower.contains("iptc.org/std/nar/") {
        return Format::NewsmlG2;
    }
    if lower.contains("<newsml") {
        return Format::Newsml1;
    }
    if lower.contains("<nitf") {
        return Format::Nitf;
    }
    let _ = ext;
    Format::Html
}

/// The name of the first element, skipping the XML declaration, comments, processing
/// instructions and the DOCTYPE.
fn root_element(s: &str) -> Option<&str> {
    let mut rest = s;
    loop {
        rest = rest.trim_start();
        if let Some(r) = rest.strip_prefix("<?") {
            rest = &r[r.find("?>")? + 2..];
        } else if let Some(r) = rest.strip_prefix("<!--") {
            rest = &r[r.find("-->")? + 3..];
        } else if rest.len() >= 9 && rest[..9].eq_ignore_ascii_case("<!doctype") {
            rest = skip_doctype(rest)?;
        } else if let Some(r) = rest.strip_prefix('<') {
            let end = r.find(|c: char| c.is_whitespace() || c == '>' || c == '/')?;
            return Some(&r[..end]);
        } else {
            return None;
        }
    }
}

/// Skips a DOCTYPE, including an internal subset in brackets.
fn skip_doctype(s: &str) -> Option<&str> {
    let mut depth = 0i32;
    for (i, c) in s.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => depth -= 1,
            '>' if depth <= 0 => return Some(&s[i + 1..]),
            _ => {}
        }
    }
    None
}

/// Several lines that each start a JSON object, the first of them complete on its line.
fn looks_like_ndjson(head: &str) -> bool {
    let mut lines =
        head.lines().map(|l| l.trim_start_matches('\u{feff}').trim()).filter(|l| !l.is_empty());
    let Some(first) = lines.next() else { return false };
    let Some(second) = lines.next() else { return false };
    second.starts_with('{') && serde_json::from_str::<serde::de::IgnoredAny>(first).is_ok()
}

/// Lowercase extension, looking through a `.gz` suffix.
pub(crate) fn extension(path: &Path) -> String {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("").to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    name.rsplit_once('.').map(|(_, e)| e.to_owned()).unwrap_or_default()
}

pub(crate) fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniff_table() {
        let cases = [
            ("Politique\n\nJens Stoltenberg", "a.txt", Format::AgencyText),
            ("{\\rtf1\\ansi Gr\\'e8ve", "a.rtf", Format::Rtf),
            ("\u{feff}{\\rtf1 x}", "a.doc", Format::Rtf),
            ("{\"title\":\"a\"}\n{\"title\":\"b\"}\n", "feed", Format::Ndjson),
            ("{\"title\":\"a\"}", "x.jsonl", Format::Ndjson),
            ("{\n  \"title\": \"a\",\n  \"body\": \"b\"\n}", "x.json", Format::Json),
            ("[{\"title\":\"a\"}]", "x.txt", Format::Json),
            ("<!DOCTYPE html><html><head>", "x", Format::Html),
            ("<?xml version=\"1.0\"?>\n<!-- c -->\n<nitf><head/>", "x.xml", Format::Nitf),
            (
                "<?xml version='1.0'?><!DOCTYPE NewsML PUBLIC \"x\" \"NewsML-1.2.dtd\" [<!ENTITY % nitf SYSTEM \"n.dtd\"> %nitf; ]><NewsML>",
                "x.xml",
                Format::Newsml1,
            ),
            ("<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\">", "x.xml", Format::NewsmlG2),
            (
                "<nar:newsMessage xmlns:nar=\"http://iptc.org/std/nar/2006-10-01/\">",
                "x",
                Format::NewsmlG2,
            ),
            ("<div><p>Texte</p></div>", "x.htm", Format::Html),
        ];
        for (text, path, want) in cases {
            assert_eq!(sniff(text, Path::new(path)).unwrap(), want, "{text:?}");
        }
        assert!(matches!(sniff(" \n ", Path::new("x")), Err(ErrorKind::Empty)));
    }

    #[test]
    fn binary_table() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        assert!(matches!(check_binary(png), Err(ErrorKind::Binary(w)) if w == "PNG image"));
        assert!(matches!(check_binary(b"\x7fELF\x02\x01\x01"), Err(ErrorKind::Binary(_))));
        assert!(matches!(check_binary(b"abc\0def"), Err(ErrorKind::Binary(_))));
        // 16-bit integers have zero high bytes like UTF-16 text, but no printable low bytes.
        let table: Vec<u8> = (0u8..200).flat_map(|i| [i % 40, 0]).collect();
        assert!(matches!(check_binary(&table), Err(ErrorKind::Binary(_))));
        let utf16: Vec<u8> = "Grève à la SNCF".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert!(check_binary(&utf16).is_ok());
        assert!(check_binary("Texte français\r\n".as_bytes()).is_ok());
        assert!(check_binary(b"MZ Zone industrielle").is_ok());
        assert!(check_binary(b"\xff\xfea\x00b\x00").is_ok());
    }

    #[test]
    fn extension_table() {
        assert_eq!(extension(Path::new("a/b.JSONL.gz")), "jsonl");
        assert_eq!(extension(Path::new("a/b.html")), "html");
        assert_eq!(extension(Path::new("a/README")), "");
    }
}
