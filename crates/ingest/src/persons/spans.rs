//! Finds name candidates in one tokenized text: runs of capitalised words (with particles and
//! initials), stripped of what precedes names (civilities, roles, demonyms, sentence-initial
//! words), and graded by the evidence that they name a person.

use super::lexicon::{
    AGE, AUX, BREAK, CIVILITY, COMMON, DETERMINER, EPONYM, GIVEN, MODIFIER, NAMING, NATIONALITY,
    ORG, PARTICLE, PLACE, ROLE, SPEECH, WORDISH,
};
use super::tokens::{Kind, Token};

/// Where in the dispatch a candidate was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Zone {
    Title,
    Lede,
    Body,
}

/// How sure a candidate is to name a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Grade {
    /// A full name (two words or more) with evidence: a given name first, a civility, a role,
    /// an apposition, or a speech verb when its words are not ordinary words.
    Person,
    /// A full name of ordinary words introduced only by a speech verb (`selon Human Rights
    /// Watch`): media and organisations speak too, so it stands only if the dispatch also
    /// names it by its last word alone.
    Spoken,
    /// A full name without evidence; stands only if its surname comes with a civility or a
    /// role elsewhere in the dispatch.
    Weak,
    /// One surname after a civility or a lowercase role (`M. Macron`, `la chancelière
    /// Merkel`, `Prince Harry`).
    Cued,
    /// Any other capitalised run: counts only as a mention of a person found elsewhere.
    Bare,
}

/// A capitalised run that may name a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Candidate {
    /// The name as written (`Sergueï Lavrov`, `Le Pen`).
    pub text: String,
    /// Its words folded (lowercase, no accents), initials left out, separated by one space:
    /// what mentions match on.
    pub key: String,
    pub grade: Grade,
    pub zone: Zone,
    /// Position in the dispatch, increasing.
    pub order: usize,
}

/// Longest run of name words considered; longer capitalised runs are titles or headlines.
const MAX_WORDS: usize = 5;

