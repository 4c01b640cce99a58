//! Saved HTML article pages.

use crate::dispatch::Dispatch;
use crate::error::ErrorKind;
use crate::normalize;

/// Parses a saved HTML article page.
pub(crate) fn parse(_text: &str) -> Result<Dispatch, ErrorKind> {
    Err(ErrorKind::Unrecognized("HTML reader not written yet".into()))
}

/// Paragraphs of an HTML fragment (a body field holding markup).
pub(crate) fn fragment_paragraphs(s: &str) -> Vec<String> {
    let frag = scraper::Html::parse_fragment(s);
    let sel = scraper::Selector::parse("p").expect("static selector");
    let ps: Vec<String> = frag
        .select(&sel)
        .map(|p| normalize::clean(&p.text().collect::<String>()))
        .filter(|p| !p.is_empty())
        .collect();
    if ps.is_empty() {
        normalize::clean_opt(&frag.root_element().text().collect::<String>()).into_iter().collect()
    } else {
        ps
    }
}
