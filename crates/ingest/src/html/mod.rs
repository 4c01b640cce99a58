//! Saved HTML article pages.
//!
//! The page is parsed once, after a pass that drops script text and caps nesting
//! ([`prune`]). Metadata comes from the sources in order of trust, field by
//! field: the JSON-LD article item ([`jsonld`]), then `<meta>` tags ([`meta`]: OpenGraph,
//! `article:*`, …), then microdata ([`microdata`]), then the page itself (`<h1>`, `<title>`,
//! the section named in the URL path). The body is the microdata `articleBody` element when
//! there is one, otherwise the densest block of paragraphs ([`density`]), or every post of a
//! live blog ([`live`]), read without page furniture ([`boiler`]); JSON-LD `articleBody` text stands in when the page shows less than
//! half of it.
//!
//! The standfirst is the one the page shows, else the page's description, unless that
//! description is only the start of the body (an automatic excerpt): then it is the bold
//! opening of the first paragraph, or the first paragraph itself, as agency copy opens with
//! its lede. A description cut mid-phrase or run into a dateline is none.
//!
//! What no metadata gives, the page may still show ([`visible`]): `<time>` elements, a
//! byline, a standfirst, a section label or breadcrumb, known by their usual names. Those
//! fill only the fields every other source left empty (the standfirst excepted), and never
//! stay in the body.

mod boiler;
mod density;
mod found;
mod jsonld;
mod live;
mod meta;
mod microdata;
mod page;
mod paragraphs;
mod prune;
mod visible;
mod walk;

use scraper::{ElementRef, Html};

use self::found::{Credit, Found};
use self::page::Page;
use self::paragraphs::Para;
use crate::dispatch::{Dispatch, Format};
use crate::error::ErrorKind;
use crate::{agency, dateline, normalize, text};

