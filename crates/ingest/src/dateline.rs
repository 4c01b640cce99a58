//! Datelines: the place (and sometimes date and agency) that opens a dispatch.
//!
//! Agencies open the first paragraph with where, and often when and by whom, the story was
//! filed. The forms seen on the wires:
//!
//! | dateline | city | agency | date |
//! |---|---|---|---|
//! | `Bruxelles, 15 février 2022 (AFP) - …` | `Bruxelles` | `AFP` | `15 février 2022` |
//! | `PARIS, 21 jan 2019 (AFP) - …` | `Paris` | `AFP` | `21 jan 2019` |
//! | `TORONTO, 26 mai 2020 (GLOBE NEWSWIRE) -- …` | `Toronto` | `GlobeNewswire` | `26 mai 2020` |
//! | `NEW YORK (AP) — …` | `New York` | `AP` | |
//! | `MOSCOW, January 21. /TASS/. …` | `Moscow` | `TASS` | `January 21` |
//! | `(ANSA) - ROME, JUL 11 - …` | `Rome` | `ANSA` | `JUL 11` |
//! | `Nueva Delhi, 21 ene (EFE).- …` | `Nueva Delhi` | `EFE` | `21 ene` |
//! | `GREENWICH, Conn.--(BUSINESS WIRE)--…` | `Greenwich` | `Business Wire` | |
//! | `OTTAWA - A Manitoba man…` | `Ottawa` | | |
//!
//! [`find`] goes by shape, never by a list of cities: a place made of capitalised words, an
//! optional `, date` (or `, region`), an optional agency mark (`(AFP)`, `/TASS/`), then a dash
//! separator. Ordinary sentences also open with a capitalised name and a comma (`Paris, qui
//! accueille…`, `Emmanuel Macron, président…`), so a place counts only with a date or an agency
//! beside it, or alone when it is written in capitals and followed by a dash (`OTTAWA - `).

use crate::normalize::label_key;
use crate::{agency, dates};

/// A dateline found at the start of a text by [`find`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Dateline {
    /// The place in its usual case: `Paris` for `PARIS`, `New York` for `NEW YORK`; a place
    /// written in mixed case is kept as written (`Nueva Delhi`, `Tel Aviv/Beirut`).
    pub city: String,
    /// The agency the dateline names, canonical as [`agency::from_credit`] gives it (`AFP`,
    /// `GlobeNewswire`), if any.
    pub agency: Option<String>,
    /// The date as written, spaces collapsed, final period dropped (`15 février 2022`,
    /// `January 21`, `JUL 11`), if any. [`crate::parse_date`] reads it when it has a year.
    pub date: Option<String>,
    /// Byte length of the dateline prefix, separator and following spaces included:
    /// `&text[len..]` is what follows the dateline. Callers keep the prefix in the body by
    /// default and may strip it with this.
    pub len: usize,
}

impl Dateline {
    /// Whether the dateline is only a place in capitals and a dash (`OTTAWA - `), with no
    /// agency and no date. French sites write their rubrics the same way (`FAIT DIVERS - `,
    /// `JUSTICE - `, `MONACO - `), so take a bare dateline only with other evidence (a
    /// `<dateline>` element naming the same place, an English-language wire).
    pub(crate) fn is_bare(&self) -> bool {
        self.agency.is_none() && self.date.is_none()
    }
}

