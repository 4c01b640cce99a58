//! Saved HTML article pages.
//!
//! The page is parsed once, after a pass that drops script text and caps nesting
//! ([`prune`]). Metadata comes from the sources in order of trust, field by
//! field: the JSON-LD article item ([`jsonld`]), then `<meta>` tags ([`meta`]: OpenGraph,
//! `article:*`, …), then microdata ([`microdata`]), then the page itself (`<h1>`, `<title>`,
//! the section named in the URL path). The body is the microdata `articleBody` element when
//! there is one, otherwise the densest block of paragraphs ([`density`]), read without page
//! furniture ([`boiler`]); JSON-LD `articleBody` text stands in when the page shows less than
//! half of it.
//!
//! The standfirst is the page's description, unless that description is only the start of
//! the body (an automatic excerpt): then it is the bold opening of the first paragraph, or
//! the first paragraph itself, as agency copy opens with its lede.

mod boiler;
mod density;
mod found;
mod jsonld;
mod meta;
mod microdata;
mod page;
mod paragraphs;
mod prune;
mod walk;

use scraper::Html;

use self::found::{Credit, Found};
use self::page::Page;
use self::paragraphs::Para;
use crate::dispatch::{Dispatch, Format};
use crate::error::ErrorKind;
use crate::{agency, dateline};

/// Parses a saved HTML article page.
pub(crate) fn parse(text: &str) -> Result<Dispatch, ErrorKind> {
    let doc = Html::parse_document(&prune::prune(text, prune::MAX_DEPTH));
    let page = Page::scan(&doc);
    let ld = jsonld::read(&page.scripts);
    let tags = meta::read(&page);
    let (micro, bodies) = microdata::read(&page);
    let sources = [&ld, &tags, &micro];

    let mut paras: Vec<Para> =
        bodies.first().map(|el| paragraphs::article(*el)).unwrap_or_default();
    // A marked body holding only a teaser loses to the page's densest text.
    if text_len(&paras) < SHORT_BODY {
        let dense: Vec<Para> = density::main_text(doc.root_element())
            .into_iter()
            .flat_map(paragraphs::article)
            .collect();
        if text_len(&dense) > text_len(&paras) {
            paras = dense;
        }
    }
    let shown = text_len(&paras);
    let given: usize = ld.body.iter().map(String::len).sum();
    if given > 2 * shown {
        paras = ld.body.iter().map(|t| Para::plain(t.clone())).collect();
    }

    let sites: Vec<&str> = [&ld.publisher, &micro.publisher, &tags.publisher]
        .into_iter()
        .filter_map(|p| p.as_deref())
        .collect();
    let html_title = page.title.as_deref().and_then(found::text);
    let h1 = best_h1(&page, html_title.as_deref());
    let title = first(&sources, |f| f.title.as_ref())
        .or_else(|| h1.clone())
        .or_else(|| html_title.as_deref().map(strip_title_suffix))
        .map(|t| strip_site(&t, &sites, h1.as_deref()));
    if let Some(t) = &title {
        // The headline repeated inside the text block.
        if paras.first().is_some_and(|p| &p.text == t) {
            paras.remove(0);
        }
    }

    let article = sources.iter().any(|f| f.article) || !bodies.is_empty();
    if paras.is_empty() {
        if !article {
            return Err(ErrorKind::NotAnArticle("no article metadata and no block of text".into()));
        }
        if title.is_none() {
            return Err(ErrorKind::NotAnArticle("no headline and no body".into()));
        }
    }
    if !article && page.meta("og:type").any(|t| t.trim().eq_ignore_ascii_case("website")) {
        return Err(ErrorKind::NotAnArticle(
            "the page declares itself a website, not an article".into(),
        ));
    }

    // Agency copy closes with its translator's credit.
    let translator = paras.last().and_then(|p| translator(&p.text));
    if translator.is_some() {
        paras.pop();
    }

    let description = first(&sources, |f| f.description.as_ref());
    let lede = lede(description, &paras);
    let url = [&tags, &ld, &micro].into_iter().find_map(|f| f.url.clone());
    let section =
        first(&sources, |f| f.section.as_ref()).or_else(|| url.as_deref().and_then(url_section));
    // The visible byline (microdata) before `article:author`, often a profile URL or a
    // reporter the page does not credit.
    let credits: Vec<Credit> = [&ld, &micro, &tags]
        .into_iter()
        .map(|f| f.authors.clone())
        .find(|a| !a.is_empty())
        .unwrap_or_default();
    let publisher = [&ld, &micro, &tags].into_iter().find_map(|f| f.publisher.clone());
    // A place alone in capitals before a dash is as often a rubric (`ESPACE - `) as a
    // dateline, so only datelines with a date or an agency count.
    let opening = paras.first().map(|p| p.text.as_str()).into_iter().chain(lede.as_deref());
    let found_dateline = opening.filter_map(dateline::find).find(|d| !d.is_bare());

    Ok(Dispatch {
        title: title.unwrap_or_default(),
        lede,
        body: paras.into_iter().map(|p| p.text).collect(),
        section,
        published: sources.iter().find_map(|f| f.published),
        updated: sources.iter().find_map(|f| f.updated),
        agency: agency_of(&credits, publisher.as_deref())
            .or_else(|| found_dateline.as_ref().and_then(|d| d.agency.clone())),
        authors: credits.into_iter().map(|c| c.name).collect(),
        dateline: ld.dateline.clone().or_else(|| found_dateline.map(|d| d.city)),
        translator,
        language: [&tags, &ld, &micro].into_iter().find_map(|f| f.language.clone()),
        keywords: sources
            .iter()
            .map(|f| f.keywords.clone())
            .find(|k| !k.is_empty())
            .unwrap_or_default(),
        url,
        format: Format::Html,
        ..Dispatch::default()
    })
}

