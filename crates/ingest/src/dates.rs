//! Dates as agencies write them, to [`Timestamp`]s.
//!
//! A time written for people without a zone (`12/03/2024 14:05`, `mardi 12 mars 2024 à
//! 14h05`) is Paris time ([`crate::paris`]), the clock French-language dispatches are mostly
//! written on; a machine timestamp without a zone (`2019-04-15T13:49:15`, `20190121T102708`)
//! is UTC, as feeds and IPTC files mean it; a date alone is that day at 00:00 UTC, the same
//! day in Paris.

use jiff::Timestamp;
use jiff::civil::{Date, DateTime, Time};
use jiff::fmt::rfc2822;
use jiff::tz::{Offset, TimeZone};

/// Parses a date or date-time in any of the forms found in dispatches:
/// RFC 3339 / ISO 8601 extended (`2020-07-02T19:09:00+02:00`, `…+0100`, `…Z`, no zone),
/// ISO 8601 basic (`20190121T104233+0000`, `20240710T125902Z`, `20190121T102708`),
/// `2016-01-12 12:35:40`, `2022-07-11 18:33`, date-only `2022-02-15`, day-first `15.02.2022`
/// / `15/02/2022`, RFC 2822 as RSS feeds write it (`Wed, 13 Mar 2024 18:00:00 +0100`), and
/// prose, French or English, with an optional offset after the time (`lundi 15 juin 2020 à
/// 16h40`, `15 juin 2020`, `mer., 13 mars 2024 18:00:00 +0100`, `13 Mar 2024 18:00 +01:00`).
pub fn parse(input: &str) -> Option<Timestamp> {
    let s = input.trim();
    if s.is_empty() {
        return None;
    }
    if let Ok(ts) = s.parse::<Timestamp>() {
        return Some(ts);
    }
    parse_iso_like(s)
        .or_else(|| parse_day_first(s))
        .or_else(|| parse_rfc2822(s))
        .or_else(|| parse_prose(s))
}

/// A Unix time written as digits: 9 or 10 of them for seconds (a fraction is dropped), 13 for
/// milliseconds, so 1973 to 2286 either way. Other lengths are not read as epochs: `20240313`
/// is a date, a short number a counter. Kept out of [`parse`], where a bare number is more
/// likely an id or a phone number than a date.
pub(crate) fn parse_epoch(input: &str) -> Option<Timestamp> {
    let s = input.trim();
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    if !int.bytes().all(|b| b.is_ascii_digit()) || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: i64 = int.parse().ok()?;
    match int.len() {
        9 | 10 => Timestamp::from_second(n).ok(),
        13 if frac.is_empty() => Timestamp::from_millisecond(n).ok(),
        _ => None,
    }
}

/// Feeds get the weekday wrong often enough that a mismatch is not worth losing the date.
static RFC2822: rfc2822::DateTimeParser = rfc2822::DateTimeParser::new().relaxed_weekday(true);

fn parse_rfc2822(s: &str) -> Option<Timestamp> {
    // The strict parser reads zone names it does not know as UTC: Paris time goes to prose.
    let zone = s.rsplit(' ').next().unwrap_or_default();
    if zone.eq_ignore_ascii_case("CET") || zone.eq_ignore_ascii_case("CEST") {
        return None;
    }
    RFC2822.parse_timestamp(s).ok()
}

