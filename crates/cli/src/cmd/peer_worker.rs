//! `depeche peer-worker` (hidden): depeche as one more engine of the peer harness
//! (`../shared/peers/run.py --peer-cmd depeche="depeche peer-worker"`), through the worker
//! protocol every peer speaks (`../shared/peers/README.md`, `common.py`):
//!
//! ```text
//! depeche peer-worker index  --corpus C.jsonl --index DIR --threads N --stats OUT.json
//! depeche peer-worker search --index DIR --queries Q.norm.jsonl --repeat N --warmup W --k 10
//!     --depth 100 --run OUT.run --tag NAME --snippets OUT.snip.jsonl --stats OUT.json
//!     [--fields lede,body] [--mode any|all|auto]
//! ```
//!
//! Indexing uses depeche's indexer with every copy indexed on its own (as the other engines
//! do: the judged sets count every copy relevant). Searching goes through the public
//! `Searcher::search`, the path `depeche search` takes: `or` queries run in mode `any`,
//! `and` queries in mode `all`, phrase clauses quoted. Each query is timed ids-only (no
//! snippet) and with one snippet per hit, wall clock and thread CPU time.

use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, bail};
use clap::{Args, Subcommand};
use depeche_index::{DepecheIndex, IndexOptions, NoProgress, Schema, index_paths};
use depeche_query::{Mode, Request, Searcher};
use serde_json::{Value, json};

/// Arguments of `depeche peer-worker`.
#[derive(Debug, Args)]
pub struct PeerWorkerArgs {
    #[command(subcommand)]
    pub command: PeerCommand,
}

/// The two steps of the harness.
#[derive(Debug, Subcommand)]
pub enum PeerCommand {
    /// Index a JSONL corpus (every record its own document), commit, merge, write stats.
    Index(PeerIndexArgs),
    /// Time the queries, write latencies, the TREC run and the snippets.
    Search(PeerSearchArgs),
}

#[derive(Debug, Args)]
pub struct PeerIndexArgs {
    /// JSONL corpus (`{"id","title","body",…}` per line).
    #[arg(long, value_name = "FILE")]
    pub corpus: PathBuf,
    /// Index directory (replaced).
    #[arg(long, value_name = "DIR")]
    pub index: PathBuf,
    /// Reading and indexing threads.
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub threads: usize,
    /// Where to write `{"docs","index_seconds","version"}`.
    #[arg(long, value_name = "FILE")]
    pub stats: PathBuf,
    /// Memory budget of the index writer, in MiB.
    #[arg(long, default_value_t = 200, value_name = "MIB")]
    pub memory: usize,
}

#[derive(Debug, Args)]
pub struct PeerSearchArgs {
    /// Index directory.
    #[arg(long, value_name = "DIR")]
    pub index: PathBuf,
    /// Normalized queries (`{"qid","text","op","clauses"}` per line).
    #[arg(long, value_name = "FILE")]
    pub queries: PathBuf,
    /// Timed passes over the query set, per mode.
    #[arg(long, default_value_t = 5, value_name = "N")]
    pub repeat: usize,
    /// Untimed passes before the timed ones, per mode.
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub warmup: usize,
    /// Hits per timed query.
    #[arg(long, default_value_t = 10, value_name = "N")]
    pub k: usize,
    /// Hits per query in the TREC run.
    #[arg(long, default_value_t = 100, value_name = "N")]
    pub depth: usize,
    /// TREC run to write (`qid Q0 docid rank score tag`).
    #[arg(long, value_name = "FILE")]
    pub run: PathBuf,
    /// Run tag.
    #[arg(long, default_value = "depeche", value_name = "NAME")]
    pub tag: String,
    /// Snippets JSONL to write (`{"qid","rank","docid","snippet"}`, matches in `<b>`).
    #[arg(long, value_name = "FILE")]
    pub snippets: PathBuf,
    /// Where to write the latencies (µs) and counts.
    #[arg(long, value_name = "FILE")]
    pub stats: PathBuf,
    /// Search only these fields (comma-separated, e.g. `lede,body`); default: the schema's.
    #[arg(long, env = "DEPECHE_PEER_FIELDS", value_delimiter = ',', value_name = "FIELDS")]
    pub fields: Option<Vec<String>>,
    /// Combine words this way instead of following the query's operator.
    #[arg(long, env = "DEPECHE_PEER_MODE", value_enum, value_name = "MODE")]
    pub mode: Option<ModeArg>,
}

/// `--mode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ModeArg {
    Auto,
    All,
    Any,
}

pub fn run(args: PeerWorkerArgs, schema: &Schema) -> anyhow::Result<ExitCode> {
    match args.command {
        PeerCommand::Index(a) => index(a, schema),
        PeerCommand::Search(a) => search(a, schema),
    }
}

fn version() -> String {
    format!("depeche {}", env!("CARGO_PKG_VERSION"))
}

