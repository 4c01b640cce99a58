//! One walk over the whole document that gathers the raw material of every metadata source:
//! `<meta>` and `<link>` tags, `<title>`, `<html lang>`, JSON-LD scripts, microdata properties
//! with the item scope that owns them, and the `<h1>` headings.

use scraper::{ElementRef, Html};

use super::walk::{Visitor, walk};

/// The metadata material of a page, borrowed from its parsed tree.
#[derive(Default)]
pub(super) struct Page<'a> {
    /// `<html lang>` (or `xml:lang`).
    pub lang: Option<&'a str>,
    /// `<meta property|name=… content=…>`, the key lowercased, in document order.
    pub metas: Vec<(String, &'a str)>,
    /// `<link rel=… href=…>`, the relation lowercased.
    pub links: Vec<(String, &'a str)>,
    /// Text of the first `<title>` outside `<svg>`.
    pub title: Option<String>,
    /// Bodies of `<script type="application/ld+json">`.
    pub scripts: Vec<String>,
    /// Microdata properties, in document order.
    pub props: Vec<Prop<'a>>,
    /// Microdata item scopes; [`Prop::scope`] indexes into it.
    pub scopes: Vec<Scope<'a>>,
    /// `<h1>` elements, each with whether it sits inside an `<article>` or an article item.
    pub h1s: Vec<(ElementRef<'a>, bool)>,
    /// `<h2>` elements: pages without an `<h1>` may head the article with one.
    pub h2s: Vec<ElementRef<'a>>,
}

/// An element carrying `itemprop`.
pub(super) struct Prop<'a> {
    /// The property names (`itemprop` may list several), as written.
    pub names: &'a str,
    /// The element.
    pub el: ElementRef<'a>,
    /// The item scope the property belongs to (the nearest enclosing `itemscope`, not the
    /// element's own).
    pub scope: Option<usize>,
}

impl Prop<'_> {
    /// Whether one of the property names is `name` (compared without case: pages write
    /// `Headline` and `headline`).
    pub fn is(&self, name: &str) -> bool {
        self.names.split_whitespace().any(|n| n.eq_ignore_ascii_case(name))
    }
}

/// An element carrying `itemscope`.
pub(super) struct Scope<'a> {
    /// The `itemtype` IRI, empty when absent.
    pub kind: &'a str,
    /// The element.
    pub el: ElementRef<'a>,
}

impl Scope<'_> {
    /// The schema.org type name, without its IRI prefix (`http://schema.org/NewsArticle` →
    /// `NewsArticle`).
    pub fn type_name(&self) -> &str {
        self.kind.split_whitespace().next().map(type_name).unwrap_or_default()
    }
}

/// The last segment of a type IRI.
pub(super) fn type_name(iri: &str) -> &str {
    iri.trim().trim_end_matches('/').rsplit(['/', ':', '#']).next().unwrap_or_default()
}

/// Whether a schema.org type name is an article (`NewsArticle`, `ReportageNewsArticle`,
/// `BlogPosting`, …).
pub(super) fn is_article_type(name: &str) -> bool {
    name.ends_with("Article")
        || matches!(name, "BlogPosting" | "LiveBlogPosting" | "Report" | "SocialMediaPosting")
}

impl<'a> Page<'a> {
    /// Gathers the material of a parsed document.
    pub fn scan(doc: &'a Html) -> Page<'a> {
        let root = doc.root_element();
        let mut scan = Scan {
            page: Page {
                lang: root.attr("lang").or_else(|| root.attr("xml:lang")),
                ..Page::default()
            },
            open_scopes: Vec::new(),
            articles: 0,
            svg: 0,
            title: None,
            script: None,
        };
        walk(root, &mut scan);
        scan.page
    }

    /// Contents of the `<meta>` tags named `key` (lowercase), in document order.
    pub fn meta(&self, key: &str) -> impl Iterator<Item = &'a str> {
        self.metas.iter().filter(move |(k, _)| k == key).map(|(_, v)| *v)
    }

    /// The first `<link rel=…>` target with relation `rel`.
    pub fn link(&self, rel: &str) -> Option<&'a str> {
        self.links.iter().find(|(r, _)| r.split_whitespace().any(|r| r == rel)).map(|(_, h)| *h)
    }
}

struct Scan<'a> {
    page: Page<'a>,
    /// Scopes open around the current node, innermost last.
    open_scopes: Vec<usize>,
    /// Open `<article>` elements and article items.
    articles: usize,
    /// Open `<svg>` elements (their `<title>` is not the page's).
    svg: usize,
    title: Option<String>,
    script: Option<String>,
}

