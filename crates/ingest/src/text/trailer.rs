//! Lines that are not the story: translator credit, agency boilerplate, "see also" headings
//! and share buttons, in the French, English and Turkish the exports use.
//!
//! Every list is compared through [`label_key`] (case, accents, Turkish dotless `ı`, typographic
//! apostrophes and NBSP folded), so `A\u{a0}Lire Aussi`, `À LIRE AUSSİ` and `a lire aussi` are
//! one label.

use super::names;
use crate::agency;
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
    /// A staff credit closing the story, `(Reportage Leika Kihara; version française Claude
    /// Chendjou, édité par Blandine Hénault)`: its reporters and translator.
    Staff {
        /// Reporters and writers.
        reporters: Vec<String>,
        /// The translator.
        translator: Option<String>,
    },
    /// An agency desk signature closing the story (`pgf/blb/pcm`, `bur-abc/jm`,
    /// `ats/Keystone-ATS/jh/ant`).
    DeskSignature,
    /// A sign-off: an end mark (`Fin`, `-- FIN --`), the agency alone in parentheses (`(Belga)`,
    /// `(MAP) 12/03/2024`), or a wire time stamp (`AFP 121545 MAR 24`); the agency it names.
    SignOff(Option<&'static str>),
}

/// Openings of translator credits.
const TRANSLATED: &[&str] = &[
    "traduit de",
    "traduit du",
    "traduit par",
    "traduction",
    "adapte de",
    "adapte du",
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
    if let Some(staff) = staff(line) {
        return Some(staff);
    }
    if is_desk_signature(line) {
        return Some(Trailer::DeskSignature);
    }
    if let Some(agency) = sign_off(line, bare) {
        return Some(Trailer::SignOff(agency));
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

/// What a part of a staff credit says of the names after it.
#[derive(Clone, Copy, PartialEq)]
enum Role {
    Reporter,
    Translator,
    Editor,
}

/// Openings of the parts of a staff credit (compared through [`label_key`]), longest first
/// where one opens another.
const STAFF: &[(&str, Role)] = &[
    ("reportage de", Role::Reporter),
    ("reportage", Role::Reporter),
    ("reporting by", Role::Reporter),
    ("reporting", Role::Reporter),
    ("redige par", Role::Reporter),
    ("ecrit par", Role::Reporter),
    ("written by", Role::Reporter),
    ("avec", Role::Reporter),
    ("with", Role::Reporter),
    ("version francaise", Role::Translator),
    ("traduction", Role::Translator),
    ("traduit par", Role::Translator),
    ("edite par", Role::Editor),
    ("edition", Role::Editor),
    ("edited by", Role::Editor),
    ("editing by", Role::Editor),
    ("coordination", Role::Editor),
    ("supervision", Role::Editor),
];

/// `(Reportage Leika Kihara; version française Claude Chendjou, édité par Blandine Hénault)`:
/// a parenthesised line whose every part opens with a staff role or continues a list of names.
fn staff(line: &str) -> Option<Trailer> {
    let inner = line.trim().trim_end_matches('.').strip_prefix('(')?.strip_suffix(')')?;
    if inner.chars().count() > 300 || inner.contains(['(', ')']) {
        return None;
    }
    let (mut reporters, mut translator) = (Vec::new(), None);
    let mut role = None;
    for part in inner.split([';', ',']).map(str::trim).filter(|p| !p.is_empty()) {
        let key = label_key(part);
        let names = match STAFF.iter().find(|(open, _)| {
            key.strip_prefix(open).is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
        }) {
            Some((open, r)) => {
                role = Some(*r);
                // The opening is ASCII once folded, and as many characters as it folds from.
                let skip = open.chars().count();
                let rest: String = part.chars().skip(skip).collect();
                rest.trim_start_matches([' ', ':']).to_owned()
            }
            // A part without an opening continues the names of the part before (`A, B et C`).
            None if role.is_some() => part.to_owned(),
            None => return None,
        };
        let names = names::split(without_place(&names));
        // Every part names someone: `(Avec la participation des habitants)` is the story's.
        if names.is_empty() {
            return None;
        }
        match role {
            Some(Role::Reporter) => reporters.extend(names),
            Some(Role::Translator) => translator = translator.or(names.into_iter().next()),
            _ => {}
        }
    }
    role.map(|_| Trailer::Staff { reporters, translator })
}

/// `Leika Kihara à Tokyo` → `Leika Kihara` (`à`, `in`, `depuis`, `from` a place).
fn without_place(names: &str) -> &str {
    for sep in [" à ", " in ", " depuis ", " from ", " au ", " aux "] {
        if let Some((before, _)) = names.split_once(sep) {
            return before;
        }
    }
    names
}

/// `pgf/blb/pcm`, `mpa-jbo/ach`: two to five lowercase groups of two to four letters joined by
/// `/` (at least one) or `-`, alone on the line, none of them a common word (`et/ou`); an
/// agency's name may stand among them (`ats/Keystone-ATS/jh/ant`).
fn is_desk_signature(line: &str) -> bool {
    const WORDS: &[&str] =
        &["et", "ou", "de", "du", "des", "le", "la", "les", "un", "une", "oui", "non"];
    let line = line.trim();
    let groups: Vec<&str> = line.split('/').flat_map(|g| split_desk_group(g)).collect();
    let initials = |g: &str| {
        (2..=4).contains(&g.len())
            && g.bytes().all(|b| b.is_ascii_lowercase())
            && !WORDS.contains(&g)
    };
    line.contains('/')
        && (2..=6).contains(&groups.len())
        && groups.iter().filter(|g| initials(g)).count() >= 2
        && groups.iter().all(|g| initials(g) || agency::named(g).is_some())
}

/// A `/` group split on `-`, unless it is an agency's own name (`Keystone-ATS`).
fn split_desk_group(g: &str) -> Vec<&str> {
    if g.contains('-') && agency::named(g).is_some() { vec![g] } else { g.split('-').collect() }
}

/// End marks of a story, compared through [`label_key`] without their punctuation.
const END_MARKS: &[&str] = &["fin", "fin de depeche", "fin de la depeche", "end", "ends"];

/// The agency of a sign-off line (see [`Trailer::SignOff`]); `bare` is its label key without
/// surrounding punctuation.
fn sign_off(line: &str, bare: &str) -> Option<Option<&'static str>> {
    if END_MARKS.contains(&bare) {
        return Some(None);
    }
    let line = line.trim().trim_end_matches('.');
    // `(Belga)`, `(ANSA).`, `(MAP) 12/03/2024`: an agency alone in parentheses, maybe dated.
    if let Some(inner) = line.strip_prefix('(')
        && let Some((name, rest)) = inner.split_once(')')
        && name.split_whitespace().count() <= 3
        && rest.chars().all(|c| c.is_ascii_digit() || " /.:-hH".contains(c))
    {
        return agency::named(name).map(Some);
    }
    // `AFP 121545 MAR 24`: an agency, then a day-hour-minute group and capitals or digits.
    let mut words = line.split_whitespace();
    let agency = agency::named(words.next()?)?;
    let rest: Vec<&str> = words.collect();
    let stamp = rest.iter().any(|w| w.len() == 6 && w.bytes().all(|b| b.is_ascii_digit()));
    let plain = rest
        .iter()
        .all(|w| w.len() <= 6 && w.chars().all(|c| c.is_ascii_digit() || c.is_ascii_uppercase()));
    (stamp && plain && rest.len() <= 4).then_some(Some(agency))
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
            ("*Traduit du turc par Çelik Öztürk", Some(Trailer::Translator("Çelik Öztürk".into()))),
            (
                "Traduit du Russe par Anna Petrova.",
                Some(Trailer::Translator("Anna Petrova".into())),
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
            (
                "(Reportage Leika Kihara; version française Claude Chendjou, édité par Blandine Hénault)",
                Some(Trailer::Staff {
                    reporters: vec!["Leika Kihara".into()],
                    translator: Some("Claude Chendjou".into()),
                }),
            ),
            (
                "(Reportage de Tetsushi Kajimoto et Leika Kihara à Tokyo, avec Yoshifumi Takemoto; Version française Jean Terzian)",
                Some(Trailer::Staff {
                    reporters: vec![
                        "Tetsushi Kajimoto".into(),
                        "Leika Kihara".into(),
                        "Yoshifumi Takemoto".into(),
                    ],
                    translator: Some("Jean Terzian".into()),
                }),
            ),
            (
                "(Rédigé par Elizabeth Pineau, édité par Sophie Louet)",
                Some(Trailer::Staff {
                    reporters: vec!["Elizabeth Pineau".into()],
                    translator: None,
                }),
            ),
            ("pgf/blb/pcm", Some(Trailer::DeskSignature)),
            ("jmt-ab/els/dlm", Some(Trailer::DeskSignature)),
            ("ats/Keystone-ATS/jh/ant", Some(Trailer::DeskSignature)),
            ("(Belga)", Some(Trailer::SignOff(Some("Belga")))),
            ("(ANSA).", Some(Trailer::SignOff(Some("ANSA")))),
            ("(MAP) 12/03/2024", Some(Trailer::SignOff(Some("MAP")))),
            ("AFP 121545 MAR 24", Some(Trailer::SignOff(Some("AFP")))),
            ("Fin", Some(Trailer::SignOff(None))),
            ("-- FIN --", Some(Trailer::SignOff(None))),
            ("(selon l'AFP)", None),
            ("(Reuters) Le texte continue ici.", None),
            ("AFP a publié 3 dépêches", None),
            ("Fin de la partie pour Nadal", None),
            ("mpa-jbo/ach", Some(Trailer::DeskSignature)),
            ("(Avec la participation de nombreux habitants du quartier)", None),
            ("(Photo d'illustration)", None),
            ("et/ou", None),
            ("https://example.org/a/b", None),
        ];
        for (line, want) in cases {
            assert_eq!(classify(line), want, "{line:?}");
        }
    }
}
