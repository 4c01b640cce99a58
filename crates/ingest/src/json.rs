//! JSON and NDJSON feeds.
//!
//! Reads the OrangeSum schema (`id`, `title`, `lede`, `body`, `date`, `section`, `author`,
//! `tags`, `url`, `provider`) and any object with a title and a body or text, under the field
//! names feeds and CMS APIs commonly use (WordPress REST, ninjs, JSON Feed, Arc, NYT- and
//! Guardian-style APIs, Elasticsearch and MongoDB exports).
//!
//! A document may be one object, an array of objects, or objects wrapping such an array up to
//! [`MAX_DEPTH`] levels down (`{"items": […]}`, `{"data": {"articles": […]}}`,
//! `{"hits": {"hits": [{"_source": {…}}]}}`). A field may hold its text in an object
//! (`{"rendered": …}`, `{"value": …}`, `{"name": …}`). Title and lede lose their tags (known
//! tag names only). The body is read as HTML when the feed says it is (`content_html`,
//! WordPress `rendered`, Atom `"@type": "html"`, …) or when it holds paragraph markup; other
//! text stays as written, markup included.

use std::borrow::Cow;

use serde_json::{Map, Value};

use crate::dispatch::{Dispatch, Format};
use crate::error::ErrorKind;
use crate::{agency, dateline, dates, html, normalize};

/// One parsed record: its 1-based number within the file (for arrays) and the outcome.
pub(crate) type Record = (Option<u64>, Result<Dispatch, ErrorKind>);

type Object = Map<String, Value>;

/// Levels of wrapper objects searched for articles: `{"data": {"articles": […]}}` is two,
/// `{"rss": {"channel": {"item": […]}}}` three.
const MAX_DEPTH: usize = 4;

/// Parses a whole JSON document, or several written one after another (`{…}{…}`, or
/// pretty-printed objects in a row, as some exports and log collectors write them). Their
/// records are then numbered through the file; a value that does not parse is reported by its
/// line and column, and the others are kept.
pub(crate) fn parse_document(text: &str) -> Result<Vec<Record>, ErrorKind> {
    let mut values = json_values(text);
    if values.len() == 1 {
        return parse_value(&values.remove(0)?);
    }
    let (mut out, mut n) = (Vec::new(), 0);
    for value in values {
        match value.and_then(|v| parse_value(&v)) {
            Ok(records) => {
                for (_, r) in records {
                    n += 1;
                    out.push((Some(n), r));
                }
            }
            // Named by its position: its line and column for a parse error.
            Err(e) => out.push((None, Err(e))),
        }
    }
    Ok(out)
}

/// The JSON values of `text`, one after another. After a value that does not parse, reading
/// resumes at the next `{` opening a line or right after a `}`, where a value written after
/// it would start; that may be inside a broken array, so the commas and the `]` between its
/// elements are passed over from then on.
fn json_values(text: &str) -> Vec<Result<Value, ErrorKind>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut resumed = false;
    loop {
        let rest = text[start..]
            .trim_start_matches(|c: char| c.is_whitespace() || (resumed && matches!(c, ',' | ']')));
        if rest.is_empty() {
            break;
        }
        start = text.len() - rest.len();
        let mut stream = serde_json::Deserializer::from_str(rest).into_iter::<Value>();
        match stream.next() {
            None => break,
            Some(Ok(v)) => {
                out.push(Ok(v));
                start += stream.byte_offset();
            }
            Some(Err(e)) => {
                let e = parse_error(text, start, &e);
                // An array broken by one element fails there, and so does the element read again.
                let again = out.iter().any(|r| match (r, &e) {
                    (Err(ErrorKind::Parse(a)), ErrorKind::Parse(b)) => a == b,
                    _ => false,
                });
                if !again {
                    out.push(Err(e));
                }
                resumed = true;
                let resume = rest
                    .char_indices()
                    .skip(1)
                    .find(|&(i, c)| c == '{' && matches!(rest.as_bytes()[i - 1], b'\n' | b'}'));
                match resume {
                    Some((i, _)) => start += i,
                    None => break,
                }
            }
        }
    }
    if out.is_empty() {
        // Only whitespace: serde_json's own message.
        out.push(serde_json::from_str::<Value>(text).map_err(|e| parse_error(text, 0, &e)));
    }
    out
}

/// `e`, met reading `text` from byte `start`, with its line and column in the whole text.
fn parse_error(text: &str, start: usize, e: &serde_json::Error) -> ErrorKind {
    let before = &text[..start];
    let line = before.matches('\n').count() + e.line();
    let column = match e.line() {
        1 => before.len() - before.rfind('\n').map_or(0, |i| i + 1) + e.column(),
        _ => e.column(),
    };
    let message = e.to_string();
    let message = message.split(" at line ").next().unwrap_or(&message);
    ErrorKind::Parse(format!("invalid JSON: {message} at line {line} column {column}"))
}

/// The records of one JSON value: an array's elements, or the article (or articles) an object
/// holds.
fn parse_value(value: &Value) -> Result<Vec<Record>, ErrorKind> {
    match value {
        Value::Array(items) => Ok(records(items)),
        Value::Object(obj) => {
            let here = article_in(obj);
            // An article with its text here wins over arrays inside it (related articles); a
            // bare title and description (a feed's own header) loses to them.
            if let Some(f) = here.filter(|f| f.has_body()) {
                return Ok(vec![(None, from_fields(f, Format::Json))]);
            }
            if let Some(items) = article_array(obj) {
                return Ok(records(items));
            }
            match here.or_else(|| nested_article(obj)) {
                Some(f) => Ok(vec![(None, from_fields(f, Format::Json))]),
                None if let Some(items) = headline_array(obj) => Ok(records(items)),
                None => {
                    let empty = empty_array(obj)
                        .map(|path| format!("; `{path}` is empty"))
                        .unwrap_or_default();
                    Err(ErrorKind::NotAnArticle(format!(
                        "JSON object without a title, body or text, nor articles nested up to \
                         {MAX_DEPTH} levels down (keys: {}){empty}",
                        key_list(obj)
                    )))
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
    let Value::Object(obj) = value else {
        return Err(ErrorKind::NotAnArticle("line is not a JSON object".into()));
    };
    if let Some(f) = article_in(&obj).or_else(|| nested_article(&obj)) {
        return from_fields(f, Format::Ndjson).map(Some);
    }
    if let Some(items) = article_array(&obj) {
        return Err(ErrorKind::NotAnArticle(format!(
            "line holds an array of {} articles, where NDJSON has one per line",
            items.len()
        )));
    }
    // A title alone still makes a dispatch; `from_fields` names what is missing otherwise.
    from_fields(Fields::of(&obj), Format::Ndjson).map(Some)
}

fn records<'a>(items: impl IntoIterator<Item = &'a Value>) -> Vec<Record> {
    items
        .into_iter()
        .enumerate()
        .map(|(i, v)| {
            let n = Some(i as u64 + 1);
            match v {
                Value::Object(obj) => {
                    let f = article_in(obj).unwrap_or_else(|| Fields::of(obj));
                    (n, from_fields(f, Format::Json))
                }
                _ => (n, Err(ErrorKind::NotAnArticle("array element is not an object".into()))),
            }
        })
        .collect()
}

/// The items of every array of articles in the objects below `obj`, shallowest first, then
/// in key order (alphabetical: serde_json keeps keys sorted): `{"articles": […]}`,
/// `{"data": {"articles": […]}}`, `{"hits": {"hits": […]}}`, and both arrays of
/// `{"data": {"featured": […], "latest": […]}}`, so that no article is left out (an article
/// listed twice is one dispatch and a copy for the indexer). `None` when there is none.
fn article_array(obj: &Object) -> Option<Vec<&Value>> {
    arrays_of(obj, |o| article_in(o).is_some())
}

/// The items of every array of headlines below `obj`: objects with a title and a link but no
/// text, as news search APIs list their results (SerpApi `news_results`). Each is a dispatch
/// with its title only.
fn headline_array(obj: &Object) -> Option<Vec<&Value>> {
    let has = |o: &Object, keys: &[&str]| keys.iter().any(|k| o.get(*k).is_some_and(has_text));
    arrays_of(obj, |o| has(o, TITLE) && has(o, URL))
}

/// The items of every array below `obj` holding an object `is_item` accepts, as
/// [`article_array`] describes.
fn arrays_of(obj: &Object, is_item: impl Fn(&Object) -> bool) -> Option<Vec<&Value>> {
    let mut items = Vec::new();
    let mut level = vec![obj];
    for _ in 0..MAX_DEPTH {
        let mut next = Vec::new();
        for o in level {
            for v in o.values() {
                match v {
                    Value::Array(a) if a.iter().any(|i| i.as_object().is_some_and(&is_item)) => {
                        items.extend(a);
                    }
                    Value::Object(child) => next.push(child),
                    _ => {}
                }
            }
        }
        level = next;
    }
    (!items.is_empty()).then_some(items)
}

/// The first article with a body in the objects below `obj` (`{"data": {"article": {…}}}`),
/// shallowest first. A title and description alone, this deep, is more likely a site's or a
/// section's description than an article.
fn nested_article(obj: &Object) -> Option<Fields<'_>> {
    let mut level = vec![obj];
    for _ in 0..MAX_DEPTH {
        let mut next = Vec::new();
        for o in level {
            for child in o.values().filter_map(Value::as_object) {
                if let Some(f) = article_in(child).filter(|f| f.has_body()) {
                    return Some(f);
                }
                next.push(child);
            }
        }
        level = next;
    }
    None
}

/// The path of the first empty array below `obj` (`data.articles`): a feed page with no
/// article, worth saying so.
fn empty_array(obj: &Object) -> Option<String> {
    let mut level = vec![(String::new(), obj)];
    for _ in 0..MAX_DEPTH {
        let mut next = Vec::new();
        for (path, o) in level {
            for (k, v) in o {
                let path = if path.is_empty() { k.clone() } else { format!("{path}.{k}") };
                match v {
                    Value::Array(a) if a.is_empty() => return Some(path),
                    Value::Object(child) => next.push((path, child)),
                    _ => {}
                }
            }
        }
        level = next;
    }
    None
}

/// Keys under which a search index or an API keeps an article's fields, the record around
/// them keeping its id and metadata (Elasticsearch `_source`, JSON:API `attributes`, the
/// Guardian's `fields`).
const INNER: &[&str] = &["_source", "fields", "attributes"];
/// Keys of an object that only wraps an article (GraphQL `node`, `{"article": {…}}`).
const WRAPPERS: &[&str] =
    &["article", "node", "item", "story", "post", "entry", "document", "doc", "data", "result"];

/// The article `obj` is, or holds one level down.
fn article_in(obj: &Object) -> Option<Fields<'_>> {
    let child = |k: &&str| obj.get(*k).and_then(Value::as_object).filter(|o| is_article(o));
    if let Some(own) = INNER.iter().find_map(child) {
        return Some(Fields { own, record: Some(obj) });
    }
    if is_article(obj) {
        return Some(Fields::of(obj));
    }
    WRAPPERS.iter().find_map(child).map(Fields::of)
}

/// An article's fields: its own, then those of the record holding it (`{"_id": …,
/// "_source": {…}}`), which fill in what the article lacks.
#[derive(Clone, Copy)]
struct Fields<'a> {
    own: &'a Object,
    record: Option<&'a Object>,
}

