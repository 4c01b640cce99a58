//! Exports of the press databases used in France: Factiva and Europresse.
//!
//! Both write several articles to one file, with the database's own marks around each: field
//! codes at line starts for Factiva (`HD`, `PD`, `SN`, `LP`, `TD`, … `AN`), a header (paper,
//! section and date, word count) and a trailer (copyright, certificate, `news·…` document id)
//! for Europresse. Each article gives one dispatch, without the marks; an article without text
//! gives an error numbered like the article, and the others still come out.
//!
//! Detection asks for several distinct marks, so ordinary text that quotes one of them (a
//! story ending with `© 2024 Le Monde. Tous droits réservés.`) stays plain text.

mod europresse;
mod europresse_html;
mod factiva;

use jiff::Timestamp;

use crate::dates;
use crate::dispatch::{Dispatch, Format};
use crate::error::ErrorKind;
use crate::normalize::{self, label_key};
use crate::text::names;

/// How far into a file detection looks for the marks (the first article must fit).
const SNIFF_WINDOW: usize = 64 * 1024;

/// The press database export `text` is, if it is one.
pub(crate) fn sniff(text: &str) -> Option<Format> {
    let text = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    if text.starts_with(['{', '[']) {
        return None;
    }
    let window = &text[..crate::detect::floor_char_boundary(text, SNIFF_WINDOW)];
    let markup = text.starts_with('<');
    if !markup && factiva::sniff(window) {
        Some(Format::Factiva)
    } else if (!markup && europresse::sniff(window)) || (markup && europresse_html::sniff(window)) {
        Some(Format::Europresse)
    } else {
        None
    }
}

/// Parses an export into its articles: (article number, dispatch or why not).
pub(crate) fn parse(text: &str, format: Format) -> Vec<(u64, Result<Dispatch, ErrorKind>)> {
    let articles = match format {
        Format::Factiva => factiva::parse(text),
        _ if text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']).starts_with('<') => {
            europresse_html::parse(text)
        }
        _ => europresse::parse(text),
    };
    articles.into_iter().enumerate().map(|(i, r)| (i as u64 + 1, r.map(with_dateline))).collect()
}

/// The dateline opening the story (`PARIS, 13 mars 2024 (AFP) - `), and the agency it names,
/// which says more than the paper that printed the story.
fn with_dateline(mut d: Dispatch) -> Dispatch {
    let first = d.lede.as_deref().or(d.body.first().map(String::as_str));
    if let Some(dl) = first.and_then(crate::dateline::find).filter(|dl| !dl.is_bare()) {
        d.dateline = Some(dl.city);
        d.agency = dl.agency.or(d.agency);
    }
    d
}

/// The error of an article the export holds no story for (cut, or empty).
fn damaged(title: &str) -> ErrorKind {
    if title.is_empty() {
        ErrorKind::NotAnArticle("press export article without headline and text".into())
    } else {
        ErrorKind::NotAnArticle(format!("press export article without text (headline {title:?})"))
    }
}

/// Paragraphs of `lines`: a blank line ends one, and so does a line ending a sentence (exports
/// write a paragraph per line, or wrap them); other lines join the next one.
fn paragraphs<'a>(lines: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for line in lines {
        let line = line.trim();
        if !line.is_empty() {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(line);
        }
        if line.is_empty() || ends_sentence(line) {
            let p = normalize::clean(&current);
            if !p.is_empty() {
                out.push(p);
            }
            current.clear();
        }
    }
    let p = normalize::clean(&current);
    if !p.is_empty() {
        out.push(p);
    }
    out
}

fn ends_sentence(line: &str) -> bool {
    line.trim_end().ends_with(['.', '!', '?', '»', '"', '”', ':', '…'])
}

/// Authors from a byline: `Par Jean Dupont et Marie Martin`, `Jean Dupont (Beyrouth,
/// correspondant)`, `Jean Dupont, envoyé spécial à Kiev`. Roles and places are not names.
fn byline_authors(line: &str) -> Vec<String> {
    let mut plain = String::new();
    let mut depth = 0usize;
    for c in line.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            c if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    let plain = plain.trim();
    if let Some(names) = names::byline(plain) {
        return names;
    }
    let rest = match plain.split_once(char::is_whitespace) {
        Some((label, rest))
            if matches!(label_key(label).as_str(), "par" | "by" | "de" | "von" | "por") =>
        {
            rest
        }
        _ => plain,
    };
    names::split(rest)
}

/// A date written alone: `mardi 12 mars 2024`, `12 March 2024`, `Tuesday, March 12, 2024`,
/// `2024-03-12`. Other text (a sentence that mentions a date) is not one.
fn date_alone(s: &str) -> Option<Timestamp> {
    let s = s.trim().trim_end_matches('.');
    let words: Vec<&str> = s.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    if words.is_empty() || words.len() > 5 || s.chars().count() > 40 {
        return None;
    }
    if !words.iter().any(|w| w.len() >= 4 && w.bytes().take(4).all(|b| b.is_ascii_digit())) {
        return None;
    }
    if let Some(ts) = dates::parse(s) {
        return Some(ts);
    }
    // `March 12, 2024`: the day after the month.
    let k = words.len().checked_sub(3)?;
    let (month, day, year) = (words[k], words[k + 1], words[k + 2]);
    if day.bytes().all(|b| b.is_ascii_digit()) && month.chars().all(char::is_alphabetic) {
        return dates::parse(&format!("{day} {month} {year}"));
    }
    None
}

