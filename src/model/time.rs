//! The time a claim refers to, with its precision, as written in scenario files.

use jiff::{Timestamp, civil, tz::Offset};
use serde::{Deserialize, Serialize};

/// When a claim refers to, as precisely as the document says it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimeRef {
    /// A date (`2024-12-06`, local to the scenario), a local date-time
    /// (`2024-12-06T18:00`) or an RFC 3339 instant.
    pub at: String,

    /// How precise the document is.
    pub precision: Precision,
}

/// How precisely a document dates what it reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    /// An exact time.
    Exact,
    /// Within the hour starting at `at`.
    Hour,
    /// 06:00-12:00 of the date.
    Morning,
    /// 12:00-18:00 of the date.
    Afternoon,
    /// 18:00-24:00 of the date ("late Friday").
    Evening,
    /// 21:00 of the date to 06:00 the next day ("throughout the night").
    Night,
    /// Some time on the date.
    Day,
    /// Within three and a half days either side of the date ("a week ago").
    Week,
    /// Undated: the document does not say when, so the claim takes effect when it was
    /// reported (`at` is the document's publication) and may refer to the week before.
    Reported,
}

impl Precision {
    /// Plain words for the UI.
    pub fn label(self) -> &'static str {
        match self {
            Self::Exact => "exact time",
            Self::Hour => "within the hour",
            Self::Morning => "morning",
            Self::Afternoon => "afternoon",
            Self::Evening => "evening",
            Self::Night => "night",
            Self::Day => "day",
            Self::Week => "about a week",
            Self::Reported => "undated, as reported",
        }
    }
}

/// The interval a [`TimeRef`] covers, in Unix seconds, and its best estimate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TimeSpan {
    /// Earliest the event can have happened.
    pub start_secs: i64,
    /// Latest the event can have happened.
    pub end_secs: i64,
    /// When the claim takes effect on the map: the midpoint, or for an undated
    /// (reported) claim the end, when it was reported.
    pub effective_secs: i64,
}

impl TimeSpan {
    /// A span taking effect at its midpoint.
    pub fn centred(start_secs: i64, end_secs: i64) -> Self {
        Self {
            start_secs,
            end_secs,
            effective_secs: start_secs + (end_secs - start_secs) / 2,
        }
    }

    /// True when the two intervals share a moment.
    pub fn overlaps(&self, other: &Self) -> bool {
        self.start_secs <= other.end_secs && other.start_secs <= self.end_secs
    }
}

impl TimeRef {
    /// The interval this reference covers, with dates read in `offset`.
    pub fn span(&self, offset: Offset) -> Result<TimeSpan, String> {
        const HOUR: i64 = 3600;
        let date = || start_of_date(&self.at, offset);
        let (start_secs, len_secs) = match self.precision {
            Precision::Exact => (parse_local(&self.at, offset)?, 0),
            Precision::Hour => (parse_local(&self.at, offset)?, HOUR),
            Precision::Day => (date()?, 24 * HOUR),
            Precision::Morning => (date()? + 6 * HOUR, 6 * HOUR),
            Precision::Afternoon => (date()? + 12 * HOUR, 6 * HOUR),
            Precision::Evening => (date()? + 18 * HOUR, 6 * HOUR),
            Precision::Night => (date()? + 21 * HOUR, 9 * HOUR),
            Precision::Week => (date()? - 84 * HOUR, 168 * HOUR),
            // Undated: some time in the week up to the report, taking effect when reported.
            Precision::Reported => {
                let reported = parse_local(&self.at, offset)?;
                return Ok(TimeSpan {
                    start_secs: reported - 168 * HOUR,
                    end_secs: reported,
                    effective_secs: reported,
                });
            }
        };
        Ok(TimeSpan::centred(start_secs, start_secs + len_secs))
    }
}

/// Local midnight starting the date, in Unix seconds.
fn start_of_date(text: &str, offset: Offset) -> Result<i64, String> {
    if text.len() == 10
        && let Some(secs) = fast_local_secs(text)
    {
        return Ok(secs - i64::from(offset.seconds()));
    }
    let date: civil::Date = text
        .parse()
        .map_err(|err| format!("{text:?} is not a date like 2024-12-06: {err}"))?;
    offset
        .to_timestamp(date.to_datetime(civil::Time::midnight()))
        .map(|instant| instant.as_second())
        .map_err(|err| format!("{text:?} is out of range: {err}"))
}

