//! `depeche persons`.

use std::io::Write;
use std::process::ExitCode;

use depeche_index::Schema;
use depeche_query::Searcher;

use crate::args::PersonsArgs;
use crate::output;

pub fn run(args: PersonsArgs, schema: &Schema) -> anyhow::Result<ExitCode> {
    let searcher = Searcher::open(&args.index.dir, schema)?;
    let persons = searcher.persons(args.prefix.as_deref(), args.limit)?;
    if args.json {
        output::print_json(&persons)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = std::io::stdout().lock();
    for p in &persons {
        writeln!(out, "{:>6}  {}", p.dispatches, p.name)?;
    }
    if persons.is_empty() {
        eprintln!(
            "no person{}",
            args.prefix.map(|p| format!(" matching {p:?}")).unwrap_or_default()
        );
    }
    Ok(ExitCode::SUCCESS)
}
