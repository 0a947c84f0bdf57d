//! One clock for the whole product: a [`Moment`] is an instant in whole Unix seconds,
//! read from and written as text in the scenario's time zone.
//!
//! Every command, the window and every export parse user times with
//! [`Moment::parse`]: a bare date is the end of that day (23:59:59) in the scenario's
//! zone, a time without an offset is in that zone, and an RFC 3339 time with an offset
//! is that instant. Nothing is rounded: a form that does not say a whole second
//! exactly (fractions, leap seconds, an hour without minutes) is an error.

use jiff::{Timestamp, civil, tz::Offset};

/// The forms [`Moment::parse`] accepts, for error messages.
pub const ACCEPTED_FORMS: &str = "use a date (2024-12-07: the end of that day, 23:59:59, in \
     the scenario's time zone), a local time (2024-12-07T18:00 or 2024-12-07T18:00:30, in the \
     scenario's time zone) or an RFC 3339 time with an offset (2024-12-07T18:00:00+03:00, \
     2024-12-07T15:00:00Z)";

/// An instant, in whole seconds since 1970-01-01T00:00:00Z.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Moment(i64);

impl Moment {
    /// The moment `unix_secs` seconds after 1970-01-01T00:00:00Z.
    pub const fn from_unix_secs(unix_secs: i64) -> Self {
        Self(unix_secs)
    }

    /// Seconds since 1970-01-01T00:00:00Z.
    pub const fn unix_secs(self) -> i64 {
        self.0
    }

    /// The moment of a jiff timestamp (its fraction of a second dropped).
    pub fn from_timestamp(timestamp: Timestamp) -> Self {
        Self(timestamp.as_second())
    }

    /// The moment as a jiff timestamp (the Unix epoch if out of jiff's range).
    pub fn timestamp(self) -> Timestamp {
        Timestamp::from_second(self.0).unwrap_or(Timestamp::UNIX_EPOCH)
    }

    /// The end of `date` (23:59:59) in `offset`: what a bare date means everywhere.
    pub fn end_of_date(date: civil::Date, offset: Offset) -> Result<Self, String> {
        Self::from_local(date.to_datetime(civil::time(23, 59, 59, 0)), offset)
    }

    /// The local date-time `datetime` in `offset`.
    pub fn from_local(datetime: civil::DateTime, offset: Offset) -> Result<Self, String> {
        offset
            .to_timestamp(datetime)
            .map(Self::from_timestamp)
            .map_err(|err| format!("{datetime} is out of range: {err}"))
    }

    /// The local date-time of this moment in `offset`.
    pub fn local_from_offset(self, offset: Offset) -> civil::DateTime {
        offset.to_datetime(self.timestamp())
    }

    /// The local date of this moment in `offset`.
    pub fn local_date(self, offset: Offset) -> civil::Date {
        self.local_from_offset(offset).date()
    }

    /// Parses a time given by a user, reading dates and times without an offset in
    /// `offset` (the scenario's time zone); see the module documentation.
    pub fn parse(text: &str, offset: Offset) -> Result<Self, String> {
        let invalid = |why: &str| format!("{text:?} is not a time ({why}): {ACCEPTED_FORMS}");
        let Some((date, rest)) = split_date(text) else {
            return Err(invalid("it does not start with a date YYYY-MM-DD"));
        };
        let date = civil::Date::new(date[0] as i16, date[1] as i8, date[2] as i8)
            .map_err(|_| invalid("no such date"))?;
        if rest.is_empty() {
            return Self::end_of_date(date, offset).map_err(|err| invalid(&err));
        }
        let rest = match rest.as_bytes()[0] {
            b'T' | b't' => &rest[1..],
            b' ' => return Err(invalid("put a T between the date and the time")),
            _ => return Err(invalid("unexpected text after the date")),
        };
        let Some((hms, rest)) = split_time(rest) else {
            return Err(invalid("the time must be HH:MM or HH:MM:SS"));
        };
        if rest.starts_with(['.', ',']) {
            return Err(invalid("fractions of a second are not kept"));
        }
        let time = civil::Time::new(hms[0] as i8, hms[1] as i8, hms[2] as i8, 0)
            .map_err(|_| invalid("no such time of day (leap seconds are not kept)"))?;
        let datetime = date.to_datetime(time);
        let zone = if rest.is_empty() {
            offset
        } else {
            parse_text_offset(rest).ok_or_else(|| invalid("the offset must be Z or ±HH:MM"))?
        };
        Self::from_local(datetime, zone).map_err(|err| invalid(&err))
    }

    /// RFC 3339 in `offset`: `2024-12-07T23:59:59+03:00` (`Z` for UTC).
    pub fn to_rfc3339(self, offset: Offset) -> String {
        let local = self.local_from_offset(offset);
        format!(
            "{}{}",
            local.strftime("%Y-%m-%dT%H:%M:%S"),
            rfc3339_offset(offset)
        )
    }

    /// In words, in `offset`: "Saturday 7 December 2024, 23:59:59 (UTC+03:00)".
    pub fn words(self, offset: Offset) -> String {
        let local = self.local_from_offset(offset);
        format!(
            "{}, {} ({})",
            local.strftime("%A %-d %B %Y"),
            local.strftime("%H:%M:%S"),
            utc_offset_words(offset)
        )
    }
}

/// "UTC+03:00", "UTC-05:30" or "UTC" for the offset zero.
pub fn utc_offset_words(offset: Offset) -> String {
    if offset.seconds() == 0 {
        return "UTC".to_owned();
    }
    format!("UTC{}", rfc3339_offset(offset))
}

