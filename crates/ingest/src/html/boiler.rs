//! What is not article text: navigation, scripts, share widgets, related-article blocks,
//! captions, bylines, footers, and the paragraphs that only point elsewhere ("Lire aussi").

use scraper::ElementRef;
use scraper::node::Element;

/// Elements whose content is never body text.
const SKIP_TAGS: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "object",
    "embed",
    "svg",
    "math",
    "canvas",
    "video",
    "audio",
    "picture",
    "img",
    "button",
    "input",
    "select",
    "textarea",
    "form",
    "label",
    "nav",
    "aside",
    "footer",
    "header",
    "figure",
    "figcaption",
    "head",
    "title",
    "meta",
    "link",
    "dialog",
    "menu",
];

/// Words of `class` and `id` values that mark page furniture. Matched against whole words
/// (split on anything but letters and digits), so `pub` skips `pave_pub` but not `publication`.
const SKIP_WORDS: &[&str] = &[
    "ad",
    "ads",
    "advert",
    "advertisement",
    "caption",
    "comment",
    "comments",
    "commentaires",
    "consent",
    "cookie",
    "cookies",
    "credit",
    "credits",
    "dfp",
    "footer",
    "inread",
    "instagram",
    "keywords",
    "legende",
    "lireaussi",
    "modal",
    "nav",
    "navbar",
    "navigation",
    "newsletter",
    "outbrain",
    "outstream",
    "partage",
    "paywall",
    "player",
    "popup",
    "promo",
    "pub",
    "publicite",
    "reactions",
    "related",
    // Jetpack's `jp-relatedposts`, WordPress's YARPP.
    "relatedposts",
    "share",
    "sharing",
    "sidebar",
    "social",
    "sponsor",
    "sponsored",
    "subscribe",
    "taboola",
    "tags",
    "tiktok",
    "toolbar",
    "tweet",
    "widget",
    "yarpp",
];

/// Words of `class` and `id` values that mark the metadata an article shows (byline, date,
/// breadcrumb): not body text, but what [`super::visible`] reads.
const META_WORDS: &[&str] = &[
    "ariane",
    "auteur",
    "auteurs",
    "author",
    "authors",
    "breadcrumb",
    "breadcrumbs",
    "byline",
    "date",
    "signature",
];

/// Adjacent word pairs of `class` and `id` values that mark related-article blocks.
const SKIP_PAIRS: &[(&str, &str)] = &[
    ("lire", "aussi"),
    ("a", "lire"),
    ("voir", "aussi"),
    ("read", "more"),
    ("see", "also"),
    ("tool", "bar"),
    ("en", "savoir"),
];

/// `itemprop` values that hold metadata shown inside an article, not its text.
const SKIP_ITEMPROPS: &[&str] =
    &["author", "creator", "publisher", "copyrightholder", "datepublished", "datemodified"];

/// ARIA roles of page furniture.
const SKIP_ROLES: &[&str] =
    &["navigation", "complementary", "contentinfo", "banner", "menu", "menubar", "dialog"];

/// Whether an element and its subtree are page furniture rather than article text, or the
/// metadata an article shows (byline, date, breadcrumb).
pub(super) fn skip_element(el: ElementRef<'_>) -> bool {
    let e = el.value();
    if furniture_tag(e.name(), e.attr("role")) || hidden(e) {
        return true;
    }
    let named = |v: &str| names_furniture(v, false);
    if e.attr("class").is_some_and(named) || e.attr("id").is_some_and(named) {
        return true;
    }
    let meta_prop = e.attr("itemprop").is_some_and(|props| {
        props.split_whitespace().any(|p| SKIP_ITEMPROPS.contains(&p.to_ascii_lowercase().as_str()))
    });
    let meta = meta_prop
        || e.attr("class").is_some_and(furniture_name)
        || e.attr("id").is_some_and(furniture_name);
    // A byline left open (`<span>` closed by a stray `</p>`) takes in the text after it.
    meta && !holds_more_than(el, MAX_META_CHARS)
}

