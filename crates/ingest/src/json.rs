//! JSON and NDJSON feeds.
//!
//! Reads the OrangeSum schema (`id`, `title`, `lede`, `body`, `date`, `section`, `author`,
//! `tags`, `url`, `provider`) and any object with a title and a body or text, under the field
//! names feeds commonly use. A document may be one object, an array of objects, or an object
//! wrapping such an array (`{"items": […]}`).

use serde_json::{Map, Value};

use crate::dispatch::{Dispatch, Format};
use crate::error::ErrorKind;
use crate::{agency, dates, html, normalize};

/// One parsed record: its 1-based number within the file (for arrays) and the outcome.
pub(crate) type Record = (Option<u64>, Result<Dispatch, ErrorKind>);

/// Parses a whole JSON document.
pub(crate) fn parse_document(text: &str) -> Result<Vec<Record>, ErrorKind> {
    let value: Value =
        serde_json::from_str(text).map_err(|e| ErrorKind::Parse(format!("invalid JSON: {e}")))?;
    match value {
        Value::Array(items) => Ok(records(items)),
        Value::Object(obj) => {
            if is_article(&obj) {
                return Ok(vec![(None, from_object(&obj, Format::Json))]);
            }
            match wrapped_array(obj) {
                Some(items) => Ok(records(items)),
                None => {
                    Err(ErrorKind::NotAnArticle("JSON object without a title, body or text".into()))
                }
            }
        }
        _ => Err(ErrorKind::NotAnArticle("JSON value is neither an object nor an array".into())),
    }
}

/// Parses one NDJSON line. `Ok(None)` for a blank line.
pub(crate) fn parse_line(line: &str) -> Result<Option<Dispatch>, ErrorKind> {
    let line = line.trim();
    if line.is_empty() {
        return Ok(None);
    }
    let value: Value =
        serde_json::from_str(line).map_err(|e| ErrorKind::Parse(format!("invalid JSON: {e}")))?;
    match value {
        Value::Object(obj) => from_object(&obj, Format::Ndjson).map(Some),
        _ => Err(ErrorKind::NotAnArticle("line is not a JSON object".into())),
    }
}

fn records(items: Vec<Value>) -> Vec<Record> {
    items
        .into_iter()
        .enumerate()
        .map(|(i, v)| {
            let n = Some(i as u64 + 1);
            match v {
                Value::Object(obj) => (n, from_object(&obj, Format::Json)),
                _ => (n, Err(ErrorKind::NotAnArticle("array element is not an object".into()))),
            }
        })
        .collect()
}

/// `{"items": [...]}`, `{"articles": [...]}`, …: the first array of objects that look like
/// articles.
fn wrapped_array(obj: Map<String, Value>) -> Option<Vec<Value>> {
    obj.into_iter().map(|(_, v)| v).find_map(|v| match v {
        Value::Array(items) if items.iter().any(|i| i.as_object().is_some_and(is_article)) => {
            Some(items)
        }
        _ => None,
    })
}

const TITLE: &[&str] = &["title", "headline", "titre", "name"];
const BODY: &[&str] = &[
    "body",
    "text",
    "content",
    "articleBody",
    "article_body",
    "texte",
    "corps",
    "content_html",
    "body_html",
    "html",
];
const LEDE: &[&str] = &[
    "lede",
    "lead",
    "chapo",
    "chapeau",
    "standfirst",
    "description",
    "summary",
    "abstract",
    "excerpt",
    "subtitle",
    "subheadline",
];
const PUBLISHED: &[&str] = &[
    "published",
    "date",
    "datePublished",
    "date_published",
    "published_at",
    "publishedAt",
    "pubDate",
    "pub_date",
    "firstCreated",
    "created",
    "created_at",
    "timestamp",
];
const UPDATED: &[&str] = &[
    "updated",
    "dateModified",
    "date_modified",
    "modified",
    "updated_at",
    "updatedAt",
    "versionCreated",
    "lastModified",
];
const AUTHORS: &[&str] = &["authors", "author", "byline", "creator", "by"];
const SECTION: &[&str] = &["section", "articleSection", "category", "rubrique", "desk"];
const AGENCY: &[&str] =
    &["agency", "provider_name", "credit", "creditline", "source_name", "publisher"];
