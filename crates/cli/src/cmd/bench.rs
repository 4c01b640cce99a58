//! `depeche bench`: latency and throughput of a query set against an index, warm.
//!
//! Queries come from a file (one per line, or `qid<TAB>query`) or, without one, from the
//! index itself: a mix of classes (frequent terms, rare terms, two title words, phrases,
//! persons, a term within one month), so that a user without a query log still gets a
//! meaningful figure. Each query runs `--warmup` untimed passes then `--repeat` timed ones,
//! search only (no snippet), then with `--snippets`, search + snippets; `--threads N` runs N
//! searchers at once over the same index and reports their aggregate throughput.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Barrier;
use std::time::Instant;

use anyhow::{Context, bail};
use clap::Args;
use depeche_index::Schema;
use depeche_index::analyzer;
use depeche_query::{Mode, Request, Searcher, Sort, parse_date_bound};
use serde::Serialize;

use crate::args::IndexDir;
use crate::cmd::peer_worker::thread_cpu_ns;
use crate::output;

/// Arguments of `depeche bench`.
#[derive(Debug, Args)]
pub struct BenchArgs {
    #[command(flatten)]
    pub index: IndexDir,
    /// Queries: one per line, or `qid<TAB>query` (default: a mix derived from the index).
    #[arg(long, value_name = "FILE")]
    pub queries: Option<PathBuf>,
    /// Timed passes over the query set.
    #[arg(long, default_value_t = 5, value_name = "N")]
    pub repeat: usize,
    /// Untimed passes before timing (loads the index into the page cache, warms caches).
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub warmup: usize,
    /// Searchers running at once (each over the whole query set); reports aggregate throughput.
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub threads: usize,
    /// Also time search + snippets, with N snippets per hit (default 1).
    #[arg(long, num_args = 0..=1, default_missing_value = "1", value_name = "N")]
    pub snippets: Option<usize>,
    /// Hits per query.
    #[arg(long, short = 'n', default_value_t = 10, value_name = "N")]
    pub limit: usize,
    /// Any word may match, for every query (default: all words, with the usual fallback).
    #[arg(long, conflicts_with = "all")]
    pub any: bool,
    /// All words must match, with no fallback.
    #[arg(long)]
    pub all: bool,
    /// Queries per class of the derived mix.
    #[arg(long, default_value_t = 20, value_name = "N")]
    pub per_class: usize,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// The classes of the derived mix, in the order they are reported.
const CLASSES: [(&str, &str); 6] = [
    ("frequent", "one of the most frequent words"),
    ("rare", "a word found in at most 3 dispatches"),
    ("title", "two consecutive words of a title"),
    ("phrase", "a quoted 2-3 word phrase of a body"),
    ("person", "a person's dispatches (--person), newest first"),
    ("date", "a word of a dated dispatch within its month (--since/--until)"),
];

/// One query of the set.
#[derive(Debug, Clone)]
struct BenchQuery {
    class: String,
    label: String,
    request: Request,
}

/// Latency summary of one timed mode.
#[derive(Debug, Clone, Serialize)]
struct Summary {
    name: &'static str,
    snippets: usize,
    count: usize,
    p50_us: f64,
    p95_us: f64,
    p99_us: f64,
    max_us: f64,
    mean_us: f64,
    cpu_p50_us: Option<f64>,
    queries_per_s: f64,
    zero_hit_queries: usize,
    mean_total: f64,
}

#[derive(Debug, Serialize)]
struct ClassRow {
    class: String,
    /// What the class is (derived mix only).
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'static str>,
    queries: usize,
    example: String,
    p50_us: Vec<f64>,
    mean_total: f64,
}

#[derive(Debug, Serialize)]
struct Report {
    index: String,
    dispatches: u64,
    index_bytes: u64,
    queries: usize,
    source: String,
    #[serde(skip)]
    classes: Vec<(String, usize)>,
    missing_classes: Vec<String>,
    repeat: usize,
    warmup: usize,
    threads: usize,
    limit: usize,
    mode: Mode,
    results: Vec<Summary>,
    per_class: Vec<ClassRow>,
}

pub fn run(args: BenchArgs, schema: &Schema) -> anyhow::Result<ExitCode> {
    if args.repeat == 0 {
        bail!("--repeat must be at least 1");
    }
    if args.threads == 0 || args.threads > 256 {
        bail!("--threads must be between 1 and 256");
    }
    if args.snippets.is_some_and(|n| n > 3) {
        bail!("--snippets is at most 3");
    }
    let searcher = Searcher::open(&args.index.dir, schema)?;
    let stats = searcher.stats()?;
    let mode = if args.any {
        Mode::Any
    } else if args.all {
        Mode::All
    } else {
        Mode::Auto
    };
    let (mut queries, source) = match &args.queries {
        Some(path) => (read_queries(path)?, path.display().to_string()),
        None => {
            if !args.json {
                eprintln!("no --queries: deriving a query mix from the index…");
            }
            (derive_mix(&searcher, args.per_class)?, "derived from the index".to_owned())
        }
    };
    if queries.is_empty() {
        bail!("no queries to run");
    }
    for q in &mut queries {
        q.request.limit = args.limit;
        if q.request.mode == Mode::Auto {
            q.request.mode = mode;
        }
    }
    let mut results = Vec::new();
    let mut per_query: Vec<Vec<f64>> = Vec::new();
    let mut totals = Vec::new();
    let mut passes: Vec<(&'static str, usize)> = vec![("search", 0)];
    if let Some(n) = args.snippets {
        passes.push(("search + snippets", n.max(1)));
    }
    for (name, snippets) in passes {
        let timed = time_pass(&searcher, &queries, snippets, &args)?;
        results.push(summarize(name, snippets, &timed));
        per_query.push(per_query_p50(&timed, queries.len()));
        totals = timed.totals;
    }
    let mut classes: Vec<(String, usize)> = Vec::new();
    for q in &queries {
        match classes.iter_mut().find(|(c, _)| *c == q.class) {
            Some((_, n)) => *n += 1,
            None => classes.push((q.class.clone(), 1)),
        }
    }
    let missing_classes: Vec<String> = if args.queries.is_none() {
        CLASSES
            .iter()
            .filter(|(c, _)| !classes.iter().any(|(have, _)| have == c))
            .map(|(c, _)| c.to_string())
            .collect()
    } else {
        Vec::new()
    };
    let per_class = class_rows(&queries, &per_query, &totals);
    let report = Report {
        index: args.index.dir.display().to_string(),
        dispatches: stats.dispatches,
        index_bytes: stats.size_bytes,
        queries: queries.len(),
        source,
        classes,
        missing_classes,
        repeat: args.repeat,
        warmup: args.warmup,
        threads: args.threads,
        limit: args.limit,
        mode,
        results,
        per_class,
    };
    if args.json {
        output::print_json(&report)?;
    } else {
        print_report(&report);
    }
    Ok(ExitCode::SUCCESS)
}

/// Latencies of one timed mode, in execution order per thread.
struct Timed {
    /// (query index, wall µs, cpu µs) of every timed execution.
    runs: Vec<(usize, f64, Option<f64>)>,
    /// Wall time of the timed phase, all threads, seconds.
    seconds: f64,
    /// `total` of each query's response.
    totals: Vec<u64>,
}

fn time_pass(
    searcher: &Searcher,
    queries: &[BenchQuery],
    snippets: usize,
    args: &BenchArgs,
) -> anyhow::Result<Timed> {
    let n = queries.len();
    let mut totals = vec![0u64; n];
    for (i, q) in queries.iter().enumerate() {
        let req = Request { snippets, ..q.request.clone() };
        let response =
            searcher.search(&req).with_context(|| format!("query {:?} failed", q.label))?;
        totals[i] = response.total;
    }
    let barrier = Barrier::new(args.threads + 1);
    let (runs, seconds) = std::thread::scope(|scope| -> anyhow::Result<_> {
        let handles: Vec<_> = (0..args.threads)
            .map(|t| {
                let barrier = &barrier;
                scope.spawn(move || -> anyhow::Result<Vec<(usize, f64, Option<f64>)>> {
                    // Each thread starts at its own place in the query set.
                    let order: Vec<usize> =
                        (0..n).map(|i| (i + t * n / args.threads) % n).collect();
                    let run = |i: usize| {
                        let req = Request { snippets, ..queries[i].request.clone() };
                        searcher.search(&req)
                    };
                    for _ in 0..args.warmup {
                        for &i in &order {
                            run(i)?;
                        }
                    }
                    barrier.wait();
                    let mut out = Vec::with_capacity(n * args.repeat);
                    for _ in 0..args.repeat {
                        for &i in &order {
                            let c0 = thread_cpu_ns();
                            let t0 = Instant::now();
                            let response = run(i)?;
                            let wall = t0.elapsed().as_nanos() as f64 / 1000.0;
                            let c1 = thread_cpu_ns();
                            std::hint::black_box(&response);
                            let cpu = c0.zip(c1).map(|(a, b)| b.saturating_sub(a) as f64 / 1000.0);
                            out.push((i, wall, cpu));
                        }
                    }
                    Ok(out)
                })
            })
            .collect();
        barrier.wait();
        let started = Instant::now();
        let mut runs = Vec::new();
        for h in handles {
            runs.extend(h.join().map_err(|_| anyhow::anyhow!("a search thread panicked"))??);
        }
        Ok((runs, started.elapsed().as_secs_f64()))
    })?;
    Ok(Timed { runs, seconds, totals })
}

/// Nearest-rank percentile (the harness's definition).
fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = (p / 100.0 * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn sorted(mut v: Vec<f64>) -> Vec<f64> {
    v.sort_by(f64::total_cmp);
    v
}

fn summarize(name: &'static str, snippets: usize, t: &Timed) -> Summary {
    let wall = sorted(t.runs.iter().map(|r| r.1).collect());
    let cpu: Vec<f64> = t.runs.iter().filter_map(|r| r.2).collect();
    let cpu_p50 = (!cpu.is_empty()).then(|| percentile(&sorted(cpu), 50.0));
    let count = wall.len();
    Summary {
        name,
        snippets,
        count,
        p50_us: percentile(&wall, 50.0),
        p95_us: percentile(&wall, 95.0),
        p99_us: percentile(&wall, 99.0),
        max_us: wall.last().copied().unwrap_or(f64::NAN),
        mean_us: wall.iter().sum::<f64>() / count.max(1) as f64,
        cpu_p50_us: cpu_p50,
        queries_per_s: count as f64 / t.seconds.max(1e-9),
        zero_hit_queries: t.totals.iter().filter(|&&n| n == 0).count(),
        mean_total: t.totals.iter().sum::<u64>() as f64 / t.totals.len().max(1) as f64,
    }
}

fn per_query_p50(t: &Timed, n: usize) -> Vec<f64> {
    let mut by_query = vec![Vec::new(); n];
    for &(i, wall, _) in &t.runs {
        by_query[i].push(wall);
    }
    by_query.into_iter().map(|v| percentile(&sorted(v), 50.0)).collect()
}

fn class_rows(queries: &[BenchQuery], per_query: &[Vec<f64>], totals: &[u64]) -> Vec<ClassRow> {
    let mut order: Vec<String> = Vec::new();
    let mut members: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, q) in queries.iter().enumerate() {
        if !members.contains_key(&q.class) {
            order.push(q.class.clone());
        }
        members.entry(q.class.clone()).or_default().push(i);
    }
    order
        .into_iter()
        .map(|class| {
            let idx = &members[&class];
            // Median over the class's executions: the median of the per-query medians.
            let p50_us = per_query
                .iter()
                .map(|pq| percentile(&sorted(idx.iter().map(|&i| pq[i]).collect()), 50.0))
                .collect();
            let mean_total = idx.iter().map(|&i| totals.get(i).copied().unwrap_or(0)).sum::<u64>()
                as f64
                / idx.len() as f64;
            ClassRow {
                description: CLASSES.iter().find(|(c, _)| *c == class).map(|(_, d)| *d),
                example: queries[idx[0]].label.clone(),
                queries: idx.len(),
                class,
                p50_us,
                mean_total,
            }
        })
        .collect()
}

fn print_report(r: &Report) {
    let classes: Vec<String> = r.classes.iter().map(|(c, n)| format!("{c} {n}")).collect();
    println!(
        "index {}: {} dispatches, {}",
        r.index,
        thousands(r.dispatches as f64),
        output::size(r.index_bytes)
    );
    println!(
        "{} queries ({}; {}) × {} timed run(s) after {} warm-up pass(es); {} thread(s); top {}; mode {}",
        r.queries,
        r.source,
        classes.join(", "),
        r.repeat,
        r.warmup,
        r.threads,
        r.limit,
        serde_json::to_value(r.mode)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default(),
    );
    if !r.missing_classes.is_empty() {
        println!(
            "classes not derived (the index has too little for them): {}",
            r.missing_classes.join(", ")
        );
    }
    println!();
    println!(
        "{:<20} {:>7} {:>9} {:>9} {:>9} {:>9} {:>9} {:>10}",
        "", "count", "p50 µs", "p95 µs", "p99 µs", "max µs", "cpu p50", "queries/s"
    );
    for s in &r.results {
        let name = if s.snippets > 0 {
            format!("{} ({}/hit)", s.name.replace("search + ", "+ "), s.snippets)
        } else {
            s.name.to_owned()
        };
        println!(
            "{:<20} {:>7} {:>9} {:>9} {:>9} {:>9} {:>9} {:>10}",
            name,
            s.count,
            thousands(s.p50_us),
            thousands(s.p95_us),
            thousands(s.p99_us),
            thousands(s.max_us),
            s.cpu_p50_us.map_or("-".into(), thousands),
            format!("{:.1}", s.queries_per_s),
        );
    }
    if let Some(s) = r.results.first() {
        println!(
            "{} of {} queries found nothing; {} matches per query on average",
            s.zero_hit_queries,
            r.queries,
            thousands(s.mean_total)
        );
    }
    if r.per_class.len() > 1 {
        println!();
        let heads: Vec<String> = r
            .results
            .iter()
            .map(|s| if s.snippets > 0 { "+snip p50".to_owned() } else { "p50 µs".to_owned() })
            .collect();
        print!("{:<10} {:>7} {:>9}", "class", "queries", "matches");
        for h in &heads {
            print!(" {h:>9}");
        }
        println!("  example");
        for c in &r.per_class {
            print!("{:<10} {:>7} {:>9}", c.class, c.queries, thousands(c.mean_total));
            for p in &c.p50_us {
                print!(" {:>9}", thousands(*p));
            }
            println!("  {}", c.example);
        }
        println!();
        for c in r.per_class.iter().filter(|c| c.description.is_some()) {
            println!("{:<10} {}", c.class, c.description.unwrap_or_default());
        }
    }
}

/// `12,345` (rounded).
fn thousands(v: f64) -> String {
    if !v.is_finite() {
        return "-".into();
    }
    let digits = format!("{:.0}", v.abs());
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if v < 0.0 { format!("-{out}") } else { out }
}

/// A query file: one query per line, or `qid<TAB>query`; blank lines and `#` comments skipped.
fn read_queries(path: &std::path::Path) -> anyhow::Result<Vec<BenchQuery>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read the query file {}", path.display()))?;
    Ok(parse_query_file(&text))
}

fn parse_query_file(text: &str) -> Vec<BenchQuery> {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .map(|line| {
            let query = match line.split_once('\t') {
                Some((_qid, q)) => q,
                None => line,
            };
            let query = query.trim().to_owned();
            BenchQuery { class: "file".into(), label: query.clone(), request: Request::new(query) }
        })
        .collect()
}

/// Dispatches sampled to derive the mix from.
const SAMPLE: usize = 240;

/// A mix of query classes drawn from the index: see [`CLASSES`].
fn derive_mix(searcher: &Searcher, per_class: usize) -> anyhow::Result<Vec<BenchQuery>> {
    let per_class = per_class.max(1);
    let list = |offset: usize, limit: usize| {
        let req = Request { sort: Sort::Date, limit, offset, snippets: 0, ..Request::default() };
        searcher.search(&req)
    };
    let total = list(0, 0)?.total as usize;
    if total == 0 {
        bail!("the index holds no dispatch: nothing to derive queries from (give --queries)");
    }
    // Spread the sample over the whole date range.
    let chunks = 8.min(total);
    let mut sample = Vec::new();
    for k in 0..chunks {
        let offset = k * total / chunks;
        for hit in list(offset, (SAMPLE / chunks).max(1))?.hits {
            if let Some(shown) = searcher.get(&hit.id)? {
                sample.push(shown.dispatch);
            }
        }
    }

    let count = |req: Request| -> anyhow::Result<u64> {
        Ok(searcher.search(&Request { limit: 0, snippets: 0, ..req })?.total)
    };
    let mut out = Vec::new();
    let mut add = |class: &str, label: String, request: Request| {
        out.push(BenchQuery { class: class.into(), label, request });
    };

    // Document frequency of content words in the sample.
    let mut df: HashMap<String, usize> = HashMap::new();
    let mut first_seen: Vec<String> = Vec::new();
    for d in &sample {
        let mut seen = HashSet::new();
        let text =
            format!("{}\n{}\n{}", d.title, d.lede.as_deref().unwrap_or(""), d.body.join("\n"));
        for w in content_words(&text) {
            if seen.insert(w.clone()) {
                let n = df.entry(w.clone()).or_default();
                if *n == 0 {
                    first_seen.push(w);
                }
                *n += 1;
            }
        }
    }
    let mut by_df: Vec<(&String, &usize)> = df.iter().collect();
    by_df.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    for (w, _) in by_df.iter().take(per_class) {
        add("frequent", (*w).clone(), Request::new(w.as_str()));
    }

    // Rare: seen once in the sample (longest first: long words are rarer), confirmed rare in
    // the whole index.
    let mut candidates: Vec<&String> =
        first_seen.iter().filter(|w| df[*w] == 1 && w.chars().count() >= 7).collect();
    candidates.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then(a.cmp(b)));
    let mut rare = 0;
    for w in candidates.iter().take(per_class * 20) {
        if rare == per_class {
            break;
        }
        let n = count(Request::new(w.as_str()))?;
        if (1..=3).contains(&n) {
            add("rare", (*w).clone(), Request::new(w.as_str()));
            rare += 1;
        }
    }

