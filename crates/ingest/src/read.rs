//! From a path to dispatches: size cap, decompression, decoding, layout detection, parsing,
//! and the finishing touches every layout shares.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use flate2::read::MultiGzDecoder;

use crate::dispatch::{Dispatch, Format, Source};
use crate::error::{Error, ErrorKind};
use crate::{
    decode, detect, fingerprint, html, iptc, json, lang, normalize, office, persons, press, rtf,
    text, walk,
};

/// Ingest settings.
#[derive(Debug, Clone)]
pub struct Options {
    /// Largest file (or NDJSON line) read, in bytes, after decompression. Default 20 MiB.
    pub max_file_size: u64,
}

impl Default for Options {
    fn default() -> Options {
        Options { max_file_size: 20 * 1024 * 1024 }
    }
}

/// A piece of a file that parses independently: the whole file, or one NDJSON line. Reading
/// units is cheap; [`Unit::parse`] does the work, so callers can parse units in parallel.
#[derive(Debug, Clone)]
pub struct Unit {
    path: Arc<Path>,
    record: Option<u64>,
    format: Format,
    text: String,
}

impl Unit {
    /// The file this unit comes from.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The detected layout.
    pub fn format(&self) -> Format {
        self.format
    }

    /// Size of the unit's text in bytes.
    pub fn len(&self) -> usize {
        self.text.len()
    }

    /// Whether the unit's text is empty.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Parses the unit into dispatches (or one error per record that could not be read).
    pub fn parse(&self) -> Vec<Result<Dispatch, Error>> {
        let err = |record: Option<u64>, kind| match record {
            Some(n) => Error::record(self.path.to_path_buf(), n, kind),
            None => Error::new(self.path.to_path_buf(), kind),
        };
        let parsed: Vec<(Option<u64>, Result<Dispatch, ErrorKind>)> = match self.format {
            Format::Ndjson => match json::parse_line(&self.text) {
                Ok(Some(d)) => vec![(self.record, Ok(d))],
                Ok(None) => vec![],
                Err(e) => vec![(self.record, Err(e))],
            },
            Format::Json => match json::parse_document(&self.text) {
                Ok(records) => records,
                Err(e) => vec![(None, Err(e))],
            },
            Format::AgencyText => vec![(None, text::parse(&self.text))],
            Format::Rtf => vec![(None, text::parse(&rtf::to_text(&self.text)))],
            // The text was taken out of the archive when the file was read.
            Format::Docx | Format::Odt => vec![(None, text::parse(&self.text))],
            Format::Html => vec![(None, html::parse(&self.text))],
            Format::Factiva | Format::Europresse => match press::parse(&self.text, self.format) {
                one if one.len() == 1 => one.into_iter().map(|(_, r)| (None, r)).collect(),
                many => many.into_iter().map(|(n, r)| (Some(n), r)).collect(),
            },
            Format::Nitf | Format::Newsml1 | Format::NewsmlG2 => {
                match iptc::parse(&self.text, self.format) {
                    Ok(items) if items.len() == 1 => items.into_iter().map(|r| (None, r)).collect(),
                    Ok(items) => items
                        .into_iter()
                        .enumerate()
                        .map(|(i, r)| (Some(i as u64 + 1), r))
                        .collect(),
                    Err(e) => vec![(None, Err(e))],
                }
            }
        };
        let key = walk::path_key(&self.path);
        parsed
            .into_iter()
            .map(|(record, result)| {
                let mut d = result.map_err(|kind| err(record, kind))?;
                d.source = Source { path: key.clone(), record };
                if d.format == Format::default() && self.format != Format::AgencyText {
                    d.format = self.format;
                }
                finish(&mut d).map_err(|kind| err(record, kind))?;
                Ok(d)
            })
            .collect()
    }
}

/// The units of one file, read lazily (an NDJSON file is streamed line by line).
pub struct Units {
    inner: UnitsInner,
    read: Arc<AtomicU64>,
}

