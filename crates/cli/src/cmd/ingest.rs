//! `depeche ingest`: read dispatches and print them.

use std::io::Write;
use std::process::ExitCode;

use depeche_ingest::{Options, WalkEntry, Walker, read_file};

use crate::args::IngestArgs;

pub fn run(args: IngestArgs) -> anyhow::Result<ExitCode> {
    let opts = Options { max_file_size: args.max_file_size * 1024 * 1024 };
    let mut dispatches = Vec::new();
    let mut errors = Vec::new();
    let mut ignored: Vec<&'static str> = Vec::new();
    for path in &args.paths {
        if !path.exists() {
            anyhow::bail!("{}: no such file or directory", path.display());
        }
    }
    for entry in Walker::new(&args.paths).iter() {
        match entry {
            WalkEntry::File(f) => {
                let (ds, errs) = read_file(&f.path, &opts);
                dispatches.extend(ds);
                errors.extend(errs);
            }
            WalkEntry::Ignored { reason, .. } => ignored.push(reason),
            WalkEntry::Error(e) => errors.push(e),
        }
    }
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &dispatches)?;
        writeln!(out)?;
    } else {
        for d in &dispatches {
            writeln!(out, "{}  [{}]", d.title, d.id)?;
            // Paris time, as the dispatches are written.
            let date = d
                .published
                .map(|t| {
                    let local = jiff::tz::TimeZone::fixed(depeche_ingest::paris::offset_at(t));
                    local.to_datetime(t).strftime("%Y-%m-%d %H:%M").to_string()
                })
                .unwrap_or_default();
            let meta: Vec<&str> = [
                d.section.as_deref(),
                d.agency.as_deref(),
                d.dateline.as_deref(),
                Some(date.as_str()),
            ]
            .into_iter()
            .flatten()
            .filter(|s| !s.is_empty())
            .collect();
            writeln!(out, "  {}", meta.join(" · "))?;
            if !d.persons.is_empty() {
                let names: Vec<&str> = d.persons.iter().map(|p| p.name.as_str()).collect();
                writeln!(out, "  persons: {}", names.join(", "))?;
            }
            writeln!(out, "  {} paragraphs · {} · {}\n", d.body.len(), d.format, d.source)?;
        }
    }
    for e in &errors {
        eprintln!("skipped {e}");
    }
    eprintln!(
        "{} dispatches read, {} skipped{}",
        dispatches.len(),
        errors.len(),
        if !ignored.is_empty() {
            let reasons = crate::output::count_reasons(ignored.iter().copied());
            format!(", {} ignored ({reasons})", ignored.len())
        } else {
            String::new()
        }
    );
    Ok(if errors.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}
