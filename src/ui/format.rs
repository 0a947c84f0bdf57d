//! Moments and dates in words for the timeline and the sidebar.

use jiff::{Timestamp, tz::Offset};

/// "Saturday 7 December 2024, 23:59 (UTC+03:00)".
pub fn as_of_words(secs: i64, offset: Offset) -> String {
    let Ok(ts) = Timestamp::from_second(secs) else {
        return format!("{secs} s");
    };
    let local = offset.to_datetime(ts);
    format!(
        "{} {} {} {}, {:02}:{:02} ({})",
        weekday(local.date()),
        local.day(),
        month(local.month()),
        local.year(),
        local.hour(),
        local.minute(),
        utc_offset(offset)
    )
}

/// "7 Dec 2024" in the scenario's offset.
pub fn short_date(secs: i64, offset: Offset) -> String {
    let Ok(ts) = Timestamp::from_second(secs) else {
        return format!("{secs} s");
    };
    let date = offset.to_datetime(ts).date();
    format!(
        "{} {} {}",
        date.day(),
        &month(date.month())[..3],
        date.year()
    )
}

/// The local date of a moment.
pub fn local_date(secs: i64, offset: Offset) -> jiff::civil::Date {
    let ts = Timestamp::from_second(secs).unwrap_or(Timestamp::UNIX_EPOCH);
    offset.to_datetime(ts).date()
}

/// 23:59 local on `date`, Unix seconds.
pub fn end_of_date(date: jiff::civil::Date, offset: Offset) -> i64 {
    offset
        .to_timestamp(date.to_datetime(jiff::civil::time(23, 59, 0, 0)))
        .map_or(0, |ts| ts.as_second())
}

/// "UTC+03:00".
pub fn utc_offset(offset: Offset) -> String {
    let secs = offset.seconds();
    let sign = if secs < 0 { '-' } else { '+' };
    let abs = secs.unsigned_abs();
    format!("UTC{sign}{:02}:{:02}", abs / 3600, abs % 3600 / 60)
}

fn weekday(date: jiff::civil::Date) -> &'static str {
    use jiff::civil::Weekday::*;
    match date.weekday() {
        Monday => "Monday",
        Tuesday => "Tuesday",
        Wednesday => "Wednesday",
        Thursday => "Thursday",
        Friday => "Friday",
        Saturday => "Saturday",
        Sunday => "Sunday",
    }
}

fn month(month: i8) -> &'static str {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    MONTHS
        .get(usize::try_from(month - 1).unwrap_or(0))
        .copied()
        .unwrap_or("?")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moments_read_in_words() {
        let secs = "2024-12-07T20:59:00Z"
            .parse::<Timestamp>()
            .map_or(0, |ts| ts.as_second());
        let offset = Offset::constant(3);
        assert_eq!(
            as_of_words(secs, offset),
            "Saturday 7 December 2024, 23:59 (UTC+03:00)"
        );
        assert_eq!(short_date(secs, offset), "7 Dec 2024");
        assert_eq!(end_of_date(local_date(secs, offset), offset), secs);
    }
}
