//! The metadata a page shows without marking it up: the dates of its `<time>` elements, the
//! byline, the standfirst, the section label or breadcrumb. They are known by the names
//! templates give them (`chapo`, `byline`, `signature`, `rubrique`, `breadcrumb`, …) and by
//! where they stand (inside the article, between the headline and the text), never by one
//! site's layout. The last source, after JSON-LD, `<meta>` tags and microdata.
//!
//! The article is the `<article>` (or article item) holding the body; around it, the block
//! it shares with the headline. Dates and bylines are read in the article, else around it; a
//! standfirst only in the article, or around it between the headline and the text; a
//! section label only before the text; a breadcrumb anywhere outside furniture.

use jiff::Timestamp;
use scraper::ElementRef;
use scraper::node::Element;

use super::boiler;
use super::found::{Credit, Found};
use super::page::{is_article_type, type_name};
use super::paragraphs::{BLOCKS, Para};
use super::walk::{Visitor, walk};
use crate::normalize::{self, label_key};
use crate::text::names;
use crate::{agency, dates};

/// What the page shows.
#[derive(Debug, Default)]
pub(super) struct Shown {
    /// Standfirst (as `description`), dates, authors (people only) and section.
    pub found: Found,
    /// An agency the byline names (`Par Jean Martin, avec AFP`).
    pub agency: Option<String>,
    /// Texts of the elements read as byline, date or section label: never body text.
    pub labels: Vec<String>,
}

/// Where the article stands on the page.
#[derive(Clone, Copy, Default)]
pub(super) struct Anchors<'a, 't> {
    /// The headline's `<h1>`.
    pub h1: Option<ElementRef<'a>>,
    /// The first element holding the body text.
    pub body: Option<ElementRef<'a>>,
    /// The headline, whichever source gave it.
    pub title: Option<&'t str>,
}

/// Words of `class` and `id` values naming a standfirst.
const LEDE_WORDS: &[&str] = &[
    "chapo",
    "chapô",
    "chapeau",
    "lede",
    "lead",
    "standfirst",
    "intro",
    "introduction",
    "summary",
    "excerpt",
    "description",
    "desc",
    "accroche",
    "resume",
    "abstract",
    "deck",
    "dek",
    "strapline",
    "subtitle",
    "soustitre",
];

/// Words naming a byline.
const BYLINE_WORDS: &[&str] = &[
    "byline",
    "bylines",
    "author",
    "authors",
    "auteur",
    "auteurs",
    "signature",
    "signatures",
    "writer",
    "journaliste",
    "journalist",
    "redacteur",
    // Turkish CMSs (Anadolu: `detay-muhabir`).
    "muhabir",
];

/// Words of the parts of an author block that are not the name.
const NOT_NAME_WORDS: &[&str] = &[
    "bio",
    "biography",
    "avatar",
    "photo",
    "picture",
    "img",
    "image",
    "description",
    "follow",
    "suivre",
    "email",
    "mail",
    "twitter",
];

/// Words naming a date line.
const DATE_WORDS: &[&str] = &[
    "date",
    "dates",
    "published",
    "publication",
    "publish",
    "pubdate",
    "updated",
    "update",
    "modified",
    "maj",
    "timestamp",
    "datetime",
];

/// Words naming a section label.
const SECTION_WORDS: &[&str] = &[
    "rubrique",
    "rubric",
    "section",
    "category",
    "categorie",
    "categories",
    "kicker",
    "surtitre",
    "overline",
    "eyebrow",
];

/// Words naming a breadcrumb.
const CRUMB_WORDS: &[&str] = &["breadcrumb", "breadcrumbs", "crumbs", "ariane", "filariane"];

/// Words of media blocks, whose text is a caption or a player's, never a standfirst.
const MEDIA_WORDS: &[&str] = &[
    "video",
    "videos",
    "player",
    "media",
    "photo",
    "photos",
    "image",
    "images",
    "img",
    "gallery",
    "diaporama",
    "slideshow",
    "carousel",
    "embed",
    "caption",
    "legende",
    "podcast",
    "audio",
];

/// `itemprop` values of dates.
const DATE_PROPS: &[&str] = &["datepublished", "datecreated", "datemodified", "uploaddate"];

/// Labels of an update, as [`label_key`] folds them.
const UPDATED: &[&str] = &[
    "mis a jour",
    "mise a jour",
    "maj",
    "modifie",
    "modifiee",
    "modified",
    "actualise",
    "actualisee",
    "updated",
    "update",
];

/// Labels of the first publication.
const PUBLISHED: &[&str] =
    &["publie", "publiee", "published", "publication", "pubdate", "created", "cree", "posted"];

/// Items of breadcrumbs and labels that name no section.
const NOT_SECTIONS: &[&str] = &[
    "accueil",
    "home",
    "homepage",
    "page d'accueil",
    "a la une",
    "une",
    "actualite",
    "actualites",
    "actu",
    "actus",
    "toute l'actu",
    "toute l'actualite",
    "news",
    "info",
    "infos",
    "article",
    "articles",
    "video",
    "videos",
    "direct",
    "en direct",
    "live",
    "exclusif",
    "abonnes",
    "reserve aux abonnes",
    "premium",
    "publicite",
    "partenaire",
    "sponsorise",
];

/// Openings of links back to a section (`Toutes les news People`), as [`label_key`] folds
/// them: the section is what follows.
const BACK_LINKS: &[&str] = &[
    "toutes les news",
    "toutes les infos",
    "toutes les actus",
    "toutes les actualites",
    "toute l'actualite",
    "toute l'actu",
    "tous les articles",
    "retour a la rubrique",
    "retour a",
    "retour",
    "voir tout",
    "voir toute la rubrique",
    "plus d'articles",
    "plus d'actualites",
    "back to",
];

/// What a cue is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// A `<time>` or an element with a date `itemprop`: its machine-readable value.
    Time,
    /// An element named as a date line: its text.
    DateText,
    /// An unnamed element between the headline and the text: its text, when it says
    /// `Publié le` or `Mis à jour le`.
    Line,
    Byline,
    Lede,
    Crumbs,
    /// An element with `itemprop="articleSection"`.
    SectionProp,
    SectionLabel,
}

/// An element that may show a field.
#[derive(Clone, Copy, Debug)]
struct Cue<'a> {
    kind: Kind,
    el: ElementRef<'a>,
    /// 0 inside the article, 1 around it, 2 elsewhere.
    level: u8,
    /// 0 between the headline and the text, 1 from the start of the text on, 2 before the
    /// headline.
    tier: u8,
    /// Inside a media block.
    media: bool,
    /// Rank in document order.
    pos: usize,
}

