//! Microdata (`itemscope` / `itemprop`): the properties of the page's article item.
//!
//! Only properties owned by the article item count, so the `description` of a photo item
//! (its caption) is not taken for the standfirst. Pages without an article item still give
//! their `articleBody` element.

use scraper::ElementRef;

use super::found::{self, Credit, Found};
use super::page::{Page, Prop, is_article_type};
use crate::dates;

/// What the article item says, and the `articleBody` elements of the page (largest text
/// first).
pub(super) fn read<'a>(page: &Page<'a>) -> (Found, Vec<ElementRef<'a>>) {
    let article = page.scopes.iter().position(|s| is_article_type(s.type_name()));
    let owned = |p: &&Prop<'a>| article.is_some() && p.scope == article;
    let props: Vec<&Prop<'a>> = page.props.iter().filter(owned).collect();
    let value = |name: &str| props.iter().filter(|p| p.is(name)).find_map(|p| value(p.el));
    let text = |name: &str| value(name).and_then(|v| found::text(&v));
    let date = |name: &str| value(name).and_then(|v| dates::parse(&v));

    let mut authors: Vec<Credit> = Vec::new();
    for p in props.iter().filter(|p| p.is("author") || p.is("creator")) {
        for c in credits(page, p) {
            if !authors.iter().any(|a| a.name == c.name) {
                authors.push(c);
            }
        }
    }
    let publisher = props
        .iter()
        .filter(|p| p.is("publisher") || p.is("sourceOrganization") || p.is("provider"))
        .flat_map(|p| credits(page, p))
        .map(|c| c.name)
        .next();
    // A teaser cut with an ellipsis is not the headline.
    let title = text("headline").filter(|t| !t.ends_with("...") && !t.ends_with('…'));

    let mut bodies: Vec<(usize, ElementRef<'a>)> = page
        .props
        .iter()
        .filter(|p| p.is("articleBody") && p.el.value().name() != "meta")
        .map(|p| (p.el.text().map(str::len).sum(), p.el))
        .collect();
    bodies.sort_by_key(|(len, _)| std::cmp::Reverse(*len));

    let found = Found {
        article: article.is_some(),
        title,
        description: text("description"),
        body: Vec::new(),
        published: date("datePublished").or_else(|| date("dateCreated")),
        updated: date("dateModified"),
        authors,
        publisher,
        section: text("articleSection"),
        keywords: value("keywords").map(|k| found::keywords(&k)).unwrap_or_default(),
        url: ["url", "mainEntityOfPage"]
            .iter()
            .find_map(|n| value(n))
            .map(|u| u.trim().to_owned())
            .filter(|u| found::is_url(u)),
        language: text("inLanguage"),
        dateline: None,
    };
    (found, bodies.into_iter().map(|(_, el)| el).collect())
}

/// The value of a property element: `content`, `datetime`, a link target, or the text.
fn value(el: ElementRef<'_>) -> Option<String> {
    let e = el.value();
    let attr = match e.name() {
        "meta" => e.attr("content"),
        "time" => e.attr("datetime"),
        "link" | "a" | "area" => e.attr("href"),
        _ => e.attr("content"),
    };
    let v = attr.map(str::to_owned).unwrap_or_else(|| el.text().collect());
    (!v.trim().is_empty()).then_some(v)
}

/// Names from an author or publisher property: the `name` of its item when it is one,
/// otherwise its text when that is short enough to be a byline, otherwise its first link.
fn credits(page: &Page<'_>, p: &Prop<'_>) -> Vec<Credit> {
    let own = page.scopes.iter().position(|s| s.el == p.el);
    if let Some(scope) = own {
        let organization = page.scopes[scope].type_name().contains("Organization");
        let name = page
            .props
            .iter()
            .filter(|q| q.scope == Some(scope) && q.is("name"))
            .find_map(|q| value(q.el));
        return name.map(|n| found::names(&n, organization)).unwrap_or_default();
    }
    let text = value(p.el).unwrap_or_default();
    if text.split_whitespace().count() <= 12 {
        return found::names(&text, false);
    }
    let link = p.el.descendent_elements().find(|e| e.value().name() == "a");
    link.map(|a| found::names(&a.text().collect::<String>(), false)).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    const ORANGE: &str = r#"<html><body>
        <div itemprop="image" itemscope itemtype="http://schema.org/ImageObject">
          <div itemprop="name">Mahmoud Abbas le 19 mai 2020</div><div itemprop="description">Légende</div>
        </div>
        <article itemscope itemtype="http://schema.org/Article">
          <span itemprop="publisher" itemscope itemtype="https://schema.org/Organization"><meta content="Orange Actu" itemprop="name"/></span>
          <meta content="2020-05-20" itemprop="datePublished"/>
          <meta content=" Le président palestinien Mahmoud Abbas a renouvelé..." itemprop="headline"/>
          <div itemprop="articleBody"><p class="date"><span itemprop="author" itemscope itemtype="http://schema.org/Organization"><span itemprop="name">Orange avec AFP</span></span>, publié le mercredi 20 mai 2020</p>
          <p>Le président palestinien.</p></div>
        </article></body></html>"#;

    #[test]
    fn article_item_properties() {
        let doc = Html::parse_document(ORANGE);
        let (f, bodies) = read(&Page::scan(&doc));
        assert!(f.article);
        assert_eq!(f.title, None, "a teaser cut with an ellipsis is no headline");
        assert_eq!(f.description, None, "the photo's description belongs to the photo");
        assert_eq!(f.published.unwrap().to_string(), "2020-05-20T00:00:00Z");
        assert_eq!(f.authors, [Credit { name: "Orange avec AFP".into(), organization: true }]);
        assert_eq!(f.publisher.as_deref(), Some("Orange Actu"));
        assert_eq!(bodies.len(), 1);
    }

    #[test]
    fn visible_properties_and_long_bylines() {
        let doc = Html::parse_document(
            r#"<article itemscope itemtype="http://schema.org/NewsArticle">
            <h1 itemprop="Headline">Le projet de loi sur le renseignement massivement approuvé</h1>
            <time datetime="2015-05-04T13:36:31+02:00" itemprop="datePublished">04.05.2015 à 13h36</time>
            <span itemprop="author"><a href="/j/mu">Martin Untersinger</a> (avec Damien Leloup et Morgane Tual)</span>
            <li itemprop="author"><a href="/j/mu">Martin Untersinger</a> (avec Damien Leloup et Morgane Tual)
              Journaliste au Monde Suivre Aller sur la page de ce journaliste Suivre ce journaliste sur twitter</li>
            </article>"#,
        );
        let (f, bodies) = read(&Page::scan(&doc));
        assert_eq!(
            f.title.as_deref(),
            Some("Le projet de loi sur le renseignement massivement approuvé")
        );
        assert_eq!(f.published.unwrap().to_string(), "2015-05-04T11:36:31Z");
        let names: Vec<&str> = f.authors.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["Martin Untersinger", "Damien Leloup", "Morgane Tual"]);
        assert!(bodies.is_empty());
    }
}