fn index(args: PeerIndexArgs, schema: &Schema) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let dir = &args.index;
    if dir.exists()
        && !dir.join("meta.json").is_file()
        && std::fs::read_dir(dir).is_ok_and(|mut d| d.next().is_some())
    {
        bail!("{} exists and is not an index: not replacing it", dir.display());
    }
    let index = DepecheIndex::open_or_create(dir, schema, true)?;
    let opts = IndexOptions {
        memory_budget: args.memory.max(16) << 20,
        threads: args.threads.clamp(1, 64),
        collapse: false,
        merge: true,
        start_empty: true,
        ..IndexOptions::default()
    };
    let summary = index_paths(&index, std::slice::from_ref(&args.corpus), &opts, &NoProgress)?;
    let seconds = started.elapsed().as_secs_f64();
    let stats = json!({
        "docs": summary.indexed,
        "index_seconds": seconds,
        "version": version(),
        "skipped": summary.skipped.len(),
        "notes": format!(
            "depeche: {} parsing worker(s) and {} tantivy indexing thread(s), every copy indexed{}",
            opts.threads,
            opts.threads,
            if summary.skipped.is_empty() {
                String::new()
            } else {
                format!(", {} record(s) skipped", summary.skipped.len())
            }
        ),
    });
    write_json(&args.stats, &stats)?;
    eprintln!("indexed {} documents in {seconds:.1}s", summary.indexed);
    for s in summary.skipped.iter().take(5) {
        eprintln!("  skipped: {}", s.message);
    }
    Ok(ExitCode::SUCCESS)
}

/// One query of the harness, as a depeche request.
struct PeerQuery {
    qid: String,
    request: Request,
}

fn search(args: PeerSearchArgs, schema: &Schema) -> anyhow::Result<ExitCode> {
    let searcher = Searcher::open(&args.index, schema)?;
    let queries = read_queries(&args.queries, &args)?;
    let bench_started = Instant::now();
    let ids = time(&searcher, &queries, &args, 0)?;
    let snip = time(&searcher, &queries, &args, 1)?;
    let bench_seconds = bench_started.elapsed().as_secs_f64();

    let mut out = BufWriter::new(create(&args.snippets)?);
    for (q, hits) in queries.iter().zip(&snip.first) {
        for (rank, (docid, snippet)) in hits.iter().enumerate() {
            let line = json!({"qid": q.qid, "rank": rank + 1, "docid": docid, "snippet": snippet});
            writeln!(out, "{line}")?;
        }
    }
    out.flush()?;

    let mut run = BufWriter::new(create(&args.run)?);
    let mut zero_hit = 0;
    for q in &queries {
        let req = Request { limit: args.depth, snippets: 0, ..q.request.clone() };
        let response = searcher.search(&req).with_context(|| format!("query {}", q.qid))?;
        if response.hits.is_empty() {
            zero_hit += 1;
        }
        for (rank, hit) in response.hits.iter().enumerate() {
            writeln!(run, "{} Q0 {} {} {:.6} {}", q.qid, hit.id, rank + 1, hit.score, args.tag)?;
        }
    }
    run.flush()?;

    let stats = json!({
        "version": version(),
        "lat_ids_us": ids.wall,
        "lat_snip_us": snip.wall,
        "cpu_ids_us": ids.cpu,
        "cpu_snip_us": snip.cpu,
        "queries": queries.len(),
        "repeat": args.repeat,
        "bench_seconds": bench_seconds,
        "zero_hit_queries": zero_hit,
    });
    write_json(&args.stats, &stats)?;
    Ok(ExitCode::SUCCESS)
}

/// Latencies of one mode, and what the first timed pass returned.
struct Timed {
    /// Wall-clock µs per execution.
    wall: Vec<f64>,
    /// Thread CPU µs per execution.
    cpu: Vec<f64>,
    /// Per query: (id, snippet HTML with `<b>` highlights) of each hit.
    first: Vec<Vec<(String, String)>>,
}

/// `args.warmup` untimed passes, then `args.repeat` timed passes over the queries (the
/// harness's loop, `common.bench`), top `args.k` with `snippets` per hit.
fn time(
    searcher: &Searcher,
    queries: &[PeerQuery],
    args: &PeerSearchArgs,
    snippets: usize,
) -> anyhow::Result<Timed> {
    let run = |q: &PeerQuery| {
        let req = Request { limit: args.k, snippets, ..q.request.clone() };
        searcher.search(&req).with_context(|| format!("query {}", q.qid))
    };
    for _ in 0..args.warmup {
        for q in queries {
            run(q)?;
        }
    }
    let mut t = Timed { wall: Vec::new(), cpu: Vec::new(), first: Vec::new() };
    for pass in 0..args.repeat {
        for q in queries {
            let c0 = thread_cpu_ns();
            let t0 = Instant::now();
            let response = run(q)?;
            let elapsed = t0.elapsed();
            let c1 = thread_cpu_ns();
            t.wall.push(elapsed.as_nanos() as f64 / 1000.0);
            if let (Some(c0), Some(c1)) = (c0, c1) {
                t.cpu.push(c1.saturating_sub(c0) as f64 / 1000.0);
            }
            if pass == 0 {
                let hits = response.hits.into_iter().map(|h| {
                    let html = h.snippets.first().map_or(String::new(), |s| {
                        s.html.replace("<mark>", "<b>").replace("</mark>", "</b>")
                    });
                    (h.id, html)
                });
                t.first.push(hits.collect());
            }
        }
    }
    Ok(t)
}