/// Most text (non-space characters) a byline or date element holds.
const MAX_META_CHARS: usize = 400;

/// Whether an element holds more than `max` non-space characters (counted until then).
fn holds_more_than(el: ElementRef<'_>, max: usize) -> bool {
    let mut n = 0;
    for t in el.text() {
        n += t.chars().filter(|c| !c.is_whitespace()).count();
        if n > max {
            return true;
        }
    }
    false
}

/// Whether an element is page furniture (navigation, sharing, advertising, comments…), the
/// metadata an article shows aside. Without `tags`, furniture tags and roles (`<header>`,
/// `<nav>`, `role="banner"`) do not count, only visibility and names.
pub(super) fn furniture(el: ElementRef<'_>, tags: bool) -> bool {
    let e = el.value();
    let named = |v: &str| names_furniture(v, false);
    (tags && furniture_tag(e.name(), e.attr("role")))
        || hidden(e)
        || e.attr("class").is_some_and(named)
        || e.attr("id").is_some_and(named)
}

/// Whether a tag name or an ARIA role marks page furniture.
pub(super) fn furniture_tag(name: &str, role: Option<&str>) -> bool {
    SKIP_TAGS.contains(&name)
        || role.is_some_and(|r| SKIP_ROLES.contains(&r.trim().to_ascii_lowercase().as_str()))
}

/// Whether an element is hidden from readers.
pub(super) fn hidden(e: &Element) -> bool {
    e.attr("hidden").is_some() || e.attr("aria-hidden").is_some_and(|v| v == "true")
}

/// Whether the lowercase words of `class` and `id` values name page furniture, shown
/// metadata aside.
pub(super) fn furniture_words<S: AsRef<str>>(words: &[S]) -> bool {
    words.iter().any(|w| SKIP_WORDS.contains(&w.as_ref()))
        || words.windows(2).any(|p| SKIP_PAIRS.contains(&(p[0].as_ref(), p[1].as_ref())))
}

/// Whether a `class` or `id` value names page furniture or shown metadata.
pub(super) fn furniture_name(value: &str) -> bool {
    names_furniture(value, true)
}

fn names_furniture(value: &str, meta: bool) -> bool {
    let lower = value.to_lowercase();
    let words: Vec<&str> =
        lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    furniture_words(&words) || (meta && words.iter().any(|w| META_WORDS.contains(w)))
}

/// Openings of paragraphs that point to other articles or credit the page.
const POINTER_OPENINGS: &[&str] = &[
    "lire aussi",
    "a lire aussi",
    "à lire aussi",
    "lire également",
    "a lire également",
    "à lire également",
    "lire notre",
    "lire :",
    "lire:",
    "voir aussi",
    "à voir aussi",
    "a voir aussi",
    "à voir :",
    "a voir :",
    "read more",
    "see also",
    "related:",
];

/// Openings of short paragraphs that are bylines, dates or copyright lines.
const CREDIT_OPENINGS: &[&str] = &[
    "©",
    "(c)",
    "copyright",
    "tous droits réservés",
    "all rights reserved",
    "publié le",
    "mis à jour le",
    "publicité",
    "newsletter",
    // Paywall notices.
    "cet article est réservé aux abonnés",
    "article réservé aux abonnés",
    "réservé aux abonnés",
    "vous lisez un article réservé",
    "déjà abonné",
    "abonnez-vous",
    "subscribe to",
];

/// Openings of a video or audio player's title line (`Regarder la vidéo — …`), lowercase.
/// `Vidéo : …` is matched as written: in capitals (`VIDÉO - …`) it is a standfirst's kicker.
const PLAYER_OPENINGS: &[&str] = &[
    "regarder la vidéo",
    "voir la vidéo",
    "écouter le podcast",
    "écouter l'émission",
    "écouter l’émission",
    "audio :",
    "podcast :",
];

