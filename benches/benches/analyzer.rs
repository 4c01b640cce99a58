//! French analyzer throughput (MB/s) on real article bodies, beside tantivy's default
//! tokenizer on the same text (the baseline), and `analyze()` as highlighting uses it.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use depeche_bench::articles;
use depeche_index::analyzer;
use tantivy::tokenizer::{TextAnalyzer, TokenizerManager};

/// About 1 MB of body text.
fn bodies() -> Vec<String> {
    let mut out = Vec::new();
    let mut bytes = 0;
    for a in articles(2_000) {
        bytes += a.body.len();
        out.push(a.body);
        if bytes > 1 << 20 {
            break;
        }
    }
    out
}

fn count_tokens(analyzer: &mut TextAnalyzer, texts: &[String]) -> usize {
    let mut n = 0;
    for t in texts {
        let mut stream = analyzer.token_stream(t);
        while stream.advance() {
            n += 1;
        }
    }
    n
}

fn bench(c: &mut Criterion) {
    let texts = bodies();
    let bytes: usize = texts.iter().map(String::len).sum();
    let words: usize = texts.iter().map(|t| t.split_whitespace().count()).sum();
    let manager = TokenizerManager::default();
    analyzer::register(&manager);
    let mut french = manager.get(analyzer::FRENCH).expect("the French analyzer is registered");
    let mut default = manager.get("default").expect("tantivy's default tokenizer");
    // The French analyzer drops stop words and stacks exact forms: its token count stays
    // within a factor of two of the word count. Checked once, outside the timing.
    let tokens = count_tokens(&mut french, &texts);
    assert!(tokens > words / 3 && tokens < words * 2, "{tokens} tokens for {words} words");
    let analyzed: usize = texts.iter().map(|t| analyzer::analyze(t).len()).sum();
    assert!(analyzed > words / 3, "analyze() found {analyzed} words of {words}");

    let mut g = c.benchmark_group("analyzer");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("french", |b| {
        b.iter(|| assert_eq!(count_tokens(&mut french, &texts), tokens))
    });
    g.bench_function("tantivy-default", |b| b.iter(|| count_tokens(&mut default, &texts)));
    g.bench_function("analyze (highlighting)", |b| {
        b.iter(|| texts.iter().map(|t| analyzer::analyze(t).len()).sum::<usize>())
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().warm_up_time(std::time::Duration::from_secs(1)).sample_size(10).measurement_time(std::time::Duration::from_secs(4));
    targets = bench
}
criterion_main!(benches);
