//! Europresse text exports: per article a header, the story, then the database's trailer.
//!
//! ```text
//! Le Monde                                                  paper
//! Économie, mardi 12 mars 2024 612 mots, p. 8               section, date, word count, page
//!
//! Les agriculteurs maintiennent la pression                 headline (more lines: subtitle)
//!
//! Par Jean Dupont                                           byline
//!
//! Les principaux syndicats agricoles…                       text
//!
//! © 2024 SA Le Monde. Tous droits réservés.                 trailer: copyright,
//! Certificat émis le 13 mars 2024 à UNIVERSITE-DE-LYON…     certificate,
//! news·20240312·LM·1234567                                  document id
//! ```
//!
//! The header lines are told apart by what they hold (a date alone, a date between a section
//! and a page, a word count), so the date, section and word count may share a line or not.
//! Articles end at their trailer, or at a separator line (`-----`, `_____`).

use jiff::Timestamp;

use crate::dispatch::{Dispatch, Format};
use crate::error::ErrorKind;
use crate::normalize::label_key;

/// The header never spans more lines than this.
const HEADER_MAX: usize = 6;

/// A document id (`news·20240312·LM·1234567`): a collection, the day, the source, a number.
fn is_doc_id(line: &str) -> bool {
    let mut parts = line.trim().split(['·', '-']);
    let (Some(kind), Some(day), Some(rest)) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    !line.contains(' ')
        && (2..=12).contains(&kind.len())
        && kind.bytes().all(|b| b.is_ascii_lowercase())
        && day.len() == 8
        && day.bytes().all(|b| b.is_ascii_digit())
        && !rest.is_empty()
}

/// The certificate Europresse adds to every article of a download.
fn is_certificate(line: &str) -> bool {
    let key = label_key(line);
    ["certificat emis le", "certificate issued", "ce document est reserve a l'usage exclusif"]
        .iter()
        .any(|p| key.starts_with(p))
}

/// The copyright line closing an article: `© 2024 Le Monde. Tous droits réservés.`
fn is_copyright(line: &str) -> bool {
    let t = line.trim();
    let key = label_key(t);
    t.starts_with('©')
        || key.starts_with("(c) ")
        || key.starts_with("copyright ")
        || key == "tous droits reserves."
        || key.starts_with("le present document est protege par les lois")
}

fn is_trailer(line: &str) -> bool {
    is_doc_id(line) || is_certificate(line) || is_copyright(line)
}

/// A line of dashes, underscores or equal signs between articles.
fn is_separator(line: &str) -> bool {
    let t = line.trim();
    t.chars().count() >= 5 && t.chars().all(|c| matches!(c, '-' | '_' | '=' | '*' | '—'))
}

/// `612 mots`, `1 111 mots`, `612 words`, alone or ending a header line: what comes before
/// the count.
fn strip_word_count(s: &str) -> Option<&str> {
    let t = s.trim();
    let rest = ["mots", "words", "mot", "word"].iter().find_map(|w| t.strip_suffix(w))?;
    let rest = rest.trim_end();
    let digits = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
    let (mut before, mut group) = split_last_word(rest);
    if !digits(group) {
        return None;
    }
    // Thousands written apart (`1 111`): groups of three digits after one of one to three.
    while group.len() == 3 {
        let (b, g) = split_last_word(before.trim_end());
        if !(digits(g) && g.len() <= 3) {
            break;
        }
        (before, group) = (b, g);
    }
    Some(before.trim_end())
}

/// `s` before its last word, and the last word.
fn split_last_word(s: &str) -> (&str, &str) {
    match s.rfind(char::is_whitespace) {
        Some(i) => (&s[..i], s[i..].trim_start()),
        None => ("", s),
    }
}

/// Europresse's certificate and document id, with the copyright line or a word count: two
/// marks of the database, one of them its own.
pub(super) fn sniff(text: &str) -> bool {
    let (mut id, mut certificate, mut copyright, mut count) = (false, false, false, false);
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty() && l.len() < 400) {
        id |= is_doc_id(line);
        certificate |= is_certificate(line);
        copyright |= is_copyright(line);
        count |= line.len() < 120 && line.split(',').any(|p| strip_word_count(p).is_some());
    }
    (id || certificate) && [id, certificate, copyright, count].iter().filter(|m| **m).count() >= 2
}

/// Splits the export into articles and reads each.
pub(super) fn parse(text: &str) -> Vec<Result<Dispatch, ErrorKind>> {
    split(text).iter().map(|lines| article(lines)).collect()
}

/// The articles' lines: a separator ends one, and so does its trailer once a line that is no
/// part of it follows. A piece with nothing but trailer lines belongs to the article before.
fn split(text: &str) -> Vec<Vec<&str>> {
    let mut articles: Vec<Vec<&str>> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    let mut in_trailer = false;
    for line in text.lines() {
        let line = line.trim_start_matches('\u{feff}').trim_end_matches('\r');
        if is_separator(line) {
            flush(&mut current, &mut articles);
            in_trailer = false;
            continue;
        }
        let blank = line.trim().is_empty();
        if in_trailer && !blank && !is_trailer(line) {
            flush(&mut current, &mut articles);
            in_trailer = false;
        }
        current.push(line);
        in_trailer |= !blank && is_trailer(line);
    }
    flush(&mut current, &mut articles);
    articles
}