impl Units {
    /// Bytes of the file read so far (compressed bytes for a gzip file), for progress.
    pub fn bytes_read(&self) -> u64 {
        self.read.load(Ordering::Relaxed)
    }
}

/// Counts the bytes read from the file underneath any decompression.
struct Counting<R> {
    inner: R,
    read: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

enum UnitsInner {
    Many(std::vec::IntoIter<Unit>),
    Lines { path: Arc<Path>, reader: Box<dyn BufRead + Send>, line: u64, max: u64, done: bool },
}

impl Iterator for Units {
    type Item = Result<Unit, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        match &mut self.inner {
            UnitsInner::Many(units) => units.next().map(Ok),
            UnitsInner::Lines { path, reader, line, max, done } => loop {
                if *done {
                    return None;
                }
                let mut buf = Vec::new();
                let read = reader.by_ref().take(*max + 1).read_until(b'\n', &mut buf);
                *line += 1;
                let n = match read {
                    Ok(0) => {
                        *done = true;
                        return None;
                    }
                    Ok(n) => n,
                    Err(e) => {
                        *done = true;
                        return Some(Err(Error::record(
                            path.to_path_buf(),
                            *line,
                            ErrorKind::Io(e),
                        )));
                    }
                };
                if n as u64 > *max && buf.last() != Some(&b'\n') {
                    // Skip the rest of an over-long line.
                    let mut sink = Vec::new();
                    while !matches!(reader.read_until(b'\n', &mut sink), Ok(0) | Err(_))
                        && sink.last() != Some(&b'\n')
                    {
                        sink.clear();
                    }
                    let kind = ErrorKind::TooLarge { size: n as u64, limit: *max };
                    return Some(Err(Error::record(path.to_path_buf(), *line, kind)));
                }
                // A UTF-8 BOM opens the file, or each of several files joined together.
                if buf.starts_with(UTF8_BOM) {
                    buf.drain(..UTF8_BOM.len());
                }
                if buf.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                let text = match String::from_utf8(buf) {
                    Ok(s) => s,
                    Err(e) => decode::decode(e.as_bytes()).map(|d| d.text).unwrap_or_default(),
                };
                return Some(Ok(Unit {
                    path: path.clone(),
                    record: Some(*line),
                    format: Format::Ndjson,
                    text,
                }));
            },
        }
    }
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Opens a file and returns its units. Fails for unreadable, empty, binary, oversized and
/// undecodable files.
pub fn units(path: &Path, opts: &Options) -> Result<Units, Error> {
    let fail = |kind| Error::new(path.to_path_buf(), kind);
    let file = File::open(path).map_err(|e| fail(ErrorKind::Io(e)))?;
    let meta = file.metadata().map_err(|e| fail(ErrorKind::Io(e)))?;
    if meta.is_dir() {
        return Err(fail(ErrorKind::Io(io::Error::other("is a directory"))));
    }
    let size = meta.len();
    let read = Arc::new(AtomicU64::new(0));
    let mut reader =
        BufReader::with_capacity(64 * 1024, Counting { inner: file, read: read.clone() });
    let head = reader.fill_buf().map_err(|e| fail(ErrorKind::Io(e)))?;
    let gzipped = head.starts_with(&[0x1f, 0x8b]);
    let mut reader: Box<dyn BufRead + Send> = if gzipped {
        Box::new(BufReader::with_capacity(64 * 1024, MultiGzDecoder::new(reader)))
    } else {
        Box::new(reader)
    };
    let head = reader.fill_buf().map_err(|e| fail(ErrorKind::Io(e)))?.to_vec();
    if head.is_empty() {
        return Err(fail(ErrorKind::Empty));
    }
    // Word processor documents are ZIP archives: their text, or the archive is binary.
    if !gzipped && office::is_zip(&head) {
        if size > opts.max_file_size {
            return Err(fail(ErrorKind::TooLarge { size, limit: opts.max_file_size }));
        }
        let mut bytes = Vec::with_capacity(size as usize);
        reader.read_to_end(&mut bytes).map_err(|e| fail(ErrorKind::Io(e)))?;
        if let Some((format, text)) = office::to_text(&bytes).map_err(fail)? {
            let unit = Unit { path: Arc::from(path), record: None, format, text };
            return Ok(Units { inner: UnitsInner::Many(vec![unit].into_iter()), read });
        }
    }
    detect::check_binary(&head).map_err(fail)?;

    let ext = detect::extension(path);
    // UTF-16 cannot be split on newline bytes: such a file is decoded whole.
    let utf16 = head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]);
    let stream = !utf16
        && (ext == "jsonl" || ext == "ndjson" || {
            let head_text = String::from_utf8_lossy(&head);
            detect::sniff(&head_text, path).is_ok_and(|f| f == Format::Ndjson)
        });
    let path: Arc<Path> = Arc::from(path);
    if stream {
        let inner =
            UnitsInner::Lines { path, reader, line: 0, max: opts.max_file_size, done: false };
        return Ok(Units { inner, read });
    }
    if !gzipped && size > opts.max_file_size {
        return Err(fail(ErrorKind::TooLarge { size, limit: opts.max_file_size }));
    }
    let mut bytes = Vec::with_capacity(size.min(opts.max_file_size) as usize);
    reader
        .by_ref()
        .take(opts.max_file_size + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| fail(ErrorKind::Io(e)))?;
    if bytes.len() as u64 > opts.max_file_size {
        let mut total = bytes.len() as u64;
        total += io::copy(&mut reader, &mut io::sink()).unwrap_or(0);
        return Err(fail(ErrorKind::TooLarge { size: total, limit: opts.max_file_size }));
    }
    let decoded = decode::decode(&bytes).map_err(fail)?;
    if decoded.text.trim().is_empty() {
        return Err(fail(ErrorKind::Empty));
    }
    if decoded.replaced * 20 > decoded.text.len().max(1) {
        return Err(fail(ErrorKind::Undecodable(format!(
            "{} invalid byte sequences",
            decoded.replaced
        ))));
    }
    let format = detect::sniff(&decoded.text, &path).map_err(fail)?;
    if format == Format::Ndjson {
        let lines: Vec<Unit> = decoded
            .text
            .lines()
            .enumerate()
            .map(|(i, l)| (i, l.trim_start_matches('\u{feff}')))
            .filter(|(_, l)| !l.trim().is_empty())
            .map(|(i, l)| Unit {
                path: path.clone(),
                record: Some(i as u64 + 1),
                format,
                text: l.to_owned(),
            })
            .collect();
        return Ok(Units { inner: UnitsInner::Many(lines.into_iter()), read });
    }
    let one = vec![Unit { path, record: None, format, text: decoded.text }];
    Ok(Units { inner: UnitsInner::Many(one.into_iter()), read })
}