const KEYWORDS: &[&str] = &["keywords", "tags", "subjects", "topics"];
const ID: &[&str] = &["id", "guid", "uid", "uri", "urn", "_id", "identifier"];

fn is_article(obj: &Map<String, Value>) -> bool {
    let has = |keys: &[&str]| {
        keys.iter().any(|k| obj.get(*k).is_some_and(|v| !text_of(v).trim().is_empty()))
    };
    has(BODY) || (has(TITLE) && has(LEDE))
}

fn from_object(obj: &Map<String, Value>, format: Format) -> Result<Dispatch, ErrorKind> {
    let get = |keys: &[&str]| keys.iter().find_map(|k| obj.get(*k).filter(|v| !v.is_null()));
    let get_text = |keys: &[&str]| {
        get(keys).map(text_of).map(|s| normalize::clean_escaped(&s)).filter(|s| !s.is_empty())
    };

    let title = get_text(TITLE).unwrap_or_default();
    let lede = get_text(LEDE);
    let body = get(BODY).map(body_of).unwrap_or_default();
    if title.is_empty() && body.is_empty() {
        return Err(ErrorKind::NotAnArticle("no title and no body".into()));
    }
    let authors = get(AUTHORS).map(names_of).unwrap_or_default();
    let credit = get_text(AGENCY).or_else(|| obj.get("author").map(text_of));
    let agency = credit.as_deref().and_then(agency::from_credit);
    let id =
        get(ID).map(text_of).filter(|s| crate::fingerprint::is_usable_id(s)).unwrap_or_default();

    Ok(Dispatch {
        id,
        title,
        lede,
        body,
        section: get_text(SECTION),
        published: get(PUBLISHED).and_then(date_of),
        updated: get(UPDATED).and_then(date_of),
        authors,
        agency,
        dateline: get_text(&["dateline"]),
        location: get_text(&["location", "located", "place"]),
        translator: get_text(&["translator", "traducteur"]),
        language: get_text(&["language", "lang", "inLanguage"]).map(|l| l.to_lowercase()),
        keywords: get(KEYWORDS).map(names_of).unwrap_or_default(),
        url: get_text(&["url", "link", "canonical_url", "permalink"]),
        version: get(&["version", "revision"])
            .and_then(|v| v.as_u64().or_else(|| v.as_str()?.parse().ok()))
            .map(|v| v as u32),
        format,
        ..Dispatch::default()
    })
}

/// A string, a number, or the concatenation of an array of strings; `{"name": …}` objects
/// give their name.
fn text_of(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Array(a) => {
            a.iter().map(text_of).filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" ")
        }
        Value::Object(o) => ["name", "text", "value", "#text", "@value"]
            .iter()
            .find_map(|k| o.get(*k))
            .map(text_of)
            .unwrap_or_default(),
        _ => String::new(),
    }
}

/// Body paragraphs: an array of strings (one paragraph each), HTML (paragraph elements), or
/// plain text with paragraphs separated by blank lines (or by single line breaks when it has
/// no blank line at all).
fn body_of(v: &Value) -> Vec<String> {
    match v {
        Value::Array(a) => a
            .iter()
            .map(|p| normalize::clean_escaped(&text_of(p)))
            .filter(|p| !p.is_empty())
            .collect(),
        _ => {
            let s = text_of(v);
            if looks_like_html(&s) {
                return html::fragment_paragraphs(&s);
            }
            let s = normalize::decode_entities(&s);
            let blank_lines = s.contains("\n\n") || s.contains("\r\n\r\n");
            normalize::paragraphs(&s, !blank_lines)
        }
    }
}

fn looks_like_html(s: &str) -> bool {
    let lower = s.get(..s.len().min(4096)).unwrap_or(s).to_ascii_lowercase();
    ["<p>", "<p ", "<br", "<div", "</p>"].iter().any(|t| lower.contains(t))
}

