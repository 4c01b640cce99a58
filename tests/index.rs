//! `depeche index`: incremental runs, duplicates, versions, pruning, locks, schema checks, and
//! the seed dispatch found through raw tantivy queries.

use std::path::{Path, PathBuf};

use depeche_index::{DepecheIndex, Error, IndexOptions, NoProgress, Schema, Summary, index_paths};
use depeche_tests::data_dir;
use tantivy::collector::TopDocs;
use tantivy::query::{QueryParser, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{TantivyDocument, Term};

fn copy_into(dir: &Path, files: &[&str]) {
    for f in files {
        let from = data_dir().join("dispatches").join(f);
        std::fs::copy(&from, dir.join(f)).unwrap_or_else(|e| panic!("{}: {e}", from.display()));
    }
}

fn run(index: &DepecheIndex, path: &Path, opts: &IndexOptions) -> Summary {
    index_paths(index, &[path.to_path_buf()], opts, &NoProgress).unwrap()
}

fn opts() -> IndexOptions {
    IndexOptions { threads: 2, memory_budget: 50 << 20, ..IndexOptions::default() }
}

fn dispatch(id: &str, title: &str, body: &str, published: &str, updated: Option<&str>) -> String {
    let mut v = serde_json::json!({"id": id, "title": title, "body": body, "date": published, "author": "AFP"});
    if let Some(u) = updated {
        v["updated"] = u.into();
    }
    v.to_string()
}

fn ids(index: &DepecheIndex) -> Vec<String> {
    let reader = index.tantivy().reader().unwrap();
    let searcher = reader.searcher();
    let schema = index.schema();
    let q = TermQuery::new(
        Term::from_field_text(schema.field("kind"), "dispatch"),
        IndexRecordOption::Basic,
    );
    let top = searcher.search(&q, &TopDocs::with_limit(10_000).order_by_score()).unwrap();
    let mut out: Vec<String> = top
        .into_iter()
        .map(|(_, addr)| {
            let doc: TantivyDocument = searcher.doc(addr).unwrap();
            doc.get_first(schema.field("id")).and_then(|v| v.as_str()).unwrap().to_owned()
        })
        .collect();
    out.sort();
    out
}

#[test]
fn bundle_indexes_then_rerun_skips_everything() {
    let dir = tempfile::tempdir().unwrap();
    let schema = Schema::embedded();
    let index = DepecheIndex::open_or_create(&dir.path().join("idx"), &schema, false).unwrap();
    let bundle = data_dir().join("dispatches");
    let first = run(&index, &bundle, &opts());
    assert!(first.skipped.is_empty(), "{:?}", first.skipped);
    // 29 JSONL articles (three pairs identical), 10 HTML pages, the seed, two NewsML items.
    assert_eq!(first.indexed + first.duplicates + first.versions, 42);
    assert_eq!(first.duplicates, 3);
    assert_eq!(first.total, first.indexed);
    let second = run(&index, &bundle, &opts());
    assert_eq!((second.indexed, second.unchanged, second.files_read), (0, first.indexed, 0));
    assert_eq!(second.total, first.total);
}

/// `--rebuild` of an index this schema opens: readers keep the last commit until the rebuilt
/// one is committed (the files used to be removed before the run started).
#[test]
fn a_rebuild_keeps_the_last_commit_until_it_commits() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("idx");
    let schema = Schema::embedded();
    let bundle = data_dir().join("dispatches");
    let first =
        run(&DepecheIndex::open_or_create(&path, &schema, false).unwrap(), &bundle, &opts());
    let before = ids(&DepecheIndex::open(&path, &schema).unwrap());
    assert_eq!(before.len() as u64, first.total);

    let rebuilt = DepecheIndex::open_or_create(&path, &schema, true).unwrap();
    assert_eq!(ids(&DepecheIndex::open(&path, &schema).unwrap()), before, "nothing gone yet");
    let seed = dir.path().join("seed");
    std::fs::create_dir(&seed).unwrap();
    copy_into(&seed, &["aa-fr-2022-02-15-otan-russie.txt"]);
    let second = run(&rebuilt, &seed, &IndexOptions { start_empty: true, ..opts() });
    assert_eq!((second.indexed, second.unchanged, second.total), (1, 0, 1));
    assert_eq!(ids(&DepecheIndex::open(&path, &schema).unwrap()).len(), 1);
}

