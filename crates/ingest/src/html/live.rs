//! Live blogs: a page of timestamped posts, newest first, each a block of its own. The
//! densest block is one post; the article is every post, in page order, each opened by its
//! time.

use scraper::ElementRef;

use super::paragraphs::{self, Para};

/// Fewest repeated blocks that make a live blog.
const MIN_POSTS: usize = 3;

/// How far above the densest block a post may start.
const MAX_DEPTH: usize = 4;

/// The posts of the live blog holding `block`: the element around it (or itself) repeated
/// among its siblings (same tag, same class), at least [`MIN_POSTS`] times, most of them
/// showing a time. `None` when `block` is no post.
pub(super) fn posts(block: ElementRef<'_>) -> Option<Vec<ElementRef<'_>>> {
    let chain = std::iter::once(block).chain(block.ancestors().filter_map(ElementRef::wrap));
    for el in chain.take(MAX_DEPTH) {
        let Some(class) = el.value().attr("class").filter(|c| !c.trim().is_empty()) else {
            continue;
        };
        let parent = el.parent()?;
        let same: Vec<ElementRef<'_>> = parent
            .children()
            .filter_map(ElementRef::wrap)
            .filter(|s| {
                s.value().name() == el.value().name() && s.value().attr("class") == Some(class)
            })
            .collect();
        if same.len() >= MIN_POSTS
            && same.iter().filter(|p| clock(**p).is_some()).count() * 2 > same.len()
        {
            return Some(same);
        }
    }
    None
}

/// The paragraphs of a post, the first opened by the post's time (`19:45 – Arrivée de
/// Zelensky à l'Élysée`); the time alone is no paragraph.
pub(super) fn post_paragraphs(post: ElementRef<'_>) -> Vec<Para> {
    let mut paras = paragraphs::article(post);
    paras.retain(|p| !is_clock(&p.text));
    if let (Some(time), Some(first)) = (clock(post), paras.first_mut()) {
        first.text = format!("{time} – {}", first.text);
    }
    paras
}

/// The time a post shows: a `<time>` element's text, or a text that is only a time of day.
fn clock(post: ElementRef<'_>) -> Option<String> {
    post.text().map(str::trim).find(|t| is_clock(t)).map(str::to_owned)
}

/// `19:45`, `9h15`, `09H00`.
fn is_clock(s: &str) -> bool {
    let Some((h, m)) = s.trim().split_once([':', 'h', 'H']) else { return false };
    let digits = |s: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&s.len()) && s.chars().all(|c| c.is_ascii_digit())
    };
    digits(h, 1..=2)
        && digits(m, 2..=2)
        && h.parse::<u8>().is_ok_and(|h| h < 24)
        && m.parse::<u8>().is_ok_and(|m| m < 60)
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::{Html, Selector};

    #[test]
    fn clocks() {
        for s in ["19:45", "9h15", " 09H00 ", "00:00"] {
            assert!(is_clock(s), "{s}");
        }
        for s in ["24:00", "19:4", "19:456", "1945", "h15", "le 19:45", "19:75"] {
            assert!(!is_clock(s), "{s}");
        }
    }

    #[test]
    fn every_post_in_page_order() {
        let post = |t: &str, h: &str| {
            format!(
                "<div class='post'><time>{t}</time><h2>{h}</h2><div class='content'><p>Le texte du post de {t}, assez long pour compter comme un paragraphe.</p></div></div>"
            )
        };
        let html = format!(
            "<div id='live'>{}{}{}</div><div class='post'>Sans heure</div>",
            post("19:45", "Accord signé"),
            post("18:02", "Arrivée"),
            post("09:15", "Sur le front")
        );
        let doc = Html::parse_fragment(&html);
        let sel = Selector::parse(".content").unwrap();
        let block = doc.select(&sel).next().unwrap();
        let posts = posts(block).expect("a live blog");
        assert_eq!(posts.len(), 3);
        let texts: Vec<String> =
            posts.into_iter().flat_map(post_paragraphs).map(|p| p.text).collect();
        assert_eq!(texts.len(), 6);
        assert_eq!(texts[0], "19:45 – Accord signé");
        assert!(texts[5].starts_with("Le texte du post de 09:15"));
        // An article body is no post.
        let doc = Html::parse_fragment("<div class='texte'><p>Un paragraphe.</p></div>");
        let sel = Selector::parse("p").unwrap();
        assert!(super::posts(doc.select(&sel).next().unwrap()).is_none());
    }
}