/// Reads what the page under `root` shows; `paras` are the body paragraphs found.
pub(super) fn read<'a>(root: ElementRef<'a>, at: Anchors<'a, '_>, paras: &[Para]) -> Shown {
    let article = at.body.or(at.h1).and_then(|el| self_and_ancestors(el).find(|e| is_article(e)));
    let around = match (at.h1, article.or(at.body)) {
        (Some(h1), Some(el)) => common_ancestor(h1, el),
        (None, Some(body)) if article.is_none() => body.parent().and_then(ElementRef::wrap),
        _ => None,
    };
    let mut scan = Scan {
        article,
        around,
        h1: at.h1,
        body: at.body,
        stack: Vec::new(),
        in_article: 0,
        in_around: 0,
        media: 0,
        articles: 0,
        seen_h1: false,
        seen_body: false,
        cues: Vec::new(),
    };
    walk(root, &mut scan);
    let mut cues = scan.cues;
    if !scan.seen_h1 {
        // A headline inside skipped markup (or none) orders nothing.
        for c in &mut cues {
            if c.tier == 2 {
                c.tier = 0;
            }
        }
    }
    // In the article before around it, and near the headline first.
    cues.sort_by_key(|c| (c.level, c.tier));

    let mut shown = Shown::default();
    let (published, updated) = read_dates(&cues, &mut shown.labels);
    shown.found.published = published;
    shown.found.updated = updated;
    let (authors, agency) = read_byline(&cues, &mut shown.labels);
    shown.found.authors =
        authors.into_iter().map(|name| Credit { name, organization: false }).collect();
    shown.agency = agency;
    shown.found.section = read_section(&cues, at, paras, &mut shown.labels);
    shown.found.description = read_lede(&cues, at, article.is_some(), paras, &shown.labels);
    shown
}

/// The cues of `kind` inside the article, then those around it.
fn of_kind<'c, 'a>(cues: &'c [Cue<'a>], kind: Kind) -> [Vec<&'c Cue<'a>>; 2] {
    let at = |level: u8| cues.iter().filter(|c| c.kind == kind && c.level == level).collect();
    [at(0), at(1)]
}

/// A date a cue shows.
struct Stamp {
    ts: Timestamp,
    label: Label,
    /// The cue's level and tier: dates near the headline first.
    group: (u8, u8),
    /// 0 for a `<time>` value, 1 for a date in words.
    rank: u8,
}

