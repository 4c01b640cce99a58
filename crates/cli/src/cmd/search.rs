//! `depeche search`.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Context, bail};
use depeche_index::Schema;
use depeche_query::{Hit, Mode, Request, Searcher, Sort, parse_date_bound};

use crate::args::{SearchArgs, SortArg};
use crate::output::{self, Style};

pub fn run(args: SearchArgs, schema: &Schema) -> anyhow::Result<ExitCode> {
    let query = args.query.join(" ");
    if query.trim().is_empty()
        && args.person.is_none()
        && args.section.is_none()
        && args.agency.is_none()
        && args.since.is_none()
        && args.until.is_none()
    {
        bail!("give a query or a filter (--person, --section, --agency, --since, --until)");
    }
    if args.snippets > 3 {
        bail!("--snippets is at most 3");
    }
    let date =
        |s: &Option<String>, end: bool, flag: &str| -> anyhow::Result<Option<jiff::Timestamp>> {
            match s {
                None => Ok(None),
                Some(v) => parse_date_bound(v, end).map(Some).with_context(|| {
                    format!("{flag} {v:?}: use a date like 2022, 2022-02 or 2022-02-15")
                }),
            }
        };
    let req = Request {
        query: query.clone(),
        mode: if args.any {
            Mode::Any
        } else if args.all {
            Mode::All
        } else {
            Mode::Auto
        },
        person: args.person.clone(),
        section: args.section.clone(),
        agency: args.agency.clone(),
        since: date(&args.since, false, "--since")?,
        until: date(&args.until, true, "--until")?,
        sort: match args.sort {
            SortArg::Relevance => Sort::Relevance,
            SortArg::Date => Sort::Date,
        },
        limit: args.limit,
        offset: args.offset,
        snippets: args.snippets,
        facets: args.json,
        fields: None,
    };
    let searcher = Searcher::open(&args.index.dir, schema)?;
    let response = searcher.search(&req)?;
    if args.json {
        output::print_json(&response)?;
        return Ok(ExitCode::SUCCESS);
    }
    let style = Style::detect();
    let mut out = std::io::stdout().lock();
    let mode = match (response.mode, response.fallback) {
        (Mode::Any, true) => "some words",
        (Mode::Any, false) => "any word",
        _ => "all words",
    };
    let what =
        if query.trim().is_empty() { String::new() } else { format!(" for \"{query}\", {mode}") };
    writeln!(
        out,
        "{} dispatch{}{what} ({:.1} ms)",
        response.total,
        if response.total == 1 { "" } else { "es" },
        response.took_us as f64 / 1000.0
    )?;
    for n in &response.notices {
        writeln!(out, "note: {n}")?;
    }
    for (i, hit) in response.hits.iter().enumerate() {
        print_hit(&mut out, args.offset + i + 1, hit, &style)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn print_hit(out: &mut impl Write, rank: usize, hit: &Hit, style: &Style) -> std::io::Result<()> {
    writeln!(out)?;
    writeln!(out, "{rank}. {}", style.bold(&hit.title))?;
    // The day in Paris, as dates are filtered (`--since 2024-04-01`).
    let date = hit.published.as_deref().map(|d| match d.parse::<jiff::Timestamp>() {
        Ok(t) => depeche_ingest::paris::date_of(t).to_string(),
        Err(_) => d.get(..10).unwrap_or(d).to_owned(),
    });
    let meta: Vec<&str> =
        [date.as_deref(), hit.section.as_deref(), hit.dateline.as_deref(), hit.agency.as_deref()]
            .into_iter()
            .flatten()
            .collect();
    writeln!(out, "   {}", style.dim(&format!("{} · id {}", meta.join(" · "), hit.id)))?;
    if !hit.persons.is_empty() {
        writeln!(out, "   persons: {}", hit.persons.join(", "))?;
    }
    for s in &hit.snippets {
        writeln!(out, "   {}", style.highlight(&s.text, &s.highlights))?;
    }
    let copies = match hit.duplicates {
        0 => String::new(),
        1 => " (+1 identical copy)".to_owned(),
        n => format!(" (+{n} identical copies)"),
    };
    writeln!(out, "   {}", style.dim(&format!("{}{copies}", output::display_path(&hit.source))))?;
    Ok(())
}
