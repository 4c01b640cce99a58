//! IPTC formats: NITF, NewsML 1.x, NewsML-G2.
//!
//! Each reader walks its format into [`Fields`], the raw values as the file gives them; NITF
//! found inside a NewsML item fills what the wrapper left empty. [`Fields::into_dispatch`] then
//! applies the rules the three formats share: which subheadline is really a standfirst, which
//! body paragraphs are not story text (a headline or byline repeated, a sign-off like
//! `asl/tib/pid/cac`, escaped embed code, a copyright line), authors from a byline, the city of
//! a dateline, the agency of a credit, a section only when it names a real desk.
//!
//! Choices: NITF documents and NewsML items whose status is canceled or withheld are
//! withdrawals (`Withdrawn`, with the id of the dispatch they withdraw): a search index should
//! not serve them, and takes out what they name. Packages are not stories
//! (`NotAnArticle("package …")`). In a message, picture and package items are left out and the
//! text items and withdrawals returned; the message fails only when it holds neither.

mod body;
mod newsml1;
mod newsml_g2;
mod nitf;
mod xml;

use jiff::Timestamp;

use crate::dispatch::{Dispatch, Format};
use crate::error::ErrorKind;
use crate::normalize;
use crate::{agency, dateline};

/// An item of a document: a dispatch, or why it gives none.
pub(crate) type Item = Result<Dispatch, ErrorKind>;

/// Parses an IPTC document; a NewsML message may hold several items, each a dispatch or a
/// withdrawal (see [`collect`]).
pub(crate) fn parse(text: &str, format: Format) -> Result<Vec<Item>, ErrorKind> {
    let doc = xml::Doc::parse(text)?;
    let root = doc.root();
    // Sniffing looked at the root's name too; the parsed root decides.
    match doc.name(root) {
        "nitf" => nitf::read(&doc, root).map(|d| vec![Ok(d)]),
        "NewsML" | "newsml" => newsml1::read(&doc, root),
        name if format == Format::NewsmlG2
            || newsml_g2::is_root(name)
            || doc.namespace(root).is_some_and(|ns| ns.contains("iptc.org/std/nar/")) =>
        {
            newsml_g2::read(&doc, root)
        }
        name => Err(ErrorKind::Unrecognized(format!("<{name}> is not an IPTC root element"))),
    }
}

/// What a reader found, before the shared rules turn it into a [`Dispatch`].
#[derive(Debug, Default)]
struct Fields {
    id: Option<String>,
    version: Option<u32>,
    headline: Option<String>,
    /// Standfirst candidates (subheadline, description, abstract), best first.
    ledes: Vec<String>,
    byline: Option<String>,
    /// Creators and authors named in metadata, used when the byline names nobody.
    creators: Vec<String>,
    translator: Option<String>,
    dateline: Option<String>,
    /// Agency candidates (credit line, distributor, provider…), best first.
    credits: Vec<String>,
    published: Option<Timestamp>,
    updated: Option<Timestamp>,
    language: Option<String>,
    location: Option<String>,
    keywords: Vec<String>,
    /// Names the source itself declares to be desks or departments.
    desks: Vec<String>,
    /// Names that are desks only if they read like one (slugs, channels…).
    labels: Vec<String>,
    body: Vec<String>,
}

impl Fields {
    /// Fills what is still missing from `inner` (the NITF inside a NewsML item).
    fn fill_from(&mut self, inner: Fields) {
        fn opt<T>(a: &mut Option<T>, b: Option<T>) {
            if a.is_none() {
                *a = b;
            }
        }
        fn list(a: &mut Vec<String>, b: Vec<String>) {
            a.extend(b);
        }
        opt(&mut self.id, inner.id);
        opt(&mut self.version, inner.version);
        opt(&mut self.headline, inner.headline);
        opt(&mut self.byline, inner.byline);
        opt(&mut self.translator, inner.translator);
        opt(&mut self.dateline, inner.dateline);
        opt(&mut self.published, inner.published);
        opt(&mut self.updated, inner.updated);
        opt(&mut self.language, inner.language);
        opt(&mut self.location, inner.location);
        list(&mut self.ledes, inner.ledes);
        list(&mut self.creators, inner.creators);
        list(&mut self.credits, inner.credits);
        list(&mut self.keywords, inner.keywords);
        list(&mut self.desks, inner.desks);
        list(&mut self.labels, inner.labels);
        if self.body.is_empty() {
            self.body = inner.body;
        }
    }

