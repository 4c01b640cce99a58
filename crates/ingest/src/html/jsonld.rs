//! JSON-LD (`<script type="application/ld+json">`): the article item, wherever it sits (top
//! level, an array, `@graph`, `mainEntity`), of any article type (`NewsArticle`,
//! `ReportageNewsArticle`, `BlogPosting`, a `@type` list holding one of them).
//!
//! Pages ship broken JSON-LD (raw line breaks in strings, trailing commas, HTML comment or
//! CDATA wrappers, two objects back to back); what can be repaired is, the rest is ignored.

use serde_json::{Map, Value};

use super::found::{self, Credit, Found};
use super::page::{is_article_type, type_name};
use crate::{dates, normalize};

/// The article item of the page's JSON-LD scripts, read into [`Found`]; the default when
/// there is none.
pub(super) fn read(scripts: &[String]) -> Found {
    let values: Vec<Value> = scripts.iter().flat_map(|s| parse_lenient(s)).collect();
    // The richest article item: the one with a headline and the most fields.
    let best = values
        .iter()
        .flat_map(objects)
        .filter(|o| types(o).iter().any(|t| is_article_type(t)))
        .max_by_key(|o| (o.contains_key("headline"), o.len()));
    let mut found = best.map(from_item).unwrap_or_default();
    if found.article && found.section.is_none() {
        found.section = breadcrumb_section(&values, found.title.as_deref());
    }
    found
}

/// The section a `BreadcrumbList` gives: its last item but the article itself and the home
/// page (`Accueil › Politique › Sénat : la réforme…` → `Politique`).
fn breadcrumb_section(values: &[Value], title: Option<&str>) -> Option<String> {
    let list = values.iter().flat_map(objects).find(|o| types(o).contains(&"BreadcrumbList"))?;
    let mut items: Vec<(i64, String)> = list
        .get("itemListElement")?
        .as_array()?
        .iter()
        .filter_map(|i| {
            let o = i.as_object()?;
            let position =
                o.get("position").and_then(|p| p.as_i64().or_else(|| p.as_str()?.parse().ok()));
            let name = o.get("name").or_else(|| o.get("item")).and_then(string)?;
            Some((position.unwrap_or(0), found::text(&name)?))
        })
        .collect();
    items.sort_by_key(|(p, _)| *p);
    let same = |a: &str, b: &str| normalize::label_key(a) == normalize::label_key(b);
    let home = |n: &str| {
        ["accueil", "home", "actualites", "actualite", "news"]
            .contains(&normalize::label_key(n).as_str())
    };
    items
        .into_iter()
        .map(|(_, name)| name)
        .rfind(|n| !title.is_some_and(|t| same(n, t)) && n.chars().count() <= 40 && !home(n))
}

/// Parses a script body, repairing what pages commonly break. A script may hold several
/// values back to back.
fn parse_lenient(raw: &str) -> Vec<Value> {
    let s = unwrap_script(raw);
    if let Ok(v) = serde_json::from_str::<Value>(s) {
        return vec![v];
    }
    let repaired = repair(s);
    serde_json::Deserializer::from_str(&repaired)
        .into_iter::<Value>()
        .map_while(Result::ok)
        .collect()
}

/// Removes the `<!-- -->` and `<![CDATA[ ]]>` wrappers some templates put around scripts.
fn unwrap_script(raw: &str) -> &str {
    let mut s = raw.trim();
    for (open, close) in [("<!--", "-->"), ("//<![CDATA[", "//]]>"), ("<![CDATA[", "]]>")] {
        if let Some(rest) = s.strip_prefix(open) {
            s = rest.trim();
            if let Some(rest) = s.strip_suffix(close) {
                s = rest.trim();
            }
        }
    }
    s.trim_end_matches(';').trim()
}