/// A kill (an item canceled or withheld by the agency) comes as a new file: it takes the
/// dispatch it names out of search, and is reported as withdrawn.
#[test]
fn a_withdrawn_item_takes_its_dispatch_out() {
    let dir = tempfile::tempdir().unwrap();
    let feed = dir.path().join("feed");
    std::fs::create_dir(&feed).unwrap();
    copy_into(&feed, &["superdesk-core__afp20.xml"]);
    let schema = Schema::embedded();
    let index = DepecheIndex::open_or_create(&dir.path().join("idx"), &schema, false).unwrap();
    let first = run(&index, &feed, &opts());
    assert_eq!(first.indexed, 1);
    let id = ids(&index).pop().expect("the AFP item");
    let item = std::fs::read(feed.join("superdesk-core__afp20.xml")).unwrap();
    let killed = String::from_utf8_lossy(&item)
        .replace(r#"<Status FormalName="Usable"/>"#, r#"<Status FormalName="Canceled"/>"#)
        .replace("qpsp2jzk:1</PublicIdentifier>", "qpsp2jzk:2</PublicIdentifier>");
    assert!(killed.contains("Canceled") && killed.contains("qpsp2jzk:2<"));
    std::fs::write(feed.join("afp-kill.xml"), killed).unwrap();
    let second = run(&index, &feed, &opts());
    assert_eq!((second.removed, second.total), (1, 0), "{id} still searchable");
    assert_eq!(second.skipped.len(), 1);
    assert_eq!(second.skipped[0].reason, "withdrawn");
    assert!(ids(&index).is_empty());
}

#[test]
fn changed_files_are_reindexed_and_gone_files_pruned() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src");
    std::fs::create_dir(&src).unwrap();
    let a = dispatch(
        "feed-a-0001",
        "Sommet de l'OTAN à Bruxelles",
        "Les alliés se réunissent.",
        "2022-02-15T10:00:00Z",
        None,
    );
    let b = dispatch(
        "feed-b-0001",
        "Séisme au Japon",
        "Un séisme a frappé le nord du pays.",
        "2022-02-16T10:00:00Z",
        None,
    );
    std::fs::write(src.join("a.json"), &a).unwrap();
    std::fs::write(src.join("b.json"), &b).unwrap();
    let index =
        DepecheIndex::open_or_create(&dir.path().join("idx"), &Schema::embedded(), false).unwrap();
    assert_eq!(run(&index, &src, &opts()).indexed, 2);

    // Same size, new content: the hash notices.
    let b2 = b.replace("nord", "sud ");
    assert_eq!(b.len(), b2.len());
    std::fs::write(src.join("b.json"), &b2).unwrap();
    let s = run(&index, &src, &opts());
    assert_eq!((s.indexed, s.removed, s.unchanged), (1, 1, 1), "{s:?}");

    std::fs::remove_file(src.join("a.json")).unwrap();
    let kept = run(&index, &src, &opts());
    assert_eq!((kept.removed, kept.total), (0, 2), "without --prune nothing is removed");
    let pruned = run(&index, &src, &IndexOptions { prune: true, ..opts() });
    assert_eq!((pruned.removed, pruned.total), (1, 1));
    assert_eq!(ids(&index), ["feed-b-0001"]);
}

#[test]
fn a_copy_takes_over_when_the_indexed_one_goes() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src");
    std::fs::create_dir(&src).unwrap();
    let body = "Le secrétaire général de l'OTAN a appelé la Russie au dialogue.";
    std::fs::write(
        src.join("1.json"),
        dispatch("copy-one-1", "OTAN", body, "2022-02-15T10:00:00Z", None),
    )
    .unwrap();
    std::fs::write(
        src.join("2.json"),
        dispatch("copy-two-2", "L'OTAN", body, "2022-02-15T11:00:00Z", None),
    )
    .unwrap();
    let index =
        DepecheIndex::open_or_create(&dir.path().join("idx"), &Schema::embedded(), false).unwrap();
    let s = run(&index, &src, &opts());
    assert_eq!((s.indexed, s.duplicates), (1, 1));
    assert_eq!(ids(&index), ["copy-one-1"]);
    std::fs::remove_file(src.join("1.json")).unwrap();
    let s = run(&index, &src, &IndexOptions { prune: true, ..opts() });
    assert_eq!(s.total, 1, "{s:?}");
    assert_eq!(ids(&index), ["copy-two-2"]);
}

#[test]
fn the_latest_version_is_searchable() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src");
    std::fs::create_dir(&src).unwrap();
    let title = "Séisme au Japon : un premier bilan";
    // Files in walk order: the newer version comes first, then the older one.
    std::fs::write(
        src.join("a.json"),
        dispatch(
            "",
            title,
            "Dix morts selon un bilan provisoire.",
            "2022-03-16T08:00:00Z",
            Some("2022-03-16T12:00:00Z"),
        ),
    )
    .unwrap();
    std::fs::write(
        src.join("b.json"),
        dispatch("", title, "Un séisme a frappé.", "2022-03-16T08:00:00Z", None),
    )
    .unwrap();
    std::fs::write(
        src.join("c.json"),
        dispatch(
            "",
            title,
            "Vingt morts selon un nouveau bilan.",
            "2022-03-16T08:00:00Z",
            Some("2022-03-16T18:00:00Z"),
        ),
    )
    .unwrap();
    let index =
        DepecheIndex::open_or_create(&dir.path().join("idx"), &Schema::embedded(), false).unwrap();
    let s = run(&index, &src, &opts());
    assert_eq!((s.indexed, s.versions, s.total), (2, 2, 1), "{s:?}");
    let reader = index.tantivy().reader().unwrap();
    let searcher = reader.searcher();
    let parser = QueryParser::for_index(index.tantivy(), vec![index.schema().field("text")]);
    let hits = searcher
        .search(&parser.parse_query("vingt").unwrap(), &TopDocs::with_limit(5).order_by_score())
        .unwrap();
    assert_eq!(hits.len(), 1);
    let hits = searcher
        .search(&parser.parse_query("dix").unwrap(), &TopDocs::with_limit(5).order_by_score())
        .unwrap();
    assert!(hits.is_empty());
}

