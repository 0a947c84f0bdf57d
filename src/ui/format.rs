//! Moments and dates in words for the timeline and the sidebar.

use jiff::{Timestamp, tz::Offset};

use crate::model::Moment;

/// "Saturday 7 December 2024, 23:59:59 (UTC+03:00)": [`Moment::words`].
pub fn as_of_words(secs: i64, offset: Offset) -> String {
    Moment::from_unix_secs(secs).words(offset)
}

/// "10 Dec 2024, 12:00:30" in the scenario's offset (seconds only when not zero).
pub fn short_moment(secs: i64, offset: Offset) -> String {
    let local = Moment::from_unix_secs(secs).local_from_offset(offset);
    let time = if local.second() == 0 {
        local.strftime("%H:%M")
    } else {
        local.strftime("%H:%M:%S")
    };
    format!("{}, {time}", short_date(secs, offset))
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
    Moment::from_unix_secs(secs).local_date(offset)
}

/// The moment a date picked in the window means: the end of that day, 23:59:59 local,
/// as a bare date means on the command line and in every export
/// ([`Moment::end_of_date`]); Unix seconds.
pub fn end_of_date(date: jiff::civil::Date, offset: Offset) -> i64 {
    // Only dates past year 9999 fail, and the date pickers cannot reach them.
    Moment::end_of_date(date, offset).map_or(i64::MAX, Moment::unix_secs)
}

/// The arrow of "Homs: government → rebels": "→" where the body font has it (Noto
/// Sans, the window's font), "->" with egui's default font (bare test harnesses), which
/// lacks it.
pub fn arrow(ctx: &egui::Context) -> &'static str {
    let has = ctx.fonts_mut(|f| f.has_glyph(&egui::FontId::proportional(14.0), '→'));
    if has { "→" } else { "->" }
}

/// A count with thousands separators: 1234567 → "1,234,567".
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A place's population as the window shows it: with separators, marked as the
/// pre-war figure the gazetteer gives ("775,404 (pre-war, GeoNames)").
pub fn population_words(population: u64) -> String {
    format!("{} (pre-war, GeoNames)", thousands(population))
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
    #[test]
    fn thousands_are_separated() {
        assert_eq!(super::thousands(0), "0");
        assert_eq!(super::thousands(999), "999");
        assert_eq!(super::thousands(1000), "1,000");
        assert_eq!(super::thousands(1_234_567), "1,234,567");
    }

    use super::*;

    #[test]
    fn moments_read_in_words() {
        let secs = "2024-12-07T20:59:59Z"
            .parse::<Timestamp>()
            .map_or(0, |ts| ts.as_second());
        let offset = Offset::constant(3);
        assert_eq!(
            as_of_words(secs, offset),
            "Saturday 7 December 2024, 23:59:59 (UTC+03:00)"
        );
        assert_eq!(short_date(secs, offset), "7 Dec 2024");
        assert_eq!(short_moment(secs, offset), "7 Dec 2024, 23:59:59");
        assert_eq!(short_moment(secs - 59, offset), "7 Dec 2024, 23:59");
        assert_eq!(end_of_date(local_date(secs, offset), offset), secs);
    }
}
