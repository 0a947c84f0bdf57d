//! Ties a sentence's places, sides, attributions, assertion words and dates into
//! drafts. Each assertion takes the places named right after its words (a list of
//! them: "conquered X, Y, and Z"), or before them for "X fell"; failing that, strikes,
//! fighting, lulls, holdings, deployments and evacuations take the place named
//! elsewhere in the sentence, or (in a dated sentence) the previous sentence's
//! subject; a denial of losses takes the previous subject; a retreat with no place is
//! about the acting side. A sentence that names places but asserts nothing yields one
//! statement per place. Hypothetical wording turns assertions into statements.

use std::collections::HashSet;

use super::assertions::{self, Place as Side, Trigger};
use super::attribution::{Attribution, Speakers};
use super::dates::{self, TimeExpr};
pub use super::draft::confidence;
use super::draft::{self, Parts, SaidBy, SubjectFrom, evidence};
use super::factions::{FactionLexicon, FactionMention};
use super::gazetteer::Gazetteer;
use super::mentions::{self, Mention};
use super::sentences::{Sentence, Token, sentences, tokenize};
use super::{ArticleInput, Draft, EvidenceKind as Kind, Proposals};
use crate::model::{Assertion, Precision, Scenario, Scope, SourceKind, Subject, TimeRef};

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

/// Words that make a clause hypothetical.
const HEDGES: [&str; 5] = ["would", "could", "might", "may", "if"];

/// Words after "withdrew" that make it an evacuation of people, not a withdrawal.
const PEOPLE: [&str; 8] = [
    "families",
    "citizens",
    "diplomats",
    "nationals",
    "staff",
    "civilians",
    "personnel",
    "residents",
];

/// Everything read from one sentence.
struct Reading<'s> {
    sentence: &'s Sentence,
    mentions: Vec<Mention>,
    factions: Vec<FactionMention>,
    attributions: Vec<Attribution>,
    times: Vec<TimeExpr>,
}

/// The drafts `article` yields against `scenario`.
pub fn extract(
    scenario: &Scenario,
    article: &ArticleInput,
    document: &str,
    proposals: &mut Proposals,
) -> Vec<Draft> {
    let text = article.text.as_str();
    let tokens = tokenize(text);
    let gazetteer = Gazetteer::new(scenario);
    let lexicon = FactionLexicon::new(scenario);
    let mut speakers = Speakers {
        scenario,
        last: None,
    };
    let mut topic: Option<(Subject, Scope, std::ops::Range<usize>)> = None;
    let mut all = Vec::new();
    for sentence in &sentences(text, &tokens) {
        let factions = lexicon.find(&tokens, sentence);
        let reading = Reading {
            sentence,
            mentions: mentions::find(text, &tokens, sentence, &gazetteer, scenario, proposals),
            attributions: speakers.find(&tokens, sentence, &factions, proposals),
            factions,
            times: dates::find(&tokens, sentence, article.published, scenario.offset()),
        };
        let triggers = assertions::find(&tokens, sentence);
        let mut parts = Vec::new();
        let mut used: HashSet<usize> = HashSet::new();
        for (k, trigger) in triggers.iter().enumerate() {
            let bounds = (
                k.checked_sub(1)
                    .map_or(sentence.tokens.start, |p| triggers[p].tokens.end),
                triggers
                    .get(k + 1)
                    .map_or(sentence.tokens.end, |n| n.tokens.start),
            );
            parts.extend(read_trigger(
                text, &tokens, &reading, trigger, bounds, &topic, &mut used, scenario, article,
                proposals,
            ));
        }
        if triggers.is_empty() && !is_heading(text, sentence) {
            parts.extend(statements(
                text, &tokens, &reading, scenario, article, proposals,
            ));
        }
        dedupe_statements(&mut parts);
        let last = parts
            .iter()
            .rev()
            .find(|p| p.subject.is_geographic() && p.subject_from != SubjectFrom::Topic);
        if let Some(last) = last {
            let range = last
                .why
                .iter()
                .find(|e| e.kind == Kind::Place)
                .map_or(last.span.clone(), |e| e.range.clone());
            topic = Some((last.subject.clone(), last.scope.clone(), range));
        } else if let Some(m) = reading.mentions.last() {
            topic = Some((m.subject.clone(), m.scope.clone(), m.range.clone()));
        }
        for part in parts {
            let n = all.len() + 1;
            all.push(draft::build(text, document, n, part));
        }
    }
    all
}

