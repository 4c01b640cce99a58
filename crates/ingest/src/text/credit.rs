//! The credit line: who signs, when the dispatch was published and last updated.
//!
//! `Ekip | 15.02.2022 - Mıse À Jour : 15.02.2022` (Anadolu), `Agnes Szucs | 15.02.2022 16:40`,
//! `Publié le 15 juin 2020 à 16h40 - Mis à jour le 16 juin 2020`. Segments are split on `|`
//! and spaced dashes; each is a date (labelled or not) or, first, a byline. Labels are compared
//! through [`label_key`], so Turkish casing (`Mıse À Jour`) and English or Turkish labels match.

use jiff::Timestamp;

use super::names;
use crate::normalize::label_key;
use crate::{dateline, dates};

/// What a credit line says.
#[derive(Debug, Default, PartialEq)]
pub(super) struct Credit {
    /// Names from the byline part (not team signatures such as `Ekip`).
    pub authors: Vec<String>,
    /// The first unlabelled or "published" date.
    pub published: Option<Timestamp>,
    /// The "updated" date, or the second unlabelled one.
    pub updated: Option<Timestamp>,
}

/// Labels of the publication date, folded by [`label_key`].
const PUBLISHED: &[&str] =
    &["publie", "published", "cree", "created", "date", "yayinlanma", "yayin tarihi"];

/// Labels of the update date.
const UPDATED: &[&str] = &[
    "mise a jour",
    "mis a jour",
    "maj",
    "modifie",
    "actualise",
    "updated",
    "update",
    "last updated",
    "guncelleme",
    "guncellenme",
    "son guncelleme",
];

#[derive(Debug, PartialEq)]
enum Label {
    None,
    Published,
    Updated,
}

/// Reads a credit line, or `None` when `line` is not one: it must hold at least one date, and
/// nothing but dates after its first segment.
pub(super) fn parse(line: &str) -> Option<Credit> {
    if line.chars().count() > 200 {
        return None;
    }
    let mut credit = Credit::default();
    let mut dated = false;
    for (k, seg) in segments(line).into_iter().enumerate() {
        if let Some((label, ts)) = date(seg) {
            dated = true;
            match label {
                Label::Updated => credit.updated = credit.updated.or(Some(ts)),
                Label::Published if credit.published.is_none() => credit.published = Some(ts),
                _ if credit.published.is_none() => credit.published = Some(ts),
                _ => credit.updated = credit.updated.or(Some(ts)),
            }
        } else if k == 0 && is_signature(seg) {
            credit.authors = names::byline(seg).unwrap_or_else(|| names::split(seg));
        } else {
            return None;
        }
    }
    dated.then_some(credit)
}

