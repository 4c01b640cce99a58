//! Lines that are not the story: translator credit, agency boilerplate, "see also" headings
//! and share buttons, in the French, English and Turkish the exports use.
//!
//! Every list is compared through [`label_key`] (case, accents, Turkish dotless `ı`, typographic
//! apostrophes and NBSP folded), so `A\u{a0}Lire Aussi`, `À LIRE AUSSİ` and `a lire aussi` are
//! one label.

use super::names;
use crate::normalize::label_key;

/// What a line outside the story is.
#[derive(Debug, PartialEq)]
pub(super) enum Trailer {
    /// `*Traduit de l'Anglais par Mourad Belhaj`: the translator's name.
    Translator(String),
    /// An agency notice; the agency it names, when the notice is the agency's own.
    Boilerplate(Option<&'static str>),
    /// A "see also" heading: it and the links under it go.
    SeeAlso {
        /// The heading stands alone on its line, so the lines under it are its links.
        heading_only: bool,
    },
    /// A share button label.
    Share,
}

/// Openings of translator credits.
const TRANSLATED: &[&str] = &[
    "traduit de",
    "traduit par",
    "traduction",
    "adapte de",
    "translated from",
    "translated by",
    "translation",
    "ceviri",
    "ceviren",
    "tercume",
];

/// Phrases of agency notices (found anywhere in the line), with the agency whose notice it is.
const BOILERPLATE: &[(&str, Option<&str>)] = &[
    // Anadolu's notice, in French, English and Turkish.
    ("seulement une partie des depeches", Some("AA")),
    ("contactez-nous s'il vous plait pour vous abonner", Some("AA")),
    ("contains only a portion of the news stories offered to subscribers", Some("AA")),
    ("please contact us for subscription", Some("AA")),
    ("abonelere sunulan haberler", Some("AA")),
    ("abonelik icin lutfen iletisime geciniz", Some("AA")),
    // Copyright notices of any agency.
    ("tous droits reserves", None),
    ("tous droits de reproduction", None),
    ("all rights reserved", None),
];

/// "See also" headings, alone on their line or followed by `:` and a link.
const SEE_ALSO: &[&str] = &[
    "a lire aussi",
    "lire aussi",
    "a lire egalement",
    "lire egalement",
    "voir aussi",
    "sur le meme sujet",
    "read also",
    "also read",
    "read more",
    "see also",
    "related news",
    "related",
    "ilgili haberler",
    "bunlar da ilginizi cekebilir",
];

/// "Read more" links of aggregated copies (`Lire la suite sur Le Figaro`), opening a short
/// line.
const READ_MORE: &[&str] =
    &["lire la suite", "voir la suite", "la suite sur", "read more on", "devamini oku"];

/// Share buttons (the whole line).
const SHARE: &[&str] = &[
    "bu haberi paylasin",
    "haberi paylas",
    "paylas",
    "partager",
    "partager cet article",
    "partagez cet article",
    "partager sur facebook",
    "partager sur twitter",
    "share",
    "share this article",
    "share this news",
    "share this story",
];

/// Classifies a line that is not part of the story, or `None` for a story line.
pub(super) fn classify(line: &str) -> Option<Trailer> {
    let line = line.trim();
    if line.chars().count() > 400 {
        return None;
    }
    let key = label_key(line);
    let bare = key.trim_matches(|c: char| !c.is_alphanumeric());
    if SHARE.contains(&bare) {
        return Some(Trailer::Share);
    }
    for heading in SEE_ALSO {
        if let Some(rest) = bare.strip_prefix(heading) {
            if rest.is_empty() {
                return Some(Trailer::SeeAlso { heading_only: true });
            }
            if rest.trim_start().starts_with(':') {
                return Some(Trailer::SeeAlso { heading_only: false });
            }
        }
    }
    if line.split_whitespace().count() <= 8 && READ_MORE.iter().any(|p| bare.starts_with(p)) {
        return Some(Trailer::Boilerplate(None));
    }
    if let Some(name) = translator(line) {
        return Some(Trailer::Translator(name));
    }
    BOILERPLATE
        .iter()
        .find(|(phrase, _)| key.contains(phrase))
        .map(|(_, agency)| Trailer::Boilerplate(*agency))
}

/// `*Traduit de l'Anglais par Mourad Belhaj` → `Mourad Belhaj`; also `Traduction : X`,
/// `Translated from Turkish by X`, `Çeviri: X`.
fn translator(line: &str) -> Option<String> {
    let t = line.trim_start_matches(['*', '(', '[', ' ']).trim_end_matches([')', ']', '.', ' ']);
    if t.chars().count() > 120 {
        return None;
    }
    let key = label_key(t);
    if !TRANSLATED.iter().any(|p| key.starts_with(p)) {
        return None;
    }
    let name = match t.split_once(':') {
        Some((_, after)) => after.trim(),
        None => {
            let words: Vec<&str> = t.split_whitespace().collect();
            let at = words
                .iter()
                .rposition(|w| matches!(label_key(w).as_str(), "par" | "by" | "von" | "por"))?;
            return Some(words[at + 1..].join(" ")).filter(|n| names::is_name(n));
        }
    };
    names::is_name(name).then(|| name.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let cases = [
            (
                "*Traduit de l’Anglais par Mourad Belhaj",
                Some(Trailer::Translator("Mourad Belhaj".into())),
            ),
            (
                "*Traduit de l'anglais par Mourad Belhaj.",
                Some(Trailer::Translator("Mourad Belhaj".into())),
            ),
            (
                "(Translated from Turkish by John Smith)",
                Some(Trailer::Translator("John Smith".into())),
            ),
            ("Çeviri: Ayşe Yılmaz", Some(Trailer::Translator("Ayşe Yılmaz".into()))),
            (
                "Seulement une partie des dépêches, que l'Agence Anadolu diffuse à ses abonnés via le Système de Diffusion interne (HAS), est diffusée sur le site de l'AA, de manière résumée. Contactez-nous s'il vous plaît pour vous abonner.",
                Some(Trailer::Boilerplate(Some("AA"))),
            ),
            (
                "Anadolu Agency website contains only a portion of the news stories offered to subscribers in the AA News Broadcasting System (HAS), and in summarized form. Please contact us for subscription options.",
                Some(Trailer::Boilerplate(Some("AA"))),
            ),
            ("© 2022 AFP. Tous droits réservés.", Some(Trailer::Boilerplate(None))),
            ("A\u{a0}Lire Aussi", Some(Trailer::SeeAlso { heading_only: true })),
            ("À LIRE AUSSİ", Some(Trailer::SeeAlso { heading_only: true })),
            ("Lire aussi : Le sommet de l'OTAN", Some(Trailer::SeeAlso { heading_only: false })),
            ("Bu haberi paylaşın", Some(Trailer::Share)),
            ("Share this article", Some(Trailer::Share)),
            ("Lire la suite sur Le Figaro", Some(Trailer::Boilerplate(None))),
            ("Lire la suite du discours du président au Sénat, prononcé hier soir", None),
            ("Partager :", Some(Trailer::Share)),
            ("Le ministre a partagé son analyse.", None),
            ("Lire aussi les Misérables est un plaisir.", None),
            ("Traduit de l'anglais, le livre a connu un grand succès.", None),
            ("La traduction du texte par les services de l'ONU a pris du retard.", None),
        ];
        for (line, want) in cases {
            assert_eq!(classify(line), want, "{line:?}");
        }
    }
}