/// Below this many bytes, a marked article body is checked against the densest text block.
const SHORT_BODY: usize = 400;

fn text_len(paras: &[Para]) -> usize {
    paras.iter().map(|p| p.text.len()).sum()
}

/// Paragraphs of an HTML fragment (a body field holding markup), read like an article body.
pub(crate) fn fragment_paragraphs(s: &str) -> Vec<String> {
    let frag = Html::parse_fragment(&prune::prune(s, prune::MAX_DEPTH));
    paragraphs::article(frag.root_element()).into_iter().map(|p| p.text).collect()
}

/// The first source that has the field.
fn first<T: Clone>(sources: &[&Found], field: impl Fn(&Found) -> Option<&T>) -> Option<T> {
    sources.iter().find_map(|f| field(f)).cloned()
}

/// The page's headline heading: the first `<h1>` inside the article, else the first one the
/// `<title>` contains, else the first one.
fn best_h1(page: &Page<'_>, html_title: Option<&str>) -> Option<String> {
    let h1s: Vec<(String, bool)> = page
        .h1s
        .iter()
        .filter_map(|(el, in_article)| {
            Some((found::text(&el.text().collect::<String>())?, *in_article))
        })
        .collect();
    let in_title = |t: &str| html_title.is_some_and(|h| h.contains(t));
    h1s.iter()
        .find(|(_, in_article)| *in_article)
        .or_else(|| h1s.iter().find(|(t, _)| in_title(t)))
        .or_else(|| h1s.first())
        .map(|(t, _)| t.clone())
}

const TITLE_SEPARATORS: &[&str] = &[" - ", " | ", " – ", " — ", " : ", " :: ", " · "];

/// A headline without the site name some pages append (`Titre - Le Monde.fr`); when the
/// page's `<h1>` is the headline alone, that is it.
fn strip_site(title: &str, sites: &[&str], h1: Option<&str>) -> String {
    if let Some(h1) = h1
        && let Some(rest) = title.strip_prefix(h1)
        && TITLE_SEPARATORS.iter().any(|s| rest.starts_with(s))
    {
        return h1.to_owned();
    }
    let lower = title.to_lowercase();
    for site in sites {
        let site = site.to_lowercase();
        for sep in TITLE_SEPARATORS {
            let tail = format!("{sep}{site}");
            if lower.ends_with(&tail) && lower.len() > tail.len() {
                // Lowercasing may change byte lengths; cut on the original's char count.
                let keep = lower.chars().count() - tail.chars().count();
                return title.chars().take(keep).collect();
            }
        }
    }
    title.to_owned()
}

