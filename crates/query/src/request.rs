//! What a search asks for.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// How the words of a query combine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// Every word must match; when that finds too little, fall back to [`Mode::Any`] and say so.
    #[default]
    Auto,
    /// Every word must match.
    All,
    /// Any word may match; documents matching more words rank higher.
    Any,
}

/// Result order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sort {
    /// Best matches first (newest first when there is no query to rank by).
    #[default]
    Relevance,
    /// Newest first.
    Date,
}

/// A search.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct Request {
    /// The query, in the query language (may be empty when filters are given).
    pub query: String,
    /// How query words combine.
    pub mode: Mode,
    /// Only dispatches naming this person (surname or full name, any spelling variant).
    pub person: Option<String>,
    /// Only this section (case and accents ignored).
    pub section: Option<String>,
    /// Only this agency.
    pub agency: Option<String>,
    /// Published at or after.
    pub since: Option<Timestamp>,
    /// Published before.
    pub until: Option<Timestamp>,
    /// Order of results.
    pub sort: Sort,
    /// Hits to return.
    pub limit: usize,
    /// Hits to skip.
    pub offset: usize,
    /// Snippets per hit (0 for none, at most 3).
    pub snippets: usize,
    /// Compute section and person facets over all matches.
    pub facets: bool,
    /// Restrict unprefixed words to these fields (default: the schema's default fields).
    pub fields: Option<Vec<String>>,
}

impl Default for Request {
    fn default() -> Request {
        Request {
            query: String::new(),
            mode: Mode::Auto,
            person: None,
            section: None,
            agency: None,
            since: None,
            until: None,
            sort: Sort::Relevance,
            limit: 10,
            offset: 0,
            snippets: 3,
            facets: false,
            fields: None,
        }
    }
}

impl Request {
    /// A search for `query` with default settings.
    pub fn new(query: impl Into<String>) -> Request {
        Request { query: query.into(), ..Request::default() }
    }
}

/// Reads a date bound as users write it: `2022`, `2022-02`, `2022-02-15`, a full timestamp,
/// or a day-first `15/02/2022`. With `end`, a partial date means the end of that period
/// (`--until 2022-02` includes all of February).
pub fn parse_date_bound(s: &str, end: bool) -> Option<Timestamp> {
    let s = s.trim();
    let parts: Vec<&str> = s.split('-').collect();
    let ymd = |y: i16, m: i8, d: i8| jiff::civil::Date::new(y, m, d).ok();
    // Days are Paris days, as the dispatches are dated.
    let start_of = depeche_ingest::paris::start_of;
    let all_digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    if parts.iter().all(|p| all_digits(p)) {
        match parts.as_slice() {
            [y] if y.len() == 4 => {
                let y: i16 = y.parse().ok()?;
                let d = if end { ymd(y + 1, 1, 1)? } else { ymd(y, 1, 1)? };
                return start_of(d);
            }
            [y, m] if y.len() == 4 => {
                let (y, m): (i16, i8) = (y.parse().ok()?, m.parse().ok()?);
                let first = ymd(y, m, 1)?;
                let d =
                    if end { first.checked_add(jiff::Span::new().months(1)).ok()? } else { first };
                return start_of(d);
            }
            [y, m, d] if y.len() == 4 => {
                let day = ymd(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)?;
                let d = if end { day.tomorrow().ok()? } else { day };
                return start_of(d);
            }
            _ => {}
        }
    }
    let ts = depeche_ingest::parse_date(s)?;
    // A date-only value (read as 00:00 UTC): that Paris day, to the next one for an end bound.
    if ts.as_second() % 86_400 == 0 && !s.contains(':') && !s.contains('h') {
        let day = jiff::tz::TimeZone::UTC.to_datetime(ts).date();
        return start_of(if end { day.tomorrow().ok()? } else { day });
    }
    Some(ts)
}

#[cfg(test)]
mod tests {
    use super::parse_date_bound;

    #[test]
    fn table() {
        let cases = [
            // Paris days: 00:00 Paris time is 23:00 UTC in winter, 22:00 in summer.
            ("2022", false, "2021-12-31T23:00:00Z"),
            ("2022", true, "2022-12-31T23:00:00Z"),
            ("2022-02", false, "2022-01-31T23:00:00Z"),
            ("2022-02", true, "2022-02-28T23:00:00Z"),
            ("2022-02-15", false, "2022-02-14T23:00:00Z"),
            ("2022-02-15", true, "2022-02-15T23:00:00Z"),
            ("2024-04-01", false, "2024-03-31T22:00:00Z"),
            ("15/02/2022", true, "2022-02-15T23:00:00Z"),
            ("2022-02-15T10:00:00Z", true, "2022-02-15T10:00:00Z"),
        ];
        for (s, end, want) in cases {
            assert_eq!(
                parse_date_bound(s, end).map(|t| t.to_string()).as_deref(),
                Some(want),
                "{s} {end}"
            );
        }
        for s in ["hier", "2022-13", "", "2022-02-30"] {
            assert_eq!(parse_date_bound(s, false), None, "{s}");
        }
    }
}
