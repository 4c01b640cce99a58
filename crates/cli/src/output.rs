//! Terminal output: colour only for terminals, and never when `NO_COLOR` is set.

use std::io::IsTerminal;

/// Whether to colour stdout.
pub fn color_stdout() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stdout().is_terminal()
}

/// A human size: `1.2 MiB`.
pub fn size(bytes: u64) -> String {
    const UNITS: [&str; 5] = ["B", "KiB", "MiB", "GiB", "TiB"];
    let mut v = bytes as f64;
    let mut unit = 0;
    while v >= 1024.0 && unit + 1 < UNITS.len() {
        v /= 1024.0;
        unit += 1;
    }
    if unit == 0 { format!("{bytes} B") } else { format!("{v:.1} {}", UNITS[unit]) }
}

/// Writes JSON to stdout, with a newline.
pub fn print_json<T: serde::Serialize>(value: &T) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, value)?;
    use std::io::Write;
    writeln!(out)?;
    Ok(())
}

/// Terminal styling, off for pipes and when `NO_COLOR` is set.
pub struct Style {
    on: bool,
}

impl Style {
    pub fn detect() -> Style {
        Style { on: color_stdout() }
    }

    pub fn bold(&self, s: &str) -> String {
        if self.on { format!("\x1b[1m{s}\x1b[0m") } else { s.to_owned() }
    }

    pub fn dim(&self, s: &str) -> String {
        if self.on { format!("\x1b[2m{s}\x1b[0m") } else { s.to_owned() }
    }

    /// `text` with the byte ranges in bold yellow.
    pub fn highlight(&self, text: &str, ranges: &[std::ops::Range<usize>]) -> String {
        if !self.on {
            return text.to_owned();
        }
        let mut out = String::with_capacity(text.len() + ranges.len() * 12);
        let mut at = 0;
        for r in ranges {
            out.push_str(&text[at..r.start]);
            out.push_str("\x1b[1;33m");
            out.push_str(&text[r.clone()]);
            out.push_str("\x1b[0m");
            at = r.end;
        }
        out.push_str(&text[at..]);
        out
    }
}

/// A source path relative to the current directory when it lies under it.
pub fn display_path(p: &str) -> String {
    match std::env::current_dir() {
        Ok(cwd) => {
            let cwd = cwd.to_string_lossy().into_owned() + "/";
            p.strip_prefix(&cwd).unwrap_or(p).to_owned()
        }
        Err(_) => p.to_owned(),
    }
}

/// `2 resources of a saved page, 1 hidden`: how many of each reason, most frequent first.
pub fn count_reasons<'a>(reasons: impl IntoIterator<Item = &'a str>) -> String {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for r in reasons {
        match counts.iter_mut().find(|(k, _)| *k == r) {
            Some((_, n)) => *n += 1,
            None => counts.push((r, 1)),
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    counts.iter().map(|(r, n)| format!("{n} {r}")).collect::<Vec<_>>().join(", ")
}
