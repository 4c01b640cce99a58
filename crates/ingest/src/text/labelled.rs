//! A header of labelled fields, as press databases and CMS exports write text files:
//!
//! ```text
//! Titre : Les négociations reprennent à Genève
//! Date : 14/02/2022 09:30
//! Auteur : Jean Martin
//! Rubrique : International
//!
//! Les négociations entre Moscou et Washington…
//! ```
//!
//! Labels are matched through [`label_key`] (case, accents, Turkish casing), French or
//! English, with `:` or a tab after them. It takes two known labels in a row at the top of the
//! text, one of them a title or a date, so that a story opening with `Selon : …` is not read
//! as a header.

use crate::dispatch::Dispatch;
use crate::normalize::label_key;
use crate::{agency, dates};

use super::names;

#[derive(Clone, Copy, PartialEq)]
enum Field {
    Title,
    Lede,
    Section,
    Published,
    Updated,
    Authors,
    Agency,
    Dateline,
    Translator,
    Keywords,
    Id,
    Language,
    Url,
}

/// Known labels, as [`label_key`] writes them.
const LABELS: &[(&str, Field)] = &[
    ("titre", Field::Title),
    ("title", Field::Title),
    ("headline", Field::Title),
    ("chapeau", Field::Lede),
    ("chapo", Field::Lede),
    ("resume", Field::Lede),
    ("accroche", Field::Lede),
    ("lead", Field::Lede),
    ("summary", Field::Lede),
    ("description", Field::Lede),
    ("rubrique", Field::Section),
    ("section", Field::Section),
    ("categorie", Field::Section),
    ("category", Field::Section),
    ("date", Field::Published),
    ("date de publication", Field::Published),
    ("publie le", Field::Published),
    ("publication", Field::Published),
    ("published", Field::Published),
    ("mise a jour", Field::Updated),
    ("mis a jour le", Field::Updated),
    ("mis a jour", Field::Updated),
    ("modifie le", Field::Updated),
    ("updated", Field::Updated),
    ("auteur", Field::Authors),
    ("auteurs", Field::Authors),
    ("author", Field::Authors),
    ("authors", Field::Authors),
    ("signature", Field::Authors),
    ("journaliste", Field::Authors),
    ("byline", Field::Authors),
    ("source", Field::Agency),
    ("agence", Field::Agency),
    ("agency", Field::Agency),
    ("lieu", Field::Dateline),
    ("ville", Field::Dateline),
    ("dateline", Field::Dateline),
    ("traduction", Field::Translator),
    ("traducteur", Field::Translator),
    ("traduit par", Field::Translator),
    ("translator", Field::Translator),
    ("mots-cles", Field::Keywords),
    ("mots cles", Field::Keywords),
    ("keywords", Field::Keywords),
    ("tags", Field::Keywords),
    ("id", Field::Id),
    ("identifiant", Field::Id),
    ("reference", Field::Id),
    ("langue", Field::Language),
    ("language", Field::Language),
    ("url", Field::Url),
    ("lien", Field::Url),
];

/// `fr`, `fr-FR`, `Français`, `French` → `fr` (and likewise for English); other names are
/// left for the language guess.
fn language_code(value: &str) -> Option<String> {
    let key = label_key(value);
    let primary = key.split(['-', '_']).next().unwrap_or(&key);
    match primary {
        "francais" | "french" | "fra" | "fre" => Some("fr".into()),
        "anglais" | "english" | "eng" => Some("en".into()),
        p if p.len() == 2 && p.chars().all(|c| c.is_ascii_alphabetic()) => Some(p.into()),
        _ => None,
    }
}

/// The label and value of a line `Label : value` (or `Label<TAB>value`) with a known label.
fn labelled(line: &str) -> Option<(Field, &str)> {
    let (label, value) = line.split_once(':').or_else(|| line.split_once('\t'))?;
    let key = label_key(label);
    let key = key.trim_end_matches(['(', 's', ')']).trim();
    let field = LABELS
        .iter()
        .find(|(l, _)| *l == key || l.trim_end_matches('s') == key)
        .map(|(_, f)| *f)?;
    let value = value.trim();
    (!value.is_empty()).then_some((field, value))
}