/// Parses a saved HTML article page.
pub(crate) fn parse(text: &str) -> Result<Dispatch, ErrorKind> {
    let doc = Html::parse_document(&prune::prune(text, prune::MAX_DEPTH));
    let page = Page::scan(&doc);
    let ld = jsonld::read(&page.scripts);
    let tags = meta::read(&page);
    let (micro, bodies) = microdata::read(&page);
    let sources = [&ld, &tags, &micro];

    let mut body = bodies.first().copied();
    let mut paras: Vec<Para> = body.map(paragraphs::article).unwrap_or_default();
    // A marked body holding only a teaser loses to the page's densest text.
    if text_len(&paras) < SHORT_BODY {
        let mut blocks = density::main_text(doc.root_element());
        // A live blog's densest block is one of its posts: the text is all of them.
        let live = blocks.first().and_then(|b| live::posts(*b));
        let dense: Vec<Para> = match live {
            Some(posts) => {
                blocks = posts;
                blocks.iter().copied().flat_map(live::post_paragraphs).collect()
            }
            None => blocks.iter().copied().flat_map(paragraphs::article).collect(),
        };
        if text_len(&dense) > text_len(&paras) {
            paras = dense;
            body = blocks.first().copied();
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
    let (h1_el, h1) = best_h1(&page, html_title.as_deref()).unzip();
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
    // Without article metadata, a `<title>` or headline saying the page is missing.
    let heads = [html_title.as_deref(), h1.as_deref()];
    if !article && heads.into_iter().flatten().any(says_not_found) {
        return Err(ErrorKind::NotAnArticle("an error page (page not found)".into()));
    }
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
    // Then with the agency that supplied it (`Le Monde avec AFP`).
    let closing_agency = paras.last().and_then(|p| closing_credit(&p.text));
    if closing_agency.is_some() {
        paras.pop();
    }
    // Or with a sign-off glued to the last sentence (`… a indiqué M. Li. Fin`).
    let mut glued_agency = None;
    if let Some(last) = paras.last_mut()
        && let Some((at, agency)) = glued_sign_off(&last.text)
    {
        last.text.truncate(at);
        glued_agency = agency;
    }
    // Or with the reporter's name alone (`Chamberline Moko`).
    let signer = paras.last().filter(|p| paras.len() > 1 && is_signature(&p.text)).cloned();
    if signer.is_some() {
        paras.pop();
    }

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
    let description = first(&sources, |f| f.description.as_ref());
    let published = sources.iter().find_map(|f| f.published);
    let updated = sources.iter().find_map(|f| f.updated);

    // What the page shows stands in for what the metadata left out, and its standfirst
    // for the description (a teaser written for search engines, often cut).
    let missing = description.is_none()
        || section.is_none()
        || credits.is_empty()
        || published.is_none()
        || updated.is_none();
    let anchors = visible::Anchors { h1: h1_el, body, title: title.as_deref() };
    let mut on_page = visible::read(doc.root_element(), anchors, &paras);
    if missing {
        // Byline, date and section label are shown beside the text, not part of it.
        let labels: Vec<String> = on_page.labels.iter().map(|l| letters(l)).collect();
        paras.retain(|p| !labels.contains(&letters(&p.text)));
    }
    // A byline or date line inside the text block is not text either.
    let mut i = 0;
    while i < paras.len().min(3) {
        let Some(line) = visible::credit_line(&paras[i].text) else {
            i += 1;
            continue;
        };
        paras.remove(i);
        let found = &mut on_page.found;
        if found.authors.is_empty() {
            found.authors = line.found.authors;
        }
        found.published = found.published.or(line.found.published);
        found.updated = found.updated.or(line.found.updated);
        on_page.agency = on_page.agency.or(line.agency);
    }
    // Agency copy opens with its signature line (`AA / Ankara / Ümit Dönmez`).
    let signature = paras.first().and_then(|p| text::signature::parse(&p.text));
    if signature.is_some() {
        paras.remove(0);
    }
    let seen = on_page.found;
    let lede = lede(seen.description, description, &paras);
    let section = section.or(seen.section);
    let signed = signature.as_ref().map(|s| &s.authors).filter(|a| !a.is_empty());
    let credits = match (signed, signer) {
        _ if !credits.is_empty() => credits,
        _ if !seen.authors.is_empty() => seen.authors,
        (Some(names), _) => {
            names.iter().map(|n| Credit { name: n.clone(), organization: false }).collect()
        }
        (None, Some(p)) => vec![Credit { name: p.text, organization: false }],
        (None, None) => Vec::new(),
    };
    let publisher = [&ld, &micro, &tags].into_iter().find_map(|f| f.publisher.clone());
    // A standfirst marked inside the text block opens it: not a body paragraph too.
    if let Some(l) = &lede
        && paras.first().is_some_and(|p| letters(&p.text) == letters(l))
    {
        paras.remove(0);
    }
    // A place alone in capitals before a dash is as often a rubric (`ESPACE - `) as a
    // dateline, so only datelines with a date or an agency count, or on an agency's page
    // (its publisher or its credited author an agency).
    let wire = publisher.as_deref().is_some_and(|p| agency::known(p).is_some())
        || credits.iter().any(|c| agency::named(&c.name).is_some());
    let opening = paras.first().map(|p| p.text.as_str()).into_iter().chain(lede.as_deref());
    let found_dateline = opening.filter_map(dateline::find).find(|d| wire || !d.is_bare());
    // A headline alone is a loss when the page shows text: say so rather than index it.
    let known = [title.as_deref(), lede.as_deref()];
    if paras.is_empty() && !shows_little(doc.root_element(), &known) {
        return Err(ErrorKind::Parse("an article page whose text could not be found".into()));
    }

    Ok(Dispatch {
        title: title.unwrap_or_default(),
        lede,
        body: paras.into_iter().map(|p| p.text).collect(),
        section,
        published: published.or(seen.published),
        updated: updated.or(seen.updated),
        // Who supplied the text before who published it.
        agency: credited_agency(&credits)
            .or(on_page.agency)
            .or(closing_agency)
            .or(glued_agency.map(str::to_owned))
            .or_else(|| signature.as_ref().map(|s| s.agency.clone()))
            .or_else(|| publisher.as_deref().and_then(agency::from_credit))
            .or_else(|| found_dateline.as_ref().and_then(|d| d.agency.clone())),
        authors: people_first(credits),
        dateline: ld
            .dateline
            .clone()
            .or_else(|| signature.as_ref().map(|s| s.city.clone()))
            .or_else(|| found_dateline.map(|d| d.city)),
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

/// Whether a page shows little text besides `known` (its headline, its standfirst): a flash
/// whose empty body is what the page holds, not text the reader missed.
fn shows_little(root: ElementRef<'_>, known: &[Option<&str>]) -> bool {
    let known: Vec<String> = known.iter().flatten().map(|k| letters(k)).collect();
    let mut shown = paragraphs::article(root);
    shown.retain(|p| !known.contains(&letters(&p.text)));
    text_len(&shown) < SHORT_BODY
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

/// The page's headline heading and its text: the first `<h1>` inside the article, else the
/// first one the `<title>` contains, else the first one.
fn best_h1<'a>(page: &Page<'a>, html_title: Option<&str>) -> Option<(ElementRef<'a>, String)> {
    let h1s: Vec<(ElementRef<'a>, String, bool)> = page
        .h1s
        .iter()
        .filter_map(|(el, in_article)| Some((*el, found::text(&heading_text(*el))?, *in_article)))
        .collect();
    let in_title = |t: &str| html_title.is_some_and(|h| h.contains(t));
    if h1s.is_empty() {
        // No `<h1>`: an `<h2>` the `<title>` names (`APS - Algérie : le gouvernement adopte…`
        // for `Algérie : le gouvernement adopte… 2024`).
        let title = html_title?;
        return page.h2s.iter().find_map(|el| {
            let text = found::text(&el.text().collect::<String>())?;
            names_heading(title, &text).then_some((*el, text))
        });
    }
    h1s.iter()
        .find(|(_, _, in_article)| *in_article)
        .or_else(|| h1s.iter().find(|(_, t, _)| in_title(t)))
        .or_else(|| h1s.first())
        .map(|(el, t, _)| (*el, t.clone()))
}

/// Words of `class` values that mark a kicker set inside the headline (`<h1><span
/// class="suptitle">Énergie</span> Québec annonce…</h1>`).
const KICKER_WORDS: &[&str] = &[
    "suptitle",
    "surtitre",
    "kicker",
    "overline",
    "eyebrow",
    "rubrique",
    "category",
    "categorie",
    "badge",
    "label",
];

/// The text of a headline element, without a kicker inside it.
fn heading_text(el: ElementRef<'_>) -> String {
    let kicker = |e: ElementRef<'_>| {
        e.value().attr("class").is_some_and(|c| {
            c.split(|c: char| !c.is_alphanumeric())
                .any(|w| KICKER_WORDS.contains(&w.to_lowercase().as_str()))
        })
    };
    let mut out = String::new();
    for node in el.descendants() {
        let Some(t) = node.value().as_text() else { continue };
        let in_kicker =
            node.ancestors().take_while(|a| *a != *el).filter_map(ElementRef::wrap).any(kicker);
        if !in_kicker {
            out.push_str(t);
        }
    }
    out
}

/// Whether a page `<title>` names this heading: it holds the heading, or one of its parts
/// (between site-name separators) is a good part of the heading.
fn names_heading(title: &str, heading: &str) -> bool {
    const MIN_LETTERS: usize = 15;
    let h = letters(heading);
    if h.chars().count() < MIN_LETTERS {
        return false;
    }
    if letters(title).contains(&h) {
        return true;
    }
    let mut parts = vec![title];
    for sep in TITLE_SEPARATORS {
        parts = parts.iter().flat_map(|p| p.split(sep)).collect();
    }
    parts.iter().map(|p| letters(p)).any(|p| p.chars().count() >= MIN_LETTERS && h.contains(&p))
}

const TITLE_SEPARATORS: &[&str] = &[" - ", " | ", " – ", " — ", " : ", " :: ", " · "];

/// A headline without the site name some pages append (`Titre - Le Monde.fr`) or put first
/// (`TAP - Agence Tunis Afrique Presse - Titre`); when the page's `<h1>` is the headline
/// alone, that is it.
fn strip_site(title: &str, sites: &[&str], h1: Option<&str>) -> String {
    if let Some(h1) = h1
        && let Some(rest) = title.strip_prefix(h1)
        && TITLE_SEPARATORS.iter().any(|s| rest.starts_with(s))
    {
        return h1.to_owned();
    }
    let title = without_site_prefix(title, sites);
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

/// `title` without the site's names put before it: the site name, or the full name of the
/// same agency (`TAP - Agence Tunis Afrique Presse - `). A colon is no such separator.
fn without_site_prefix<'t>(title: &'t str, sites: &[&str]) -> &'t str {
    const MIN_WORDS: usize = 3;
    let agencies: Vec<&str> = sites.iter().filter_map(|s| agency::named(s)).collect();
    let is_site = |part: &str| {
        let part = part.trim();
        sites.iter().any(|s| s.eq_ignore_ascii_case(part))
            || agency::named(part).is_some_and(|a| agencies.contains(&a))
    };
    let mut rest = title;
    while let Some((head, tail)) = [" - ", " | ", " – ", " — "]
        .iter()
        .filter_map(|sep| rest.split_once(sep))
        .min_by_key(|(head, _)| head.len())
    {
        if !is_site(head) || tail.split_whitespace().count() < MIN_WORDS {
            break;
        }
        rest = tail.trim_start();
    }
    rest
}

/// A `<title>` used as headline loses a short last part (`Titre | Site`, `Titre : actualité
/// automobile`).
fn strip_title_suffix(title: &str) -> String {
    // `Titre_French.news.cn`: a site name glued on with an underscore.
    if let Some((head, tail)) = title.rsplit_once('_')
        && !tail.trim().contains(' ')
        && head.split_whitespace().count() >= 3
    {
        return head.trim().to_owned();
    }
    TITLE_SEPARATORS
        .iter()
        .filter_map(|sep| title.rfind(sep).map(|i| (i, sep.len())))
        .max()
        .filter(|(i, n)| *i > 0 && title[i + n..].split_whitespace().count() <= 5)
        .map(|(i, _)| title[..i].trim().to_owned())
        .unwrap_or_else(|| title.to_owned())
}

/// Wordings of error pages, as [`normalize::label_key`] folds them.
const NOT_FOUND: &[&str] = &[
    "page introuvable",
    "page non trouvee",
    "page inexistante",
    "page not found",
    "erreur 404",
    "error 404",
    "404 not found",
    "cette page n'existe pas",
    "cette page n'existe plus",
    "la page demandee n'existe",
    "la page que vous recherchez",
    "article introuvable",
    "contenu introuvable",
    "ce contenu n'est plus disponible",
];

/// Whether a `<title>` or headline says the page is missing (`Page introuvable - Le Figaro`,
/// `Oups ! Cette page n’existe pas ou plus.`, `Erreur 404`).
fn says_not_found(text: &str) -> bool {
    let key = normalize::label_key(text);
    NOT_FOUND.iter().any(|w| key.contains(w)) || key.starts_with("404 ")
}

/// The standfirst, from the one the page shows, the description and the body (see the
/// module documentation).
fn lede(shown: Option<String>, description: Option<String>, paras: &[Para]) -> Option<String> {
    let lead_bold = paras
        .first()
        .and_then(|p| p.lead_bold.clone())
        .filter(|b| b.split_whitespace().count() >= 5);
    // A description cut short or garbled is no standfirst, unless it opens the body.
    let description =
        description.filter(|d| is_excerpt(d, paras) || !(is_cut(d) || runs_into_text(d)));
    match shown.or(description) {
        Some(d) if !is_excerpt(&d, paras) => Some(d),
        Some(_) => lead_bold.or_else(|| paras.first().map(|p| p.text.clone())),
        None => lead_bold,
    }
}

/// Whether a description was cut short: it ends on `…`, or on a word no phrase ends with
/// (`… a reçu mardi le ministre italien des`). Many descriptions have no final full stop
/// (Anadolu's never do), so its absence alone says nothing.
fn is_cut(description: &str) -> bool {
    const OPEN_WORDS: &[&str] = &[
        "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "au", "aux", "a", "en", "et",
        "ou", "par", "pour", "sur", "sous", "dans", "avec", "sans", "entre", "vers", "qui", "que",
        "qu", "dont", "son", "sa", "ses", "leur", "leurs", "ce", "cette", "ces", "the", "of",
        "and", "to", "in",
    ];
    let d = description.trim_end();
    if d.ends_with('…') || d.ends_with("...") || d.ends_with([',', ';']) {
        return true;
    }
    let last = d.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or_default();
    OPEN_WORDS.contains(&normalize::label_key(last).as_str())
}

/// Whether a description is a headline run into the text, dateline and all (`… pour
/// 2024---PEKIN, 5 mars (Xinhua) -- La Chine a fixé…`): a dateline with a date or an agency
/// opens a word after the start.
fn runs_into_text(description: &str) -> bool {
    let starts = description
        .char_indices()
        .skip(1)
        .filter(|(i, c)| c.is_uppercase() && !description[..*i].ends_with(char::is_alphanumeric));
    starts.map(|(i, _)| &description[i..]).filter_map(dateline::find).any(|d| !d.is_bare())
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
    // The excerpt may leave out the dateline that opens the body (`ALGER - `).
    let opening = paras.first().and_then(|p| dateline::find(&p.text)).map(|dl| {
        let first = paras.first().map_or("", |p| p.text.as_str());
        letters(&first[..dl.len])
    });
    let after = opening.as_deref().and_then(|o| body.strip_prefix(o));
    let common = |body: &str| d.chars().zip(body.chars()).take_while(|(a, b)| a == b).count();
    let common = common(&body).max(after.map_or(0, common));
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

/// The authors of a byline: beside people, an organization or agency credited as author
/// (`Belga, Pierre-Yves Meugens`) is the agency, not an author. Alone it stays, as the
/// JSON reader keeps it (`AFP`).
fn people_first(credits: Vec<Credit>) -> Vec<String> {
    let org = |c: &Credit| c.organization || agency::named(&c.name).is_some();
    let people = credits.iter().any(|c| !org(c));
    credits.into_iter().filter(|c| !people || !org(c)).map(|c| c.name).collect()
}

/// The agency a byline credits: one naming a known agency or credited as an organization.
fn credited_agency(credits: &[Credit]) -> Option<String> {
    for c in credits {
        let Some(found) = agency::from_credit(&c.name) else { continue };
        // `from_credit` returns unknown short credits unchanged; a person's name is no agency.
        let known = found != c.name.trim() || is_acronym(&found);
        if c.organization || known {
            return Some(found);
        }
    }
    None
}

/// The agency of a closing credit line: `Le Monde avec AFP`, `(avec Reuters)`, `AFP`.
fn closing_credit(p: &str) -> Option<String> {
    let t = p.trim().trim_matches(|c: char| "()[]-—–. ".contains(c));
    let words = t.split_whitespace().count();
    if words == 0 || words > 8 {
        return None;
    }
    let lower = t.to_ascii_lowercase();
    let rest = match lower.find("avec ") {
        // `N. I. (avec APS)`: the reporter's initials, then the agency.
        Some(i) if i == 0 || lower[..i].ends_with([' ', '(']) => &t[i + "avec ".len()..],
        _ if words <= 3 => t,
        _ => return None,
    };
    let rest = rest.strip_prefix("l'").or_else(|| rest.strip_prefix("l’")).unwrap_or(rest);
    if rest.split_whitespace().count() > 4 {
        return None;
    }
    agency::known(rest).map(str::to_owned)
}

/// Where a sign-off glued to the last sentence of a paragraph starts (`… a indiqué M. Li.
/// Fin`, `… selon la police. (Belga)`), and the agency it names.
fn glued_sign_off(p: &str) -> Option<(usize, Option<&'static str>)> {
    const MAX_WORDS: usize = 3;
    let at = p.trim_end().rfind([' ', '\u{a0}'])?;
    // The last few words, after the end of a sentence.
    let mut start = at;
    for _ in 0..MAX_WORDS {
        let before = p[..start].trim_end();
        if before.ends_with(['.', '!', '?', '»']) {
            let tail = p[start..].trim();
            return text::sign_off(tail).map(|agency| (before.len(), agency));
        }
        start = before.rfind([' ', '\u{a0}'])?;
    }
    None
}

/// Whether a paragraph is a signature: one or two names alone (`Chamberline Moko`).
fn is_signature(p: &str) -> bool {
    const MAX_WORDS: usize = 6;
    let words = p.split_whitespace().count();
    if words > MAX_WORDS {
        return false;
    }
    let names = text::names::split(p);
    // Every word is part of a name, or joins two (`et`); `Le Monde` is a paper.
    let covered = names.iter().map(|n| n.split_whitespace().count()).sum::<usize>() + names.len();
    !names.is_empty()
        && covered > words
        && names.iter().all(|n| !matches!(n.split_whitespace().next(), Some("Le" | "La" | "Les")))
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
        assert_eq!(
            strip_title_suffix("La Chine fixe un objectif de croissance_French.news.cn"),
            "La Chine fixe un objectif de croissance"
        );
        assert_eq!(
            strip_site(
                "TAP - Agence Tunis Afrique Presse - Saïed reçoit la cheffe du gouvernement",
                &["TAP"],
                None
            ),
            "Saïed reçoit la cheffe du gouvernement"
        );
        assert_eq!(strip_site("Le Monde - Titre du jour", &["Le Monde"], None), "Titre du jour");
        assert_eq!(strip_site("TAP - Tunis", &["TAP"], None), "TAP - Tunis");
        assert_eq!(
            strip_site("AFP - Un titre assez long", &["Le Monde"], None),
            "AFP - Un titre assez long"
        );
        let h1 = Html::parse_fragment(
            r#"<h1 class="headlines"><span class="suptitle">Énergie</span> <span class="title">Québec annonce un gel des tarifs</span></h1>"#,
        );
        let h1 = h1.root_element().child_elements().next().expect("the h1");
        assert_eq!(heading_text(h1).trim(), "Québec annonce un gel des tarifs");
    }

    #[test]
    fn lede_from_description_or_body() {
        let body = [
            para("Le président palestinien Mahmoud Abbas a renouvelé ses menaces."),
            para("Suite."),
        ];
        // A real standfirst.
        assert_eq!(
            lede(None, Some("Un chapô distinct du texte.".into()), &body).as_deref(),
            Some("Un chapô distinct du texte.")
        );
        // An excerpt of the body, cut mid-word: the first paragraph is the lede.
        let excerpt = "Le président palestinien Mahmoud Abbas a renouvelé ses men...";
        assert_eq!(lede(None, Some(excerpt.into()), &body).as_deref(), Some(body[0].text.as_str()));
        // A bold opening is the lede.
        let mut bold = [para("Un Autrichien a été arrêté à Roissy. Il transportait des oiseaux.")];
        bold[0].lead_bold = Some("Un Autrichien a été arrêté à Roissy".into());
        assert_eq!(lede(None, None, &bold).as_deref(), Some("Un Autrichien a été arrêté à Roissy"));
        assert_eq!(lede(None, None, &body), None);
        // The standfirst the page shows wins over a shorter teaser.
        let chapo = "Le Premier ministre s'est exprimé samedi en marge du Salon de l'agriculture, au lendemain de l'inauguration.";
        let teaser = "Le Premier ministre s'est exprimé en marge du Salon.";
        assert_eq!(lede(Some(chapo.into()), Some(teaser.into()), &body).as_deref(), Some(chapo));
        // A description cut mid-phrase, or a headline run into a dateline, is none.
        let agency = [para(
            "ALGER - Le président de la République, M. Abdelmadjid Tebboune, a reçu mardi à Alger le ministre italien des Affaires étrangères, Antonio Tajani.",
        )];
        let cut = "Le président de la République, M. Abdelmadjid Tebboune, a reçu mardi à Alger le ministre italien";
        assert_eq!(lede(None, Some(cut.into()), &agency).as_deref(), Some(agency[0].text.as_str()));
        let cut = "Le chef de l'État a reçu mardi le ministre italien des Affaires…";
        assert_eq!(lede(None, Some(cut.into()), &body), None);
        let cut = "Le chef de l'État a reçu mardi à Alger le ministre italien des";
        assert_eq!(lede(None, Some(cut.into()), &body), None);
        let run_in = "La Chine fixe un objectif de croissance d'environ 5% pour 2024---PEKIN, 5 mars (Xinhua) -- La Chine a fixé un objectif de croissance";
        assert_eq!(lede(None, Some(run_in.into()), &body), None);
        let titled = "Le Nobel de la paix à un militant d'ONG";
        assert_eq!(lede(None, Some(titled.into()), &body).as_deref(), Some(titled));
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
        assert_eq!(credited_agency(&[org("Orange avec AFP")]).as_deref(), Some("AFP"));
        assert_eq!(credited_agency(&[org("6Medias")]).as_deref(), Some("6Medias"));
        assert_eq!(credited_agency(&[person("AFP")]).as_deref(), Some("AFP"));
        assert_eq!(credited_agency(&[person("Martin Untersinger")]), None);
        assert_eq!(credited_agency(&[]), None);
        // The agency of a byline or a closing credit before the publisher.
        let html = r#"<html><head><meta property="og:site_name" content="El Watan"><meta property="og:type" content="article">
            <meta property="og:title" content="Oran : le tramway prolongé"></head><body><article>
            <p>Le ministère des Transports a approuvé, dimanche, le projet d'extension de la ligne de tramway d'Oran vers l'aéroport d'Es Senia.</p>
            <p>Le nouveau tronçon, long de 7,2 kilomètres, comptera six stations et desservira la zone industrielle ainsi que la nouvelle cité universitaire.</p>
            <p>Les travaux, confiés à un groupement algéro-turc, doivent débuter en septembre pour une mise en service prévue à la fin de l'année 2026.</p>
            <p><strong>Y. H. (avec APS)</strong></p></article></body></html>"#;
        assert_eq!(parse(html).expect("an article").agency.as_deref(), Some("APS"));
        let html = html.replace("<p><strong>Y. H. (avec APS)</strong></p>", "");
        assert_eq!(parse(&html).expect("an article").agency.as_deref(), Some("El Watan"));
    }

    #[test]
    fn not_articles() {
        let cases = [
            "<html><head><title>Accueil</title></head><body><nav><a href='/'>Accueil</a></nav></body></html>",
            "<html><head><meta property='og:type' content='website'><title>Rubrique</title></head><body><p>Une phrase de présentation de la rubrique, assez longue pour compter comme un paragraphe de texte.</p><p>Une autre phrase de présentation de la rubrique, elle aussi assez longue pour compter.</p></body></html>",
            "",
            "<html><head><title>Page introuvable - Le Figaro</title></head><body><main><h1>Oups ! Cette page n’existe pas ou plus.</h1><p>L’article que vous recherchez a peut-être été supprimé, renommé, ou est temporairement indisponible.</p><p>Vous pouvez également revenir à la page d’accueil pour découvrir toute l’actualité du jour en France et dans le monde.</p></main></body></html>",
            "<html><head><title>Erreur 404</title></head><body><h1>Oups !</h1><p>La page que vous demandez a été déplacée ou supprimée, vérifiez l'adresse saisie ou utilisez notre moteur de recherche pour retrouver l'article.</p></body></html>",
        ];
        for html in cases {
            assert!(matches!(parse(html), Err(ErrorKind::NotAnArticle(_))), "{html}");
        }
    }

    #[test]
    fn an_article_whose_text_is_not_found_is_refused_but_a_flash_is_kept() {
        let head =
            r#"<html><head><meta property="og:type" content="article"><title>Titre</title></head>"#;
        let item =
            "<li>Une ligne de texte que la page montre mais que le lecteur ne sait pas lire.</li>";
        let missed = format!(
            "{head}<body><article><h1>Titre</h1><ul>{}</ul></article></body></html>",
            item.repeat(8)
        );
        assert!(matches!(parse(&missed), Err(ErrorKind::Parse(_))), "{missed}");
        let flash = format!(
            "{head}<body><article><h1>Alerte : séisme au Japon</h1><p>Plus d'informations à suivre.</p></article></body></html>"
        );
        let d = parse(&flash).expect("a flash");
        assert_eq!((d.title.as_str(), d.body.len()), ("Alerte : séisme au Japon", 0));
    }

    #[test]
    fn live_blog_keeps_every_post_and_its_subtitle() {
        let post = |t: &str, text: &str| {
            format!(
                "<section class='post post__live'><div class='post__header'><span class='date'>{t}</span></div><div class='post__content'><p>{text} Les autorités appellent à la plus grande prudence et à limiter les déplacements.</p></div></section>"
            )
        };
        let html = format!(
            r#"<html lang="fr"><head><meta property="og:title" content="En direct, inondations dans le Sud-Ouest"></head><body><main>
            <h1>En direct, inondations dans le Sud-Ouest</h1>
            <p class="sub-title">Suivez l'évolution de la situation dans les départements placés en vigilance rouge.</p>
            <div id="live">{}{}{}</div></main></body></html>"#,
            post(
                "18:30",
                "La préfecture a ordonné l'évacuation de trois quartiers de la ville, où l'eau continue de monter."
            ),
            post(
                "15:12",
                "Les trains sont interrompus entre Bordeaux et Toulouse jusqu'à nouvel ordre, annonce la SNCF."
            ),
            post(
                "09:00",
                "Bienvenue dans ce direct consacré aux inondations qui touchent le Sud-Ouest depuis la nuit."
            )
        );
        let d = parse(&html).expect("a live blog");
        assert_eq!(d.body.len(), 3, "{:?}", d.body);
        assert!(d.body[0].starts_with("18:30 – La préfecture"));
        assert!(d.body[2].starts_with("09:00 – Bienvenue"));
        assert!(d.lede.is_some_and(|l| l.starts_with("Suivez l'évolution")));
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
    fn headline_in_an_h2() {
        let html = r#"<html><head><meta charset="utf-8"><title>APS - Algérie : le gouvernement adopte le projet de loi de finances</title></head>
            <body><div id="menu"><h2>Rubriques</h2><a href="/">Accueil</a></div>
            <div class="itemHeader"><h2 class="itemTitle">Algérie : le gouvernement adopte le projet de loi de finances 2024</h2></div>
            <div class="itemFullText">ALGER - Le gouvernement a adopté mercredi le projet de loi de finances pour 2024, a indiqué un communiqué.<br /><br />Le texte prévoit une hausse des dépenses d'équipement, selon la même source.</div></body></html>"#;
        let d = parse(html).expect("an article");
        assert_eq!(d.title, "Algérie : le gouvernement adopte le projet de loi de finances 2024");
        assert_eq!(d.body.len(), 2, "{:?}", d.body);
        assert!(!names_heading("APS - Algérie", "Rubriques"));
        assert!(!names_heading("Le Quotidien - Accueil", "Les dernières nouvelles du jour"));
    }

    #[test]
    fn sign_offs_and_signatures() {
        let p = "Le déficit a été fixé à 3% du PIB, a indiqué M. Li. Fin";
        assert_eq!(glued_sign_off(p).map(|(at, _)| &p[..at]), Some(&p[..p.len() - 4]));
        let p = "Le trafic reprendra mercredi, selon la SNCB. (Belga)";
        assert_eq!(glued_sign_off(p).map(|(_, a)| a), Some(Some("Belga")));
        for p in ["La fin des travaux est prévue en 2026. Fin de partie", "Il l'a dit. Fin mai"] {
            assert_eq!(glued_sign_off(p), None, "{p}");
        }
        assert!(is_signature("Chamberline Moko"));
        assert!(is_signature("Anne Dupont et Paul Durand"));
        for p in ["Fin", "Le Monde", "Il est parti.", "AFP", "Emmanuel Macron a parlé hier"] {
            assert!(!is_signature(p), "{p}");
        }
    }

    #[test]
    fn closing_credits() {
        let cases = [
            ("Le Monde avec AFP", Some("AFP")),
            ("(avec Reuters)", Some("Reuters")),
            ("Avec l'AFP.", Some("AFP")),
            ("AFP", Some("AFP")),
            ("— AFP", Some("AFP")),
            ("Il l'a confié à l'AFP.", None),
            ("N. I. (avec APS)", Some("APS")),
            ("avec agences", None),
            ("Le ministre est reparti avec un accord signé par l'AFP et Reuters.", None),
        ];
        for (p, want) in cases {
            assert_eq!(closing_credit(p).as_deref(), want, "{p}");
        }
    }

    #[test]
    fn byline_inside_the_text_block() {
        // No byline markup: the credit line is a paragraph of the text block, the standfirst
        // repeated below it.
        let html = r#"<html lang="fr"><head><meta property="og:title" content="Inflation : la BCE relève encore ses taux">
            <meta property="og:description" content="La BCE a relevé jeudi ses taux directeurs d'un quart de point."></head>
            <body><main><div class="article-content"><h1>Inflation : la BCE relève encore ses taux</h1>
            <div class="meta">Par Claire Lefèvre avec AFP, publié le 27/07/2023 à 14h15</div>
            <p class="chapo">La BCE a relevé jeudi ses taux directeurs d'un quart de point.</p>
            <p>FRANCFORT (AFP) - La présidente de la BCE, Christine Lagarde, a justifié cette neuvième hausse par une inflation « toujours trop élevée ».</p>
            <p>Les marchés attendaient cette décision, largement anticipée par les économistes de la place.</p>
            </div></main></body></html>"#;
        let d = parse(html).expect("an article");
        assert_eq!(d.authors, ["Claire Lefèvre"]);
        assert_eq!(d.agency.as_deref(), Some("AFP"));
        assert_eq!(d.published.map(|t| t.to_string()).as_deref(), Some("2023-07-27T12:15:00Z"));
        assert_eq!(d.dateline.as_deref(), Some("Francfort"));
        assert_eq!(d.body.len(), 2, "{:?}", d.body);
        assert!(d.body[0].starts_with("FRANCFORT (AFP)"));
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
        // On an agency's page, a place in capitals before a dash is its dateline.
        let wire = r#"<html><head><meta name="author" content="APS"><title>T</title></head><body><div itemprop="articleBody">
            <p>ALGER - Le président de la République a reçu mardi à Alger le ministre italien des Affaires étrangères.</p>
            <p>L'audience s'est déroulée au siège de la Présidence de la République, en présence du ministre.</p></div></body></html>"#;
        assert_eq!(parse(wire).expect("an article").dateline.as_deref(), Some("Alger"));
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

    /// Pages without JSON-LD, `<meta>` tags or microdata: what they show fills the fields;
    /// with JSON-LD, JSON-LD wins.
    #[test]
    fn fields_the_page_only_shows() {
        let lead_and_byline = r#"<html lang="fr"><head><title>Retraites : le Sénat adopte la réforme | Le Quotidien</title></head>
            <body><div id="page"><div class="top"><a href="/">Le Quotidien</a><p class="intro">Toute l'actualité de votre région, chaque jour.</p></div>
            <div class="content"><div class="kicker">Politique</div>
            <h1>Retraites : le Sénat adopte la réforme</h1>
            <p class="lead">Les sénateurs ont adopté dans la nuit de samedi à dimanche le projet de réforme des retraites, par 195 voix contre 112.</p>
            <div class="meta"><span class="byline">Par Marie Dupont et Paul Durand</span> — <span class="date">Publié le 12/03/2023 à 02h10, mis à jour le 12/03/2023 à 08h45</span></div>
            <div class="story"><p>Le vote est intervenu peu après minuit, au terme de plusieurs jours de débats parfois houleux dans l'hémicycle.</p>
            <p>Le texte doit désormais être examiné par une commission mixte paritaire, qui réunira sept députés et sept sénateurs.</p>
            <p>Les syndicats appellent à une nouvelle journée de mobilisation mercredi dans toute la France.</p></div></div>
            <div class="sidebar"><span class="author">Jeanne Autre</span><time datetime="2023-01-01">1er janvier</time></div></div></body></html>"#;
        let breadcrumb = r#"<html><head><title>Budget : le gouvernement recourt au 49.3</title></head><body>
            <header><a href="/">Logo</a><nav class="breadcrumb"><a href="/">Accueil</a> › <a href="/politique">Politique</a></nav></header>
            <article><h1>Budget : le gouvernement recourt au 49.3</h1>
            <div class="article-intro"><p>La Première ministre a engagé mercredi la responsabilité de son gouvernement sur le projet de budget.</p></div>
            <p>Publié le <time datetime="2022-10-19T15:02:00+02:00">19 octobre 2022 à 15h02</time>, mis à jour le <time datetime="2022-10-19T18:30:00+02:00">19 octobre 2022 à 18h30</time></p>
            <p class="auteurs"><a rel="author" href="/auteurs/jean-martin">Jean Martin</a> (à l'Assemblée nationale)</p>
            <div class="corps"><p>Sans majorité absolue, l'exécutif a choisi d'utiliser l'article 49.3 de la Constitution pour faire adopter le texte.</p>
            <p>Les oppositions ont aussitôt annoncé le dépôt de motions de censure, qui seront examinées en début de semaine prochaine.</p>
            <p>Le sommet européen du <time datetime="2022-10-20">20 octobre</time> à Bruxelles occupera la Première ministre jeudi, a indiqué Matignon à la presse.</p></div>
            </article><div class="summary">Un résumé de la page placé après l'article et hors de lui.</div></body></html>"#;
        let labels_in_text = r#"<html><head><title>Inflation</title></head><body><h1>L'inflation ralentit en octobre</h1>
            <div class="post"><span class="category">Économie</span><p class="byline">Par Anne Morel</p><p><time datetime="2022-11-03">3 novembre 2022</time></p>
            <p class="chapo">La hausse des prix a atteint 6,2 % sur un an en octobre, selon l'Insee, après 5,6 % en septembre.</p>
            <p>L'énergie et l'alimentation restent les principaux moteurs de la hausse, selon l'institut de la statistique.</p>
            <p>Les prix des services progressent plus modérément, de 3 % sur un an, contre 3,1 % le mois précédent.</p></div></body></html>"#;
        let json_ld = r#"<html><head><script type="application/ld+json">{"@type": "NewsArticle",
            "headline": "Séisme en Turquie", "description": "Le bilan dépasse les 20 000 morts.",
            "articleSection": "International", "datePublished": "2023-02-09T08:00:00Z",
            "author": {"@type": "Person", "name": "Agnès Leroy"}}</script></head><body>
            <article><span class="rubrique">Monde</span><h1>Séisme en Turquie</h1>
            <p class="chapo">Le bilan du séisme dépasse les 20 000 morts en Turquie et en Syrie, selon les autorités.</p>
            <div class="signature">Par Jean-Pierre Martin</div><time datetime="2023-02-10T10:00:00+01:00">10 février</time>
            <div class="texte"><p>Les secours continuent de chercher des survivants dans les décombres des immeubles effondrés.</p>
            <p>Plusieurs répliques ont de nouveau été ressenties dans la nuit dans le sud-est du pays.</p></div></article></body></html>"#;
        let two_times = r#"<html><head><title>Nucléaire</title></head><body><main>
            <div class="article-header"><div class="category"><a href="/sciences">Sciences</a></div>
            <h1>Nucléaire : l'EPR de Flamanville raccordé au réseau</h1>
            <h2 class="standfirst">Le réacteur a produit ses premiers kilowattheures samedi, avec douze ans de retard sur le calendrier initial.</h2>
            <span itemprop="author">Hélène Girard</span> <time datetime="2024-12-21T11:48:00Z">21/12/2024</time> <time datetime="2024-12-22T08:05:00Z">22/12/2024</time></div>
            <div class="article-body"><p>Le raccordement est intervenu peu avant midi, a annoncé EDF dans un communiqué, après plusieurs semaines d'essais.</p>
            <p>Le chantier, lancé en 2007, devait initialement s'achever en 2012 pour un coût de 3,3 milliards d'euros.</p></div>
            </main></body></html>"#;
        struct Want<'a> {
            lede: Option<&'a str>,
            section: Option<&'a str>,
            published: Option<&'a str>,
            updated: Option<&'a str>,
            authors: &'a [&'a str],
            agency: Option<&'a str>,
            first: &'a str,
            paragraphs: usize,
        }
        let cases = [
            (
                include_str!("../../../../tests/data/html-fallback/lavrov-otan.html"),
                Want {
                    lede: Some(
                        "Le chef de la diplomatie russe, Sergueï Lavrov, a accusé mardi l’Otan de « jeter de l’huile sur le feu » en Ukraine.",
                    ),
                    section: Some("Monde"),
                    published: Some("2024-03-12T09:15:00Z"),
                    updated: None,
                    authors: &["Jean-Pierre Martin"],
                    agency: Some("AFP"),
                    first: "MOSCOU (AFP) - Le ministre russe",
                    paragraphs: 3,
                },
            ),
            (
                lead_and_byline,
                Want {
                    lede: Some(
                        "Les sénateurs ont adopté dans la nuit de samedi à dimanche le projet de réforme des retraites, par 195 voix contre 112.",
                    ),
                    section: Some("Politique"),
                    // Paris time, written without a zone on the page.
                    published: Some("2023-03-12T01:10:00Z"),
                    updated: Some("2023-03-12T07:45:00Z"),
                    authors: &["Marie Dupont", "Paul Durand"],
                    agency: None,
                    first: "Le vote est intervenu",
                    paragraphs: 3,
                },
            ),
            (
                breadcrumb,
                Want {
                    lede: Some(
                        "La Première ministre a engagé mercredi la responsabilité de son gouvernement sur le projet de budget.",
                    ),
                    section: Some("Politique"),
                    published: Some("2022-10-19T13:02:00Z"),
                    updated: Some("2022-10-19T16:30:00Z"),
                    authors: &["Jean Martin"],
                    agency: None,
                    first: "Sans majorité absolue",
                    paragraphs: 3,
                },
            ),
            (
                labels_in_text,
                Want {
                    lede: Some(
                        "La hausse des prix a atteint 6,2 % sur un an en octobre, selon l'Insee, après 5,6 % en septembre.",
                    ),
                    section: Some("Économie"),
                    published: Some("2022-11-03T00:00:00Z"),
                    updated: None,
                    authors: &["Anne Morel"],
                    agency: None,
                    first: "L'énergie et l'alimentation",
                    paragraphs: 2,
                },
            ),
            (
                two_times,
                Want {
                    lede: Some(
                        "Le réacteur a produit ses premiers kilowattheures samedi, avec douze ans de retard sur le calendrier initial.",
                    ),
                    section: Some("Sciences"),
                    published: Some("2024-12-21T11:48:00Z"),
                    updated: Some("2024-12-22T08:05:00Z"),
                    authors: &["Hélène Girard"],
                    agency: None,
                    first: "Le raccordement est intervenu",
                    paragraphs: 2,
                },
            ),
            (
                json_ld,
                Want {
                    // The standfirst shown, not the shorter teaser written for search engines.
                    lede: Some(
                        "Le bilan du séisme dépasse les 20 000 morts en Turquie et en Syrie, selon les autorités.",
                    ),
                    section: Some("International"),
                    published: Some("2023-02-09T08:00:00Z"),
                    updated: None,
                    authors: &["Agnès Leroy"],
                    agency: None,
                    first: "Les secours continuent",
                    paragraphs: 2,
                },
            ),
        ];
        for (html, want) in cases {
            let d = parse(html).expect("an article");
            let t = &d.title;
            assert_eq!(d.lede.as_deref(), want.lede, "{t}");
            assert_eq!(d.section.as_deref(), want.section, "{t}");
            assert_eq!(d.published.map(|t| t.to_string()).as_deref(), want.published, "{t}");
            assert_eq!(d.updated.map(|t| t.to_string()).as_deref(), want.updated, "{t}");
            assert_eq!(d.authors, want.authors, "{t}");
            assert_eq!(d.agency.as_deref(), want.agency, "{t}");
            assert!(d.body[0].starts_with(want.first), "{t}: {:?}", d.body);
            assert_eq!(d.body.len(), want.paragraphs, "{t}: {:?}", d.body);
        }
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
