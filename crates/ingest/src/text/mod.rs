//! Agency plain-text exports: a header block, the body, then lines that are not the story.
//!
//! The layout, as Anadolu's French export writes it (every line optional):
//!
//! ```text
//! Politique                                           section
//! Jens Stoltenberg : l'OTAN demeure ouverte…          title
//! - Le Secrétaire général de l'OTAN exhorte…          lede, after a dash
//! Ekip | 15.02.2022 - Mıse À Jour : 15.02.2022        credit line: byline | published - updated
//! Jens Stoltenberg : l'OTAN demeure ouverte…          the title again
//! Brussels Hoofdstedelijk Gewest                      location tag
//! AA / Bruxelles / Agnes Szucs                        signature: agency / dateline / authors
//! Le secrétaire général de l'OTAN, Jens…              body paragraphs
//! *Traduit de l'Anglais par Mourad Belhaj             translator
//! Seulement une partie des dépêches…                  agency notice
//! A Lire Aussi / Bu haberi paylaşın                   see-also heading, share button
//! ```
//!
//! Lines are classified by what they look like (a credit line holds dates, a signature is
//! `ACRONYM / Place / Names`, a lede opens with a dash, notices and buttons match short label
//! lists), never by their line number, so variants parse with the same code: lines missing,
//! CRLF, typographic apostrophes, other sections, English or Turkish labels. The header ends
//! at the signature, or else at the first line that reads as a sentence of the story.
//!
//! A header of labelled fields (`Titre : …`, `Date : …`, `Auteur : …`), as press databases
//! and CMS exports write, is read as such ([`labelled`]).
//!
//! Text with none of these marks still gives a dispatch: its first line is the title when it
//! looks like one (short, no final period), the rest are paragraphs.

mod credit;
mod labelled;
mod mail;
mod markdown;
pub(crate) mod names;
pub(crate) mod signature;
mod trailer;

use crate::dateline;
use crate::dates;
use crate::dispatch::{Dispatch, Format};
use crate::error::ErrorKind;
use crate::normalize;

use trailer::Trailer;

/// The header block never spans more lines than this.
const HEADER_MAX: usize = 12;

/// How many headline lines under a see-also heading are taken for its links.
const SEE_ALSO_LINKS: usize = 4;

/// A non-empty line, cleaned, and the block (run of lines between blank lines) it belongs to.
#[derive(Debug)]
struct Line {
    text: String,
    block: usize,
}

/// Parses an agency plain-text export, or any plain text.
pub(crate) fn parse(text: &str) -> Result<Dispatch, ErrorKind> {
    // Markdown marks only come off (the text gets shorter), so this ends.
    if let Some(plain) = markdown::to_plain(text).filter(|p| p.len() < text.len()) {
        return parse(&plain);
    }
    // A dispatch forwarded by e-mail: the story without the mail around it.
    if let Some((story, subject)) = mail::strip(text) {
        let mut d = parse(&story)?;
        if let Some(subject) = subject.filter(|_| d.title.is_empty() || d.title_derived) {
            d.title = subject;
            d.title_derived = false;
        }
        return Ok(d);
    }
    let mut d = Dispatch { format: Format::AgencyText, ..Dispatch::default() };
    let mut notice_agency = None;
    let mut staff = Vec::new();
    let mut lines =
        story_lines(read_lines(text), &mut d.translator, &mut staff, &mut notice_agency);
    // A wire priority above the story (`URGENT`, `FLASH`) is no headline: a keyword. Wire
    // routing headers (`FRA0123 4 GEN /AFP-UY88`) go; slugs over a headline are keywords.
    loop {
        match lines.first().map(|l| l.text.as_str()) {
            Some(t) if lines.len() > 1 && is_priority(t) => d.keywords.push(lines.remove(0).text),
            Some(t) if lines.len() > 1 && is_routing_header(t) => {
                lines.remove(0);
            }
            Some(t)
                if lines.len() > 2
                    && is_keyword_slug(t)
                    && is_title(&lines[1].text)
                    && !is_keyword_slug(&lines[1].text) =>
            {
                d.keywords.push(lines.remove(0).text)
            }
            _ => break,
        }
    }
    if lines.is_empty() {
        return Err(ErrorKind::NotAnArticle("no line of text".into()));
    }

    let mut lead_paragraphs = Vec::new();
    let (mut signature, mut agency_layout) = (None, false);
    let body_from = if let Some(n) = labelled::read(lines.iter().map(|l| l.text.as_str()), &mut d) {
        n
    } else {
        let (end, sig) = header_end(&lines);
        let header_len = end - usize::from(sig.is_some());
        agency_layout =
            read_header(&lines, header_len, sig.is_some(), &mut d, &mut lead_paragraphs);
        if agency_layout {
            signature = sig;
            end
        } else {
            // Plain text: the first line is the title if it looks like one; a section line
            // (`Monde`) above a longer headline is the section.
            let first = &lines[0];
            let headline = lines.get(1).filter(|l| {
                is_title(&l.text)
                    && !continues(&lines, 1)
                    && l.text.split_whitespace().count() >= 4
                    && l.text.starts_with(|c: char| c.is_alphanumeric() || "\"«“".contains(c))
            });
            if let Some(headline) = headline.filter(|_| is_section(&first.text)) {
                d.section = Some(first.text.clone());
                d.title = headline.text.clone();
                2
            } else if is_title(&first.text) && !continues(&lines, 0) {
                d.title = first.text.clone();
                1
            } else {
                0
            }
        }
    };
    d.body = lead_paragraphs;
    d.body.extend(paragraphs(&lines[body_from..]));
    // A credit line closing the text: its dates.
    if d.body.len() > 1
        && let Some(c) = d.body.last().and_then(|p| credit::parse(p))
        && c.authors.is_empty()
    {
        d.body.pop();
        d.published = d.published.or(c.published);
        d.updated = d.updated.or(c.updated);
    }

    if let Some(sig) = signature {
        d.agency = Some(sig.agency);
        d.dateline = Some(sig.city);
        d.authors.extend(sig.authors);
    } else if let Some(dl) = d
        .body
        .first()
        .filter(|_| d.dateline.is_none())
        .and_then(|p| dateline::find(p))
        .filter(|dl| !dl.is_bare())
    {
        d.dateline = Some(dl.city);
        d.agency = dl.agency;
        if d.published.is_none() {
            d.published = dl.date.as_deref().and_then(dates::parse);
        }
    }
    if d.agency.is_none() {
        d.agency = notice_agency.map(str::to_owned);
    }
    // Reporters of a closing staff credit write the story too.
    for name in staff {
        if !d.authors.iter().any(|a| normalize::label_key(a) == normalize::label_key(&name)) {
            d.authors.push(name);
        }
    }
    if agency_layout {
        // A French agency layout; `finish` lets the text overrule this.
        d.language = Some("fr".into());
    }
    if d.title.is_empty() && d.lede.is_none() && d.body.is_empty() {
        return Err(ErrorKind::NotAnArticle("no title and no text".into()));
    }
    Ok(d)
}

