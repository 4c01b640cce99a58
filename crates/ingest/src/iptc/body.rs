//! Paragraphs from the body markup IPTC files carry: NITF `body.content`, XHTML, bare `<p>`
//! (AFP's bcNITF), HTML escaped in a CDATA section or as entities, or plain text.
//!
//! One walker for all of them: block elements (`p`, `hl2`, `li`, `tr`, `div`…) end a
//! paragraph, inline elements and unknown ones (`<org>`, `<Company>`) flow into it, and
//! what is not body (media and their captions, editor's notes, scripts, styles, XHTML headers
//! that repeat the headline and byline) is skipped with its whole subtree.

use super::xml::{Doc, NodeId, Visit};
use crate::normalize;

/// What an element means for paragraph building.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Not body text: skipped with everything under it.
    Skip,
    /// Ends the current paragraph before and after (`p`, `div`, `li`, `tr`…).
    Block,
    /// A line break or table cell boundary inside a paragraph: a space.
    Space,
    /// Flows into the current paragraph.
    Inline,
}

fn kind(name: &str) -> Kind {
    match name.to_ascii_lowercase().as_str() {
        "head" | "header" | "footer" | "nav" | "aside" | "script" | "style" | "noscript"
        | "template" | "media" | "media-caption" | "note" | "figure" | "figcaption" | "img"
        | "object" | "embed" | "iframe" | "video" | "audio" | "svg" | "form" | "button"
        | "abstract" | "byline" | "dateline" | "hedline" | "body.head" | "body.end" | "tagline"
        | "title" | "meta" | "link" | "caption" => Kind::Skip,
        "p" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "hl1" | "hl2" | "li" | "dt" | "dd"
        | "tr" | "pre" | "blockquote" | "bq" | "div" | "section" | "article" | "main" | "block"
        | "ul" | "ol" | "dl" | "table" | "thead" | "tbody" | "tfoot" | "body" | "body.content"
        | "html" | "center" | "address" | "hr" | "nitf" | "datacontent" => Kind::Block,
        "br" | "td" | "th" => Kind::Space,
        _ => Kind::Inline,
    }
}

/// The paragraphs of a body container, cleaned, empty ones dropped. `html` says the
/// container's text is HTML source (an `inlineData` of type `text/html`); text that holds tags,
/// in a CDATA section or escaped as entities (`&lt;p&gt;`), is read as HTML anyway, so literal
/// `<p>` never reaches the index. Embed code parsed this way leaves nothing (scripts, iframes
/// and tweet blockquotes are skipped).
pub(crate) fn paragraphs(doc: &Doc, container: NodeId, html: bool) -> Vec<String> {
    if doc.children(container).next().is_none() {
        // Text only: plain text with blank lines between paragraphs, or escaped HTML.
        let mut text = String::new();
        let mut cdata_markup = false;
        doc.walk(container, |v| {
            if let Visit::Text(t, cdata) = v {
                cdata_markup |= cdata && looks_like_html(t);
                text.push_str(t);
            }
            true
        });
        if html || cdata_markup {
            return from_html(&text);
        }
        if looks_like_html(&text) {
            // Markup escaped as entities (`&lt;p&gt;`) is HTML too. Blank lines still part
            // paragraphs, for text whose only tags are inline (`&lt;b&gt;`).
            return normalize::paragraphs(&text, false)
                .into_iter()
                .flat_map(
                    |chunk| if looks_like_html(&chunk) { from_html(&chunk) } else { vec![chunk] },
                )
                .collect();
        }
        return normalize::paragraphs(&text, false);
    }
    let mut out = Vec::new();
    let mut cur = String::new();
    doc.walk(container, |v| match v {
        Visit::Enter(id, e) => {
            if id == container {
                return true;
            }
            if is_embed(doc, id) {
                return false;
            }
            match kind(&e.name) {
                Kind::Skip => false,
                Kind::Block => {
                    flush(&mut cur, &mut out);
                    true
                }
                Kind::Space => {
                    cur.push(' ');
                    true
                }
                Kind::Inline => true,
            }
        }
        Visit::Leave(e) => {
            match kind(&e.name) {
                Kind::Block => flush(&mut cur, &mut out),
                Kind::Space => cur.push(' '),
                Kind::Skip | Kind::Inline => {}
            }
            true
        }
        Visit::Text(t, cdata) => {
            if cdata && looks_like_html(t) {
                flush(&mut cur, &mut out);
                out.extend(from_html(t));
            } else {
                cur.push_str(t);
            }
            true
        }
    });
    flush(&mut cur, &mut out);
    out
}

/// Classes of social-media embeds (`<blockquote class="twitter-tweet">`): another post
/// quoted by embed code, not story text.
const EMBED_CLASSES: &[&str] =
    &["twitter-tweet", "twitter-video", "instagram-media", "tiktok-embed", "fb-post"];

fn is_embed(doc: &Doc, id: NodeId) -> bool {
    doc.attr(id, "class").is_some_and(|c| EMBED_CLASSES.iter().any(|e| c.contains(e)))
}

fn flush(cur: &mut String, out: &mut Vec<String>) {
    if let Some(p) = normalize::clean_opt(cur) {
        out.push(p);
    }
    cur.clear();
}

/// Paragraphs of an HTML fragment.
fn from_html(source: &str) -> Vec<String> {
    let html = scraper::Html::parse_fragment(source);
    let doc = Doc::from_html(&html);
    paragraphs(&doc, doc.root(), false)
}

