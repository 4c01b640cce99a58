//! The one type every layout is turned into.

use std::fmt;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// A news dispatch, whatever layout it was read from.
///
/// Text fields hold what a reader sees, cleaned without loss: entities decoded, Unicode NFC,
/// spaces normalized, original apostrophes kept. Lowercasing, elision and stemming are the
/// analyzer's business, so offsets into these strings stay valid for highlighting.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Dispatch {
    /// Stable identifier: the source's own id when it has one (JSON `id`, IPTC guid or public
    /// identifier, without the version part), otherwise derived from agency, title and
    /// publication date (see [`crate::derive_id`]).
    pub id: String,
    /// Headline.
    pub title: String,
    /// The source has no headline: `title` was made from the start of the text. It is shown,
    /// but not searched or ranked as a headline (its words are the lede's).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub title_derived: bool,
    /// Standfirst (chapô); `None` when the layout has none.
    pub lede: Option<String>,
    /// Body paragraphs, in order, without boilerplate. A first paragraph that only repeats the
    /// lede is dropped.
    pub body: Vec<String>,
    /// Section or desk (`Politique`, `Monde`, …).
    pub section: Option<String>,
    /// First publication.
    pub published: Option<Timestamp>,
    /// Last update, when the source says it was updated.
    pub updated: Option<Timestamp>,
    /// Authors from the byline or credit line (not the translator).
    pub authors: Vec<String>,
    /// Agency or publisher that distributed the dispatch (`AA`, `AFP`, …).
    pub agency: Option<String>,
    /// Dateline city (`Bruxelles`).
    pub dateline: Option<String>,
    /// Location tag the source attaches to the story (`Brussels Hoofdstedelijk Gewest`).
    pub location: Option<String>,
    /// Translator credit (`Mourad Belhaj`).
    pub translator: Option<String>,
    /// Language tag (`fr`), from metadata or `fr` by default for French layouts.
    pub language: Option<String>,
    /// Persons mentioned in title, lede and body, most central first.
    pub persons: Vec<Person>,
    /// Keywords or tags given by the source.
    pub keywords: Vec<String>,
    /// Canonical URL, when the source gives one.
    pub url: Option<String>,
    /// Revision number, when the source numbers its versions.
    pub version: Option<u32>,
    /// Where the dispatch was read from.
    pub source: Source,
    /// The layout it was read from.
    pub format: Format,
    /// Content fingerprint: equal for dispatches with the same text (see
    /// [`crate::fingerprint`]).
    pub fingerprint: String,
    /// Update key: equal for versions of the same story (same agency, title and first
    /// publication day), so the indexer can keep only the latest.
    pub story: String,
}

impl Dispatch {
    /// Body paragraphs joined with a blank line, the way they are stored and highlighted.
    pub fn body_text(&self) -> String {
        self.body.join("\n\n")
    }
}

/// A person named in a dispatch.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    /// Full name as written in the dispatch (`Sergueï Lavrov`).
    pub name: String,
    /// Number of mentions, counting bare surnames mapped to this person.
    pub mentions: u32,
    /// Whether the person is named in the title.
    pub in_title: bool,
    /// Whether the person is named in the lede.
    pub in_lede: bool,
}

/// Where a dispatch was read from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// The file, as [`crate::path_key`] spells it (UTF-8; other bytes escaped as `\xNN`).
    pub path: String,
    /// 1-based line (NDJSON) or element number (JSON array, NewsML message) within the file,
    /// when the file holds several dispatches.
    pub record: Option<u64>,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.record {
            Some(n) => write!(f, "{}:{n}", self.path),
            None => f.write_str(&self.path),
        }
    }
}

/// The layouts depeche reads.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    /// Agency plain-text export (section, title, `- lede`, credit line, dateline, body…).
    #[default]
    AgencyText,
    /// A saved HTML article page.
    Html,
    /// A JSON document (one object or an array of objects).
    Json,
    /// Newline-delimited JSON, one dispatch per line.
    Ndjson,
    /// IPTC NITF.
    Nitf,
    /// IPTC NewsML 1.x.
    Newsml1,
    /// IPTC NewsML-G2.
    NewsmlG2,
    /// RTF (a word processor's document), read as plain text.
    Rtf,
    /// DOCX (Word), its body read as plain text.
    Docx,
    /// ODT (OpenDocument text), its body read as plain text.
    Odt,
    /// Factiva export (field codes `HD`, `TD`, … `AN`), one dispatch per article.
    Factiva,
    /// Europresse export (text or HTML), one dispatch per article.
    Europresse,
}

impl Format {
    /// Short lowercase name, as serialized.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::AgencyText => "agency-text",
            Format::Html => "html",
            Format::Json => "json",
            Format::Ndjson => "ndjson",
            Format::Nitf => "nitf",
            Format::Newsml1 => "newsml1",
            Format::NewsmlG2 => "newsml-g2",
            Format::Rtf => "rtf",
            Format::Docx => "docx",
            Format::Odt => "odt",
            Format::Factiva => "factiva",
            Format::Europresse => "europresse",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