/// Names: a string (split on `,`, ` et `, ` and `, `;`), an array of strings, or objects with a
/// `name`.
fn names_of(v: &Value) -> Vec<String> {
    let raw: Vec<String> = match v {
        Value::Array(a) => a.iter().map(text_of).collect(),
        _ => {
            let s = text_of(v);
            s.split([',', ';', '/'])
                .flat_map(|p| p.split(" et "))
                .flat_map(|p| p.split(" and "))
                .map(str::to_owned)
                .collect()
        }
    };
    let mut out: Vec<String> = Vec::new();
    for name in raw.iter().map(|s| normalize::clean_escaped(s)) {
        if !name.is_empty() && !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

fn date_of(v: &Value) -> Option<jiff::Timestamp> {
    match v {
        Value::Number(n) => {
            let n = n.as_i64()?;
            // Seconds or milliseconds since the epoch.
            if n > 100_000_000_000 {
                jiff::Timestamp::from_millisecond(n).ok()
            } else {
                jiff::Timestamp::from_second(n).ok()
            }
        }
        _ => dates::parse(&text_of(v)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orangesum_line() {
        let line = r#"{"id": "orangesum-4", "title": "Déclaration d'intérêts: Delevoye entendu mercredi en audition libre", "lede": "L'ex-haut commissaire aux retraites, Jean-Paul Delevoye, a été interrogé mercredi.", "body": "L'ex-haut commissaire aux retraites, Jean-Paul Delevoye, a été interrogé mercredi.\n\nAu lendemain de sa démission.", "date": "2020-07-02T20:48:16+02:00", "section": "Politique", "author": "AFP", "byline": "AFP, publié le jeudi 02 juillet 2020 à 20h48", "tags": ["enquête", "police"], "url": "https://actu.orange.fr/x.html", "provider": "afp-news", "split": "train", "source": "orangesum"}"#;
        let d = parse_line(line).unwrap().unwrap();
        assert_eq!(d.id, "orangesum-4");
        assert_eq!(d.title, "Déclaration d'intérêts: Delevoye entendu mercredi en audition libre");
        assert_eq!(d.body.len(), 2);
        assert_eq!(d.section.as_deref(), Some("Politique"));
        assert_eq!(d.authors, ["AFP"]);
        assert_eq!(d.agency.as_deref(), Some("AFP"));
        assert_eq!(d.keywords, ["enquête", "police"]);
        assert_eq!(d.published.unwrap().to_string(), "2020-07-02T18:48:16Z");
        assert_eq!(d.format, Format::Ndjson);
    }

    #[test]
    fn generic_shapes() {
        let doc = r#"{"articles": [{"headline": "Un", "text": "Premier texte.\nDeuxième ligne."}, {"title": "Deux", "content": "<p>Para &amp; un</p><p>Para deux</p>"}, 3]}"#;
        let recs = parse_document(doc).unwrap();
        assert_eq!(recs.len(), 3);
        let a = recs[0].1.as_ref().unwrap();
        assert_eq!(a.title, "Un");
        assert_eq!(a.body, ["Premier texte.", "Deuxième ligne."]);
        let b = recs[1].1.as_ref().unwrap();
        assert_eq!(b.body, ["Para & un", "Para deux"]);
        assert!(matches!(recs[2], (Some(3), Err(ErrorKind::NotAnArticle(_)))));
    }

    #[test]
    fn bad_input() {
        assert!(matches!(parse_line("{\"title\": "), Err(ErrorKind::Parse(_))));
        assert!(matches!(parse_line("[1]"), Err(ErrorKind::NotAnArticle(_))));
        assert!(matches!(parse_line("{\"foo\": 1}"), Err(ErrorKind::NotAnArticle(_))));
        assert!(matches!(parse_line("   "), Ok(None)));
        assert!(matches!(parse_document("{\"a\": 1}"), Err(ErrorKind::NotAnArticle(_))));
    }
}