    fn into_dispatch(self, format: Format) -> Result<Dispatch, ErrorKind> {
        let title = self.headline.as_deref().map(clean_title).unwrap_or_default();
        let byline = self.byline.as_deref().and_then(normalize::clean_opt);
        let mut body: Vec<String> =
            self.body.iter().filter_map(|p| normalize::clean_opt(p)).collect();
        // An embargo marker opening the text (`EMBARGO 12H45 - Le prix…`); the embargo time
        // itself has no field in `Dispatch`.
        if let Some(first) = body.first_mut() {
            match without_embargo(first) {
                Some("") => {
                    body.remove(0);
                }
                Some(rest) => *first = rest.to_owned(),
                None => {}
            }
        }
        // A headline or byline repeated as the first paragraphs (XHTML h1, Reuters' byline,
        // with or without `par`), and Reuters' `(Actualisé avec …)` notice.
        while body.first().is_some_and(|p| {
            same_letters(p, &title)
                || repeats_byline(p, byline.as_deref(), &self.creators)
                || is_update_notice(p)
        }) {
            body.remove(0);
        }
        // Escaped embed code, and a short label introducing it (`Embed (stor):`).
        let mut kept: Vec<String> = Vec::with_capacity(body.len());
        for p in body {
            if is_code(&p) {
                if kept.last().is_some_and(|l| l.ends_with(':') && l.chars().count() <= 40) {
                    kept.pop();
                }
            } else {
                kept.push(p);
            }
        }
        let mut body = kept;
        while body
            .last()
            .is_some_and(|p| is_signoff(p) || is_copyright(p) || is_agency_credit(p, &self.credits))
        {
            body.pop();
        }
        let lede = self
            .ledes
            .iter()
            .filter_map(|l| normalize::clean_opt(l))
            .find(|l| is_standfirst(l, &title, &body));
        if title.is_empty() && body.is_empty() && lede.is_none() {
            return Err(ErrorKind::NotAnArticle("no headline and no text".into()));
        }
        // The dateline element, else one opening an early paragraph (`TORONTO, 26 mai 2020
        // (GLOBE NEWSWIRE) -- …` may come after centred title lines; Reuters puts a timestamp
        // in the element and `DAMASCUS (Reuters) -` in the text).
        let found = self
            .dateline
            .as_deref()
            .and_then(dateline_element)
            .or_else(|| body.iter().take(6).find_map(|p| dateline::find(p)));
        let agency = self
            .credits
            .iter()
            .find_map(|c| agency::from_credit(c))
            .or_else(|| found.as_ref().and_then(|d| d.agency.clone()));
        let mut authors = byline.as_deref().map(authors_from_byline).unwrap_or_default();
        if authors.is_empty() {
            // Creators that are the credited organisation are not authors.
            let credited = |c: &str| {
                self.credits.iter().chain(agency.as_ref()).any(|k| k.eq_ignore_ascii_case(c))
                    || agency::from_credit(c).is_some_and(|a| a != c)
            };
            authors = self
                .creators
                .iter()
                .filter_map(|c| creator_name(c))
                .filter(|c| !credited(c))
                .collect();
        }
        let section = self
            .desks
            .iter()
            .find(|d| d.chars().count() >= 3 && d.chars().any(char::is_lowercase))
            .map(|d| capitalized(d))
            .or_else(|| self.labels.iter().find_map(|l| desk_name(l)));
        Ok(Dispatch {
            id: self.id.unwrap_or_default(),
            title,
            lede,
            body,
            section,
            published: self.published,
            updated: self.updated.filter(|u| self.published.is_none_or(|p| *u > p)),
            authors,
            agency,
            dateline: found.map(|d| d.city),
            location: self.location.as_deref().and_then(normalize::clean_opt),
            language: self.language.as_deref().and_then(language_tag),
            translator: self.translator.as_deref().and_then(normalize::clean_opt),
            keywords: self.keywords,
            version: self.version,
            format,
            ..Dispatch::default()
        })
    }
}