/// Control characters inside strings become spaces, line breaks their escapes (they may
/// separate paragraphs); commas before a closing bracket go.
fn repair(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in s.chars() {
        if in_string {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
            match c {
                '\n' => out.push_str("\\n"),
                c if c.is_control() => out.push(' '),
                c => out.push(c),
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '}' | ']' => {
                let kept = out.trim_end().len();
                if out[..kept].ends_with(',') {
                    out.truncate(kept - 1);
                }
            }
            _ => {}
        }
        out.push(c);
    }
    out
}

/// Every object in a value, depth first, without recursion.
fn objects(v: &Value) -> Vec<&Map<String, Value>> {
    let mut out = Vec::new();
    let mut stack = vec![v];
    while let Some(v) = stack.pop() {
        match v {
            Value::Object(o) => {
                out.push(o);
                stack.extend(o.values().rev());
            }
            Value::Array(a) => stack.extend(a.iter().rev()),
            _ => {}
        }
    }
    out
}

/// The `@type` names of an object (`@type` may be a string or a list).
fn types(o: &Map<String, Value>) -> Vec<&str> {
    match o.get("@type") {
        Some(Value::String(t)) => vec![type_name(t)],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).map(type_name).collect(),
        _ => Vec::new(),
    }
}

fn from_item(o: &Map<String, Value>) -> Found {
    let get = |keys: &[&str]| keys.iter().find_map(|k| o.get(*k)).and_then(string);
    let date = |keys: &[&str]| get(keys).and_then(|s| dates::parse(&s));
    let mut authors = Vec::new();
    for key in ["author", "creator"] {
        if let Some(v) = o.get(key) {
            authors.extend(credits(v));
        }
        if !authors.is_empty() {
            break;
        }
    }
    let body =
        o.get("articleBody").and_then(string).map(|b| body_paragraphs(&b)).unwrap_or_default();
    Found {
        article: true,
        title: get(&["headline", "name", "alternativeHeadline"]).and_then(|s| found::text(&s)),
        description: get(&["description", "abstract"]).and_then(|s| found::text(&s)),
        body,
        published: date(&["datePublished", "dateCreated"]),
        updated: date(&["dateModified"]),
        authors,
        publisher: ["publisher", "sourceOrganization", "provider"]
            .iter()
            .filter_map(|k| o.get(*k))
            .flat_map(credits)
            .map(|c| c.name)
            .next(),
        section: get(&["articleSection"]).and_then(|s| found::text(&s)),
        keywords: o.get("keywords").map(keywords).unwrap_or_default(),
        url: ["url", "mainEntityOfPage", "@id"]
            .iter()
            .filter_map(|k| o.get(*k))
            .filter_map(url)
            .next(),
        language: get(&["inLanguage"]).and_then(|s| found::text(&s)),
        dateline: get(&["dateline"]).and_then(|s| found::text(&s)),
    }
}

/// Paragraphs of an `articleBody`: markup is read as a page body is (some sites put the
/// article's HTML there), plain text split on blank lines, else on line breaks.
fn body_paragraphs(b: &str) -> Vec<String> {
    if is_markup(b) {
        return super::fragment_paragraphs(b);
    }
    let b = normalize::decode_entities(b);
    normalize::paragraphs(&b, !b.contains("\n\n"))
}

/// Whether a text holds HTML tags (`<p>`, `</p>`, `<br/>`, `<h2 class=…>`), not a lone `<`.
fn is_markup(s: &str) -> bool {
    const TAGS: &[&str] = &[
        "p",
        "br",
        "div",
        "h2",
        "h3",
        "h4",
        "ul",
        "li",
        "strong",
        "em",
        "a",
        "span",
        "blockquote",
    ];
    s.match_indices('<').any(|(i, _)| {
        let rest = s[i + 1..].trim_start_matches('/');
        let name: String =
            rest.chars().take_while(char::is_ascii_alphanumeric).collect::<String>().to_lowercase();
        TAGS.contains(&name.as_str()) && rest[name.len()..].starts_with(['>', ' ', '/'])
    })
}