fn read_queries(path: &Path, args: &PeerSearchArgs) -> anyhow::Result<Vec<PeerQuery>> {
    let file =
        std::fs::File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut out = Vec::new();
    for (n, line) in BufReader::new(file).lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let v: Value = serde_json::from_str(&line)
            .with_context(|| format!("{}:{}: invalid JSON", path.display(), n + 1))?;
        let qid = match &v["qid"] {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        let mode = match (args.mode, v["op"].as_str()) {
            (Some(ModeArg::Auto), _) => Mode::Auto,
            (Some(ModeArg::All), _) => Mode::All,
            (Some(ModeArg::Any), _) => Mode::Any,
            (None, Some("and")) => Mode::All,
            (None, _) => Mode::Any,
        };
        let clauses = v["clauses"].as_array().map(Vec::as_slice).unwrap_or_default();
        let parts: Vec<String> = clauses
            .iter()
            .filter_map(|c| {
                let text = c["text"].as_str()?;
                if c["kind"].as_str() == Some("phrase") {
                    let inner = plain_words(text);
                    (!inner.is_empty()).then(|| format!("\"{inner}\""))
                } else {
                    let word = plain_words(text);
                    (!word.is_empty()).then_some(word)
                }
            })
            .collect();
        let request = Request {
            query: parts.join(" "),
            mode,
            fields: args.fields.clone(),
            facets: false,
            ..Request::default()
        };
        out.push(PeerQuery { qid, request });
    }
    Ok(out)
}

/// The text of a harness clause with nothing depeche's query language would read as an
/// operator: quotes, parentheses, a leading `-`/`+`, `field:` prefixes, a prefix's `*`,
/// `OR`/`ET`/`NOT`…
/// (lowercased, they are ordinary words).
fn plain_words(text: &str) -> String {
    let cleaned: String = text
        .chars()
        .map(|c| match c {
            '"' | '«' | '»' | '“' | '”' | '„' | '(' | ')' | ':' | '*' => ' ',
            c => c,
        })
        .collect();
    let words: Vec<String> = cleaned
        .split_whitespace()
        .map(|w| w.trim_start_matches(['-', '+']))
        .filter(|w| !w.is_empty())
        .map(|w| match w {
            "OR" | "OU" | "AND" | "ET" | "NOT" | "SAUF" | "||" | "&&" => w.to_lowercase(),
            w => w.to_owned(),
        })
        .collect();
    words.join(" ")
}

fn create(path: &Path) -> anyhow::Result<std::fs::File> {
    std::fs::File::create(path).with_context(|| format!("cannot write {}", path.display()))
}

fn write_json(path: &Path, value: &Value) -> anyhow::Result<()> {
    let mut f = create(path)?;
    serde_json::to_writer(&mut f, value)?;
    writeln!(f)?;
    Ok(())
}

/// CPU time of the calling thread, in nanoseconds (Linux; `None` elsewhere). Less sensitive
/// than wall-clock time to other load on the machine.
#[cfg(all(target_os = "linux", target_pointer_width = "64"))]
pub fn thread_cpu_ns() -> Option<u64> {
    #[repr(C)]
    struct Timespec {
        sec: i64,
        nsec: i64,
    }
    unsafe extern "C" {
        fn clock_gettime(clock: i32, tp: *mut Timespec) -> i32;
    }
    const CLOCK_THREAD_CPUTIME_ID: i32 = 3;
    let mut ts = Timespec { sec: 0, nsec: 0 };
    // SAFETY: `ts` is a valid, writable timespec (two 64-bit fields on 64-bit Linux) and the
    // clock id is a constant the kernel knows.
    let rc = unsafe { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    (rc == 0).then(|| ts.sec as u64 * 1_000_000_000 + ts.nsec as u64)
}

/// CPU time of the calling thread (unavailable on this platform).
#[cfg(not(all(target_os = "linux", target_pointer_width = "64")))]
pub fn thread_cpu_ns() -> Option<u64> {
    None
}

#[cfg(test)]
mod tests {
    use super::plain_words;

    #[test]
    fn operators_become_words() {
        let cases = [
            ("Macron", "Macron"),
            ("-20%", "20%"),
            ("title:otan", "title otan"),
            ("OR", "or"),
            ("(Paris)", "Paris"),
            ("l'Ukraine", "l'Ukraine"),
            ("«", ""),
            ("vingt-deux", "vingt-deux"),
            ("Covid*", "Covid"),
        ];
        for (input, want) in cases {
            assert_eq!(plain_words(input), want, "{input}");
        }
    }

    #[test]
    fn thread_cpu_time_advances() {
        let Some(t0) = super::thread_cpu_ns() else { return };
        let mut x = 0u64;
        for i in 0..2_000_000u64 {
            x = x.wrapping_add(i * i);
        }
        std::hint::black_box(x);
        assert!(super::thread_cpu_ns().unwrap() > t0);
    }
}
