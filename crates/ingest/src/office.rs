//! Word processor documents, DOCX and ODT: the text of the document body, then read as plain
//! text. Both are ZIP archives holding XML (`word/document.xml`, `content.xml`); a small
//! reader of the ZIP central directory finds the part, deflate inflates it (bounded, so a ZIP
//! bomb costs at most [`MAX_PART`]).
//!
//! Kept: paragraphs and headings, line breaks, tabs, spaces. Left out: deleted revisions,
//! field codes, and everything outside the body part (headers, footers, comments, styles).

use std::io::Read;

use quick_xml::Reader;
use quick_xml::events::Event;

use crate::dispatch::Format;
use crate::error::ErrorKind;
use crate::normalize;

/// Largest inflated part read.
const MAX_PART: u64 = 64 * 1024 * 1024;

/// Whether `bytes` start like a ZIP archive.
pub(crate) fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// The format and text of a DOCX or ODT document, `Ok(None)` for any other ZIP archive.
pub(crate) fn to_text(bytes: &[u8]) -> Result<Option<(Format, String)>, ErrorKind> {
    let entries = central_directory(bytes).ok_or_else(corrupt)?;
    let (format, part) = if let Some(e) = entries.iter().find(|e| e.name == "word/document.xml") {
        (Format::Docx, e)
    } else if let Some(e) = entries.iter().find(|e| e.name == "content.xml")
        && entries.iter().any(|e| e.name == "mimetype")
    {
        (Format::Odt, e)
    } else {
        return Ok(None);
    };
    let xml = part.read(bytes).ok_or_else(corrupt)?;
    let xml = String::from_utf8_lossy(&xml);
    let text = match format {
        Format::Docx => paragraphs(&xml, &DOCX),
        _ => paragraphs(&xml, &ODT),
    }
    .map_err(|e| ErrorKind::Parse(format!("invalid XML in the document: {e}")))?;
    Ok(Some((format, text)))
}

fn corrupt() -> ErrorKind {
    ErrorKind::Parse("corrupt ZIP archive (a word processor document cut short?)".into())
}

/// Element names (local) of a document dialect.
struct Dialect {
    paragraph: &'static [&'static str],
    text: &'static [&'static str],
    skipped: &'static [&'static str],
    line_break: &'static str,
    tab: &'static str,
    /// `<text:s text:c="3"/>`: that many spaces.
    spaces: &'static str,
}

const DOCX: Dialect = Dialect {
    paragraph: &["p"],
    text: &["t"],
    skipped: &["delText", "instrText", "del", "footnoteReference"],
    line_break: "br",
    tab: "tab",
    spaces: "",
};

const ODT: Dialect = Dialect {
    paragraph: &["p", "h"],
    text: &["p", "h", "span", "a"],
    skipped: &["note", "annotation", "tracked-changes", "bookmark-ref"],
    line_break: "line-break",
    tab: "tab",
    spaces: "s",
};

