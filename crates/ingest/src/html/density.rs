//! The main text of a page of unknown template: the container holding the densest block of
//! paragraph text.
//!
//! Each element is scored by the text of its direct `<p>` children (and of long runs of loose
//! text inside it, directly or through inline elements such as `<span>`), minus their link
//! text, so a list of headlines scores low
//! however long it is. Furniture subtrees (navigation, sidebars, related articles, …) are not
//! counted. The best container wins, joined by the siblings that score nearly as well (an
//! article split around an advertisement).

use std::collections::HashMap;

use scraper::ElementRef;

use super::boiler;
use super::walk::{Visitor, walk};

/// Smallest score (non-link characters) for a container to count as an article body.
const MIN_SCORE: usize = 140;

/// A `<p>` shorter than this (non-space characters) is a label, not a paragraph.
const MIN_PARAGRAPH: usize = 20;

/// Loose text (outside `<p>`) counts when at least this long.
const MIN_LOOSE: usize = 60;

/// Elements that hold loose text as a paragraph would.
const LOOSE_HOLDERS: &[&str] =
    &["div", "section", "article", "main", "td", "body", "center", "font"];

/// Inline elements: loose text inside them belongs to the block around them
/// (`<div class="c-paragraph"><span>…</span></div>`).
const INLINE: &[&str] = &[
    "span", "em", "i", "b", "strong", "small", "u", "mark", "q", "cite", "abbr", "sup", "sub",
    "time", "s", "del", "ins", "big", "tt", "code", "dfn", "var", "bdi", "bdo",
];

/// The containers of the main text, in document order; empty when no block of paragraphs is
/// large enough.
pub(super) fn main_text<'a>(root: ElementRef<'a>) -> Vec<ElementRef<'a>> {
    let mut d = Density { scores: Vec::new(), frames: Vec::new(), paras: Vec::new(), links: 0 };
    walk(root, &mut d);
    let Some(best) = d.scores.iter().enumerate().max_by_key(|(_, (_, s))| *s).map(|(i, _)| i)
    else {
        return Vec::new();
    };
    let (best_el, best_score) = d.scores[best];
    if best_score < MIN_SCORE {
        return Vec::new();
    }
    // Siblings scoring at least a third of the best belong to the same text.
    let Some(parent) = best_el.parent() else {
        return vec![best_el];
    };
    let by_id: HashMap<_, usize> = d.scores.iter().map(|(e, s)| (e.id(), *s)).collect();
    let score_of = |el: ElementRef<'a>| by_id.get(&el.id()).copied();
    parent
        .children()
        .filter_map(ElementRef::wrap)
        .filter(|el| {
            *el == best_el
                || score_of(*el).is_some_and(|s| s * 3 >= best_score && s >= MIN_SCORE / 2)
        })
        .collect()
}

struct Frame<'a> {
    el: ElementRef<'a>,
    /// Index in `scores`, once the element has earned something.
    score: Option<usize>,
    /// For a `<p>`: its non-space characters, all and inside links.
    chars: usize,
    link_chars: usize,
    /// Loose text inside the element, outside paragraphs and links.
    loose: usize,
}

struct Density<'a> {
    scores: Vec<(ElementRef<'a>, usize)>,
    frames: Vec<Frame<'a>>,
    /// Indexes in `frames` of the open `<p>` elements.
    paras: Vec<usize>,
    links: usize,
}

impl<'a> Density<'a> {
    /// Credits `points` to the open element `frame` (an index into `frames`).
    fn credit(&mut self, frame: usize, points: usize) {
        let f = &mut self.frames[frame];
        match f.score {
            Some(i) => self.scores[i].1 += points,
            None => {
                f.score = Some(self.scores.len());
                self.scores.push((f.el, points));
            }
        }
    }
}

impl<'a> Visitor<'a> for Density<'a> {
    fn open(&mut self, el: ElementRef<'a>) -> bool {
        if !self.frames.is_empty() && boiler::skip_element(el) {
            return false;
        }
        match el.value().name() {
            "a" => self.links += 1,
            "p" => self.paras.push(self.frames.len()),
            _ => {}
        }
        self.frames.push(Frame { el, score: None, chars: 0, link_chars: 0, loose: 0 });
        true
    }

    fn close(&mut self, el: ElementRef<'a>) {
        let name = el.value().name();
        if name == "a" {
            self.links = self.links.saturating_sub(1);
        }
        let Some(top) = self.frames.len().checked_sub(1) else { return };
        let loose = self.frames[top].loose;
        if loose >= MIN_LOOSE {
            self.credit(top, loose);
        }
        let Some(frame) = self.frames.pop() else { return };
        if self.paras.last() == Some(&self.frames.len()) {
            self.paras.pop();
        }
        if name == "p" && frame.chars >= MIN_PARAGRAPH && !self.frames.is_empty() {
            let parent = self.frames.len() - 1;
            self.credit(parent, frame.chars - frame.link_chars.min(frame.chars));
        }
    }

    fn text(&mut self, text: &'a str) {
        let n = text.chars().filter(|c| !c.is_whitespace()).count();
        if n == 0 || self.frames.is_empty() {
            return;
        }
        let in_link = self.links > 0;
        // The innermost open paragraph takes the text; without one, loose text counts for
        // the block element around it, through inline elements, once long enough.
        if let Some(&i) = self.paras.last() {
            let f = &mut self.frames[i];
            f.chars += n;
            if in_link {
                f.link_chars += n;
            }
        } else if !in_link {
            let block =
                self.frames.iter_mut().rev().find(|f| !INLINE.contains(&f.el.value().name()));
            if let Some(f) = block.filter(|f| LOOSE_HOLDERS.contains(&f.el.value().name())) {
                f.loose += n;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    fn ids(html: &str) -> Vec<String> {
        let doc = Html::parse_document(html);
        main_text(doc.root_element())
            .into_iter()
            .map(|el| el.value().id().unwrap_or("?").to_owned())
            .collect()
    }

    const PARA: &str = "Le texte d'un paragraphe d'article assez long pour compter vraiment.";

    #[test]
    fn picks_the_densest_block() {
        let body = format!("<p>{PARA}</p>").repeat(4);
        let links = format!("<p><a href='/x'>{PARA}</a></p>").repeat(8);
        let html = format!(
            "<body><div id='liens'>{links}</div><div id='texte'>{body}</div><aside id='a'>{body}{body}</aside></body>"
        );
        assert_eq!(ids(&html), ["texte"]);
    }

    #[test]
    fn joins_siblings_split_by_an_advert() {
        let body = format!("<p>{PARA}</p>").repeat(3);
        let html = format!(
            "<body><div id='c'><div id='t1'>{body}</div><div class='pub'>Publicité</div><div id='t2'>{body}</div></div></body>"
        );
        assert_eq!(ids(&html), ["t1", "t2"]);
    }

    #[test]
    fn paragraphs_as_divs_of_spans() {
        let span = format!("<span>{PARA} {PARA}</span> <em>{PARA}</em>");
        let html = format!(
            "<body><div id='c'><div id='p1'>{span}</div><div class='ad'>Pub</div><div id='p2'>{span}</div></div></body>"
        );
        assert_eq!(ids(&html), ["p1", "p2"]);
    }

    #[test]
    fn nothing_when_too_little_text() {
        assert!(ids("<body><p>Court.</p><div><a href='/'>Accueil</a></div></body>").is_empty());
    }
}
