//! `<meta>` and `<link>` tags: OpenGraph (`og:*`), `article:*`, Twitter cards, Dublin Core,
//! `description`, `keywords`, `rel=canonical`, and `<html lang>`.

use super::found::{self, Credit, Found};
use super::page::Page;
use crate::dates;

/// What the page's `<meta>` and `<link>` tags say.
pub(super) fn read(page: &Page<'_>) -> Found {
    let first = |keys: &[&str]| keys.iter().find_map(|k| page.meta(k).find_map(found::text));
    let date =
        |keys: &[&str]| keys.iter().flat_map(|k| page.meta(k)).find_map(|v| dates::parse(v.trim()));
    let mut authors: Vec<Credit> = Vec::new();
    for key in
        ["article:author", "author", "dc.creator", "dcterms.creator", "byl", "sailthru.author"]
    {
        for v in page.meta(key) {
            for c in found::names(v, false) {
                if !authors.contains(&c) {
                    authors.push(c);
                }
            }
        }
        if !authors.is_empty() {
            break;
        }
    }
    let mut keywords: Vec<String> = page.meta("article:tag").flat_map(found::keywords).collect();
    if keywords.is_empty() {
        keywords =
            first(&["news_keywords", "keywords"]).map(|k| found::keywords(&k)).unwrap_or_default();
    }
    let url = page
        .link("canonical")
        .or_else(|| page.meta("og:url").next())
        .map(str::trim)
        .filter(|u| found::is_url(u))
        .map(str::to_owned);
    let og_article = page.meta("og:type").any(|t| t.trim().eq_ignore_ascii_case("article"));
    Found {
        article: og_article || page.metas.iter().any(|(k, _)| k.starts_with("article:")),
        title: first(&["og:title", "twitter:title", "dc.title"]),
        description: first(&[
            "og:description",
            "twitter:description",
            "description",
            "dc.description",
        ]),
        body: Vec::new(),
        published: date(&[
            "article:published_time",
            "og:article:published_time",
            "datepublished",
            "pubdate",
            "publishdate",
            "dc.date.issued",
            "dcterms.created",
            "dc.date",
            "date",
        ]),
        updated: date(&[
            "article:modified_time",
            "og:updated_time",
            "datemodified",
            "dcterms.modified",
        ]),
        authors,
        publisher: first(&["og:site_name", "dc.publisher", "application-name"]),
        section: first(&["article:section", "section"]),
        keywords,
        url,
        language: page
            .lang
            .and_then(found::text)
            .or_else(|| first(&["og:locale", "content-language", "dc.language", "language"])),
        dateline: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    #[test]
    fn opengraph_and_article_tags() {
        let doc = Html::parse_document(
            r#"<html lang="fr"><head>
            <meta content="Les Palestiniens menacent de cesser leur coopération avec Israël" property="og:title"/>
            <meta content="Le président palestinien Mahmoud Abbas a renouvelé ses menaces." property="og:description"/>
            <meta content="2020-05-20T20:45:13+02:00" property="article:published_time"/>
            <meta content="2020-05-21T08:00:00+02:00" property="article:modified_time"/>
            <meta content="Monde" property="article:section"/>
            <meta content="conflit" property="article:tag"/><meta content="diplomatie" property="article:tag"/>
            <meta content="http://www.liberation.fr/auteur/2005-afp" property="article:author"/>
            <meta content="Orange Actu" property="og:site_name"/><meta content="article" property="og:type"/>
            <meta content="https://actu.orange.fr/monde/a.html" property="og:url"/>
            </head><body></body></html>"#,
        );
        let f = read(&Page::scan(&doc));
        assert!(f.article);
        assert_eq!(
            f.title.as_deref(),
            Some("Les Palestiniens menacent de cesser leur coopération avec Israël")
        );
        assert_eq!(
            f.description.as_deref(),
            Some("Le président palestinien Mahmoud Abbas a renouvelé ses menaces.")
        );
        assert_eq!(f.published.unwrap().to_string(), "2020-05-20T18:45:13Z");
        assert_eq!(f.updated.unwrap().to_string(), "2020-05-21T06:00:00Z");
        assert_eq!(f.section.as_deref(), Some("Monde"));
        assert_eq!(f.keywords, ["conflit", "diplomatie"]);
        assert!(f.authors.is_empty(), "a profile URL is not a name");
        assert_eq!(f.publisher.as_deref(), Some("Orange Actu"));
        assert_eq!(f.url.as_deref(), Some("https://actu.orange.fr/monde/a.html"));
        assert_eq!(f.language.as_deref(), Some("fr"));
    }

    #[test]
    fn plain_date_tags() {
        for tag in [
            r#"<meta name="date" content="2024-03-21T09:45:00+01:00">"#,
            r#"<meta name="pubdate" content="2024-03-21T09:45:00+01:00">"#,
        ] {
            let doc = Html::parse_document(&format!("<head>{tag}</head>"));
            let f = read(&Page::scan(&doc));
            assert_eq!(f.published.map(|t| t.to_string()).as_deref(), Some("2024-03-21T08:45:00Z"));
        }
    }

    #[test]
    fn plain_pages_are_not_articles() {
        let doc = Html::parse_document(
            r#"<head><meta name="description" content="Accueil"><meta name="keywords" content="actualités, news"><meta name="author" content="Anne Dupont"></head>"#,
        );
        let f = read(&Page::scan(&doc));
        assert!(!f.article);
        assert_eq!(f.description.as_deref(), Some("Accueil"));
        assert_eq!(f.keywords, ["actualités", "news"]);
        assert_eq!(f.authors, [Credit { name: "Anne Dupont".into(), organization: false }]);
    }
}