    // Two consecutive content words of a title.
    let mut titles = 0;
    for d in &sample {
        if titles == per_class {
            break;
        }
        let words: Vec<&str> = analyzer::analyze(&d.title)
            .iter()
            .map(|a| &d.title[a.range.clone()])
            .filter(|w| is_plain_word(w))
            .collect();
        if let [a, b, ..] = words.as_slice() {
            let q = format!("{a} {b}");
            add("title", q.clone(), Request::new(q));
            titles += 1;
        }
    }

    // A phrase: 2 or 3 adjacent words of a body, separated by single spaces.
    let mut phrases = 0;
    for (k, d) in sample.iter().enumerate() {
        if phrases == per_class {
            break;
        }
        let Some(para) = d.body.get(k % 3).or(d.body.first()) else { continue };
        if let Some(p) = phrase_in(para, 2 + k % 2) {
            let q = format!("\"{p}\"");
            add("phrase", q.clone(), Request::new(q));
            phrases += 1;
        }
    }

    // Persons, spread from the most to the less frequent.
    let persons = searcher.persons(None, per_class * 10)?;
    let step = (persons.len() / per_class).max(1);
    for p in persons.iter().step_by(step).take(per_class) {
        add(
            "person",
            format!("--person {:?}", p.name),
            Request { person: Some(p.name.clone()), ..Request::default() },
        );
    }