/// Reads a whole file: its dispatches, and the errors of the file or of its records.
pub fn read_file(path: &Path, opts: &Options) -> (Vec<Dispatch>, Vec<Error>) {
    let (mut dispatches, mut errors) = (Vec::new(), Vec::new());
    match units(path, opts) {
        Err(e) => errors.push(e),
        Ok(units) => {
            for unit in units {
                match unit {
                    Err(e) => errors.push(e),
                    Ok(unit) => {
                        for r in unit.parse() {
                            match r {
                                Ok(d) => dispatches.push(d),
                                Err(e) => errors.push(e),
                            }
                        }
                    }
                }
            }
        }
    }
    (dispatches, errors)
}

/// Parses `text` as a file of layout `format` at `path` would be parsed, without touching the
/// file system: the parsing half of [`read_file`]. An entry point for the fuzz targets.
#[doc(hidden)]
pub fn parse_text(path: &Path, format: Format, text: &str) -> Vec<Result<Dispatch, Error>> {
    Unit { path: Arc::from(path), record: None, format, text: text.to_owned() }.parse()
}

/// What every layout shares once its fields are read: cleaning, the lede not repeated as the
/// first body paragraph, language, persons, fingerprint, update key and id.
pub(crate) fn finish(d: &mut Dispatch) -> Result<(), ErrorKind> {
    normalize::clean_in_place(&mut d.title);
    if let Some(lede) = &mut d.lede {
        normalize::clean_in_place(lede);
        if lede.is_empty() {
            d.lede = None;
        }
    }
    for p in &mut d.body {
        normalize::clean_in_place(p);
    }
    d.body.retain(|p| !p.is_empty());
    // Staff and translator credits, sign-offs and desk signatures closing the text (agency
    // text has them out already).
    while d.body.len() > 1 {
        let last = d.body.last().map_or("", String::as_str);
        if let Some((reporters, translator)) = text::closing_credit(last) {
            d.body.pop();
            for name in reporters {
                let key = normalize::label_key(&name);
                if !d.authors.iter().any(|a| normalize::label_key(a) == key) {
                    d.authors.push(name);
                }
            }
            d.translator = d.translator.take().or(translator);
        } else if let Some(agency) = text::sign_off(last) {
            d.body.pop();
            if d.agency.is_none() {
                d.agency = agency.map(str::to_owned);
            }
        } else {
            break;
        }
    }
    for field in [
        &mut d.section,
        &mut d.dateline,
        &mut d.location,
        &mut d.translator,
        &mut d.agency,
        &mut d.url,
    ] {
        *field = field.as_deref().and_then(normalize::clean_opt);
    }
    for list in [&mut d.authors, &mut d.keywords] {
        let mut seen = Vec::new();
        for item in list.drain(..) {
            let item = normalize::clean(&item);
            if !item.is_empty() && !seen.contains(&item) {
                seen.push(item);
            }
        }
        *list = seen;
    }
    if let (Some(lede), Some(first)) = (&d.lede, d.body.first())
        && same_letters(lede, first)
    {
        d.body.remove(0);
    }
    if d.title.is_empty() {
        match d.lede.as_deref().or(d.body.first().map(String::as_str)) {
            Some(text) => {
                d.title = headline_from(text);
                d.title_derived = true;
            }
            None => return Err(ErrorKind::NotAnArticle("no title and no text".into())),
        }
    }
    if d.body.is_empty() && d.lede.is_none() && d.title.chars().count() < 3 {
        return Err(ErrorKind::NotAnArticle("no text".into()));
    }
    let sample = std::iter::once(d.title.as_str())
        .chain(d.lede.as_deref())
        .chain(d.body.iter().map(String::as_str))
        .take(6);
    let declared =
        d.language.as_deref().map(|l| l.split(['-', '_']).next().unwrap_or(l).to_lowercase());
    d.language = lang::guess_parts(sample).map(str::to_owned).or(declared);
    if d.persons.is_empty() {
        d.persons = persons::extract(d);
    }
    d.fingerprint = fingerprint::fingerprint(d);
    d.story = fingerprint::story_key(d);
    if d.id.is_empty() {
        d.id = fingerprint::derive_id(d);
    }
    Ok(())
}