/// Publication and update dates, from the first place that shows one (in the article before
/// around it, between the headline and the text before within the text), `<time>` values
/// before dates in words. Labelled dates go by their label; else the first is the
/// publication, and a later one beside it the update.
fn read_dates(
    cues: &[Cue<'_>],
    labels: &mut Vec<String>,
) -> (Option<Timestamp>, Option<Timestamp>) {
    let mut stamps: Vec<Stamp> = Vec::new();
    for c in cues.iter().filter(|c| c.level <= 1) {
        let group = (c.level, c.tier);
        match c.kind {
            Kind::Time if !in_prose(c.el) => {
                let Some(ts) = time_value(c.el).and_then(|v| dates::parse(&v)) else { continue };
                stamps.push(Stamp { ts, label: time_label(c.el), group, rank: 0 });
                // A date shown alone is never a paragraph.
                labels.push(text_of(c.el));
            }
            Kind::DateText | Kind::Line => {
                let Some(text) = short_text(c.el, 160) else { continue };
                if c.kind == Kind::Line && label_of(&text) == Label::None {
                    continue;
                }
                let (p, u) = text_dates(&text);
                if let Some((ts, label)) = p {
                    stamps.push(Stamp { ts, label, group, rank: 1 });
                }
                if let Some(ts) = u {
                    stamps.push(Stamp { ts, label: Label::Updated, group, rank: 1 });
                }
                if p.is_some() || u.is_some() {
                    labels.push(text);
                }
            }
            _ => {}
        }
    }
    stamps.sort_by_key(|s| (s.group, s.rank));
    let level = stamps.first().map(|s| s.group.0);
    stamps.retain(|s| Some(s.group.0) == level);
    let group = stamps.iter().find(|s| s.label != Label::Updated).map(|s| s.group);
    let mut firsts = stamps.iter().filter(|s| Some(s.group) == group && s.label != Label::Updated);
    let published = firsts.clone().find(|s| s.label == Label::Published).or_else(|| firsts.next());
    let updated = stamps.iter().find(|s| s.label == Label::Updated).or_else(|| {
        let p = published?;
        stamps.iter().find(|s| s.group == p.group && s.label == Label::None && s.ts > p.ts)
    });
    let published = published.map(|s| s.ts);
    // An update comes after the publication.
    let updated = updated.map(|s| s.ts).filter(|u| published.is_none_or(|p| *u > p));
    (published, updated)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Label {
    None,
    Published,
    Updated,
}

/// The machine-readable value of a date element, else its text.
fn time_value(el: ElementRef<'_>) -> Option<String> {
    let e = el.value();
    let v = e.attr("datetime").or_else(|| e.attr("content")).map(str::to_owned);
    v.or_else(|| Some(text_of(el))).filter(|v| !v.trim().is_empty())
}

/// What a date element says it is: by its attributes, its text, and the words just before
/// it (`Mis à jour le <time>`), back to an earlier date.
fn time_label(el: ElementRef<'_>) -> Label {
    let e = el.value();
    if e.attr("pubdate").is_some() {
        return Label::Published;
    }
    let mut context = String::new();
    for n in el.prev_siblings() {
        if n.value().as_element().is_some_and(|s| s.name() == "time") {
            break;
        }
        let t = match ElementRef::wrap(n) {
            Some(s) => s.text().collect(),
            None => n.value().as_text().map(|t| t.to_string()).unwrap_or_default(),
        };
        context.insert_str(0, &t);
        if context.len() > 80 {
            break;
        }
    }
    // Only the words just before: `Publié le <time>…</time>, mis à jour le <time>`.
    let cut = context.char_indices().rev().nth(59).map_or(0, |(i, _)| i);
    let mut context = context.split_off(cut);
    context.push(' ');
    context.extend(el.text());
    // The parent's names label the date only when it holds no other.
    let parent = el
        .parent()
        .and_then(ElementRef::wrap)
        .filter(|p| p.descendent_elements().filter(|d| d.value().name() == "time").count() == 1);
    for e in std::iter::once(e).chain(parent.as_ref().map(|p| p.value())) {
        for attr in ["class", "id", "itemprop"] {
            name_words(e.attr(attr).unwrap_or_default(), &mut context);
        }
    }
    label_of(&context)
}

fn label_of(text: &str) -> Label {
    let key = label_key(text);
    if UPDATED.iter().any(|l| find_words(&key, l).is_some()) {
        Label::Updated
    } else if PUBLISHED.iter().any(|l| find_words(&key, l).is_some()) {
        Label::Published
    } else {
        Label::None
    }
}

/// Where `needle` (folded words) stands in `key` as whole words.
fn find_words(key: &str, needle: &str) -> Option<usize> {
    let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    key.match_indices(needle)
        .find(|(i, _)| {
            !alnum(key[..*i].chars().next_back()) && !alnum(key[i + needle.len()..].chars().next())
        })
        .map(|(i, _)| i)
}

/// The dates of a date line, the first with its label: `Publié le 12 mars 2024 à 10h15 -
/// Mis à jour le 12/03/2024 à 11:02` → the publication, then the update.
fn text_dates(text: &str) -> (Option<(Timestamp, Label)>, Option<Timestamp>) {
    if text.chars().count() > 160 {
        return (None, None);
    }
    let key = label_key(text);
    let at = UPDATED.iter().filter_map(|l| find_words(&key, l)).min();
    let (first, update) = match at {
        Some(i) => (&key[..i], Some(&key[i..])),
        None => (key.as_str(), None),
    };
    let label = if PUBLISHED.iter().any(|l| find_words(first, l).is_some()) {
        Label::Published
    } else {
        Label::None
    };
    (date_in(first).map(|ts| (ts, label)), update.and_then(date_in))
}

/// The first date of a folded date line, from a word opening with a digit (`6medias, publie
/// le 21 octobre 2017 a 11h28` → 21 October 2017, 11:28).
fn date_in(key: &str) -> Option<Timestamp> {
    let words: Vec<&str> = key
        .split(|c: char| c.is_whitespace() || c == ',')
        // `à 09:45.`: the full stop ends the sentence, not the time.
        .map(|w| w.trim_end_matches(['.', ';']))
        .filter(|w| !w.is_empty() && !matches!(*w, "a" | "at" | "le" | "on" | "-" | "|" | "–"))
        .collect();
    (0..words.len()).filter(|&i| words[i].starts_with(|c: char| c.is_ascii_digit())).find_map(|i| {
        let words = &words[i..words.len().min(i + 4)];
        // Shorter and shorter, so what follows the date does not spoil it.
        (1..=words.len()).rev().find_map(|n| dates::parse(&words[..n].join(" ")))
    })
}

/// Whether a date element stands in running text (`le sommet du <time>1er juin</time>`): a
/// sentence around it, not only the labels of a date line (`Publié le …, mis à jour le …`, a
/// byline beside them).
fn in_prose(el: ElementRef<'_>) -> bool {
    let block = el.ancestors().filter_map(ElementRef::wrap).find(|a| {
        matches!(a.value().name(), "p" | "li" | "blockquote" | "dd" | "div" | "section" | "article")
    });
    let Some(block) =
        block.filter(|b| matches!(b.value().name(), "p" | "li" | "blockquote" | "dd"))
    else {
        return false;
    };
    let words = |el: ElementRef<'_>| el.text().map(|t| t.split_whitespace().count()).sum::<usize>();
    let dates: usize =
        block.descendent_elements().filter(|d| d.value().name() == "time").map(words).sum();
    let text: String = block.text().collect();
    let end = text.trim_end().trim_end_matches(['»', '"', '”', ')', ' ', '\u{a0}']);
    words(block).saturating_sub(dates) >= 12 && end.ends_with(['.', '!', '?', '…'])
}

/// The people a byline names, and the agency it credits. Every byline of the article counts
/// (`<span class="author">A</span> et <span class="author">B</span>`), each once: one read
/// whole leaves its parts alone.
fn read_byline(cues: &[Cue<'_>], labels: &mut Vec<String>) -> (Vec<String>, Option<String>) {
    let (mut authors, mut credited) = (Vec::<String>::new(), None);
    for mut level in of_kind(cues, Kind::Byline) {
        // Document order, for the order of the names.
        level.sort_by_key(|c| c.pos);
        let mut read: Vec<ElementRef<'_>> = Vec::new();
        for c in level {
            if read.iter().any(|r| c.el.ancestors().any(|a| a == **r)) {
                continue;
            }
            let Some(text) = short_text(c.el, 200) else { continue };
            let (mut people, agency) = byline(&text);
            // The names alone, when the block holds more (a paper's name, a role, a date):
            // for no names, or names that take in more than a name.
            let cleaner = |names: &[String]| {
                !names.is_empty()
                    && (people.is_empty()
                        || names.iter().all(|n| people.iter().any(|p| p != n && p.contains(n))))
            };
            if let Some(names) =
                byline_parts(c.el).iter().map(|part| byline(part).0).find(|n| cleaner(n))
            {
                people = names;
            }
            if people.is_empty() && agency.is_none() {
                continue;
            }
            read.push(c.el);
            labels.push(text);
            for p in people {
                if !authors.contains(&p) {
                    authors.push(p);
                }
            }
            credited = credited.or(agency);
        }
        if !authors.is_empty() || credited.is_some() {
            break;
        }
    }
    // An unnamed block between the headline and the text may hold the byline on a line of
    // its own (`Par A et B (avec AFP)<br>Publié le …`).
    let lines = cues.iter().filter(|c| c.kind == Kind::Line && c.level <= 1 && c.tier == 0);
    for c in lines {
        if !authors.is_empty() {
            break;
        }
        let Some(text) = short_text(c.el, 300) else { continue };
        let parts = lines_of(c.el);
        let Some(line) = parts.iter().find(|l| l.len() < text.len() && labelled(l)) else {
            continue;
        };
        let (people, agency) = byline(line);
        if !people.is_empty() {
            labels.push(line.clone());
            authors = people;
            credited = credited.or(agency);
        }
    }
    (authors, credited)
}

/// Whether a line opens with a byline label (`Par Marie Dupont`, `Propos recueillis par`),
/// not a headline that says `par` (`L'Audi A1 revue par ABT Sportsline`).
fn labelled(line: &str) -> bool {
    const LABELS: &[&str] = &["par ", "by ", "propos recueillis par ", "texte par "];
    let key = label_key(line);
    let named = after_label(line);
    LABELS.iter().any(|l| key.starts_with(l))
        && named.len() < line.len()
        && named.trim_start().starts_with(char::is_uppercase)
}

/// Words of `class` values naming the name in an author block (`author__name`).
const NAME_WORDS: &[&str] = &["name", "names", "nom", "fn"];

/// The parts of a byline block that may hold the names alone, best first: elements named as
/// names (`<span class="name">A</span> <span class="role">La Presse</span>`), links that read
/// as names (`Ouest-France <a>Yann Le Goff</a>.`), then its lines (`<br>`, blocks) or its
/// child elements (`<span>Par A</span> <span>02 avril 2024</span>`).
fn byline_parts(el: ElementRef<'_>) -> Vec<String> {
    let mut parts = Vec::new();
    let named: Vec<String> = el
        .descendent_elements()
        .filter(|d| {
            let mut words = String::new();
            name_words(d.value().attr("class").unwrap_or_default(), &mut words);
            words.split_whitespace().any(|w| NAME_WORDS.contains(&w))
        })
        .map(text_of)
        .collect();
    if !named.is_empty() {
        parts.push(named.join(", "));
    }
    let links: Vec<String> = el
        .descendent_elements()
        .filter(|d| d.value().name() == "a")
        .map(text_of)
        .filter(|t| names::split(t).len() == 1 && names::split(t)[0] == *t)
        .collect();
    if !links.is_empty() {
        parts.push(links.join(", "));
    }
    let lines = lines_of(el);
    if lines.len() > 1 {
        parts.extend(lines);
    } else {
        parts.extend(el.child_elements().map(text_of));
    }
    parts
}

/// The lines of an element's text, split at line breaks and blocks.
fn lines_of(el: ElementRef<'_>) -> Vec<String> {
    let mut t = Text { root: el, buf: String::new(), breaks: true };
    walk(el, &mut t);
    t.buf.split('\n').map(normalize::clean).filter(|l| !l.is_empty()).collect()
}

/// A byline or date line left as a paragraph at the top of the text block (`Par Claire
/// Lefèvre avec AFP, publié le 27/07/2023 à 14h15`): what it says, or `None` when it reads as
/// text (`Par ailleurs, …`, a sentence mentioning a publication date).
pub(super) fn credit_line(text: &str) -> Option<Shown> {
    let words = text.split_whitespace().count();
    let end = text.trim_end_matches(['»', '"', '”', ')', ' ']);
    if words > 25 || (words >= 12 && end.ends_with(['.', '!', '?', '…'])) {
        return None;
    }
    let named = after_label(text);
    let labelled = named.len() < text.len() && named.trim_start().starts_with(char::is_uppercase);
    let (people, agency) = if labelled { byline(text) } else { (Vec::new(), None) };
    let (published, updated) = text_dates(text);
    let date_line = words <= 12 && published.is_some_and(|(_, l)| l != Label::None);
    if people.is_empty() && agency.is_none() && !date_line && !(labelled && published.is_some()) {
        return None;
    }
    let mut shown = Shown { agency, ..Shown::default() };
    shown.found.authors =
        people.into_iter().map(|name| Credit { name, organization: false }).collect();
    shown.found.published = published.map(|(ts, _)| ts);
    shown.found.updated = updated;
    shown.labels.push(text.to_owned());
    Some(shown)
}

/// Names and agency of a byline: `Par Jean-Pierre Martin, avec AFP` → `Jean-Pierre Martin`
/// and `AFP`; `Par Marie Dupont et Paul Durand (à Kiev)` → both names. A byline label says
/// where the names start: `Le Monde | 04.05.2015 • Par Martin Untersinger` names one.
fn byline(text: &str) -> (Vec<String>, Option<String>) {
    // Parentheses and separators set roles, places, dates and the agency apart.
    let segments: Vec<&str> = text
        .split([',', ';', '(', ')', '|', '/', '•', '·'])
        .flat_map(|s| s.split(" - ").flat_map(|s| s.split(" – ")).flat_map(|s| s.split(" — ")))
        .flat_map(|s| s.split(" avec ").flat_map(|s| s.split(" with ")))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    let from = segments.iter().position(|s| after_label(s).len() < s.len()).unwrap_or(0);
    let flat = segments[from..]
        .iter()
        .map(|s| ["avec ", "Avec ", "with "].iter().find_map(|w| s.strip_prefix(w)).unwrap_or(s))
        .collect::<Vec<_>>()
        .join(", ");
    let people = names::byline(&flat)
        .unwrap_or_else(|| names::split(after_label(&flat)))
        .into_iter()
        // `Le Monde`, `La Croix`: a paper, not a person.
        .filter(|n| !matches!(n.split_whitespace().next(), Some("Le" | "La" | "Les")))
        .collect();
    let agency = agency::from_credit(text).filter(|a| a != text.trim() || super::is_acronym(a));
    (people, agency)
}

/// What follows a byline label among the first words (`Par Marie Dupont`, `Propos recueillis
/// par Marie Dupont`), else all of `s`.
fn after_label(s: &str) -> &str {
    let mut start = 0;
    for w in s.split_inclusive(char::is_whitespace).take(4) {
        start += w.len();
        if matches!(label_key(w.trim()).as_str(), "par" | "by") {
            return &s[start..];
        }
    }
    s
}

/// The section: an `articleSection` property, else the last section of a breadcrumb, else a
/// short label before the text (in the article, beside the headline, or on the page above
/// it), or heading the block of text.
fn read_section(
    cues: &[Cue<'_>],
    at: Anchors<'_, '_>,
    paras: &[Para],
    labels: &mut Vec<String>,
) -> Option<String> {
    let title = at.title.unwrap_or_default();
    for level in of_kind(cues, Kind::SectionProp) {
        if let Some(s) = level.iter().find_map(|c| section_name(&short_text(c.el, 80)?, title)) {
            return Some(s);
        }
    }
    let mut crumbs = cues.iter().filter(|c| c.kind == Kind::Crumbs);
    if let Some(s) = crumbs.find_map(|c| crumb(c.el, title)) {
        return Some(s);
    }
    let beside = at.h1.and_then(|h| h.parent());
    let beside = |c: &Cue<'_>| beside.is_some_and(|b| c.el.ancestors().any(|a| a == b));
    let labelled = cues.iter().filter(|c| {
        c.kind == Kind::SectionLabel
            && !c.media
            && (c.level == 0 || beside(c) || (c.level == 2 && c.tier == 2))
    });
    let heads: Vec<String> = paras.iter().take(2).map(|p| letters(&p.text)).collect();
    for c in labelled {
        // One label, not a menu of them.
        let items = c.el.descendent_elements().filter(|e| matches!(e.value().name(), "a" | "li"));
        if items.count() > 1 {
            continue;
        }
        let Some(text) = short_text(c.el, 80) else { continue };
        // Within the text, only as the paragraph heading it.
        if c.tier == 1 && !heads.contains(&letters(&text)) {
            continue;
        }
        if let Some(s) = section_name(&text, title) {
            labels.push(text);
            return Some(s);
        }
    }
    None
}

/// The section a breadcrumb ends with (`Accueil › Monde › Europe` → `Europe`), the headline
/// and the links home aside. Linked items first: the last item is often the page itself.
fn crumb(el: ElementRef<'_>, title: &str) -> Option<String> {
    let of = |name: &str| -> Vec<ElementRef<'_>> {
        el.descendent_elements().filter(|e| e.value().name() == name).collect()
    };
    let (lis, links) = (of("li"), of("a"));
    let linked: Vec<String> = if lis.is_empty() {
        links.iter().map(|a| text_of(*a)).collect()
    } else {
        lis.iter()
            .filter(|li| li.descendent_elements().any(|e| e.value().name() == "a"))
            .map(|li| text_of(*li))
            .collect()
    };
    let all: Vec<String> = if lis.is_empty() {
        text_of(el)
            .split(['›', '»', '>', '/', '|', '→', '·', '•'])
            .map(|s| s.trim().to_owned())
            .collect()
    } else {
        lis.iter().map(|li| text_of(*li)).collect()
    };
    let last = |items: &[String]| items.iter().rev().find_map(|t| section_name(t, title));
    last(&linked).or_else(|| last(&all))
}

/// A section name: one to four words, letters only, not a label that names no section nor
/// the headline. Its first letter is made a capital (`monde` → `Monde`).
fn section_name(text: &str, title: &str) -> Option<String> {
    let mut t = text.trim().trim_matches(|c: char| !c.is_alphanumeric());
    // A back link names the section after its label (folding keeps one char for one).
    let folded = label_key(t);
    if BACK_LINKS.contains(&folded.as_str()) {
        return None;
    }
    if let Some(back) =
        BACK_LINKS.iter().find(|b| folded.starts_with(*b) && folded[b.len()..].starts_with(' '))
    {
        let at = t.char_indices().nth(back.chars().count()).map_or(t.len(), |(i, _)| i);
        t = t[at..].trim();
    }
    let words = t.split_whitespace().count();
    let key = label_key(t);
    let letters_only = t.chars().all(|c| c.is_alphabetic() || " -'’&.".contains(c));
    if !(1..=4).contains(&words) || t.chars().count() > 40 || !letters_only {
        return None;
    }
    if NOT_SECTIONS.contains(&key.as_str()) || boiler::furniture_text(t) || label_key(title) == key
    {
        return None;
    }
    let mut chars = t.chars();
    let head = chars.next()?;
    Some(head.to_uppercase().chain(chars).collect())
}

/// The standfirst: a named element after the headline, before the text or opening it, of a
/// sentence's length. Outside the article only between the headline and the text.
fn read_lede(
    cues: &[Cue<'_>],
    at: Anchors<'_, '_>,
    has_article: bool,
    paras: &[Para],
    labels: &[String],
) -> Option<String> {
    let labels: Vec<String> = labels.iter().map(|l| letters(l)).collect();
    let first = paras.iter().map(|p| letters(&p.text)).find(|t| !labels.contains(t));
    let title = letters(at.title.unwrap_or_default());
    let holds_body = |el: ElementRef<'_>| at.body.is_some_and(|b| b.ancestors().any(|a| a == *el));
    for c in cues.iter().filter(|c| c.kind == Kind::Lede && c.level <= 1) {
        let outside = c.level == 1 && has_article;
        if c.media || c.tier == 2 || (outside && c.tier != 0) || holds_body(c.el) {
            continue;
        }
        let Some(text) = short_text(c.el, 1500) else { continue };
        let key = letters(&text);
        if c.tier == 1 && first.as_ref().is_none_or(|f| *f != key) {
            continue;
        }
        let words = text.split_whitespace().count();
        if !(5..=150).contains(&words) || key == title || boiler::furniture_text(&text) {
            continue;
        }
        let link: usize =
            c.el.descendent_elements()
                .filter(|e| e.value().name() == "a")
                .map(|a| a.text().flat_map(str::chars).filter(|c| !c.is_whitespace()).count())
                .sum();
        if link * 10 >= text.chars().filter(|c| !c.is_whitespace()).count() * 6 {
            continue;
        }
        return Some(text);
    }
    None
}

fn letters(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// The text of an element as shown: furniture inside left out, block elements and line breaks
/// as spaces, cleaned. `<meta>` gives its `content`.
fn text_of(el: ElementRef<'_>) -> String {
    if el.value().name() == "meta" {
        return normalize::clean(el.value().attr("content").unwrap_or_default());
    }
    let mut t = Text { root: el, buf: String::new(), breaks: false };
    walk(el, &mut t);
    normalize::clean(&t.buf)
}

/// [`text_of`], when the element holds at most `max` characters besides spaces (counted
/// first, so a large block costs little).
fn short_text(el: ElementRef<'_>, max: usize) -> Option<String> {
    let mut n = 0;
    for t in el.text() {
        n += t.chars().filter(|c| !c.is_whitespace()).count();
        if n > max {
            return None;
        }
    }
    Some(text_of(el)).filter(|t| t.chars().count() <= max)
}

struct Text<'a> {
    root: ElementRef<'a>,
    buf: String,
    /// Line breaks and blocks as newlines, else as spaces.
    breaks: bool,
}

impl Text<'_> {
    fn gap(&mut self) {
        self.buf.push(if self.breaks { '\n' } else { ' ' });
    }
}

impl<'a> Visitor<'a> for Text<'a> {
    fn open(&mut self, el: ElementRef<'a>) -> bool {
        if el != self.root && boiler::furniture(el, true) {
            return false;
        }
        let name = el.value().name();
        if name == "br" || BLOCKS.contains(&name) {
            self.gap();
        }
        true
    }

    fn close(&mut self, el: ElementRef<'a>) {
        if BLOCKS.contains(&el.value().name()) {
            self.gap();
        }
    }

    fn text(&mut self, text: &'a str) {
        self.buf.push_str(text);
    }
}

/// Appends the lowercase words of a `class` or `id` value to `out`, each after a space:
/// split on anything but letters and digits, and before a capital that follows a lowercase
/// letter (`articleChapo` → ` article chapo`).
fn name_words(value: &str, out: &mut String) {
    let mut lower = false;
    let mut boundary = true;
    for c in value.chars() {
        if !c.is_alphanumeric() {
            boundary = true;
            lower = false;
            continue;
        }
        if boundary || (c.is_uppercase() && lower) {
            out.push(' ');
        }
        boundary = false;
        lower = c.is_lowercase();
        out.extend(c.to_lowercase());
    }
}

fn has(words: &[&str], list: &[&str]) -> bool {
    words.iter().any(|w| list.contains(w))
}

/// Whether an element is an article: `<article>`, or an article microdata item.
fn is_article(el: &ElementRef<'_>) -> bool {
    el.value().name() == "article" || Attrs::of(el.value()).article_item()
}

fn self_and_ancestors<'a>(el: ElementRef<'a>) -> impl Iterator<Item = ElementRef<'a>> {
    std::iter::once(el).chain(el.ancestors().filter_map(ElementRef::wrap))
}

