//! From a container element to paragraphs: block elements and double line breaks separate
//! paragraphs, page furniture is skipped, and each paragraph remembers how much of it is link
//! text and which bold words open it (a standfirst set in bold).

use scraper::ElementRef;

use super::boiler;
use super::walk::{Visitor, walk};
use crate::normalize;

/// Elements that start and end a paragraph.
pub(super) const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "td",
    "th",
    "caption",
    "header",
    "footer",
    "aside",
    "nav",
    "figure",
    "figcaption",
    "form",
    "hr",
    "address",
    "details",
    "summary",
    "center",
    "fieldset",
    "legend",
];

/// A paragraph of a container.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Para {
    /// The cleaned text.
    pub text: String,
    /// Bold text that opens the paragraph, when it opens with bold text.
    pub lead_bold: Option<String>,
    /// Non-space characters, all and inside links.
    chars: usize,
    link_chars: usize,
}

impl Para {
    /// A paragraph known only by its text (from metadata, not markup).
    pub fn plain(text: String) -> Para {
        Para { text, ..Para::default() }
    }

    /// Whether most of the paragraph is link text (a list of related articles, a promotion).
    pub fn is_links(&self) -> bool {
        self.link_chars * 10 >= self.chars * 6
    }
}

/// The article paragraphs of `root`: furniture elements skipped, then paragraphs that only
/// point elsewhere or credit the page dropped, and so are paragraphs mostly made of links.
/// `root` itself is read even if its name looks like furniture.
pub(super) fn article(root: ElementRef<'_>) -> Vec<Para> {
    let mut paras = all(root);
    paras.retain(|p| !p.is_links() && !boiler::furniture_text(&p.text));
    paras
}

/// Every paragraph of `root` outside furniture elements.
pub(super) fn all(root: ElementRef<'_>) -> Vec<Para> {
    let mut b = Builder { root: Some(root), ..Builder::default() };
    walk(root, &mut b);
    b.flush();
    b.out
}

#[derive(Default, Clone, Copy, PartialEq)]
enum Lead {
    /// No text yet.
    #[default]
    Start,
    /// Bold text so far.
    Bold,
    /// Bold text, then plain text.
    Ended,
    /// Opened with plain text.
    None,
}

#[derive(Default)]
struct Builder<'a> {
    root: Option<ElementRef<'a>>,
    out: Vec<Para>,
    buf: String,
    bold_buf: String,
    lead: Lead,
    chars: usize,
    link_chars: usize,
    links: usize,
    bold: usize,
    after_br: bool,
}

impl Builder<'_> {
    fn flush(&mut self) {
        let text = normalize::clean(&self.buf);
        if !text.is_empty() {
            let lead_bold = match self.lead {
                Lead::Bold | Lead::Ended => normalize::clean_opt(&self.bold_buf),
                Lead::Start | Lead::None => None,
            };
            self.out.push(Para { text, lead_bold, chars: self.chars, link_chars: self.link_chars });
        }
        self.buf.clear();
        self.bold_buf.clear();
        self.lead = Lead::Start;
        self.chars = 0;
        self.link_chars = 0;
        self.after_br = false;
    }
}

fn is_bold(name: &str) -> bool {
    matches!(name, "strong" | "b")
}