/// A credit closing a story in any layout: its reporters and translator when `line` is a
/// staff credit (`(Reportage X; version française Y)`) or a translator's credit (`Traduit de
/// l'anglais par Y`), else `None`.
pub(crate) fn closing_credit(line: &str) -> Option<(Vec<String>, Option<String>)> {
    match trailer::classify(line)? {
        Trailer::Staff { reporters, translator } => Some((reporters, translator)),
        Trailer::Translator(name) => Some((Vec::new(), Some(name))),
        _ => None,
    }
}

/// A sign-off or desk signature closing a story in any layout (`(Belga)`, `Fin`,
/// `pgf/blb/pcm`, `AFP 121545 MAR 24`), with the agency it names.
pub(crate) fn sign_off(line: &str) -> Option<Option<&'static str>> {
    match trailer::classify(line)? {
        Trailer::SignOff(agency) => Some(agency),
        Trailer::DeskSignature => Some(None),
        _ => None,
    }
}

/// Splits text into cleaned non-empty lines, numbering blocks. CRLF, CR and a BOM are
/// tolerated; a line without any letter or digit (`***`, `---`) counts as blank.
fn read_lines(text: &str) -> Vec<Line> {
    let text = text.trim_start_matches('\u{feff}').replace("\r\n", "\n").replace('\r', "\n");
    let mut out = Vec::new();
    let (mut block, mut gap) = (0, false);
    for raw in text.split('\n') {
        let line = normalize::clean(raw);
        if !line.chars().any(char::is_alphanumeric) {
            gap = true;
            continue;
        }
        if gap && !out.is_empty() {
            block += 1;
        }
        gap = false;
        out.push(Line { text: line, block });
    }
    out
}

/// Drops the lines that are not the story (translator credit, notices, see-also headings and
/// the links under them, share buttons), keeping what they tell.
fn story_lines(
    lines: Vec<Line>,
    translator: &mut Option<String>,
    reporters: &mut Vec<String>,
    notice_agency: &mut Option<&'static str>,
) -> Vec<Line> {
    let mut out = Vec::with_capacity(lines.len());
    // Lines still to check as links under a see-also heading.
    let mut links = 0;
    for line in lines {
        // Links under a see-also heading are headlines: no sentence of the story.
        if links > 0 && !is_sentence(&line.text) && line.text.split_whitespace().count() <= 15 {
            links -= 1;
            continue;
        }
        links = 0;
        match trailer::classify(&line.text) {
            Some(Trailer::Translator(name)) => {
                translator.get_or_insert(name);
            }
            Some(Trailer::Boilerplate(agency)) => {
                *notice_agency = notice_agency.or(agency);
            }
            Some(Trailer::SeeAlso { heading_only }) => {
                links = if heading_only { SEE_ALSO_LINKS } else { 0 };
            }
            Some(Trailer::Staff { reporters: names, translator: t }) => {
                reporters.extend(names);
                *translator = translator.take().or(t);
            }
            Some(Trailer::SignOff(agency)) => {
                *notice_agency = notice_agency.or(agency);
            }
            Some(Trailer::Share | Trailer::DeskSignature) => {}
            None => out.push(line),
        }
    }
    out
}