/// The innermost element holding both.
fn common_ancestor<'a>(a: ElementRef<'a>, b: ElementRef<'a>) -> Option<ElementRef<'a>> {
    let of_a: Vec<_> = self_and_ancestors(a).map(|e| e.id()).collect();
    self_and_ancestors(b).find(|e| of_a.contains(&e.id()))
}

/// The attributes the walk reads, gathered in one pass.
#[derive(Default)]
struct Attrs<'a> {
    class: &'a str,
    id: &'a str,
    itemprop: &'a str,
    itemtype: &'a str,
    itemscope: bool,
    rel: &'a str,
    role: Option<&'a str>,
    aria_label: &'a str,
    hidden: bool,
}

impl<'a> Attrs<'a> {
    fn of(e: &'a Element) -> Attrs<'a> {
        let mut a = Attrs::default();
        for (name, value) in e.attrs() {
            match name {
                "class" => a.class = value,
                "id" => a.id = value,
                "itemprop" => a.itemprop = value,
                "itemtype" => a.itemtype = value,
                "itemscope" => a.itemscope = true,
                "rel" => a.rel = value,
                "role" => a.role = Some(value),
                "aria-label" => a.aria_label = value,
                "hidden" => a.hidden = true,
                "aria-hidden" => a.hidden |= value == "true",
                _ => {}
            }
        }
        a
    }

    /// Whether `rel` holds `value` (`<a rel="author">`, WordPress's `rel="category tag"`).
    fn rel(&self, value: &str) -> bool {
        self.rel.split_whitespace().any(|r| r.eq_ignore_ascii_case(value))
    }

    fn article_item(&self) -> bool {
        self.itemscope
            && is_article_type(self.itemtype.split_whitespace().next().map_or("", type_name))
    }

    /// Whether the element is a breadcrumb, by name, label or microdata type.
    fn crumbs(&self, words: &[&str]) -> bool {
        let label = || label_key(self.aria_label);
        has(words, CRUMB_WORDS)
            || (!self.aria_label.is_empty()
                && (label().contains("breadcrumb") || label().contains("ariane")))
            || type_name(self.itemtype) == "BreadcrumbList"
    }
}

/// The walk that finds the cues, skipping furniture (a breadcrumb is entered wherever it is;
/// headers always, footers inside an article).
struct Scan<'a> {
    article: Option<ElementRef<'a>>,
    around: Option<ElementRef<'a>>,
    h1: Option<ElementRef<'a>>,
    body: Option<ElementRef<'a>>,
    /// What each open element started ([`ARTICLE`], [`AROUND`], [`MEDIA`], [`TAG`] bits).
    stack: Vec<u8>,
    in_article: usize,
    in_around: usize,
    media: usize,
    /// Open `<article>` elements and article items, any of them.
    articles: usize,
    seen_h1: bool,
    seen_body: bool,
    cues: Vec<Cue<'a>>,
}