    // A frequent word of a sampled dispatch within that dispatch's month: at least that
    // dispatch answers (a frequent word and a month drawn apart often matched nothing).
    let frequent: HashSet<&str> =
        by_df.iter().take(per_class * 40).map(|(w, _)| w.as_str()).collect();
    let dated: Vec<(String, String)> = sample
        .iter()
        .filter_map(|d| {
            let t = d.published?;
            let words = content_words(&format!("{} {}", d.title, d.body.first()?));
            let word = words.iter().find(|w| frequent.contains(w.as_str())).or(words.first())?;
            let dt = jiff::tz::TimeZone::UTC.to_datetime(t);
            Some((word.clone(), format!("{:04}-{:02}", dt.year(), dt.month())))
        })
        .collect();
    let step = (dated.len() / per_class).max(1);
    for (word, month) in dated.iter().step_by(step).take(per_class) {
        let (since, until) = (parse_date_bound(month, false), parse_date_bound(month, true));
        add(
            "date",
            format!("{word} --since {month} --until {month}"),
            Request { since, until, ..Request::new(word.as_str()) },
        );
    }
    Ok(out)
}

/// Words of `text` worth querying: not stop words, letters only (hyphen and apostrophe
/// inside), 4 characters or more, lowercase.
fn content_words(text: &str) -> Vec<String> {
    analyzer::analyze(text)
        .into_iter()
        .map(|a| &text[a.range])
        .filter(|w| is_plain_word(w) && w.chars().count() >= 4)
        .map(str::to_lowercase)
        .collect()
}