/// Headings of related-article blocks, whole.
const RELATED_HEADINGS: &[&str] = &[
    "articles similaires",
    "articles liés",
    "articles en relation",
    "sur le même sujet",
    "dans la même rubrique",
    "related posts",
    "related articles",
    "you may also like",
];

/// Whether a cleaned paragraph is furniture by its wording: a pointer to another article
/// ("Lire aussi : …"), a short credit, date or copyright line, a player's title or duration,
/// a related-articles heading, or a photo caption.
pub(super) fn furniture_text(p: &str) -> bool {
    let lower = p.to_lowercase();
    if POINTER_OPENINGS.iter().any(|o| lower.starts_with(o)) {
        return true;
    }
    let short = p.chars().count() < 120;
    // `Il vous reste 78% de cet article à lire`.
    let paywall = lower.starts_with("il vous reste") && lower.contains('%');
    let heading = lower.trim_end_matches([' ', ':', '.']);
    short
        && (CREDIT_OPENINGS.iter().any(|o| lower.starts_with(o))
            || PLAYER_OPENINGS.iter().any(|o| lower.starts_with(o))
            || ["Vidéo :", "Video :", "Vidéo. "].iter().any(|o| p.starts_with(o))
            || RELATED_HEADINGS.contains(&heading)
            || duration(p)
            || byline(p)
            || paywall)
        || caption(p)
}

/// `02:04`, `1:02:33`: a player's duration alone.
fn duration(p: &str) -> bool {
    let parts: Vec<&str> = p.trim().split(':').collect();
    (2..=3).contains(&parts.len())
        && parts.iter().all(|n| (1..=2).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit()))
}

/// A photo caption set as a paragraph: one that ends with its credit (`… tombé à 18 %.
/// Photo : Sami K. / El Watan`, `(Photo : Ju Peng)`). Text never ends that way.
fn caption(p: &str) -> bool {
    const MAX_CAPTION: usize = 400;
    const MAX_CREDIT_WORDS: usize = 8;
    if p.chars().count() > MAX_CAPTION {
        return false;
    }
    let lower = p.to_lowercase();
    let Some(at) = ["photo :", "photo:", "photos :", "crédit photo", "© photo"]
        .iter()
        .filter_map(|l| lower.rfind(l))
        .max()
    else {
        return false;
    };
    // The label opens the paragraph, a sentence or a parenthesis.
    let before = lower[..at].trim_end();
    let opens = before.is_empty() || before.ends_with(['.', '(', '[', '-', '–', '—', '|', '/']);
    let credit = lower[at..].split_once([':', ' ']).map_or("", |(_, c)| c);
    let credit = credit.trim_matches([' ', ')', ']', ':']);
    opens && !credit.is_empty() && credit.split_whitespace().count() <= MAX_CREDIT_WORDS
}