const ARTICLE: u8 = 1;
const AROUND: u8 = 2;
const MEDIA: u8 = 4;
const TAG: u8 = 8;

impl<'a> Visitor<'a> for Scan<'a> {
    fn open(&mut self, el: ElementRef<'a>) -> bool {
        let e = el.value();
        let name = e.name();
        let a = Attrs::of(e);
        let mut names = String::new();
        name_words(a.class, &mut names);
        name_words(a.id, &mut names);
        let words: Vec<&str> = names.split(' ').filter(|w| !w.is_empty()).collect();
        let crumbs = a.crumbs(&words);
        let props: Vec<String> =
            a.itemprop.split_whitespace().map(str::to_ascii_lowercase).collect();
        // A `<meta itemprop>` in the body is read, never entered.
        if name == "meta" {
            if let Some(kind) = prop_kind(&props) {
                self.push(kind, el);
            }
            return false;
        }
        let structural = match name {
            "header" => true,
            "footer" => self.articles > 0,
            _ => false,
        };
        let furniture = (!structural && boiler::furniture_tag(name, a.role))
            || a.hidden
            || boiler::furniture_words(&words);
        if furniture && !crumbs && !self.stack.is_empty() {
            return false;
        }
        let mut bits = 0;
        if Some(el) == self.article {
            bits |= ARTICLE;
            self.in_article += 1;
        }
        if Some(el) == self.around {
            bits |= AROUND;
            self.in_around += 1;
        }
        if has(&words, MEDIA_WORDS) {
            bits |= MEDIA;
            self.media += 1;
        }
        if name == "article" || a.article_item() {
            bits |= TAG;
            self.articles += 1;
        }
        self.stack.push(bits);
        if Some(el) == self.h1 {
            self.seen_h1 = true;
        }
        if Some(el) == self.body {
            self.seen_body = true;
        }

        // `author-description` is the author's, not the article's.
        let author = has(&words, BYLINE_WORDS);
        let byline = (author && !has(&words, NOT_NAME_WORDS))
            || props.iter().any(|p| p == "author" || p == "creator")
            || a.rel("author");
        let dated = has(&words, DATE_WORDS);
        if name == "time" || props.iter().any(|p| DATE_PROPS.contains(&p.as_str())) {
            self.push(Kind::Time, el);
        } else if dated {
            self.push(Kind::DateText, el);
        }
        if byline {
            self.push(Kind::Byline, el);
        }
        // `sub-title`, `sous-titre`: a subtitle under the headline is its standfirst.
        let subtitle =
            words.windows(2).any(|w| matches!((w[0], w[1]), ("sub", "title") | ("sous", "titre")));
        let lede =
            (has(&words, LEDE_WORDS) || subtitle) && !author && !byline && !dated && name != "h1";
        if lede {
            self.push(Kind::Lede, el);
        }
        if crumbs {
            self.push(Kind::Crumbs, el);
        } else if props.iter().any(|p| p == "articlesection") {
            self.push(Kind::SectionProp, el);
        } else if has(&words, SECTION_WORDS) || a.rel("category") {
            self.push(Kind::SectionLabel, el);
        } else if (self.seen_h1 || self.h1.is_none())
            && !self.seen_body
            && !byline
            && !dated
            && !lede
            && matches!(name, "p" | "div" | "span" | "small" | "li" | "address")
        {
            self.push(Kind::Line, el);
        }
        true
    }

    fn close(&mut self, _el: ElementRef<'a>) {
        let bits = self.stack.pop().unwrap_or_default();
        if bits & ARTICLE != 0 {
            self.in_article -= 1;
        }
        if bits & AROUND != 0 {
            self.in_around -= 1;
        }
        if bits & MEDIA != 0 {
            self.media -= 1;
        }
        if bits & TAG != 0 {
            self.articles -= 1;
        }
    }
}

