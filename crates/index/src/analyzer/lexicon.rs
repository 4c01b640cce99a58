//! The lexicon tables behind the stem guard and the accent groups, embedded from `data/`.
//!
//! They are derived from the Snowball French vocabulary (`voc.txt`, BSD, see
//! `data/COPYING.snowball` and `data/COPYING.voc`) and the word counts of the OrangeSum dev
//! corpus (CC BY-SA 4.0; only words seen at least `MIN_COUNT` times), by
//! `cargo test -p depeche-index --release build_lexicon -- --ignored --nocapture`, which
//! rewrites `data/guard.txt` and `data/accents.txt`. Only the two compact tables are
//! committed, not the vocabulary.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

const GUARD: &str = include_str!("data/guard.txt");
const ACCENTS: &str = include_str!("data/accents.txt");

/// The parsed tables.
pub(crate) struct Tables {
    /// Light stems whose inflection family keeps its light stem as key.
    pub guard: HashSet<&'static str>,
    /// Folded key → the circumflexed variants of that key found in the lexicon.
    pub accents: HashMap<&'static str, Vec<&'static str>>,
}

fn data_lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The embedded tables, parsed once.
pub(crate) fn tables() -> &'static Tables {
    static TABLES: LazyLock<Tables> = LazyLock::new(|| Tables {
        guard: data_lines(GUARD).collect(),
        accents: data_lines(ACCENTS)
            .filter_map(|l| {
                let mut it = l.split_whitespace();
                Some((it.next()?, it.collect()))
            })
            .collect(),
    });
    &TABLES
}

#[cfg(test)]
pub(crate) mod build {
    //! The reproducible builder of the tables, and the check that the committed tables are
    //! what it derives.

    use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
    use std::fmt::Write;
    use std::io::{BufRead, BufReader};
    use std::path::PathBuf;

    /// Corpus words seen fewer times than this are not part of the lexicon.
    pub(crate) const MIN_COUNT: u64 = 5;
    /// An accent variant is a word of its own only if it has at least this share (in
    /// percent) of its group's corpus occurrences: `tache` against `tâche` yes, `etre`
    /// against `être` no.
    pub(crate) const MIN_SHARE: u64 = 3;
    use crate::analyzer::fold::{push_folded, push_folded_keep_circumflex};
    use crate::analyzer::stem::{Scratch, french_keys_in, light, reaccent, snowball};
    use crate::analyzer::stop::is_stop_word;
    use crate::analyzer::words::Words;
    use crate::analyzer::{lower_word, shared_dir};

    /// Verb endings (folded) that Snowball may strip without the guard objecting, provided
    /// the stem is a verb's (`stem` + `er`/`ir`/`re` is a word): `traité` → `trait`.
    const VERB_ENDINGS: &[&str] = &[
        "a", "ai", "aient", "ais", "ait", "ames", "ant", "ante", "antes", "ants", "as", "asse",
        "assent", "asses", "assiez", "assions", "at", "ates", "e", "ee", "ees", "ent", "er", "era",
        "erai", "eraient", "erais", "erait", "eras", "erent", "erez", "eriez", "erions", "erons",
        "eront", "es", "ez", "i", "ie", "iez", "ies", "imes", "ions", "ir", "ira", "irai",
        "iraient", "irais", "irait", "iras", "irent", "irez", "iriez", "irions", "irons", "iront",
        "is", "issaient", "issais", "issait", "issant", "issante", "issantes", "issants", "isse",
        "issent", "isses", "issez", "issiez", "issions", "issons", "it", "ites", "ons", "ra",
        "rai", "raient", "rais", "rait", "ras", "re", "rez", "riez", "rions", "rons", "ront", "u",
        "ue", "ues", "us",
    ];

    /// Endings that only verbs take: a stem seen with one of them is a verb's.
    const STRONG_VERB_ENDINGS: &[&str] = &[
        "aient", "ait", "er", "era", "erai", "eraient", "erait", "erent", "erez", "erons", "eront",
        "ez", "iez", "ions", "ir", "ira", "irait", "iront", "issaient", "issait", "issant",
        "issent", "issez", "issons", "ons", "ra", "raient", "rait", "re", "rez", "rons", "ront",
    ];

    /// One word of the lexicon.
    pub(crate) struct Entry {
        pub lower: String,
        pub folded: String,
        pub count: u64,
        pub in_voc: bool,
    }

