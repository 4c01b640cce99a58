//! Shared inputs of the benchmarks: real French news text from `../shared/corpus/` (beside
//! the checkout, or `$DEPECHE_SHARED/corpus/`) when it is there, else the samples committed
//! under `tests/data/`, with a message saying so. Every loader returns at least one item or
//! panics: a bench must never measure nothing.

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use depeche_index::{DepecheIndex, IndexOptions, NoProgress, Schema, Summary, index_paths};
use depeche_query::{Request, Searcher};

/// The workspace root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("benches/ has a parent").to_path_buf()
}

/// `../shared` beside the checkout (or `$DEPECHE_SHARED`), when it exists.
pub fn shared() -> Option<PathBuf> {
    let dir = std::env::var_os("DEPECHE_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().parent().map(|p| p.join("shared")).unwrap_or_default());
    dir.join("corpus").is_dir().then_some(dir)
}

fn note_fallback(what: &str, used: &Path) {
    eprintln!(
        "note: ../shared/corpus is absent: benchmarking {what} on the committed sample {} \
         (smaller; figures not comparable with runs on the shared corpus)",
        used.display()
    );
}

/// Up to `max` NDJSON lines of OrangeSum articles (`id`, `title`, `lede`, `body`, `date`…):
/// the shared dev corpus, or `tests/data/dispatches/orangesum-sample.jsonl` (29 articles).
pub fn corpus_lines(max: usize) -> Vec<String> {
    let (reader, path): (Box<dyn Read>, PathBuf) = match shared() {
        Some(s) => {
            let path = s.join("corpus/orangesum-dev.jsonl.gz");
            let file = std::fs::File::open(&path).expect("the shared corpus opens");
            (Box::new(flate2::read::MultiGzDecoder::new(file)), path)
        }
        None => {
            let path = root().join("tests/data/dispatches/orangesum-sample.jsonl");
            note_fallback("NDJSON", &path);
            (Box::new(std::fs::File::open(&path).expect("the committed sample opens")), path)
        }
    };
    let lines: Vec<String> = BufReader::new(reader)
        .lines()
        .map_while(Result::ok)
        .filter(|l| !l.trim().is_empty())
        .take(max)
        .collect();
    assert!(!lines.is_empty(), "no article in {}", path.display());
    lines
}

/// An article's text fields.
#[derive(Debug, Clone)]
pub struct Article {
    /// Headline.
    pub title: String,
    /// Standfirst.
    pub lede: String,
    /// Body, paragraphs separated by blank lines.
    pub body: String,
}

/// Up to `max` articles (see [`corpus_lines`]).
pub fn articles(max: usize) -> Vec<Article> {
    corpus_lines(max)
        .iter()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .map(|v| {
            let s = |k: &str| v.get(k).and_then(|x| x.as_str()).unwrap_or("").to_owned();
            Article { title: s("title"), lede: s("lede"), body: s("body") }
        })
        .collect()
}

/// Files of `dir` ending in `ext`, sorted, at most `max`.
fn files(dir: &Path, ext: &str, max: usize) -> Vec<(PathBuf, String)> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.retain(|p| p.extension().is_some_and(|e| e == ext));
    paths.sort();
    paths
        .into_iter()
        .take(max)
        .filter_map(|p| std::fs::read_to_string(&p).ok().map(|t| (p, t)))
        .collect()
}

/// Up to `max` saved article pages: the shared OrangeSum pages (600, ≈60 KB each), or the
/// committed ones under `tests/data/dispatches/` and `tests/data/html/`.
pub fn html_pages(max: usize) -> Vec<(PathBuf, String)> {
    let pages = match shared() {
        Some(s) => files(&s.join("corpus/html/orangesum"), "html", max),
        None => {
            let dir = root().join("tests/data");
            note_fallback("HTML", &dir);
            let mut v = files(&dir.join("dispatches"), "html", max);
            v.extend(files(&dir.join("html"), "html", max.saturating_sub(v.len())));
            v
        }
    };
    assert!(!pages.is_empty(), "no HTML page found");
    pages
}

/// The agency plain-text exports committed under `tests/data/text/` (Anadolu's layout; the
/// shared corpus has none).
pub fn agency_texts() -> Vec<(PathBuf, String)> {
    let texts = files(&root().join("tests/data/text"), "txt", usize::MAX);
    assert!(!texts.is_empty(), "no agency text under tests/data/text");
    texts
}

/// A directory removed on drop.
pub struct TempDir(PathBuf);

