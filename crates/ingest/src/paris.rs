//! Paris time, the clock French-language dispatches are written on when they name no zone.
//!
//! The rule France has followed since 1976, without a time-zone database (a fresh machine
//! may have none): CET (UTC+1), and CEST (UTC+2) from the last Sunday of March at 01:00 UTC
//! to the last Sunday of October (of September until 1995) at 01:00 UTC.

use jiff::Timestamp;
use jiff::civil::{Date, DateTime, Time, Weekday};
use jiff::tz::{Offset, TimeZone};

/// The offset of Paris time at `ts`.
pub fn offset_at(ts: Timestamp) -> Offset {
    let utc = TimeZone::UTC.to_datetime(ts);
    let Some((start, end)) = summer(utc.year()) else { return CET };
    // Both switches happen at 01:00 UTC.
    let at = |d: Date| d.to_datetime(Time::constant(1, 0, 0, 0));
    if utc >= at(start) && utc < at(end) { CEST } else { CET }
}

/// The offset of Paris time for a wall-clock `date` and `time` (in the hour the clocks go
/// back, the summer reading).
pub fn offset_of_local(date: Date, time: Time) -> Offset {
    let Some((start, end)) = summer(date.year()) else { return CET };
    let local = DateTime::from_parts(date, time);
    // 02:00 local in winter becomes 03:00; 03:00 local in summer becomes 02:00.
    if local >= start.to_datetime(Time::constant(2, 0, 0, 0))
        && local < end.to_datetime(Time::constant(3, 0, 0, 0))
    {
        CEST
    } else {
        CET
    }
}

/// The instant of a Paris wall-clock time.
pub fn to_timestamp(date: Date, time: Time) -> Option<Timestamp> {
    TimeZone::fixed(offset_of_local(date, time)).to_timestamp(DateTime::from_parts(date, time)).ok()
}

/// The day in Paris at `ts`.
pub fn date_of(ts: Timestamp) -> Date {
    TimeZone::fixed(offset_at(ts)).to_datetime(ts).date()
}

/// The start (00:00 Paris time) of `date`.
pub fn start_of(date: Date) -> Option<Timestamp> {
    to_timestamp(date, Time::midnight())
}

const CET: Offset = Offset::constant(1);
const CEST: Offset = Offset::constant(2);

/// The first and last days of summer time in `year`, if France had it.
fn summer(year: i16) -> Option<(Date, Date)> {
    if year < 1976 {
        return None;
    }
    let last_sunday =
        |month: i8| Date::new(year, month, 1).ok()?.nth_weekday_of_month(-1, Weekday::Sunday).ok();
    let end_month = if year <= 1995 { 9 } else { 10 };
    Some((last_sunday(3)?, last_sunday(end_month)?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn switches() {
        let ts = |s: &str| s.parse::<Timestamp>().unwrap();
        // 2024: summer time from 31 March 01:00 UTC to 27 October 01:00 UTC.
        assert_eq!(offset_at(ts("2024-03-31T00:59:59Z")), CET);
        assert_eq!(offset_at(ts("2024-03-31T01:00:00Z")), CEST);
        assert_eq!(offset_at(ts("2024-10-27T00:59:59Z")), CEST);
        assert_eq!(offset_at(ts("2024-10-27T01:00:00Z")), CET);
        assert_eq!(offset_at(ts("1990-09-29T12:00:00Z")), CEST);
        assert_eq!(offset_at(ts("1990-10-15T12:00:00Z")), CET);
        assert_eq!(offset_at(ts("1970-07-01T12:00:00Z")), CET);
        let t = |h, m| Time::new(h, m, 0, 0).unwrap();
        assert_eq!(to_timestamp(date(2024, 3, 12), t(14, 5)), Some(ts("2024-03-12T13:05:00Z")));
        assert_eq!(to_timestamp(date(2024, 7, 1), t(0, 30)), Some(ts("2024-06-30T22:30:00Z")));
        assert_eq!(date_of(ts("2024-06-30T22:30:00Z")), date(2024, 7, 1));
        assert_eq!(date_of(ts("2024-02-15T00:00:00Z")), date(2024, 2, 15));
        assert_eq!(start_of(date(2024, 4, 1)), Some(ts("2024-03-31T22:00:00Z")));
    }
}
