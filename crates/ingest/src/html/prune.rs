//! A cheap pass over the markup before parsing: drops what the reader never looks at, and
//! caps nesting.
//!
//! - Script and style text (other than JSON-LD) and comments go: on saved news pages they
//!   are half the bytes, and the HTML tokenizer would read them character by character.
//! - html5ever builds any depth, but some steps of the tree builder scan the whole stack of
//!   open elements (every `<div>` first looks for an open `<p>` to close), so a page nested
//!   100,000 levels deep costs 10¹⁰ steps. Beyond [`MAX_DEPTH`] levels, start and end tags
//!   are dropped and their text kept: the pathological part of a page is flattened, every
//!   other page keeps its structure.

use std::borrow::Cow;

/// Deepest nesting kept. Article pages stay far below: the 600 Orange pages and the Le Monde
/// and Libération pages peak at 16.
pub(super) const MAX_DEPTH: usize = 256;

/// Elements with no end tag, or whose end tag may be left out: they do not count as nesting
/// (an unclosed `<p>` or `<li>` is closed by the next one).
const NOT_NESTING: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot",
    "option", "optgroup", "rb", "rt", "rp", "rtc", "colgroup", "caption", "html", "head", "body",
];

/// Elements whose content is text up to their end tag.
const RAW_TEXT: &[&str] =
    &["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"];

fn is_one_of(name: &str, list: &[&str]) -> bool {
    list.iter().any(|n| n.eq_ignore_ascii_case(name))
}

/// Rewrites `text` as it goes; borrows it until the first cut.
struct Cuts<'t> {
    text: &'t str,
    out: Option<String>,
    /// Start of the input not yet copied to `out`.
    copied: usize,
}

impl<'t> Cuts<'t> {
    /// Drops `text[from..to]`.
    fn cut(&mut self, from: usize, to: usize) {
        if from >= to {
            return;
        }
        let o = self.out.get_or_insert_with(|| String::with_capacity(self.text.len()));
        o.push_str(&self.text[self.copied..from]);
        self.copied = to;
    }

    fn finish(self) -> Cow<'t, str> {
        match self.out {
            Some(mut o) => {
                o.push_str(&self.text[self.copied..]);
                Cow::Owned(o)
            }
            None => Cow::Borrowed(self.text),
        }
    }
}

/// `text` without script and style text (JSON-LD kept) and comments, and without the tags
/// nested deeper than `max` levels (their text kept).
pub(super) fn prune(text: &str, max: usize) -> Cow<'_, str> {
    let b = text.as_bytes();
    let mut cuts = Cuts { text, out: None, copied: 0 };
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(lt) = memchr::memchr(b'<', &b[i..]) {
        let start = i + lt;
        let rest = &b[start..];
        if rest.starts_with(b"<!--") {
            i = find(b, start + 4, b"-->").map_or(b.len(), |e| e + 3);
            cuts.cut(start, i);
            continue;
        }
        if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            i = tag_end(b, start + 2);
            continue;
        }
        let closing = rest.get(1) == Some(&b'/');
        let name_at = start + 1 + usize::from(closing);
        let name_len = b[name_at..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b':' | b'_'))
            .count();
        if name_len == 0 || !b[name_at].is_ascii_alphabetic() {
            i = start + 1;
            continue;
        }
        let name = &text[name_at..name_at + name_len];
        let end = tag_end(b, name_at + name_len);
        let self_closing = end >= 2 && b[end - 2] == b'/';
        let mut drop = false;
        if closing {
            if !is_one_of(name, NOT_NESTING) && !is_one_of(name, RAW_TEXT) {
                drop = depth > max;
                depth = depth.saturating_sub(1);
            }
        } else if is_one_of(name, RAW_TEXT) {
            // Raw text runs to the end tag: a "<div>" inside a script is no tag.
            let close = closing_tag(b, end, name).unwrap_or(b.len());
            let attrs = &text[name_at + name_len..end];
            let json_ld = attrs.to_ascii_lowercase().contains("ld+json");
            let unread = name.eq_ignore_ascii_case("style")
                || (name.eq_ignore_ascii_case("script") && !json_ld);
            if unread {
                cuts.cut(end, close);
            }
            i = close;
            continue;
        } else if name.eq_ignore_ascii_case("plaintext") {
            break;
        } else if !self_closing && !is_one_of(name, NOT_NESTING) {
            depth += 1;
            drop = depth > max;
        }
        if drop {
            cuts.cut(start, end);
        }
        i = end;
    }
    cuts.finish()
}