/// Recognizes a dateline opening `text` (a first body paragraph, or a `<dateline>` element on
/// its own) and returns it, or `None` when `text` does not start with one.
///
/// Leading spaces are allowed (and counted in [`Dateline::len`]). A dateline alone, with
/// nothing after it, is accepted when it has a date or an agency (`Strasbourg, 10 juil 2024
/// (AFP)`, `BEIJING, July 23`), so readers of IPTC `<dateline>` elements can use it too.
pub(crate) fn find(text: &str) -> Option<Dateline> {
    let mut i = text.len() - text.trim_start().len();

    // `(ANSA) - ROME, JUL 11 - `: the agency may come first, then needs its own separator.
    let mut agency = None;
    if let Some((name, len)) = agency_mark(&text[i..]) {
        let sep = separator(&text[i + len..], false)?;
        agency = Some(name);
        i += len + sep;
    }

    let span = place_span(&text[i..])?;
    let raw_place = text[i..i + span].trim_end();
    let city = place(raw_place)?;
    i += span;

    let mut date = None;
    let mut region = false;
    if let Some(after) = text[i..].strip_prefix(',') {
        let seg_len = segment_span(after);
        let seg = after[..seg_len].trim();
        if let Some(d) = date_text(seg) {
            date = Some(d);
        } else if is_region(seg) {
            region = true;
        } else {
            return None;
        }
        i += 1 + seg_len;
    }

    // `BRUXELLES 12/03 (BELGA)`: a numeric day after a place in capitals, no comma, then the
    // agency.
    if date.is_none() && agency.is_none() && is_capitals(raw_place) {
        let rest = &text[i..];
        let token = rest.split_whitespace().next().unwrap_or("");
        if (is_numeric_date(token) || is_day_month(token))
            && let Some(at) = rest.find(token)
            && agency_mark(&rest[at + token.len()..]).is_some()
        {
            date = Some(token.to_owned());
            i += at + token.len();
        }
    }

    let mut marked = false;
    if agency.is_none()
        && let Some((name, len)) = agency_mark(&text[i..])
    {
        agency = Some(name);
        marked = true;
        i += len;
    }

    match separator(&text[i..], marked) {
        Some(len) => i += len,
        // `Berne (ats) Le Conseil national…`: an agency mark, then the sentence at once.
        None if marked
            && text[i..].starts_with(' ')
            && text[i..].trim_start().starts_with(char::is_uppercase) =>
        {
            i = text.len() - text[i..].trim_start().len();
        }
        // The dateline on its own, as in an IPTC `<dateline>` element.
        None if text[i..].trim().is_empty() && (agency.is_some() || date.is_some()) => {
            i = text.len();
        }
        None => return None,
    }

    if agency.is_none() {
        // Without an agency, a region (`Paris, Texas - `) is too close to a sentence, and a
        // bare place must be written in capitals and not be a wire flag (`URGENT - `).
        if region {
            return None;
        }
        if date.is_none() && (!is_capitals(raw_place) || is_flag(raw_place)) {
            return None;
        }
        let next = text[i..].chars().next();
        if next.is_some_and(|c| c.is_lowercase()) {
            return None;
        }
    }
    Some(Dateline { city, agency, date, len: i })
}