/// The drafts one assertion's words make.
#[allow(clippy::too_many_arguments)]
fn read_trigger(
    text: &str,
    tokens: &[Token],
    reading: &Reading,
    trigger: &Trigger,
    (previous_end, next_start): (usize, usize),
    topic: &Option<(Subject, Scope, std::ops::Range<usize>)>,
    used: &mut HashSet<usize>,
    scenario: &Scenario,
    article: &ArticleInput,
    proposals: &mut Proposals,
) -> Vec<Parts> {
    let mut assertion = trigger.assertion.clone();
    let window =
        &tokens[trigger.tokens.end..(trigger.tokens.end + 4).min(reading.sentence.tokens.end)];
    if assertion == Assertion::Withdrew
        && window.iter().any(|t| PEOPLE.contains(&t.folded.as_str()))
    {
        assertion = Assertion::EvacuationFrom;
    }
    let named = match trigger.place {
        Side::After => objects(
            tokens,
            &reading.mentions,
            trigger.tokens.clone(),
            next_start,
        ),
        Side::Before => before(
            tokens,
            &reading.mentions,
            trigger.tokens.start,
            previous_end,
        ),
    };
    let (counterpart, actor_mention) = sides(tokens, reading, trigger);
    let attribution = covering(&reading.attributions, trigger.range.start);
    let actor = actor_mention.map(|f| f.faction.clone()).or_else(|| {
        attribution
            .and_then(|a| a.affiliation.clone())
            .filter(|a| Some(a) != counterpart.as_ref() && scenario.faction_index(a).is_some())
    });
    let wants_actor = !matches!(
        assertion,
        Assertion::Lull | Assertion::Statement | Assertion::EvacuationFrom
    );
    let actor = actor.filter(|_| wants_actor);
    let mut subjects: Vec<(Subject, Scope, std::ops::Range<usize>, SubjectFrom, bool)> = named
        .iter()
        .map(|&m| {
            let mention = &reading.mentions[m];
            used.insert(m);
            (
                mention.subject.clone(),
                mention.scope.clone(),
                mention.range.clone(),
                SubjectFrom::Named,
                mention.proposed,
            )
        })
        .collect();
    if subjects.is_empty() {
        let dated = !reading.times.is_empty();
        match assertion {
            Assertion::Retreating | Assertion::Withdrew | Assertion::Denial => {
                if let Some(actor) = &actor {
                    subjects.push((
                        Subject::Faction(actor.clone()),
                        Scope::default(),
                        trigger.range.clone(),
                        SubjectFrom::Faction,
                        false,
                    ));
                }
            }
            Assertion::DeniesLoss => subjects.extend(from_topic(topic)),
            Assertion::Captured
            | Assertion::DeclaredControl
            | Assertion::Entered
            | Assertion::AtEdge
            | Assertion::AdvancedWithin { .. }
            | Assertion::Besieges
            | Assertion::NegotiatedHandover => {}
            _ => {
                let nearest = (0..reading.mentions.len())
                    .filter(|m| !used.contains(m))
                    .min_by_key(|&m| {
                        reading.mentions[m]
                            .tokens
                            .start
                            .abs_diff(trigger.tokens.start)
                    });
                match nearest {
                    Some(m) => {
                        let mention = &reading.mentions[m];
                        subjects.push((
                            mention.subject.clone(),
                            mention.scope.clone(),
                            mention.range.clone(),
                            SubjectFrom::Sentence,
                            mention.proposed,
                        ));
                    }
                    None if dated => subjects.extend(from_topic(topic)),
                    None => {}
                }
            }
        }
    }
    let hedged = is_hedged(tokens, reading.sentence, trigger);
    if hedged {
        assertion = Assertion::Statement;
    }
    subjects
        .into_iter()
        .map(|(subject, scope, place_range, from, proposed_place)| {
            let mut why = vec![evidence(
                text,
                Kind::Verb,
                trigger.range.clone(),
                format!("assertion {}", trigger.assertion.label()),
            )];
            let place_kind = if from == SubjectFrom::Topic {
                Kind::Topic
            } else {
                Kind::Place
            };
            why.push(evidence(
                text,
                place_kind,
                place_range.clone(),
                format!("subject {}", subject.id()),
            ));
            let in_sentence = from != SubjectFrom::Topic && from != SubjectFrom::Faction;
            let mut span = trigger.range.clone();
            if in_sentence {
                span = span.start.min(place_range.start)..span.end.max(place_range.end);
            }
            if let Some(f) = actor_mention {
                why.push(evidence(
                    text,
                    Kind::Faction,
                    f.range.clone(),
                    format!("actor {}", f.faction),
                ));
                if trigger.tokens.start.saturating_sub(f.tokens.end) <= 8 {
                    span = span.start.min(f.range.start)..span.end;
                }
            }
            let (originators, via, said_by) =
                said(text, attribution, scenario, article, proposals, &mut why);
            let (when, dated) = when(
                text,
                &reading.times,
                trigger.tokens.start,
                scenario,
                article,
                &mut why,
            );
            if hedged {
                why.push(evidence(
                    text,
                    Kind::Hedge,
                    trigger.range.clone(),
                    "hypothetical: a statement",
                ));
            }
            Parts {
                subject,
                scope,
                assertion: assertion.clone(),
                actor: actor.clone(),
                counterpart: counterpart.clone().filter(|c| Some(c) != actor.as_ref()),
                originators,
                via,
                when,
                span,
                why,
                subject_from: from,
                said_by,
                actor_in_text: actor_mention.is_some() || !wants_actor,
                dated,
                hedged,
                proposed_place,
                mention_only: false,
            }
        })
        .collect()
}

