//! Person names in title, lede and body, for searching dispatches "by person".
//!
//! The steps, one per file:
//! 1. [`tokens`]: words with their shape, elided articles apart, initials, sentence starts;
//! 2. [`spans`]: runs of capitalised words (with particles such as `de`, `van`, `al-`), stripped
//!    of civilities, roles, demonyms, places, organisations and sentence-initial words, and
//!    graded by the evidence that they name a person: a known given name first, a civility
//!    (`M.`, `Mme`), a role noun before (`le président colombien`) or an apposition after
//!    (`, professeur de`, `, 43 ans`, `(LREM)`);
//! 3. [`merge`]: spelling variants merge, bare surnames (`Stoltenberg`) count as mentions of
//!    the full name (`Jens Stoltenberg`), persons are ranked.
//!
//! Precision comes first, since the result is a search facet. A capitalised pair with no known
//! given name and nothing around it that says "person" stands only if the dispatch confirms
//! it: its surname with a civility (`M. Keshet`), or, for a name a speech verb introduces
//! (`selon Human Rights Watch` as much as `explique Nordahl Lelandais`), its surname alone.
//! Word lists ([`lexicon`]) keep places, organisations, months, roles and common words out of
//! names. Bylines and translator credits have their own fields and are not read; a short
//! credit paragraph left in the body (`Traduit de l'anglais par …`) is skipped.
//!
//! One pass over the text, lexicon lookups only near capitalised words, no regular
//! expressions; about 35 MB/s on one core (see `tests/persons.rs`).

mod lexicon;
mod merge;
mod spans;
mod tokens;

use crate::dispatch::{Dispatch, Person};
use lexicon::Lexicon;
use spans::Zone;

/// Whether `s` reads as a person's name: two to four words opening with a known given name
/// (`Florian Lautre`, `Marc-Emmanuel Adjou`), not an organisation (`Source BFMTV`).
pub(crate) fn is_person_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    if !(2..=4).contains(&words.len()) {
        return false;
    }
    let lex = Lexicon::get();
    let mut buf = String::new();
    words[0].split('-').all(|part| lex.flags(part, &mut buf) & lexicon::GIVEN != 0)
}

/// Extracts the persons a dispatch names, most central first: named in the title, then in the
/// lede, then by number of mentions (bare surnames included), then by first appearance.
pub fn extract(d: &Dispatch) -> Vec<Person> {
    let lex = Lexicon::get();
    let mut buf = String::new();
    let mut toks = Vec::new();
    let mut cands = Vec::new();
    let mut order = 0;
    // A headline made from the text repeats it: its names are the lede's, not the title's.
    let title = if d.title_derived { "" } else { d.title.as_str() };
    let fields = std::iter::once((title, Zone::Title))
        .chain(d.lede.iter().map(|l| (l.as_str(), Zone::Lede)))
        .chain(d.body.iter().map(|p| (p.as_str(), Zone::Body)));
    for (text, zone) in fields {
        if zone == Zone::Body && is_credit(text, d) {
            continue;
        }
        tokens::tokenize(text, lex, &mut buf, &mut toks);
        spans::scan(text, &toks, zone, &mut order, &mut cands);
    }
    merge::resolve(&cands)
}