/// The dispatches of a message's items, and its withdrawals (a kill must reach the index,
/// and be reported); pictures and packages beside them are left out. With neither, the
/// first reason none worked.
fn collect(results: Vec<Item>, empty: &str) -> Result<Vec<Item>, ErrorKind> {
    let mut first_err = None;
    let mut out = Vec::new();
    for r in results {
        match r {
            Ok(d) => out.push(Ok(d)),
            Err(e @ ErrorKind::Withdrawn { .. }) => out.push(Err(e)),
            Err(e) => {
                first_err.get_or_insert(e);
            }
        }
    }
    match out.as_slice() {
        [] => Err(first_err.unwrap_or_else(|| ErrorKind::NotAnArticle(empty.into()))),
        // A document of one withdrawn item is the withdrawal itself.
        [Err(_)] => Err(out.pop().and_then(Result::err).expect("one error")),
        _ => Ok(out),
    }
}

/// Cleans a headline and drops a wire routing prefix (`>>>ANSA/Gazprom…` → `Gazprom…`).
fn clean_title(s: &str) -> String {
    let t = normalize::clean(s);
    let stripped = t.trim_start_matches('>');
    if stripped.len() == t.len() {
        return t;
    }
    if let Some((tag, rest)) = stripped.split_once('/')
        && (2..=8).contains(&tag.len())
        && tag.chars().all(|c| c.is_ascii_uppercase())
    {
        return rest.trim().to_owned();
    }
    stripped.trim().to_owned()
}

