//! RTF, as word processors and press databases save dispatches: reduced to its text, then read
//! as plain text.
//!
//! Kept: the text of the document body, paragraph (`\par`) and line (`\line`) breaks, the
//! characters RTF escapes (`\'e9` in the document's code page, `\u233` with its fallback
//! skipped, typographic quotes and dashes written as control words). Left out: font, colour and
//! style tables, document information, pictures, headers and footers, field instructions
//! (a hyperlink's text stays), and every other `{\*…}` destination.

use encoding_rs::{Encoding, WINDOWS_1252};

/// Destinations whose text is not the document's.
const SKIPPED: &[&str] = &[
    "fonttbl",
    "colortbl",
    "stylesheet",
    "info",
    "pict",
    "object",
    "header",
    "headerl",
    "headerr",
    "headerf",
    "footer",
    "footerl",
    "footerr",
    "footerf",
    "fldinst",
    "listtable",
    "listoverridetable",
    "rsidtbl",
    "xmlnstbl",
    "themedata",
    "colorschememapping",
    "datastore",
    "latentstyles",
    "pgdsctbl",
    "filetbl",
    "revtbl",
    "generator",
    "bkmkstart",
    "bkmkend",
];

/// Whether `text` is an RTF document.
pub(crate) fn is_rtf(text: &str) -> bool {
    text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']).starts_with("{\\rtf")
}

