//! Ingest throughput per format (MB/s of input): agency plain text, saved HTML pages and
//! NDJSON records, parsed from memory (no file system), cleaning and person extraction
//! included.

use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use depeche_bench::{agency_texts, corpus_lines, html_pages};
use depeche_ingest::{Format, parse_text};

/// Parses every input; returns the number of dispatches (every input must give one with a
/// title, or the bench would measure failures).
fn parse_all(inputs: &[(std::path::PathBuf, String)], format: Format) -> usize {
    let mut n = 0;
    for (path, text) in inputs {
        for d in parse_text(path, format, text) {
            let d = d.unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            assert!(
                !d.title.is_empty() && !d.body.is_empty(),
                "{}: empty dispatch",
                path.display()
            );
            n += 1;
        }
    }
    n
}

fn bench(c: &mut Criterion) {
    let sets = [
        ("agency-text", Format::AgencyText, agency_texts()),
        ("html", Format::Html, html_pages(60)),
        (
            "ndjson",
            Format::Ndjson,
            corpus_lines(400)
                .into_iter()
                .map(|l| (Path::new("corpus.jsonl").to_path_buf(), l))
                .collect(),
        ),
    ];
    let mut g = c.benchmark_group("ingest");
    for (name, format, inputs) in &sets {
        let bytes: usize = inputs.iter().map(|(_, t)| t.len()).sum();
        assert_eq!(parse_all(inputs, *format), inputs.len(), "{name}: one dispatch per input");
        g.throughput(Throughput::Bytes(bytes as u64));
        g.bench_function(*name, |b| b.iter(|| parse_all(inputs, *format)));
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().warm_up_time(std::time::Duration::from_secs(1)).sample_size(10).measurement_time(std::time::Duration::from_secs(4));
    targets = bench
}
criterion_main!(benches);
