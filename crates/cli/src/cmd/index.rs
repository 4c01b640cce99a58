//! `depeche index`: index files and folders, with progress and a one-line summary.

use std::io::IsTerminal;
use std::process::ExitCode;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use depeche_index::{DepecheIndex, Event, IndexOptions, Progress, Schema, Summary, index_paths};
use indicatif::{ProgressBar, ProgressStyle};

use crate::args::IndexArgs;
use crate::output;

pub fn run(args: IndexArgs, schema: &Schema) -> anyhow::Result<ExitCode> {
    for path in &args.paths {
        if !path.exists() {
            anyhow::bail!("{}: no such file or directory", path.display());
        }
    }
    if args.memory < 16 {
        anyhow::bail!("--memory must be at least 16 (MiB)");
    }
    let mut opts = IndexOptions {
        memory_budget: args.memory * 1024 * 1024,
        commit_every: args.commit_every.filter(|n| *n > 0),
        prune: args.prune,
        collapse: !args.no_collapse,
        start_empty: args.rebuild,
        ..IndexOptions::default()
    };
    if let Some(t) = args.threads {
        opts.threads = t.clamp(1, 64);
    }
    opts.ingest.max_file_size = args.max_file_size * 1024 * 1024;
    let index = DepecheIndex::open_or_create(&args.index.dir, schema, args.rebuild)?;
    let progress = Reporter::new();
    let summary = index_paths(&index, &args.paths, &opts, &progress)?;
    progress.finish();
    if args.json {
        output::print_json(&summary)?;
    } else {
        print_summary(&summary, &args);
    }
    Ok(if summary.skipped.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

fn print_summary(s: &Summary, args: &IndexArgs) {
    let rate = if s.seconds > 0.0 { s.indexed as f64 / s.seconds } else { 0.0 };
    eprintln!(
        "{} indexed, {} unchanged, {} duplicate, {} older version, {} removed, {} skipped \
         in {:.1}s ({rate:.0} dispatches/s, {}); {} dispatches in {}",
        s.indexed,
        s.unchanged,
        s.duplicates,
        s.versions,
        s.removed,
        s.skipped.len(),
        s.seconds,
        output::size(s.bytes),
        s.total,
        args.index.dir.display(),
    );
    for (reason, skips) in s.skips_by_reason() {
        const SHOWN: usize = 3;
        eprintln!("  skipped ({reason}): {}", skips.len());
        for skip in skips.iter().take(SHOWN) {
            eprintln!("    {}", skip.message);
        }
        if skips.len() > SHOWN {
            eprintln!("    … and {} more (--json lists them all)", skips.len() - SHOWN);
        }
    }
    if !s.ignored.is_empty() {
        let reasons = crate::output::count_reasons(s.ignored.iter().map(|i| i.reason.as_str()));
        eprintln!("  ignored: {} ({reasons})", s.ignored.len());
    }
}

/// A progress bar on a terminal, a log line every few seconds otherwise.
struct Reporter {
    bar: Option<ProgressBar>,
    state: Mutex<LogState>,
}

struct LogState {
    started: Instant,
    last: Instant,
    total_bytes: u64,
}

impl Reporter {
    fn new() -> Reporter {
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = ProgressBar::new(0);
            bar.set_style(
                ProgressStyle::with_template(
                    "{spinner} [{elapsed_precise}] {bar:30} {bytes}/{total_bytes} {msg} (ETA {eta})",
                )
                .expect("static template"),
            );
            bar.enable_steady_tick(Duration::from_millis(200));
            bar
        });
        let now = Instant::now();
        Reporter { bar, state: Mutex::new(LogState { started: now, last: now, total_bytes: 0 }) }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

impl Progress for Reporter {
    fn event(&self, event: Event) {
        let Ok(mut st) = self.state.lock() else { return };
        match event {
            Event::Planned { files, bytes, unchanged } => {
                st.total_bytes = bytes;
                match &self.bar {
                    Some(bar) => bar.set_length(bytes),
                    None => eprintln!(
                        "depeche: {files} files to read ({}), {unchanged} unchanged",
                        output::size(bytes)
                    ),
                }
            }
            Event::Progress { files, bytes, dispatches } => {
                let secs = st.started.elapsed().as_secs_f64().max(1e-3);
                let rate = dispatches as f64 / secs;
                match &self.bar {
                    Some(bar) => {
                        bar.set_position(bytes);
                        bar.set_message(format!(
                            "{files} files, {dispatches} dispatches, {rate:.0}/s"
                        ));
                    }
                    None if st.last.elapsed() >= Duration::from_secs(5) => {
                        st.last = Instant::now();
                        let pct = if st.total_bytes > 0 {
                            100.0 * bytes as f64 / st.total_bytes as f64
                        } else {
                            0.0
                        };
                        eprintln!(
                            "depeche: {pct:.0}% · {files} files · {dispatches} dispatches · {rate:.0}/s"
                        );
                    }
                    None => {}
                }
            }
            Event::Committing => match &self.bar {
                Some(bar) => bar.set_message("committing…"),
                None => eprintln!("depeche: committing"),
            },
        }
    }
}