/// ISO 8601 in basic or extended form, with `T` or a space, optional seconds, fraction and
/// offset (`Z`, `+01`, `+0100`, `+01:00`).
fn parse_iso_like(s: &str) -> Option<Timestamp> {
    let b = s.as_bytes();
    let mut i = 0;
    let year = digits(b, &mut i, 4)?;
    let ext = b.get(i) == Some(&b'-');
    if ext {
        i += 1;
    }
    let month = digits(b, &mut i, 2)?;
    if ext {
        expect(b, &mut i, b'-')?;
    }
    let day = digits(b, &mut i, 2)?;
    let date = Date::new(year as i16, month as i8, day as i8).ok()?;
    if i == b.len() {
        return date_to_ts(date, Time::midnight(), None);
    }
    if !matches!(b[i], b'T' | b't' | b' ') {
        return None;
    }
    i += 1;
    let hour = digits(b, &mut i, 2)?;
    let colon = b.get(i) == Some(&b':');
    if colon {
        i += 1;
    }
    let minute = digits(b, &mut i, 2)?;
    let mut second = 0;
    if (colon && b.get(i) == Some(&b':')) || (!colon && b.get(i).is_some_and(u8::is_ascii_digit)) {
        if colon {
            i += 1;
        }
        second = digits(b, &mut i, 2)?;
    }
    let mut nanos = 0i32;
    if matches!(b.get(i), Some(b'.' | b',')) {
        i += 1;
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        let frac = &s[start..i];
        if frac.is_empty() {
            return None;
        }
        let padded: String = frac.chars().chain(std::iter::repeat('0')).take(9).collect();
        nanos = padded.parse().ok()?;
    }
    while b.get(i) == Some(&b' ') {
        i += 1;
    }
    let offset = parse_offset(&s[i..])?;
    let time = Time::new(hour as i8, minute as i8, second.min(59) as i8, nanos).ok()?;
    date_to_ts(date, time, offset)
}

/// `None` inside `Some` means no zone was given.
fn parse_offset(rest: &str) -> Option<Option<Offset>> {
    let rest = rest.trim();
    let rest = match rest.get(..3) {
        Some(z) if z.eq_ignore_ascii_case("GMT") || z.eq_ignore_ascii_case("UTC") => &rest[3..],
        _ => rest,
    };
    if rest.is_empty() {
        return Some(None);
    }
    if rest.eq_ignore_ascii_case("z") {
        return Some(Some(Offset::UTC));
    }
    // Paris time, as French feeds name it.
    if rest.eq_ignore_ascii_case("CET") || rest.eq_ignore_ascii_case("CEST") {
        let hours = if rest.len() == 3 { 1 } else { 2 };
        return Offset::from_hours(hours).ok().map(Some);
    }
    let (sign, digits_part) = match rest.as_bytes()[0] {
        b'+' => (1, &rest[1..]),
        b'-' => (-1, &rest[1..]),
        _ => return None,
    };
    let cleaned: String = digits_part.chars().filter(|c| *c != ':').collect();
    if !cleaned.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let (h, m) = match cleaned.len() {
        1 | 2 => (cleaned.parse::<i32>().ok()?, 0),
        4 => (cleaned[..2].parse::<i32>().ok()?, cleaned[2..].parse::<i32>().ok()?),
        _ => return None,
    };
    if h > 18 || m > 59 {
        return None;
    }
    Offset::from_seconds(sign * (h * 3600 + m * 60)).ok().map(Some)
}

/// `15.02.2022`, `15/02/2022`, `15-02-2022`, optionally followed by a time `16:40` or `16h40`.
fn parse_day_first(s: &str) -> Option<Timestamp> {
    let mut parts = s.splitn(2, |c: char| c.is_whitespace() || c == 'T');
    let d = parts.next()?;
    let rest = parts.next().unwrap_or("").trim();
    let sep = d.chars().find(|c| matches!(c, '.' | '/' | '-'))?;
    let f: Vec<&str> = d.split(sep).collect();
    if f.len() != 3 || f[0].len() > 2 || f[1].len() > 2 || f[2].len() != 4 {
        return None;
    }
    let date = Date::new(f[2].parse().ok()?, f[1].parse().ok()?, f[0].parse().ok()?).ok()?;
    let time = if rest.is_empty() { Time::midnight() } else { parse_hm(rest)? };
    written_to_ts(date, time, None)
}

/// French months, folded (as [`crate::normalize::label_key`] folds them), in calendar order.
pub(crate) const MONTHS: [&str; 12] = [
    "janvier",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "decembre",
];

/// English months, in calendar order: also for RFC 2822 look-alikes the strict parser refuses
/// (`+01:00`, `CET`).
pub(crate) const MONTHS_EN: [&str; 12] = [
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
];