/// Checks that `s` is shaped like a place name (`Bruxelles`, `NEW YORK`, `Aix-en-Provence`,
/// `Tel Aviv/Beirut`, `St. Louis`) and returns it in its usual case, or `None`.
///
/// Shape only: one to five words, no digits, each word capitalised except linking particles
/// (`de`, `sur`, `el`…), not a weekday, month or wire flag.
pub(crate) fn place(s: &str) -> Option<String> {
    let s = s.trim();
    if s.is_empty() || s.chars().count() > 40 {
        return None;
    }
    if !s.chars().all(|c| c.is_alphabetic() || is_mark(c) || " -/'’.".contains(c)) {
        return None;
    }
    if s.chars().filter(|c| c.is_alphabetic()).count() < 2 {
        return None;
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.len() > 5 {
        return None;
    }
    for (k, w) in words.iter().enumerate() {
        let first = w.chars().next()?;
        let capital = first.is_uppercase() || (first.is_alphabetic() && !first.is_lowercase());
        if !capital && (k == 0 || !is_particle(w)) {
            return None;
        }
    }
    if is_flag(s) || (words.len() == 1 && is_calendar_word(s)) {
        return None;
    }
    Some(usual_case(&words.join(" ")))
}

/// Linking words that stay lowercase inside place names (`Rio de Janeiro`, `Aix-en-Provence`,
/// `Sharm el-Sheikh`, `Frankfurt am Main`).
const PARTICLES: &[&str] = &[
    "de", "du", "des", "d", "la", "le", "les", "l", "sur", "sous", "en", "lès", "lez", "aux", "au",
    "et", "di", "da", "del", "della", "do", "dos", "das", "am", "im", "an", "der", "den", "bei",
    "upon", "on", "of", "y", "el", "al",
];

fn is_particle(w: &str) -> bool {
    let w = w.trim_end_matches('.');
    let head = w.split(['-', '\'', '’']).next().unwrap_or(w);
    PARTICLES.contains(&head)
}

/// Wire flags and rubric words that open a paragraph in capitals without being a place
/// (`URGENT - `, `INSOLITE - `, `VIDÉO - `).
const FLAGS: &[&str] = &[
    "insolite",
    "enquete",
    "reportage",
    "temoignage",
    "temoignages",
    "sondage",
    "carte",
    "infographie",
    "chronique",
    "decryptage",
    "portrait",
    "tribune",
    "revue de presse",
    "derniere minute",
    "alerte info",
    "exclu",
    "videos",
    "photos",
    "audio",
    "a la une",
    "resume",
    "recit",
    "zoom",
    "urgent",
    "flash",
    "alerte",
    "alert",
    "breaking",
    "breaking news",
    "exclusif",
    "exclusive",
    "update",
    "correction",
    "rectificatif",
    "reprise",
    "bulletin",
    "avis",
    "note",
    "info",
    "video",
    "photo",
    "editorial",
    "opinion",
    "analyse",
    "analysis",
    "interview",
    "entretien",
    "direct",
    "live",
    "communique",
    "advisory",
];

fn is_flag(s: &str) -> bool {
    FLAGS.contains(&label_key(s).as_str())
}

/// Months in the wire languages other than French and English (those are
/// [`dates::MONTHS`] and [`dates::MONTHS_EN`]), folded by [`label_key`].
const OTHER_MONTHS: &[&str] = &[
    // Spanish, Italian, German, Portuguese (the ones French and English do not have)
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "setiembre",
    "octubre",
    "noviembre",
    "diciembre",
    "gennaio",
    "febbraio",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "settembre",
    "ottobre",
    "dicembre",
    "januar",
    "februar",
    "marz",
    "juni",
    "juli",
    "oktober",
    "dezember",
    "janeiro",
    "fevereiro",
    "marco",
    "maio",
    "junho",
    "julho",
    "setembro",
    "outubro",
    "novembro",
    "dezembro",
];

const WEEKDAYS: &[&str] = &[
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "lunes",
    "martes",
    "miercoles",
    "jueves",
    "viernes",
    "sabado",
    "domingo",
];

/// Whether `word` names a month (also abbreviated: `janv`, `Nov.`) or a weekday, in French,
/// English, Spanish, Italian, German or Portuguese.
pub(crate) fn is_calendar_token(word: &str) -> bool {
    is_month(word) || is_weekday(word)
}

/// Month names in every wire language, folded; abbreviations are matched as prefixes of at
/// least three letters (`janv`, `juil`, `ene`, `Nov.`).
fn months() -> impl Iterator<Item = &'static str> {
    dates::MONTHS.iter().chain(&dates::MONTHS_EN).chain(OTHER_MONTHS).copied()
}

fn is_month(word: &str) -> bool {
    let w = label_key(word.trim_end_matches('.'));
    w.chars().count() >= 3 && months().any(|m| m.starts_with(w.as_str()))
}

fn is_weekday(word: &str) -> bool {
    let w = label_key(word.trim_end_matches(['.', ',']));
    WEEKDAYS.contains(&w.as_str())
}

/// A weekday or a month on its own (`Lundi, 15 février - ` opens a sentence, not a dateline).
fn is_calendar_word(s: &str) -> bool {
    let key = label_key(s);
    is_weekday(s) || months().any(|m| m == key)
}