/// Index just past the `>` closing a tag whose attributes start at `from` (quoted values may
/// hold `>`), or the end of the input.
fn tag_end(b: &[u8], from: usize) -> usize {
    let mut i = from;
    while let Some(k) = b.get(i..).and_then(|rest| memchr::memchr3(b'>', b'"', b'\'', rest)) {
        let at = i + k;
        if b[at] == b'>' {
            return at + 1;
        }
        match memchr::memchr(b[at], &b[at + 1..]) {
            Some(close) => i = at + 1 + close + 1,
            None => return b.len(),
        }
    }
    b.len()
}

fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(b.get(from..)?, needle).map(|k| from + k)
}

/// Where `</name` (any case) starts, from `from` on.
fn closing_tag(b: &[u8], mut from: usize, name: &str) -> Option<usize> {
    loop {
        let at = find(b, from, b"</")?;
        let candidate = b.get(at + 2..at + 2 + name.len())?;
        if candidate.eq_ignore_ascii_case(name.as_bytes()) {
            return Some(at);
        }
        from = at + 2;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shallow_pages_without_scripts_are_borrowed() {
        let cases = [
            "<html><body><div><p>Un<p>Deux<div>Trois</div></div></body></html>",
            "<ul><li>a<li>b</ul><br><img src='x'><hr/>",
            "<title>a <div> b</title><textarea><div><div><div></textarea>",
            "a < b et c<d",
        ];
        for html in cases {
            assert!(matches!(prune(html, 2), Cow::Borrowed(_)), "{html}");
        }
    }

    #[test]
    fn drops_scripts_styles_and_comments() {
        let cases = [
            (
                "<script>for (i = 0; i < 9; i++) document.write('<div><div><div>');</script><p>x</p>",
                "<script></script><p>x</p>",
            ),
            ("<STYLE type=text/css>p { color: red }</Style>", "<STYLE type=text/css></Style>"),
            ("<!-- <div><div><div> -->x<!--[if IE]><p>vieux</p><![endif]-->", "x"),
            (
                r#"<script type="application/ld+json">{"@type": "NewsArticle"}</script>"#,
                r#"<script type="application/ld+json">{"@type": "NewsArticle"}</script>"#,
            ),
            ("<script>non fermé", "<script>"),
        ];
        for (html, want) in cases {
            assert_eq!(prune(html, 2), want, "{html}");
        }
    }

    #[test]
    fn deep_tags_are_dropped_and_their_text_kept() {
        let cases = [
            ("<div><div><div>x</div></div></div>", "<div><div>x</div></div>"),
            ("<b><i><u>x</u></i></b>y", "<b><i>x</i></b>y"),
            ("<div><div><div><div>x", "<div><div>x"),
            (
                "<div><div title='a>b'><span>x</span></div></div>",
                "<div><div title='a>b'>x</div></div>",
            ),
        ];
        for (html, want) in cases {
            assert_eq!(prune(html, 2), want, "{html}");
        }
    }

    #[test]
    fn a_hundred_thousand_levels() {
        let html = format!("{}fond{}", "<div>".repeat(100_000), "</div>".repeat(100_000));
        let pruned = prune(&html, MAX_DEPTH);
        assert_eq!(pruned.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(pruned.matches("</div>").count(), MAX_DEPTH);
        assert!(pruned.contains("fond"));
    }
}