impl<'a> Scan<'a> {
    fn push(&mut self, kind: Kind, el: ElementRef<'a>) {
        let level = if self.in_article > 0 {
            0
        } else if self.in_around > 0 {
            1
        } else {
            2
        };
        let tier = if self.seen_body {
            1
        } else if self.seen_h1 || self.h1.is_none() {
            0
        } else {
            2
        };
        let pos = self.cues.len();
        self.cues.push(Cue { kind, el, level, tier, media: self.media > 0, pos });
    }
}

/// The cue a `<meta itemprop>` gives.
fn prop_kind(props: &[String]) -> Option<Kind> {
    props.iter().find_map(|p| match p.as_str() {
        p if DATE_PROPS.contains(&p) => Some(Kind::Time),
        "author" | "creator" => Some(Kind::Byline),
        "articlesection" => Some(Kind::SectionProp),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::{Html, Selector};

    #[test]
    fn credit_lines() {
        let ts = |s: &str| s.parse::<Timestamp>().ok();
        let line = credit_line("Par Claire Lefèvre avec AFP, publié le 27/07/2023 à 14h15")
            .expect("a byline");
        let names: Vec<&str> = line.found.authors.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["Claire Lefèvre"]);
        assert_eq!(line.agency.as_deref(), Some("AFP"));
        assert_eq!(line.found.published, ts("2023-07-27T12:15:00Z"));
        let line = credit_line("Publié le 12 mars 2024 à 10h15").expect("a date line");
        assert!(line.found.authors.is_empty());
        assert_eq!(line.found.published, ts("2024-03-12T09:15:00Z"));
        for text in [
            "Par ailleurs, le gouvernement a annoncé de nouvelles mesures.",
            "Par la suite, Emmanuel Macron a reçu le Premier ministre.",
            "Pour Emmanuel Macron, c'est une victoire.",
            "Le rapport, publié le 3 mars 2024, montre une hausse des prix dans toute la zone euro.",
            "La Banque centrale européenne a relevé jeudi ses taux directeurs.",
        ] {
            assert!(credit_line(text).is_none(), "{text:?}");
        }
    }

    #[test]
    fn bylines() {
        // (byline, names, agency)
        let cases: &[(&str, &[&str], Option<&str>)] = &[
            ("Par Jean-Pierre Martin, avec AFP", &["Jean-Pierre Martin"], Some("AFP")),
            ("Par Marie Dupont et Paul Durand", &["Marie Dupont", "Paul Durand"], None),
            ("Marie Dupont (envoyée spéciale à Kiev)", &["Marie Dupont"], None),
            (
                "Le Monde | 04.05.2015 à 13h36 • Mis à jour le 05.05.2015 à 20h13 | Par Martin \
                 Untersinger (avec Damien Leloup et Morgane Tual)",
                &["Martin Untersinger", "Damien Leloup", "Morgane Tual"],
                None,
            ),
            ("Propos recueillis par Claire Fontaine", &["Claire Fontaine"], None),
            ("By Jane Doe with Reuters", &["Jane Doe"], Some("Reuters")),
            ("AFP", &[], Some("AFP")),
            ("Par la rédaction avec agences", &[], None),
            ("Le Parisien", &[], None),
        ];
        for (text, people, agency) in cases {
            let (got, credited) = byline(text);
            assert_eq!(got, *people, "{text}");
            assert_eq!(credited.as_deref(), *agency, "{text}");
        }
    }

    #[test]
    fn date_lines() {
        let ts = |s: &str| Some(s.parse::<Timestamp>().unwrap());
        // (line, published, its label, updated)
        let cases = [
            // Times without a zone are Paris time.
            ("Publié le 12 mars 2024 à 10h15", ts("2024-03-12T09:15:00Z"), Label::Published, None),
            (
                "Publié le 12/03/2023 à 02h10, mis à jour le 12/03/2023 à 08h45",
                ts("2023-03-12T01:10:00Z"),
                Label::Published,
                ts("2023-03-12T07:45:00Z"),
            ),
            (
                "6Medias, publié le samedi 21 octobre 2017 à 11h28",
                ts("2017-10-21T09:28:00Z"),
                Label::Published,
                None,
            ),
            (
                "Le 04/06/2024 à 09:12 | Mis à jour le 04/06/2024 à 11:40",
                ts("2024-06-04T07:12:00Z"),
                Label::None,
                ts("2024-06-04T09:40:00Z"),
            ),
            ("Mis à jour le 5 mai 2015", None, Label::None, ts("2015-05-05T00:00:00Z")),
            ("publié le 30 juillet", None, Label::None, None),
        ];
        for (line, published, label, updated) in cases {
            let (p, u) = text_dates(line);
            assert_eq!(p.map(|p| p.0), published, "{line}");
            if p.is_some() {
                assert_eq!(p.map(|p| p.1), Some(label), "{line}");
            }
            assert_eq!(u, updated, "{line}");
        }
    }

    #[test]
    fn time_labels() {
        let doc = Html::parse_fragment(
            r#"<p>Publié le <time datetime="2024-03-12">12 mars</time>, mis à jour le <time datetime="2024-03-13">13 mars</time></p>
            <time pubdate datetime="2024-03-12">12 mars</time>
            <span class="date-maj"><time datetime="2024-03-13">13 mars</time></span>
            <time class="entry-date published" datetime="2024-03-12">12 mars</time>
            <time datetime="2024-03-12">12 mars</time>"#,
        );
        let sel = Selector::parse("time").unwrap();
        let got: Vec<Label> = doc.select(&sel).map(time_label).collect();
        use Label::*;
        assert_eq!(got, [Published, Updated, Published, Updated, Published, None]);
    }

    #[test]
    fn dates_in_running_text() {
        let doc = Html::parse_fragment(
            r#"<p>Le Monde | <time>04.05.2015 à 13h36</time> • Mis à jour le <time>05.05.2015 à 20h13</time> | Par Martin Untersinger (avec Damien Leloup et Morgane Tual)</p>
            <p>Le sommet est prévu le <time datetime="2024-06-01">1er juin</time>, a indiqué la présidence, sans plus de précisions sur son lieu.</p>"#,
        );
        let sel = Selector::parse("time").unwrap();
        let got: Vec<bool> = doc.select(&sel).map(in_prose).collect();
        assert_eq!(got, [false, false, true]);
    }

    #[test]
    fn breadcrumbs() {
        let cases = [
            (
                r#"<nav class="breadcrumb"><a href="/">Accueil</a> › <a href="/politique">Politique</a></nav>"#,
                Some("Politique"),
            ),
            (
                r#"<ol class="breadcrumbs"><li><a href="/">Accueil</a></li><li><a href="/monde">Monde</a></li><li><a href="/europe">Europe</a></li><li>Lavrov accuse l'Otan</li></ol>"#,
                Some("Europe"),
            ),
            (
                r#"<div class="fil-ariane"><a href="/people/">Toutes les news People</a></div>"#,
                Some("People"),
            ),
            (
                r#"<nav aria-label="Fil d'Ariane"><a href="/">Home</a> / <span>économie</span></nav>"#,
                Some("Économie"),
            ),
            (
                r#"<div class="ariane"><a href="/">Accueil</a> › <a href="/x">Lavrov accuse l'Otan</a></div>"#,
                None,
            ),
        ];
        for (html, want) in cases {
            let doc = Html::parse_fragment(html);
            let el = doc.root_element().child_elements().next().unwrap();
            assert_eq!(crumb(el, "Lavrov accuse l'Otan").as_deref(), want, "{html}");
        }
    }

    #[test]
    fn class_words() {
        let words = |v: &str| {
            let mut out = String::new();
            name_words(v, &mut out);
            out.split_whitespace().map(str::to_owned).collect::<Vec<_>>()
        };
        assert_eq!(
            words("articleChapo c-article__lead"),
            ["article", "chapo", "c", "article", "lead"]
        );
        assert_eq!(words("UNE-Titre"), ["une", "titre"]);
    }

    /// Bylines holding more than the names: a paper's name, a role, a date, an agency.
    #[test]
    fn names_inside_byline_blocks() {
        let para =
            "<p>Un paragraphe du corps de l'article, assez long pour compter comme du texte.</p>";
        let cases: &[(&str, &[&str])] = &[
            (
                r#"<p class="signature">Ouest-France <a href="/auteur/yann-le-goff">Yann Le Goff</a>.</p>"#,
                &["Yann Le Goff"],
            ),
            (
                r#"<div class="authorModule"><span class="name">Tommy Chouinard</span> <span class="role">La Presse</span></div>"#,
                &["Tommy Chouinard"],
            ),
            (
                r#"<div class="art-info">Par Jérôme Cordelier et Saïd Mahrane (avec AFP)<br>Publié le 15/05/2024 à 21h47</div>"#,
                &["Jérôme Cordelier", "Saïd Mahrane"],
            ),
            (
                r#"<div class="post-author"><span>Par Nadir Iddir</span> <span>02 avril 2024 à 10 h 15 min</span></div>"#,
                &["Nadir Iddir"],
            ),
            (r#"<span class="detay-muhabir">Ümit Dönmez</span>"#, &["Ümit Dönmez"]),
            (
                r#"<div class="byline">Par Marie Dupont et <a href="/p">Paul Durand</a></div>"#,
                &["Marie Dupont", "Paul Durand"],
            ),
        ];
        for (byline, want) in cases {
            let html = format!(
                r#"<article><h1>Un titre</h1>{byline}<div class="texte">{para}{para}{para}</div></article>"#
            );
            let d = crate::html::parse(&html).expect("an article");
            assert_eq!(d.authors, *want, "{byline}");
        }
    }

    /// A date line whose class does not say `date`, on a page without `<h1>`.
    #[test]
    fn date_line_under_any_name() {
        let para =
            "<p>Un paragraphe du corps de l'article, assez long pour compter comme du texte.</p>";
        let html = format!(
            r#"<div class="post"><div class="post__title">La BNS abaisse son taux directeur</div>
            <div class="post__meta">Mathilde Farine · Publié le 21 mars 2024 à 09:45. Modifié le 21 mars 2024 à 11:30.</div>
            <div class="post__body">{para}{para}{para}</div></div>"#
        );
        let d = crate::html::parse(&html).expect("an article");
        let ts = |d: Option<Timestamp>| d.map(|t| t.to_string());
        assert_eq!(ts(d.published).as_deref(), Some("2024-03-21T08:45:00Z"));
        assert_eq!(ts(d.updated).as_deref(), Some("2024-03-21T10:30:00Z"));
    }

    /// What stands outside the article, in the text, or in furniture is not taken.
    #[test]
    fn not_taken() {
        let para =
            "<p>Un paragraphe du corps de l'article, assez long pour compter comme du texte.</p>";
        let cases = [
            // A standfirst after the article, a tagline before the headline.
            format!(
                r#"<div class="intro">Le site de toute l'actualité, chaque jour, partout.</div>
                <article><h1>Titre</h1><div class="texte">{para}{para}{para}</div></article>
                <div class="summary">Un résumé placé après l'article et hors de lui, à ignorer.</div>"#
            ),
            // A date in running text, an author in the comments, a menu of categories.
            format!(
                r#"<ul class="categories"><li><a href="/monde">Monde</a></li><li><a href="/france">France</a></li></ul>
                <h1>Titre</h1><div class="texte">{para}<p>Le sommet est prévu le <time datetime="2024-06-01">1er juin</time>, a indiqué la présidence, sans plus de précisions sur son lieu ni sur ses participants.</p>{para}</div>
                <div class="comments"><span class="author">Jean Lecteur</span></div>"#
            ),
        ];
        for html in cases {
            let d = crate::html::parse(&html).expect("an article");
            assert_eq!(
                (d.lede, d.section, d.published, d.authors.len()),
                (None, None, None, 0),
                "{html}"
            );
        }
    }
}