/// What a header line holds (a word count alone holds nothing kept).
#[derive(Debug, Default)]
pub(super) struct HeaderLine {
    pub(super) date: Option<Timestamp>,
    pub(super) section: Option<String>,
}

/// Ends the article being read; a piece holding only trailer lines joins the one before.
fn flush<'a>(current: &mut Vec<&'a str>, articles: &mut Vec<Vec<&'a str>>) {
    let lines = std::mem::take(current);
    let content = lines.iter().any(|l| !l.trim().is_empty() && !is_trailer(l));
    match articles.last_mut() {
        Some(last) if !content => last.extend(lines),
        _ if lines.iter().all(|l| l.trim().is_empty()) => {}
        _ => articles.push(lines),
    }
}

/// Reads a header line: a date alone, a word count alone, or `Section, date [count], p. N`.
pub(super) fn header_line(line: &str) -> Option<HeaderLine> {
    let line = line.trim();
    if line.chars().count() > 160 {
        return None;
    }
    if let Some(date) = super::date_alone(line) {
        return Some(HeaderLine { date: Some(date), ..HeaderLine::default() });
    }
    if strip_word_count(line).is_some_and(str::is_empty) {
        return Some(HeaderLine::default());
    }
    let parts: Vec<&str> = line.split(',').collect();
    for (k, part) in parts.iter().enumerate() {
        let part = strip_word_count(part).unwrap_or(part);
        let Some(date) = super::date_alone(part) else { continue };
        // What follows the date is a page, an edition or a word count, never a sentence.
        let tail_ok = parts[k + 1..].iter().all(|p| p.trim().chars().count() <= 30);
        if !tail_ok {
            return None;
        }
        let section = parts[..k].join(",").trim().to_owned();
        return Some(HeaderLine {
            date: Some(date),
            section: (!section.is_empty()).then_some(section),
        });
    }
    // `Le Figaro Économie, p. 24`: a section and a page, the date on a line of its own.
    match parts.split_last() {
        Some((page, section)) if !section.is_empty() && is_page(page) => {
            let section = section.join(",").trim().to_owned();
            (section.chars().count() <= 60)
                .then_some(HeaderLine { date: None, section: Some(section) })
        }
        _ => None,
    }
}

/// `p. 8`, `p. PARI2`, `page 3`.
fn is_page(s: &str) -> bool {
    let s = s.trim();
    let number = s.strip_prefix("p.").or_else(|| s.strip_prefix("page ")).map(str::trim);
    number.is_some_and(|n| {
        !n.is_empty() && n.len() <= 8 && n.chars().all(|c| c.is_alphanumeric() || c == '-')
    })
}

/// The section without the paper's name before it (`Le Figaro Économie` is `Économie`), or
/// `None` when it is only the paper's name.
pub(super) fn section_without_paper(
    section: Option<String>,
    paper: Option<&str>,
) -> Option<String> {
    let section = section?;
    let Some(paper) = paper else { return Some(section) };
    match section.strip_prefix(paper) {
        Some("") => None,
        Some(rest) if rest.starts_with([' ', ',', ';', '-']) => {
            Some(rest.trim_start_matches([' ', ',', ';', '-']).to_owned())
        }
        _ => Some(section),
    }
}

