//! Relative dates, resolved from the publication time in the scenario's zone:
//! "Friday" (the most recent Friday on or before publication), "late Friday"
//! (evening), "Saturday morning", "on Sunday (December 8)", "December 8", "last
//! night" / "throughout the night" / "a night of" (the night before), "a week ago"
//! (week), "yesterday", "N days ago", and "a day after ..." (one day before the
//! sentence's other date, for what the "after" clause names).

use std::ops::Range;

use jiff::{ToSpan as _, civil::Date, tz::Offset};

use super::sentences::{Sentence, Token};
use crate::model::{Moment, Precision, TimeRef};

/// A time expression in a sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct TimeExpr {
    /// Token indices.
    pub tokens: Range<usize>,
    /// Byte span.
    pub range: Range<usize>,
    /// The date and precision it resolves to (for an anchor, once resolved).
    pub when: TimeRef,
    /// "a day after ...": what follows happened a day before the sentence's other date;
    /// the anchor covers the clause up to the next comma.
    pub anchor: Option<Range<usize>>,
}

const DAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];
const MONTHS: [&str; 12] = [
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

fn day_ref(date: Date, precision: Precision) -> TimeRef {
    TimeRef {
        at: date.to_string(),
        precision,
    }
}

/// Every time expression in `sentence`, read against the publication `published`.
pub fn find(
    tokens: &[Token],
    sentence: &Sentence,
    published: Moment,
    offset: Offset,
) -> Vec<TimeExpr> {
    let today = published.local_date(offset);
    let end = sentence.tokens.end;
    let word = |i: usize| {
        tokens
            .get(i)
            .filter(|t| i < end && !t.punct)
            .map(|t| t.folded.as_str())
    };
    let days_before = |n: i64| today.checked_sub(n.days()).unwrap_or(today);
    let mut found: Vec<TimeExpr> = Vec::new();
    let mut night_at: Vec<usize> = Vec::new();
    let mut i = sentence.tokens.start;
    while i < end {
        let w = word(i).unwrap_or("");
        let night_index = found.len();
        let mut push = |from: usize, to: usize, when: TimeRef, anchor: Option<Range<usize>>| {
            found.push(TimeExpr {
                tokens: from..to,
                range: tokens[from].range.start..tokens[to - 1].range.end,
                when,
                anchor,
            });
            to
        };
        if let Some(weekday) = DAYS.iter().position(|d| *d == w) {
            let back =
                (today.weekday().to_monday_zero_offset() as i64 - weekday as i64).rem_euclid(7);
            let mut date = days_before(back);
            // "late Friday", "early on Sunday".
            let modifier = |at: usize| matches!(word(at), Some("late" | "early"));
            let from = match (i.checked_sub(1), i.checked_sub(2)) {
                (Some(b), _) if modifier(b) => b,
                (Some(b), Some(bb)) if word(b) == Some("on") && modifier(bb) => bb,
                _ => i,
            };
            let mut precision = match word(from) {
                Some("late") => Precision::Evening,
                Some("early") => Precision::Morning,
                _ => Precision::Day,
            };
            let mut to = i + 1;
            match word(to) {
                Some("morning") => precision = Precision::Morning,
                Some("afternoon") => precision = Precision::Afternoon,
                Some("evening") => precision = Precision::Evening,
                Some("night") => precision = Precision::Night,
                _ => to -= 1,
            }
            to += 1;
            // "Sunday (December 8)": the explicit date wins.
            let paren = if tokens.get(to).is_some_and(|t| t.folded == "(") {
                to + 1
            } else {
                to
            };
            if let Some((explicit, after)) = month_day(tokens, paren, end, today) {
                date = explicit;
                to = if paren > to && tokens.get(after).is_some_and(|t| t.folded == ")") {
                    after + 1
                } else {
                    after
                };
            }
            i = push(from, to, day_ref(date, precision), None);
        } else if let Some((date, after)) = month_day(tokens, i, end, today) {
            i = push(i, after, day_ref(date, Precision::Day), None);
        } else if w == "yesterday" {
            i = push(i, i + 1, day_ref(days_before(1), Precision::Day), None);
        } else if w == "overnight" || (w == "last" && word(i + 1) == Some("night")) {
            let to = if w == "last" { i + 2 } else { i + 1 };
            night_at.push(night_index);
            i = push(i, to, day_ref(days_before(1), Precision::Night), None);
        } else if night_phrase(&word, i) {
            night_at.push(night_index);
            i = push(i, i + 3, day_ref(days_before(1), Precision::Night), None);
        } else if matches!(w, "a" | "one" | "last")
            && word(i + 1) == Some("week")
            && (w == "last" || word(i + 2) == Some("ago"))
        {
            let to = if w == "last" { i + 2 } else { i + 3 };
            i = push(i, to, day_ref(days_before(7), Precision::Week), None);
        } else if let Some(n) =
            number_word(w).filter(|_| word(i + 1) == Some("days") && word(i + 2) == Some("ago"))
        {
            i = push(i, i + 3, day_ref(days_before(n), Precision::Day), None);
        } else if w == "a" && word(i + 1) == Some("day") && word(i + 2) == Some("after") {
            let mut clause_end = i + 3;
            while clause_end < end && !tokens[clause_end].is_clause_break() {
                clause_end += 1;
            }
            i = push(
                i,
                i + 3,
                day_ref(today, Precision::Day),
                Some(i + 3..clause_end),
            );
        } else {
            i += 1;
        }
    }
    // A night is the night before the sentence's day ("after a night of ..., on Saturday").
    let base = found
        .iter()
        .find(|e| e.anchor.is_none() && e.when.precision != Precision::Night)
        .map(|e| e.when.at.clone());
    if let Some(base) = base.and_then(|at| at.parse::<Date>().ok()) {
        let before = base.checked_sub(1.days()).unwrap_or(base);
        for &n in &night_at {
            found[n].when = day_ref(before, Precision::Night);
        }
        for expr in found.iter_mut().filter(|e| e.anchor.is_some()) {
            expr.when = day_ref(before, Precision::Day);
        }
    } else {
        found.retain(|e| e.anchor.is_none());
    }
    found
}

/// "throughout the night", "during the night", "a night of".
fn night_phrase<'a>(word: &impl Fn(usize) -> Option<&'a str>, i: usize) -> bool {
    matches!(
        (word(i), word(i + 1), word(i + 2)),
        (Some("throughout" | "during"), Some("the"), Some("night"))
            | (Some("a"), Some("night"), Some("of"))
    )
}