/// The paragraphs of a body part, separated by blank lines.
fn paragraphs(xml: &str, d: &Dialect) -> Result<String, quick_xml::Error> {
    let mut reader = Reader::from_str(xml);
    let mut out = String::new();
    // Open text elements and skipped elements, by depth.
    let (mut in_text, mut skipped) = (0usize, 0usize);
    loop {
        match reader.read_event()? {
            Event::Start(e) => {
                let name = e.local_name();
                let name: &str = name.into_inner();
                if d.skipped.contains(&name) || skipped > 0 {
                    skipped += 1;
                } else if d.text.contains(&name) {
                    in_text += 1;
                }
            }
            Event::End(e) => {
                let name = e.local_name();
                let name: &str = name.into_inner();
                if skipped > 0 {
                    skipped -= 1;
                    continue;
                }
                if d.text.contains(&name) {
                    in_text = in_text.saturating_sub(1);
                }
                if d.paragraph.contains(&name) {
                    out.push_str("\n\n");
                }
            }
            Event::Empty(e) if skipped == 0 => {
                let name = e.local_name();
                let name: &str = name.into_inner();
                if name == d.line_break {
                    out.push('\n');
                } else if name == d.tab {
                    out.push('\t');
                } else if name == d.spaces && !d.spaces.is_empty() {
                    let n = e
                        .attributes()
                        .flatten()
                        .find(|a| a.key.local_name().into_inner() == "c")
                        .and_then(|a| a.value.trim().parse().ok())
                        .unwrap_or(1usize);
                    out.extend(std::iter::repeat_n(' ', n.min(100)));
                } else if d.paragraph.contains(&name) {
                    out.push_str("\n\n");
                }
            }
            Event::Text(t) if skipped == 0 && in_text > 0 => out.push_str(&t.xml10_content()),
            Event::GeneralRef(r) if skipped == 0 && in_text > 0 => {
                out.push_str(&normalize::decode_entities(&format!("&{};", &*r)));
            }
            Event::CData(t) if skipped == 0 && in_text > 0 => out.push_str(&t.xml10_content()),
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

/// An entry of the central directory.
struct Entry {
    name: String,
    method: u16,
    compressed: u64,
    local_offset: u64,
}

impl Entry {
    /// The entry's bytes, inflated (at most [`MAX_PART`]).
    fn read(&self, zip: &[u8]) -> Option<Vec<u8>> {
        let at = usize::try_from(self.local_offset).ok()?;
        if u32_at(zip, at)? != 0x0403_4b50 {
            return None;
        }
        let start =
            at + 30 + usize::from(u16_at(zip, at + 26)?) + usize::from(u16_at(zip, at + 28)?);
        let end = start.checked_add(usize::try_from(self.compressed).ok()?)?;
        let data = zip.get(start..end)?;
        let mut out = Vec::new();
        match self.method {
            0 => out.extend_from_slice(data.get(..data.len().min(MAX_PART as usize))?),
            8 => {
                flate2::read::DeflateDecoder::new(data)
                    .take(MAX_PART)
                    .read_to_end(&mut out)
                    .ok()?;
            }
            _ => return None,
        }
        Some(out)
    }
}

fn u16_at(b: &[u8], i: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(i..i + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], i: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(i..i + 4)?.try_into().ok()?))
}

/// The entries of a ZIP archive's central directory.
fn central_directory(zip: &[u8]) -> Option<Vec<Entry>> {
    // The end record is in the last 22 bytes plus a comment of at most 65,535.
    let from = zip.len().saturating_sub(22 + 65_535);
    let eocd = (from..zip.len().saturating_sub(21))
        .rev()
        .find(|&i| u32_at(zip, i) == Some(0x0605_4b50))?;
    let count = usize::from(u16_at(zip, eocd + 10)?);
    let mut at = usize::try_from(u32_at(zip, eocd + 16)?).ok()?;
    let mut entries = Vec::with_capacity(count.min(4096));
    for _ in 0..count {
        if u32_at(zip, at)? != 0x0201_4b50 {
            return None;
        }
        let name_len = usize::from(u16_at(zip, at + 28)?);
        let extra_len = usize::from(u16_at(zip, at + 30)?);
        let comment_len = usize::from(u16_at(zip, at + 32)?);
        let name = String::from_utf8_lossy(zip.get(at + 46..at + 46 + name_len)?).into_owned();
        entries.push(Entry {
            name,
            method: u16_at(zip, at + 10)?,
            compressed: u64::from(u32_at(zip, at + 20)?),
            local_offset: u64::from(u32_at(zip, at + 42)?),
        });
        at += 46 + name_len + extra_len + comment_len;
    }
    Some(entries)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// A ZIP archive of `(name, content)` entries, deflated.
    pub(crate) fn zip(files: &[(&str, &str)]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut central = Vec::new();
        for (name, content) in files {
            let mut enc =
                flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::default());
            enc.write_all(content.as_bytes()).unwrap();
            let data = enc.finish().unwrap();
            let offset = out.len() as u32;
            let header = |sig: u32, central: bool| {
                let mut h = Vec::new();
                h.extend(sig.to_le_bytes());
                if central {
                    h.extend(20u16.to_le_bytes());
                }
                h.extend(20u16.to_le_bytes());
                h.extend(0u16.to_le_bytes());
                h.extend(8u16.to_le_bytes());
                h.extend([0u8; 8]); // time, date, crc (not checked)
                h.extend((data.len() as u32).to_le_bytes());
                h.extend((content.len() as u32).to_le_bytes());
                h.extend((name.len() as u16).to_le_bytes());
                h.extend(0u16.to_le_bytes());
                if central {
                    h.extend([0u8; 6]); // comment length, disk, internal attributes
                    h.extend(0u32.to_le_bytes()); // external attributes
                    h.extend(offset.to_le_bytes());
                }
                h.extend(name.as_bytes());
                h
            };
            out.extend(header(0x0403_4b50, false));
            out.extend(&data);
            central.extend(header(0x0201_4b50, true));
        }
        let cd_offset = out.len() as u32;
        out.extend(&central);
        out.extend(0x0605_4b50u32.to_le_bytes());
        out.extend([0u8; 4]);
        out.extend((files.len() as u16).to_le_bytes());
        out.extend((files.len() as u16).to_le_bytes());
        out.extend((central.len() as u32).to_le_bytes());
        out.extend(cd_offset.to_le_bytes());
        out.extend(0u16.to_le_bytes());
        out
    }

    #[test]
    fn docx_and_odt_text() {
        let docx = zip(&[
            ("[Content_Types].xml", "<Types/>"),
            (
                "word/document.xml",
                r#"<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
                <w:p><w:r><w:t>Grève à la SNCF</w:t></w:r></w:p>
                <w:p><w:r><w:t xml:space="preserve">Le trafic sera </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>très</w:t></w:r><w:del><w:r><w:delText>peu</w:delText></w:r></w:del><w:r><w:t xml:space="preserve"> perturbé jeudi &amp; vendredi.</w:t><w:br/><w:t>Suite</w:t></w:r></w:p>
                <w:p><w:r><w:fldChar/><w:instrText>HYPERLINK "https://x"</w:instrText><w:t>l'OTAN</w:t></w:r></w:p>
                </w:body></w:document>"#,
            ),
        ]);
        assert!(is_zip(&docx));
        let (format, text) = to_text(&docx).unwrap().unwrap();
        assert_eq!(format, Format::Docx);
        let paras: Vec<&str> =
            text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).collect();
        assert_eq!(
            paras,
            ["Grève à la SNCF", "Le trafic sera très perturbé jeudi & vendredi.\nSuite", "l'OTAN"]
        );

        let odt = zip(&[
            ("mimetype", "application/vnd.oasis.opendocument.text"),
            (
                "content.xml",
                r#"<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>
                <text:h>Grève à la SNCF</text:h><text:p>Le trafic<text:s text:c="2"/>sera <text:span>perturbé</text:span>.<text:note><text:note-body><text:p>Note</text:p></text:note-body></text:note></text:p>
                </office:text></office:body></office:document-content>"#,
            ),
        ]);
        let (format, text) = to_text(&odt).unwrap().unwrap();
        assert_eq!(format, Format::Odt);
        let paras: Vec<&str> =
            text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).collect();
        assert_eq!(paras, ["Grève à la SNCF", "Le trafic  sera perturbé."]);

        // Another archive: not a document; a cut one: an error.
        assert!(to_text(&zip(&[("a.txt", "x")])).unwrap().is_none());
        assert!(to_text(&docx[..docx.len() - 30]).is_err());
        // Cut anywhere or with a byte changed: an error or some text, never a panic.
        for n in 0..docx.len() {
            let _ = to_text(&docx[..n]);
            let mut bent = docx.clone();
            bent[n] ^= 0x5a;
            let _ = to_text(&bent);
        }
    }
}