/// Prose: `lundi 15 juin 2020 à 16h40`, `15 juin 2020`, `1er mai 2019`, `21 jan 2019`,
/// `13 Mar 2024 18:00:00 +01:00`. An offset right after the time is applied.
fn parse_prose(s: &str) -> Option<Timestamp> {
    let lower = fold(s);
    let words: Vec<&str> =
        lower.split(|c: char| c.is_whitespace() || c == ',').filter(|w| !w.is_empty()).collect();
    for (k, w) in words.iter().enumerate() {
        let Some(month) = month_number(w) else { continue };
        let (Some(day), Some(year)) = (k.checked_sub(1).map(|j| words[j]), words.get(k + 1)) else {
            continue;
        };
        let day = day.trim_end_matches("er");
        let (Ok(day), Ok(year)) = (day.parse::<i8>(), year.parse::<i16>()) else { continue };
        let date = Date::new(year, month, day).ok()?;
        let mut time = Time::midnight();
        let mut offset = None;
        for (j, w) in words.iter().enumerate().skip(k + 2) {
            if let Some(t) = parse_hm(w) {
                time = t;
                offset = words.get(j + 1).and_then(|w| parse_offset(w)).flatten();
                break;
            }
        }
        return written_to_ts(date, time, offset);
    }
    None
}

fn month_number(word: &str) -> Option<i8> {
    let w = word.trim_end_matches('.');
    if w.len() < 3 {
        return None;
    }
    // French first: `mar` is `mars`, and March either way.
    [MONTHS, MONTHS_EN].iter().find_map(|months| {
        let mut found = months.iter().enumerate().filter(|(_, m)| m.starts_with(w));
        match (found.next(), found.next()) {
            (Some((i, _)), None) => Some(i as i8 + 1),
            _ => None,
        }
    })
}

/// `16h40`, `16:40`, `16:40:05`, `16h`.
fn parse_hm(s: &str) -> Option<Time> {
    let s = s.trim();
    let (h, rest) = s.split_once(['h', ':']).unwrap_or((s, ""));
    let h: i8 = h.parse().ok()?;
    let mut rest = rest.split(':');
    let m: i8 = match rest.next() {
        Some("") | None => 0,
        Some(m) => m.parse().ok()?,
    };
    let sec: i8 = match rest.next() {
        Some(x) => x.parse().ok()?,
        None => 0,
    };
    Time::new(h, m, sec, 0).ok()
}

fn date_to_ts(date: Date, time: Time, offset: Option<Offset>) -> Option<Timestamp> {
    let dt = DateTime::from_parts(date, time);
    let tz = TimeZone::fixed(offset.unwrap_or(Offset::UTC));
    tz.to_timestamp(dt).ok()
}

/// [`date_to_ts`] for a date as people write it (`12/03/2024 14:05`, `mardi 12 mars 2024 à
/// 14h05`): a time without a zone is Paris time; a date alone stays that day.
fn written_to_ts(date: Date, time: Time, offset: Option<Offset>) -> Option<Timestamp> {
    match offset {
        None if time != Time::midnight() => crate::paris::to_timestamp(date, time),
        _ => date_to_ts(date, time, offset),
    }
}

fn digits(b: &[u8], i: &mut usize, n: usize) -> Option<u32> {
    let slice = b.get(*i..*i + n)?;
    if !slice.iter().all(u8::is_ascii_digit) {
        return None;
    }
    *i += n;
    std::str::from_utf8(slice).ok()?.parse().ok()
}

fn expect(b: &[u8], i: &mut usize, c: u8) -> Option<()> {
    (b.get(*i) == Some(&c)).then(|| *i += 1)
}

