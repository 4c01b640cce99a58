//! `depeche stats`: what an index holds.

use serde::Serialize;
use tantivy::Term;
use tantivy::collector::FacetCollector;
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;

use crate::document::Kind;
use crate::error::{Error, Result};
use crate::open::DepecheIndex;
use crate::writer::count_kind;

/// Figures about an index.
#[derive(Debug, Clone, Serialize)]
pub struct Stats {
    /// Index directory.
    pub path: String,
    /// Searchable dispatches.
    pub dispatches: u64,
    /// Copies recorded as duplicates.
    pub duplicates: u64,
    /// Older versions recorded.
    pub versions: u64,
    /// Source files recorded.
    pub files: u64,
    /// Size of the index directory in bytes.
    pub size_bytes: u64,
    /// Number of segments.
    pub segments: usize,
    /// Earliest publication date of a searchable dispatch.
    pub earliest: Option<String>,
    /// Latest publication date of a searchable dispatch.
    pub latest: Option<String>,
    /// Largest sections with their dispatch counts.
    pub sections: Vec<(String, u64)>,
    /// Schema signature of the last commit.
    pub schema: String,
    /// When the last commit happened.
    pub committed_at: Option<String>,
}

/// Computes [`Stats`] for an index.
pub fn stats(index: &DepecheIndex) -> Result<Stats> {
    let reader = index.tantivy().reader()?;
    let searcher = reader.searcher();
    let schema = index.schema();
    let kind_field = schema.field("kind");
    let (mut earliest, mut latest) = (None::<i64>, None::<i64>);
    for seg in searcher.segment_readers() {
        let ff = seg.fast_fields();
        let published = ff.date("published")?;
        let Some(kind) = ff.str("kind")? else { continue };
        let mut dispatch_ord = None;
        if let Ok(Some(ord)) = kind.dictionary().term_ord(Kind::Dispatch.as_str()) {
            dispatch_ord = Some(ord);
        }
        let Some(dispatch_ord) = dispatch_ord else { continue };
        for doc in seg.doc_ids_alive() {
            if kind.ords().first(doc) != Some(dispatch_ord) {
                continue;
            }
            if let Some(d) = published.first(doc) {
                let s = d.into_timestamp_secs();
                earliest = Some(earliest.map_or(s, |e| e.min(s)));
                latest = Some(latest.map_or(s, |l| l.max(s)));
            }
        }
    }
    let query = TermQuery::new(
        Term::from_field_text(kind_field, Kind::Dispatch.as_str()),
        IndexRecordOption::Basic,
    );
    let mut facets = FacetCollector::for_field("section");
    facets.add_facet("/");
    let counts = searcher.search(&query, &facets)?;
    let mut sections: Vec<(String, u64)> = counts
        .get("/")
        .map(|(f, n)| (f.to_path().last().map(|s| (*s).to_owned()).unwrap_or_default(), n))
        .collect();
    sections.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    sections.truncate(10);
    let size_bytes = std::fs::read_dir(index.path())
        .map_err(|e| Error::io(format!("cannot read {}", index.path().display()), e))?
        .flatten()
        .filter_map(|e| e.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum();
    let ts = |s: i64| jiff::Timestamp::from_second(s).ok().map(|t| t.to_string());
    let info = index.commit_info()?;
    Ok(Stats {
        path: index.path().display().to_string(),
        dispatches: count_kind(&searcher, index, Kind::Dispatch)?,
        duplicates: count_kind(&searcher, index, Kind::Duplicate)?,
        versions: count_kind(&searcher, index, Kind::Version)?,
        files: count_kind(&searcher, index, Kind::File)?,
        size_bytes,
        segments: searcher.segment_readers().len(),
        earliest: earliest.and_then(ts),
        latest: latest.and_then(ts),
        sections,
        schema: info.as_ref().map(|i| i.schema.clone()).unwrap_or_default(),
        committed_at: info.map(|i| i.committed_at),
    })
}
