//! `depeche stats`: what an index holds.

use std::io::Write;
use std::process::ExitCode;

use depeche_index::{DepecheIndex, Schema, stats};

use crate::args::StatsArgs;
use crate::output;

pub fn run(args: StatsArgs, schema: &Schema) -> anyhow::Result<ExitCode> {
    let index = DepecheIndex::open(&args.index.dir, schema)?;
    let s = stats(&index)?;
    if args.json {
        output::print_json(&s)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = std::io::stdout().lock();
    writeln!(out, "index        {}", s.path)?;
    writeln!(out, "dispatches   {}", s.dispatches)?;
    writeln!(out, "duplicates   {} (other copies recorded)", s.duplicates)?;
    writeln!(out, "versions     {} (older versions recorded)", s.versions)?;
    writeln!(out, "files        {}", s.files)?;
    writeln!(out, "size         {} in {} segment(s)", output::size(s.size_bytes), s.segments)?;
    let day = |d: &Option<String>| {
        d.as_deref().map(|d| d.get(..10).unwrap_or(d).to_owned()).unwrap_or_else(|| "-".into())
    };
    writeln!(out, "dates        {} → {}", day(&s.earliest), day(&s.latest))?;
    if !s.sections.is_empty() {
        let top: Vec<String> = s.sections.iter().map(|(name, n)| format!("{name} ({n})")).collect();
        writeln!(out, "sections     {}", top.join(", "))?;
    }
    writeln!(out, "schema       {}", s.schema)?;
    if let Some(at) = &s.committed_at {
        writeln!(out, "committed    {at}")?;
    }
    Ok(ExitCode::SUCCESS)
}