/// Letters and digits, lowercased: equal for texts that differ only in spacing and punctuation.
fn letters(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

fn same_letters(a: &str, b: &str) -> bool {
    let a = letters(a);
    !a.is_empty() && a == letters(b)
}

/// A subheadline, description or abstract worth keeping as the lede: a sentence-like text
/// that is neither the headline again, nor a label in capitals (`INDIA SUCESOS`), nor a repeat
/// (whole or truncated) of body text.
fn is_standfirst(lede: &str, title: &str, body: &[String]) -> bool {
    if same_letters(lede, title) || lede.split_whitespace().count() < 4 {
        return false;
    }
    if !lede.chars().any(char::is_lowercase) && lede.chars().any(char::is_uppercase) {
        return false;
    }
    let l = letters(lede);
    let head: String = l.chars().take(80).collect();
    // In one paragraph, or (long enough to be no accident) across paragraphs.
    let repeated = body.iter().any(|p| letters(p).contains(&head))
        || (head.chars().count() >= 40 && letters(&body.join(" ")).contains(&head));
    !repeated
}

/// An agency sign-off closing a dispatch: editors' initials separated by slashes
/// (`asl/tib/pid/cac`, `hh/ph/ts/hd`, Arabic `ففف/ح س/كام`), or `==Kyodo`.
fn is_signoff(p: &str) -> bool {
    let t = p.trim();
    if t.starts_with("==") {
        return t.chars().count() <= 30;
    }
    if t.chars().count() > 60 || !t.contains('/') {
        return false;
    }
    t.split('/').all(|part| {
        let part = part.trim();
        !part.is_empty()
            && part.chars().count() <= 20
            && part.chars().any(char::is_alphabetic)
            && part
                .chars()
                .all(|c| (c.is_alphabetic() && !c.is_uppercase()) || c == '-' || c == ' ')
    }) && t.split('/').count() >= 2
}

/// The text after an `EMBARGO … -` marker (`EMBARGO 12H45 - Le prix…` → `Le prix…`); empty
/// when the paragraph is the marker alone; `None` without a marker.
fn without_embargo(p: &str) -> Option<&str> {
    let rest = p.strip_prefix("EMBARGO")?;
    if !rest.is_empty() && !rest.starts_with([' ', ':']) {
        return None;
    }
    // The marker ends at the first dash, within a short distance.
    let dash =
        [" - ", " – ", " — "].iter().filter_map(|d| rest.find(d).map(|i| (i, d.len()))).min();
    match dash {
        Some((i, len)) if rest[..i].chars().count() <= 40 => Some(rest[i + len..].trim_start()),
        _ if rest.chars().count() <= 40 => Some(""),
        _ => None,
    }
}

/// `s` without a leading `par `, `by `… (`Par Danny KEMP` → `Danny KEMP`).
fn without_by(s: &str) -> &str {
    for prefix in ["by ", "par ", "von ", "door ", "por "] {
        // `get`: a multi-byte character may straddle the prefix's end.
        if let Some(head) = s.get(..prefix.len())
            && head.eq_ignore_ascii_case(prefix)
        {
            return s[prefix.len()..].trim_start();
        }
    }
    s
}

/// A paragraph that is the byline again: the byline element with or without its `par`
/// (`par Michelle Nichols` for `<by>Michelle Nichols</by>`), or `Par` and a creator's name
/// (`Par Danny KEMP` for the creator Danny Kemp).
fn repeats_byline(p: &str, byline: Option<&str>, creators: &[String]) -> bool {
    let p = p.trim();
    let name = without_by(p);
    byline.is_some_and(|b| same_letters(p, b) || same_letters(name, without_by(b)))
        || (name.len() < p.len() && creators.iter().any(|c| same_letters(name, c)))
}

/// Starts of the update notices Reuters puts alone in parentheses before the story.
const UPDATE_NOTICES: &[&str] =
    &["actualisé", "actualise", "mise à jour", "mis à jour", "updates", "recasts", "corrige"];

/// `(Actualisé avec précisions, réaction de Kyiv)`, `(Mise à jour: bilan)`.
fn is_update_notice(p: &str) -> bool {
    let Some(inner) = p.trim().strip_prefix('(').and_then(|r| r.strip_suffix(')')) else {
        return false;
    };
    let inner = inner.trim_start().to_lowercase();
    !inner.contains(['(', ')'])
        && inner.chars().count() <= 200
        && UPDATE_NOTICES.iter().any(|n| inner.starts_with(n))
}

/// A closing `(ANSA).`: the dispatch's agency alone in parentheses.
fn is_agency_credit(p: &str, credits: &[String]) -> bool {
    let Some(name) =
        p.trim().trim_end_matches('.').strip_prefix('(').and_then(|r| r.strip_suffix(')'))
    else {
        return false;
    };
    let name = name.trim();
    name.chars().count() <= 30
        && (agency::known(name).is_some_and(|k| same_letters(k, name))
            || credits.iter().any(|c| same_letters(c, name)))
}

/// A trailing copyright notice (`© ΑΠΕ-ΜΠΕ ΑΕ. Τα πνευματικά δικαιώματα…`).
fn is_copyright(p: &str) -> bool {
    let t = p.trim_start();
    (t.starts_with('©') || t.starts_with("(c)") || t.starts_with("Copyright"))
        && t.chars().count() <= 300
}

/// Markup left as text (escaped embed code: `<div class="faktisk-embed"…><script…`).
fn is_code(p: &str) -> bool {
    let t = p.trim();
    (t.starts_with('<') && t.ends_with('>')) || t.to_ascii_lowercase().contains("<script")
}

/// Persons named in a byline: `By A and B`, `Par A et B`, `Von A und B, dpa`,
/// `Geir Molnes / Faktisk.no`. Parts that do not read like a person's name (an agency, a
/// sentence, initials, a staff title) are dropped.
fn authors_from_byline(byline: &str) -> Vec<String> {
    let mut s = normalize::clean(byline);
    for prefix in ["by ", "par ", "von ", "door ", "por "] {
        // `get`: the byline may hold a multi-byte character where the prefix would end.
        if let Some(head) = s.get(..prefix.len())
            && head.eq_ignore_ascii_case(prefix)
            && s.len() > prefix.len()
        {
            s = s[prefix.len()..].to_owned();
            break;
        }
    }
    // `Chastand (Le Monde)`: the outlet in parentheses is no part of the name.
    let s = without_parentheses(&s);
    let mut parts = vec![s];
    for sep in
        [",", ";", " / ", " & ", " and ", " et ", " avec ", " with ", " und ", " en ", " y ", " e "]
    {
        parts = parts
            .iter()
            .flat_map(|p| {
                if sep.trim().chars().all(char::is_alphabetic) {
                    split_word(p, sep.trim())
                } else {
                    p.split(sep).map(str::to_owned).collect()
                }
            })
            .collect();
    }
    parts
        .iter()
        .filter_map(|p| credited_name(p))
        .filter(|p| is_person_name(p) && agency::named(p).is_none())
        .collect()
}

fn without_parentheses(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The name in one part of a byline: a writer's label off (`Texte : X`), a photographer's
/// or illustrator's part dropped, a place after the name off (`X à Bruxelles`), a name in
/// capitals in its usual case (`Jérôme RIVET` → `Jérôme Rivet`).
fn credited_name(part: &str) -> Option<String> {
    let mut p = part.trim();
    if let Some((label, rest)) = p.split_once(':') {
        let label = normalize::label_key(label);
        let label = label.trim();
        if [
            "photo",
            "photos",
            "video",
            "videos",
            "infographie",
            "illustration",
            "illustrations",
            "images",
        ]
        .contains(&label)
        {
            return None;
        }
        if ["texte", "textes", "text", "redaction", "auteur", "auteurs"].contains(&label) {
            p = rest.trim();
        }
    }
    for recueilli in ["propos recueillis par ", "interview by "] {
        // The key folds character for character: cut after as many characters.
        if normalize::label_key(p).starts_with(recueilli)
            && let Some((at, _)) = p.char_indices().nth(recueilli.chars().count())
        {
            p = p[at..].trim_start();
        }
    }
    if let Some((name, place)) = p.split_once(" à ").or_else(|| p.split_once(" in "))
        && place.starts_with(char::is_uppercase)
    {
        p = name.trim();
    }
    let words: Vec<String> = p
        .split_whitespace()
        .map(|w| {
            let capitals = w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !w.chars().any(char::is_lowercase);
            if capitals { crate::dateline::usual_case(w) } else { w.to_owned() }
        })
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// Splits on a conjunction as a whole word, whatever its case (`A AND B`).
fn split_word(s: &str, word: &str) -> Vec<String> {
    let words: Vec<&str> = s.split(' ').collect();
    let mut out = vec![String::new()];
    for w in words {
        if w.eq_ignore_ascii_case(word) {
            out.push(String::new());
        } else if let Some(last) = out.last_mut() {
            if !last.is_empty() {
                last.push(' ');
            }
            last.push_str(w);
        }
    }
    out
}

/// Words of bylines that name a function, not a person.
const STAFF_WORDS: &[&str] = &[
    "staff",
    "reporter",
    "reporters",
    "correspondent",
    "correspondents",
    "writer",
    "writers",
    "editor",
    "editors",
    "rédaction",
    "redaction",
    "redaktion",
    "desk",
    "bureau",
    "service",
    "agency",
    "agence",
    "news",
    "network",
    "online",
    "team",
    "équipe",
];

/// Particles allowed in lowercase inside a name (`Ursula von der Leyen`).
const PARTICLES: &[&str] = &[
    "de", "du", "des", "d'", "la", "le", "van", "von", "der", "den", "da", "di", "del", "bin",
    "al", "el", "ben",
];

fn is_person_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.len() < 2 || words.len() > 5 || s.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    if words.iter().any(|w| STAFF_WORDS.contains(&w.to_lowercase().as_str())) {
        return false;
    }
    if words[0].eq_ignore_ascii_case("the") || words.iter().any(|w| w.contains('.') && w.len() > 3)
    {
        return false;
    }
    words.iter().all(|w| {
        let first = w.chars().find(|c| c.is_alphabetic());
        match first {
            None => false,
            Some(c) => {
                c.is_uppercase()
                    || !c.is_lowercase()
                    || PARTICLES.contains(&w.to_lowercase().as_str())
            }
        }
    })
}

/// A creator or author named in metadata, unless it is a login (`nickel.valeria`), a list of
/// initials (`daa/mt/msr`) or an organisation (`The Sports Network`).
fn creator_name(s: &str) -> Option<String> {
    let c = normalize::clean(s);
    let bad = c.is_empty()
        || c.contains('/')
        || (c.contains('.') && !c.contains(' '))
        || c.starts_with('(')
        || c.to_lowercase().starts_with("the ")
        || c.split_whitespace().any(|w| STAFF_WORDS.contains(&w.to_lowercase().as_str()));
    (!bad).then_some(c)
}

/// Month names opening a date written as a dateline (`January 21`), in the wire languages.
const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "januar",
    "februar",
    "märz",
    "juni",
    "juli",
    "oktober",
    "dezember",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// A dateline element read by [`dateline::find`], or by [`dateline_city`] when it has no
/// date, agency or dash.
fn dateline_element(s: &str) -> Option<dateline::Dateline> {
    let d = normalize::clean(s);
    dateline::find(&d).or_else(|| {
        let city = dateline_city(&d)?;
        Some(dateline::Dateline { city, agency: None, date: None, len: d.len() })
    })
}

/// The city of a dateline element that [`dateline::find`] does not read (no date, agency or
/// dash: `Helsinki`, `Landquart GR`, `GREENWICH, Conn.`): the text before any comma or
/// bracket, if it is shaped like a place. A date or timestamp alone (`January 21`,
/// `2014-07-16 15:53:10 GMT`, `4/4/2018`) is not a place.
fn dateline_city(s: &str) -> Option<String> {
    let s = normalize::clean(s);
    let mut city = s.as_str();
    for stop in ['(', ',', '\u{2014}', '\u{2013}'] {
        if let Some(i) = city.find(stop) {
            city = &city[..i];
        }
    }
    if let Some(i) = city.find(" - ") {
        city = &city[..i];
    }
    let city = city.trim().trim_end_matches(['-', ':', '.']).trim();
    let first = city.split_whitespace().next()?.to_lowercase();
    if city.chars().any(|c| c.is_ascii_digit())
        || city.chars().count() > 40
        || MONTHS.contains(&first.trim_end_matches('.'))
    {
        return None;
    }
    dateline::place(city)
}

/// Desk names, lowercase: a slug, channel or category equal to one of them is a section.
const DESKS: &[&str] = &[
    "politique",
    "économie",
    "economie",
    "monde",
    "international",
    "france",
    "société",
    "societe",
    "sport",
    "sports",
    "culture",
    "sciences",
    "science",
    "santé",
    "sante",
    "justice",
    "faits divers",
    "environnement",
    "planète",
    "technologie",
    "médias",
    "medias",
    "people",
    "insolite",
    "éducation",
    "régions",
    "météo",
    "europe",
    "entreprises",
    "bourse",
    "social",
    "politics",
    "business",
    "economy",
    "world",
    "national",
    "health",
    "entertainment",
    "technology",
    "lifestyle",
    "finance",
    "markets",
    "politik",
    "wirtschaft",
    "kultur",
    "panorama",
    "vermischtes",
    "ausland",
    "inland",
];

fn desk_name(label: &str) -> Option<String> {
    let l = normalize::clean(label);
    DESKS.contains(&l.to_lowercase().as_str()).then(|| capitalized(&l))
}

/// A name with a capital first letter; one written all in capitals gets the rest lowercased
/// (`POLITICS` → `Politics`, `economics` → `Economics`, `Chronik Inland` kept).
fn capitalized(s: &str) -> String {
    let mut chars = s.chars();
    let first: String = chars.next().into_iter().flat_map(char::to_uppercase).collect();
    let rest: String = chars.collect();
    if s.chars().all(|c| !c.is_lowercase()) { first + &rest.to_lowercase() } else { first + &rest }
}

/// A language tag's primary subtag, lowercased (`fr-FR` → `fr`, `FR` → `fr`); `x-default`
/// and other non-languages → `None`.
fn language_tag(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    ((2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_alphabetic()))
        .then_some(primary)
}

/// A version number (`11`, `04`, `1N` → 1).
fn version_number(s: &str) -> Option<u32> {
    let digits: String = s.trim().chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// The part after a scheme prefix (`nprov:REUTERS` → `REUTERS`, `ninat:text` → `text`).
fn qcode_value(q: &str) -> &str {
    q.rsplit(':').next().unwrap_or(q)
}

/// A date attribute or element, ignored when it does not parse (`YYYYMMDD000000-HHMM`).
fn date(s: Option<&str>) -> Option<Timestamp> {
    s.and_then(crate::dates::parse)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byline_table() {
        let cases: &[(&str, &[&str])] = &[
            ("By Meredith Jameson,", &["Meredith Jameson"]),
            ("Von Marco Krefting und Sunrita Sen, dpa", &["Marco Krefting", "Sunrita Sen"]),
            ("Par Jean Dupont et Marie Martin", &["Jean Dupont", "Marie Martin"]),
            ("Mia Rabson and Jordan Press", &["Mia Rabson", "Jordan Press"]),
            ("By ASHOK SHARMA", &["Ashok Sharma"]),
            ("PAR MARIE WOLFROM", &["Marie Wolfrom"]),
            (
                "Par Jérôme RIVET, avec Anne-Sophie LASSERRE à Bruxelles",
                &["Jérôme Rivet", "Anne-Sophie Lasserre"],
            ),
            (
                "Par Jean-Baptiste Chastand (Le Monde) et Sergueï Ivanov",
                &["Jean-Baptiste Chastand", "Sergueï Ivanov"],
            ),
            ("Par Pierre Saint-Arnaud, La Presse Canadienne", &["Pierre Saint-Arnaud"]),
            ("Texte: Sarah Brethes; photos: Loïc Venance", &["Sarah Brethes"]),
            ("Propos recueillis par Julie Marceau", &["Julie Marceau"]),
            ("Par Céline LE PRIOUX", &["Céline Le Prioux"]),
            ("Geir Molnes / Faktisk.no", &["Geir Molnes"]),
            ("Von dpa", &[]),
            ("daa/mt/msr", &[]),
            ("By Staff Reporter", &[]),
            ("Situation serious, ready for all scenarios says EC", &[]),
            ("Par Ursula von der Leyen", &["Ursula von der Leyen"]),
            ("Béatrice Le Fur", &["Béatrice Le Fur"]),
            ("Ané Diallo", &["Ané Diallo"]),
        ];
        for (byline, want) in cases {
            assert_eq!(authors_from_byline(byline), *want, "{byline:?}");
        }
    }

    #[test]
    fn dateline_table() {
        let cases = [
            ("Strasbourg, 10 juil 2024 (AFP)", Some("Strasbourg")),
            ("Paris, 21 jan 2019 (AFP) -", Some("Paris")),
            ("New York (dpa) - ", Some("New York")),
            ("Tel Aviv/Beirut (dpa) -", Some("Tel Aviv/Beirut")),
            ("MADRID, 21 Nov. 2024 (Europa Press) -", Some("Madrid")),
            ("GREENWICH, Conn.", Some("Greenwich")),
            ("Helsinki", Some("Helsinki")),
            ("Newport News , VA", Some("Newport News")),
            ("Landquart GR", Some("Landquart GR")),
            ("فريتاون, 26-11-2023 (أ ف ب) -", Some("فريتاون")),
            ("January 21", None),
            ("2014-07-16 15:53:10 GMT+00:00", None),
            ("4/4/2018", None),
            ("", None),
        ];
        for (input, want) in cases {
            assert_eq!(dateline_element(input).map(|d| d.city).as_deref(), want, "{input:?}");
        }
    }

    #[test]
    fn signoff_table() {
        for yes in [
            "asl/tib/pid/cac",
            "hh/ph/ts/hd",
            "ففف/ح س/كام",
            "سب-لال/نور-كام-ريم-كبج-ود/سام",
            "==Kyodo",
        ] {
            assert!(is_signoff(yes), "{yes:?}");
        }
        for no in [
            "/ritzau/",
            "Tel Aviv/Beirut",
            "ends",
            "AAP RTV ar",
            "Le verdict est attendu le 7 février.",
            "ECO/ECO10",
        ] {
            assert!(!is_signoff(no), "{no:?}");
        }
    }

    #[test]
    fn standfirst_table() {
        let body = vec![
            "(Sports Network) - A pair of teams coming off big weekend sweeps will square off tonight.".to_owned(),
            "Second paragraph.".to_owned(),
        ];
        let title = "Preview";
        assert!(is_standfirst("Le gouvernement annonce une réforme des retraites.", title, &body));
        assert!(!is_standfirst(
            "A pair of teams coming off big weekend sweeps will square off",
            title,
            &body
        ));
        assert!(!is_standfirst("INDIA SUCESOS EN LA CIUDAD", title, &body));
        assert!(!is_standfirst("Preview", title, &body));
        assert!(!is_standfirst("Trop court ici", title, &body));
    }

    #[test]
    fn small_helpers() {
        assert_eq!(clean_title(">>>ANSA/Gazprom cuts gas"), "Gazprom cuts gas");
        assert_eq!(clean_title(" Fed to halt QE "), "Fed to halt QE");
        assert_eq!(clean_title("*En 41-årig mand"), "*En 41-årig mand");
        assert_eq!(language_tag("fr-FR").as_deref(), Some("fr"));
        assert_eq!(language_tag("FR").as_deref(), Some("fr"));
        assert_eq!(language_tag("x-default"), None);
        assert_eq!(version_number("04"), Some(4));
        assert_eq!(version_number("1N"), Some(1));
        assert_eq!(desk_name("POLITICS").as_deref(), Some("Politics"));
        assert_eq!(desk_name("procès-santé-secours"), None);
        assert_eq!(creator_name("nickel.valeria"), None);
        assert_eq!(creator_name("The Sports Network"), None);
        assert_eq!(creator_name("MWE").as_deref(), Some("MWE"));
        assert!(is_code("<div class=\"x\"></div><script src=\"e.js\"></script>"));
        assert!(is_copyright("© ΑΠΕ-ΜΠΕ ΑΕ. Τα πνευματικά δικαιώματα"));
        assert_eq!(without_embargo("EMBARGO 12H45 - Le prix Goncourt"), Some("Le prix Goncourt"));
        assert_eq!(without_embargo("EMBARGO: 4 novembre 12h45 GMT"), Some(""));
        assert_eq!(without_embargo("EMBARGOS sur le pétrole - suite"), None);
        assert_eq!(without_embargo("Embargo levé - le texte"), None);
        assert!(repeats_byline("par Michelle Nichols", Some("Michelle Nichols"), &[]));
        assert!(repeats_byline("Par Danny KEMP", None, &["Danny Kemp".into()]));
        assert!(!repeats_byline("Danny Kemp a dit", None, &["Danny Kemp".into()]));
        assert!(!repeats_byline("Par ailleurs, le ministre", Some("Jean Dupont"), &[]));
        assert!(is_update_notice("(Actualisé avec précisions, réaction de Kyiv)"));
        assert!(is_update_notice("(Mise à jour: nouveau bilan)"));
        assert!(!is_update_notice("(Reportage Dmitri Antonov; version française Jean Terzian)"));
        assert!(!is_update_notice("Actualisé avec précisions"));
        let credits = ["ANSA".to_owned()];
        assert!(is_agency_credit("(ANSA).", &credits));
        assert!(is_agency_credit("(AFP)", &[]));
        assert!(!is_agency_credit("(ANSA) - Rome, 20 mai", &credits));
        assert!(!is_agency_credit("(Reportage Jean Dupont)", &credits));
        assert!(date(Some("YYYYMMDD000000-HHMM")).is_none());
        assert!(date(Some("20190121T104233+0000")).is_some());
    }
}