/// Whether a body paragraph is a credit line rather than text: short, and opening like one
/// (`Traduit de l'anglais par`, `Propos recueillis par`, `Par Jean Dupont`) or naming the
/// dispatch's translator or an author.
fn is_credit(p: &str, d: &Dispatch) -> bool {
    if p.split_whitespace().nth(15).is_some() {
        return false;
    }
    let words = p.split_whitespace().count();
    let head: String = p
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .chars()
        .take(20)
        .flat_map(char::to_lowercase)
        .collect();
    let opener = head.starts_with("traduit")
        || head.starts_with("propos recueillis")
        || head.starts_with("par ") && words <= 6;
    // A short line naming the translator or an author is their credit; a sentence that also
    // names them is text.
    let names_credited = words <= 8
        && d.translator.iter().chain(&d.authors).any(|n| !n.is_empty() && p.contains(n.as_str()));
    opener || names_credited
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dispatch(title: &str, lede: Option<&str>, body: &[&str]) -> Dispatch {
        Dispatch {
            title: title.into(),
            lede: lede.map(str::to_owned),
            body: body.iter().map(|p| (*p).to_owned()).collect(),
            ..Dispatch::default()
        }
    }

    fn names(d: &Dispatch) -> Vec<String> {
        extract(d).into_iter().map(|p| p.name).collect()
    }

    /// The Anadolu seed dispatch (`shared/samples/aa-fr-2022-02-15-otan-russie.txt`), fields as
    /// the text reader should give them.
    fn seed() -> Dispatch {
        Dispatch {
            authors: vec!["Agnes Szucs".into()],
            translator: Some("Mourad Belhaj".into()),
            ..dispatch(
                "Jens Stoltenberg : l'OTAN demeure ouverte au dialogue avec la Russie",
                Some(
                    "Le Secrétaire général de l'OTAN exhorte la Russie à engager des pourparlers et à retirer ses forces qui menacent l'Ukraine",
                ),
                &[
                    "Le secrétaire général de l'OTAN, Jens Stoltenberg, a déclaré, lundi, que l'OTAN demeurait ouverte à un \"dialogue constructif\" avec la Russie.",
                    "\"La meilleure façon pour la Russie de montrer qu'elle est prête à trouver une solution pacifique est de procéder à une désescalade et de retirer les forces qui menacent actuellement l'Ukraine\", a déclaré Jens Stoltenberg lors d'une conférence de presse conjointe avec le président colombien Ivan Duque Marquez, à l'issue de leur rencontre à Bruxelles.",
                    "Les deux hommes ont discuté du partenariat entre l'OTAN et la Colombie, ainsi que du \"renforcement militaire injustifié\" de la Russie en Ukraine et dans ses environs, a expliqué Stoltenberg.",
                    "Il a souligné que l'OTAN reste ouverte à un \"dialogue constructif\" avec la Russie et a exhorté Moscou à \"choisir la voie de la diplomatie\" dans le conflit avec l'Ukraine.",
                    "Le président colombien a, pour sa part, réaffirmé le soutien de son pays à l'intégrité territoriale et à la souveraineté de l'Ukraine, et a assuré qu'il se joindrait à la communauté internationale pour imposer des sanctions à Moscou en cas d'invasion russe de l'Ukraine.",
                    "Ivan Duque Marquez a affirmé que choisir le dialogue plutôt que l'escalade serait \"une meilleure voie pour le monde\".",
                    "Stoltenberg et Duque ont également parlé de la \"coopération toujours plus étroite\" entre la Russie et la Chine et de leur soutien au \"régime répressif\" du Venezuela.",
                    "\"Nous avons convenu que toutes les parties devaient jouer un rôle constructif pour la paix et la stabilité régionales\", a ajouté Stoltenberg.",
                    "Le Secrétaire général de l'OTAN a adressé, la semaine dernière, une lettre au ministre russe des Affaires étrangères, Sergueï Lavrov, invitant Moscou à poursuivre les pourparlers au sein du Conseil OTAN-Russie sur la maîtrise des armements et la transparence militaire.",
                    "La Russie a déployé plus de 100 000 soldats le long de sa frontière avec l'Ukraine, ce qui fait craindre qu'elle ne prépare une nouvelle offensive militaire contre l'ancienne république soviétique.",
                    "Les États-Unis et leurs alliés ont mis en garde contre une attaque imminente et ont menacé la Russie de \"graves conséquences\".",
                    "Moscou a toutefois démenti qu'elle se préparait à envahir l'Ukraine et a déclaré que ses troupes étaient là pour des exercices.",
                    "*Traduit de l’Anglais par Mourad Belhaj",
                ],
            )
        }
    }

    #[test]
    fn seed_dispatch_names_three_persons() {
        let persons = extract(&seed());
        let got: Vec<(&str, u32, bool)> =
            persons.iter().map(|p| (p.name.as_str(), p.mentions, p.in_title)).collect();
        assert_eq!(
            got,
            [
                ("Jens Stoltenberg", 6, true),
                ("Ivan Duque Marquez", 3, false),
                ("Sergueï Lavrov", 1, false)
            ]
        );
    }

    #[test]
    fn role_cues_civilities_and_particles() {
        let cases: &[(&str, &[&str])] = &[
            ("M. Macron a parlé avec Mme Merkel.", &["Macron", "Merkel"]),
            (
                "La chancelière Angela Merkel a reçu Emmanuel Macron.",
                &["Angela Merkel", "Emmanuel Macron"],
            ),
            ("Selon Jean-Paul Delevoye, rien n'est joué.", &["Jean-Paul Delevoye"]),
            ("Le président Donald J. Trump a tweeté.", &["Donald J. Trump"]),
            (
                "Il a rencontré Valéry Giscard d'Estaing et Louis de Raguenel.",
                &["Valéry Giscard d'Estaing", "Louis de Raguenel"],
            ),
            ("Le président syrien Bachar al-Assad a répondu.", &["Bachar al-Assad"]),
            ("La présidente Ursula von der Leyen arrive.", &["Ursula von der Leyen"]),
            ("Un rapport, explique Zorbak Quillon, professeur à Lyon.", &["Zorbak Quillon"]),
            ("Zorbak Quillon, 43 ans, a été entendu.", &["Zorbak Quillon"]),
            // Houses named after their founders: surnames after a given name, not alone.
            (
                "Pierre Leclerc a répondu à Serge Dassault devant les magasins Leclerc.",
                &["Pierre Leclerc", "Serge Dassault"],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(names(&dispatch("", None, &[text])), *want, "{text}");
        }
    }

    #[test]
    fn places_organisations_and_titles_are_not_persons() {
        let cases = [
            "Les États-Unis et l'Union européenne ont salué le Conseil OTAN-Russie.",
            "Moscou a démenti. Selon Le Monde, l'Assemblée nationale votera en Janvier.",
            "Le Président a parlé lundi au lycée Victor Hugo, rue Jean Jaurès.",
            "Zorbak Quillon et Valeurs Actuelles sont cités sans plus.",
            "Il a vu La Traviata à la Maison Blanche avec des élus de Seine-Saint-Denis.",
            "Le ministère de l'Intérieur et la Cour des Comptes, à Bruxelles Hoofdstedelijk Gewest.",
        ];
        for text in cases {
            assert_eq!(names(&dispatch("", None, &[text])), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn credits_are_skipped_but_text_mentions_count() {
        let mut d = seed();
        d.body.push("Mourad Belhaj".into());
        assert!(!names(&d).contains(&"Mourad Belhaj".to_owned()));
        d.body.push("Le traducteur Mourad Belhaj, joint par téléphone, a confirmé la rencontre avec les deux délégations ce lundi à Bruxelles.".into());
        assert!(names(&d).contains(&"Mourad Belhaj".to_owned()));
    }

    #[test]
    fn empty_and_odd_input() {
        assert!(extract(&Dispatch::default()).is_empty());
        for text in ["M.", "Mme", "'", "-Jean", "d'", "Jean-", "J. J. J.", "« »", "Le Le Le Le"] {
            let _ = extract(&dispatch(text, Some(text), &[text, text]));
        }
    }
}