/// Where the header ends (the index of the first body line), and the signature line if the
/// header ends with one.
fn header_end(lines: &[Line]) -> (usize, Option<signature::Signature>) {
    let limit = lines.len().min(HEADER_MAX);
    for (k, line) in lines[..limit].iter().enumerate() {
        if let Some(sig) = signature::parse(&line.text) {
            return (k + 1, Some(sig));
        }
    }
    // Lines up to a credit line are header even if they read like sentences (an unmarked
    // lede); after it, the header goes on until the story starts.
    // A credit line closing the text (`Publié le 12.03.2024 à 15:42`) is no header mark.
    let credit = lines[..limit]
        .iter()
        .position(|l| credit::parse(&l.text).is_some())
        .filter(|&k| k + 1 < lines.len());
    let mut end = credit.map_or(0, |k| k + 1);
    while end < limit && !is_story(lines, end) {
        end += 1;
    }
    (end, None)
}

/// Interprets the first `n` lines, the header (signature excluded), into `d`. Lines it cannot
/// place go to `lead`, as paragraphs before the body. Returns whether the header has the marks of an
/// agency layout (credit line, byline, dash lede, repeated title or signature); without them
/// it leaves `d` untouched and the caller reads plain text.
fn read_header(
    lines: &[Line],
    n: usize,
    signed: bool,
    d: &mut Dispatch,
    lead: &mut Vec<String>,
) -> bool {
    let header = &lines[..n];
    let text = |k: usize| header[k].text.as_str();
    let credit_at: Vec<usize> =
        (0..header.len()).filter(|&k| credit::parse(text(k)).is_some()).collect();
    let byline_at = (0..header.len()).find(|&k| names::byline(text(k)).is_some());
    // A dash line is the lede near the top, or anywhere before the credit or signature.
    let lede_at = (0..header.len()).find(|&k| {
        top_lede(lines, k)
            || (lede(lines, k).is_some() && (signed || credit_at.iter().any(|&c| c > k)))
    });
    let special = |k: usize| credit_at.contains(&k) || byline_at == Some(k) || lede_at == Some(k);
    let repeat = (0..header.len()).find_map(|i| {
        let key = letters(text(i));
        let long_enough = text(i).split_whitespace().count() >= 2;
        (long_enough && !special(i))
            .then(|| (i + 1..header.len()).find(|&j| letters(text(j)) == key).map(|j| (i, j)))
            .flatten()
    });
    let anchor = [
        credit_at.first().copied(),
        byline_at,
        lede_at,
        repeat.map(|(_, j)| j),
        signed.then_some(header.len()),
    ]
    .into_iter()
    .flatten()
    .min();
    let Some(anchor) = anchor else { return false };

    let mut used = vec![false; header.len()];
    for &k in &credit_at {
        used[k] = true;
        if let Some(c) = credit::parse(text(k)) {
            d.published = d.published.or(c.published);
            d.updated = d.updated.or(c.updated);
            d.authors.extend(c.authors);
        }
    }
    if let Some(k) = byline_at {
        used[k] = true;
        d.authors.extend(names::byline(text(k)).unwrap_or_default());
    }
    if let Some(k) = lede_at {
        used[k] = true;
        d.lede = lede(lines, k).map(str::to_owned);
    }

    // The title: the line repeated further down, or the last of the lines before the first
    // mark, after a section line.
    let title_at = match repeat {
        Some((i, _)) => Some(i),
        None => {
            let pre: Vec<usize> = (0..anchor).filter(|&k| !used[k]).collect();
            match pre.as_slice() {
                [s, t, ..]
                    if (is_section(text(*s)) || is_slug(text(*s)))
                        && !ends_with_period(text(*t)) =>
                {
                    Some(*t)
                }
                [t, ..] => Some(*t),
                [] => None,
            }
        }
    };
    if let Some(t) = title_at {
        used[t] = true;
        d.title = text(t).to_owned();
        if t > 0 && !used[t - 1] && is_section(text(t - 1)) {
            used[t - 1] = true;
            d.section = Some(text(t - 1).to_owned());
        } else if t > 0 && !used[t - 1] && is_slug(text(t - 1)) {
            used[t - 1] = true;
            d.keywords.push(text(t - 1).to_owned());
        }
        let key = letters(&d.title);
        for (line, used) in header.iter().zip(used.iter_mut()) {
            if letters(&line.text) == key {
                *used = true;
            }
        }
    }

    let title_at = title_at.unwrap_or(0);
    for (k, line) in header.iter().enumerate() {
        if used[k] {
            continue;
        }
        let line = line.text.as_str();
        // A place alone in capitals after the header marks: the dateline (`BRUSSELS`).
        let capitals = !line.chars().any(char::is_lowercase);
        // A desk line over the headline (`Politique - Gouvernement fédéral`).
        let headline_below = || {
            (k + 1..header.len()).find(|&j| !used[j]).is_some_and(|j| {
                let next = text(j);
                is_title(next) && words(next) > words(line) && words(next) >= 4
            })
        };
        let whole_dateline =
            || dateline::find(line).filter(|dl| dl.len == line.len() && !dl.is_bare());
        if d.title.is_empty() && d.section.is_none() && is_section(line) && headline_below() {
            d.section = Some(line.to_owned());
        } else if d.title.is_empty() && is_title(line) && whole_dateline().is_none() {
            d.title = line.to_owned();
        } else if let Some(dl) = (k > anchor && d.dateline.is_none()).then(whole_dateline).flatten()
        {
            // `BRUXELLES 12/03 (BELGA)` on its own line.
            d.dateline = Some(dl.city);
            d.agency = d.agency.take().or(dl.agency);
        } else if let Some(city) = (k > anchor && capitals && d.dateline.is_none())
            .then(|| dateline::place(line))
            .flatten()
        {
            d.dateline = Some(city);
        } else if k > title_at && d.location.is_none() && is_tag(line) {
            d.location = Some(line.to_owned());
        } else if k > title_at && k < anchor && d.lede.is_none() {
            d.lede = Some(line.to_owned());
        } else {
            lead.push(line.to_owned());
        }
    }
    true
}

