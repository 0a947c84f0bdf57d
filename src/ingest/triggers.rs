//! One assertion's words made into drafts: the places they take (named next to the
//! words, elsewhere in the sentence, or the previous sentence's subject), the acting
//! and the other side, who says it, when, and whether it is hypothetical.

use std::collections::HashSet;

use super::assertions::{Place as Side, Trigger};
use super::draft::{Parts, SubjectFrom, evidence};
use super::extract::Reading;
use super::provenance::{covering, said, when};
use super::sentences::Token;
use super::statements::is_hedged;
use super::subjects::{before, from_topic, objects, sides};
use super::{ArticleInput, EvidenceKind as Kind, Proposals};
use crate::model::{Assertion, Scenario, Scope, Subject};

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

/// The drafts one assertion's words make.
#[allow(clippy::too_many_arguments)]
pub(super) fn read_trigger(
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