fn fold(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'û' | 'ù' | 'ü' => 'u',
            'à' | 'â' => 'a',
            'î' | 'ï' | 'ı' => 'i',
            'ô' => 'o',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{parse, parse_epoch};

    #[test]
    fn table() {
        let cases = [
            ("2020-07-02T19:09:00+02:00", "2020-07-02T17:09:00Z"),
            ("2017-10-11T10:41:00+0100", "2017-10-11T09:41:00Z"),
            ("2014-07-16T15:53:10.000Z", "2014-07-16T15:53:10Z"),
            ("20190121T104233+0000", "2019-01-21T10:42:33Z"),
            ("20240710T125902Z", "2024-07-10T12:59:02Z"),
            ("20190121T102708", "2019-01-21T10:27:08Z"),
            ("20200703T165136-0400", "2020-07-03T20:51:36Z"),
            ("2016-01-12 12:35:40", "2016-01-12T12:35:40Z"),
            ("2022-07-11 18:33", "2022-07-11T18:33:00Z"),
            ("2019-04-15T13:49:15", "2019-04-15T13:49:15Z"),
            ("2018-10-19T20:15:00Z\n ", "2018-10-19T20:15:00Z"),
            ("2022-02-15", "2022-02-15T00:00:00Z"),
            ("15.02.2022", "2022-02-15T00:00:00Z"),
            ("15/02/2022 16:40", "2022-02-15T15:40:00Z"),
            ("lundi 15 juin 2020 à 16h40", "2020-06-15T14:40:00Z"),
            ("1er mai 2019", "2019-05-01T00:00:00Z"),
            ("21 jan 2019", "2019-01-21T00:00:00Z"),
            ("10 juil 2024", "2024-07-10T00:00:00Z"),
            ("3 mars 2021", "2021-03-03T00:00:00Z"),
            ("12 août 2018", "2018-08-12T00:00:00Z"),
            ("2 février 2016", "2016-02-02T00:00:00Z"),
            // RFC 2822, as RSS and CMS feeds write it.
            ("Wed, 13 Mar 2024 18:00:00 +0100", "2024-03-13T17:00:00Z"),
            ("Wed, 13 Mar 2024 18:00:00 GMT", "2024-03-13T18:00:00Z"),
            ("13 Mar 2024 18:00 +0100", "2024-03-13T17:00:00Z"),
            ("Thu, 13 Mar 2024 18:00:00 +0100", "2024-03-13T17:00:00Z"),
            ("Tue, 2 Jul 2024 09:15:00 +0200 (CEST)", "2024-07-02T07:15:00Z"),
            // Look-alikes the strict parser refuses.
            ("Wed, 13 Mar 2024 18:00:00 +01:00", "2024-03-13T17:00:00Z"),
            ("Wed, 13 Mar 2024 18:00:00 CET", "2024-03-13T17:00:00Z"),
            ("mer., 13 mars 2024 18:00:00 +0100", "2024-03-13T17:00:00Z"),
            ("jeudi 4 juillet 2024 à 14h30 GMT+02:00", "2024-07-04T12:30:00Z"),
            // Written for people without a zone: Paris time (winter, summer).
            ("12/03/2024 14:05", "2024-03-12T13:05:00Z"),
            ("mardi 1er avril 2025 à 00h30", "2025-03-31T22:30:00Z"),
            ("2 June 2024 08:00", "2024-06-02T06:00:00Z"),
            ("2024-03-13 18:00 CET", "2024-03-13T17:00:00Z"),
        ];
        for (input, want) in cases {
            let got = parse(input).unwrap_or_else(|| panic!("{input:?} did not parse"));
            assert_eq!(got.to_string(), want, "{input:?}");
        }
    }

    #[test]
    fn epochs() {
        let cases = [
            ("1710349200", Some("2024-03-13T17:00:00Z")),
            ("1710349200.75", Some("2024-03-13T17:00:00Z")),
            ("1710349200000", Some("2024-03-13T17:00:00Z")),
            (" 946684800 ", Some("2000-01-01T00:00:00Z")),
            // A date, a counter, a phone number: not epochs.
            ("20240313", None),
            ("42", None),
            ("01 23 45 67 89", None),
            ("171034920000", None),
            ("1710349200000.5", None),
            ("", None),
            ("-1710349200", None),
        ];
        for (input, want) in cases {
            assert_eq!(parse_epoch(input).map(|t| t.to_string()).as_deref(), want, "{input:?}");
        }
    }

    #[test]
    fn rejects() {
        for input in [
            "",
            "YYYYMMDD000000-HHMM",
            "hier",
            "32.13.2022",
            "2022-02-30",
            "Wed, 30 Feb 2024 18:00:00 +0100",
            "1710349200",
        ] {
            assert_eq!(parse(input), None, "{input:?}");
        }
    }
}