#[test]
fn a_second_writer_is_refused_and_a_schema_change_asks_for_a_rebuild() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("idx");
    let schema = Schema::embedded();
    let index = DepecheIndex::open_or_create(&path, &schema, false).unwrap();
    let src = dir.path().join("src");
    std::fs::create_dir(&src).unwrap();
    copy_into(&src, &["aa-fr-2022-02-15-otan-russie.txt"]);
    run(&index, &src, &opts());

    let held = index.tantivy().writer::<TantivyDocument>(50 << 20).unwrap();
    let err = index_paths(&index, std::slice::from_ref(&src), &opts(), &NoProgress).unwrap_err();
    assert!(matches!(err, Error::Locked(_)), "{err}");
    assert!(err.to_string().contains("locked by another writer"), "{err}");
    drop(held);

    let bumped = bump_version(depeche_index::EMBEDDED_SCHEMA);
    let new_schema = Schema::parse(&bumped, "bumped").unwrap();
    let err = DepecheIndex::open(&path, &new_schema).err().unwrap();
    assert!(matches!(err, Error::SchemaMismatch { .. }), "{err}");
    assert!(err.to_string().contains("--rebuild"), "{err}");
    let rebuilt = DepecheIndex::open_or_create(&path, &new_schema, true).unwrap();
    assert_eq!(run(&rebuilt, &src, &opts()).total, 1);
}

/// Issue acceptance: the seed is found for `person` Lavrov, `OTAN`, `O.T.A.N.` and `Ukraine`
/// (written only as `l'Ukraine` / `d'Ukraine`), with plain tantivy queries.
#[test]
fn seed_is_found_by_raw_tantivy_queries() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src");
    std::fs::create_dir(&src).unwrap();
    copy_into(&src, &["aa-fr-2022-02-15-otan-russie.txt", "orangesum-10079.html"]);
    let index =
        DepecheIndex::open_or_create(&dir.path().join("idx"), &Schema::embedded(), false).unwrap();
    run(&index, &src, &opts());
    let schema = index.schema();
    let reader = index.tantivy().reader().unwrap();
    let searcher = reader.searcher();
    // `text` holds title, lede and body: the field unprefixed words search.
    let parser = QueryParser::for_index(index.tantivy(), vec![schema.field("text")]);
    let person = QueryParser::for_index(index.tantivy(), vec![schema.field("persons")]);
    for (parser, q) in [
        (&person, "lavrov"),
        (&parser, "OTAN"),
        (&parser, "O.T.A.N."),
        (&parser, "Ukraine"),
        (&parser, "Otan"),
    ] {
        let query = parser.parse_query(q).unwrap();
        let hits = searcher.search(&query, &TopDocs::with_limit(5).order_by_score()).unwrap();
        let titles: Vec<String> = hits
            .iter()
            .map(|(_, a)| {
                let d: TantivyDocument = searcher.doc(*a).unwrap();
                d.get_first(schema.field("title")).and_then(|v| v.as_str()).unwrap_or("").to_owned()
            })
            .collect();
        assert_eq!(
            titles,
            ["Jens Stoltenberg : l'OTAN demeure ouverte au dialogue avec la Russie"],
            "{q}"
        );
    }
}

#[test]
fn unreadable_roots_are_reported_not_fatal() {
    let dir = tempfile::tempdir().unwrap();
    let index =
        DepecheIndex::open_or_create(&dir.path().join("idx"), &Schema::embedded(), false).unwrap();
    let missing = PathBuf::from("/nonexistent/depeche/folder");
    let s = index_paths(&index, &[missing], &opts(), &NoProgress).unwrap();
    assert_eq!(s.skipped.len(), 1);
    assert_eq!(s.skipped[0].reason, "unreadable");
}

/// The schema text with its `version` one higher, as a field change requires.
pub fn bump_version(schema: &str) -> String {
    let line = schema.lines().find(|l| l.starts_with("version = ")).expect("a version line");
    let v: u32 = line["version = ".len()..].trim().parse().expect("a numeric version");
    schema.replacen(line, &format!("version = {}", v + 1), 1)
}
