//! `depeche`: index and search folders of French news dispatches.
//!
//! Thin on purpose: parse the arguments, validate them, call the libraries, print. Errors
//! become exit codes in one place: 0 all good, 1 done but some input was skipped, 2 usage or
//! fatal error.

mod args;
mod cmd;
mod output;

use std::process::ExitCode;

use clap::Parser;

use crate::args::{Cli, Command};

// mimalloc: indexing allocates many short-lived strings on several threads at once; on the
// dev corpus it cut indexing CPU by about a tenth against the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `purge_delay` option: its position in `mi_option_e` of mimalloc v3 (the
/// version libmimalloc-sys 0.1.49 builds), which libmimalloc-sys names no constant for.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Keeps freed memory mapped instead of returning it to the OS. An indexing run frees and
/// reallocates large buffers all the time; returned memory came back as fresh zeroed pages,
/// 5–9 % of the run's CPU (dev corpus: 10,000 page faults against 900), for a peak RSS about
/// 50 MB higher.
fn keep_freed_memory() {
    // SAFETY: sets a plain integer option; mimalloc reads it on each purge.
    unsafe {
        libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1);
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        // `depeche … | head`: the reader left, nothing more to say.
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            // Library errors often repeat their cause in their message: print each part once.
            let mut message = err.to_string();
            for cause in err.chain().skip(1).map(ToString::to_string) {
                if !message.contains(&cause) {
                    message = format!("{message}: {cause}");
                }
            }
            eprintln!("depeche: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let schema = cli.global.schema()?;
    match cli.command {
        Command::Ingest(a) => cmd::ingest::run(a),
        Command::Index(a) => {
            keep_freed_memory();
            cmd::index::run(a, &schema)
        }
        Command::Search(a) => cmd::search::run(a, &schema),
        Command::Show(a) => cmd::show::run(a, &schema),
        Command::Persons(a) => cmd::persons::run(a, &schema),
        Command::Stats(a) => cmd::stats::run(a, &schema),
        Command::Serve(a) => cmd::serve::run(a, &schema),
        Command::Bench(a) => cmd::bench::run(a, &schema),
        Command::PeerWorker(a) => {
            keep_freed_memory();
            cmd::peer_worker::run(a, &schema)
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    use std::io::ErrorKind::BrokenPipe;
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == BrokenPipe)
            // JSON is written through serde_json, which wraps the I/O error.
            || e.downcast_ref::<serde_json::Error>().and_then(|j| j.io_error_kind())
                == Some(BrokenPipe)
    })
}
