//! Factiva text exports: field codes at line starts, each article closed by its `AN` line.
//!
//! ```text
//! HD      Les agriculteurs maintiennent la pression sur le gouvernement   headline
//! BY      Par Jean Dupont                                                  byline
//! WC      612 mots                                                         word count
//! PD      12 mars 2024                                                     date, ET time
//! SN      Le Figaro                                                        source name
//! LA      Français                                                         language
//! CY      (c) 2024 Le Figaro. Tous droits réservés.                        copyright
//! LP      Les principaux syndicats…                                        lead paragraphs
//!
//!         Le président de la FNSEA…
//! TD      Le gouvernement doit présenter jeudi…                            text
//! NS      gpol : Politique intérieure | gcat : Politique/Général           subjects
//! RE      fra : France                                                     regions
//! AN      Document FIG0000020240312ek3c0000x                               accession number
//! ```
//!
//! A code is two or three capitals at the start of a line, then a tab, two spaces or the end
//! of the line (Factiva pads codes to a column); its value runs until the next code, so
//! continuation lines may be indented or not. A code alone on its line with the value below
//! reads the same. An article ends at its `AN` line, or where a new headline follows text.

use crate::dates;
use crate::dispatch::{Dispatch, Format};
use crate::error::ErrorKind;

/// The codes Factiva writes. Only these open a field.
const CODES: &[&str] = &[
    "HD", "BY", "CR", "WC", "PD", "ET", "SN", "SC", "ED", "PG", "VOL", "LA", "CY", "LP", "TD",
    "CT", "RF", "ART", "CLM", "SE", "CO", "IN", "NS", "RE", "IPC", "IPD", "PUB", "AN", "NGC",
    "RST", "HLP", "DD", "UD",
];

/// How many distinct codes make a Factiva export.
const SNIFF_CODES: usize = 4;

/// A line opening a field: its code and the value on the same line.
fn field_start(line: &str) -> Option<(&'static str, &str)> {
    let end = line.find(|c: char| !c.is_ascii_uppercase()).unwrap_or(line.len());
    let code = CODES.iter().find(|c| **c == &line[..end])?;
    let rest = &line[end..];
    let padded = rest.is_empty()
        || rest.starts_with('\t')
        || rest.starts_with("  ")
        || rest.trim().is_empty();
    padded.then(|| (*code, rest.trim()))
}

/// Several distinct codes at line starts, a headline or text among them, and a date, source
/// or accession number.
pub(super) fn sniff(text: &str) -> bool {
    let mut seen: Vec<&str> = Vec::new();
    for line in text.lines() {
        if let Some((code, value)) = field_start(line.trim_end_matches('\r'))
            && !seen.contains(&code)
            && (!value.is_empty() || matches!(code, "LP" | "TD" | "HD"))
        {
            seen.push(code);
        }
    }
    let has = |codes: &[&str]| codes.iter().any(|c| seen.contains(c));
    seen.len() >= SNIFF_CODES && has(&["HD", "LP", "TD"]) && has(&["PD", "SN", "AN"])
}

/// One article's fields, in file order: (code, lines of the value).
type Fields<'a> = Vec<(&'static str, Vec<&'a str>)>;

/// Splits the export into articles and reads each.
pub(super) fn parse(text: &str) -> Vec<Result<Dispatch, ErrorKind>> {
    split(text).iter().map(article).collect()
}

/// The articles of the export, as fields. Lines outside any article (a search summary after
/// the last one) are left out.
fn split(text: &str) -> Vec<Fields<'_>> {
    let mut articles = Vec::new();
    let mut current: Fields = Vec::new();
    let mut closed = false;
    for line in text.lines() {
        let line = line.trim_start_matches('\u{feff}').trim_end_matches('\r');
        if let Some((code, value)) = field_start(line) {
            let has_story = current.iter().any(|(c, _)| matches!(*c, "HD" | "LP" | "TD"));
            if (closed || (code == "HD" && has_story)) && !current.is_empty() {
                articles.push(std::mem::take(&mut current));
            }
            current.push((code, vec![value]));
            closed = code == "AN";
        } else if closed {
            // After the accession number, text before the next code is between articles.
            if !line.trim().is_empty() {
                articles.push(std::mem::take(&mut current));
                closed = false;
            }
        } else if let Some((_, lines)) = current.last_mut() {
            lines.push(line);
        }
    }
    if !current.is_empty() {
        articles.push(current);
    }
    articles
}