/// Appends the candidates of `text` (tokenized as `toks`) to `out`.
pub(super) fn scan(
    text: &str,
    toks: &[Token],
    zone: Zone,
    order: &mut usize,
    out: &mut Vec<Candidate>,
) {
    let mut i = 0;
    while i < toks.len() {
        if !toks[i].is_name() {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < toks.len() {
            if toks[j].is_name() {
                j += 1;
            } else if let Some(next) = particles_join(toks, j) {
                j = next;
            } else {
                break;
            }
        }
        *order += 1;
        if let Some(c) = classify(text, toks, i, j, zone, *order) {
            out.push(c);
        }
        i = j;
    }
}

/// When lowercase particles at `j` (`de`, `von der`, `d'`) sit between two name words, the
/// index of the name word after them.
fn particles_join(toks: &[Token], j: usize) -> Option<usize> {
    if j == 0 || toks[j - 1].kind != Kind::Name {
        return None;
    }
    let mut k = j;
    while k < toks.len()
        && k < j + 2
        && matches!(toks[k].kind, Kind::Lower | Kind::Elision)
        && toks[k].flags & PARTICLE != 0
    {
        k += 1;
    }
    let next = toks.get(k)?;
    // A given name after `de` starts another name (`La Traviata de Giuseppe Verdi`).
    (k > j && next.kind == Kind::Name && next.flags & (PLACE | ORG | COMMON | ROLE | GIVEN) == 0)
        .then_some(k)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    None,
    /// `M.`, `Mme`, `Dr` just before.
    Civility,
    /// A capitalised role or a demonym just before (`Président`, `le Suédois`): good for a
    /// full name, not for one word (`Star Wars`, `Envoyé Spécial`, `General Electric`).
    Title,
}

/// Grades the run `toks[i..j]`, or drops it when it names a thing (`lycée Victor Hugo`).
fn classify(
    text: &str,
    toks: &[Token],
    i: usize,
    j: usize,
    zone: Zone,
    order: usize,
) -> Option<Candidate> {
    if i > 0 && toks[i - 1].flags & NAMING != 0 && toks[i - 1].kind == Kind::Lower {
        return None;
    }
    // Strip what opens the run without belonging to a name.
    let mut a = i;
    let mut cue = Cue::None;
    while a < j {
        let t = &toks[a];
        let f = t.flags;
        let given = f & GIVEN != 0 && t.kind == Kind::Name;
        if f & NAMING != 0 && !given {
            return None;
        }
        if f & CIVILITY != 0 && !given {
            cue = Cue::Civility;
        } else if f & (ROLE | NATIONALITY) != 0 && !given {
            cue = Cue::Title;
        }
        // Particles, civilities, roles, demonyms, organisations and places, and a common word
        // opening a sentence (not a given name opening a full name: `Marine Le Pen`).
        let strip = matches!(t.kind, Kind::Lower | Kind::Elision)
            || f & (CIVILITY | ROLE | NATIONALITY | ORG | PLACE) != 0 && !given
            || t.sent && f & COMMON != 0 && !(given && a + 1 < j);
        if !strip {
            break;
        }
        a += 1;
    }
    // An unknown word glued before a given name and a surname is a name of something else
    // (`du Crif Francis Kalifat`).
    if a < j
        && toks[a].flags & GIVEN == 0
        && let Some(g) =
            (a + 1..j).find(|&g| toks[g].kind == Kind::Name && toks[g].flags & GIVEN != 0)
        && toks[g + 1..j].iter().any(|t| t.kind == Kind::Name && !is_particle(t))
    {
        a = g;
    }
    let mut b = j;
    while b > a && matches!(toks[b - 1].kind, Kind::Lower | Kind::Elision) {
        b -= 1;
    }
    let run = &toks[a..b];
    let first = run.first()?;
    let words = run.iter().filter(|t| t.kind == Kind::Name && !is_particle(t)).count();
    if words == 0 || words > MAX_WORDS {
        return None;
    }
    // Initials do not tell `Donald J. Trump` from `Donald Trump`, but they are all there is
    // of an anonymised surname (`Thomas P.`).
    let mut key = String::new();
    for t in run.iter().filter(|t| t.kind != Kind::Initial || words == 1) {
        if !key.is_empty() {
            key.push(' ');
        }
        super::lexicon::fold_push(&text[t.start..t.end], &mut key);
    }
    let mut cand = Candidate {
        text: text[first.start..run[run.len() - 1].end].to_owned(),
        key,
        grade: Grade::Bare,
        zone,
        order,
    };
    // A capitalised article inside a sentence opens a title or an organisation (`Le Monde`),
    // unless a civility says it opens a surname (`Mme Le Pen`).
    let titled = !first.sent && first.flags & DETERMINER != 0 && first.flags & GIVEN == 0;
    if titled && cue != Cue::Civility {
        return Some(cand);
    }
    let given_first = first.kind == Kind::Name && first.flags & GIVEN != 0 && !is_particle(first);
    // After a given name, a house named after its founder is the surname (`Pierre Leclerc`).
    let eponym = |t: &Token| given_first && t.flags & EPONYM != 0 && t.flags & PLACE == 0;
    let named_thing =
        run[1..].iter().any(|t| t.flags & (ORG | PLACE) != 0 && t.kind == Kind::Name && !eponym(t));
    if named_thing {
        return Some(cand);
    }
    if words == 1 {
        if given_first && run.len() > 1 && run[run.len() - 1].kind == Kind::Initial {
            cand.grade = Grade::Person;
        } else if !run.iter().any(|t| {
            t.kind == Kind::Name && !is_particle(t) && t.flags & (COMMON | ORG | PLACE) != 0
        }) && (cue == Cue::Civility || !given_first && role_just_before(toks, i))
        {
            cand.grade = Grade::Cued;
        }
        return Some(cand);
    }
    if given_first {
        cand.grade = Grade::Person;
        return Some(cand);
    }
    // Without a known given name, every word must look like a name, and something around the
    // run must say it is a person.
    let common =
        run.iter().any(|t| t.flags & (COMMON | ROLE | NATIONALITY) != 0 && !is_particle(t));
    if common {
        return Some(cand);
    }
    // After `de`, an unknown name is the complement of what precedes (`transfuge de Valeurs
    // Actuelles, chef de…`, `rédacteur en chef de Valeurs Actuelles`): the context says nothing.
    // A definite article before says the same (`l'Hyper Cacher`, `la Cour`): French does not
    // put one before a person's name.
    let complement = i > 0
        && matches!(
            &text[toks[i - 1].start..toks[i - 1].end],
            "de" | "du" | "des" | "d'" | "d’" | "le" | "la" | "les" | "l'" | "l’"
        );
    let evidence = cue != Cue::None
        || !complement && role_before(toks, i)
        || !complement && apposition_after(text, toks, i, j);
    let spoken = speech_before(toks, i) || !complement && speech_after(toks, j);
    // Organisations and media speak too (`selon Human Rights Watch`, `Valeurs Actuelles
    // révèle`), but their names are made of ordinary words; a speaker's name is not.
    let wordish = run.iter().any(|t| t.flags & WORDISH != 0 && !is_particle(t));
    cand.grade = match (evidence, spoken) {
        (true, _) => Grade::Person,
        (false, true) if !wordish => Grade::Person,
        (false, true) => Grade::Spoken,
        (false, false) => Grade::Weak,
    };
    Some(cand)
}

/// A particle written capitalised inside a name (`Le` of `Le Pen`, `Van` of `Van Ruymbeke`).
fn is_particle(t: &Token) -> bool {
    t.flags & PARTICLE != 0 && t.flags & GIVEN == 0
}

/// A role noun shortly before `i`, with only complements between (`le président colombien`,
/// `le secrétaire général de l'OTAN,`, `la ministre des Outre-mer,`).
fn role_before(toks: &[Token], i: usize) -> bool {
    for k in (i.saturating_sub(8)..i).rev() {
        let t = &toks[k];
        if t.flags & ROLE != 0 && matches!(t.kind, Kind::Lower | Kind::Name) {
            return true;
        }
        let stop = match t.kind {
            Kind::Punct(c) => !matches!(c, ',' | '(' | ')'),
            Kind::Name => t.flags & (ORG | PLACE | NATIONALITY) == 0,
            _ => t.flags & BREAK != 0,
        };
        if stop || t.sent {
            return false;
        }
    }
    false
}

/// A role or civility right before a lone surname (`le président Macron`, `le Pr Claverie`),
/// a nationality adjective allowed between (`le président américain Trump`).
fn role_just_before(toks: &[Token], i: usize) -> bool {
    for k in (i.saturating_sub(2)..i).rev() {
        let t = &toks[k];
        if t.flags & (ROLE | CIVILITY) != 0 && t.kind == Kind::Lower {
            return true;
        }
        if !(t.kind == Kind::Lower && t.flags & NATIONALITY != 0) {
            return false;
        }
    }
    false
}

/// A speech verb or `selon` before the run, maybe across a short complement (`explique à
/// l'AFP Ignazio Floris`, `a déclaré, lundi, Jens Stoltenberg`).
fn speech_before(toks: &[Token], i: usize) -> bool {
    for k in (i.saturating_sub(5)..i).rev() {
        let t = &toks[k];
        if t.flags & SPEECH != 0 && matches!(t.kind, Kind::Lower | Kind::Name) {
            return true;
        }
        let skip = match t.kind {
            Kind::Punct(c) => c == ',',
            Kind::Elision | Kind::Upper | Kind::Number => true,
            Kind::Name => t.flags & (ORG | PLACE) != 0,
            Kind::Lower => t.flags & (DETERMINER | AUX) != 0 || t.flags & BREAK != 0 && !t.sent,
            Kind::Initial => false,
        };
        if !skip || t.sent {
            return false;
        }
    }
    false
}

/// An apposition after the run: `, professeur de`, `, l'avocat de`, `, 43 ans`, `(LREM)`.
fn apposition_after(text: &str, toks: &[Token], i: usize, j: usize) -> bool {
    let Some(t) = toks.get(j) else { return false };
    if t.is('(') {
        return match (toks.get(j + 1), toks.get(j + 2)) {
            // A party (`Sylvain Maillard (LREM)`), not the run's own initials (`Human Rights
            // Watch (HRW)`).
            (Some(a), Some(b)) if a.kind == Kind::Upper => {
                (b.is(')') || b.is(',')) && !initials_of(text, &toks[i..j], &text[a.start..a.end])
            }
            (Some(a), Some(b)) if a.kind == Kind::Number => is_years(b),
            _ => false,
        };
    }
    if !t.is(',') {
        return false;
    }
    for t in toks.iter().skip(j + 1).take(4) {
        if t.kind == Kind::Number {
            continue;
        }
        if is_years(t) || t.flags & ROLE != 0 && t.kind == Kind::Lower {
            return true;
        }
        let filler = t.kind == Kind::Elision
            || t.kind == Kind::Lower && t.flags & (DETERMINER | MODIFIER | NATIONALITY) != 0;
        if !filler {
            return false;
        }
    }
    false
}

/// Whether `acronym` spells the initials of the name words of `run`.
fn initials_of(text: &str, run: &[Token], acronym: &str) -> bool {
    let mut initials = run
        .iter()
        .filter(|t| t.kind == Kind::Name)
        .filter_map(|t| text[t.start..t.end].chars().next());
    acronym.chars().all(|c| initials.next() == Some(c)) && initials.next().is_none()
}

fn is_years(t: &Token) -> bool {
    t.kind == Kind::Lower && t.flags & AGE != 0
}

/// A speech verb after the run, maybe after an auxiliary (`Nordahl Lelandais avait reconnu`,
/// `Casey Dunn détaille`).
fn speech_after(toks: &[Token], j: usize) -> bool {
    for t in toks.iter().skip(j).take(4) {
        // Prepositions (`selon`, `pour`) introduce a speaker after them, not before.
        if t.flags & SPEECH != 0 && t.kind == Kind::Lower && t.flags & (AUX | BREAK) == 0 {
            return true;
        }
        let skip = t.is(',') || t.kind == Kind::Elision || t.flags & AUX != 0;
        if !skip {
            return false;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::persons::lexicon::Lexicon;
    use crate::persons::tokens::tokenize;

    fn grades(text: &str) -> Vec<(String, Grade)> {
        let mut toks = Vec::new();
        tokenize(text, Lexicon::get(), &mut String::new(), &mut toks);
        let mut out = Vec::new();
        scan(text, &toks, Zone::Body, &mut 0, &mut out);
        out.into_iter().map(|c| (c.text, c.grade)).collect()
    }

    #[test]
    fn runs_are_stripped_and_graded() {
        use Grade::*;
        let cases: &[(&str, &[(&str, Grade)])] = &[
            (
                "Le secrétaire général de l'OTAN, Jens Stoltenberg, a déclaré lundi",
                &[("Jens Stoltenberg", Person)],
            ),
            ("Stoltenberg et Duque ont parlé.", &[("Stoltenberg", Bare), ("Duque", Bare)]),
            ("Il a vu M. Keshet et Mme Le Pen.", &[("Keshet", Cued), ("Le Pen", Cued)]),
            ("Régionales : les élections, clame Le Pen", &[("Le Pen", Bare)]),
            ("le président colombien Zorbak Quillon", &[("Zorbak Quillon", Person)]),
            ("Zorbak Quillon, 43 ans, est venu", &[("Zorbak Quillon", Person)]),
            ("Zorbak Quillon (LREM) est venu", &[("Zorbak Quillon", Person)]),
            ("Zorbak Quillon Wexford (ZQW) est venu", &[("Zorbak Quillon Wexford", Weak)]),
            ("a expliqué Zorbak Quillon", &[("Zorbak Quillon", Person)]),
            ("a dénoncé Human Rights Watch", &[("Human Rights Watch", Spoken)]),
            ("Zorbak Quillon est venu", &[("Zorbak Quillon", Weak)]),
            ("un proche de Zorbak Quillon, professeur", &[("Zorbak Quillon", Weak)]),
            (
                "l'opéra La Traviata de Giuseppe Verdi",
                &[("La Traviata", Bare), ("Giuseppe Verdi", Person)],
            ),
            ("Thomas P., 25 ans, a été arrêté", &[("Thomas P.", Person)]),
            ("le président du Crif Francis Kalifat", &[("Francis Kalifat", Person)]),
            ("la saga Star Wars et Le Monde", &[("Wars", Bare), ("Le Monde", Bare)]),
            ("au lycée Victor Hugo, rue Jean Jaurès", &[]),
            ("Selon Interpol, Moscou a parlé.", &[]),
        ];
        for (text, want) in cases {
            let want: Vec<(String, Grade)> =
                want.iter().map(|(t, g)| ((*t).to_owned(), *g)).collect();
            assert_eq!(grades(text), want, "{text}");
        }
    }
}