fn is_plain_word(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_alphabetic)
        && w.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
}

/// `len` adjacent indexed words of `text`, the first and last not stop words, separated by
/// single spaces (no punctuation between them).
fn phrase_in(text: &str, len: usize) -> Option<String> {
    let words = analyzer::analyze(text);
    let start = words.len() / 3;
    for i in start..words.len().saturating_sub(len - 1) {
        let run = &words[i..i + len];
        let adjacent = run.windows(2).all(|p| p[1].position == p[0].position + 1);
        if !adjacent {
            continue;
        }
        let span = &text[run[0].range.start..run[len - 1].range.end];
        if span.split(' ').count() == len
            && span.split(' ').all(|w| is_plain_word(w) && w.chars().count() >= 3)
        {
            return Some(span.to_owned());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_file_lines_and_tsv() {
        let qs = parse_query_file("# comment\notan russie\n\nq7\t\"conseil de sécurité\"\n");
        let texts: Vec<&str> = qs.iter().map(|q| q.request.query.as_str()).collect();
        assert_eq!(texts, ["otan russie", "\"conseil de sécurité\""]);
    }

    #[test]
    fn percentiles_nearest_rank() {
        let v: Vec<f64> = (1..=100).map(f64::from).collect();
        assert_eq!(percentile(&v, 50.0), 50.0);
        assert_eq!(percentile(&v, 99.0), 99.0);
        assert_eq!(percentile(&v, 100.0), 100.0);
        assert_eq!(percentile(&[7.0], 95.0), 7.0);
    }

    #[test]
    fn phrases_skip_punctuation() {
        let p =
            phrase_in("Le président a réuni, lundi, le conseil de défense écologique à Paris", 2);
        let p = p.expect("a phrase");
        assert!(!p.contains(','), "{p}");
        assert_eq!(p.split(' ').count(), 2);
    }

    /// On the bundled sample (29 OrangeSum articles), the derived mix has every class, and
    /// every query finds something (date-filtered ones included: each is drawn from a dated
    /// dispatch).
    #[test]
    fn derived_mix_covers_every_class() {
        let sample = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/data/dispatches/orangesum-sample.jsonl");
        let dir = std::env::temp_dir().join(format!("depeche-bench-mix-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let schema = Schema::embedded();
        let index = depeche_index::DepecheIndex::open_or_create(&dir, &schema, true).unwrap();
        let opts = depeche_index::IndexOptions { threads: 1, ..Default::default() };
        depeche_index::index_paths(&index, &[sample], &opts, &depeche_index::NoProgress).unwrap();
        let searcher = Searcher::new(index).unwrap();
        let mix = derive_mix(&searcher, 3).unwrap();
        for (class, _) in CLASSES {
            let n = mix.iter().filter(|q| q.class == class).count();
            assert!(
                n > 0,
                "no {class} query in {:?}",
                mix.iter().map(|q| &q.label).collect::<Vec<_>>()
            );
        }
        for q in &mix {
            let total =
                searcher.search(&Request { snippets: 0, ..q.request.clone() }).unwrap().total;
            assert!(total > 0, "{} ({}) found nothing", q.label, q.class);
        }
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn thousands_groups() {
        assert_eq!(thousands(1234567.4), "1,234,567");
        assert_eq!(thousands(999.0), "999");
        assert_eq!(thousands(f64::NAN), "-");
    }
}
