//! Europresse HTML exports: one `<article>` per document, its parts marked by class names.
//!
//! ```text
//! <article>
//!   .DocPublicationName      paper
//!   .DocHeader               `Économie, mardi 12 mars 2024 612 mots, p. 8`
//!   .titreArticle            headline
//!   .docAuthors              byline
//!   .docOcurrContainer       text, in <p>
//!   .Doc-LegalInfo           copyright and certificate
//!   .publiC-lblNodoc         document id `news·20240312·LM·…`
//! </article>
//! ```

use scraper::{ElementRef, Html, Selector};

use crate::dispatch::{Dispatch, Format};
use crate::error::ErrorKind;
use crate::normalize;

/// The class names that mark a Europresse document.
const MARKS: &[&str] = &[
    "DocPublicationName",
    "DocHeader",
    "titreArticle",
    "docOcurrContainer",
    "publiC-lblNodoc",
    "Doc-LegalInfo",
    "docAuthors",
];

/// Three of Europresse's class names in the markup.
pub(super) fn sniff(text: &str) -> bool {
    MARKS.iter().filter(|m| text.contains(*m)).count() >= 3
}

fn selector(s: &str) -> Selector {
    Selector::parse(s).expect("valid selector")
}

/// Reads every document of the page.
pub(super) fn parse(text: &str) -> Vec<Result<Dispatch, ErrorKind>> {
    let page = Html::parse_document(text);
    let articles = selector("article");
    let outermost: Vec<ElementRef> = page
        .select(&articles)
        .filter(|a| {
            !a.ancestors().filter_map(ElementRef::wrap).any(|e| e.value().name() == "article")
        })
        .collect();
    if outermost.is_empty() {
        return vec![article(page.root_element())];
    }
    outermost.into_iter().map(article).collect()
}

/// The cleaned text of the first element matching `css` in `scope`.
fn first_text(scope: ElementRef, css: &str) -> Option<String> {
    let el = scope.select(&selector(css)).next()?;
    normalize::clean_opt(&el.text().collect::<Vec<_>>().join(" "))
}

fn article(el: ElementRef) -> Result<Dispatch, ErrorKind> {
    let mut d = Dispatch { format: Format::Europresse, ..Dispatch::default() };
    let paper = first_text(el, ".DocPublicationName, .rdp__DocPublicationName").map(|p| {
        let p = p.split(", no.").next().unwrap_or(&p);
        p.split(", n°").next().unwrap_or(p).trim().to_owned()
    });
    if let Some(header) = first_text(el, ".DocHeader, .rdp__DocHeader") {
        for line in header.split('\n') {
            if let Some(h) = super::europresse::header_line(line) {
                d.published = d.published.or(h.date);
                d.section = d.section.take().or(h.section);
            }
        }
    }
    d.section = super::europresse::section_without_paper(d.section.take(), paper.as_deref());
    d.title =
        first_text(el, ".titreArticle, .titreArticleVisu, .rdp__articletitle").unwrap_or_default();
    if let Some(byline) = first_text(el, ".docAuthors") {
        d.authors = super::byline_authors(&byline);
    }
    if let Some(id) = first_text(el, ".publiC-lblNodoc") {
        d.id = id;
    }
    if let Some(text) = el.select(&selector(".docOcurrContainer, .DocText")).next() {
        d.body = crate::html::fragment_paragraphs(&text.inner_html());
    }
    if d.body.is_empty() {
        return Err(super::damaged(&d.title));
    }
    super::credit_source(&mut d, paper);
    Ok(d)
}