fn number_word(word: &str) -> Option<i64> {
    match word {
        "two" => Some(2),
        "three" => Some(3),
        "four" => Some(4),
        "five" => Some(5),
        "six" => Some(6),
        _ => word.parse().ok().filter(|n| (1..=31).contains(n)),
    }
}

/// "December 8" or "8 December" at `at` (the year of publication, or the year before
/// when that would be more than a month after it), and the index after it.
fn month_day(tokens: &[Token], at: usize, end: usize, today: Date) -> Option<(Date, usize)> {
    let word = |i: usize| {
        tokens
            .get(i)
            .filter(|t| i < end && !t.punct)
            .map(|t| t.folded.as_str())
    };
    let month_of = |w: &str| MONTHS.iter().position(|m| *m == w);
    let day_of = |w: &str| w.parse::<i8>().ok().filter(|d| (1..=31).contains(d));
    let (month, day, after) = match (word(at).and_then(month_of), word(at + 1).and_then(day_of)) {
        (Some(month), Some(day)) => (month, day, at + 2),
        _ => match (word(at).and_then(day_of), word(at + 1).and_then(month_of)) {
            (Some(day), Some(month)) => (month, day, at + 2),
            _ => return None,
        },
    };
    let date = Date::new(today.year(), month as i8 + 1, day).ok()?;
    let late = today.checked_add(31.days()).ok()?;
    let date = if date > late {
        Date::new(today.year() - 1, month as i8 + 1, day).ok()?
    } else {
        date
    };
    Some((date, after))
}