/// Reads the labelled header opening `lines` into `d`, if there is one, and returns how many
/// lines it spans; leaves `d` as it was otherwise.
pub(super) fn read<'a>(
    lines: impl IntoIterator<Item = &'a str>,
    d: &mut Dispatch,
) -> Option<usize> {
    fn set(slot: &mut Option<String>, value: &str) {
        slot.get_or_insert_with(|| value.to_owned());
    }
    let mut h = d.clone();
    let mut seen = Vec::new();
    for line in lines {
        let Some((field, value)) = labelled(line) else { break };
        seen.push(field);
        match field {
            Field::Title if h.title.is_empty() => h.title = value.to_owned(),
            Field::Title => {}
            Field::Lede => set(&mut h.lede, value),
            Field::Section => set(&mut h.section, value),
            Field::Published => h.published = h.published.or_else(|| dates::parse(value)),
            Field::Updated => h.updated = h.updated.or_else(|| dates::parse(value)),
            Field::Authors => h.authors.extend(names::split(value)),
            Field::Agency => {
                h.agency = h.agency.take().or_else(|| agency::from_credit(value));
                set(&mut h.agency, value);
            }
            Field::Dateline => set(&mut h.dateline, value),
            Field::Translator => set(&mut h.translator, value),
            Field::Keywords => h.keywords.extend(
                value.split([',', ';']).map(str::trim).filter(|k| !k.is_empty()).map(Into::into),
            ),
            Field::Id if h.id.is_empty() => h.id = value.to_owned(),
            Field::Id => {}
            Field::Language => h.language = h.language.take().or_else(|| language_code(value)),
            Field::Url => set(&mut h.url, value),
        }
    }
    let anchored = seen.iter().any(|f| matches!(f, Field::Title | Field::Published));
    if seen.len() < 2 || !anchored {
        return None;
    }
    *d = h;
    Some(seen.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(lines: &[&str]) -> Option<(usize, Dispatch)> {
        let mut d = Dispatch::default();
        read(lines.iter().copied(), &mut d).map(|n| (n, d))
    }

    #[test]
    fn header_table() {
        let (n, d) = read_all(&[
            "Titre : Les négociations reprennent à Genève",
            "Date : 14/02/2022 09:30",
            "Mıse À Jour : 15.02.2022",
            "Auteur(s) : Jean Martin et Marie Dupont",
            "RUBRIQUE: International",
            "Source : Agence France-Presse",
            "Mots-clés : Russie ; États-Unis, diplomatie",
            "Langue : Français",
            "URL : https://example.org/a/1",
            "Les négociations entre Moscou et Washington ont repris : lundi.",
        ])
        .expect("a header");
        assert_eq!(n, 9);
        assert_eq!(d.title, "Les négociations reprennent à Genève");
        assert_eq!(d.published.map(|t| t.to_string()).as_deref(), Some("2022-02-14T08:30:00Z"));
        assert_eq!(d.updated.map(|t| t.to_string()).as_deref(), Some("2022-02-15T00:00:00Z"));
        assert_eq!(d.authors, ["Jean Martin", "Marie Dupont"]);
        assert_eq!(d.section.as_deref(), Some("International"));
        assert_eq!(d.agency.as_deref(), Some("AFP"));
        assert_eq!(d.keywords, ["Russie", "États-Unis", "diplomatie"]);
        assert_eq!(d.language.as_deref(), Some("fr"));
        assert_eq!(d.url.as_deref(), Some("https://example.org/a/1"));

        // Not headers: one label only, no title nor date, a sentence with a colon; `d` is
        // left as it was.
        for lines in [
            &["Titre : Les négociations reprennent", "Le texte commence ici."][..],
            &["Source : AFP", "Rubrique : Monde", "Le texte."],
            &["Selon lui : « la paix est possible »", "Date : demain"],
        ] {
            let mut d = Dispatch { title: "avant".into(), ..Dispatch::default() };
            assert_eq!(read(lines.iter().copied(), &mut d), None, "{lines:?}");
            assert_eq!((d.title.as_str(), d.agency), ("avant", None));
        }
    }
}