impl<'a> Visitor<'a> for Scan<'a> {
    fn open(&mut self, el: ElementRef<'a>) -> bool {
        let e = el.value();
        match e.name() {
            "meta" => {
                let key =
                    e.attr("property").or_else(|| e.attr("name")).or_else(|| e.attr("http-equiv"));
                if let (Some(key), Some(content)) = (key, e.attr("content")) {
                    self.page.metas.push((key.trim().to_lowercase(), content));
                }
            }
            "link" => {
                if let (Some(rel), Some(href)) = (e.attr("rel"), e.attr("href")) {
                    self.page.links.push((rel.to_lowercase(), href));
                }
            }
            "title" if self.svg == 0 && self.page.title.is_none() => {
                self.title = Some(String::new())
            }
            "script" => {
                let ld = e.attr("type").is_some_and(|t| t.to_ascii_lowercase().contains("ld+json"));
                if ld {
                    self.script = Some(String::new());
                }
            }
            "svg" => self.svg += 1,
            "article" => self.articles += 1,
            "h1" => self.page.h1s.push((el, self.articles > 0)),
            "h2" => self.page.h2s.push(el),
            _ => {}
        }
        if let Some(names) = e.attr("itemprop") {
            let scope = self.open_scopes.last().copied();
            self.page.props.push(Prop { names, el, scope });
        }
        if e.attr("itemscope").is_some() {
            let scope = Scope { kind: e.attr("itemtype").unwrap_or_default(), el };
            if is_article_type(scope.type_name()) {
                self.articles += 1;
            }
            self.open_scopes.push(self.page.scopes.len());
            self.page.scopes.push(scope);
        }
        true
    }

    fn close(&mut self, el: ElementRef<'a>) {
        let e = el.value();
        match e.name() {
            "title" => {
                if let Some(t) = self.title.take() {
                    self.page.title = Some(t);
                }
            }
            "script" => {
                if let Some(s) = self.script.take() {
                    self.page.scripts.push(s);
                }
            }
            "svg" => self.svg = self.svg.saturating_sub(1),
            "article" => self.articles = self.articles.saturating_sub(1),
            _ => {}
        }
        if e.attr("itemscope").is_some()
            && let Some(i) = self.open_scopes.pop()
            && is_article_type(self.page.scopes[i].type_name())
        {
            self.articles = self.articles.saturating_sub(1);
        }
    }

    fn text(&mut self, text: &'a str) {
        if let Some(t) = self.title.as_mut() {
            t.push_str(text);
        } else if let Some(s) = self.script.as_mut() {
            s.push_str(text);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gathers_every_source() {
        let doc = Html::parse_document(
            r#"<html lang="fr"><head><title>Titre | Site</title>
            <meta property="og:title" content="Titre">
            <meta name="Description" content="Chapô">
            <link rel="canonical" href="https://exemple.fr/a.html">
            <script type="application/ld+json">{"@type": "NewsArticle"}</script>
            </head><body><svg><title>icône</title></svg>
            <article itemscope itemtype="http://schema.org/NewsArticle">
              <h1 itemprop="headline">Titre</h1>
              <span itemprop="author" itemscope itemtype="http://schema.org/Person"><span itemprop="name">Anne</span></span>
            </article><h1>Autre</h1></body></html>"#,
        );
        let page = Page::scan(&doc);
        assert_eq!(page.lang, Some("fr"));
        assert_eq!(page.title.as_deref(), Some("Titre | Site"));
        assert_eq!(page.meta("og:title").collect::<Vec<_>>(), ["Titre"]);
        assert_eq!(page.meta("description").next(), Some("Chapô"));
        assert_eq!(page.link("canonical"), Some("https://exemple.fr/a.html"));
        assert_eq!(page.scripts, [r#"{"@type": "NewsArticle"}"#]);
        assert_eq!(page.scopes.len(), 2);
        assert_eq!(page.scopes[0].type_name(), "NewsArticle");
        let owners: Vec<(&str, Option<usize>)> =
            page.props.iter().map(|p| (p.names, p.scope)).collect();
        assert_eq!(owners, [("headline", Some(0)), ("author", Some(0)), ("name", Some(1))]);
        let h1s: Vec<bool> = page.h1s.iter().map(|(_, in_article)| *in_article).collect();
        assert_eq!(h1s, [true, false]);
    }

    #[test]
    fn type_names() {
        assert_eq!(type_name("http://schema.org/NewsArticle"), "NewsArticle");
        assert_eq!(type_name("https://schema.org/ReportageNewsArticle/"), "ReportageNewsArticle");
        assert_eq!(type_name("schema:Article"), "Article");
        assert!(is_article_type("ReportageNewsArticle"));
        assert!(is_article_type("BlogPosting"));
        assert!(!is_article_type("WebPage"));
    }
}
