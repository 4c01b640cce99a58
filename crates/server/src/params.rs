//! Query-string parameters → library requests, with a 400 that names the parameter at fault.

use depeche_query::{Mode, Request, Sort, parse_date_bound};

use crate::error::ApiError;

/// Deepest page a request may reach (`offset`): tantivy keeps `offset + limit` hits in memory.
pub const MAX_OFFSET: usize = 10_000;
/// Longest `person`, `section`, `agency` or `prefix` value, in bytes.
pub const MAX_FILTER_BYTES: usize = 200;
/// Longest dispatch id, in bytes.
pub const MAX_ID_BYTES: usize = 512;

/// Bounds from the server options.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Limits {
    pub max_limit: usize,
    pub max_query_bytes: usize,
}

/// Decoded `name=value` pairs, in order.
pub(crate) type Pairs = [(String, String)];

const SEARCH: &[&str] = &[
    "q", "person", "section", "agency", "since", "until", "sort", "mode", "limit", "offset",
    "snippets", "facets",
];
const PERSONS: &[&str] = &["prefix", "limit"];

/// `/api/search` parameters. Empty values count as absent (what an HTML form sends).
pub(crate) fn search_request(pairs: &Pairs, limits: Limits) -> Result<Request, ApiError> {
    let p = Params::new(pairs, SEARCH)?;
    let query = p.text("q", limits.max_query_bytes)?.unwrap_or_default();
    let date = |name: &str, end: bool| -> Result<_, ApiError> {
        let Some(v) = p.get(name) else { return Ok(None) };
        if v.len() > 64 {
            return Err(ApiError::bad_parameter(format!("{name}: too long to be a date")));
        }
        parse_date_bound(v, end).map(Some).ok_or_else(|| {
            ApiError::bad_parameter(format!(
                "{name}: {v:?} is not a date (use 2022, 2022-02 or 2022-02-15)"
            ))
        })
    };
    let sort = match p.get("sort") {
        None | Some("relevance") => Sort::Relevance,
        Some("date") => Sort::Date,
        Some(v) => {
            return Err(ApiError::bad_parameter(format!(
                "sort: {v:?} is not an order (relevance or date)"
            )));
        }
    };
    let mode = match p.get("mode") {
        None | Some("auto") => Mode::Auto,
        Some("all") => Mode::All,
        Some("any") => Mode::Any,
        Some(v) => {
            return Err(ApiError::bad_parameter(format!(
                "mode: {v:?} is not a mode (auto, all or any)"
            )));
        }
    };
    let facets = match p.get("facets") {
        None | Some("true" | "1") => true,
        Some("false" | "0") => false,
        Some(v) => {
            return Err(ApiError::bad_parameter(format!("facets: {v:?} is not true or false")));
        }
    };
    Ok(Request {
        query,
        mode,
        person: p.text("person", MAX_FILTER_BYTES)?,
        section: p.text("section", MAX_FILTER_BYTES)?,
        agency: p.text("agency", MAX_FILTER_BYTES)?,
        since: date("since", false)?,
        until: date("until", true)?,
        sort,
        limit: p.number("limit", 10, limits.max_limit)?,
        offset: p.number("offset", 0, MAX_OFFSET)?,
        snippets: p.number("snippets", 3, 3)?,
        facets,
        fields: None,
    })
}

/// `/api/persons` parameters: the prefix and how many to list.
pub(crate) fn persons_request(
    pairs: &Pairs,
    limits: Limits,
) -> Result<(Option<String>, usize), ApiError> {
    let p = Params::new(pairs, PERSONS)?;
    Ok((p.text("prefix", MAX_FILTER_BYTES)?, p.number("limit", 10, limits.max_limit)?))
}

/// Parameters that are checked for unknown names and repeats up front.
struct Params<'a> {
    pairs: &'a Pairs,
}

impl<'a> Params<'a> {
    fn new(pairs: &'a Pairs, known: &[&str]) -> Result<Params<'a>, ApiError> {
        for (i, (name, _)) in pairs.iter().enumerate() {
            if !known.contains(&name.as_str()) {
                let name: String = name.chars().take(40).collect();
                return Err(ApiError::bad_parameter(format!(
                    "unknown parameter {name:?} (known: {})",
                    known.join(", ")
                )));
            }
            if pairs[..i].iter().any(|(n, _)| n == name) {
                return Err(ApiError::bad_parameter(format!("{name}: given more than once")));
            }
        }
        Ok(Params { pairs })
    }

    /// The value, trimmed; `None` when absent or blank.
    fn get(&self, name: &str) -> Option<&'a str> {
        self.pairs.iter().find(|(n, _)| n == name).map(|(_, v)| v.trim()).filter(|v| !v.is_empty())
    }

