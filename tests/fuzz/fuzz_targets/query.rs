//! The query parser, then a search with the same text on a small index (the bundled sample
//! dispatches, indexed once per fuzzing process).

#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use depeche_index::{DepecheIndex, IndexOptions, NoProgress, Schema, index_paths};
use depeche_query::{Mode, Request, Searcher, Sort};
use libfuzzer_sys::fuzz_target;

struct Fixture {
    _dir: tempfile::TempDir,
    searcher: Searcher,
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let data = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../data/dispatches");
        let dir = tempfile::tempdir().expect("temp dir");
        let schema = Schema::embedded();
        let index = DepecheIndex::open_or_create(&dir.path().join("idx"), &schema, false)
            .expect("create index");
        let opts = IndexOptions { threads: 1, memory_budget: 50 << 20, ..IndexOptions::default() };
        index_paths(&index, &[data], &opts, &NoProgress).expect("index the sample");
        let searcher = Searcher::new(index).expect("open searcher");
        Fixture { _dir: dir, searcher }
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else { return };
    let query = String::from_utf8_lossy(rest).into_owned();
    let (_node, _notices) = depeche_query::parse(&query, &|f| {
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
    if let Ok(response) = fixture().searcher.search(&req) {
        assert!(response.hits.len() <= req.limit);
        for hit in &response.hits {
            for s in &hit.snippets {
                for h in &s.highlights {
                    assert!(h.start <= h.end && h.end <= s.text.len(), "highlight out of range");
                    assert!(s.text.is_char_boundary(h.start) && s.text.is_char_boundary(h.end));
                }
            }
        }
    }
});