/// A string value; the first usable element of a list; the `name` (or `@value`, `text`,
/// `alternateName`) of an object.
fn string(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()).filter(|s| !s.trim().is_empty()),
        Value::Number(n) => Some(n.to_string()),
        Value::Array(a) => a.iter().find_map(string),
        Value::Object(o) => ["name", "@value", "text", "alternateName"]
            .iter()
            .find_map(|k| o.get(*k))
            .and_then(string),
        _ => None,
    }
}

/// Authors or publishers: strings, `{"@type": "Person", "name": …}` objects, or lists of both.
fn credits(v: &Value) -> Vec<Credit> {
    match v {
        Value::Array(a) => a.iter().flat_map(credits).collect(),
        Value::Object(o) => {
            let organization = types(o).iter().any(|t| t.contains("Organization"));
            o.get("name")
                .and_then(string)
                .map(|n| found::names(&n, organization))
                .unwrap_or_default()
        }
        Value::String(s) => found::names(s, false),
        _ => Vec::new(),
    }
}

fn keywords(v: &Value) -> Vec<String> {
    match v {
        Value::Array(a) => a.iter().filter_map(string).filter_map(|s| found::text(&s)).collect(),
        _ => string(v).map(|s| found::keywords(&s)).unwrap_or_default(),
    }
}