    fn text(&self, name: &str, max_bytes: usize) -> Result<Option<String>, ApiError> {
        match self.get(name) {
            Some(v) if v.len() > max_bytes => Err(ApiError::bad_parameter(format!(
                "{name}: {} bytes, at most {max_bytes}",
                v.len()
            ))),
            v => Ok(v.map(str::to_owned)),
        }
    }

    fn number(&self, name: &str, default: usize, max: usize) -> Result<usize, ApiError> {
        let Some(v) = self.get(name) else { return Ok(default) };
        let n: usize = v.parse().map_err(|_| {
            let v: String = v.chars().take(40).collect();
            ApiError::bad_parameter(format!("{name}: {v:?} is not a whole number"))
        })?;
        if n > max {
            return Err(ApiError::bad_parameter(format!("{name}: {n} is more than {max}")));
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIMITS: Limits = Limits { max_limit: 100, max_query_bytes: 1024 };

    fn pairs(s: &[(&str, &str)]) -> Vec<(String, String)> {
        s.iter().map(|(a, b)| ((*a).to_owned(), (*b).to_owned())).collect()
    }

    fn err(s: &[(&str, &str)]) -> String {
        search_request(&pairs(s), LIMITS).expect_err("should be refused").message
    }

    #[test]
    fn defaults_and_values() {
        let r = search_request(&pairs(&[]), LIMITS).unwrap();
        assert_eq!(
            (r.query.as_str(), r.limit, r.offset, r.snippets, r.facets),
            ("", 10, 0, 3, true)
        );
        let r = search_request(
            &pairs(&[
                ("q", " otan russie "),
                ("person", "Lavrov"),
                ("section", ""),
                ("since", "2022-02"),
                ("until", "2022-02"),
                ("sort", "date"),
                ("mode", "any"),
                ("limit", "100"),
                ("offset", "20"),
                ("snippets", "0"),
                ("facets", "false"),
            ]),
            LIMITS,
        )
        .unwrap();
        assert_eq!(r.query, "otan russie");
        assert_eq!(r.person.as_deref(), Some("Lavrov"));
        assert_eq!(r.section, None);
        // February 2022 in Paris days.
        assert_eq!(r.since.unwrap().to_string(), "2022-01-31T23:00:00Z");
        assert_eq!(r.until.unwrap().to_string(), "2022-02-28T23:00:00Z");
        assert_eq!(
            (r.sort, r.mode, r.limit, r.offset, r.snippets),
            (Sort::Date, Mode::Any, 100, 20, 0)
        );
        assert!(!r.facets);
    }

    #[test]
    fn errors_name_the_parameter() {
        let long = "a".repeat(1025);
        let cases: &[(&[(&str, &str)], &str)] = &[
            (&[("limit", "dix")], "limit: \"dix\" is not a whole number"),
            (&[("limit", "-1")], "limit:"),
            (&[("limit", "101")], "limit: 101 is more than 100"),
            (&[("offset", "99999999999999999999999")], "offset:"),
            (&[("offset", "10001")], "offset: 10001 is more than 10000"),
            (&[("snippets", "4")], "snippets:"),
            (&[("since", "hier")], "since: \"hier\" is not a date"),
            (&[("until", "2022-13")], "until:"),
            (&[("sort", "title")], "sort: \"title\""),
            (&[("mode", "some")], "mode:"),
            (&[("facets", "oui")], "facets:"),
            (&[("q", &long)], "q: 1025 bytes, at most 1024"),
            (&[("qq", "x")], "unknown parameter \"qq\""),
            (&[("q", "a"), ("q", "b")], "q: given more than once"),
        ];
        for (input, want) in cases {
            let got = err(input);
            assert!(got.starts_with(want), "{input:?}: {got}");
        }
    }

    #[test]
    fn persons_parameters() {
        assert_eq!(persons_request(&pairs(&[]), LIMITS).unwrap(), (None, 10));
        assert_eq!(
            persons_request(&pairs(&[("prefix", "lav"), ("limit", "3")]), LIMITS).unwrap(),
            (Some("lav".into()), 3)
        );
        assert!(persons_request(&pairs(&[("q", "lav")]), LIMITS).is_err());
    }
}