/// The date after the place's comma (`15 février 2022`, `January 21.`, `JUL 11`, `21 ene`,
/// `21 Nov. 2024`, `26-11-2023`), spaces collapsed and final period dropped, or `None`.
fn date_text(seg: &str) -> Option<String> {
    let tokens: Vec<&str> =
        seg.split(|c: char| c.is_whitespace() || c == ',').filter(|t| !t.is_empty()).collect();
    if tokens.is_empty() || tokens.len() > 5 {
        return None;
    }
    let (mut numbers, mut months, mut numeric_dates) = (0, 0, 0);
    for t in &tokens {
        let t = t.trim_end_matches('.');
        if is_day_or_year(t) {
            numbers += 1;
        } else if is_numeric_date(t) {
            numeric_dates += 1;
        } else if is_month(t) {
            months += 1;
        } else if !is_weekday(t) {
            return None;
        }
    }
    if !(numeric_dates > 0 || (months > 0 && numbers > 0)) {
        return None;
    }
    let text = tokens.join(" ");
    Some(text.trim_end_matches('.').to_owned())
}

/// `15`, `1er`, `21st`, `2022`.
fn is_day_or_year(t: &str) -> bool {
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    let (num, suffix) = t.split_at(digits);
    match (num.len(), suffix) {
        (1 | 2, "" | "er" | "re" | "st" | "nd" | "rd" | "th" | "º" | "°") => {
            num.parse::<u32>().is_ok_and(|n| (1..=31).contains(&n))
        }
        (4, "") => num.parse::<u32>().is_ok_and(|n| (1800..=2200).contains(&n)),
        _ => false,
    }
}

/// `26-11-2023`, `4/4/2018`, `15.02.2022`, `2022-02-15`.
fn is_numeric_date(t: &str) -> bool {
    let parts: Vec<&str> = t.split(['-', '/', '.']).collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
        && parts.iter().any(|p| p.len() == 4 || p.len() == 2)
}

/// `12/03`, `12.03`: a day and a month.
fn is_day_month(t: &str) -> bool {
    let parts: Vec<&str> = t.split(['/', '.']).collect();
    parts.len() == 2
        && parts.iter().all(|p| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
}

/// A region or state after the place's comma (`Conn.`, `Texas`, `N.Y.`): one to three
/// capitalised words. Only accepted when an agency mark follows.
fn is_region(seg: &str) -> bool {
    let words: Vec<&str> = seg.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 3
        && seg.chars().count() <= 25
        && seg.chars().all(|c| c.is_alphabetic() || " .-'’".contains(c))
        && words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// An agency mark at the start of `s` (after spaces): `(AFP)`, `--(BUSINESS WIRE)`, `/TASS/`.
/// Returns the canonical agency and the byte length of the mark.
fn agency_mark(s: &str) -> Option<(String, usize)> {
    let lead = s.len() - s.trim_start().len();
    let t = &s[lead..];
    // Business Wire writes `GREENWICH, Conn.--(BUSINESS WIRE)--`.
    let dashes = t.len() - t.trim_start_matches('-').len();
    let t2 = &t[dashes..];
    let (open, close) = match t2.chars().next()? {
        '(' => ('(', ')'),
        '/' if dashes == 0 => ('/', '/'),
        _ => return None,
    };
    let inner = &t2[open.len_utf8()..];
    let end = inner.find(close)?;
    let name = &inner[..end];
    if !is_agency_name(name) {
        return None;
    }
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    let canonical = agency::from_credit(&name)?;
    Some((canonical, lead + dashes + open.len_utf8() + end + close.len_utf8()))
}

/// An agency name between the marks: one to four words, capitalised (`AFP`, `Reuters`,
/// `GLOBE NEWSWIRE`, `Europa Press`), or one short lowercase acronym (`dpa`). `(cricket)` or
/// `(New York, NY - October 21)` are not.
fn is_agency_name(name: &str) -> bool {
    let name = name.trim();
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.is_empty() || words.len() > 4 || name.chars().count() > 30 {
        return false;
    }
    if !name.chars().all(|c| c.is_alphabetic() || is_mark(c) || " -.&'’".contains(c)) {
        return false;
    }
    let capitalised = words.iter().all(|w| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || (c.is_alphabetic() && !c.is_lowercase()))
    });
    let acronym = words.len() == 1 && (2..=4).contains(&name.chars().count());
    capitalised || acronym
}