fn from_topic(
    topic: &Option<(Subject, Scope, std::ops::Range<usize>)>,
) -> Option<(Subject, Scope, std::ops::Range<usize>, SubjectFrom, bool)> {
    topic
        .clone()
        .map(|(subject, scope, range)| (subject, scope, range, SubjectFrom::Topic, false))
}

/// The places right after the words: the first within six words, then those that
/// follow it in a list.
fn objects(
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
fn before(tokens: &[Token], mentions: &[Mention], to: usize, after: usize) -> Vec<usize> {
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
fn sides<'r>(
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

/// The innermost attribution covering byte `at`.
fn covering(attributions: &[Attribution], at: usize) -> Option<&Attribution> {
    attributions
        .iter()
        .filter(|a| a.covers.contains(&at))
        .max_by_key(|a| a.covers.start)
}

/// Originators, relays and how they were found, with their evidence.
fn said(
    text: &str,
    attribution: Option<&Attribution>,
    scenario: &Scenario,
    article: &ArticleInput,
    proposals: &mut Proposals,
    why: &mut Vec<super::Evidence>,
) -> (Vec<String>, Vec<String>, SaidBy) {
    if let Some(a) = attribution {
        let relays = if a.via.is_empty() {
            String::new()
        } else {
            format!(" via {}", a.via.join(", "))
        };
        why.push(evidence(
            text,
            Kind::Attribution,
            a.evidence.clone(),
            format!("said by {}{relays}", a.originators.join(", ")),
        ));
        let said_by = if a.known {
            SaidBy::Known
        } else {
            SaidBy::Proposed
        };
        return (a.originators.clone(), a.via.clone(), said_by);
    }
    let narration = scenario
        .sources
        .iter()
        .find(|s| s.kind == SourceKind::Narration)
        .map(|s| s.id.clone());
    let id = narration.unwrap_or_else(|| {
        let name = format!(
            "{}'s own narration",
            article.publisher.as_deref().unwrap_or("The publication")
        );
        proposals.add_source(scenario, &name, SourceKind::Narration, None)
    });
    (vec![id], Vec::new(), SaidBy::Narration)
}

/// The time expression nearest token `at` (an "a day after" clause first), or the
/// publication time as reported.
fn when(
    text: &str,
    times: &[TimeExpr],
    at: usize,
    scenario: &Scenario,
    article: &ArticleInput,
    why: &mut Vec<super::Evidence>,
) -> (TimeRef, bool) {
    let anchored = times
        .iter()
        .find(|t| t.anchor.as_ref().is_some_and(|a| a.contains(&at)));
    let nearest = anchored.or_else(|| {
        times
            .iter()
            .filter(|t| t.anchor.is_none())
            .min_by_key(|t| t.tokens.start.abs_diff(at))
    });
    match nearest {
        Some(expr) => {
            why.push(evidence(
                text,
                Kind::Time,
                expr.range.clone(),
                format!("{} {}", expr.when.at, expr.when.precision.label()),
            ));
            (expr.when.clone(), true)
        }
        None => {
            let at = article.published.to_rfc3339(scenario.offset());
            (
                TimeRef {
                    at,
                    precision: Precision::Reported,
                },
                false,
            )
        }
    }
}

/// True when the trigger's clause has a hedge, or the sentence opens "By ...ing" and
/// hedges anywhere ("By taking X, Y would ...").
fn is_hedged(tokens: &[Token], sentence: &Sentence, trigger: &Trigger) -> bool {
    let hedge = |t: &Token| {
        !t.punct && HEDGES.contains(&t.folded.as_str()) && !(t.folded == "may" && t.capitalised)
    };
    let range = sentence.tokens.clone();
    let mut start = trigger.tokens.start;
    while start > range.start && !tokens[start - 1].is_clause_break() {
        start -= 1;
    }
    let mut end = trigger.tokens.end;
    while end < range.end && !tokens[end].is_clause_break() {
        end += 1;
    }
    let opens_by = tokens.get(range.start).is_some_and(|t| t.folded == "by")
        && tokens
            .get(range.start + 1)
            .is_some_and(|t| t.folded.ends_with("ing"));
    tokens[start..end].iter().any(hedge) || (opens_by && tokens[range].iter().any(hedge))
}

/// One statement per place a sentence with no assertion words names.
fn statements(
    text: &str,
    _tokens: &[Token],
    reading: &Reading,
    scenario: &Scenario,
    article: &ArticleInput,
    proposals: &mut Proposals,
) -> Vec<Parts> {
    let mut seen: Vec<&Subject> = Vec::new();
    let mut out = Vec::new();
    for mention in &reading.mentions {
        if seen.contains(&&mention.subject) {
            continue;
        }
        seen.push(&mention.subject);
        let mut why = vec![evidence(
            text,
            Kind::Place,
            mention.range.clone(),
            format!("subject {}", mention.subject.id()),
        )];
        let attribution = covering(&reading.attributions, mention.range.start);
        let (originators, via, said_by) =
            said(text, attribution, scenario, article, proposals, &mut why);
        let (when, dated) = when(
            text,
            &reading.times,
            mention.tokens.start,
            scenario,
            article,
            &mut why,
        );
        out.push(Parts {
            subject: mention.subject.clone(),
            scope: mention.scope.clone(),
            assertion: Assertion::Statement,
            actor: None,
            counterpart: None,
            originators,
            via,
            when,
            span: reading.sentence.range.clone(),
            why,
            subject_from: SubjectFrom::Named,
            said_by,
            actor_in_text: true,
            dated,
            hedged: false,
            proposed_place: mention.proposed,
            mention_only: true,
        });
    }
    out
}

/// A short line with no closing punctuation ("The Homs Battle") is a heading.
fn is_heading(text: &str, sentence: &Sentence) -> bool {
    let words = text[sentence.range.clone()].split_whitespace().count();
    words <= 8 && !text[sentence.range.clone()].ends_with(['.', '!', '?', '”', '"'])
}

/// Keeps one statement per subject and originators in a sentence.
fn dedupe_statements(parts: &mut Vec<Parts>) {
    let mut seen: Vec<(Subject, Vec<String>)> = Vec::new();
    parts.retain(|p| {
        if p.assertion != Assertion::Statement {
            return true;
        }
        let key = (p.subject.clone(), p.originators.clone());
        let fresh = !seen.contains(&key);
        seen.push(key);
        fresh
    });
}