/// A URL: a string, or an object's `@id` or `url`.
fn url(v: &Value) -> Option<String> {
    let s = match v {
        Value::String(s) => s.clone(),
        Value::Object(o) => ["@id", "url"].iter().find_map(|k| o.get(*k)?.as_str())?.to_owned(),
        _ => return None,
    };
    found::is_url(&s).then(|| s.trim().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(script: &str) -> Found {
        read(&[script.to_owned()])
    }

    #[test]
    fn news_article_fields() {
        let f = one(r#"{"@context": "https://schema.org", "@type": "NewsArticle",
            "headline": "Jens Stoltenberg : l&#39;OTAN demeure ouverte au dialogue",
            "description": "Le secrétaire général exhorte la Russie à la désescalade",
            "datePublished": "2022-02-15T10:12:00+03:00", "dateModified": "2022-02-15T11:00:00+03:00",
            "author": [{"@type": "Person", "name": "Agnes Szucs"}],
            "publisher": {"@type": "Organization", "name": "Agence Anadolu"},
            "articleSection": "Politique", "keywords": "OTAN, Russie, Ukraine",
            "mainEntityOfPage": {"@id": "https://www.aa.com.tr/fr/politique/otan/1"},
            "inLanguage": "fr", "dateline": "Bruxelles",
            "articleBody": "Premier paragraphe.\n\nSecond paragraphe."}"#);
        assert!(f.article);
        assert_eq!(
            f.title.as_deref(),
            Some("Jens Stoltenberg : l'OTAN demeure ouverte au dialogue")
        );
        assert_eq!(f.published.unwrap().to_string(), "2022-02-15T07:12:00Z");
        assert_eq!(f.updated.unwrap().to_string(), "2022-02-15T08:00:00Z");
        assert_eq!(f.authors, [Credit { name: "Agnes Szucs".into(), organization: false }]);
        assert_eq!(f.publisher.as_deref(), Some("Agence Anadolu"));
        assert_eq!(f.section.as_deref(), Some("Politique"));
        assert_eq!(f.keywords, ["OTAN", "Russie", "Ukraine"]);
        assert_eq!(f.url.as_deref(), Some("https://www.aa.com.tr/fr/politique/otan/1"));
        assert_eq!(f.language.as_deref(), Some("fr"));
        assert_eq!(f.dateline.as_deref(), Some("Bruxelles"));
        assert_eq!(f.body, ["Premier paragraphe.", "Second paragraphe."]);
    }

    #[test]
    fn finds_the_article_in_graphs_lists_and_type_lists() {
        let cases = [
            r#"{"@graph": [{"@type": "WebSite", "name": "Site"}, {"@type": "ReportageNewsArticle", "headline": "Titre"}]}"#,
            r#"[{"@type": "BreadcrumbList"}, {"@type": ["Article", "NewsArticle"], "headline": "Titre"}]"#,
            r#"{"@type": "WebPage", "name": "Page", "mainEntity": {"@type": "http://schema.org/BlogPosting", "headline": "Titre"}}"#,
        ];
        for c in cases {
            assert_eq!(one(c).title.as_deref(), Some("Titre"), "{c}");
        }
        assert_eq!(one(r#"{"@type": "Organization", "name": "AFP"}"#), Found::default());
    }

    #[test]
    fn repairs_or_ignores_broken_json() {
        let cases = [
            ("<!--{\"@type\": \"NewsArticle\", \"headline\": \"Titre\"}-->", Some("Titre")),
            (
                "{\"@type\": \"NewsArticle\", \"headline\": \"Ligne\ncoupée\",}",
                Some("Ligne coupée"),
            ),
            (
                "{\"@type\": \"NewsArticle\", \"headline\": \"Un\"}{\"@type\": \"Thing\"}",
                Some("Un"),
            ),
            ("{\"@type\": \"NewsArticle\", \"headline\": ", None),
            ("", None),
            ("]]]}}}", None),
        ];
        for (script, want) in cases {
            assert_eq!(one(script).title.as_deref(), want, "{script:?}");
        }
    }

    #[test]
    fn article_bodies_in_markup_or_with_raw_line_breaks() {
        let html = one(
            r#"{"@type": "NewsArticle", "articleBody": "<p>La hausse des prix a ralenti.</p><p>Ce ralentissement s&#039;explique par l'énergie.</p><h2>Vers 2,5 % en juin ?</h2><p>Le ministre l'a dit.</p>"}"#,
        );
        assert_eq!(
            html.body,
            [
                "La hausse des prix a ralenti.",
                "Ce ralentissement s'explique par l'énergie.",
                "Vers 2,5 % en juin ?",
                "Le ministre l'a dit."
            ]
        );
        // Invalid JSON: line breaks left raw in the string.
        let raw =
            one("{\"@type\": \"NewsArticle\", \"articleBody\": \"Premier.\n\nSecond, si 2 < 3.\"}");
        assert_eq!(raw.body, ["Premier.", "Second, si 2 < 3."]);
    }

    #[test]
    fn section_from_a_breadcrumb_list() {
        let graph = r#"{"@context": "https://schema.org", "@graph": [{"@type": "WebSite", "name": "Ouest Info"},
            {"@type": "BreadcrumbList", "itemListElement": [{"@type": "ListItem", "position": 3, "name": "Sénat : la réforme adoptée"}, {"@type": "ListItem", "position": 1, "name": "Accueil"}, {"@type": "ListItem", "position": 2, "item": {"@id": "https://x/politique", "name": "Politique"}}]},
            {"@type": ["NewsArticle"], "headline": "Sénat : la réforme adoptée"}]}"#;
        assert_eq!(read(&[graph.to_owned()]).section.as_deref(), Some("Politique"));
        // An `articleSection` wins; a list of the home page alone gives none.
        let own = graph.replace(r#""headline""#, r#""articleSection": "Social", "headline""#);
        assert_eq!(read(&[own]).section.as_deref(), Some("Social"));
        let home = r#"[{"@type": "BreadcrumbList", "itemListElement": [{"position": 1, "name": "Accueil"}]}, {"@type": "NewsArticle", "headline": "Titre"}]"#;
        assert_eq!(read(&[home.to_owned()]).section, None);
    }

    #[test]
    fn organization_authors_are_flagged() {
        let f = one(
            r#"{"@type": "NewsArticle", "author": {"@type": "NewsMediaOrganization", "name": "AFP"}}"#,
        );
        assert_eq!(f.authors, [Credit { name: "AFP".into(), organization: true }]);
    }
}