/// `+03:00`, `-05:30`, or `Z` for the offset zero.
fn rfc3339_offset(offset: Offset) -> String {
    let secs = offset.seconds();
    if secs == 0 {
        return "Z".to_owned();
    }
    let sign = if secs < 0 { '-' } else { '+' };
    let abs = secs.unsigned_abs();
    format!("{sign}{:02}:{:02}", abs / 3600, abs % 3600 / 60)
}

/// Reads `digits` ASCII digits at the start of `text`.
fn digits(text: &str, count: usize) -> Option<i64> {
    let head = text.get(..count)?;
    head.bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| head.parse().ok())
        .flatten()
}

/// `YYYY-MM-DD` at the start of `text`, and the rest.
fn split_date(text: &str) -> Option<([i64; 3], &str)> {
    let bytes = text.as_bytes();
    if bytes.len() < 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let ymd = [
        digits(text, 4)?,
        digits(&text[5..], 2)?,
        digits(&text[8..], 2)?,
    ];
    (1..=9999).contains(&ymd[0]).then_some((ymd, &text[10..]))
}

/// `HH:MM` or `HH:MM:SS` at the start of `text`, and the rest.
fn split_time(text: &str) -> Option<([i64; 3], &str)> {
    let bytes = text.as_bytes();
    if bytes.len() < 5 || bytes[2] != b':' {
        return None;
    }
    let (hour, minute) = (digits(text, 2)?, digits(&text[3..], 2)?);
    if bytes.get(5) == Some(&b':') {
        let second = digits(&text[6..], 2)?;
        return Some(([hour, minute, second], &text[8..]));
    }
    Some(([hour, minute, 0], &text[5..]))
}

/// `Z`, `z` or `±HH:MM` (hours up to 23).
fn parse_text_offset(text: &str) -> Option<Offset> {
    if text == "Z" || text == "z" {
        return Some(Offset::UTC);
    }
    let sign = match text.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let rest = &text[1..];
    if rest.len() != 5 || rest.as_bytes()[2] != b':' {
        return None;
    }
    let (hours, minutes) = (digits(rest, 2)?, digits(&rest[3..], 2)?);
    if hours > 23 || minutes > 59 {
        return None;
    }
    let secs = sign * (hours * 3600 + minutes * 60);
    Offset::from_seconds(i32::try_from(secs).ok()?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Moment {
        Moment::from_timestamp(text.parse::<Timestamp>().unwrap())
    }

    fn damascus() -> Offset {
        Offset::constant(3)
    }

    #[test]
    fn a_bare_date_is_the_end_of_that_day_in_the_offset() {
        let parsed = Moment::parse("2024-12-07", damascus()).unwrap();
        assert_eq!(parsed, at("2024-12-07T20:59:59Z"));
        assert_eq!(parsed.to_rfc3339(damascus()), "2024-12-07T23:59:59+03:00");
        let india = Offset::from_seconds(-(5 * 3600 + 30 * 60)).unwrap();
        let parsed = Moment::parse("2024-12-07", india).unwrap();
        assert_eq!(parsed, at("2024-12-08T05:29:59Z"));
        assert_eq!(parsed.to_rfc3339(india), "2024-12-07T23:59:59-05:30");
        let utc = Moment::parse("2024-12-07", Offset::UTC).unwrap();
        assert_eq!(utc.to_rfc3339(Offset::UTC), "2024-12-07T23:59:59Z");
    }

    #[test]
    fn a_time_without_offset_is_local_and_with_one_is_that_instant() {
        let six = Moment::parse("2024-12-06T18:00", damascus()).unwrap();
        assert_eq!(six, at("2024-12-06T15:00:00Z"));
        assert_eq!(
            Moment::parse("2024-12-06T18:00:30", damascus()).unwrap(),
            at("2024-12-06T15:00:30Z")
        );
        for text in [
            "2024-12-06T15:00:00Z",
            "2024-12-06t15:00z",
            "2024-12-06T18:00:00+03:00",
            "2024-12-06T09:30:00-05:30",
        ] {
            assert_eq!(Moment::parse(text, damascus()).unwrap(), six, "{text}");
        }
    }

    #[test]
    fn malformed_or_imprecise_times_are_errors_naming_the_forms() {
        for text in [
            "",
            "someday",
            "2024-12-06T18",
            "2024-12-06 18:00",
            "2024-12-06T18:00:00.5Z",
            "2024-12-06T23:59:60Z",
            "2024-12-06T24:00",
            "2024-13-01",
            "2023-02-29",
            "2024-12-6",
            "2024-12-06T18:00+3",
            "2024-12-06T18:00:00+03:00[Asia/Damascus]",
            "2024-12-06Z",
            "+2024-12-06",
        ] {
            let err = Moment::parse(text, damascus()).unwrap_err();
            assert!(err.contains("2024-12-07T18:00"), "{text}: {err}");
        }
        let err = Moment::parse("2024-12-06 18:00", damascus()).unwrap_err();
        assert!(err.contains("put a T"), "{err}");
    }

    #[test]
    fn moments_read_in_words() {
        let moment = at("2024-12-07T20:59:59Z");
        assert_eq!(
            moment.words(damascus()),
            "Saturday 7 December 2024, 23:59:59 (UTC+03:00)"
        );
        assert_eq!(
            moment.words(Offset::UTC),
            "Saturday 7 December 2024, 20:59:59 (UTC)"
        );
        let date = civil::date(2024, 12, 7);
        assert_eq!(Moment::end_of_date(date, damascus()).unwrap(), moment);
        assert_eq!(moment.local_date(damascus()), date);
    }
}