/// The lede of line `k` when it opens with a dash (`- Le Secrétaire général…`).
/// Not when a dash also closes it (`- Pearl Harbor -` is a subheading) or when the lines
/// around it open with dashes too (a list).
fn lede(lines: &[Line], k: usize) -> Option<&str> {
    let rest = dashed(&lines[k].text)?;
    let listed =
        |j: Option<usize>| j.and_then(|j| lines.get(j)).is_some_and(|l| dashed(&l.text).is_some());
    if rest.ends_with(['-', '–', '—']) || listed(k.checked_sub(1)) || listed(Some(k + 1)) {
        return None;
    }
    Some(rest)
}

/// Whether line `k` is a dash lede by its place alone: among the first three lines, and a
/// sentence's length (a short dash line there is a subheading: `- Chômage partiel`).
fn top_lede(lines: &[Line], k: usize) -> bool {
    k <= 2 && lede(lines, k).is_some_and(|l| l.split_whitespace().count() >= 8)
}

/// The text after an opening dash and a space (not `-69,6°C`).
fn dashed(line: &str) -> Option<&str> {
    let rest = line.strip_prefix(['-', '–', '—'])?;
    let rest = rest.strip_prefix(char::is_whitespace)?.trim_start();
    rest.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || "\"«“'".contains(c))
        .then_some(rest)
}

/// Whether line `k` is where the story starts: a sentence (alone or wrapped over its block),
/// or a paragraph that opens with a dateline. Header marks never are.
fn is_story(lines: &[Line], k: usize) -> bool {
    let t = &lines[k].text;
    if top_lede(lines, k) || credit::parse(t).is_some() || names::byline(t).is_some() {
        return false;
    }
    // A dateline opens the story; alone on its line it is a header line (a slug such as
    // `UKRAINE-CRISE/OTAN (PAPIER GENERAL)` has its shape).
    if is_sentence(t) || dateline::find(t).is_some_and(|d| !t[d.len..].trim().is_empty()) {
        return true;
    }
    continues(lines, k) && {
        let block = lines[k].block;
        let joined: Vec<&str> =
            lines[k..].iter().take_while(|l| l.block == block).map(|l| l.text.as_str()).collect();
        is_sentence(&joined.join(" "))
    }
}

/// Whether line `k` goes on in the next line (same block, next line starts in lowercase):
/// text wrapped at a fixed width.
fn continues(lines: &[Line], k: usize) -> bool {
    lines.get(k + 1).is_some_and(|next| {
        next.block == lines[k].block && next.text.starts_with(|c: char| c.is_lowercase())
    })
}

/// A sentence of running text: eight words or more ending with a period, or long.
fn is_sentence(t: &str) -> bool {
    let words = t.split_whitespace().count();
    (words >= 8 && ends_with_period(t)) || words > 40
}

fn ends_with_period(t: &str) -> bool {
    let t = t.trim_end_matches(|c: char| c.is_whitespace() || "\"»”’')]".contains(c));
    t.ends_with('.') && !t.ends_with("..")
}

/// A headline: short, with a letter, no final period (an ellipsis, or a period closing a
/// quotation or initials, does not count: `… et le grand gagnant est...`, `… : "Les Guignols
/// sont redevenus comme avant."`, `Renault Twingo Z.E.`).
fn is_title(t: &str) -> bool {
    let last = t.split_whitespace().next_back().unwrap_or("");
    let initials = last.contains('.') && last.split('.').all(|p| p.chars().count() <= 2);
    t.split_whitespace().count() <= 35
        && t.chars().count() <= 200
        && t.chars().any(char::is_alphabetic)
        && (!t.ends_with('.') || t.ends_with("..") || initials)
}