/// An RFC 3339 instant or a scenario-local date-time, in Unix seconds.
fn parse_local(text: &str, offset: Offset) -> Result<i64, String> {
    // A local date-time has no offset, so it is never an RFC 3339 instant.
    if text.len() > 10
        && let Some(secs) = fast_local_secs(text)
    {
        return Ok(secs - i64::from(offset.seconds()));
    }
    if let Ok(instant) = text.parse::<Timestamp>() {
        return Ok(instant.as_second());
    }
    if let Ok(datetime) = text.parse::<civil::DateTime>() {
        return offset
            .to_timestamp(datetime)
            .map(|instant| instant.as_second())
            .map_err(|err| format!("{text:?} is out of range: {err}"));
    }
    Err(format!(
        "{text:?} is not a time: use 2024-12-06T18:00 (scenario-local) or RFC 3339"
    ))
}

/// Seconds from 1970-01-01T00:00 to a civil `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM` or
/// `YYYY-MM-DDTHH:MM:SS` (years 1000-8999), the forms claims are almost always dated
/// in; `None` for anything else, which jiff then parses (a million claims spent most
/// of their validation in jiff's general parser and its errors).
fn fast_local_secs(text: &str) -> Option<i64> {
    let b = text.as_bytes();
    let number = |range: std::ops::Range<usize>| -> Option<i64> {
        b.get(range)?.iter().try_fold(0i64, |n, &digit| {
            digit
                .is_ascii_digit()
                .then(|| n * 10 + i64::from(digit - b'0'))
        })
    };
    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
    if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') || !(1000..9000).contains(&year) {
        return None;
    }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let month_days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        _ => return None,
    };
    if !(1..=month_days).contains(&day) {
        return None;
    }
    let secs_of_day = match b.len() {
        10 => 0,
        16 | 19 => {
            if b[10] != b'T' || b[13] != b':' || (b.len() == 19 && b[16] != b':') {
                return None;
            }
            let (hour, minute) = (number(11..13)?, number(14..16)?);
            let second = if b.len() == 19 { number(17..19)? } else { 0 };
            if hour > 23 || minute > 59 || second > 59 {
                return None;
            }
            hour * 3600 + minute * 60 + second
        }
        _ => return None,
    };
    Some(days_from_civil(year, month, day) * 86_400 + secs_of_day)
}

/// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_from_march = (month + 9) % 12;
    let day_of_year = (153 * month_from_march + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    fn damascus() -> Offset {
        Offset::constant(3)
    }

    #[test]
    fn a_day_is_local_midnight_to_midnight() {
        let friday = TimeRef {
            at: "2024-12-06".into(),
            precision: Precision::Day,
        };
        let span = friday.span(damascus()).unwrap();
        let start: Timestamp = "2024-12-05T21:00:00Z".parse().unwrap();
        assert_eq!(span.start_secs, start.as_second());
        assert_eq!(span.end_secs - span.start_secs, 24 * 3600);
        assert_eq!(span.effective_secs - span.start_secs, 12 * 3600);
    }

    #[test]
    fn a_week_is_centred_on_its_date() {
        let week = TimeRef {
            at: "2024-11-30".into(),
            precision: Precision::Week,
        };
        let span = week.span(damascus()).unwrap();
        let midnight: Timestamp = "2024-11-29T21:00:00Z".parse().unwrap();
        assert_eq!(span.effective_secs, midnight.as_second());
    }

    #[test]
    fn bad_times_are_errors() {
        let bad = TimeRef {
            at: "Friday".into(),
            precision: Precision::Day,
        };
        assert!(bad.span(damascus()).is_err());
    }

    #[test]
    fn the_fast_path_agrees_with_jiff() {
        let offset = damascus();
        let mut texts = Vec::new();
        for year in [1000, 1900, 1970, 2000, 2023, 2024, 2100, 8999] {
            for month in 0..=13 {
                for day in [0, 1, 15, 28, 29, 30, 31, 32] {
                    texts.push(format!("{year:04}-{month:02}-{day:02}"));
                }
            }
        }
        for time in [
            "00:00", "23:59", "12:30:59", "24:00", "12:60", "12:00:60", "1:00",
        ] {
            texts.push(format!("2024-02-29T{time}"));
        }
        texts.extend(
            [
                "2024-1-01",
                "2024/01/01",
                "2024-01-01 12:00",
                "2024-01-01T12:00Z",
            ]
            .map(String::from),
        );
        for text in &texts {
            let date = || {
                let date: civil::Date = text.parse().ok()?;
                Some(
                    offset
                        .to_timestamp(date.to_datetime(civil::Time::midnight()))
                        .ok()?
                        .as_second(),
                )
            };
            assert_eq!(start_of_date(text, offset).ok(), date(), "{text}");
            let datetime = || {
                if let Ok(instant) = text.parse::<Timestamp>() {
                    return Some(instant.as_second());
                }
                let datetime: civil::DateTime = text.parse().ok()?;
                Some(offset.to_timestamp(datetime).ok()?.as_second())
            };
            assert_eq!(parse_local(text, offset).ok(), datetime(), "{text}");
        }
    }
}