/// A `<title>` used as headline loses a short last part (`Titre | Site`, `Titre : actualité
/// automobile`).
fn strip_title_suffix(title: &str) -> String {
    TITLE_SEPARATORS
        .iter()
        .filter_map(|sep| title.rfind(sep).map(|i| (i, sep.len())))
        .max()
        .filter(|(i, n)| *i > 0 && title[i + n..].split_whitespace().count() <= 5)
        .map(|(i, _)| title[..i].trim().to_owned())
        .unwrap_or_else(|| title.to_owned())
}

/// The standfirst, from the description and the body (see the module documentation).
fn lede(description: Option<String>, paras: &[Para]) -> Option<String> {
    let lead_bold = paras
        .first()
        .and_then(|p| p.lead_bold.clone())
        .filter(|b| b.split_whitespace().count() >= 5);
    match description {
        Some(d) if !is_excerpt(&d, paras) => Some(d),
        Some(_) => lead_bold.or_else(|| paras.first().map(|p| p.text.clone())),
        None => lead_bold,
    }
}

/// Whether a description is only the start of the body (cut anywhere, even mid-word).
fn is_excerpt(description: &str, paras: &[Para]) -> bool {
    let d = letters(description.trim_end_matches(['.', '…', ' ']));
    if d.len() < 20 {
        return false;
    }
    let mut body = String::new();
    for p in paras {
        body.push_str(&letters(&p.text));
        if body.len() >= d.len() {
            break;
        }
    }
    let common = d.chars().zip(body.chars()).take_while(|(a, b)| a == b).count();
    common * 10 >= d.chars().count() * 8 || common >= 200
}

