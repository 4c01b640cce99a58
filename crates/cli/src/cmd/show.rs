//! `depeche show`.

use std::io::Write;
use std::process::ExitCode;

use anyhow::bail;
use depeche_index::Schema;
use depeche_query::Searcher;

use crate::args::ShowArgs;
use crate::output::{self, Style};

pub fn run(args: ShowArgs, schema: &Schema) -> anyhow::Result<ExitCode> {
    let searcher = Searcher::open(&args.index.dir, schema)?;
    let Some(shown) = searcher.get(&args.id)? else {
        bail!("no dispatch with id {:?} in {}", args.id, args.index.dir.display());
    };
    if args.json {
        output::print_json(&shown)?;
        return Ok(ExitCode::SUCCESS);
    }
    let d = &shown.dispatch;
    let style = Style::detect();
    let mut out = std::io::stdout().lock();
    if shown.kind != "dispatch" {
        writeln!(out, "{}", style.dim(&format!("{} is a {} record of:", args.id, shown.kind)))?;
    }
    writeln!(out, "{}", style.bold(&d.title))?;
    let field =
        |out: &mut std::io::StdoutLock, name: &str, v: Option<String>| -> std::io::Result<()> {
            match v {
                Some(v) if !v.is_empty() => writeln!(out, "{:<11} {v}", format!("{name}:")),
                _ => Ok(()),
            }
        };
    field(&mut out, "id", Some(d.id.clone()))?;
    field(&mut out, "published", d.published.map(|t| t.to_string()))?;
    field(&mut out, "updated", d.updated.map(|t| t.to_string()))?;
    field(&mut out, "section", d.section.clone())?;
    field(&mut out, "agency", d.agency.clone())?;
    field(&mut out, "dateline", d.dateline.clone())?;
    field(&mut out, "location", d.location.clone())?;
    field(&mut out, "authors", Some(d.authors.join(", ")))?;
    field(&mut out, "translator", d.translator.clone())?;
    field(
        &mut out,
        "persons",
        Some(d.persons.iter().map(|p| p.name.as_str()).collect::<Vec<_>>().join(", ")),
    )?;
    field(&mut out, "keywords", Some(d.keywords.join(", ")))?;
    field(&mut out, "language", d.language.clone())?;
    field(&mut out, "version", d.version.map(|v| v.to_string()))?;
    field(&mut out, "url", d.url.clone())?;
    field(&mut out, "format", Some(d.format.to_string()))?;
    field(&mut out, "source", Some(output::display_path(&d.source.to_string())))?;
    for c in &shown.copies {
        field(&mut out, "copy", Some(output::display_path(c)))?;
    }
    for (id, src) in &shown.versions {
        field(&mut out, "older", Some(format!("{id} ({})", output::display_path(src))))?;
    }
    writeln!(out)?;
    if let Some(lede) = &d.lede {
        writeln!(out, "{}\n", style.bold(lede))?;
    }
    for p in &d.body {
        writeln!(out, "{p}\n")?;
    }
    Ok(ExitCode::SUCCESS)
}