/// Priority and status flags of the wires, as [`normalize::label_key`] writes them.
const PRIORITIES: &[&str] = &[
    "urgent",
    "flash",
    "alerte",
    "alerte info",
    "alert",
    "breaking",
    "breaking news",
    "bulletin",
    "derniere minute",
    "exclusif",
    "exclusive",
    "exclu",
    "update",
    "correction",
    "rectificatif",
    "reprise",
    "advisory",
];

/// A line holding only a wire priority or status (`URGENT`, `Flash`, `RECTIFICATIF :`).
fn is_priority(t: &str) -> bool {
    let key = normalize::label_key(t);
    PRIORITIES.contains(&key.trim_matches(|c: char| !c.is_alphanumeric()))
}

/// A wire slug above the headline: capitals, keywords joined by `/` or `-`, maybe a
/// version mark (`UKRAINE-CRISE/OTAN (PAPIER GENERAL)`, `FRANCE-RETRAITES/GREVE`).
fn is_slug(t: &str) -> bool {
    let joined = t.split_whitespace().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        w.contains('/') || w.contains('-')
    });
    t.split_whitespace().count() <= 8
        && !t.chars().any(char::is_lowercase)
        && t.chars().filter(|c| c.is_alphabetic()).count() >= 4
        && joined
}

/// A wire routing header (ANPA/IPTC 7901 style): a story number such as `FRA0123` or
/// `BRU452` first, no lowercase, a few short groups (`FRA0123 4 GEN /AFP-UY88`).
fn is_routing_header(t: &str) -> bool {
    let mut words = t.split_whitespace();
    let first = words.next().unwrap_or("");
    let letters = first.bytes().take_while(u8::is_ascii_uppercase).count();
    let digits = &first[letters..];
    (2..=5).contains(&letters)
        && (2..=6).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
        && t.split_whitespace().count() <= 8
        && !t.chars().any(char::is_lowercase)
}

/// A keyword slug: one token of words joined by hyphens, at least three of them
/// (`France-politique-retraites`, `Ukraine-conflit-diplomatie`).
fn is_keyword_slug(t: &str) -> bool {
    !t.contains(char::is_whitespace)
        && t.chars().count() <= 80
        && t.split('-').count() >= 3
        && t.split('-').all(|w| !w.is_empty() && w.chars().all(char::is_alphanumeric))
}

/// A section or desk name: one to three words, no digits, no sentence punctuation
/// (`Politique`, `Moyen-Orient`, `Économie`).
fn is_section(t: &str) -> bool {
    words(t) <= 3
        && t.chars().count() <= 40
        && t.chars().next().is_some_and(char::is_uppercase)
        && t.chars().all(|c| c.is_alphabetic() || " -&,'’".contains(c))
}

/// Words of a line, dashes standing alone not counted.
fn words(t: &str) -> usize {
    t.split_whitespace().filter(|w| !matches!(*w, "-" | "–" | "—" | "|")).count()
}

/// A tag line (location, topic): up to six capitalised words, no digits or sentence marks.
fn is_tag(t: &str) -> bool {
    t.split_whitespace().count() <= 6
        && t.chars().count() <= 60
        && t.chars().next().is_some_and(char::is_uppercase)
        && t.chars().all(|c| c.is_alphabetic() || " -'’,()".contains(c))
}