impl<'a> Fields<'a> {
    fn of(own: &'a Object) -> Fields<'a> {
        Fields { own, record: None }
    }

    /// The non-empty values of `keys` with their key, the article's own first, each in the
    /// order of `keys`.
    fn entries(
        self,
        keys: &'static [&'static str],
    ) -> impl Iterator<Item = (&'static str, &'a Value)> {
        let get = |o: &'a Object| keys.iter().filter_map(move |k| Some((*k, o.get(*k)?)));
        get(self.own).chain(self.record.into_iter().flat_map(get)).filter(|(_, v)| !is_blank(v))
    }

    fn all(self, keys: &'static [&'static str]) -> impl Iterator<Item = &'a Value> {
        self.entries(keys).map(|(_, v)| v)
    }

    /// The first of `keys` with text, without its tags: a headline or a standfirst is never
    /// meant to show markup, and feeds put `<em>` or `<b>` in plain-text titles.
    fn line(self, keys: &'static [&'static str]) -> Option<String> {
        self.all(keys).map(|v| line_of(v, true)).find(|s| !s.is_empty())
    }

    fn has_body(self) -> bool {
        self.bodies().next().is_some()
    }

    /// The non-empty body fields with their key.
    fn bodies(self) -> impl Iterator<Item = (&'static str, &'a Value)> {
        let text_only = self.entries(BODY_IF_TEXT).filter(|(_, v)| is_plain_text(v));
        self.entries(BODY).chain(text_only).filter(|(_, v)| has_text(v))
    }
}

/// Keys that hold the body only when they hold text (a string, or a list of paragraph
/// strings): AFP's Core API `news`, the `article` of summarization data sets (MLSUM,
/// CNN/DailyMail). Elsewhere they wrap articles (`{"news": […]}`, `{"article": {…}}`).
const BODY_IF_TEXT: &[&str] = &["news", "article"];

/// A string, or an array of strings only.
fn is_plain_text(v: &Value) -> bool {
    match v {
        Value::String(_) => true,
        Value::Array(a) => a.iter().all(Value::is_string),
        _ => false,
    }
}

const TITLE: &[&str] = &["title", "headline", "titre", "name", "headlines", "webTitle"];
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
    "content_text",
    "body_text",
    "bodyText",
    "content_elements",
    "lead_paragraph",
    // ninjs 2.
    "bodies",
];
const LEDE: &[&str] = &[
    "lede",
    "lead",
    // Europresse, Factiva.
    "leadParagraph",
    "chapo",
    "chapeau",
    "standfirst",
    "description",
    "summary",
    "abstract",
    "excerpt",
    "subtitle",
    "subheadline",
    "subheadlines",
    "description_text",
    "description_html",
    "trailText",
    // ninjs 2.
    "descriptions",
];
const PUBLISHED: &[&str] = &[
    "published",
    // Before `date`, which WordPress gives in local time without an offset.
    "date_gmt",
    "date",
    "datePublished",
    "date_published",
    "publicationDate",
    "publication_date",
    "datePublication",
    "date_publication",
    "publishedDate",
    "published_date",
    "publishDate",
    "publish_date",
    "published_at",
    "publishedAt",
    "pubDate",
    "pub_date",
    "firstCreated",
    "firstcreated",
    "first_publish_date",
    "webPublicationDate",
    "display_date",
    "created",
    "created_at",
    "timestamp",
    "versioncreated",
    // Event Registry: the time of its `date`, then the one read from the page.
    "dateTime",
    "datetime",
    "date_time",
    "dateTimePub",
];
const UPDATED: &[&str] = &[
    "updated",
    "dateModified",
    "date_modified",
    "modified_gmt",
    "modified",
    "updated_at",
    "updatedAt",
    "versionCreated",
    "versioncreated",
    "lastModified",
    "last_updated_date",
    "changed",
];
const AUTHORS: &[&str] = &[
    "authors",
    "author",
    "byline",
    "creator",
    "dc:creator",
    "by",
    "signature",
    "auteurs",
    "auteur",
    "credits",
];
const SECTION: &[&str] = &[
    "section",
    "articleSection",
    "section_name",
    "sectionName",
    "category",
    "categories",
    "rubrique",
    "desk",
    "subject",
    "taxonomy",
];
const AGENCY: &[&str] = &[
    "agency",
    "agence",
    "provider_name",
    "credit",
    "creditline",
    "creditLine",
    "source_name",
    "publisher",
    "copyrightholder",
];
const URL: &[&str] = &["url", "link", "canonical_url", "permalink", "web_url", "webUrl"];
const KEYWORDS: &[&str] = &["keywords", "tags", "subjects", "topics"];
const ID: &[&str] = &["id", "guid", "uid", "uri", "urn", "_id", "identifier", "uno"];

/// Keys of an object holding a field's text, by preference: WordPress `rendered`, Drupal
/// `processed`, `value`, NYT `main` and `original`, Arc `basic`, XML-to-JSON `#text`, `$t`
/// and `_`, MongoDB `$date`, …
const TEXT_KEYS: &[&str] = &[
    "rendered",
    "processed",
    "value",
    "text",
    "main",
    "basic",
    "name",
    "label",
    "original",
    "by",
    "#text",
    "$t",
    "_",
    "@value",
    "content",
    "$date",
    "$numberLong",
    "$oid",
];

fn is_article(obj: &Object) -> bool {
    let has = |keys: &[&str]| keys.iter().any(|k| obj.get(*k).is_some_and(has_text));
    Fields::of(obj).has_body() || (has(TITLE) && has(LEDE))
}

fn from_fields(f: Fields<'_>, format: Format) -> Result<Dispatch, ErrorKind> {
    // Fields other than title, lede and body are never HTML.
    let text = |keys| f.all(keys).map(|v| line_of(v, false)).find(|s| !s.is_empty());

    let title = f.line(TITLE).unwrap_or_default();
    let lede = f.line(LEDE);
    let body = f
        .bodies()
        .map(|(k, v)| body_of(v, is_html(k, v)))
        .find(|b| !b.is_empty())
        .unwrap_or_default();
    if title.is_empty() && body.is_empty() {
        let keys = key_list(f.own);
        return Err(ErrorKind::NotAnArticle(format!(
            "no title and no body or text (keys: {keys})"
        )));
    }
    let authors = f
        .all(AUTHORS)
        .chain(embedded(f, "author"))
        .map(|v| names_of(v, true))
        .find(|a| !a.is_empty())
        .unwrap_or_default();
    let agency = match text(AGENCY).filter(|c| has_letter(c) && !is_desk(c)) {
        Some(credit) => agency::from_credit(&credit),
        // A bare `author` string may be the agency (OrangeSum: "AFP", "6Medias"); a person's
        // name or a byline (`Par …`) only when it names a known one.
        None => f.all(&["author"]).find_map(Value::as_str).and_then(|a| {
            let a = normalize::clean_escaped(a);
            if let Some(known) = agency::known(&a) {
                return Some(known.to_owned());
            }
            let byline = strip_by(&a).len() != a.len();
            (!byline
                && !is_desk(&a)
                && !crate::persons::is_person_name(agency::without_label(&a))
                && has_letter(&a))
            .then(|| agency::from_credit(&a))
            .flatten()
        }),
    };
    let id = f
        .all(ID)
        .map(text_of)
        .map(|s| s.trim().to_owned())
        .find(|s| crate::fingerprint::is_usable_id(s))
        .unwrap_or_default();

    // A feed may sign its titles with the site's name (`Réforme des retraites … - Le Monde`).
    let site = text(&["source", "publisher", "site_name", "siteName"]);
    let title = match site.as_deref().and_then(|s| without_site(&title, s)) {
        Some(t) => t.to_owned(),
        None => title,
    };
    let mut body = body;
    // A press database's notices close the text (Europresse).
    while body.len() > 1 && body.last().is_some_and(|p| is_database_notice(p)) {
        body.pop();
    }
    if let Some(last) = body.last_mut() {
        strip_truncation_mark(last);
    }

    let mut d = Dispatch {
        id,
        title,
        lede,
        body,
        section: f.all(SECTION).find_map(section_of).or_else(|| wp_category(f)),
        published: published(f),
        updated: f.all(UPDATED).find_map(date_of).or_else(|| updated_in_published(f)),
        authors,
        agency,
        dateline: text(&["dateline"]),
        location: text(&["location", "located", "place"]),
        translator: text(&["translator", "traducteur"]),
        language: text(&["language", "lang", "inLanguage"]).map(|l| l.to_lowercase()),
        keywords: f.all(KEYWORDS).map(|v| names_of(v, false)).next().unwrap_or_default(),
        url: f.all(URL).find_map(url_of),
        version: f
            .all(&["version", "revision"])
            .find_map(|v| v.as_u64().or_else(|| v.as_str()?.parse().ok()))
            .map(|v| v as u32),
        format,
        ..Dispatch::default()
    };
    // The dateline opening the text (`NIAMEY, 31 juillet 2023 (AFP) - …`) when the feed has
    // no field for it; a bare place in capitals is as often a rubric, so it takes a date or an
    // agency.
    if d.dateline.is_none()
        && let Some(dl) = d.body.first().and_then(|p| dateline::find(p)).filter(|dl| !dl.is_bare())
    {
        d.dateline = Some(dl.city);
        d.agency = d.agency.or(dl.agency);
        d.published = d.published.or_else(|| dl.date.as_deref().and_then(dates::parse));
    }
    Ok(d)
}

