//! What a search returns. These types are depeche's own: no tantivy type leaks out.

use std::collections::BTreeMap;
use std::ops::Range;

use serde::Serialize;

use crate::request::Mode;

/// The result of a search.
#[derive(Debug, Clone, Serialize)]
pub struct Response {
    /// The query as given.
    pub query: String,
    /// How the words were combined: `all`, or `any` (asked for, or fallen back to).
    pub mode: Mode,
    /// True when `all` found too little and the search fell back to `any`.
    pub fallback: bool,
    /// Number of matching dispatches.
    pub total: u64,
    /// Time taken, microseconds.
    pub took_us: u64,
    /// The hits of the requested page.
    pub hits: Vec<Hit>,
    /// Section and person counts over all matches, when asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub facets: Option<Facets>,
    /// Things worth telling the user about how the query was read (always present, so
    /// clients can read it without a check).
    pub notices: Vec<String>,
}

/// One matching dispatch.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    /// Dispatch id (for `depeche show`).
    pub id: String,
    /// Ranking score (0 when sorted by date only).
    pub score: f32,
    /// Headline.
    pub title: String,
    /// Standfirst.
    pub lede: Option<String>,
    /// First publication, RFC 3339.
    pub published: Option<String>,
    /// Last update, RFC 3339.
    pub updated: Option<String>,
    /// Section.
    pub section: Option<String>,
    /// Dateline city.
    pub dateline: Option<String>,
    /// Agency.
    pub agency: Option<String>,
    /// Authors.
    pub authors: Vec<String>,
    /// Persons named, most central first.
    pub persons: Vec<String>,
    /// The file it came from (and the record within it).
    pub source: String,
    /// Other copies of this dispatch that were indexed once.
    pub duplicates: u64,
    /// Fragments of lede and body around the matches.
    pub snippets: Vec<Snippet>,
}

/// A fragment of text with the matches highlighted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Snippet {
    /// The field it comes from (`lede` or `body`).
    pub field: &'static str,
    /// The fragment, with `…` where it was cut.
    pub text: String,
    /// Byte ranges of the matches in `text`, as `[start, end]` pairs in JSON.
    #[serde(serialize_with = "ranges_as_pairs")]
    pub highlights: Vec<Range<usize>>,
    /// The fragment as HTML: escaped, matches in `<mark>`.
    pub html: String,
}

fn ranges_as_pairs<S: serde::Serializer>(ranges: &[Range<usize>], s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeSeq;
    let mut seq = s.serialize_seq(Some(ranges.len()))?;
    for r in ranges {
        seq.serialize_element(&[r.start, r.end])?;
    }
    seq.end()
}

/// Counts over all matches.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Facets {
    /// Dispatches per section.
    pub section: BTreeMap<String, u64>,
    /// Dispatches per person (the most frequent ones).
    pub persons: BTreeMap<String, u64>,
}