/// `|` and spaced dashes separate the parts of a credit line (a dash inside a date does not).
fn segments(line: &str) -> Vec<&str> {
    line.split('|')
        .flat_map(|part| {
            part.split(" - ").flat_map(|p| p.split(" – ")).flat_map(|p| p.split(" — "))
        })
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

/// A byline segment: short, no digits, no sentence punctuation (`Ekip`, `Par Agnes Szucs`).
fn is_signature(seg: &str) -> bool {
    seg.split_whitespace().count() <= 8
        && !seg.chars().any(|c| c.is_ascii_digit() || ".!?:;".contains(c))
        && seg.chars().next().is_some_and(char::is_uppercase)
}

/// A date segment, with its label: `15.02.2022`, `Mıse À Jour : 15.02.2022`, `Publié le 15
/// juin 2020 à 16h40`.
fn date(seg: &str) -> Option<(Label, Timestamp)> {
    // A date, not a sentence that holds one (`Le 12 juin 2018, Karim B. avait…`).
    if seg.split_whitespace().count() > 10 || seg.chars().count() > 60 {
        return None;
    }
    let digit = seg.find(|c: char| c.is_ascii_digit())?;
    let (label_text, value) = seg.split_at(digit);
    // Only date words after the label (`Le 7 janvier 2020, elle ressent…` is a sentence).
    let date_word = |w: &str| {
        w.chars().any(|c| c.is_ascii_digit())
            || dateline::is_calendar_token(w)
            || matches!(label_key(w).as_str(), "a" | "at" | "le" | "on" | "h" | "gmt" | "utc")
    };
    if !value.split([' ', ',', '\u{a0}']).filter(|w| !w.is_empty()).all(date_word) {
        return None;
    }
    let key = label_key(label_text.trim_end_matches([' ', ':', ',', '\u{a0}']));
    let key = key.strip_suffix(" le").or_else(|| key.strip_suffix(" on")).unwrap_or(&key);
    let label = if UPDATED.iter().any(|l| key.starts_with(l)) {
        Label::Updated
    } else if PUBLISHED.iter().any(|l| key.starts_with(l)) {
        Label::Published
    } else {
        Label::None
    };
    // `15.02.2022 à 16h40`: the word between date and time is noise for the date parser.
    let value = value.replace(" à ", " ").replace(" at ", " ").replace(", ", " ");
    let ts = dates::parse(&value).or_else(|| dates::parse(seg))?;
    if label == Label::None && !key.is_empty() && !is_weekday_prefix(key) {
        return None;
    }
    Some((label, ts))
}

/// `lundi 15 juin 2020`: a weekday before the date is not a label.
fn is_weekday_prefix(key: &str) -> bool {
    const DAYS: &[&str] = &[
        "lundi",
        "mardi",
        "mercredi",
        "jeudi",
        "vendredi",
        "samedi",
        "dimanche",
        "le",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    key.split(' ').all(|w| DAYS.contains(&w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ts(s: &str) -> Option<Timestamp> {
        Some(s.parse().unwrap())
    }

    #[test]
    fn credit_lines() {
        let day = ts("2022-02-15T00:00:00Z");
        let cases: &[(&str, Option<Credit>)] = &[
            (
                "Ekip | 15.02.2022 - Mıse À Jour : 15.02.2022",
                Some(Credit { authors: vec![], published: day, updated: day }),
            ),
            (
                "Ekip\u{a0}| 15.02.2022 - Mise à jour : 16.02.2022",
                Some(Credit {
                    authors: vec![],
                    published: day,
                    updated: ts("2022-02-16T00:00:00Z"),
                }),
            ),
            (
                "Agnes Szucs | 15.02.2022 16:40",
                Some(Credit {
                    authors: vec!["Agnes Szucs".into()],
                    published: ts("2022-02-15T15:40:00Z"),
                    updated: None,
                }),
            ),
            (
                "Staff | 15.02.2022 - Update : 17.02.2022",
                Some(Credit {
                    authors: vec![],
                    published: day,
                    updated: ts("2022-02-17T00:00:00Z"),
                }),
            ),
            (
                "Publié le 15 juin 2020 à 16h40 - Mis à jour le 16 juin 2020 à 08h00",
                Some(Credit {
                    authors: vec![],
                    published: ts("2020-06-15T14:40:00Z"),
                    updated: ts("2020-06-16T06:00:00Z"),
                }),
            ),
            (
                "Güncelleme : 15.02.2022",
                Some(Credit { authors: vec![], published: None, updated: day }),
            ),
            (
                "15.02.2022 à 16h40",
                Some(Credit { published: ts("2022-02-15T15:40:00Z"), ..Credit::default() }),
            ),
            ("Jens Stoltenberg : l'OTAN demeure ouverte au dialogue avec la Russie", None),
            ("Brussels Hoofdstedelijk Gewest", None),
            ("La Russie a déployé plus de 100 000 soldats le long de sa frontière.", None),
            ("Ekip | sans date", None),
            ("Le 15.02.2022 - le sommet", None),
            ("Le 7 janvier 2020, elle ressent les contractions.", None),
            (
                "Le 12 juin 2018, Karim Bouembassa, 41 ans, avait aspergé d'acide son ex-compagne",
                None,
            ),
        ];
        for (line, want) in cases {
            assert_eq!(&parse(line), want, "{line:?}");
        }
    }
}