    /// The lexicon: `voc.txt` plus the corpus words seen at least [`MIN_COUNT`] times, stop
    /// words and words with digits left out.
    pub(crate) struct Lexicon {
        pub words: Vec<Entry>,
    }

    pub(crate) fn read_voc(dir: &str) -> Option<Vec<String>> {
        let path = shared_dir()?.join("snowball").join(dir).join("voc.txt");
        let text = std::fs::read_to_string(path).ok()?;
        Some(text.lines().map(str::to_string).collect())
    }

    fn corpus_path() -> Option<PathBuf> {
        let p = shared_dir()?.join("corpus/orangesum-dev.jsonl.gz");
        p.exists().then_some(p)
    }

    /// Calls `f` with the title, lede and body of each corpus article.
    pub(crate) fn for_each_article(mut f: impl FnMut(&str, &str, &str)) -> Option<()> {
        let file = std::fs::File::open(corpus_path()?).ok()?;
        let reader = BufReader::new(flate2::read::GzDecoder::new(file));
        for line in reader.lines() {
            let line = line.ok()?;
            let v: serde_json::Value = serde_json::from_str(&line).ok()?;
            let s = |k: &str| v.get(k).and_then(|x| x.as_str()).unwrap_or("").to_string();
            f(&s("title"), &s("lede"), &s("body"));
        }
        Some(())
    }

    /// Lowercased word counts of the corpus (title, lede, body), as the analyzer cuts words.
    /// With `DEPECHE_COUNTS_CACHE=file`, reuses (or writes) the counts there.
    pub(crate) fn corpus_counts() -> Option<HashMap<String, u64>> {
        let cache = std::env::var_os("DEPECHE_COUNTS_CACHE").map(PathBuf::from);
        if let Some(text) = cache.as_ref().and_then(|p| std::fs::read_to_string(p).ok()) {
            return Some(
                text.lines()
                    .filter_map(|l| l.split_once('\t'))
                    .map(|(w, n)| (w.to_string(), n.parse().unwrap_or(0)))
                    .collect(),
            );
        }
        let counts = count_corpus()?;
        if let Some(p) = cache {
            let mut out = String::new();
            for (w, n) in &counts {
                writeln!(out, "{w}\t{n}").unwrap();
            }
            std::fs::write(p, out).ok()?;
        }
        Some(counts)
    }

    fn count_corpus() -> Option<HashMap<String, u64>> {
        let mut counts: HashMap<String, u64> = HashMap::new();
        let mut lower = String::new();
        for_each_article(|title, lede, body| {
            for text in [title, lede, body] {
                for w in Words::new(text, true) {
                    lower.clear();
                    lower_word(text, w, &mut lower);
                    if let Some(n) = counts.get_mut(lower.as_str()) {
                        *n += 1;
                    } else {
                        counts.insert(lower.clone(), 1);
                    }
                }
            }
        })?;
        Some(counts)
    }

    pub(crate) fn lexicon(voc: &[String], counts: &HashMap<String, u64>) -> Lexicon {
        let voc_set: HashSet<&str> = voc.iter().map(String::as_str).collect();
        let mut all: BTreeSet<&str> = voc_set.iter().copied().collect();
        all.extend(counts.iter().filter(|(_, n)| **n >= MIN_COUNT).map(|(w, _)| w.as_str()));
        let words = all
            .into_iter()
            .filter(|w| !w.is_empty() && !is_stop_word(w) && !w.chars().any(|c| c.is_numeric()))
            .filter(|w| !w.contains(['\'', '’']))
            .map(|w| {
                let mut folded = String::new();
                push_folded(w, &mut folded);
                Entry {
                    lower: w.to_string(),
                    folded,
                    count: counts.get(w).copied().unwrap_or(0),
                    in_voc: voc_set.contains(w),
                }
            })
            .collect();
        Lexicon { words }
    }

    /// The derived tables (and what the diagnostics print).
    pub(crate) struct Derived {
        pub guard: BTreeSet<String>,
        /// folded key → circumflex variants
        pub accents: BTreeMap<String, BTreeSet<String>>,
        /// guarded light stem → (a word that triggered it, its Snowball stem)
        pub evidence: BTreeMap<String, (String, String)>,
        /// accent group candidates with their counts
        pub diagnostics: Vec<String>,
    }