/// Letters and digits, lowercased: the key under which a repeated title matches its first
/// occurrence whatever its spacing, apostrophes or punctuation.
fn letters(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// Paragraphs of the body lines: blocks joined (wrapped lines) when the text has several
/// blocks, or one paragraph per line when it has no blank lines at all.
fn paragraphs(lines: &[Line]) -> Vec<String> {
    let one_block = lines.first().is_some_and(|f| lines.iter().all(|l| l.block == f.block));
    if one_block {
        return lines.iter().map(|l| l.text.clone()).collect();
    }
    let mut out: Vec<String> = Vec::new();
    let mut last = None;
    for l in lines {
        match out.last_mut() {
            Some(p) if last == Some(l.block) => {
                p.push(' ');
                p.push_str(&l.text);
            }
            _ => out.push(l.text.clone()),
        }
        last = Some(l.block);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: &str = "Politique\n\nJens Stoltenberg : l'OTAN demeure ouverte au dialogue avec la Russie\n\n- Le Secrétaire général de l'OTAN exhorte la Russie à engager des pourparlers\n\nEkip\u{a0}| 15.02.2022 - Mıse À Jour : 15.02.2022\nJens Stoltenberg : l'OTAN demeure ouverte au dialogue avec la Russie\n\nBrussels Hoofdstedelijk Gewest\n\nAA / Bruxelles / Agnes Szucs\n\nLe secrétaire général de l'OTAN, Jens Stoltenberg, a déclaré, lundi, que l'OTAN demeurait ouverte.\n\nLes deux hommes ont discuté du partenariat entre l'OTAN et la Colombie.\n\n\n*Traduit de l’Anglais par Mourad Belhaj\n\nSeulement une partie des dépêches, que l'Agence Anadolu diffuse à ses abonnés, est diffusée. Contactez-nous s'il vous plaît pour vous abonner.\nA\u{a0}Lire Aussi\nBu haberi paylaşın";

    #[test]
    fn agency_layout() {
        let d = parse(SEED).unwrap();
        assert_eq!(d.section.as_deref(), Some("Politique"));
        assert_eq!(d.title, "Jens Stoltenberg : l'OTAN demeure ouverte au dialogue avec la Russie");
        assert_eq!(
            d.lede.as_deref(),
            Some("Le Secrétaire général de l'OTAN exhorte la Russie à engager des pourparlers")
        );
        assert_eq!(d.published.map(|t| t.to_string()).as_deref(), Some("2022-02-15T00:00:00Z"));
        assert_eq!(d.updated, d.published);
        assert_eq!(d.location.as_deref(), Some("Brussels Hoofdstedelijk Gewest"));
        assert_eq!(d.agency.as_deref(), Some("AA"));
        assert_eq!(d.dateline.as_deref(), Some("Bruxelles"));
        assert_eq!(d.authors, ["Agnes Szucs"]);
        assert_eq!(d.translator.as_deref(), Some("Mourad Belhaj"));
        assert_eq!(d.body.len(), 2);
        assert!(d.body[1].starts_with("Les deux hommes"));
    }

    #[test]
    fn header_variants() {
        // (text, section, title, lede, location, dateline, agency, first body paragraph)
        type Case<'a> = (
            &'a str,
            Option<&'a str>,
            &'a str,
            Option<&'a str>,
            Option<&'a str>,
            Option<&'a str>,
            Option<&'a str>,
            &'a str,
        );
        let cases: &[Case] = &[
            (
                "Monde\r\n\r\nUn titre de dépêche assez long\r\n\r\nAgnes Szucs | 15.02.2022\r\n\r\nLe premier paragraphe du corps de la dépêche, assez long.\r\n",
                Some("Monde"),
                "Un titre de dépêche assez long",
                None,
                None,
                None,
                None,
                "Le premier paragraphe du corps de la dépêche, assez long.",
            ),
            (
                "Un titre\n\n- Un chapô qui résume la dépêche en une phrase\n\nPARIS, 21 jan 2019 (AFP) - Le procès de deux anciens fonctionnaires s'ouvre.",
                None,
                "Un titre",
                Some("Un chapô qui résume la dépêche en une phrase"),
                None,
                Some("Paris"),
                Some("AFP"),
                "PARIS, 21 jan 2019 (AFP) - Le procès de deux anciens fonctionnaires s'ouvre.",
            ),
            (
                "Économie\n\nLa Bourse recule\n\nAnkara\n\nLa Bourse recule\n\nAA / Ankara\n\nLes marchés ont reculé mardi.",
                Some("Économie"),
                "La Bourse recule",
                None,
                Some("Ankara"),
                Some("Ankara"),
                Some("AA"),
                "Les marchés ont reculé mardi.",
            ),
        ];
        for (text, section, title, lede, location, dl, agency, first) in cases {
            let d = parse(text).unwrap_or_else(|e| panic!("{text:?}: {e}"));
            assert_eq!(d.section.as_deref(), *section, "{text:?}");
            assert_eq!(d.title, *title, "{text:?}");
            assert_eq!(d.lede.as_deref(), *lede, "{text:?}");
            assert_eq!(d.location.as_deref(), *location, "{text:?}");
            assert_eq!(d.dateline.as_deref(), *dl, "{text:?}");
            assert_eq!(d.agency.as_deref(), *agency, "{text:?}");
            assert_eq!(d.body.first().map(String::as_str), Some(*first), "{text:?}");
        }
    }

    #[test]
    fn labelled_header() {
        let text = "Titre : Les négociations reprennent à Genève\r\nDate : 14/02/2022 09:30\r\nAuteur : Jean Martin\r\nRubrique : International\r\n\r\nGENÈVE, 14 février 2022 (AFP) - Les négociations entre Moscou et Washington ont repris lundi.\r\n\r\nLe chef de la diplomatie russe, Sergueï Lavrov, doit rencontrer mardi Antony Blinken.\r\n";
        let d = parse(text).unwrap();
        assert_eq!(d.title, "Les négociations reprennent à Genève");
        assert_eq!(d.section.as_deref(), Some("International"));
        assert_eq!(d.authors, ["Jean Martin"]);
        assert_eq!(d.published.map(|t| t.to_string()).as_deref(), Some("2022-02-14T08:30:00Z"));
        assert_eq!(d.body.len(), 2);
        assert!(d.body[0].starts_with("GENÈVE, 14 février"));
        assert_eq!((d.dateline.as_deref(), d.agency.as_deref()), (Some("Genève"), Some("AFP")));
    }

    #[test]
    fn priority_flag_above_the_headline() {
        let text = "URGENT\n\nCorée du Nord : tir d’un missile balistique, selon Séoul\n\nSÉOUL, 12 juillet 2023 (AFP) - La Corée du Nord a tiré mercredi un missile balistique vers la mer du Japon.\n\nFumio Kishida a condamné ce tir.\n";
        let d = parse(text).unwrap();
        assert_eq!(d.title, "Corée du Nord : tir d’un missile balistique, selon Séoul");
        assert_eq!(d.keywords, ["URGENT"]);
        assert_eq!((d.dateline.as_deref(), d.agency.as_deref()), (Some("Séoul"), Some("AFP")));
        assert_eq!(d.body.len(), 2);
        // Alone, the flag is all there is to show.
        assert_eq!(parse("FLASH\n").unwrap().title, "FLASH");
    }

    #[test]
    fn wire_slug_and_byline() {
        let text = "UKRAINE-CRISE/OTAN (PAPIER GENERAL)\n\nL'Otan renforce son flanc est, Moscou dénonce une provocation\n\npar Sabine Siebold et John Irish\n\nBRUXELLES, 15 février (Reuters) - L'Otan va renforcer sa présence militaire sur son flanc oriental, a annoncé mardi Jens Stoltenberg.\n\nLa Russie a dénoncé une provocation.\n";
        let d = parse(text).unwrap();
        assert_eq!(d.title, "L'Otan renforce son flanc est, Moscou dénonce une provocation");
        assert_eq!(d.keywords, ["UKRAINE-CRISE/OTAN (PAPIER GENERAL)"]);
        assert_eq!(d.authors, ["Sabine Siebold", "John Irish"]);
        assert_eq!(
            (d.dateline.as_deref(), d.agency.as_deref()),
            (Some("Bruxelles"), Some("Reuters"))
        );
        assert_eq!(d.body.len(), 2);
        assert!(!is_slug("L'OTAN RENFORCE SON FLANC EST"), "a headline in capitals");
    }

    #[test]
    fn english_export() {
        let text = "Europe\n\nNATO chief says alliance remains open to dialogue with Russia\n\n- NATO Secretary General urges Russia to engage in talks and withdraw its forces\n\nAgnes Szucs  | 15.02.2022 - Update : 16.02.2022\nNATO chief says alliance remains open to dialogue with Russia\n\nBrussels Hoofdstedelijk Gewest\n\nBRUSSELS\n\nNATO Secretary General Jens Stoltenberg said on Monday that the alliance remained open to dialogue.\n\n*Translated from French by Mourad Belhaj\n\nAnadolu Agency website contains only a portion of the news stories offered to subscribers in the AA News Broadcasting System (HAS), and in summarized form. Please contact us for subscription options.\nShare this article";
        let d = parse(text).unwrap();
        assert_eq!(d.section.as_deref(), Some("Europe"));
        assert_eq!(d.title, "NATO chief says alliance remains open to dialogue with Russia");
        assert!(d.lede.as_deref().is_some_and(|l| l.starts_with("NATO Secretary General urges")));
        assert_eq!(d.authors, ["Agnes Szucs"]);
        assert_eq!(d.updated.map(|t| t.to_string()).as_deref(), Some("2022-02-16T00:00:00Z"));
        assert_eq!(d.location.as_deref(), Some("Brussels Hoofdstedelijk Gewest"));
        assert_eq!(d.dateline.as_deref(), Some("Brussels"));
        assert_eq!(d.agency.as_deref(), Some("AA"), "named by its notice");
        assert_eq!(d.translator.as_deref(), Some("Mourad Belhaj"));
        assert_eq!(d.body.len(), 1);
    }

    #[test]
    fn closing_staff_credit_and_desk_signature() {
        let text = "Le Japon relève ses taux pour la première fois en 17 ans\n\npar Leika Kihara\n\nTOKYO, 19 mars (Reuters) - La Banque du Japon (BoJ) a mis fin mardi à huit ans de taux d'intérêt négatifs, une décision historique.\n\nLe gouverneur Kazuo Ueda a déclaré que l'inflation semblait durablement proche de l'objectif de 2%.\n\n(Reportage Leika Kihara et Tetsushi Kajimoto; version française Claude Chendjou, édité par Blandine Hénault)\n\npgf/blb";
        let d = parse(text).unwrap();
        assert_eq!(d.title, "Le Japon relève ses taux pour la première fois en 17 ans");
        assert_eq!(d.authors, ["Leika Kihara", "Tetsushi Kajimoto"]);
        assert_eq!(d.translator.as_deref(), Some("Claude Chendjou"));
        assert_eq!(d.agency.as_deref(), Some("Reuters"));
        assert_eq!(d.body.len(), 2, "{:?}", d.body);
        assert!(d.body[1].starts_with("Le gouverneur Kazuo Ueda"));
    }

    #[test]
    fn plain_text() {
        // (text, title, paragraphs)
        let cases: &[(&str, &str, &[&str])] = &[
            (
                "Un titre\n\nPremier paragraphe.\n\nSecond.",
                "Un titre",
                &["Premier paragraphe.", "Second."],
            ),
            ("Un titre\nPremier.\nSecond.", "Un titre", &["Premier.", "Second."]),
            (
                "Le texte commence sans titre et continue sur la ligne\nsuivante jusqu'au point final.\n\nPuis un autre paragraphe.",
                "",
                &[
                    "Le texte commence sans titre et continue sur la ligne suivante jusqu'au point final.",
                    "Puis un autre paragraphe.",
                ],
            ),
            (
                "Une seule phrase, qui finit par un point.",
                "",
                &["Une seule phrase, qui finit par un point."],
            ),
            ("\u{feff}Titre seul", "Titre seul", &[]),
            // A section line above the headline.
            (
                "Monde\n\nSéisme de magnitude 6,2 au large de la Crète",
                "Séisme de magnitude 6,2 au large de la Crète",
                &[],
            ),
            (
                "Économie\nLa BCE relève ses taux d'un quart de point\n\nLa Banque centrale européenne a relevé ses taux jeudi.",
                "La BCE relève ses taux d'un quart de point",
                &["La Banque centrale européenne a relevé ses taux jeudi."],
            ),
            // A short title over a subheading-like line of three words stays the title.
            (
                "Crète\n\nUn fort séisme\n\nLa terre a tremblé.",
                "Crète",
                &["Un fort séisme", "La terre a tremblé."],
            ),
        ];
        for (text, title, body) in cases {
            let d = parse(text).unwrap_or_else(|e| panic!("{text:?}: {e}"));
            assert_eq!(d.title, *title, "{text:?}");
            assert_eq!(d.body, *body, "{text:?}");
            assert_eq!(d.lede, None, "{text:?}");
            assert_eq!(d.language, None, "{text:?}");
            let sectioned = ["Monde", "Économie"].iter().find(|s| text.starts_with(*s));
            assert_eq!(d.section.as_deref(), sectioned.copied(), "{text:?}");
        }
    }

    #[test]
    fn dash_lines_near_the_top() {
        // (text, lede, first paragraph)
        let cases: &[(&str, Option<&str>, &str)] = &[
            (
                "Titre\n\n- Le chapô de la dépêche, qui résume toute l'affaire\n\nLe corps.",
                Some("Le chapô de la dépêche, qui résume toute l'affaire"),
                "Le corps.",
            ),
            (
                "Titre\n\n- Mise en garde d'Einstein -\n\nLe corps.",
                None,
                "- Mise en garde d'Einstein -",
            ),
            (
                "Titre\n\n- Orange versera une prime.\n- Iliad aussi.",
                None,
                "- Orange versera une prime.",
            ),
            ("Titre\n\n• Hausses de salaires\n\nLe corps.", None, "• Hausses de salaires"),
            ("Titre\n\n- Chômage partiel\n\nLe corps.", None, "- Chômage partiel"),
        ];
        for (text, lede, first) in cases {
            let d = parse(text).unwrap();
            assert_eq!(d.title, "Titre", "{text:?}");
            assert_eq!(d.lede.as_deref(), *lede, "{text:?}");
            assert_eq!(d.body.first().map(String::as_str), Some(*first), "{text:?}");
        }
        let d = parse("-69,6°C: un record de froid\n\nLe corps du texte.").unwrap();
        assert_eq!(d.title, "-69,6°C: un record de froid");
    }

    #[test]
    fn titles() {
        let cases = [
            ("Renault Twingo Z.E.", true),
            ("The Voice 7 : et le grand gagnant est...", true),
            ("Marc-Antoine Le Bret : \"Les Guignols sont redevenus comme avant.\"", true),
            ("Qui va succéder à Jens Stoltenberg ?", true),
            ("Le ministre a démissionné.", false),
            ("123", false),
        ];
        for (text, want) in cases {
            assert_eq!(is_title(text), want, "{text:?}");
        }
    }

    #[test]
    fn no_usable_line() {
        for text in ["", "\n\n***\n---\n", "Bu haberi paylaşın\nA Lire Aussi"] {
            assert!(matches!(parse(text), Err(ErrorKind::NotAnArticle(_))), "{text:?}");
        }
    }

    #[test]
    fn see_also_links_are_dropped() {
        let d = parse("Titre\n\nLe corps de la dépêche tient dans cette phrase assez longue.\n\nÀ lire aussi\n\nUn autre titre\nEncore un titre\n\nBu haberi paylaşın").unwrap();
        assert_eq!(d.body, ["Le corps de la dépêche tient dans cette phrase assez longue."]);
        // Only a few headlines under the heading are links; the story goes on after them.
        let text = "Titre\n\nUne phrase du corps de la dépêche, assez longue pour en être une.\n\nLire aussi\n\nUn lien\n\nUn intertitre\n\nUn autre\n\nEncore un\n\nLa suite du corps\n\nLa fin du corps";
        let d = parse(text).unwrap();
        assert_eq!(d.body[1..], ["La suite du corps", "La fin du corps"]);
    }
}
