//! Query latency per query class (frequent and rare words, two title words, phrases,
//! persons, a word within a year), top 10, without and with snippets (one per hit, as in
//! the side-by-side runs, and three, the `depeche search` default).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use depeche_bench::{CLASSES, TempDir, articles, build_index, corpus_lines, query_mix};
use depeche_query::{Request, Searcher};

fn bench(c: &mut Criterion) {
    let n = 5_000;
    let lines = corpus_lines(n);
    let docs = articles(n);
    let dir = TempDir::new("search");
    let (index, summary) = build_index(dir.path(), &lines, 2);
    assert_eq!(summary.indexed as usize, lines.len());
    let searcher = Searcher::new(index).expect("open the index");
    let mix = query_mix(&searcher, &docs, 5);
    for class in CLASSES {
        let queries: Vec<&Request> =
            mix.iter().filter(|(c, _)| *c == class).map(|(_, r)| r).collect();
        let found: u64 = queries.iter().map(|r| searcher.search(r).expect("search").total).sum();
        // Every class but `date` is drawn from the indexed text: it must find something.
        assert!(class == "date" || found > 0, "{class}: {} queries found nothing", queries.len());
        let mut g = c.benchmark_group(format!("search/{class}"));
        g.throughput(Throughput::Elements(queries.len() as u64));
        for snippets in [0, 1, 3] {
            let reqs: Vec<Request> =
                queries.iter().map(|r| Request { snippets, limit: 10, ..(*r).clone() }).collect();
            g.bench_function(format!("{} queries, {snippets} snippet(s)", reqs.len()), |b| {
                b.iter(|| {
                    reqs.iter()
                        .map(|r| searcher.search(r).expect("search").hits.len())
                        .sum::<usize>()
                })
            });
        }
        g.finish();
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().warm_up_time(std::time::Duration::from_secs(1)).sample_size(20).measurement_time(std::time::Duration::from_secs(3));
    targets = bench
}
criterion_main!(benches);
