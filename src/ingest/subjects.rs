//! Where an assertion's subject and sides stand around its words: the places right
//! after them (and a list that follows), the place right before them ("Homs fell"),
//! the previous sentence's subject, and the acting and the struck side.

use super::assertions::{Place as Side, Trigger};
use super::draft::SubjectFrom;
use super::extract::Reading;
use super::factions::FactionMention;
use super::mentions::Mention;
use super::sentences::Token;
use crate::model::{Assertion, Scope, Subject};

/// Words allowed between the places of a list ("Aleppo in the north, Hama ...").
const GLUE: [&str; 17] = [
    ",",
    "and",
    "or",
    "as",
    "well",
    "the",
    "in",
    "north",
    "south",
    "east",
    "west",
    "center",
    "centre",
    "city",
    "town",
    "of",
    "neighboring",
];

pub(super) fn from_topic(
    topic: &Option<(Subject, Scope, std::ops::Range<usize>)>,
) -> Option<(Subject, Scope, std::ops::Range<usize>, SubjectFrom, bool)> {
    topic
        .clone()
        .map(|(subject, scope, range)| (subject, scope, range, SubjectFrom::Topic, false))
}

/// The places right after the words: the first within six words, then those that
/// follow it in a list.
pub(super) fn objects(
    tokens: &[Token],
    mentions: &[Mention],
    words: std::ops::Range<usize>,
    until: usize,
) -> Vec<usize> {
    let mut found: Vec<usize> = Vec::new();
    // A place inside the words ("declared Damascus free") is an object too.
    let mut cursor = words.start + 1;
    for (m, mention) in mentions.iter().enumerate() {
        if mention.tokens.start < cursor || mention.tokens.start >= until {
            continue;
        }
        let gap_from = if found.is_empty() {
            words.end.min(mention.tokens.start)
        } else {
            cursor
        };
        let gap = &tokens[gap_from..mention.tokens.start];
        let fits = if found.is_empty() {
            gap.iter().filter(|t| !t.punct).count() <= 6 && !gap.iter().any(Token::is_clause_break)
        } else {
            gap.iter()
                .all(|t| t.is_quote() || GLUE.contains(&t.folded.as_str()))
        };
        if !fits {
            break;
        }
        found.push(m);
        cursor = mention.tokens.end;
    }
    found
}

/// The place right before the words ("Homs fell"): within three words, same clause.
pub(super) fn before(
    tokens: &[Token],
    mentions: &[Mention],
    to: usize,
    after: usize,
) -> Vec<usize> {
    let last = mentions
        .iter()
        .rposition(|m| m.tokens.end <= to && m.tokens.start >= after);
    last.filter(|&m| {
        let gap = &tokens[mentions[m].tokens.end..to];
        gap.iter().filter(|t| !t.punct).count() <= 3 && !gap.iter().any(Token::is_clause_break)
    })
    .into_iter()
    .collect()
}

/// The side struck or fought (after the words) and the acting side's mention.
pub(super) fn sides<'r>(
    tokens: &[Token],
    reading: &'r Reading,
    trigger: &Trigger,
) -> (Option<String>, Option<&'r FactionMention>) {
    let after = reading
        .factions
        .iter()
        .find(|f| f.tokens.start >= trigger.tokens.end && f.tokens.start <= trigger.tokens.end + 3);
    // A side right after "on" or "against" is a target, not the one acting.
    let acting = |f: &&FactionMention| {
        f.tokens.start == 0
            || !matches!(tokens[f.tokens.start - 1].folded.as_str(), "on" | "against")
    };
    let before = reading
        .factions
        .iter()
        .rev()
        .filter(acting)
        .find(|f| f.tokens.end <= trigger.tokens.start);
    let before = before.or_else(|| {
        let needs = trigger.assertion.needs_actor() && trigger.place == Side::After;
        reading
            .factions
            .iter()
            .find(|f| needs && f.tokens.start >= trigger.tokens.end)
    });
    if trigger.passive {
        let struck = before.map(|f| f.faction.clone());
        let actor = reading
            .factions
            .iter()
            .find(|f| Some(&f.faction) != struck.as_ref());
        return (struck, actor);
    }
    let counterpart = match trigger.assertion {
        Assertion::StrikeOn | Assertion::FightingAt => after.map(|f| f.faction.clone()),
        _ => None,
    };
    (counterpart, before)
}