/// The text of an RTF document.
pub(crate) fn to_text(rtf: &str) -> String {
    let b = rtf.as_bytes();
    let mut out = String::with_capacity(rtf.len() / 2);
    // Per group: whether its text is skipped, and how many characters follow a `\u`.
    let mut stack: Vec<(bool, usize)> = Vec::new();
    let (mut skip, mut uc) = (false, 1usize);
    let mut encoding: &'static Encoding = WINDOWS_1252;
    // Characters still to drop after a `\uN` (its fallback).
    let mut pending = 0usize;
    // Bytes of `\'hh` escapes not decoded yet (a multi-byte code page spreads a character).
    let mut bytes: Vec<u8> = Vec::new();
    // A group's first control word decides whether it is a skipped destination.
    let mut group_start = false;
    let mut i = 0;
    let flush = |bytes: &mut Vec<u8>, out: &mut String, encoding: &'static Encoding| {
        if !bytes.is_empty() {
            out.push_str(&encoding.decode_without_bom_handling(bytes).0);
            bytes.clear();
        }
    };
    while i < b.len() {
        let c = b[i];
        match c {
            b'{' => {
                flush(&mut bytes, &mut out, encoding);
                stack.push((skip, uc));
                group_start = true;
                i += 1;
                continue;
            }
            b'}' => {
                flush(&mut bytes, &mut out, encoding);
                (skip, uc) = stack.pop().unwrap_or((false, 1));
                pending = 0;
                group_start = false;
                i += 1;
                continue;
            }
            b'\\' => {
                let Some(&n) = b.get(i + 1) else { break };
                if n.is_ascii_alphabetic() {
                    let start = i + 1;
                    let mut j = start;
                    while j < b.len() && b[j].is_ascii_alphabetic() {
                        j += 1;
                    }
                    let word = &rtf[start..j];
                    let num_start = j;
                    if j < b.len() && b[j] == b'-' {
                        j += 1;
                    }
                    while j < b.len() && b[j].is_ascii_digit() {
                        j += 1;
                    }
                    let param: Option<i64> = rtf[num_start..j].parse().ok();
                    if j < b.len() && b[j] == b' ' {
                        j += 1;
                    }
                    i = j;
                    let first = std::mem::take(&mut group_start);
                    if first && SKIPPED.contains(&word) {
                        skip = true;
                    }
                    if word != "u" && !matches!(word, "uc") {
                        flush(&mut bytes, &mut out, encoding);
                    }
                    if skip {
                        continue;
                    }
                    match word {
                        "ansicpg" => {
                            encoding = match param {
                                Some(65001) => encoding_rs::UTF_8,
                                p => {
                                    let label = format!("windows-{}", p.unwrap_or(1252));
                                    Encoding::for_label(label.as_bytes()).unwrap_or(WINDOWS_1252)
                                }
                            };
                        }
                        "uc" => uc = param.unwrap_or(1).max(0) as usize,
                        "u" => {
                            flush(&mut bytes, &mut out, encoding);
                            let n = param.unwrap_or(0);
                            let code = if n < 0 { n + 65536 } else { n };
                            out.extend(char::from_u32(code as u32));
                            pending = uc;
                        }
                        "par" | "sect" | "page" => out.push_str("\n\n"),
                        "line" => out.push('\n'),
                        "tab" => out.push('\t'),
                        "emdash" => out.push('—'),
                        "endash" => out.push('–'),
                        "lquote" => out.push('‘'),
                        "rquote" => out.push('’'),
                        "ldblquote" => out.push('“'),
                        "rdblquote" => out.push('”'),
                        "bullet" => out.push('•'),
                        "emspace" | "enspace" | "qmspace" => out.push(' '),
                        _ => {}
                    }
                    continue;
                }
                // A control symbol (a non-ASCII one is skipped whole, not split).
                i += 1 + rtf[i + 1..].chars().next().map_or(1, char::len_utf8);
                match n {
                    // `{\*\dest …}`: a destination to skip unless understood.
                    b'*' if std::mem::take(&mut group_start) => skip = true,
                    b'\'' => {
                        let hex = rtf.get(i..i + 2).and_then(|h| u8::from_str_radix(h, 16).ok());
                        if let Some(byte) = hex {
                            i += 2;
                            if skip {
                                continue;
                            }
                            if pending > 0 {
                                pending -= 1;
                            } else {
                                bytes.push(byte);
                            }
                        }
                    }
                    _ if skip => {}
                    b'\\' | b'{' | b'}' => {
                        flush(&mut bytes, &mut out, encoding);
                        out.push(char::from(n));
                    }
                    b'~' => out.push('\u{a0}'),
                    b'_' => out.push('\u{2011}'),
                    b'\r' | b'\n' => out.push_str("\n\n"),
                    _ => {}
                }
                continue;
            }
            b'\r' | b'\n' => {
                // Line breaks in RTF source are not text.
                i += 1;
                continue;
            }
            _ => {}
        }
        group_start = false;
        // Plain text, up to the next special byte.
        let end = b[i..]
            .iter()
            .position(|&x| matches!(x, b'{' | b'}' | b'\\' | b'\r' | b'\n'))
            .map_or(b.len(), |p| i + p);
        let run = &rtf[i..end];
        i = end;
        if skip {
            continue;
        }
        flush(&mut bytes, &mut out, encoding);
        let mut chars = run.chars();
        while pending > 0 && chars.next().is_some() {
            pending -= 1;
        }
        out.push_str(chars.as_str());
    }
    flush(&mut bytes, &mut out, encoding);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_of_rtf() {
        let cases = [
            // Code-page escapes, paragraphs, the font table left out.
            (
                r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Times New Roman;}}\f0\fs24 Gr\'e8ve \'e0 la SNCF\par Le trafic sera perturb\'e9 jeudi.\par}",
                "Grève à la SNCF\n\nLe trafic sera perturbé jeudi.\n\n",
            ),
            // Unicode escapes with their fallback skipped, typographic quotes.
            (
                r"{\rtf1\uc1 Serge\u239?\u239 i Lavrov \ldblquote salue\rdblquote  l\rquote accord}",
                "Sergeïï Lavrov “salue” l’accord",
            ),
            // Destinations: `{\*…}`, document info, headers; a hyperlink keeps its text.
            (
                r"{\rtf1{\info{\title Brouillon}{\author X}}{\*\generator Word;}{\header En-t\'eate}{\field{\*\fldinst HYPERLINK https://x}{\fldrslt l'OTAN}} demeure\line ouverte\tab !}",
                "l'OTAN demeure\nouverte\t!",
            ),
            // Escaped braces and backslash; source line breaks are not text.
            ("{\\rtf1 a\\{b\\}\\\\c\r\nd}", "a{b}\\cd"),
            // Another code page.
            (r"{\rtf1\ansi\ansicpg1251 \'cc\'ee\'f1\'ea\'e2\'e0}", "Москва"),
        ];
        for (rtf, want) in cases {
            assert!(is_rtf(rtf));
            assert_eq!(to_text(rtf), want, "{rtf}");
        }
        assert!(!is_rtf("{\"title\": \"x\"}"));
        // Odd input never panics: a backslash before a multi-byte character, a cut escape.
        for odd in ["{\\rtf1 \\é suite}", "{\\rtf1 a\\'e", "{\\rtf1 \\u-", "}}}{\\", "\\'zz"] {
            to_text(odd);
        }
        // Nor do random mixes of RTF's pieces.
        let pieces = [
            "{",
            "}",
            "\\",
            "\\'",
            "e9",
            "\\u",
            "-12",
            "233",
            "?",
            "\\*",
            "\\par",
            " ",
            "é",
            "\\uc2",
            "\\ansicpg",
            "1251",
            "{\\fonttbl",
            "\\rtf1",
            "x",
            "\\\n",
            "日",
        ];
        let mut seed = 7u64;
        for _ in 0..3000 {
            let mut doc = String::new();
            for _ in 0..12 {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                doc.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            to_text(&doc);
        }
    }
}