impl TempDir {
    /// A new empty directory under the system's temporary directory.
    pub fn new(name: &str) -> TempDir {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static N: AtomicUsize = AtomicUsize::new(0);
        let n = N.fetch_add(1, Ordering::Relaxed);
        let dir =
            std::env::temp_dir().join(format!("depeche-bench-{name}-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temporary directory");
        TempDir(dir)
    }

    /// Its path.
    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Writes `lines` as `dir/corpus.jsonl` and indexes them into `dir/index` with depeche's
/// indexer, every copy on its own (`collapse: false`), `threads` threads.
pub fn build_index(dir: &Path, lines: &[String], threads: usize) -> (DepecheIndex, Summary) {
    let corpus = dir.join("corpus.jsonl");
    if !corpus.exists() {
        std::fs::write(&corpus, lines.join("\n") + "\n").expect("write the corpus");
    }
    let index = DepecheIndex::open_or_create(&dir.join("index"), &Schema::embedded(), true)
        .expect("create the index");
    let opts = IndexOptions { threads, collapse: false, ..IndexOptions::default() };
    let summary = index_paths(&index, &[corpus], &opts, &NoProgress).expect("index the corpus");
    (index, summary)
}

/// Query classes of the latency benches: what users type, from cheap to expensive.
pub const CLASSES: [&str; 6] = ["frequent", "rare", "title", "phrase", "person", "date"];

/// A few queries of each class in [`CLASSES`], derived from the indexed `articles` (the
/// same recipe as `depeche bench`'s derived mix, smaller): the most frequent words, words
/// of a single article, two title words, a two-word phrase of a body, the most named
/// persons, and a frequent word within one year.
pub fn query_mix(
    searcher: &Searcher,
    articles: &[Article],
    per_class: usize,
) -> Vec<(&'static str, Request)> {
    use std::collections::HashMap;
    let words = |text: &str| -> Vec<String> {
        depeche_index::analyzer::analyze(text)
            .into_iter()
            .map(|a| text[a.range].to_owned())
            .filter(|w| w.chars().count() >= 4 && w.chars().all(char::is_alphabetic))
            .collect()
    };
    let mut df: HashMap<String, usize> = HashMap::new();
    for a in articles {
        let mut seen: Vec<String> = words(&format!("{} {} {}", a.title, a.lede, a.body))
            .into_iter()
            .map(|w| w.to_lowercase())
            .collect();
        seen.sort();
        seen.dedup();
        for w in seen {
            *df.entry(w).or_default() += 1;
        }
    }
    let mut by_df: Vec<(String, usize)> = df.into_iter().collect();
    by_df.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut out: Vec<(&'static str, Request)> = Vec::new();
    for (w, _) in by_df.iter().take(per_class) {
        out.push(("frequent", Request::new(w.as_str())));
    }
    let mut rare: Vec<&String> = by_df.iter().filter(|(_, n)| *n == 1).map(|(w, _)| w).collect();
    rare.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    for w in rare.into_iter().take(per_class) {
        out.push(("rare", Request::new(w.as_str())));
    }
    for a in articles.iter().filter(|a| words(&a.title).len() >= 2).take(per_class) {
        let w = words(&a.title);
        out.push(("title", Request::new(format!("{} {}", w[0], w[1]))));
    }
    let mut phrases = 0;
    for a in articles {
        if phrases == per_class {
            break;
        }
        let analyzed = depeche_index::analyzer::analyze(&a.body);
        let found = analyzed.windows(2).skip(analyzed.len() / 3).find_map(|p| {
            let span = &a.body[p[0].range.start..p[1].range.end];
            let ok = p[1].position == p[0].position + 1
                && span.split(' ').count() == 2
                && span
                    .split(' ')
                    .all(|w| w.chars().count() >= 3 && w.chars().all(char::is_alphabetic));
            ok.then(|| span.to_owned())
        });
        if let Some(p) = found {
            out.push(("phrase", Request::new(format!("\"{p}\""))));
            phrases += 1;
        }
    }
    for p in searcher.persons(None, per_class).unwrap_or_default() {
        out.push(("person", Request { person: Some(p.name), ..Request::default() }));
    }
    for (w, _) in by_df.iter().skip(per_class).take(per_class) {
        let (since, until) = (
            depeche_query::parse_date_bound("2019", false),
            depeche_query::parse_date_bound("2019", true),
        );
        out.push(("date", Request { since, until, ..Request::new(w.as_str()) }));
    }
    out
}