/// `title` without a closing `- Site`, `| Site` or `– Site` naming `site`.
fn without_site<'t>(title: &'t str, site: &str) -> Option<&'t str> {
    let site = site.trim();
    let rest = title.strip_suffix(site)?;
    let rest = rest.trim_end();
    let head = rest.strip_suffix(['-', '|', '–', '—'])?.trim_end();
    (!head.is_empty()).then_some(head)
}

/// Drops a news API's truncation mark closing a text (NewsAPI `… [+3456 chars]`, GNews
/// `... [1532 chars]`).
fn strip_truncation_mark(text: &mut String) {
    let Some(open) = text.rfind('[') else { return };
    let mark = &text[open + 1..];
    let mark = mark.strip_prefix('+').unwrap_or(mark);
    let digits = mark.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && matches!(mark[digits..].trim(), "chars]" | "characters]" | "caractères]") {
        text.truncate(open);
        let kept = text.trim_end().len();
        text.truncate(kept);
    }
}

/// The notices a press database adds after the text: the copyright line (`© 2024 SA Le
/// Monde. Tous droits réservés.`) and Europresse's certificate (`Certificat émis le 13 mars
/// 2024 à Université de Lyon à des fins de visualisation personnelle et temporaire.`).
fn is_database_notice(p: &str) -> bool {
    if p.chars().count() > 300 {
        return false;
    }
    let key = normalize::label_key(p);
    let copyright = key.starts_with('©') || key.starts_with("(c)") || key.starts_with("copyright");
    (copyright && (key.contains("droits reserves") || key.contains("all rights reserved")))
        || key.starts_with("certificat emis le")
}

/// The first keys of an object, to say what a record without an article held instead.
fn key_list(obj: &Object) -> String {
    let mut keys: Vec<&str> = obj.keys().take(8).map(String::as_str).collect();
    if obj.len() > keys.len() {
        keys.push("…");
    }
    if keys.is_empty() { "none".into() } else { keys.join(", ") }
}

/// Null, false, `""`, `[]`, `{}`: a field that is there but says nothing.
fn is_blank(v: &Value) -> bool {
    match v {
        Value::Null | Value::Bool(_) => true,
        Value::String(s) => s.trim().is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
        Value::Number(_) => false,
    }
}

/// Whether [`text_of`] gives some text.
fn has_text(v: &Value) -> bool {
    match v {
        Value::String(s) => !s.trim().is_empty(),
        Value::Number(_) => true,
        Value::Array(a) => a.iter().any(has_text),
        Value::Object(o) => text_field(o).is_some(),
        _ => false,
    }
}

/// The value of the first of [`TEXT_KEYS`] that holds text.
fn text_field(o: &Object) -> Option<&Value> {
    TEXT_KEYS.iter().find_map(|k| o.get(*k).filter(|v| has_text(v)))
}

/// A string, a number, the concatenation of an array's texts, or the text an object holds
/// under one of [`TEXT_KEYS`].
fn text_of(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Array(a) => match main_role(a) {
            Some(main) => text_of(main),
            None => a.iter().map(text_of).filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" "),
        },
        Value::Object(o) => text_field(o).map(text_of).unwrap_or_default(),
        _ => String::new(),
    }
}

/// ninjs 2 lists versions of one text, each with its `role` (`headlines`: `main`, `short`;
/// `bodies`, `descriptions`): the `main` one, or the first. `None` when the items are parts
/// of one text (paragraphs, blocks) rather than versions.
fn main_role(a: &[Value]) -> Option<&Value> {
    fn role(v: &Value) -> Option<&str> {
        v.get("role").and_then(Value::as_str)
    }
    if a.is_empty() || !a.iter().all(|v| role(v).is_some()) {
        return None;
    }
    a.iter().find(|v| role(v) == Some("main")).or(a.first())
}

/// Keys whose text is HTML (Arc's `content_elements` hold HTML snippets).
const HTML_KEYS: &[&str] =
    &["html", "content_html", "body_html", "description_html", "content_elements"];

/// Whether the value of `key` is declared HTML: by the key, or by the object holding the text
/// (WordPress `rendered`, Drupal `processed` or `"format": "full_html"`, Atom
/// `"@type": "html"`, ninjs `"contenttype": "text/html"`).
fn is_html(key: &str, v: &Value) -> bool {
    let Value::Object(o) = v else { return HTML_KEYS.contains(&key) };
    let says_html =
        |k: &&str| o.get(*k).and_then(Value::as_str).is_some_and(|t| t.contains("html"));
    HTML_KEYS.contains(&key)
        || o.contains_key("rendered")
        || o.contains_key("processed")
        || ["@type", "type", "format", "contenttype", "mimetype"].iter().any(says_html)
}

/// A one-line field: its text, without tags when it is HTML or holds paragraph markup,
/// entities decoded, cleaned.
fn line_of(v: &Value, html: bool) -> String {
    let s = text_of(v);
    if html || looks_like_html(&s) {
        normalize::clean_escaped(&strip_tags(&s))
    } else {
        normalize::clean_escaped(&s)
    }
}

/// Body paragraphs: an array (one paragraph per item, HTML items split on their blocks),
/// HTML (paragraph elements), or plain text with paragraphs separated by blank lines (or by
/// single line breaks when it has no blank line at all).
fn body_of(v: &Value, html: bool) -> Vec<String> {
    match v {
        Value::Array(a) if let Some(main) = main_role(a) => {
            body_of(main, html || is_html("", main))
        }
        Value::Array(a) => a
            .iter()
            .flat_map(|p| {
                let s = text_of(p);
                if html || is_html("", p) || looks_like_html(&s) {
                    html::fragment_paragraphs(&s)
                } else {
                    vec![normalize::clean_escaped(&s)]
                }
            })
            .filter(|p| !p.is_empty())
            .collect(),
        _ => {
            let s = text_of(v);
            if html || looks_like_html(&s) {
                return html::fragment_paragraphs(&s);
            }
            let s = normalize::decode_entities(&s);
            let blank_lines = s.contains("\n\n") || s.contains("\r\n\r\n");
            normalize::paragraphs(&s, !blank_lines)
        }
    }
}

fn looks_like_html(s: &str) -> bool {
    let head = s.get(..s.len().min(4096)).unwrap_or(s);
    // Most feed text has no markup at all: one byte scan settles it.
    if !head.contains('<') {
        return false;
    }
    let lower = head.to_ascii_lowercase();
    ["<p>", "<p ", "<br", "<div", "</p>", "<li>", "<h2", "<h3", "<blockquote"]
        .iter()
        .any(|t| lower.contains(t))
}

/// Tags that separate words (a space stands in for them), then inline tags.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "section",
    "figure",
    "figcaption",
    "hr",
    "tr",
    "td",
    "th",
];
const INLINE_TAGS: &[&str] = &[
    "a", "abbr", "b", "cite", "code", "del", "em", "font", "i", "img", "ins", "mark", "q", "s",
    "small", "span", "strong", "sub", "sup", "time", "u",
];