impl<'a> Visitor<'a> for Builder<'a> {
    fn open(&mut self, el: ElementRef<'a>) -> bool {
        if Some(el) != self.root && boiler::skip_element(el) {
            return false;
        }
        let name = el.value().name();
        if BLOCKS.contains(&name) {
            self.flush();
        } else if name == "br" {
            // One break continues the paragraph; two in a row end it.
            if self.after_br {
                self.flush();
            } else {
                self.buf.push('\n');
                if self.lead == Lead::Bold {
                    self.bold_buf.push(' ');
                }
                self.after_br = true;
            }
        } else if name == "a" {
            self.links += 1;
        } else if is_bold(name) {
            self.bold += 1;
        }
        true
    }

    fn close(&mut self, el: ElementRef<'a>) {
        let name = el.value().name();
        if BLOCKS.contains(&name) {
            self.flush();
        } else if name == "a" {
            self.links = self.links.saturating_sub(1);
        } else if is_bold(name) {
            self.bold = self.bold.saturating_sub(1);
        }
    }

    fn text(&mut self, text: &'a str) {
        let n = text.chars().filter(|c| !c.is_whitespace()).count();
        if n > 0 {
            self.after_br = false;
            self.chars += n;
            if self.links > 0 {
                self.link_chars += n;
            }
            self.lead = match (self.lead, self.bold > 0) {
                (Lead::Start | Lead::Bold, true) => Lead::Bold,
                (Lead::Start, false) => Lead::None,
                (Lead::Bold, false) => Lead::Ended,
                (other, _) => other,
            };
        }
        if self.lead == Lead::Bold {
            self.bold_buf.push_str(text);
        }
        self.buf.push_str(text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    fn texts(html: &str) -> Vec<String> {
        let doc = Html::parse_fragment(html);
        article(doc.root_element()).into_iter().map(|p| p.text).collect()
    }

    #[test]
    fn splits_on_blocks_and_double_breaks() {
        let cases: &[(&str, &[&str])] = &[
            ("<p>Un.</p><p>Deux.</p>", &["Un.", "Deux."]),
            ("<p>Un.<br/><br/> Deux.<br>suite</p>", &["Un.", "Deux. suite"]),
            ("<div>Texte libre<div>bloc</div>reprise</div>", &["Texte libre", "bloc", "reprise"]),
            (
                "<p>Un <em>mot</em> et <a href='#'>un lien</a> dans une phrase assez longue.</p>",
                &["Un mot et un lien dans une phrase assez longue."],
            ),
            ("<h2>Intertitre</h2><ul><li>a</li><li>b</li></ul>", &["Intertitre", "a", "b"]),
        ];
        for (html, want) in cases {
            assert_eq!(texts(html), *want, "{html}");
        }
    }

    #[test]
    fn drops_furniture() {
        let html = r#"<p class="date"><span itemprop="author">AFP</span>, publié le mercredi 20 mai 2020</p>
            <p>Premier paragraphe de l'article.</p>
            <div class="sticky-lire-aussi"><span>A lire aussi</span><a href="/x">Autre article</a></div>
            <script>var x = "<p>non</p>";</script><style>p {}</style>
            <figure><img src="x.jpg"><figcaption>Une légende</figcaption></figure>
            <p class="lire">Lire aussi : <a href="/y">Les critiques de la CNIL</a></p>
            <p><strong>Revivez <a href="/z">le direct du vote à l'Assemblée avec vos questions.</a></strong></p>
            <p>Dernier paragraphe.</p>
            <div class="share-container"><button>Réagir</button></div>"#;
        assert_eq!(texts(html), ["Premier paragraphe de l'article.", "Dernier paragraphe."]);
    }

    #[test]
    fn remembers_the_bold_opening() {
        let doc = Html::parse_fragment(
            "<p><strong>Un Autrichien a été arrêté à Roissy</strong>.<br/><br/>Un collectionneur.</p><p>Texte <b>gras</b>.</p>",
        );
        let paras = all(doc.root_element());
        let leads: Vec<Option<&str>> = paras.iter().map(|p| p.lead_bold.as_deref()).collect();
        assert_eq!(leads, [Some("Un Autrichien a été arrêté à Roissy"), None, None]);
        assert_eq!(paras[0].text, "Un Autrichien a été arrêté à Roissy.");
    }

    #[test]
    fn counts_link_text() {
        let doc = Html::parse_fragment(
            "<p><a href='/a'>Un lien qui prend toute la place</a> ici</p><p>Du texte avec <a href='/b'>un lien</a> court au milieu.</p>",
        );
        let links: Vec<bool> = all(doc.root_element()).iter().map(Para::is_links).collect();
        assert_eq!(links, [true, false]);
    }
}