/// A language tag for a language name as the databases write it (`Français`, `English`), or
/// the value itself when it already is a short tag.
fn language_tag(name: &str) -> Option<String> {
    const NAMES: &[(&str, &str)] = &[
        ("francais", "fr"),
        ("french", "fr"),
        ("anglais", "en"),
        ("english", "en"),
        ("allemand", "de"),
        ("german", "de"),
        ("deutsch", "de"),
        ("espagnol", "es"),
        ("spanish", "es"),
        ("espanol", "es"),
        ("italien", "it"),
        ("italian", "it"),
        ("italiano", "it"),
        ("neerlandais", "nl"),
        ("dutch", "nl"),
        ("portugais", "pt"),
        ("portuguese", "pt"),
        ("arabe", "ar"),
        ("arabic", "ar"),
        ("russe", "ru"),
        ("russian", "ru"),
        ("turc", "tr"),
        ("turkish", "tr"),
    ];
    let key = label_key(name.trim());
    if let Some((_, tag)) = NAMES.iter().find(|(n, _)| *n == key) {
        return Some((*tag).to_owned());
    }
    let short = key.len() == 2 || (key.len() == 5 && matches!(key.as_bytes()[2], b'-' | b'_'));
    (short && key.chars().all(|c| c.is_ascii_alphabetic() || c == '-' || c == '_')).then_some(key)
}

/// The source publication of an article: the agency when it is one; else its name stands for
/// the agency, as a page's publisher does in HTML (the update key needs one: two papers'
/// `Éditorial` of a day are no versions of one story), and is kept as the first keyword.
fn credit_source(d: &mut Dispatch, source: Option<String>) {
    let Some(source) = source else { return };
    match agency_of_source(&source) {
        Some(agency) => d.agency = Some(agency),
        None => {
            d.agency = Some(source.clone());
            d.keywords.push(source);
        }
    }
}

/// The agency a source name is (`Agence France Presse`, `AFP Infos Françaises`, `Reuters -
/// Les Actualités en Français`), or `None` for a paper (`Le Figaro`).
fn agency_of_source(source: &str) -> Option<String> {
    crate::agency::known(source).map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_join_wrapped_lines() {
        let lines = ["Le gouvernement doit", "présenter jeudi un projet.", "Second.", "", "Trois"];
        assert_eq!(
            paragraphs(lines),
            ["Le gouvernement doit présenter jeudi un projet.", "Second.", "Trois"]
        );
    }

    #[test]
    fn bylines() {
        let cases: &[(&str, &[&str])] = &[
            ("Par Jean Dupont et Marie Martin", &["Jean Dupont", "Marie Martin"]),
            ("Benjamin Barthe (Beyrouth, correspondant)", &["Benjamin Barthe"]),
            ("Claire Gatinois, envoyée spéciale à Kiev", &["Claire Gatinois"]),
            ("By John Smith", &["John Smith"]),
            ("De notre correspondant", &[]),
            ("AFP", &[]),
        ];
        for (line, want) in cases {
            assert_eq!(byline_authors(line), *want, "{line:?}");
        }
    }

    #[test]
    fn dates_alone() {
        let day = |s: &str| date_alone(s).map(|t| t.to_string());
        assert_eq!(day("mardi 12 mars 2024").as_deref(), Some("2024-03-12T00:00:00Z"));
        assert_eq!(day("12 March 2024").as_deref(), Some("2024-03-12T00:00:00Z"));
        assert_eq!(day("Tuesday, March 12, 2024").as_deref(), Some("2024-03-12T00:00:00Z"));
        assert_eq!(day("2024-03-12").as_deref(), Some("2024-03-12T00:00:00Z"));
        assert_eq!(day("Le 12 mars 2024, le ministre a parlé à Paris."), None);
        assert_eq!(day("Le Monde"), None);
    }

    #[test]
    fn languages() {
        assert_eq!(language_tag("Français").as_deref(), Some("fr"));
        assert_eq!(language_tag("English").as_deref(), Some("en"));
        assert_eq!(language_tag("fr").as_deref(), Some("fr"));
        assert_eq!(language_tag("Klingon"), None);
    }

    #[test]
    fn sources() {
        assert_eq!(agency_of_source("Agence France Presse").as_deref(), Some("AFP"));
        assert_eq!(agency_of_source("AFP Infos Françaises").as_deref(), Some("AFP"));
        assert_eq!(
            agency_of_source("Reuters - Les Actualités en Français").as_deref(),
            Some("Reuters")
        );
        assert_eq!(agency_of_source("Le Figaro"), None);
        assert_eq!(agency_of_source("Ouest-France"), None);
    }
}