/// Lowercase letters and digits only: text compared across markup, quotes and spacing.
fn letters(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// Path words that name no section.
const NOT_SECTIONS: &[&str] = &[
    "article",
    "articles",
    "story",
    "stories",
    "news",
    "actualite",
    "actualites",
    "actu",
    "actus",
    "info",
    "infos",
    "amp",
    "www",
    "fr",
    "en",
    "index",
    "content",
    "contenu",
    "post",
    "posts",
    "blog",
    "page",
    "pages",
    "node",
    "id",
    "html",
    "web",
    "live",
    "video",
    "videos",
    "photos",
];

/// The section a URL path names, for sites that file articles under it
/// (`https://actu.orange.fr/societe/fait-divers/titre.html` → `Fait-divers`): the deepest
/// directory that is a plain word.
fn url_section(url: &str) -> Option<String> {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = after_scheme.split_once('/').map_or("", |(_, p)| p);
    let path = path.split(['?', '#']).next().unwrap_or_default();
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let dirs = segments.split_last().map_or(&[][..], |(_, dirs)| dirs);
    let word = dirs.iter().rev().find(|s| {
        (3..=30).contains(&s.chars().count())
            && s.chars().all(|c| c.is_alphabetic() || c == '-')
            && !NOT_SECTIONS.contains(&s.to_lowercase().as_str())
    })?;
    let mut chars = word.chars();
    let head = chars.next()?;
    Some(head.to_uppercase().chain(chars).collect())
}

/// The translator of a credit line such as `*Traduit de l'anglais par Mourad Belhaj`.
fn translator(p: &str) -> Option<String> {
    let t = p.trim_start_matches(['*', ' ']).trim();
    let opening: String = t.chars().take(12).collect::<String>().to_lowercase();
    if !(opening.starts_with("traduit ") || opening.starts_with("traduction "))
        || t.chars().count() > 120
    {
        return None;
    }
    let at = t.rfind(" par ").or_else(|| t.rfind(" Par "))?;
    let name = found::text(t[at + 5..].trim_end_matches('.'))?;
    let is_name =
        name.chars().next().is_some_and(char::is_uppercase) && name.split_whitespace().count() <= 5;
    is_name.then_some(name)
}

/// The agency: a byline credit naming a known agency or credited as an organization, else
/// the publisher.
fn agency_of(credits: &[Credit], publisher: Option<&str>) -> Option<String> {
    for c in credits {
        let Some(found) = agency::from_credit(&c.name) else { continue };
        // `from_credit` returns unknown short credits unchanged; a person's name is no agency.
        let known = found != c.name.trim() || is_acronym(&found);
        if c.organization || known {
            return Some(found);
        }
    }
    publisher.and_then(agency::from_credit)
}

/// `AFP`, `AA`, `ANSA`: an agency's short name.
fn is_acronym(s: &str) -> bool {
    (2..=6).contains(&s.len()) && s.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(text: &str) -> Para {
        Para::plain(text.into())
    }

    #[test]
    fn sections_from_urls() {
        let cases = [
            (
                "https://actu.orange.fr/societe/fait-divers/titre-CNT000001mxThA.html",
                Some("Fait-divers"),
            ),
            ("https://actu.orange.fr/politique/titre.html", Some("Politique")),
            (
                "http://www.lemonde.fr/pixels/article/2015/05/04/titre_4627068_4408996.html",
                Some("Pixels"),
            ),
            ("https://exemple.fr/titre.html", None),
            ("https://exemple.fr/2020/05/04/titre", None),
            ("pas une url", None),
        ];
        for (url, want) in cases {
            assert_eq!(url_section(url).as_deref(), want, "{url}");
        }
    }

    #[test]
    fn site_names_leave_titles() {
        let sites = ["Le Monde.fr"];
        assert_eq!(strip_site("Titre du jour - Le Monde.fr", &sites, None), "Titre du jour");
        assert_eq!(strip_site("Titre | Libération", &[], Some("Titre")), "Titre");
        assert_eq!(strip_site("Titre : suite", &[], Some("Titre : suite")), "Titre : suite");
        assert_eq!(
            strip_title_suffix(
                "Teaser : concept Audi PB 18 e-tron : actualité automobile, infos, scoop"
            ),
            "Teaser : concept Audi PB 18 e-tron"
        );
        assert_eq!(strip_title_suffix("Sans séparateur"), "Sans séparateur");
    }

    #[test]
    fn lede_from_description_or_body() {
        let body = [
            para("Le président palestinien Mahmoud Abbas a renouvelé ses menaces."),
            para("Suite."),
        ];
        // A real standfirst.
        assert_eq!(
            lede(Some("Un chapô distinct du texte.".into()), &body).as_deref(),
            Some("Un chapô distinct du texte.")
        );
        // An excerpt of the body, cut mid-word: the first paragraph is the lede.
        let excerpt = "Le président palestinien Mahmoud Abbas a renouvelé ses men...";
        assert_eq!(lede(Some(excerpt.into()), &body).as_deref(), Some(body[0].text.as_str()));
        // A bold opening is the lede.
        let mut bold = [para("Un Autrichien a été arrêté à Roissy. Il transportait des oiseaux.")];
        bold[0].lead_bold = Some("Un Autrichien a été arrêté à Roissy".into());
        assert_eq!(lede(None, &bold).as_deref(), Some("Un Autrichien a été arrêté à Roissy"));
        assert_eq!(lede(None, &body), None);
    }

    #[test]
    fn translator_credits() {
        let cases = [
            ("*Traduit de l’Anglais par Mourad Belhaj", Some("Mourad Belhaj")),
            ("Traduction de l'anglais par Elif Demir.", Some("Elif Demir")),
            (
                "Traduit en justice par le parquet de Paris, il a été condamné à deux ans de prison ferme pour des faits de corruption et de trafic d'influence.",
                None,
            ),
            ("Le texte a été traduit par Elif Demir.", None),
            ("Traduit en justice par le parquet.", None),
        ];
        for (p, want) in cases {
            assert_eq!(translator(p).as_deref(), want, "{p}");
        }
    }

    #[test]
    fn agencies_from_credits() {
        let person = |n: &str| Credit { name: n.into(), organization: false };
        let org = |n: &str| Credit { name: n.into(), organization: true };
        assert_eq!(agency_of(&[org("Orange avec AFP")], None).as_deref(), Some("AFP"));
        assert_eq!(agency_of(&[org("6Medias")], None).as_deref(), Some("6Medias"));
        assert_eq!(agency_of(&[person("AFP")], Some("Libération")).as_deref(), Some("AFP"));
        assert_eq!(
            agency_of(&[person("Martin Untersinger")], Some("Le Monde")).as_deref(),
            Some("Le Monde")
        );
        assert_eq!(agency_of(&[], None), None);
    }

    #[test]
    fn not_articles() {
        let cases = [
            "<html><head><title>Accueil</title></head><body><nav><a href='/'>Accueil</a></nav></body></html>",
            "<html><head><meta property='og:type' content='website'><title>Rubrique</title></head><body><p>Une phrase de présentation de la rubrique, assez longue pour compter comme un paragraphe de texte.</p><p>Une autre phrase de présentation de la rubrique, elle aussi assez longue pour compter.</p></body></html>",
            "",
        ];
        for html in cases {
            assert!(matches!(parse(html), Err(ErrorKind::NotAnArticle(_))), "{html}");
        }
    }

    #[test]
    fn deep_nesting_is_flattened_not_fatal() {
        let para = "<p>Un paragraphe au fond d'une page imbriquée très profondément, assez long pour compter.</p>";
        for tag in ["div", "table", "span"] {
            let html = format!(
                "<title>Profonde</title>{}{para}{para}",
                format!("<{tag}>").repeat(100_000)
            );
            let d = parse(&html).expect("a page of text");
            assert_eq!((d.title.as_str(), d.body.len()), ("Profonde", 2), "{tag}");
        }
    }

    #[test]
    fn dateline_and_json_ld_body() {
        let html = r#"<html><head><script type="application/ld+json">{"@type": "NewsArticle",
            "headline": "Sommet à Bruxelles", "articleBody": "Bruxelles, 15 février 2022 (AFP) - Les dirigeants se sont réunis mardi.\n\nIls ont adopté une déclaration commune sur l'énergie."}
            </script></head><body><h1>Sommet à Bruxelles</h1><p>Un court extrait.</p></body></html>"#;
        let d = parse(html).expect("an article");
        assert_eq!(d.body.len(), 2, "the JSON-LD body, longer than the page's text");
        assert_eq!(d.dateline.as_deref(), Some("Bruxelles"));
        assert_eq!(d.agency.as_deref(), Some("AFP"), "from the dateline, for want of a credit");
        let rubric = r#"<html><head><meta property="og:type" content="article"><title>T</title></head><body><article>
            <p>ESPACE - Le Français Thomas Pesquet est revenu sur Terre vendredi 2 juin, après six mois.</p>
            <p>Un séjour qui n'a pas été sans conséquences sur son état physique, selon les médecins.</p></article></body></html>"#;
        assert_eq!(parse(rubric).expect("an article").dateline, None, "a rubric is no dateline");
    }

    #[test]
    fn a_teaser_marked_as_body_loses_to_the_text() {
        let para = "<p>Le texte complet de l'article, dans un bloc que la page ne marque pas.</p>";
        let html = format!(
            "<title>T</title><div itemprop='articleBody'><p>Un teaser.</p></div><div>{}</div>",
            para.repeat(4)
        );
        assert_eq!(parse(&html).expect("an article").body.len(), 4);
    }

    #[test]
    fn fragments() {
        assert_eq!(
            fragment_paragraphs("<p>Para &amp; un</p><p>Para deux</p>"),
            ["Para & un", "Para deux"]
        );
        assert_eq!(fragment_paragraphs("Texte<br><br>suite"), ["Texte", "suite"]);
    }
}
