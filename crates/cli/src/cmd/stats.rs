//! `depeche stats`: what an index holds.

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
    println!("index        {}", s.path);
    println!("dispatches   {}", s.dispatches);
    println!("duplicates   {} (other copies recorded)", s.duplicates);
    println!("versions     {} (older versions recorded)", s.versions);
    println!("files        {}", s.files);
    println!("size         {} in {} segment(s)", output::size(s.size_bytes), s.segments);
    let day = |d: &Option<String>| {
        d.as_deref().map(|d| d.get(..10).unwrap_or(d).to_owned()).unwrap_or_else(|| "-".into())
    };
    println!("dates        {} → {}", day(&s.earliest), day(&s.latest));
    if !s.sections.is_empty() {
        let top: Vec<String> = s.sections.iter().map(|(name, n)| format!("{name} ({n})")).collect();
        println!("sections     {}", top.join(", "));
    }
    println!("schema       {}", s.schema);
    if let Some(at) = &s.committed_at {
        println!("committed    {at}");
    }
    Ok(ExitCode::SUCCESS)
}
