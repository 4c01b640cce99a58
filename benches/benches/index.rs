//! Index build throughput (docs/s): depeche's indexer on NDJSON articles, every copy
//! indexed (as in the side-by-side runs), committed and merged, with 1 and 2 threads.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use depeche_bench::{TempDir, build_index, corpus_lines};

fn bench(c: &mut Criterion) {
    let lines = corpus_lines(2_000);
    let n = lines.len() as u64;
    let mut g = c.benchmark_group("index");
    g.throughput(Throughput::Elements(n));
    for threads in [1, 2] {
        g.bench_function(format!("{n} articles, {threads} thread(s)"), |b| {
            b.iter_with_setup(
                || TempDir::new("index"),
                |dir| {
                    let (_index, summary) = build_index(dir.path(), &lines, threads);
                    assert_eq!(summary.indexed, n, "every article indexed");
                    assert!(summary.skipped.is_empty(), "{:?}", summary.skipped.first());
                    dir
                },
            )
        });
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().warm_up_time(std::time::Duration::from_secs(1)).sample_size(10).measurement_time(std::time::Duration::from_secs(10));
    targets = bench
}
criterion_main!(benches);
