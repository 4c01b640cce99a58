//! What one metadata source (JSON-LD, `<meta>` tags, microdata) says about the article, in a
//! common shape so the sources can be merged field by field.

use jiff::Timestamp;

use crate::normalize;

/// The fields one source gives; every string is cleaned and non-empty.
#[derive(Debug, Default, Clone, PartialEq)]
pub(super) struct Found {
    /// The source declares an article (a JSON-LD or microdata `*Article` item, `og:type`
    /// `article`).
    pub article: bool,
    pub title: Option<String>,
    pub description: Option<String>,
    /// Body text given as metadata (JSON-LD `articleBody`), split into paragraphs.
    pub body: Vec<String>,
    pub published: Option<Timestamp>,
    pub updated: Option<Timestamp>,
    pub authors: Vec<Credit>,
    pub publisher: Option<String>,
    pub section: Option<String>,
    pub keywords: Vec<String>,
    pub url: Option<String>,
    pub language: Option<String>,
    pub dateline: Option<String>,
}

/// A name from a byline: a person, or an organization (an agency credited as author).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Credit {
    pub name: String,
    pub organization: bool,
}

/// Cleans a metadata string (entities may be left in it, even twice encoded), `None` when
/// nothing is left.
pub(super) fn text(s: &str) -> Option<String> {
    normalize::clean_opt(&normalize::clean_escaped(s))
}

/// Whether a value is a link rather than a name (`article:author` is often a profile URL).
pub(super) fn is_url(s: &str) -> bool {
    let s = s.trim_start();
    s.starts_with("http://") || s.starts_with("https://") || s.starts_with("//")
}

/// Names of a byline: `Par Martin Untersinger (avec Damien Leloup et Morgane Tual)` →
/// the three names; `Anne Dupont, Jean Martin` → two. Splits like the JSON reader does
/// (`,`, `;`, `/`, ` et `, ` and `), so a credit such as `Orange avec AFP` stays whole.
pub(super) fn names(raw: &str, organization: bool) -> Vec<Credit> {
    let Some(s) = text(raw) else { return Vec::new() };
    if is_url(&s) {
        return Vec::new();
    }
    let s = after_label(&s);
    // "(avec A et B)": the names inside join the list.
    let flat = s.replace(['(', ')'], ",").replace(", avec ", ",").replace(",avec ", ",");
    let mut out: Vec<Credit> = Vec::new();
    for part in
        flat.split([',', ';', '/']).flat_map(|p| p.split(" et ")).flat_map(|p| p.split(" and "))
    {
        let name = part.trim();
        if name.is_empty() || name.chars().count() > 80 || out.iter().any(|c| c.name == name) {
            continue;
        }
        out.push(Credit { name: name.to_owned(), organization });
    }
    out
}

/// What follows a byline label among the first words (`Par A`, `Propos recueillis par A`),
/// else all of `s`.
fn after_label(s: &str) -> &str {
    const LABEL_WORDS: usize = 4;
    let mut start = 0;
    for w in s.split_inclusive(char::is_whitespace).take(LABEL_WORDS) {
        start += w.len();
        if w.trim().eq_ignore_ascii_case("par") || w.trim().eq_ignore_ascii_case("by") {
            return &s[start..];
        }
    }
    s
}

/// Keywords: a comma-separated string gives one keyword per part.
pub(super) fn keywords(raw: &str) -> Vec<String> {
    raw.split(',').filter_map(text).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_from_bylines() {
        let cases: &[(&str, &[&str])] = &[
            ("AFP", &["AFP"]),
            ("Orange avec AFP", &["Orange avec AFP"]),
            (" AFP", &["AFP"]),
            (
                "Martin Untersinger (avec Damien Leloup et Morgane Tual)",
                &["Martin Untersinger", "Damien Leloup", "Morgane Tual"],
            ),
            ("Par Anne Dupont, Jean Martin", &["Anne Dupont", "Jean Martin"]),
            ("Propos recueillis par Julie Marceau", &["Julie Marceau"]),
            ("http://www.liberation.fr/auteur/2005-afp", &[]),
            ("L&#039;équipe", &["L'équipe"]),
        ];
        for (raw, want) in cases {
            let got: Vec<String> = names(raw, false).into_iter().map(|c| c.name).collect();
            assert_eq!(got, *want, "{raw}");
        }
    }

    #[test]
    fn keyword_lists() {
        assert_eq!(keywords("OTAN, Russie ,, Ukraine"), ["OTAN", "Russie", "Ukraine"]);
    }
}
