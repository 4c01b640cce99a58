//! The inputs the fuzz targets (`tests/fuzz/`) found, replayed through the same code: every
//! file under `tests/data/hostile/fuzz-regressions/<target>/` must go through without a panic
//! and within a time bound. New crash inputs go there, named after what they broke.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use depeche_index::{DepecheIndex, IndexOptions, NoProgress, Schema, index_paths};
use depeche_ingest::{Format, Options, parse_text, read_file};
use depeche_query::{Mode, Request, Searcher, Sort};
use depeche_tests::data_dir;

/// Generous for a debug build on a loaded machine; the fuzzers flag anything over 10 s in an
/// optimized build.
const BOUND: Duration = Duration::from_secs(20);

fn inputs(target: &str) -> Vec<PathBuf> {
    let dir = data_dir().join("hostile/fuzz-regressions").join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no inputs in {}", dir.display());
    files
}

fn replay(target: &str, run: impl Fn(&[u8])) {
    for path in inputs(target) {
        let bytes = std::fs::read(&path).unwrap();
        let started = Instant::now();
        run(&bytes);
        let took = started.elapsed();
        assert!(took < BOUND, "{}: {took:?}", path.display());
    }
}

/// What `fuzz_targets/agency_text.rs` and `html.rs` do.
fn parse_as(format: Format, name: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    for d in parse_text(Path::new(name), format, &text).into_iter().flatten() {
        assert!(!d.title.is_empty() && !d.id.is_empty(), "{name}: {d:?}");
    }
}

#[test]
fn agency_text() {
    replay("agency_text", |b| parse_as(Format::AgencyText, "fuzz.txt", b));
}

#[test]
fn html() {
    replay("html", |b| parse_as(Format::Html, "fuzz.html", b));
}

/// What `fuzz_targets/ndjson.rs` does: `read_file` on a real file, a small line cap.
#[test]
fn ndjson() {
    let dir = tempfile::tempdir().unwrap();
    replay("ndjson", |bytes| {
        let path = dir.path().join("feed.jsonl");
        std::fs::write(&path, bytes).unwrap();
        let lines = bytes.split(|b| *b == b'\n').count() as u64;
        let (dispatches, errors) = read_file(&path, &Options { max_file_size: 2048 });
        let records = dispatches
            .iter()
            .map(|d| d.source.record.expect("an NDJSON dispatch has a line number"))
            .chain(errors.iter().filter_map(|e| e.record_number()));
        for record in records {
            assert!((1..=lines).contains(&record), "line {record} of {lines}");
        }
    });
}

/// What `fuzz_targets/query.rs` does: parse, then search the bundled sample with the first
/// byte choosing the options.
#[test]
fn query() {
    static INDEX: OnceLock<(tempfile::TempDir, Searcher)> = OnceLock::new();
    let (_, searcher) = INDEX.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let index =
            DepecheIndex::open_or_create(&dir.path().join("idx"), &Schema::embedded(), false)
                .unwrap();
        let opts = IndexOptions { threads: 1, memory_budget: 50 << 20, ..IndexOptions::default() };
        index_paths(&index, &[data_dir().join("dispatches")], &opts, &NoProgress).unwrap();
        let searcher = Searcher::new(index).unwrap();
        (dir, searcher)
    });
    replay("query", |data| {
        let Some((&flags, rest)) = data.split_first() else { return };
        let query = String::from_utf8_lossy(rest).into_owned();
        let _ = depeche_query::parse(&query, &|f| {
            matches!(f, "title" | "person" | "section" | "dateline" | "agency" | "author")
        });
        let mut req = Request::new(query.clone());
        req.mode = match flags & 3 {
            0 => Mode::Auto,
            1 => Mode::All,
            _ => Mode::Any,
        };
        if flags & 4 != 0 {
            req.sort = Sort::Date;
        }
        if flags & 8 != 0 {
            req.person = Some(query.chars().take(30).collect());
        }
        if flags & 16 != 0 {
            req.section = Some(query.chars().rev().take(12).collect());
        }
        req.offset = usize::from(flags >> 5);
        req.snippets = usize::from(flags & 3);
        req.facets = flags & 32 != 0;
        if let Ok(response) = searcher.search(&req) {
            assert!(response.hits.len() <= req.limit);
            for s in response.hits.iter().flat_map(|h| &h.snippets) {
                for h in &s.highlights {
                    assert!(h.start <= h.end && h.end <= s.text.len(), "{h:?} in {:?}", s.text);
                    assert!(s.text.is_char_boundary(h.start) && s.text.is_char_boundary(h.end));
                }
            }
        }
    });
}

/// The bug behind the `excluded-*` inputs: an excluded phrase panicked (debug builds). It now
/// excludes exactly the dispatches holding the phrase, alone, after words, and nested.
#[test]
fn excluded_phrases_exclude_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let index =
        DepecheIndex::open_or_create(&dir.path().join("idx"), &Schema::embedded(), false).unwrap();
    let opts = IndexOptions { threads: 1, memory_budget: 50 << 20, ..IndexOptions::default() };
    let summary =
        index_paths(&index, &[data_dir().join("dispatches")], &opts, &NoProgress).unwrap();
    let searcher = Searcher::new(index).unwrap();
    let total = |q: &str| {
        let mut req = Request::new(q);
        req.mode = Mode::All;
        req.facets = true;
        searcher.search(&req).unwrap_or_else(|e| panic!("{q}: {e}")).total
    };
    let all = summary.total;
    let phrase = total("\"conseil de sécurité\"");
    assert!(phrase > 0 && phrase < all);
    assert_eq!(total("-\"conseil de sécurité\""), all - phrase);
    assert_eq!(
        total("otan -\"conseil de sécurité\""),
        total("otan") - total("otan \"conseil de sécurité\"")
    );
    assert_eq!(total("-\"e 6\""), all, "a phrase found nowhere excludes nothing");
    assert_eq!(
        total("otan -(russie \"conseil de sécurité\")"),
        total("otan") - total("otan russie \"conseil de sécurité\"")
    );
}
