//! Measures the French analyzer on the OrangeSum dev corpus against tantivy's default
//! tokenizer (`SimpleTokenizer` + `RemoveLongFilter(40)` + `LowerCaser`): analysis MB/s,
//! `analyze()` time for a highlight-sized text, and indexing docs/s and index size (title and
//! body, 2 indexing threads) with and without exact tokens.
//!
//! ```text
//! cargo run -p depeche-index --release --example analyzer_speed [-- CORPUS.jsonl.gz]
//! ```
//!
//! With `ANALYSIS_ONLY=1`, stops before indexing; `LIMIT=n` reads only the first n articles.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::time::Instant;

use depeche_index::analyzer::{self, FrenchTokenizer};
use tantivy::schema::{IndexRecordOption, Schema, TextFieldIndexing, TextOptions};
use tantivy::tokenizer::{LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer};
use tantivy::{Index, TantivyDocument};

struct Article {
    title: String,
    lede: String,
    body: String,
}

fn load(path: &Path) -> Vec<Article> {
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let reader = BufReader::new(flate2::read::GzDecoder::new(file));
    let limit = std::env::var("LIMIT").ok().and_then(|v| v.parse().ok()).unwrap_or(usize::MAX);
    reader
        .lines()
        .take(limit)
        .map_while(Result::ok)
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(&line).ok())
        .map(|v| {
            let s = |k: &str| v.get(k).and_then(|x| x.as_str()).unwrap_or("").to_string();
            Article { title: s("title"), lede: s("lede"), body: s("body") }
        })
        .collect()
}

fn default_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .build()
}

/// CPU seconds used by this thread (from `/proc`, Linux), or wall-clock seconds elsewhere:
/// the machine is shared, so wall-clock time says more about the neighbours than about us.
fn thread_cpu(start: Instant) -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .map_or_else(|| start.elapsed().as_secs_f64(), |ns| ns / 1e9)
}

/// CPU seconds used by the whole process, all threads (Linux `/proc/self/stat`).
fn process_cpu() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

/// (tokens, CPU seconds) of one pass of `analyzer` over the bodies.
fn pass(analyzer: &mut TextAnalyzer, docs: &[Article]) -> (usize, f64) {
    let wall = Instant::now();
    let t = thread_cpu(wall);
    let mut n = 0;
    for d in docs {
        let mut s = analyzer.token_stream(&d.body);
        while s.advance() {
            n += 1;
        }
    }
    (n, thread_cpu(wall) - t)
}

fn dir_size(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(Result::ok).filter_map(|e| e.metadata().ok()).map(|m| m.len()).sum()
        })
        .unwrap_or(0)
}

/// (docs/s wall-clock, docs per CPU-second, index MiB) of indexing title + body with the
/// tokenizer registered as `name`.
fn index(docs: &[Article], name: &str, exact: bool) -> (f64, f64, f64) {
    let mut builder = Schema::builder();
    let indexing = TextFieldIndexing::default()
        .set_tokenizer(name)
        .set_index_option(IndexRecordOption::WithFreqsAndPositions);
    let opts = TextOptions::default().set_indexing_options(indexing);
    let title = builder.add_text_field("title", opts.clone());
    let body = builder.add_text_field("body", opts);
    let dir = tempfile::tempdir().expect("tempdir");
    let index = Index::create_in_dir(dir.path(), builder.build()).expect("index");
    analyzer::register_with(index.tokenizers(), exact);
    let t = Instant::now();
    let cpu = process_cpu();
    let mut writer = index.writer_with_num_threads(2, 200_000_000).expect("writer");
    for d in docs {
        let mut doc = TantivyDocument::default();
        doc.add_text(title, &d.title);
        doc.add_text(body, &d.body);
        writer.add_document(doc).expect("add");
    }
    writer.commit().expect("commit");
    writer.wait_merging_threads().expect("merge");
    let secs = t.elapsed().as_secs_f64();
    let cpu_secs = process_cpu().zip(cpu).map_or(secs, |(b, a)| b - a);
    let n = docs.len() as f64;
    (n / secs, n / cpu_secs, dir_size(dir.path()) as f64 / (1 << 20) as f64)
}

fn main() {
    let path = std::env::args().nth(1).map(PathBuf::from).unwrap_or_else(|| {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/corpus/orangesum-dev.jsonl.gz")
    });
    let path =
        if path.exists() { path } else { "/work/shared/corpus/orangesum-dev.jsonl.gz".into() };
    let docs = load(&path);
    let mb = docs.iter().map(|d| d.body.len()).sum::<usize>() as f64 / 1e6;
    println!("{} articles, bodies {mb:.1} MB", docs.len());

    let configs: [(&str, TextAnalyzer); 3] = [
        ("tantivy default", default_analyzer()),
        ("depeche_fr exact", TextAnalyzer::from(FrenchTokenizer::new(true))),
        ("depeche_fr no exact", TextAnalyzer::from(FrenchTokenizer::new(false))),
    ];
    for (label, mut a) in configs {
        let (n, cold) = pass(&mut a, &docs);
        let (_, warm) = pass(&mut a, &docs);
        println!(
            "analysis {label:<20} {n:>9} tokens  cold {:>6.1} MB/s  warm {:>6.1} MB/s (CPU time)",
            mb / cold,
            mb / warm
        );
    }

    // Highlighting re-analyzes lede + body of 10 hits per query.
    let wall = Instant::now();
    let t = thread_cpu(wall);
    let mut words = 0;
    let sample = docs.iter().step_by(37).take(1000).collect::<Vec<_>>();
    for d in &sample {
        words += analyzer::analyze(&d.lede).len() + analyzer::analyze(&d.body).len();
    }
    let per_hit = (thread_cpu(wall) - t) / sample.len() as f64;
    println!(
        "analyze(lede + body): {:.0} µs per hit, {:.0} µs for 10 hits ({words} words)",
        per_hit * 1e6,
        per_hit * 1e7
    );
    let t = thread_cpu(wall);
    for d in &sample {
        analyzer::for_each_word(&d.lede, |_| ());
        analyzer::for_each_word(&d.body, |_| ());
    }
    let per_hit = (thread_cpu(wall) - t) / sample.len() as f64;
    println!("for_each_word(lede + body): {:.0} µs for 10 hits", per_hit * 1e7);

    if std::env::var_os("ANALYSIS_ONLY").is_some() {
        return;
    }
    for (label, name, exact) in [
        ("tantivy default", "default", false),
        ("depeche_fr exact", analyzer::FRENCH, true),
        ("depeche_fr no exact", analyzer::FRENCH, false),
    ] {
        let (rate, per_cpu, size) = index(&docs, name, exact);
        println!(
            "indexing {label:<20} {rate:>7.0} docs/s wall  {per_cpu:>7.0} docs/CPU-s  {size:>6.1} MiB"
        );
    }
}