fn same_letters(a: &str, b: &str) -> bool {
    let letters = |s: &str| {
        s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect::<String>()
    };
    letters(a) == letters(b)
}

/// A headline for a dispatch that has none: its first sentence, at most about 120 characters,
/// cut on a word boundary.
pub fn headline_from(text: &str) -> String {
    // A dateline (`ALGER -`, `PARIS, 12 mars 2024 (AFP) -`) is no part of a headline.
    let text = match crate::dateline::find(text) {
        Some(dl) if text[dl.len..].chars().count() > 20 => &text[dl.len..],
        _ => text,
    };
    let sentence = text[..sentence_end(text)].trim();
    if sentence.chars().count() <= 120 {
        return sentence.to_owned();
    }
    let mut out = String::new();
    for w in sentence.split(' ') {
        if out.chars().count() + w.chars().count() > 118 {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out.push('…');
    out
}

/// Byte end of the first sentence of `text`: after a `.`, `!` or `?` followed by a space or
/// the end, unless the period closes an abbreviation or an initial (`M.`, `Mme.`, `J.`).
fn sentence_end(text: &str) -> usize {
    for (i, c) in text.char_indices() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let end = i + 1;
        if !text[end..].chars().next().is_none_or(char::is_whitespace) {
            continue;
        }
        let word = text[..i].rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
        let abbreviation = c == '.'
            && (word.chars().count() == 1
                || [
                    "M", "Mme", "Mmes", "Mlle", "MM", "Me", "Mgr", "Dr", "Pr", "St", "Ste", "av",
                    "cf", "etc", "env", "art", "No", "n",
                ]
                .contains(&word));
        if !abbreviation {
            return end;
        }
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
        let p = dir.join(name);
        std::fs::write(&p, bytes).unwrap();
        p
    }

    #[test]
    fn ndjson_bad_line_skips_that_line_only() {
        let dir = tempfile::tempdir().unwrap();
        let p = write(dir.path(), "feed.jsonl", b"{\"title\":\"Un\",\"body\":\"Texte un.\"}\n{broken\n\n{\"title\":\"Trois\",\"body\":\"Texte trois.\"}\n");
        let (ds, errs) = read_file(&p, &Options::default());
        assert_eq!(ds.iter().map(|d| d.title.as_str()).collect::<Vec<_>>(), ["Un", "Trois"]);
        assert_eq!(ds[1].source.record, Some(4));
        assert_eq!(errs.len(), 1);
        assert_eq!(errs[0].record_number(), Some(2));
        assert_eq!(errs[0].kind().reason(), "parse-error");
    }

    #[test]
    fn closing_credits_leave_the_body_in_any_layout() {
        let line = r#"{"title": "L'Otan ouvre la porte à l'Ukraine", "body": "VILNIUS, 11 juillet (Reuters) - Les dirigeants de l'Otan ont déclaré mardi que l'Ukraine pourrait rejoindre l'Alliance.\n\nVolodymyr Zelensky a jugé absurde l'absence de calendrier.\n\n(Reportage Sabine Siebold et John Irish; version française Jean Terzian, édité par Kate Entringer)"}"#;
        let ds = parse_text(Path::new("feed.jsonl"), Format::Ndjson, line);
        let d = ds[0].as_ref().unwrap();
        assert_eq!(d.body.len(), 2, "{:?}", d.body);
        assert_eq!(d.authors, ["Sabine Siebold", "John Irish"]);
        assert_eq!(d.translator.as_deref(), Some("Jean Terzian"));
        let names: Vec<&str> = d.persons.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Volodymyr Zelensky"], "credited staff are no persons of the story");
    }

    #[test]
    fn ndjson_with_byte_order_marks() {
        let dir = tempfile::tempdir().unwrap();
        let line = |t: &str| {
            format!("\u{feff}{{\"headline\":\"{t}\",\"articleBody\":\"Texte de {t}.\"}}\r\n")
        };
        // Two exports joined: each opens with a BOM; lines end with CRLF.
        let utf8 = format!("{}{}", line("Grève à la SNCF"), line("Sommet de l’OTAN"));
        let p = write(dir.path(), "feed.jsonl", utf8.as_bytes());
        let (ds, errs) = read_file(&p, &Options::default());
        assert!(errs.is_empty(), "{errs:?}");
        assert_eq!(
            ds.iter().map(|d| d.title.as_str()).collect::<Vec<_>>(),
            ["Grève à la SNCF", "Sommet de l’OTAN"]
        );
        // The same without the extension (sniffed), and in UTF-16, which is not split on bytes.
        let p = write(dir.path(), "feed", utf8.as_bytes());
        assert_eq!(read_file(&p, &Options::default()).0.len(), 2);
        let utf16: Vec<u8> = utf8.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let p = write(dir.path(), "feed16.jsonl", &utf16);
        let (ds, errs) = read_file(&p, &Options::default());
        assert!(errs.is_empty(), "{errs:?}");
        assert_eq!(ds.len(), 2);
        assert_eq!(ds[1].body, ["Texte de Sommet de l’OTAN."]);
    }

    #[test]
    fn gzip_ndjson_is_streamed() {
        use flate2::{Compression, write::GzEncoder};
        use std::io::Write;
        let dir = tempfile::tempdir().unwrap();
        let mut enc = GzEncoder::new(Vec::new(), Compression::fast());
        for i in 0..50 {
            writeln!(enc, "{{\"id\":\"feed-{i:04}\",\"title\":\"Titre {i}\",\"body\":\"Corps du texte {i}.\"}}").unwrap();
        }
        let p = write(dir.path(), "feed.jsonl.gz", &enc.finish().unwrap());
        let (ds, errs) = read_file(&p, &Options { max_file_size: 100 });
        assert!(errs.is_empty(), "{errs:?}");
        assert_eq!(ds.len(), 50);
        assert_eq!(ds[49].id, "feed-0049");
    }

    #[test]
    fn bad_files_name_the_reason() {
        let dir = tempfile::tempdir().unwrap();
        let cases: &[(&str, &[u8], &str)] = &[
            ("empty.txt", b"", "empty"),
            ("blank.txt", b"  \n\n ", "empty"),
            ("img.png", b"\x89PNG\r\n\x1a\n\0\0\0", "binary"),
            ("big.txt", &[b'a'; 200], "too-large"),
            ("bad.json", b"{\"title\": ", "parse-error"),
        ];
        for (name, bytes, reason) in cases {
            let p = write(dir.path(), name, bytes);
            let (ds, errs) = read_file(&p, &Options { max_file_size: 100 });
            assert!(ds.is_empty(), "{name}");
            assert_eq!(errs.len(), 1, "{name}");
            assert_eq!(errs[0].kind().reason(), *reason, "{name}: {}", errs[0]);
            assert!(errs[0].to_string().contains(name), "{}", errs[0]);
        }
        let (_, errs) = read_file(&dir.path().join("missing.txt"), &Options::default());
        assert_eq!(errs[0].kind().reason(), "unreadable");
    }

    #[test]
    fn finish_drops_a_repeated_lede_and_fills_keys() {
        let mut d = Dispatch {
            title: " Titre\u{a0}: test ".into(),
            lede: Some("Le chapô.".into()),
            body: vec!["Le  chapô".into(), "Le corps.".into(), "  ".into()],
            ..Dispatch::default()
        };
        finish(&mut d).unwrap();
        assert_eq!(d.title, "Titre : test");
        assert_eq!(d.body, ["Le corps."]);
        assert_eq!(d.fingerprint.len(), 32);
        assert!(d.id.starts_with('d'));
        assert!(!d.story.is_empty());
    }

    #[test]
    fn headline_is_cut_on_a_word() {
        let long = "mot ".repeat(60);
        let h = headline_from(&long);
        assert!(h.ends_with('…') && h.chars().count() <= 120, "{h}");
        assert_eq!(headline_from("Une phrase. Une autre."), "Une phrase.");
        // Abbreviations and initials do not end it; a dateline is left out.
        assert_eq!(
            headline_from("ALGER - M. Tebboune a reçu Mme. Dupont et J. Martin à Alger. Suite."),
            "M. Tebboune a reçu Mme. Dupont et J. Martin à Alger."
        );
        assert_eq!(
            headline_from("PARIS, 12 mars 2024 (AFP) - La réforme des retraites passe. Suite."),
            "La réforme des retraites passe."
        );
        assert_eq!(headline_from("Le 49.3 est engagé ! Suite."), "Le 49.3 est engagé !");
    }
}
