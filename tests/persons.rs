//! Person extraction measured on hand-annotated dispatches.
//!
//! `data/persons/annotated.jsonl` (61 OrangeSum articles) is the set the extractor is tuned
//! on; `annotated-holdout.jsonl` (24 articles) is never tuned on. Both were annotated by reading
//! the articles before running the extractor on them (see `data/persons/README.md`). A
//! predicted person matches a gold one when the names are equal once case, accents, hyphens and
//! apostrophe shapes are folded; a surname alone does not match a full name.

use std::time::Instant;

use depeche_ingest::{Dispatch, Options, normalize};
use serde_json::Value;

struct Article {
    id: String,
    dispatch: Dispatch,
    gold: Vec<String>,
}

fn load(name: &str) -> Vec<Article> {
    let path = depeche_tests::data_dir().join("persons").join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let v: Value = serde_json::from_str(line).expect("annotated line is JSON");
            let field = |k: &str| v[k].as_str().unwrap_or_default().to_owned();
            let lede = normalize::clean_opt(&field("lede"));
            let mut body = normalize::paragraphs(&field("body"), false);
            // As the reader does: a first paragraph repeating the lede is dropped.
            if body.first().is_some_and(|p| Some(p) == lede.as_ref()) {
                body.remove(0);
            }
            let gold = v["persons"]
                .as_array()
                .expect("persons is a list")
                .iter()
                .map(|p| p.as_str().expect("a person is a string").to_owned())
                .collect();
            Article {
                id: field("id"),
                dispatch: Dispatch {
                    title: normalize::clean(&field("title")),
                    lede,
                    body,
                    ..Dispatch::default()
                },
                gold,
            }
        })
        .collect()
}

/// Case, accents, hyphens and apostrophes folded, spaces collapsed.
fn fold(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
            'ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ñ' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ý' | 'ÿ' => 'y',
            '’' | '‘' => '\'',
            '-' => ' ',
            c => c,
        };
        out.push(c);
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

struct Score {
    tp: usize,
    predicted: usize,
    gold: usize,
}

impl Score {
    fn precision(&self) -> f64 {
        self.tp as f64 / self.predicted.max(1) as f64
    }

    fn recall(&self) -> f64 {
        self.tp as f64 / self.gold.max(1) as f64
    }
}

/// Micro precision and recall over a set, printing every article's misses.
fn evaluate(name: &str) -> Score {
    let articles = load(name);
    let mut score = Score { tp: 0, predicted: 0, gold: 0 };
    for a in &articles {
        let predicted: Vec<String> =
            depeche_ingest::extract_persons(&a.dispatch).into_iter().map(|p| p.name).collect();
        let gold: Vec<String> = a.gold.iter().map(|g| fold(g)).collect();
        let folded: Vec<String> = predicted.iter().map(|p| fold(p)).collect();
        let tp = folded.iter().filter(|p| gold.contains(p)).count();
        let missed: Vec<&String> =
            a.gold.iter().zip(&gold).filter(|(_, g)| !folded.contains(g)).map(|(o, _)| o).collect();
        let wrong: Vec<&String> = predicted
            .iter()
            .zip(&folded)
            .filter(|(_, p)| !gold.contains(p))
            .map(|(o, _)| o)
            .collect();
        if !missed.is_empty() || !wrong.is_empty() {
            eprintln!("{name} {}: missed {missed:?} wrong {wrong:?}", a.id);
        }
        score.tp += tp;
        score.predicted += predicted.len();
        score.gold += gold.len();
    }
    eprintln!(
        "{name}: {} articles, {} gold, {} predicted, {} correct: precision {:.3}, recall {:.3}",
        articles.len(),
        score.gold,
        score.predicted,
        score.tp,
        score.precision(),
        score.recall()
    );
    score
}

#[test]
fn annotated_set_meets_targets() {
    let s = evaluate("annotated.jsonl");
    assert!(s.gold >= 150, "the set shrank: {} gold persons", s.gold);
    assert!(s.precision() >= 0.85, "precision {:.3} < 0.85", s.precision());
    assert!(s.recall() >= 0.80, "recall {:.3} < 0.80", s.recall());
}

#[test]
fn holdout_set_meets_looser_bounds() {
    let s = evaluate("annotated-holdout.jsonl");
    assert!(s.gold >= 60, "the set shrank: {} gold persons", s.gold);
    assert!(s.precision() >= 0.75, "precision {:.3} < 0.75", s.precision());
    assert!(s.recall() >= 0.70, "recall {:.3} < 0.70", s.recall());
}

#[test]
fn articles_without_persons_stay_empty_mostly() {
    // Precision where it is easiest to lose: texts naming nobody (car news, weather, traffic).
    let empty: Vec<Article> = load("annotated.jsonl")
        .into_iter()
        .chain(load("annotated-holdout.jsonl"))
        .filter(|a| a.gold.is_empty())
        .collect();
    assert!(empty.len() >= 15, "{}", empty.len());
    let noisy: Vec<(&str, Vec<String>)> = empty
        .iter()
        .map(|a| {
            let names = depeche_ingest::extract_persons(&a.dispatch).into_iter().map(|p| p.name);
            (a.id.as_str(), names.collect::<Vec<_>>())
        })
        .filter(|(_, names)| !names.is_empty())
        .collect();
    assert!(noisy.len() * 5 <= empty.len(), "persons found in person-free articles: {noisy:?}");
}

#[test]
fn seed_dispatch_through_the_reader() {
    let Some(path) = depeche_tests::shared("samples/aa-fr-2022-02-15-otan-russie.txt") else {
        return;
    };
    let (dispatches, errors) = depeche_ingest::read_file(&path, &Options::default());
    assert!(errors.is_empty(), "{errors:?}");
    let d = &dispatches[0];
    let got: Vec<(&str, bool)> = d.persons.iter().map(|p| (p.name.as_str(), p.in_title)).collect();
    assert_eq!(
        got,
        [("Jens Stoltenberg", true), ("Ivan Duque Marquez", false), ("Sergueï Lavrov", false)]
    );
    let mentions: Vec<u32> = d.persons.iter().map(|p| p.mentions).collect();
    assert_eq!(mentions, [6, 3, 1], "bare `Stoltenberg` and `Duque` count as mentions");
}

/// Throughput of extraction alone on the whole OrangeSum corpus. Run it in release:
/// `cargo test --release -p depeche-tests --test integration persons::throughput -- --ignored --nocapture`
#[test]
#[ignore]
fn throughput() {
    let Some(path) = depeche_tests::shared("corpus/orangesum-dev.jsonl.gz") else { return };
    let (dispatches, errors) = depeche_ingest::read_file(&path, &Options::default());
    assert!(errors.is_empty(), "{} errors", errors.len());
    let bytes: usize = dispatches
        .iter()
        .map(|d| d.title.len() + d.lede.as_ref().map_or(0, String::len) + d.body_text().len())
        .sum();
    let start = Instant::now();
    let mut persons = 0;
    for d in &dispatches {
        persons += depeche_ingest::extract_persons(d).len();
    }
    let secs = start.elapsed().as_secs_f64();
    let mb = bytes as f64 / 1e6;
    eprintln!(
        "{} dispatches, {mb:.1} MB, {persons} persons in {secs:.2} s: {:.1} MB/s, {:.0} docs/s",
        dispatches.len(),
        mb / secs,
        dispatches.len() as f64 / secs
    );
    assert!(persons > dispatches.len(), "most dispatches name someone");
}