/// Reads one article's fields.
fn article(fields: &Fields) -> Result<Dispatch, ErrorKind> {
    let mut d = Dispatch { format: Format::Factiva, ..Dispatch::default() };
    let one_line = |lines: &[&str]| {
        lines.iter().map(|l| l.trim()).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" ")
    };
    let (mut date, mut time) = (String::new(), String::new());
    let (mut lead, mut text) = (Vec::new(), Vec::new());
    let (mut source, mut column) = (None, None);
    let mut descriptors = Vec::new();
    for (code, lines) in fields {
        let value = one_line(lines);
        match *code {
            "HD" => d.title = value,
            "BY" => d.authors = super::byline_authors(&value),
            "PD" => date = value,
            "ET" => time = value,
            "SN" => source = Some(value),
            "LA" => d.language = super::language_tag(&value),
            "SE" => d.section = Some(value),
            "CLM" => column = Some(value),
            "LP" => lead.extend(super::paragraphs(lines.iter().copied())),
            "TD" => text.extend(super::paragraphs(lines.iter().copied())),
            "AN" => {
                d.id = value.split_whitespace().last().unwrap_or_default().to_owned();
            }
            "NS" | "RE" | "IN" | "CO" | "IPD" => descriptors.extend(labels(lines)),
            _ => {}
        }
    }
    if lead.is_empty() && text.is_empty() {
        return Err(super::damaged(&d.title));
    }
    if d.section.is_none() {
        d.section = column;
    }
    d.published = published(&date, &time);
    super::credit_source(&mut d, source.filter(|s| !s.is_empty()));
    d.keywords.extend(descriptors);
    let mut lead = lead.into_iter();
    d.lede = lead.next();
    d.body = lead.chain(text).collect();
    Ok(d)
}

/// The publication date, with the time of `ET` when it reads (`18:20`, `6:20 PM`).
fn published(date: &str, time: &str) -> Option<jiff::Timestamp> {
    let day = super::date_alone(date).or_else(|| dates::parse(date))?;
    let time = time.trim();
    let (clock, pm) = match time.rsplit_once(' ') {
        Some((clock, half)) if half.eq_ignore_ascii_case("pm") => (clock, Some(true)),
        Some((clock, half)) if half.eq_ignore_ascii_case("am") => (clock, Some(false)),
        _ => (time, None),
    };
    let Some((Ok(mut h), Ok(m))) = clock
        .split_once([':', 'h'])
        .map(|(h, m)| (h.trim().parse::<i64>(), m.trim().parse::<i64>()))
    else {
        return Some(day);
    };
    match pm {
        Some(true) if h < 12 => h += 12,
        Some(false) if h == 12 => h = 0,
        _ => {}
    }
    if !(0..24).contains(&h) || !(0..60).contains(&m) {
        return Some(day);
    }
    day.checked_add(jiff::SignedDuration::from_mins(h * 60 + m)).ok().or(Some(day))
}

/// Descriptor labels: `gpol : Politique intérieure | fra : France` → the names after the
/// codes; a bare code when the export has no names.
fn labels(lines: &[&str]) -> Vec<String> {
    lines
        .iter()
        .flat_map(|l| l.split('|'))
        .map(|item| item.split_once(" : ").map_or(item, |(_, name)| name).trim())
        .filter(|item| !item.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_starts() {
        assert_eq!(field_start("HD      Titre"), Some(("HD", "Titre")));
        assert_eq!(field_start("IPD\tAgriculture"), Some(("IPD", "Agriculture")));
        assert_eq!(field_start("TD"), Some(("TD", "")));
        assert_eq!(field_start("LA France a gagné."), None);
        assert_eq!(field_start("HDMI"), None);
        assert_eq!(field_start("        Texte"), None);
    }

    #[test]
    fn sniffing() {
        let export = "HD      Titre\nWC      12 mots\nPD      12 mars 2024\nSN      Le Figaro\nTD      Texte.\nAN      Document X\n";
        assert!(sniff(export));
        assert!(!sniff("HD      Titre\nTD      Texte.\n"));
        assert!(!sniff("LA France gagne\nET LA suite\nRE vient\nPD fin\n"));
    }

    #[test]
    fn date_and_time() {
        let at = |d: &str, t: &str| published(d, t).map(|t| t.to_string());
        assert_eq!(at("12 mars 2024", "18:20").as_deref(), Some("2024-03-12T18:20:00Z"));
        assert_eq!(at("12 March 2024", "6:20 PM").as_deref(), Some("2024-03-12T18:20:00Z"));
        assert_eq!(at("12 March 2024", "").as_deref(), Some("2024-03-12T00:00:00Z"));
        assert_eq!(at("", "18:20"), None);
    }

    #[test]
    fn descriptor_labels() {
        assert_eq!(
            labels(&["gpol : Politique intérieure | gcat : Politique/Général", "ncat"]),
            ["Politique intérieure", "Politique/Général", "ncat"]
        );
    }
}