/// `Par Martin Untersinger`, `By Jane Doe`: the word, then a capitalized name ("Par ailleurs"
/// is prose).
fn byline(p: &str) -> bool {
    let mut words = p.split_whitespace();
    let first = words.next().unwrap_or_default().to_lowercase();
    let next_is_name = words.next().and_then(|w| w.chars().next()).is_some_and(char::is_uppercase);
    matches!(first.as_str(), "par" | "by") && next_is_name && p.split_whitespace().count() <= 8
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::{Html, Selector};

    #[test]
    fn furniture_by_name() {
        let cases = [
            ("sticky-block-column sticky-lire-aussi", true),
            ("a-lire-aussi blocHref o_r_url_lireaussi", true),
            ("pave_pub", true),
            ("osocial-share", true),
            ("twitter-tweet", true),
            ("instagram-media", true),
            ("inread", true),
            ("article-paywall", true),
            ("share-container clear", true),
            ("m-video-player", true),
            ("jp-relatedposts", true),
            ("related-content", true),
            ("date", true),
            ("update", false),
            ("article-body mod", false),
            ("contenu_article js_article_body", false),
            ("provider-afp-news", false),
            ("publication", false),
            ("shadow", false),
        ];
        for (name, want) in cases {
            assert_eq!(furniture_name(name), want, "{name}");
        }
    }

    #[test]
    fn furniture_by_element() {
        let html = Html::parse_fragment(
            r#"<nav>a</nav><div class="x" aria-hidden="true">b</div><span itemprop="author creator">c</span><div role="navigation">d</div><p class="chapo">e</p><div id="comments">f</div>"#,
        );
        let sel = Selector::parse("nav, div, span, p").unwrap();
        let got: Vec<bool> = html.select(&sel).map(skip_element).collect();
        assert_eq!(got, [true, true, true, true, false, true]);
    }

    #[test]
    fn a_byline_left_open_is_not_skipped_with_the_text_it_took_in() {
        let para =
            "<p>Un paragraphe de l'article, pris par erreur dans la signature restée ouverte.</p>";
        let html = Html::parse_fragment(&format!(
            r#"<div class="c-authors">Anne Dupont <span>Publié le 14/03/24</p><div class="c-content-body">{}</div>"#,
            para.repeat(6)
        ));
        let sel = Selector::parse(".c-authors").unwrap();
        let byline = html.select(&sel).next().unwrap();
        assert!(!skip_element(byline));
        let closed = Html::parse_fragment(r#"<div class="c-authors">Anne Dupont</div>"#);
        assert!(skip_element(closed.select(&sel).next().unwrap()));
    }

    #[test]
    fn furniture_by_wording() {
        let cases = [
            ("Lire aussi : Les critiques de la CNIL", true),
            ("À lire aussi Les Palestiniens menacent", true),
            ("A lire aussi", true),
            ("© AFP 2020", true),
            ("Par Martin Untersinger", true),
            ("Publié le mercredi 20 mai 2020 à 20h45", true),
            ("Cet article est réservé aux abonnés. Il vous reste 78% à découvrir.", true),
            ("Déjà abonné ? Se connecter", true),
            ("Il vous reste trois jours pour voter, a rappelé le maire de la commune.", false),
            (
                "Newsletter « La Lettre de l'international » Chaque jour, l'essentiel. S'inscrire",
                true,
            ),
            ("Lire la suite de l'article plus loin ne commence pas par un pointeur.", false),
            ("Par ailleurs, deux personnes ont été blessées.", false),
            ("De Gaulle a prononcé ce discours le 18 juin 1940 depuis Londres, sur la BBC.", false),
            (
                "Par ailleurs, le gouvernement a annoncé mardi une série de mesures destinées à soutenir les entreprises les plus touchées par la crise, dont le détail sera publié jeudi.",
                false,
            ),
            ("Le président palestinien Mahmoud Abbas a renouvelé ses menaces.", false),
            ("Vidéo : la création de l'AES expliquée en deux minutes", true),
            ("02:04", true),
            (
                "VIDÉO - « Le point de départ, c'est une population maltraitée », a-t-il estimé.",
                false,
            ),
            ("Regarder la vidéo — JT 13h : les perturbations attendues mardi", true),
            ("Articles similaires", true),
            ("Related posts", true),
            (
                "Le barrage de Keddara, à l’est d’Alger, dont le taux de remplissage est tombé à 18 %. Photo : Sami K. / El Watan",
                true,
            ),
            ("(Photo : Ju Peng)", true),
            ("Le rendez-vous est fixé à 14:30 devant la mairie, selon les organisateurs.", false),
            (
                "La vidéo : un outil que le club utilise depuis deux saisons pour l'arbitrage.",
                false,
            ),
            (
                "Il a publié une photo : on y voit le ministre serrer la main de son homologue chinois, puis quitter la salle sous les applaudissements.",
                false,
            ),
        ];
        for (p, want) in cases {
            assert_eq!(furniture_text(p), want, "{p}");
        }
    }
}
