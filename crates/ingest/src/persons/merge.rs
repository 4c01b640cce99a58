//! Groups the candidates of one dispatch into persons: spelling variants of one full name
//! merge, bare surnames (`Stoltenberg`, `Duque`, `M. Ohana`) count as mentions of the full name
//! they belong to, and persons are ranked by centrality.

use super::spans::{Candidate, Grade, Zone};
use crate::dispatch::Person;

/// One person of the dispatch while mentions are gathered.
#[derive(Debug)]
struct Entry {
    /// Folded words of the fullest form seen (see [`Candidate::key`]).
    key: String,
    /// Written full forms and how often each occurs.
    forms: Vec<(String, u32)>,
    /// Positions of the full forms, increasing.
    seen: Vec<usize>,
    mentions: u32,
    in_title: bool,
    in_lede: bool,
}

impl Entry {
    fn new(c: &Candidate) -> Entry {
        let mut e = Entry {
            key: c.key.clone(),
            forms: Vec::new(),
            seen: Vec::new(),
            mentions: 0,
            in_title: false,
            in_lede: false,
        };
        e.add_form(c);
        e
    }

    fn count(&mut self, c: &Candidate) {
        self.mentions += 1;
        self.in_title |= c.zone == Zone::Title;
        self.in_lede |= c.zone == Zone::Lede;
    }

    fn add_form(&mut self, c: &Candidate) {
        match self.forms.iter_mut().find(|(f, _)| *f == c.text) {
            Some((_, n)) => *n += 1,
            None => self.forms.push((c.text.clone(), 1)),
        }
        if word_count(&c.key) > word_count(&self.key) {
            self.key.clone_from(&c.key);
        }
        self.seen.push(c.order);
        self.count(c);
    }

    /// The form written most often, the first one on a tie.
    fn name(&self) -> String {
        let mut best = &self.forms[0];
        for f in &self.forms[1..] {
            if f.1 > best.1 {
                best = f;
            }
        }
        best.0.clone()
    }
}

/// The persons named by `cands` (in dispatch order), most central first.
pub(super) fn resolve(cands: &[Candidate]) -> Vec<Person> {
    let mut entries: Vec<Entry> = Vec::new();
    let mut used = vec![false; cands.len()];
    for (n, c) in cands.iter().enumerate() {
        if c.grade == Grade::Person {
            add_full(&mut entries, c);
            used[n] = true;
        }
    }
    // A full name with less evidence stands when the dispatch confirms it: the same words are
    // a person elsewhere, its surname comes with a civility or a role (`M. Keshet`), or, for a
    // name introduced by a speech verb, its surname stands alone somewhere (`Lelandais`).
    let surnames: Vec<(&str, Grade)> = cands
        .iter()
        .filter(|c| matches!(c.grade, Grade::Cued | Grade::Bare))
        .map(|c| (c.key.as_str(), c.grade))
        .collect();
    for (n, c) in cands.iter().enumerate() {
        if !matches!(c.grade, Grade::Weak | Grade::Spoken) {
            continue;
        }
        let known = entries.iter().any(|e| same_person(&e.key, &c.key));
        let confirmed = surnames.iter().any(|&(s, g)| {
            (g == Grade::Cued || c.grade == Grade::Spoken) && ends_with_words(&c.key, s)
        });
        if known || confirmed {
            add_full(&mut entries, c);
            used[n] = true;
        }
    }
    // A lone surname with a civility or a role is a person of its own when no full name
    // claims it.
    for (n, c) in cands.iter().enumerate() {
        if c.grade == Grade::Cued && !used[n] && find_mention(&entries, c).is_none() {
            add_full(&mut entries, c);
            used[n] = true;
        }
    }
    for (n, c) in cands.iter().enumerate() {
        if !used[n]
            && let Some(e) = find_mention(&entries, c)
        {
            entries[e].count(c);
        }
    }
    let mut ranked: Vec<(usize, Entry)> =
        entries.into_iter().map(|e| (e.seen.first().copied().unwrap_or(0), e)).collect();
    ranked.sort_by(|(fa, a), (fb, b)| {
        (b.in_title, b.in_lede, b.mentions)
            .cmp(&(a.in_title, a.in_lede, a.mentions))
            .then(fa.cmp(fb))
    });
    ranked
        .into_iter()
        .map(|(_, e)| Person {
            name: e.name(),
            mentions: e.mentions,
            in_title: e.in_title,
            in_lede: e.in_lede,
        })
        .collect()
}

