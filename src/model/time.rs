use jiff::{Timestamp, civil, tz::Offset};
use serde::{Deserialize, Serialize};

/// When a claim refers to, as precisely as the document says it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
}

impl TimeSpan {
    /// The midpoint: when the claim takes effect on the map.
    pub fn effective_secs(&self) -> i64 {
        self.start_secs + (self.end_secs - self.start_secs) / 2
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
        };
        Ok(TimeSpan {
            start_secs,
            end_secs: start_secs + len_secs,
        })
    }
}

/// Local midnight starting the date, in Unix seconds.
fn start_of_date(text: &str, offset: Offset) -> Result<i64, String> {
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

/// Parses a moment given by a user: a date means the end of that day in UTC
/// (23:59:59), otherwise an RFC 3339 instant.
pub fn parse_instant(text: &str) -> Result<Timestamp, String> {
    if let Ok(instant) = text.parse::<Timestamp>() {
        return Ok(instant);
    }
    let date: civil::Date = text.parse().map_err(|_| {
        format!(
            "{text:?} is not a time: use a date (2024-12-07) or RFC 3339 (2024-12-07T12:00:00Z)"
        )
    })?;
    let end_of_day = date.to_datetime(civil::time(23, 59, 59, 0));
    Offset::UTC
        .to_timestamp(end_of_day)
        .map_err(|err| format!("{text:?} is out of range: {err}"))
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
        assert_eq!(span.effective_secs() - span.start_secs, 12 * 3600);
    }

    #[test]
    fn a_week_is_centred_on_its_date() {
        let week = TimeRef {
            at: "2024-11-30".into(),
            precision: Precision::Week,
        };
        let span = week.span(damascus()).unwrap();
        let midnight: Timestamp = "2024-11-29T21:00:00Z".parse().unwrap();
        assert_eq!(span.effective_secs(), midnight.as_second());
    }

    #[test]
    fn bad_times_are_errors() {
        let bad = TimeRef {
            at: "Friday".into(),
            precision: Precision::Day,
        };
        assert!(bad.span(damascus()).is_err());
        assert!(parse_instant("2024-13-01").is_err());
    }

    #[test]
    fn a_user_date_is_the_end_of_the_day_in_utc() {
        let at = parse_instant("2024-12-07").unwrap();
        assert_eq!(at, "2024-12-07T23:59:59Z".parse::<Timestamp>().unwrap());
    }
}