/// Reads one article.
fn article(lines: &[&str]) -> Result<Dispatch, ErrorKind> {
    let mut d = Dispatch { format: Format::Europresse, ..Dispatch::default() };
    // Trailer off the end: the document id is kept as the id.
    let mut end = lines.len();
    while end > 0 && (lines[end - 1].trim().is_empty() || is_trailer(lines[end - 1])) {
        let l = lines[end - 1].trim();
        if is_doc_id(l) && d.id.is_empty() {
            d.id = l.to_owned();
        }
        end -= 1;
    }
    // Blocks of non-empty lines between blank lines.
    let mut blocks: Vec<Vec<&str>> = Vec::new();
    let mut open = false;
    for line in &lines[..end] {
        let t = line.trim();
        if t.is_empty() {
            open = false;
        } else if open {
            if let Some(b) = blocks.last_mut() {
                b.push(t);
            }
        } else {
            blocks.push(vec![t]);
            open = true;
        }
    }
    // The header: the first lines, up to the last one holding a date or word count.
    let first: Vec<(usize, usize)> = blocks
        .iter()
        .enumerate()
        .flat_map(|(b, block)| (0..block.len()).map(move |i| (b, i)))
        .take(HEADER_MAX)
        .collect();
    let mut header_end = None;
    let mut paper = None;
    for (n, &(b, i)) in first.iter().enumerate() {
        let Some(h) = header_line(blocks[b][i]) else { continue };
        header_end = Some((b, i));
        d.published = d.published.or(h.date);
        if h.section.is_some() {
            d.section = h.section;
        }
        if n > 0 && paper.is_none() {
            paper = Some(blocks[first[0].0][first[0].1]);
        }
    }
    // The story starts after the header, on the header's last line's next line.
    let mut rest: Vec<Vec<&str>> = match header_end {
        Some((b, i)) => {
            let tail = blocks[b][i + 1..].to_vec();
            let mut rest = Vec::new();
            if !tail.is_empty() {
                rest.push(tail);
            }
            rest.extend(blocks[b + 1..].iter().cloned());
            rest
        }
        None => blocks,
    };
    // The paper's name: `Le Figaro, no. 24750` is `Le Figaro`.
    let paper = paper.map(|p| {
        let p = p.split(", no.").next().unwrap_or(p);
        p.split(", n°").next().unwrap_or(p).trim().to_owned()
    });
    d.section = section_without_paper(d.section.take(), paper.as_deref());
    // Headline, then a subtitle in the same block; a byline block after them.
    if !rest.is_empty() {
        let block = rest.remove(0);
        d.title = block[0].to_owned();
        if block.len() > 1 {
            d.lede = Some(block[1..].join(" "));
        }
    }
    if let Some(block) = rest.first()
        && block.len() <= 2
        && block.iter().map(|l| l.chars().count()).sum::<usize>() <= 120
        && !super::ends_sentence(block[block.len() - 1].trim_end_matches(')'))
    {
        let authors = super::byline_authors(&block.join(", "));
        if !authors.is_empty() {
            d.authors = authors;
            rest.remove(0);
        }
    }
    d.body = body(&rest);
    if d.body.is_empty() {
        return Err(super::damaged(&d.title));
    }
    super::credit_source(&mut d, paper);
    Ok(d)
}

/// The story's paragraphs, without the database's notes: `Cet article est paru dans …`, the
/// `Note(s) :` label (the notes stay) and the `Illustration(s) :` captions.
fn body(blocks: &[Vec<&str>]) -> Vec<String> {
    let mut lines = Vec::new();
    let mut captions = false;
    for block in blocks {
        for line in block {
            let key = label_key(line);
            let label = key.trim_end_matches([' ', ':']);
            if matches!(label, "illustration(s)" | "illustration" | "illustrations") {
                captions = true;
                continue;
            }
            if matches!(label, "note(s)" | "note" | "notes") {
                captions = false;
                continue;
            }
            if captions || key.starts_with("cet article est paru dans") {
                continue;
            }
            lines.push(*line);
        }
        lines.push("");
    }
    super::paragraphs(lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks() {
        assert!(is_doc_id("news·20240312·LM·1234567"));
        assert!(is_doc_id("news-20240312-FIG-art_2811532"));
        assert!(!is_doc_id("news 20240312"));
        assert!(!is_doc_id("Hauts-de-Seine"));
        assert!(is_certificate(
            "Certificat émis le 13 mars 2024 à UNIVERSITE-DE-LYON à des fins de visualisation personnelle et temporaire."
        ));
        assert!(is_copyright("© 2024 Le Monde. Tous droits réservés."));
        assert!(!is_copyright("Le Monde a publié ce texte."));
        assert!(is_separator("____________"));
        assert!(!is_separator("--"));
    }

    #[test]
    fn word_counts() {
        assert_eq!(strip_word_count("612 mots"), Some(""));
        assert_eq!(strip_word_count("mardi 12 mars 2024 1 111 mots"), Some("mardi 12 mars 2024"));
        assert_eq!(strip_word_count("Des mots"), None);
    }

    #[test]
    fn header_lines() {
        let h = header_line("Économie, mardi 12 mars 2024, p. 8").unwrap();
        assert_eq!(h.section.as_deref(), Some("Économie"));
        assert_eq!(h.date.map(|t| t.to_string()).as_deref(), Some("2024-03-12T00:00:00Z"));
        let h = header_line("International, mercredi 13 mars 2024 1111 mots, p. 3").unwrap();
        assert_eq!(h.section.as_deref(), Some("International"));
        assert!(header_line("612 mots").is_some());
        let h = header_line("Le Figaro Économie, p. 24").unwrap();
        assert_eq!((h.date, h.section.as_deref()), (None, Some("Le Figaro Économie")));
        assert!(header_line("Le Figaro Économie, p. 24, et la suite du texte").is_none());
        assert!(header_line("mardi 12 mars 2024").unwrap().section.is_none());
        assert!(
            header_line("Le 12 mars 2024, le ministre a annoncé une réforme des retraites.")
                .is_none()
        );
        assert!(header_line("Le Monde").is_none());
    }

    #[test]
    fn sniffing() {
        let export = "Le Monde\nmardi 12 mars 2024\n\nTitre\n\nTexte.\n\n© 2024 Le Monde. Tous droits réservés.\n\nnews·20240312·LM·1\n";
        assert!(sniff(export));
        assert!(!sniff("Titre\n\nTexte.\n\n© 2024 Le Monde. Tous droits réservés.\n612 mots\n"));
    }
}