/// The separator after a dateline: `-`, `--`, `—`, `–`, `.-` (EFE), and `.` after an agency
/// mark (`/TASS/.`), with the spaces around it. Returns its byte length.
fn separator(s: &str, dot_ok: bool) -> Option<usize> {
    let lead = s.len() - s.trim_start_matches([' ', '\t', '\u{a0}']).len();
    let t = &s[lead..];
    let seps: &[&str] = &["--", "—", "–", ".-", ".—", ".–", "-"];
    let len = match seps.iter().find(|p| t.starts_with(**p)) {
        Some(p) => p.len(),
        None if dot_ok && t.starts_with('.') => 1,
        None => return None,
    };
    let rest = &t[len..];
    // `-` glued to a word is a hyphen (`Saint-Denis`), not a separator.
    if rest.starts_with(|c: char| c.is_alphanumeric()) && len == 1 && lead == 0 && !dot_ok {
        return None;
    }
    let trail = rest.len() - rest.trim_start().len();
    Some(lead + len + trail)
}

/// Bytes of the place at the start of `s`: letters, spaces, apostrophes, dots, and `-` or `/`
/// inside a word. Stops at anything else (comma, parenthesis, dash separator, digit).
fn place_span(s: &str) -> Option<usize> {
    let mut prev: Option<char> = None;
    let mut iter = s.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let next = iter.peek().map(|&(_, n)| n);
        let ok = c.is_alphabetic()
            || is_mark(c)
            || c == ' '
            || c == '\''
            || c == '’'
            || c == '.'
            || ((c == '-' || c == '/')
                && prev.is_some_and(char::is_alphabetic)
                && next.is_some_and(char::is_alphabetic));
        // `.-` is EFE's separator, not part of the place.
        if !ok || (c == '.' && next == Some('-')) {
            return (i > 0).then_some(i);
        }
        if i > 60 {
            return None;
        }
        prev = Some(c);
    }
    (!s.is_empty()).then_some(s.len())
}

/// Bytes of the segment after the place's comma, up to an agency mark or a separator.
fn segment_span(s: &str) -> usize {
    let mut prev: Option<char> = None;
    let mut iter = s.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let next = iter.peek().map(|&(_, n)| n);
        let stop = match c {
            '(' | '—' | '–' | '\n' => true,
            '/' => prev.is_none_or(|p| p.is_whitespace() || p == '.'),
            '-' => {
                !(prev.is_some_and(char::is_alphanumeric)
                    && next.is_some_and(char::is_alphanumeric))
            }
            _ => false,
        };
        if stop || i > 40 {
            return i;
        }
        prev = Some(c);
    }
    s.len()
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}')
}

/// Whether every cased letter is a capital (and there are at least two).
fn is_capitals(s: &str) -> bool {
    let cased: Vec<char> = s.chars().filter(|c| c.is_lowercase() || c.is_uppercase()).collect();
    cased.len() >= 2 && cased.iter().all(|c| c.is_uppercase())
}