/// Text without its HTML tags, for fields too short to need the HTML reader (a headline, a
/// standfirst). Only known tag names are dropped, so `<<` guillemets or `<5 %` stay as
/// written; entities stay encoded.
fn strip_tags(s: &str) -> Cow<'_, str> {
    if !s.contains('<') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        match tag_len(after) {
            Some((len, block)) => {
                if block {
                    out.push(' ');
                }
                rest = &after[len..];
            }
            None => {
                out.push('<');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// For text right after a `<`: the length up to and including the `>` of the known tag it
/// opens, and whether that tag separates words.
fn tag_len(after: &str) -> Option<(usize, bool)> {
    let start = usize::from(after.starts_with('/'));
    let tail = &after[start..];
    let name_len = tail.find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(tail.len());
    let name = tail[..name_len].to_ascii_lowercase();
    let block = BLOCK_TAGS.contains(&name.as_str());
    if !block && !INLINE_TAGS.contains(&name.as_str()) {
        return None;
    }
    let next = tail[name_len..].chars().next()?;
    if !(next == '>' || next == '/' || next.is_whitespace()) {
        return None;
    }
    Some((after.find('>')? + 1, block))
}

/// Names: a byline string (split on `,`, `;`, `/`, ` et `, ` and `), an array of names, or
/// objects with a name (`{"name": …}`, `{"original": …}`, `{"firstname": …, "lastname": …}`).
/// For authors (`byline`), a leading `Par ` or `By ` goes. Names without a letter (WordPress
/// gives author and tag ids) are dropped.
fn names_of(v: &Value, byline: bool) -> Vec<String> {
    let mut raw = Vec::new();
    raw_names(v, &mut raw);
    let mut out: Vec<String> = Vec::new();
    for name in raw {
        let name = normalize::clean_escaped(&name);
        let name = if byline { author_name(&name) } else { name };
        if has_letter(&name) && !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

/// A byline's name alone: without `Par `/`By `, a place or a role in brackets (`Benjamin
/// Barthe (Beyrouth, correspondant)`), or the agency closing it (AP's `By YURAS KARMANAU
/// Associated Press`), and in capitals only at the start of its words when written all in
/// capitals.
fn author_name(name: &str) -> String {
    let unlabelled = strip_by(name);
    // Only a byline (`By …`, `… Associated Press`) is surely a name: `BFM TV` or `NON STOP
    // POLITIQUE` in capitals are outlets, left as written.
    let byline = unlabelled.len() != name.len();
    let name = without_brackets(unlabelled);
    let name = name.trim();
    let caps = |s: &str| s.chars().any(char::is_uppercase) && !s.chars().any(char::is_lowercase);
    let as_name = |s: &str| if caps(s) { capitalized(s) } else { s.to_owned() };
    if let Some(at) = closing_agency(name) {
        let head = as_name(name[..at].trim_end());
        if has_name_shape(&head) {
            return head;
        }
    }
    match as_name(name) {
        n if byline && has_name_shape(&n) => n,
        _ => name.to_owned(),
    }
}

/// Two to four words, each opening with a capital, of letters, hyphens, apostrophes and
/// periods only (`Yuras Karmanau`, `Jean-Paul D'Ormesson`, `J. Martin`).
fn has_name_shape(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || "-'’.".contains(c))
        })
}

/// Where a known agency closing a byline starts (`YURAS KARMANAU Associated Press`), two
/// words or more after its start.
fn closing_agency(name: &str) -> Option<usize> {
    let spaces: Vec<usize> = name.match_indices(' ').map(|(i, _)| i).collect();
    // The agency's own first word: without it, the rest no longer names the same agency.
    let exact = |k: usize| {
        let tail = &name[spaces[k] + 1..];
        let rest = spaces.get(k + 1).map_or("", |&j| &name[j + 1..]);
        agency::known(tail).is_some_and(|a| agency::known(rest) != Some(a))
    };
    // The longest such tail, of three words at most.
    (spaces.len().saturating_sub(3).max(1)..spaces.len()).find(|&k| exact(k)).map(|k| spaces[k])
}

/// `s` without what it has between brackets.
fn without_brackets(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// `JEAN-PAUL D'ORMESSON` → `Jean-Paul D'Ormesson`: each word, and each part of it after a
/// hyphen or an apostrophe, with a capital first.
fn capitalized(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    for c in s.chars() {
        if start {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphanumeric();
    }
    out
}

/// Signatures of a newsroom or a desk rather than a distributor (`Rédaction`, `La rédaction`,
/// `Service Sports`), compared through [`normalize::label_key`]: never an agency.
fn is_desk(s: &str) -> bool {
    let key = normalize::label_key(s.trim());
    let key = key.strip_prefix("la ").or_else(|| key.strip_prefix("le ")).unwrap_or(&key);
    ["redaction", "service", "desk", "newsroom", "staff", "equipe web"]
        .iter()
        .any(|d| key == *d || key.strip_prefix(d).is_some_and(|r| r.starts_with(' ')))
}

fn raw_names(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => out.extend(split_names(s)),
        Value::Array(a) => {
            for item in a {
                match item {
                    Value::String(s) => out.push(s.clone()),
                    _ => raw_names(item, out),
                }
            }
        }
        Value::Object(o) => match text_field(o) {
            Some(Value::String(s)) => out.extend(split_names(s)),
            Some(inner) => raw_names(inner, out),
            // `{"person": [{"firstname": …, "lastname": …}]}`
            None => match person_name(o) {
                Some(name) => out.push(name),
                None => ["person", "persons", "people", "contributors"]
                    .iter()
                    .filter_map(|k| o.get(*k))
                    .for_each(|v| raw_names(v, out)),
            },
        },
        _ => {}
    }
}

fn split_names(s: &str) -> impl Iterator<Item = String> {
    // A comma between brackets is no list: `Benjamin Barthe (Beyrouth, correspondant)`.
    without_brackets(s)
        .split([',', ';', '/'])
        .flat_map(|p| p.split(" et "))
        .flat_map(|p| p.split(" and "))
        .map(str::to_owned)
        .collect::<Vec<_>>()
        .into_iter()
}

/// `{"firstname": "Marie", "lastname": "Dupont"}` and its spellings.
fn person_name(o: &Object) -> Option<String> {
    let part = |keys: &[&str]| keys.iter().find_map(|k| o.get(*k)?.as_str());
    let parts: Vec<&str> = [
        part(&[
            "firstname",
            "first_name",
            "firstName",
            "givenName",
            "given_name",
            "given",
            "prenom",
            "prénom",
        ]),
        part(&["lastname", "last_name", "lastName", "familyName", "family_name", "family", "nom"]),
    ]
    .into_iter()
    .flatten()
    .collect();
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// `Par Marie Dupont`, `By Jane Doe` → the name.
fn strip_by(name: &str) -> &str {
    for prefix in ["par ", "by "] {
        if name.get(..prefix.len()).is_some_and(|p| p.eq_ignore_ascii_case(prefix)) {
            return name[prefix.len()..].trim_start();
        }
    }
    name
}

fn has_letter(s: &str) -> bool {
    s.chars().any(char::is_alphabetic)
}

/// A section: a name with a letter (WordPress gives category ids), the first of a list that
/// has one, or the name, label or title of an object (Atom: `@label`; Arc: its
/// `primary_section`).
fn section_of(v: &Value) -> Option<String> {
    match v {
        Value::Array(a) => a.iter().find_map(section_of),
        Value::Object(o) => TEXT_KEYS
            .iter()
            .chain(&["title", "@label", "@term", "primary_section"])
            .filter_map(|k| o.get(*k))
            .find_map(section_of),
        Value::String(_) => Some(line_of(v, false)).filter(|s| has_letter(s)),
        _ => None,
    }
}

/// A link: a string, an object with its `href` (Atom), or the first of a list, preferring
/// `rel="alternate"`.
fn url_of(v: &Value) -> Option<String> {
    match v {
        Value::String(_) => Some(line_of(v, false)).filter(|s| !s.is_empty()),
        Value::Array(a) => {
            let rel = |l: &&Value| {
                ["rel", "@rel"].iter().find_map(|k| l.get(*k)?.as_str()) == Some("alternate")
            };
            a.iter().find(rel).and_then(url_of).or_else(|| a.iter().find_map(url_of))
        }
        Value::Object(o) => {
            ["href", "@href", "url"].iter().filter_map(|k| o.get(*k)).find_map(url_of)
        }
        _ => None,
    }
}

/// WordPress with `?_embed`: what rides along under `_embedded` (`author`, `wp:term`).
fn embedded<'a>(f: Fields<'a>, key: &'a str) -> impl Iterator<Item = &'a Value> {
    f.all(&["_embedded"]).filter_map(move |e| e.get(key)).filter(|v| !is_blank(v))
}

/// WordPress with `?_embed`: the first term of the `category` taxonomy.
fn wp_category(f: Fields<'_>) -> Option<String> {
    embedded(f, "wp:term")
        .filter_map(Value::as_array)
        .flatten()
        .filter_map(Value::as_array)
        .flatten()
        .filter(|t| t.get("taxonomy").and_then(Value::as_str) == Some("category"))
        .find_map(section_of)
}

/// The first publication date, the first field that has one winning; but a day alone
/// (`"date": "2024-03-12"`) gives way to a time on that day in a later field (Event Registry's
/// `dateTime`).
fn published(f: Fields<'_>) -> Option<jiff::Timestamp> {
    let mut found = f.all(PUBLISHED).filter_map(date_of);
    let first = found.next()?;
    if !is_day_only(first) {
        return Some(first);
    }
    // A time on that day somewhere on Earth: up to 14 hours before or after its UTC span.
    let span = jiff::SignedDuration::from_hours(-14)..jiff::SignedDuration::from_hours(38);
    found.find(|t| !is_day_only(*t) && span.contains(&first.duration_until(*t))).or(Some(first))
}

/// A date without a time reads as midnight UTC.
fn is_day_only(t: jiff::Timestamp) -> bool {
    t.as_second().rem_euclid(86_400) == 0 && t.subsec_nanosecond() == 0
}

/// The update in a publication field that states both (`Publié le 12/03/2024 à 14h35, mis à
/// jour le 13/03/2024 à 08h00`).
fn updated_in_published(f: Fields<'_>) -> Option<jiff::Timestamp> {
    f.all(PUBLISHED).find_map(|v| {
        let s = v.as_str()?;
        date_in_sentence(&s[update_label(s)?..])
    })
}

/// ISO 8601, RFC 2822, prose, or a Unix time in seconds or milliseconds (number or digits);
/// or the first date of a sentence a CMS prints (`Publié le 12/03/2024 à 14h35, mis à jour
/// le …`).
fn date_of(v: &Value) -> Option<jiff::Timestamp> {
    let s = text_of(v);
    dates::parse_epoch(&s)
        .or_else(|| dates::parse(&s))
        .or_else(|| date_in_sentence(&s[..update_label(&s).unwrap_or(s.len())]))
}

/// Where an update label (`mis à jour`, `modifié`, `updated`) starts after the publication
/// date in a date sentence.
fn update_label(s: &str) -> Option<usize> {
    const LABELS: &[&str] = &["mis à jour", "mise à jour", "maj ", "modifié", "updated"];
    s.char_indices().skip(1).map(|(i, _)| i).find(|&i| {
        LABELS.iter().any(|l| s[i..].get(..l.len()).is_some_and(|p| p.eq_ignore_ascii_case(l)))
    })
}

/// The date a short sentence ends with, past its label (`Publié le 12/03/2024 à 14h35`,
/// `Posted on 12 March 2024`): the first of its last few words that [`dates::parse`] reads.
fn date_in_sentence(s: &str) -> Option<jiff::Timestamp> {
    let s = s.replace(" à ", " ");
    let s = s.trim().trim_end_matches(|c: char| !c.is_alphanumeric());
    let starts = s.match_indices(' ').map(|(i, _)| i + 1);
    std::iter::once(0).chain(starts).take(6).find_map(|i| dates::parse(&s[i..]))
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

    const TITLE_A: &str = "Grève à la SNCF : trafic très perturbé jeudi";
    const A: &str = r#"{"title": "Grève à la SNCF : trafic très perturbé jeudi", "body": "Les syndicats de cheminots appellent à la grève jeudi."}"#;
    const TITLE_B: &str = "Au Salon de l'agriculture, les éleveurs dénoncent la hausse des charges";
    const B: &str = r#"{"headline": "Au Salon de l'agriculture, les éleveurs dénoncent la hausse des charges", "summary": "Plusieurs organisations agricoles ont interpellé le gouvernement."}"#;

    /// The dispatches of a document that must parse without a failed record.
    fn all_ok(doc: &str) -> Vec<Dispatch> {
        let recs = parse_document(doc).unwrap_or_else(|e| panic!("{doc}: {e}"));
        recs.into_iter().map(|(_, r)| r.unwrap_or_else(|e| panic!("{doc}: {e}"))).collect()
    }

    fn one(doc: &str) -> Dispatch {
        let mut ds = all_ok(doc);
        assert_eq!(ds.len(), 1, "{doc}");
        ds.remove(0)
    }

    /// Article A with more fields.
    fn a_with(extra: &str) -> Dispatch {
        one(&format!(
            r#"{{"title": "{TITLE_A}", "body": "Les syndicats appellent à la grève.", {extra}}}"#
        ))
    }

    #[test]
    fn feed_conventions() {
        // JSON Feed: the dateline opening the HTML text gives the place and the agency.
        let d = one(
            r#"{"version": "https://jsonfeed.org/version/1.1", "items": [{"id": "https://ex.org/1", "title": "Crise au Niger : la Cédéao menace", "content_html": "<p>NIAMEY, 31 juillet 2023 (AFP) - La Cédéao a donné une semaine aux militaires.</p><p>Mohamed Bazoum reste détenu.</p>", "authors": [{"name": "Aminata Diallo"}]}]}"#,
        );
        assert_eq!((d.dateline.as_deref(), d.agency.as_deref()), (Some("Niamey"), Some("AFP")));
        assert_eq!(d.published.map(|t| t.to_string()).as_deref(), Some("2023-07-31T00:00:00Z"));
        assert_eq!(d.authors, ["Aminata Diallo"]);
        // A news API: the site's name after the title, a truncation mark after the text.
        let d = one(
            r#"{"articles": [{"source": {"id": null, "name": "Le Monde"}, "title": "Retraites : le Conseil constitutionnel valide l'essentiel - Le Monde", "content": "Le Conseil a validé vendredi l'essentiel de la réforme… [+3456 chars]"}]}"#,
        );
        assert_eq!(d.title, "Retraites : le Conseil constitutionnel valide l'essentiel");
        assert_eq!(d.body, ["Le Conseil a validé vendredi l'essentiel de la réforme…"]);
        let d = one(
            r#"{"articles": [{"title": "Incendie dans une usine près de Rouen", "content": "Un incendie s'est déclaré mardi matin. Les pompiers sont sur place... [1532 chars]"}]}"#,
        );
        assert_eq!(
            d.body,
            ["Un incendie s'est déclaré mardi matin. Les pompiers sont sur place..."]
        );
        // A press database: its lead paragraph, and its notices after the text.
        let d = one(
            r#"{"documents": [{"headline": "Gaza : l'ONU alerte sur un risque de famine", "leadParagraph": "Le PAM estime que 1,1 million de personnes sont menacées.", "body": ["Le PAM a averti mardi que la famine était imminente.", "Selon sa directrice, chaque jour compte.", "© 2024 SA Le Monde. Tous droits réservés.", "Certificat émis le 13 mars 2024 à Université de Lyon à des fins de visualisation personnelle et temporaire."]}]}"#,
        );
        assert_eq!(
            d.lede.as_deref(),
            Some("Le PAM estime que 1,1 million de personnes sont menacées.")
        );
        assert_eq!(
            d.body,
            [
                "Le PAM a averti mardi que la famine était imminente.",
                "Selon sa directrice, chaque jour compte."
            ]
        );
        // Not a mark or a notice: left alone.
        let mut t = String::from("Les tarifs augmentent [+2024 chars]");
        strip_truncation_mark(&mut t);
        assert_eq!(t, "Les tarifs augmentent");
        let mut t = String::from("Voir l'article [12 pages]");
        strip_truncation_mark(&mut t);
        assert_eq!(t, "Voir l'article [12 pages]");
        assert!(!is_database_notice("© AFP"));
        // A title merely ending with the same words is left alone.
        assert_eq!(without_site("Le Monde", "Le Monde"), None);
        assert_eq!(without_site("Vu par Le Monde", "Le Monde"), None);
    }

    #[test]
    fn wrapped_arrays_at_any_depth() {
        let cases: &[(&str, &[&str])] = &[
            (r#"{"data": {"articles": [@A, @B]}}"#, &[TITLE_A, TITLE_B]),
            (r#"{"response": {"numFound": 2, "docs": [@B, @A]}}"#, &[TITLE_B, TITLE_A]),
            (
                r#"{"feed": {"title": "Le Fil", "subtitle": "Les dernières dépêches", "entry": [@A]}}"#,
                &[TITLE_A],
            ),
            (
                r#"{"took": 3, "hits": {"total": {"value": 1}, "hits": [{"_id": "agence-20240313-0412", "_score": 7.1, "_source": @A}]}}"#,
                &[TITLE_A],
            ),
            (
                r#"{"data": {"articles": {"edges": [{"cursor": "YXJyYXk6MA==", "node": @B}]}}}"#,
                &[TITLE_B],
            ),
            (
                r#"{"data": [{"type": "node--article", "id": "5f0c9a2e-1d3b", "attributes": @A}]}"#,
                &[TITLE_A],
            ),
            // An RSS channel's or a JSON Feed's own title and description lose to its items.
            (
                r#"{"rss": {"channel": {"title": "Le Fil régional", "description": "Toutes les dépêches", "item": [@B]}}}"#,
                &[TITLE_B],
            ),
            (
                r#"{"title": "Le Courrier", "description": "Toute l'actualité", "items": [@A, @B]}"#,
                &[TITLE_A, TITLE_B],
            ),
            (r#"{"a": {"b": {"c": {"articles": [@A]}}}}"#, &[TITLE_A]),
            // Every array, shallowest first, then key order; copies stay (the indexer
            // keeps one as the dispatch, the others as its copies).
            (r#"{"data": {"latest": [@B]}, "items": [@A]}"#, &[TITLE_A, TITLE_B]),
            (r#"{"data": {"featured": [@A], "latest": [@B, @A]}}"#, &[TITLE_A, TITLE_B, TITLE_A]),
            // One article, wrapped or with related articles of its own.
            (r#"{"status": "ok", "data": {"article": @A}}"#, &[TITLE_A]),
            (r#"{"_id": "agence-20240313-0412", "_source": @A}"#, &[TITLE_A]),
            (
                r#"{"title": "Grève à la SNCF : trafic très perturbé jeudi", "body": "Les syndicats appellent à la grève.", "related": [@B]}"#,
                &[TITLE_A],
            ),
        ];
        for (doc, want) in cases {
            let doc = doc.replace("@A", A).replace("@B", B);
            let titles: Vec<String> = all_ok(&doc).into_iter().map(|d| d.title).collect();
            assert_eq!(titles, *want, "{doc}");
        }
    }

    #[test]
    fn records_keep_their_wrappers_metadata() {
        let doc = r#"{"hits": {"hits": [{"_id": "agence-20240313-0412", "_source": {"titre": "Marseille : ouverture du procès de l'effondrement de la rue d'Aubagne", "texte": "Seize prévenus comparaissent devant le tribunal correctionnel."}}]}}"#;
        assert_eq!(one(doc).id, "agence-20240313-0412");
        // The Guardian's API: metadata on the record, text under `fields`.
        let doc = r#"{"response": {"results": [{"id": "monde/2024/mar/13/catalogne-secheresse", "webTitle": "Sécheresse en Catalogne", "webPublicationDate": "2024-03-13T17:00:00Z", "sectionName": "Monde", "webUrl": "https://www.example.fr/monde/catalogne", "fields": {"headline": "En Catalogne, la sécheresse impose de nouvelles restrictions", "trailText": "Les réserves sont au plus bas depuis trente ans.", "body": "<p>Les réservoirs ne sont remplis qu'à 15 %.</p>"}}]}}"#;
        let d = one(doc);
        assert_eq!(d.id, "monde/2024/mar/13/catalogne-secheresse");
        assert_eq!(d.title, "En Catalogne, la sécheresse impose de nouvelles restrictions");
        assert_eq!(d.lede.as_deref(), Some("Les réserves sont au plus bas depuis trente ans."));
        assert_eq!(d.body, ["Les réservoirs ne sont remplis qu'à 15 %."]);
        assert_eq!(d.section.as_deref(), Some("Monde"));
        assert_eq!(d.published.unwrap().to_string(), "2024-03-13T17:00:00Z");
        assert_eq!(d.url.as_deref(), Some("https://www.example.fr/monde/catalogne"));
    }

    #[test]
    fn text_inside_objects() {
        // (document, title, lede, body)
        let cases: &[(&str, &str, Option<&str>, &[&str])] = &[
            // NYT-style: `headline.main`, no body but a lead paragraph.
            (
                r#"{"headline": {"main": "En Catalogne, la sécheresse impose de nouvelles restrictions", "kicker": null}, "abstract": "Les réserves sont au plus bas.", "lead_paragraph": "Les réservoirs ne sont remplis qu'à 15 %."}"#,
                "En Catalogne, la sécheresse impose de nouvelles restrictions",
                Some("Les réserves sont au plus bas."),
                &["Les réservoirs ne sont remplis qu'à 15 %."],
            ),
            // WordPress REST API: `rendered` HTML with entities.
            (
                r#"{"title": {"rendered": "Bretagne&nbsp;: les ostréiculteurs inquiets après les pluies de l&#8217;hiver"}, "content": {"rendered": "\n<p>La qualité de l&#8217;eau s&#8217;est dégradée.</p>\n\n<p>La vente d&#8217;huîtres est <em>suspendue</em>.</p>\n", "protected": false}, "excerpt": {"rendered": "<p>Trois communes du Morbihan sont concernées.</p>\n", "protected": false}}"#,
                "Bretagne : les ostréiculteurs inquiets après les pluies de l’hiver",
                Some("Trois communes du Morbihan sont concernées."),
                &["La qualité de l’eau s’est dégradée.", "La vente d’huîtres est suspendue."],
            ),
            // Drupal: `body.value`, `body.processed`.
            (
                r#"{"title": "Rennes : une ligne de bus express vers l'aéroport", "body": {"value": "<p>La ligne ouvre lundi.</p>", "format": "full_html", "summary": ""}}"#,
                "Rennes : une ligne de bus express vers l'aéroport",
                None,
                &["La ligne ouvre lundi."],
            ),
            (
                r#"{"title": "Rennes : une ligne de bus express vers l'aéroport", "body": {"processed": "<p>La ligne ouvre lundi.</p>", "value": "La ligne ouvre [date]."}}"#,
                "Rennes : une ligne de bus express vers l'aéroport",
                None,
                &["La ligne ouvre lundi."],
            ),
            // Atom as XML-to-JSON converters write it.
            (
                r##"{"title": {"@type": "html", "#text": "Toulouse&#160;: la ligne C franchit une étape"}, "summary": {"#text": "Le tunnelier a fini."}, "content": {"@type": "html", "#text": "<p>Le tronçon nord est creusé.</p><p>Mise en service en 2028.</p>"}}"##,
                "Toulouse : la ligne C franchit une étape",
                Some("Le tunnelier a fini."),
                &["Le tronçon nord est creusé.", "Mise en service en 2028."],
            ),
            // Arc ANS: `headlines.basic`, `content_elements`.
            (
                r#"{"headlines": {"basic": "Lille : la braderie confirmée pour septembre"}, "description": {"basic": "Malgré les travaux."}, "content_elements": [{"type": "text", "content": "La mairie a <a href=\"/x\">confirmé</a> mardi la braderie."}, {"type": "image", "url": "https://www.example.fr/a.jpg"}, {"type": "text", "content": "Elle aura lieu les 7 et 8 septembre."}]}"#,
                "Lille : la braderie confirmée pour septembre",
                Some("Malgré les travaux."),
                &[
                    "La mairie a confirmé mardi la braderie.",
                    "Elle aura lieu les 7 et 8 septembre.",
                ],
            ),
            // ninjs, and inline markup in a plain-text body.
            (
                r#"{"headline": "Hôpital : les urgences de Lyon-Sud fermées la nuit", "description_text": "Pendant trois semaines.", "body_html": "<p>Les urgences fermeront de 20h à 8h.</p>"}"#,
                "Hôpital : les urgences de Lyon-Sud fermées la nuit",
                Some("Pendant trois semaines."),
                &["Les urgences fermeront de 20h à 8h."],
            ),
            (
                r#"{"title": {"rendered": "Liège : <em>Les Ardentes</em> dévoilent leur affiche"}, "content_html": "Le festival aura lieu <strong>du 4 au 7 juillet</strong>.<br><br>La billetterie ouvre vendredi."}"#,
                "Liège : Les Ardentes dévoilent leur affiche",
                None,
                &["Le festival aura lieu du 4 au 7 juillet.", "La billetterie ouvre vendredi."],
            ),
            (
                r#"{"title": "Liège", "body": [{"contenttype": "text/html", "value": "<p>Du 4 au 7 juillet.</p>"}, {"contenttype": "text/plain", "value": "Au parc <b>Astrid</b>."}]}"#,
                "Liège",
                None,
                &["Du 4 au 7 juillet.", "Au parc <b>Astrid</b>."],
            ),
            // Title and lede lose their tags; a plain-text body stays as written, markup
            // included: only the display escapes it.
            (
                r#"{"title": "<em>Exclusif</em> : alerte <b>rouge</b> à Zanzibar", "lede": "Un lede avec <img src=x> et <<Non>> <5 %.", "text": "Le sommet s'est ouvert lundi. <script>x()</script>\n\nLes délégués & <i>les autres</i>."}"#,
                "Exclusif : alerte rouge à Zanzibar",
                Some("Un lede avec et <<Non>> <5 %."),
                &[
                    "Le sommet s'est ouvert lundi. <script>x()</script>",
                    "Les délégués & <i>les autres</i>.",
                ],
            ),
        ];
        for (doc, title, lede, body) in cases {
            let d = one(doc);
            assert_eq!(d.title, *title, "{doc}");
            assert_eq!(d.lede.as_deref(), *lede, "{doc}");
            assert_eq!(d.body, *body, "{doc}");
        }
    }

    #[test]
    fn author_shapes() {
        let cases: &[(&str, &[&str])] = &[
            (r#""author": "Par Marie Dupont""#, &["Marie Dupont"]),
            (r#""author": "Par AFP""#, &["AFP"]),
            (r#""author": "By Jane Doe and John Smith""#, &["Jane Doe", "John Smith"]),
            (
                r#""authors": [{"name": "Julien Martin"}, {"name": "Sophie Bernard"}]"#,
                &["Julien Martin", "Sophie Bernard"],
            ),
            (r#""authors": ["Claire Moreau", "Thomas Petit"]"#, &["Claire Moreau", "Thomas Petit"]),
            (r#""byline": {"name": "Marie Dupont"}"#, &["Marie Dupont"]),
            (
                r#""byline": {"original": "Par Hélène Vidal et Karim Haddad", "person": []}"#,
                &["Hélène Vidal", "Karim Haddad"],
            ),
            (r#""creator": "Nadia Benali""#, &["Nadia Benali"]),
            (r#""dc:creator": "Nadia Benali""#, &["Nadia Benali"]),
            (r#""signature": "par Yann Le Goff""#, &["Yann Le Goff"]),
            (r#""auteurs": "Claire Moreau et Thomas Petit""#, &["Claire Moreau", "Thomas Petit"]),
            (r#""auteur": {"firstname": "Hélène", "lastname": "Vidal"}"#, &["Hélène Vidal"]),
            (
                r#""credits": {"by": [{"name": "Lucie Garnier"}, {"name": "Pierre Castan"}]}"#,
                &["Lucie Garnier", "Pierre Castan"],
            ),
            (r#""author": "", "byline": "Par Marie Dupont""#, &["Marie Dupont"]),
            (r#""auteur": {"nom": "Durand", "prenom": "Lucie"}"#, &["Lucie Durand"]),
            (
                r#""byline": {"person": [{"firstname": "Nadia", "lastname": "Hamidou", "role": "reporter"}, {"firstname": "Marc", "lastname": "Olivier"}]}"#,
                &["Nadia Hamidou", "Marc Olivier"],
            ),
            (r#""byline": "Benjamin Barthe (Beyrouth, correspondant)""#, &["Benjamin Barthe"]),
            (
                r#""author": "Claire Moreau (à Lyon) et Thomas Petit [envoyé spécial]""#,
                &["Claire Moreau", "Thomas Petit"],
            ),
            (r#""byline": "By YURAS KARMANAU Associated Press""#, &["Yuras Karmanau"]),
            (r#""byline": "Marie Dupont Reuters""#, &["Marie Dupont"]),
            (r#""author": "Le Monde avec AFP""#, &["Le Monde avec AFP"]),
            (r#""byline": "Par JEAN-PAUL D'ORMESSON""#, &["Jean-Paul D'Ormesson"]),
            // WordPress: an author id, the name only under `_embedded`.
            (r#""author": 7"#, &[]),
            (
                r#""author": 7, "_embedded": {"author": [{"id": 7, "name": "Yann Le Goff"}]}"#,
                &["Yann Le Goff"],
            ),
        ];
        for (extra, want) in cases {
            let d = a_with(extra);
            assert_eq!(d.authors, *want, "{extra}");
            let agency = extra.contains("AFP").then_some("AFP");
            assert_eq!(d.agency.as_deref(), agency, "{extra}");
        }
    }

    #[test]
    fn credits_signing_as_authors_stay_whole() {
        for credit in [
            "BFM TV",
            "NON STOP POLITIQUE",
            "Orange avec Media Services",
            "Orange sur AFP-Services",
            "Source : 6Médias",
            "BVA - ORANGE",
        ] {
            let d = a_with(&format!(r#""author": "{credit}""#));
            assert_eq!(d.authors, [credit]);
        }
    }

    #[test]
    fn author_credits_name_the_agency_but_not_a_person() {
        let cases = [
            (r#""author": "Source : BFMTV""#, Some("BFMTV")),
            (r#""author": "source franceinfo""#, Some("franceinfo")),
            (r#""author": "6Médias""#, Some("6Medias")),
            (r#""author": "Marie Dupont""#, None),
            (r#""author": "Source : Marie Dupont""#, None),
            // A desk or the newsroom signs, no distributor.
            (r#""author": "Rédaction""#, None),
            (r#""author": "La rédaction""#, None),
            (r#""author": "Service Sports""#, None),
            (r#""credit": "Rédaction web""#, None),
            (r#""author": "Service Sports", "agency": "AFP""#, Some("AFP")),
        ];
        for (extra, want) in cases {
            assert_eq!(a_with(extra).agency.as_deref(), want, "{extra}");
        }
    }

    #[test]
    fn section_shapes() {
        let cases: &[(&str, Option<&str>)] = &[
            (r#""section": "Politique""#, Some("Politique")),
            (r#""category": {"name": "Économie"}"#, Some("Économie")),
            (r#""category": {"label": "Société"}"#, Some("Société")),
            (r#""category": {"id": 4, "title": "Culture"}"#, Some("Culture")),
            (r#""category": {"@term": "transports", "@label": "Transports"}"#, Some("Transports")),
            (r#""categories": ["Sport", "Football"]"#, Some("Sport")),
            (r#""categories": [{"id": 12, "name": "Environnement"}]"#, Some("Environnement")),
            (r#""rubrique": "Faits divers""#, Some("Faits divers")),
            (r#""subject": [{"code": "07000000", "name": "Santé"}]"#, Some("Santé")),
            (
                r#""taxonomy": {"primary_section": {"_id": "/monde", "name": "Monde"}}"#,
                Some("Monde"),
            ),
            (r#""section": "", "category": "Régions""#, Some("Régions")),
            // WordPress: category ids, names only under `_embedded`.
            (r#""categories": [12, 7]"#, None),
            (
                r#""categories": [12], "_embedded": {"wp:term": [[{"id": 12, "name": "Environnement", "taxonomy": "category"}], [{"id": 301, "name": "ostréiculture", "taxonomy": "post_tag"}]]}"#,
                Some("Environnement"),
            ),
        ];
        for (extra, want) in cases {
            assert_eq!(a_with(extra).section.as_deref(), *want, "{extra}");
        }
    }

    #[test]
    fn date_shapes() {
        let cases = [
            r#""published": "2024-03-13T18:00:00+01:00""#,
            r#""datePublished": "2024-03-13T17:00:00Z""#,
            r#""pubDate": "Wed, 13 Mar 2024 18:00:00 +0100""#,
            r#""pubDate": "mer., 13 mars 2024 18:00:00 +0100""#,
            r#""date": "mercredi 13 mars 2024 à 18h00""#, // Paris time
            r#""published_at": 1710349200"#,
            r#""published_at": 1710349200000"#,
            r#""timestamp": 1710349200.5"#,
            r#""created": "1710349200""#,
            r#""created": "1710349200000""#,
            r#""firstcreated": "20240313T170000Z""#,
            r#""versioncreated": "2024-03-13T17:00:00+0000""#,
            r#""date": "2024-03-13T18:00:00", "date_gmt": "2024-03-13T17:00:00""#,
            r#""date": {"$date": "2024-03-13T17:00:00Z"}"#,
            r#""date": {"$date": {"$numberLong": "1710349200000"}}"#,
            // An unreadable date gives way to the next field.
            r#""date": "il y a deux heures", "created": "2024-03-13T17:00:00Z""#,
            r#""publicationDate": "2024-03-13T17:00:00Z""#,
            r#""publication_date": "2024-03-13T18:00:00+01:00""#,
            r#""publishedDate": "2024-03-13T17:00:00Z""#,
            // A day alone gives way to a time on that day (Event Registry).
            r#""date": "2024-03-13", "time": "17:00:00", "dateTime": "2024-03-13T17:00:00Z""#,
            r#""date": "mercredi 13 mars 2024", "dateTimePub": "2024-03-13T18:00:00+01:00""#,
            r#""date": "2024-03-13", "dateTime": "2024-03-13T12:00:00-05:00""#,
            // A CMS's date sentence.
            r#""date": "Publié le 13/03/2024 à 18h00, mis à jour le 14/03/2024 à 09h00""#,
            r#""date": "Posted on 13 March 2024 18:00""#,
        ];
        for extra in cases {
            let d = a_with(extra);
            assert_eq!(
                d.published.map(|t| t.to_string()).as_deref(),
                Some("2024-03-13T17:00:00Z"),
                "{extra}"
            );
        }
        for extra in [r#""date": 20240313"#, r#""date": "20240313""#] {
            let d = a_with(extra);
            assert_eq!(
                d.published.map(|t| t.to_string()).as_deref(),
                Some("2024-03-13T00:00:00Z"),
                "{extra}"
            );
        }
        // A day is kept when the other time is on another day, or when there is none.
        let d = a_with(r#""date": "2024-03-13", "dateTime": "2024-03-15T17:00:00Z""#);
        assert_eq!(d.published.unwrap().to_string(), "2024-03-13T00:00:00Z");
        let d = a_with(r#""publicationDate": "mardi 12 mars 2024""#);
        assert_eq!(d.published.unwrap().to_string(), "2024-03-12T00:00:00Z");
        // The update a date sentence states.
        let d =
            a_with(r#""date": "Publié le 12/03/2024 à 14h35, mis à jour le 13/03/2024 à 08h00""#);
        assert_eq!(d.updated.unwrap().to_string(), "2024-03-13T07:00:00Z");
        // A year or a counter is not a date.
        for extra in [r#""date": 2024"#, r#""timestamp": 42"#] {
            assert_eq!(a_with(extra).published, None, "{extra}");
        }
        let d = a_with(
            r#""firstcreated": "2024-03-13T17:00:00Z", "versioncreated": "2024-03-14T08:30:00Z""#,
        );
        assert_eq!(d.published.unwrap().to_string(), "2024-03-13T17:00:00Z");
        assert_eq!(d.updated.unwrap().to_string(), "2024-03-14T08:30:00Z");
        let d =
            a_with(r#""modified": "2024-03-14T09:30:00", "modified_gmt": "2024-03-14T08:30:00""#);
        assert_eq!(d.updated.unwrap().to_string(), "2024-03-14T08:30:00Z");
    }

    #[test]
    fn ids_and_links() {
        // WordPress: the numeric id is a per-site counter, the guid is usable.
        let d = a_with(r#""id": 48213, "guid": {"rendered": "https://www.example.fr/?p=48213"}"#);
        assert_eq!(d.id, "https://www.example.fr/?p=48213");
        let d = a_with(r#""_id": {"$oid": "65f1c0a8e4b0a1b2c3d4e5f6"}"#);
        assert_eq!(d.id, "65f1c0a8e4b0a1b2c3d4e5f6");
        let d = a_with(
            r#""link": [{"@rel": "self", "@href": "https://www.example.fr/api/1"}, {"@rel": "alternate", "@href": "https://www.example.fr/metro"}]"#,
        );
        assert_eq!(d.url.as_deref(), Some("https://www.example.fr/metro"));
    }

    #[test]
    fn ndjson_lines_unwrap_records() {
        let line = r#"{"_index": "depeches", "_id": "belga-2024-0311-0087", "_source": {"title": "Bruxelles : la STIB annonce une grève mercredi", "body": ["Le réseau sera perturbé mercredi.", "<p>Seules quelques lignes de métro circuleront.</p>"], "published_at": 1710146700000, "author": "Belga"}}"#;
        let d = parse_line(line).unwrap().unwrap();
        assert_eq!(d.id, "belga-2024-0311-0087");
        assert_eq!(
            d.body,
            ["Le réseau sera perturbé mercredi.", "Seules quelques lignes de métro circuleront."]
        );
        assert_eq!(d.published.unwrap().to_string(), "2024-03-11T08:45:00Z");
        assert_eq!(d.agency.as_deref(), Some("Belga"));
        let line = format!(r#"{{"status": "ok", "data": {{"article": {A}}}}}"#);
        assert_eq!(parse_line(&line).unwrap().unwrap().title, TITLE_A);
    }

    #[test]
    fn reasons_name_what_is_missing() {
        let reason = |r: Result<Vec<Record>, ErrorKind>| match r {
            Err(ErrorKind::NotAnArticle(m)) => m,
            other => panic!("{other:?}"),
        };
        let m = reason(parse_document(r#"{"status": "ok", "data": {"total": 0, "articles": []}}"#));
        assert!(m.contains("without a title, body or text"), "{m}");
        assert!(m.contains("(keys: data, status); `data.articles` is empty"), "{m}");
        // Deeper than `MAX_DEPTH`.
        let m = reason(parse_document(&format!(
            r#"{{"a": {{"b": {{"c": {{"d": {{"articles": [{A}]}}}}}}}}}}"#
        )));
        assert!(m.contains("nor articles nested up to 4 levels down (keys: a)"), "{m}");

        let recs = parse_document(&format!(r#"{{"hits": {{"hits": [{{"_id": "x", "_index": "depeches", "_score": 1}}, {{"_source": {A}}}]}}}}"#)).unwrap();
        match &recs[0] {
            (Some(1), Err(ErrorKind::NotAnArticle(m))) => {
                assert_eq!(m, "no title and no body or text (keys: _id, _index, _score)")
            }
            other => panic!("{other:?}"),
        }
        assert!(recs[1].1.is_ok());

        let line = format!(r#"{{"data": {{"articles": [{A}, {B}]}}}}"#);
        match parse_line(&line) {
            Err(ErrorKind::NotAnArticle(m)) => assert!(m.contains("array of 2 articles"), "{m}"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn text_only_body_keys() {
        // AFP Core API: `news` is the list of paragraphs, also as the API nests it.
        let doc = r#"{"uno": "NEWS-FR-123-ABC", "lang": "fr", "headline": "Marseille : deux morts dans une fusillade", "news": ["Deux hommes ont été tués par balles dans la nuit.", "La procureure doit s'exprimer dans la journée."], "published": "2024-03-12T07:45:12Z", "creditLine": "AFP", "summary": ""}"#;
        for doc in [
            doc.to_owned(),
            format!("[{doc}]"),
            format!(
                r#"{{"response": {{"status": {{"code": 0}}, "numFound": 1, "docs": [{doc}]}}}}"#
            ),
        ] {
            let d = one(&doc);
            assert_eq!(d.id, "NEWS-FR-123-ABC", "{doc}");
            assert_eq!(d.body.len(), 2, "{doc}");
            assert_eq!(d.agency.as_deref(), Some("AFP"), "{doc}");
        }
        // A summarization data set's row: no title, one is made from the start of the text.
        let d = parse_line(r#"{"article": "Le festival de Cannes s'est ouvert mardi soir sous une pluie battante. Le jury est présidé par une réalisatrice.", "summary": "Ouverture du festival de Cannes sous la pluie.", "id": 42}"#).unwrap().unwrap();
        assert_eq!(d.lede.as_deref(), Some("Ouverture du festival de Cannes sous la pluie."));
        assert_eq!(d.body.len(), 1);
        // Elsewhere they wrap articles.
        let titles = |doc: &str| all_ok(doc).into_iter().map(|d| d.title).collect::<Vec<_>>();
        assert_eq!(titles(&format!(r#"{{"news": [{A}, {B}]}}"#)), [TITLE_A, TITLE_B]);
        assert_eq!(titles(&format!(r#"{{"status": "ok", "article": {A}}}"#)), [TITLE_A]);
    }

    #[test]
    fn headline_lists() {
        let doc = r#"{"search_metadata": {"status": "Success"}, "news_results": [{"position": 1, "title": "Tour de France 2024 : le parcours dévoilé", "source": {"name": "Le Quotidien du Sport", "authors": ["Pierre Martin"]}, "link": "https://www.example.fr/tdf.html", "date": "03/12/2024, 07:00 AM, +0000 UTC"}, {"position": 2, "title": "Cyclisme : Paris-Nice part de Mantes", "link": "https://www.example.fr/pn.html"}]}"#;
        let ds = all_ok(doc);
        assert_eq!(ds.len(), 2);
        assert_eq!(ds[0].title, "Tour de France 2024 : le parcours dévoilé");
        assert_eq!(ds[0].url.as_deref(), Some("https://www.example.fr/tdf.html"));
        // Articles with a text win over a list of links next to them.
        let doc = format!(
            r#"{{"related": [{{"title": "Autre", "url": "https://www.example.fr/a"}}], "articles": [{A}]}}"#
        );
        assert_eq!(one(&doc).title, TITLE_A);
    }

    #[test]
    fn ninjs_2() {
        let d = one(
            r#"{"uri": "urn:newsml:afp.com:20240312:doc-34ab12", "version": "3", "firstcreated": "2024-03-12T09:15:00+01:00", "headlines": [{"role": "short", "value": "Eau : tarif progressif"}, {"role": "main", "value": "Eau potable : le gouvernement présente une tarification progressive"}], "descriptions": [{"role": "summary", "value": "Les premiers mètres cubes seraient moins chers."}], "bodies": [{"role": "main", "contenttype": "text/html", "value": "<p>Le projet de loi a été présenté mercredi.</p><p>Les associations saluent une mesure attendue.</p>"}, {"role": "main-plain", "contenttype": "text/plain", "value": "Le projet de loi a été présenté mercredi."}], "by": "Julie Marchand et Paul Lenoir", "located": "Paris", "copyrightholder": "AFP"}"#,
        );
        assert_eq!(d.title, "Eau potable : le gouvernement présente une tarification progressive");
        assert_eq!(d.lede.as_deref(), Some("Les premiers mètres cubes seraient moins chers."));
        assert_eq!(
            d.body,
            [
                "Le projet de loi a été présenté mercredi.",
                "Les associations saluent une mesure attendue."
            ]
        );
        assert_eq!(d.authors, ["Julie Marchand", "Paul Lenoir"]);
        assert_eq!(d.location.as_deref(), Some("Paris"));
        assert_eq!(d.agency.as_deref(), Some("AFP"));
        assert_eq!(d.published.unwrap().to_string(), "2024-03-12T08:15:00Z");
    }

    #[test]
    fn values_one_after_another() {
        let titles = |recs: &[Record]| -> Vec<(Option<u64>, String)> {
            recs.iter()
                .map(|(n, r)| (*n, r.as_ref().map_or_else(|e| e.to_string(), |d| d.title.clone())))
                .collect()
        };
        // Compact, and pretty-printed one after another.
        let recs = parse_document(&format!("{A}{B}{A}")).unwrap();
        let want = [(Some(1), TITLE_A), (Some(2), TITLE_B), (Some(3), TITLE_A)];
        assert_eq!(titles(&recs), want.map(|(n, t)| (n, t.to_owned())));
        let pretty = |doc: &str| {
            serde_json::to_string_pretty(&serde_json::from_str::<Value>(doc).unwrap()).unwrap()
        };
        let recs = parse_document(&format!("{}\n{}\n", pretty(A), pretty(B))).unwrap();
        assert_eq!(titles(&recs), [(Some(1), TITLE_A.into()), (Some(2), TITLE_B.into())]);
        // An array followed by another value: numbered through the file.
        let recs =
            parse_document(&format!("[{A}, {B}]\n{{\"data\": {{\"article\": {A}}}}}")).unwrap();
        assert_eq!(recs.iter().map(|r| r.0).collect::<Vec<_>>(), [Some(1), Some(2), Some(3)]);
        // A broken value is reported at its place, the others kept.
        let doc =
            format!("{}\n{{\"title\": \"Coupé\", \"body\": \"Le texte\n{}\n", pretty(A), pretty(B));
        let recs = parse_document(&doc).unwrap();
        let t = titles(&recs);
        assert_eq!(t.len(), 3, "{t:?}");
        assert_eq!(t[0], (Some(1), TITLE_A.into()));
        assert_eq!(t[1].0, None);
        assert!(
            t[1].1.starts_with("parse error: invalid JSON: ")
                && t[1].1.ends_with(" at line 6 column 0"),
            "{}",
            t[1].1
        );
        assert_eq!(t[2], (Some(2), TITLE_B.into()));
        // An array broken in the middle, one element a line: the others kept, one error.
        let doc = format!("[\n{A},\n{{\"title\": \"Coupé\", \"body\": [}},\n{B}\n]\n");
        let t = titles(&parse_document(&doc).unwrap());
        assert_eq!(t.len(), 3, "{t:?}");
        assert!(t[0].0.is_none() && t[0].1.ends_with("at line 3 column 30"), "{t:?}");
        assert_eq!((&t[1], &t[2]), (&(Some(1), TITLE_A.into()), &(Some(2), TITLE_B.into())));
        // Junk after the document (a proxy's comment).
        let recs = parse_document(&format!("[{A}]\n<!-- cached -->\n")).unwrap();
        assert_eq!(recs[0].1.as_ref().unwrap().title, TITLE_A);
        assert_eq!(
            recs[1].1.as_ref().unwrap_err().to_string(),
            "parse error: invalid JSON: expected value at line 2 column 1"
        );
        // One broken document stays one error, positions as serde_json gives them.
        match parse_document("[\n  {\"title\": \"Virgule\"},\n]\n") {
            Err(ErrorKind::Parse(m)) => {
                assert_eq!(m, "invalid JSON: trailing comma at line 3 column 1")
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(parse_document("  \n"), Err(ErrorKind::Parse(_))));
    }

    #[test]
    fn strips_known_tags_only() {
        let cases = [
            ("Grève <em>illimitée</em> à la SNCF", "Grève illimitée à la SNCF"),
            ("<p>Un.</p><p>Deux.</p>", "Un. Deux."),
            ("Ligne<br/>C", "Ligne C"),
            ("<a href=\"/x\" title=\"a > b\">lien</a>", "b\">lien"),
            ("<<Non>> à la réforme", "<<Non>> à la réforme"),
            ("Hausse <5 % des prix", "Hausse <5 % des prix"),
            ("<Marie> et <emma>", "<Marie> et <emma>"),
            ("non fermé <em", "non fermé <em"),
            ("l&#8217;<i>Aquarius</i>", "l’Aquarius"),
        ];
        for (input, want) in cases {
            assert_eq!(normalize::clean_escaped(&strip_tags(input)), want, "{input:?}");
        }
    }

    /// The files of `tests/data/json-feeds`, read like any file.
    #[test]
    fn fixture_feeds() {
        let dir =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/data/json-feeds");
        let read = |name: &str| crate::read_file(&dir.join(name), &crate::Options::default());
        let ok = |name: &str| {
            let (ds, errors) = read(name);
            assert!(errors.is_empty(), "{name}: {errors:?}");
            ds
        };
        let ts = |t: Option<jiff::Timestamp>| t.map(|t| t.to_string());

        // The shape from the bug report.
        let ds = ok("cms-data-articles.json");
        assert_eq!(ds.len(), 2);
        let d = &ds[0];
        assert_eq!(d.id, "cms-2024-03-13-greve-sncf");
        assert_eq!(d.title, "Grève à la SNCF : trafic très perturbé jeudi");
        assert_eq!(
            d.lede.as_deref(),
            Some("La circulation des TGV sera fortement perturbée, prévient la direction.")
        );
        assert_eq!(
            d.body,
            [
                "Les syndicats de cheminots appellent à la grève jeudi pour réclamer des hausses de salaires.",
                "Selon la direction, un TGV sur trois circulera sur l’axe Sud-Est.",
            ]
        );
        assert_eq!(ts(d.published).as_deref(), Some("2024-03-13T17:00:00Z"));
        assert_eq!(d.authors, ["Marie Dupont"]);
        assert_eq!(d.section.as_deref(), Some("Économie"));
        assert_eq!(d.source.record, Some(1));
        assert_eq!(ds[1].authors, ["Julien Martin", "Sophie Bernard"]);
        assert_eq!(ds[1].section.as_deref(), Some("Société"));
        assert_eq!(ts(ds[1].published).as_deref(), Some("2024-03-14T07:15:00Z"));

        // (file, dispatches, first title, its publication, authors, section)
        type Case = (
            &'static str,
            usize,
            &'static str,
            &'static str,
            &'static [&'static str],
            Option<&'static str>,
        );
        let cases: &[Case] = &[
            (
                "wordpress-posts.json",
                2,
                "Bretagne : les ostréiculteurs inquiets après les pluies de l’hiver",
                "2024-03-12T08:30:00Z",
                &["Yann Le Goff"],
                Some("Environnement"),
            ),
            (
                "elasticsearch-hits.json",
                2,
                "Marseille : ouverture du procès de l'effondrement d'un immeuble du quartier de Noailles",
                "2024-03-13T09:12:00Z",
                &["Claire Moreau", "Thomas Petit"],
                Some("Société"),
            ),
            (
                "atom-feed.json",
                1,
                "Toulouse : la troisième ligne de métro franchit une nouvelle étape",
                "2024-03-11T06:45:00Z",
                &["Pierre Castan"],
                Some("Transports"),
            ),
            (
                "ninjs.json",
                1,
                "Hôpital : les urgences de Lyon-Sud fermées la nuit faute de médecins",
                "2024-03-14T15:02:00Z",
                &["Camille Roussel"],
                Some("Santé"),
            ),
            (
                "jsonfeed.json",
                1,
                "Saint-Nazaire : les Chantiers de l'Atlantique livrent un nouveau paquebot",
                "2024-03-10T18:30:00Z",
                &["Lucie Garnier"],
                None,
            ),
            (
                "nyt-docs.json",
                1,
                "En Catalogne, la sécheresse impose de nouvelles restrictions",
                "2024-03-13T17:00:00Z",
                &["Hélène Vidal"],
                Some("Monde"),
            ),
            (
                "ninjs2.json",
                1,
                "Eau potable : le gouvernement présente une tarification progressive",
                "2024-03-12T08:15:00Z",
                &["Julie Marchand", "Paul Lenoir"],
                None,
            ),
            (
                "elastic-dump.jsonl",
                2,
                "Bruxelles : la STIB annonce une grève mercredi",
                "2024-03-11T08:45:00Z",
                &["Belga"],
                Some("Belgique"),
            ),
        ];
        for (name, n, title, published, authors, section) in cases {
            let ds = ok(name);
            assert_eq!(ds.len(), *n, "{name}");
            let d = &ds[0];
            assert_eq!(d.title, *title, "{name}");
            assert!(!d.body.is_empty(), "{name}");
            assert_eq!(ts(d.published).as_deref(), Some(*published), "{name}");
            assert_eq!(d.authors, *authors, "{name}");
            assert_eq!(d.section.as_deref(), *section, "{name}");
        }

        // A press database's export: lede, notices, date and byline.
        let d = &ok("europresse-export.json")[0];
        assert_eq!(d.title, "Gaza : l'ONU alerte sur un risque de famine dans le nord");
        assert!(d.lede.as_deref().is_some_and(|l| l.starts_with("Le Programme alimentaire")));
        assert_eq!(d.body.len(), 2);
        assert_eq!(ts(d.published).as_deref(), Some("2024-03-12T00:00:00Z"));
        assert_eq!(d.authors, ["Benjamin Marchal"]);

        let (ds, errors) = read("empty-response.json");
        assert!(ds.is_empty());
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].kind().reason(), "not-an-article");
        assert!(errors[0].to_string().contains("`data.articles` is empty"), "{}", errors[0]);
    }
}