fn add_full(entries: &mut Vec<Entry>, c: &Candidate) {
    match entries.iter_mut().find(|e| same_person(&e.key, &c.key)) {
        Some(e) => e.add_form(c),
        None => entries.push(Entry::new(c)),
    }
}

fn word_count(key: &str) -> usize {
    key.split(' ').count()
}

/// Equal once hyphens count as spaces (`ann-kathrin stracke`, `ann kathrin stracke`).
fn loose_eq(a: &str, b: &str) -> bool {
    let h = |c: char| if c == '-' { ' ' } else { c };
    a.len() == b.len() && a.chars().map(h).eq(b.chars().map(h))
}

/// Whether two full names are spellings of one person: equal but for hyphens
/// (`Ann-Kathrin`/`Ann Kathrin`), one extending the other (`Ivan Duque`/`Ivan Duque
/// Marquez`), or one letter apart in a long name (`Joanna`/`Johanna Parrish`).
fn same_person(a: &str, b: &str) -> bool {
    if loose_eq(a, b) {
        return true;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.contains(' ') && starts_with_words(long, short) {
        return true;
    }
    a.contains(' ') && b.contains(' ') && short.len() >= 8 && within_one_edit(a, b)
}

fn within_one_edit(a: &str, b: &str) -> bool {
    if a.len().abs_diff(b.len()) > 4 {
        return false;
    }
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (short, long) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let prefix = short.iter().zip(long.iter()).take_while(|(x, y)| x == y).count();
    if prefix == short.len() {
        return true;
    }
    if short.len() == long.len() {
        short[prefix + 1..] == long[prefix + 1..]
    } else {
        short[prefix..] == long[prefix + 1..]
    }
}

/// `key` starts with the words `head` (whole words, at least one more after).
fn starts_with_words(key: &str, head: &str) -> bool {
    key.len() > head.len() && key.starts_with(head) && key.as_bytes()[head.len()] == b' '
}

/// `key` ends with the words `tail` (whole words, at least one more before).
fn ends_with_words(key: &str, tail: &str) -> bool {
    key.len() > tail.len()
        && key.ends_with(tail)
        && key.as_bytes()[key.len() - tail.len() - 1] == b' '
}

/// The words `part` occur in `key` past its first word (`duque` in `ivan duque marquez`).
fn inside_past_first(key: &str, part: &str) -> bool {
    key.match_indices(' ').any(|(p, _)| {
        let rest = &key[p + 1..];
        rest == part || starts_with_words(rest, part)
    })
}

/// The entry a partial name refers to: a run of its words past the given name (`Duque`,
/// `Giscard d'Estaing`, `Le Pen`), the family name written first after a civility (`M. Kim`),
/// or the given name alone when one person has it (`Johnny`). Among several, the person named
/// last before the mention, else the first named.
fn find_mention(entries: &[Entry], c: &Candidate) -> Option<usize> {
    let k = c.key.as_str();
    if k.is_empty() || k.split(' ').all(is_particle_word) {
        return None;
    }
    let single = !k.contains(' ');
    let mut best: Option<(usize, Option<usize>)> = None;
    let mut by_given = None;
    let mut givens = 0;
    for (n, e) in entries.iter().enumerate() {
        let matches = loose_eq(&e.key, k)
            || inside_past_first(&e.key, k)
            || c.grade == Grade::Cued && starts_with_words(&e.key, k);
        if !matches {
            if single && starts_with_words(&e.key, k) {
                by_given = Some(n);
                givens += 1;
            }
            continue;
        }
        let before = e.seen.iter().rev().find(|&&o| o < c.order).copied();
        best = match best {
            Some((b, Some(bo))) if before.is_none_or(|o| o < bo) => Some((b, Some(bo))),
            Some((b, None)) if before.is_none() => Some((b, None)),
            _ => Some((n, before)),
        };
    }
    match best {
        Some((n, _)) => Some(n),
        None if givens == 1 => by_given,
        None => None,
    }
}

fn is_particle_word(w: &str) -> bool {
    matches!(
        w,
        "de" | "du" | "des" | "d'" | "la" | "le" | "van" | "von" | "der" | "den" | "al" | "el"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cand(text: &str, grade: Grade, zone: Zone, order: usize) -> Candidate {
        let mut key = String::new();
        crate::persons::lexicon::fold_into(text, &mut key);
        Candidate { text: text.into(), key, grade, zone, order }
    }

    #[test]
    fn surnames_map_to_full_names() {
        use Grade::*;
        let cands = [
            cand("Stoltenberg", Bare, Zone::Title, 1),
            cand("Jens Stoltenberg", Person, Zone::Body, 2),
            cand("Ivan Duque Marquez", Person, Zone::Body, 3),
            cand("Stoltenberg", Bare, Zone::Body, 4),
            cand("Duque", Bare, Zone::Body, 5),
            cand("Moscou", Bare, Zone::Body, 6),
            cand("Ivan Duque Marquez", Person, Zone::Body, 7),
        ];
        let got: Vec<(String, u32, bool)> =
            resolve(&cands).into_iter().map(|p| (p.name, p.mentions, p.in_title)).collect();
        assert_eq!(
            got,
            [("Jens Stoltenberg".into(), 3, true), ("Ivan Duque Marquez".into(), 3, false)]
        );
    }

    #[test]
    fn variants_merge_and_weak_names_need_confirmation() {
        use Grade::*;
        let cands = [
            cand("Ann-Kathrin Stracke", Person, Zone::Lede, 1),
            cand("Ann Kathrin Stracke", Weak, Zone::Body, 2),
            cand("Joanna Parrish", Person, Zone::Body, 3),
            cand("Johanna Parrish", Person, Zone::Body, 4),
            cand("Or Keshet", Weak, Zone::Body, 5),
            cand("Keshet", Cued, Zone::Body, 6),
            cand("Flying Spur", Weak, Zone::Body, 7),
            cand("Macron", Cued, Zone::Body, 8),
            cand("Macron", Bare, Zone::Body, 9),
        ];
        let got: Vec<(String, u32)> =
            resolve(&cands).into_iter().map(|p| (p.name, p.mentions)).collect();
        assert_eq!(
            got,
            [
                ("Ann-Kathrin Stracke".into(), 2),
                ("Joanna Parrish".into(), 2),
                ("Or Keshet".into(), 2),
                ("Macron".into(), 2),
            ]
        );
    }

    #[test]
    fn ambiguous_surname_goes_to_the_last_named() {
        use Grade::*;
        let cands = [
            cand("Fidel Castro", Person, Zone::Body, 1),
            cand("Raul Castro", Person, Zone::Body, 2),
            cand("Castro", Bare, Zone::Body, 3),
        ];
        let got: Vec<(String, u32)> =
            resolve(&cands).into_iter().map(|p| (p.name, p.mentions)).collect();
        assert_eq!(got, [("Raul Castro".into(), 2), ("Fidel Castro".into(), 1)]);
    }

    #[test]
    fn one_edit() {
        for (a, b, want) in [
            ("pascal filoe", "pasca filoe", true),
            ("joanna parrish", "johanna parrish", true),
            ("fidel castro", "raul castro", false),
            ("abc", "abd", true),
            ("abc", "abc", true),
        ] {
            assert_eq!(within_one_edit(a, b), want, "{a} {b}");
        }
    }
}