    /// Productive suffixes that derive a word from another while keeping its sense:
    /// `strict` → `strictement`, `journal` → `journaliste`, `abus` → `abusif`. Not `-ion`,
    /// which mostly builds on Latin stems that only look like French words (`pétition`,
    /// `portion`), nor `-ais`, a verb ending to Snowball but a nationality here (`français`).
    const TRANSPARENT: &[&str] = &[
        "able", "ables", "ance", "ances", "ement", "ements", "euse", "euses", "eux", "ible",
        "ibles", "if", "ifs", "ique", "iques", "isme", "ismes", "iste", "istes", "ive", "ives",
        "ment", "ments",
    ];

    /// What follows Snowball's `stem` in the folded word, allowing for the doubled consonant
    /// (`pardon` → `pardonnait`) and the y/i alternation (`emploi` → `employant`) of verbs.
    fn verb_rest<'w>(folded: &'w str, stem: &str) -> Option<&'w str> {
        if let Some(rest) = folded.strip_prefix(stem) {
            let last = *stem.as_bytes().last()?;
            let r = rest.as_bytes();
            return Some(match (r.first(), r.get(1)) {
                (Some(&c), _) if c == last && !matches!(c, b'a' | b'e' | b'i' | b'o' | b'u') => {
                    &rest[1..]
                }
                // `mangeait`, `songeant`: -ger verbs keep an `e` before `a` and `o`.
                (Some(b'e'), Some(b'a' | b'o')) if last == b'g' => &rest[1..],
                _ => rest,
            });
        }
        let base = stem.strip_suffix('i')?;
        folded.strip_prefix(base)?.strip_prefix('y')
    }

    /// The lexicon facts the guard decision needs.
    struct Facts<'a> {
        folded_words: HashSet<&'a str>,
        /// Snowball stems that are verbs: an infinitive (`obéi` → `obéir`), or a strong verb
        /// ending seen on them (`foisonnait`).
        verb_stems: HashSet<String>,
    }

    fn facts<'a>(lex: &'a Lexicon, stems: &[String]) -> Facts<'a> {
        let mut endings: HashMap<&str, HashSet<&str>> = HashMap::new();
        for (e, stem) in lex.words.iter().zip(stems) {
            if let Some(rest) = verb_rest(&e.folded, stem)
                && STRONG_VERB_ENDINGS.contains(&rest)
            {
                endings.entry(stem.as_str()).or_default().insert(rest);
            }
        }
        let folded_words: HashSet<&str> = lex.words.iter().map(|e| e.folded.as_str()).collect();
        // An infinitive is evidence enough: `admettre` for `admet`, `scier` for `sci`.
        let infinitive = |stem: &str| {
            let last = stem.chars().last().map(String::from).unwrap_or_default();
            ["er", "ir", "re"].iter().any(|e| {
                folded_words.contains(format!("{stem}{e}").as_str())
                    || folded_words.contains(format!("{stem}{last}{e}").as_str())
            }) || (last == "i" && folded_words.contains(format!("{stem}r").as_str()))
        };
        let verb_stems = stems
            .iter()
            .filter(|s| endings.contains_key(s.as_str()) || infinitive(s))
            .cloned()
            .collect();
        Facts { folded_words, verb_stems }
    }

    /// Whether Snowball's `stem` of the folded word strips more than an inflection and lands
    /// on another word, so that the word's family must keep its light stem.
    fn triggers(folded: &str, stem: &str, facts: &Facts<'_>) -> bool {
        if stem.len() >= light(folded).len() || !facts.folded_words.contains(stem) {
            return false;
        }
        // Plurals in -aux/-eaux are inflection too.
        if folded.strip_suffix("aux").is_some_and(|b| stem.strip_suffix("al") == Some(b))
            || folded.strip_suffix("eaux").is_some_and(|b| stem.strip_suffix("eau") == Some(b))
        {
            return false;
        }
        // A verb form of a verb: `traité` → `trait`.
        if facts.verb_stems.contains(stem)
            && verb_rest(folded, stem).is_some_and(|r| VERB_ENDINGS.contains(&r))
        {
            return false;
        }
        // A transparent derivation of a word of the same family: `strictement` = `stricte`
        // + `ment`; `châtiment` is not `chati` + `ment` of `chat`.
        let derived = TRANSPARENT.iter().any(|suffix| {
            folded.strip_suffix(suffix).is_some_and(|base| {
                base == stem
                    || (facts.folded_words.contains(base) && snowball(base) == stem)
                    || light(base) == stem
            })
        });
        let adverb = (folded.ends_with("amment") && stem.ends_with("ant"))
            || (folded.ends_with("emment") && stem.ends_with("ent"));
        !(derived || adverb)
    }

    impl crate::analyzer::stem::Lexicon for Derived {
        fn guarded(&self, light: &str) -> bool {
            self.guard.contains(light)
        }

        fn accent_group(&self, key: &str) -> bool {
            self.accents.contains_key(key)
        }
    }

    /// Pairs of `voc.txt` words that Snowball (on folded words) conflates and the derived
    /// keys split: (pairs conflated, pairs split, pairs split within one inflection family,
    /// a sample of split pairs).
    pub(crate) fn split_pairs(voc: &[String], d: &Derived) -> (u64, u64, u64, Vec<String>) {
        let mut by_stem: BTreeMap<String, Vec<(String, String, String)>> = BTreeMap::new();
        let mut scratch = Scratch::default();
        for w in voc {
            if is_stop_word(w) {
                continue;
            }
            let mut folded = String::new();
            push_folded(w, &mut folded);
            let key = french_keys_in(w, d, &mut scratch).key;
            let fam = light(&folded).to_string();
            by_stem.entry(snowball(&folded).into_owned()).or_default().push((w.clone(), key, fam));
        }
        let (mut conflated, mut split, mut inflection) = (0, 0, 0);
        let mut sample = Vec::new();
        for words in by_stem.values() {
            for (i, a) in words.iter().enumerate() {
                for b in &words[i + 1..] {
                    conflated += 1;
                    if a.1 != b.1 {
                        split += 1;
                        inflection += u64::from(a.2 == b.2);
                        if split % 97 == 1 || a.2 == b.2 {
                            let same = if a.2 == b.2 { " (one family)" } else { "" };
                            sample.push(format!("{} / {}{same}", a.0, b.0));
                        }
                    }
                }
            }
        }
        (conflated, split, inflection, sample)
    }

    pub(crate) fn derive(lex: &Lexicon) -> Derived {
        let stems: Vec<String> =
            lex.words.iter().map(|e| snowball(&e.folded).into_owned()).collect();
        let facts = facts(lex, &stems);
        let mut guard = BTreeSet::new();
        let mut evidence = BTreeMap::new();
        for (e, stem) in lex.words.iter().zip(&stems) {
            if triggers(&e.folded, stem, &facts) {
                let l = light(&e.folded).to_string();
                evidence.entry(l.clone()).or_insert_with(|| (e.lower.clone(), stem.clone()));
                guard.insert(l);
            }
        }
        // Accent groups, on the guarded keys: variant → (corpus count, attested in voc.txt).
        let mut groups: BTreeMap<String, BTreeMap<String, (u64, bool)>> = BTreeMap::new();
        let mut circ = String::new();
        for (e, stem) in lex.words.iter().zip(&stems) {
            let l = light(&e.folded);
            let key = if guard.contains(l) { l } else { stem.as_str() };
            circ.clear();
            push_folded_keep_circumflex(&e.lower, &mut circ);
            let variant = reaccent(key, &e.folded, &circ);
            let slot = groups.entry(key.to_string()).or_default().entry(variant).or_default();
            slot.0 += e.count;
            slot.1 |= e.in_voc;
        }
        let mut diagnostics = Vec::new();
        let accents = groups
            .into_iter()
            .filter_map(|(key, variants)| {
                let total: u64 = variants.values().map(|v| v.0).sum();
                let real: BTreeSet<String> = variants
                    .iter()
                    .filter(|(_, (count, in_voc))| {
                        *in_voc && *count >= MIN_COUNT && *count * 100 >= total * MIN_SHARE
                    })
                    .map(|(v, _)| v.clone())
                    .collect();
                if variants.len() >= 2 && variants.keys().any(|v| *v != key) {
                    diagnostics.push(format!("{key} {variants:?}"));
                }
                let circumflexed: BTreeSet<String> =
                    real.iter().filter(|v| **v != key).cloned().collect();
                (real.len() >= 2 && !circumflexed.is_empty()).then_some((key, circumflexed))
            })
            .collect();
        Derived { guard, accents, evidence, diagnostics }
    }

    const HEADER: &str = "# Generated by `cargo test -p depeche-index --release build_lexicon -- --ignored`\n\
# from the Snowball French voc.txt (BSD, see COPYING.snowball, COPYING.voc) and the OrangeSum\n\
# dev corpus word counts (CC BY-SA 4.0). Do not edit by hand.\n";

    pub(crate) fn render_guard(d: &Derived) -> String {
        let mut out = String::from(HEADER);
        out.push_str(
            "# Stem guard: light (inflection-only) stems of the families that Snowball would\n\
             # conflate with another word of the lexicon; these families keep the light stem.\n",
        );
        for g in &d.guard {
            writeln!(out, "{g}").unwrap();
        }
        out
    }

    pub(crate) fn render_accents(d: &Derived) -> String {
        let mut out = String::from(HEADER);
        out.push_str(
            "# Accent groups: a folded key, then the variants of it that keep a circumflex;\n\
             # each is a distinct word of the lexicon (`pech pêch`: péché / pêche).\n",
        );
        for (k, vs) in &d.accents {
            let vs: Vec<&str> = vs.iter().map(String::as_str).collect();
            writeln!(out, "{k} {}", vs.join(" ")).unwrap();
        }
        out
    }

    fn data_path(name: &str) -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/analyzer/data").join(name)
    }

    /// Re-derives the tables from the shared data and checks a sample of them (every 7th
    /// guard entry, every accent group) against the committed files, both ways.
    #[test]
    fn committed_tables_match_the_builder() {
        let (Some(voc), Some(counts)) = (read_voc("french"), corpus_counts()) else {
            eprintln!("SKIP committed_tables_match_the_builder: shared voc.txt or corpus absent");
            return;
        };
        let d = derive(&lexicon(&voc, &counts));
        let t = super::tables();
        for g in d.guard.iter().step_by(7) {
            assert!(t.guard.contains(g.as_str()), "builder guards `{g}`, the table does not");
        }
        for g in t.guard.iter().filter(|g| g.len() % 7 == 0) {
            assert!(d.guard.contains(*g), "the table guards `{g}`, the builder does not");
        }
        assert_eq!(t.guard.len(), d.guard.len());
        let committed: BTreeMap<&str, BTreeSet<&str>> =
            t.accents.iter().map(|(k, v)| (*k, v.iter().copied().collect())).collect();
        let derived: BTreeMap<&str, BTreeSet<&str>> = d
            .accents
            .iter()
            .map(|(k, v)| (k.as_str(), v.iter().map(String::as_str).collect()))
            .collect();
        assert_eq!(committed, derived);
    }

    /// Rewrites `data/guard.txt` and `data/accents.txt`, printing what it measured.
    #[test]
    #[ignore = "rebuilds the committed lexicon tables from /work/shared (run in release)"]
    fn build_lexicon() {
        let (Some(voc), Some(counts)) = (read_voc("french"), corpus_counts()) else {
            eprintln!("SKIP build_lexicon: shared voc.txt or corpus not found");
            return;
        };
        let lex = lexicon(&voc, &counts);
        let d = derive(&lex);
        println!(
            "lexicon {} words ({} from voc.txt), {} corpus word types; guard {} families, \
             {} accent groups",
            lex.words.len(),
            voc.len(),
            counts.len(),
            d.guard.len(),
            d.accents.len()
        );
        for (l, (w, s)) in &d.evidence {
            println!("guard {l:<16} {w:<20} snowball {s}");
        }
        for line in &d.diagnostics {
            println!("candidate {line}");
        }
        let (conflated, split, inflection, sample) = split_pairs(&voc, &d);
        println!(
            "voc.txt pairs conflated by Snowball: {conflated}; split by the guard and accent \
             groups: {split} ({:.2}%), of which within one inflection family: {inflection}",
            split as f64 * 100.0 / conflated as f64
        );
        for s in sample {
            println!("split {s}");
        }
        for (k, vs) in &d.accents {
            println!("accents {k} {vs:?}");
        }
        std::fs::write(data_path("guard.txt"), render_guard(&d)).unwrap();
        std::fs::write(data_path("accents.txt"), render_accents(&d)).unwrap();
    }
}