/// Whether text holds HTML tags (`<P>`, `<br/>`, `</div>`) rather than prose with a `<`.
fn looks_like_html(t: &str) -> bool {
    let lower = t.to_ascii_lowercase();
    ["<p>", "<p ", "<br", "<div", "</", "<span", "<b>", "<i>", "<a ", "<ul", "<li"]
        .iter()
        .any(|tag| lower.contains(tag))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(xml: &str) -> Vec<String> {
        let doc = Doc::parse(xml).unwrap();
        paragraphs(&doc, doc.root(), false)
    }

    #[test]
    fn table() {
        let cases: &[(&str, &[&str])] = &[
            // NITF: media and its caption are not body; hl2 is its own paragraph; the list
            // items too; inline elements flow.
            (
                "<body.content><media><media-caption>Légende</media-caption></media>\
                 <p>Premier <org>paragraphe</org>.</p><hl2>Intertitre</hl2>\
                 <block><ul><li><em>Un :</em> point</li><li>Deux</li></ul></block></body.content>",
                &["Premier paragraphe.", "Intertitre", "Un : point", "Deux"],
            ),
            // Empty paragraphs and hard line breaks inside a paragraph.
            ("<b><p/><p>   Une <br/>ligne</p><p> </p></b>", &["Une ligne"]),
            // XHTML: the header repeating headline and byline is skipped.
            (
                "<html><head><title>T</title></head><body><header><h1>T</h1>\
                 <p class=\"byline\">Par X</p></header><section><p class=\"teaser\">Chapô</p>\
                 <p><span class=\"dateline\">Paris (AFP) - </span>Texte</p></section></body></html>",
                &["Chapô", "Paris (AFP) - Texte"],
            ),
            // Text straight in <body>, no <p>.
            (
                "<body>Jan 3 (OPTA) - Results<br/>Mar&#237;timo 1</body>",
                &["Jan 3 (OPTA) - Results Marítimo 1"],
            ),
            // Table rows are paragraphs, cells separated.
            ("<div><table><tr><td>1.</td><td>Bayern</td></tr></table></div>", &["1. Bayern"]),
            // Plain text with a blank line.
            (
                "<DataContent>Premier\n  paragraphe.\n\n  Second.</DataContent>",
                &["Premier paragraphe.", "Second."],
            ),
            // Markup escaped as entities is HTML as well.
            (
                "<DataContent>Steven &lt;b&gt;Van Geel&lt;/b&gt; gaf</DataContent>",
                &["Steven Van Geel gaf"],
            ),
        ];
        for (xml, want) in cases {
            assert_eq!(paras(xml), *want, "{xml}");
        }
    }

    #[test]
    fn cdata_html_is_parsed() {
        let xml = "<DataContent>\n  <![CDATA[<P>Un.</P>\n<P>Deux &amp; trois.</P>\n<P> </P>]]>\n</DataContent>";
        assert_eq!(paras(xml), ["Un.", "Deux & trois."]);
        let xml = "<inlineData><![CDATA[\n<p>\n  (ANSA) - Rome, October 11 -\nItalian minister.\n</p>]]></inlineData>";
        assert_eq!(paras(xml), ["(ANSA) - Rome, October 11 - Italian minister."]);
        // CDATA inside a paragraph among elements.
        let xml = "<div><p>Avant</p><![CDATA[<p>Dedans</p>]]></div>";
        assert_eq!(paras(xml), ["Avant", "Dedans"]);
    }

    #[test]
    fn html_flag_parses_plain_text_as_html() {
        let doc =
            Doc::parse("<inlineData>&lt;p&gt;Un&lt;/p&gt;&lt;p&gt;Deux&lt;/p&gt;</inlineData>")
                .unwrap();
        assert_eq!(paragraphs(&doc, doc.root(), true), ["Un", "Deux"]);
    }

    #[test]
    fn entity_escaped_html_is_parsed() {
        // Belga's NewsML 1: paragraphs escaped, an apostrophe escaped twice.
        let xml = "<DataContent>&lt;p&gt;La Ville de Liège lance un plan contre les crues de \
                   l&amp;#39;Ourthe.&lt;/p&gt;\n&lt;p&gt;Le bourgmestre &lt;b&gt;Willy \
                   Demeyer&lt;/b&gt; parle d'une priorité.&lt;/p&gt;</DataContent>";
        assert_eq!(
            paras(xml),
            [
                "La Ville de Liège lance un plan contre les crues de l'Ourthe.",
                "Le bourgmestre Willy Demeyer parle d'une priorité."
            ]
        );
        // Inline tags only: the blank line still parts paragraphs.
        let xml = "<inlineData>Une grève de &lt;b&gt;24 heures&lt;/b&gt;.\n\n\
                   Selon &lt;i&gt;l'aéroport&lt;/i&gt;.</inlineData>";
        assert_eq!(paras(xml), ["Une grève de 24 heures.", "Selon l'aéroport."]);
        // Escaped embed code still gives nothing.
        let xml = "<DataContent>&lt;blockquote class=\"twitter-tweet\"&gt;&lt;p&gt;Un \
                   tweet&lt;/p&gt;&lt;/blockquote&gt;&lt;script src=\"w.js\"&gt;&lt;/script&gt;\
                   &lt;div class=\"embed\"&gt;&lt;/div&gt;&lt;iframe src=\"v\"&gt;&lt;/iframe&gt;\
                   </DataContent>";
        assert!(paras(xml).is_empty(), "{:?}", paras(xml));
    }

    #[test]
    fn deep_body_does_not_overflow() {
        let depth = 100_000;
        let xml = format!("<body>{}texte{}</body>", "<div>".repeat(depth), "</div>".repeat(depth));
        assert_eq!(paras(&xml), ["texte"]);
    }
}