/// `NEW YORK` → `New York`, `RIO DE JANEIRO` → `Rio de Janeiro`, `VILLENEUVE-D'ASCQ` →
/// `Villeneuve-d'Ascq`, `WASHINGTON D.C.` → `Washington D.C.`; mixed case is kept.
pub(crate) fn usual_case(s: &str) -> String {
    if !is_capitals(s) {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    for (k, word) in s.split(' ').enumerate() {
        if k > 0 {
            out.push(' ');
        }
        // Initials (`D.C.`, `N.Y.`) stay in capitals.
        if word.contains('.') && word.split('.').all(|p| p.chars().count() <= 1) {
            out.push_str(word);
            continue;
        }
        let mut part = String::new();
        let mut first_part = k == 0;
        let flush = |part: &mut String, out: &mut String, first: bool| {
            let lower = part.to_lowercase();
            if !first && PARTICLES.contains(&lower.as_str()) {
                out.push_str(&lower);
            } else {
                let mut chars = lower.chars();
                if let Some(c) = chars.next() {
                    out.extend(c.to_uppercase());
                    out.push_str(chars.as_str());
                }
            }
            part.clear();
        };
        for c in word.chars() {
            if matches!(c, '-' | '/' | '\'' | '’') {
                flush(&mut part, &mut out, first_part);
                first_part = false;
                out.push(c);
            } else {
                part.push(c);
            }
        }
        flush(&mut part, &mut out, first_part);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_of_the_wires() {
        // (text, city, agency, date, what follows the dateline)
        type Case =
            (&'static str, &'static str, Option<&'static str>, Option<&'static str>, &'static str);
        let cases: &[Case] = &[
            ("BRUXELLES 12/03 (BELGA)", "Bruxelles", Some("Belga"), Some("12/03"), ""),
            (
                "Berne (ats) Le Conseil national a accepté",
                "Berne",
                Some("ATS"),
                None,
                "Le Conseil national a accepté",
            ),
            (
                "Bruxelles, 15 février 2022 (AFP) - Le secrétaire général",
                "Bruxelles",
                Some("AFP"),
                Some("15 février 2022"),
                "Le secrétaire général",
            ),
            (
                "PARIS, 21 jan 2019 (AFP) - Le procès",
                "Paris",
                Some("AFP"),
                Some("21 jan 2019"),
                "Le procès",
            ),
            (
                "Strasbourg, 10 juil 2024 (AFP) - Deux pompiers",
                "Strasbourg",
                Some("AFP"),
                Some("10 juil 2024"),
                "Deux pompiers",
            ),
            (
                "TORONTO,  26 mai 2020  (GLOBE NEWSWIRE) -- Les vitesses",
                "Toronto",
                Some("GlobeNewswire"),
                Some("26 mai 2020"),
                "Les vitesses",
            ),
            ("NEW YORK (AP) — The gas produced", "New York", Some("AP"), None, "The gas produced"),
            (
                "MOSCOW, January 21. /TASS/. The Kremlin does not",
                "Moscow",
                Some("TASS"),
                Some("January 21"),
                "The Kremlin does not",
            ),
            (
                "(ANSA) - ROME, JUL 11 - Russian energy",
                "Rome",
                Some("ANSA"),
                Some("JUL 11"),
                "Russian energy",
            ),
            (
                "(ANSA) - Rome, October 11 - Italian",
                "Rome",
                Some("ANSA"),
                Some("October 11"),
                "Italian",
            ),
            (
                "Nueva Delhi, 21 ene (EFE).- Una pareja",
                "Nueva Delhi",
                Some("EFE"),
                Some("21 ene"),
                "Una pareja",
            ),
            ("OTTAWA - A Manitoba man is facing", "Ottawa", None, None, "A Manitoba man is facing"),
            (
                "DAMASCUS (Reuters) - Bashar al-Assad",
                "Damascus",
                Some("Reuters"),
                None,
                "Bashar al-Assad",
            ),
            ("Tel Aviv/Beirut (dpa) - Israels", "Tel Aviv/Beirut", Some("dpa"), None, "Israels"),
            (
                "MADRID, 21 Nov. 2024 (Europa Press) - El",
                "Madrid",
                Some("Europa Press"),
                Some("21 Nov. 2024"),
                "El",
            ),
            (
                "GREENWICH, Conn.--(BUSINESS WIRE)--Interactive Brokers",
                "Greenwich",
                Some("Business Wire"),
                None,
                "Interactive Brokers",
            ),
            ("BEIJING, July 23 - Japan", "Beijing", None, Some("July 23"), "Japan"),
            ("RIO DE JANEIRO (AFP) - La", "Rio de Janeiro", Some("AFP"), None, "La"),
            ("VILLENEUVE-D'ASCQ (AFP) - Un", "Villeneuve-d'Ascq", Some("AFP"), None, "Un"),
            ("WASHINGTON D.C. (AP) - The", "Washington D.C.", Some("AP"), None, "The"),
            (
                "Le Havre, 1er mai 2019 - Les dockers",
                "Le Havre",
                None,
                Some("1er mai 2019"),
                "Les dockers",
            ),
            ("Berlin (dpa) - ", "Berlin", Some("dpa"), None, ""),
            ("Strasbourg, 10 juil 2024 (AFP)", "Strasbourg", Some("AFP"), Some("10 juil 2024"), ""),
            ("  Paris (AFP) - Le", "Paris", Some("AFP"), None, "Le"),
        ];
        for (text, city, agency, date, rest) in cases {
            let got = find(text).unwrap_or_else(|| panic!("no dateline in {text:?}"));
            assert_eq!(got.is_bare(), agency.is_none() && date.is_none(), "{text:?}");
            assert_eq!(got.city, *city, "{text:?}");
            assert_eq!(got.agency.as_deref(), *agency, "{text:?}");
            assert_eq!(got.date.as_deref(), *date, "{text:?}");
            assert_eq!(&text[got.len..], *rest, "{text:?}");
        }
    }

    #[test]
    fn sentences_are_not_datelines() {
        let cases = [
            "Paris, qui accueille les Jeux olympiques en 2024, a dévoilé",
            "Emmanuel Macron, président de la République, a déclaré",
            "Le secrétaire général de l'OTAN, Jens Stoltenberg, a déclaré",
            "Paris, Berlin et Rome ont signé un accord.",
            "Jean-Luc Mélenchon (LFI) a réagi lundi.",
            "Tillakaratne Dilshan (cricket) - Former Sri Lanka opener",
            "CRICKET: First Test, Pakistan v England - Sky Sports",
            "URGENT - Le Premier ministre démissionne",
            "INSOLITE - Ce couple de Saint-Brieuc n'a pas compris",
            "VIDÉO - Le président s'exprime",
            "REVUE DE PRESSE - Les journaux reviennent",
            "Lundi, 15 février 2022 - un jour comme un autre",
            "En 2020, la pandémie a tout changé.",
            "Jan. 12 (BusinessDesk) - The receivers",
            "(New York, NY - October 21) Et, sent",
            "(Sports Network) - A pair of teams coming off",
            "Saint-Denis - le stade",
            "Paris",
            "",
            "OTTAWA",
            "Paris, Texas - la ville",
            "Emmanuel Macron - Le président",
        ];
        for text in cases {
            assert_eq!(find(text), None, "{text:?}");
        }
    }

    #[test]
    fn places() {
        let cases = [
            ("Bruxelles", Some("Bruxelles")),
            ("SAINT-ÉTIENNE", Some("Saint-Étienne")),
            ("AIX-EN-PROVENCE", Some("Aix-en-Provence")),
            ("Brussels Hoofdstedelijk Gewest", Some("Brussels Hoofdstedelijk Gewest")),
            ("Sharm el-Sheikh", Some("Sharm el-Sheikh")),
            ("le Havre", None),
            ("Paris 15e", None),
            ("Lundi", None),
            ("Une très longue phrase qui n'est pas un lieu", None),
        ];
        for (input, want) in cases {
            assert_eq!(place(input).as_deref(), want, "{input:?}");
        }
    }

    #[test]
    fn dates() {
        let cases = [
            ("15 février 2022", Some("15 février 2022")),
            ("January 21.", Some("January 21")),
            ("26-11-2023", Some("26-11-2023")),
            ("lundi 15 juin", Some("lundi 15 juin")),
            ("qui accueille", None),
            ("2020", None),
            ("juin", None),
            ("32 juin", None),
        ];
        for (input, want) in cases {
            assert_eq!(date_text(input).as_deref(), want, "{input:?}");
        }
    }

    #[test]
    fn dateline_dates_parse() {
        let d = find("Bruxelles, 15 février 2022 (AFP) - Le").and_then(|d| d.date);
        let ts = d.as_deref().and_then(crate::dates::parse);
        assert_eq!(ts.map(|t| t.to_string()).as_deref(), Some("2022-02-15T00:00:00Z"));
    }
}
