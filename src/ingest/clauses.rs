//! Statements about a side, a person or a route, read clause by clause: a clause whose
//! subject is a side ("Government defenses have collapsed", "Iraq does not seek ...",
//! "they have not yet received" for the side just named), a person ("for Assad to
//! maintain his position") or a route ("land connection to ... is in jeopardy"), and
//! whose assertion words (if any) made no draft, is a statement about that subject.
//! People are known by a title the article gives them ("President Bashar al-Assad"),
//! then by their last name.

use std::ops::Range;

use super::draft::{Parts, SubjectFrom, evidence};
use super::extract::Reading;
use super::provenance::{covering, said, when};
use super::sentences::Token;
use super::{ArticleInput, EvidenceKind as Kind, Proposals};
use crate::model::{Assertion, Scenario, Scope, Subject};

/// Words that follow a clause's subject: auxiliaries and common stative verbs.
const FINITE: [&str; 28] = [
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "does", "do", "did", "can",
    "cannot", "could", "must", "may", "might", "should", "shall", "remains", "remain", "refuses",
    "refused", "seems", "appears", "faces", "wants",
];

/// Words that end a clause.
const BOUNDARIES: [&str; 16] = [
    "that", "which", "who", "when", "while", "as", "after", "before", "because", "although",
    "though", "but", "since", "if", "until", "where",
];

/// Words before a side that make it an object, not a subject.
const PREPOSITIONS: [&str; 14] = [
    "on", "against", "for", "of", "to", "by", "with", "from", "in", "at", "into", "about",
    "between", "toward",
];

/// Titles before a person's name.
const TITLES: [&str; 10] = [
    "president",
    "minister",
    "king",
    "prince",
    "general",
    "leader",
    "emir",
    "sheikh",
    "chancellor",
    "premier",
];

/// What the clause reader carries from sentence to sentence.
#[derive(Clone, Debug, Default)]
pub struct Clauses {
    /// People named with a title: (full name as written, folded last name).
    people: Vec<(String, String)>,
    /// The side that was the subject of the previous sentence, for "they".
    last_side: Option<String>,
}

/// A clause's subject and where the clause runs.
struct Subjecthood {
    subject: Subject,
    tokens: Range<usize>,
    clause_end: usize,
}

impl Clauses {
    /// Remembers the people `reading` names with a title.
    pub fn learn(&mut self, text: &str, tokens: &[Token], reading: &Reading) {
        let range = reading.sentence.tokens.clone();
        for i in range.clone() {
            if !TITLES.contains(&tokens[i].folded.as_str()) || !tokens[i].capitalised {
                continue;
            }
            let name_part = |t: &Token| {
                !t.punct && (t.capitalised || text[t.range.clone()].starts_with(['a', 'e']))
            };
            let mut end = i + 1;
            while end < range.end && end < i + 4 && name_part(&tokens[end]) {
                end += 1;
                if tokens[end - 1].possessive {
                    break;
                }
            }
            if end >= i + 3 {
                let name = text[tokens[i + 1].range.start..tokens[end - 1].range.end].to_owned();
                let last = &tokens[end - 1];
                let written = &text[last.range.clone()];
                let bare = ["al-", "el-", "Al-", "El-"]
                    .iter()
                    .find_map(|p| written.strip_prefix(p))
                    .unwrap_or(written);
                let key = crate::model::fold(bare);
                if !self.people.iter().any(|(n, _)| *n == name) {
                    self.people.push((name, key));
                }
            }
        }
    }

    /// Statements about the sides, people and routes that are clause subjects in
    /// `reading` and whose clause made none of `parts`.
    pub fn statements(
        &mut self,
        text: &str,
        tokens: &[Token],
        reading: &Reading,
        parts: &[Parts],
        (scenario, article, proposals): (&Scenario, &ArticleInput, &mut Proposals),
    ) -> Vec<Parts> {
        let subjects = self.subjects(tokens, reading);
        self.last_side = subjects.iter().rev().find_map(|s| match &s.subject {
            Subject::Faction(id) => Some(id.clone()),
            _ => None,
        });
        let mut out = Vec::new();
        for found in subjects {
            let clause = tokens[found.tokens.start].range.start
                ..tokens[found.clause_end.max(found.tokens.end) - 1].range.end;
            let asserted = parts.iter().any(|p| {
                p.why
                    .iter()
                    .any(|e| e.kind == Kind::Verb && clause.contains(&e.range.start))
            });
            if asserted {
                continue;
            }
            let kind = match found.subject {
                Subject::Faction(_) => Kind::Faction,
                _ => Kind::Place,
            };
            let mut why = vec![evidence(
                text,
                kind,
                tokens[found.tokens.start].range.start..tokens[found.tokens.end - 1].range.end,
                format!("subject {}", found.subject.id()),
            )];
            let attribution = covering(&reading.attributions, clause.start);
            let (originators, via, said_by) =
                said(text, attribution, scenario, article, proposals, &mut why);
            let (when, dated) = when(
                text,
                &reading.times,
                found.tokens.start,
                scenario,
                article,
                &mut why,
            );
            out.push(Parts {
                actor: match &found.subject {
                    Subject::Faction(id) => Some(id.clone()),
                    _ => None,
                },
                subject: found.subject,
                scope: Scope::default(),
                assertion: Assertion::Statement,
                counterpart: None,
                originators,
                via,
                when,
                span: clause,
                why,
                subject_from: SubjectFrom::Named,
                said_by,
                actor_in_text: true,
                dated,
                hedged: false,
                proposed_place: false,
                mention_only: false,
            });
        }
        out
    }

    /// The clause subjects of `reading`, in text order.
    fn subjects(&self, tokens: &[Token], reading: &Reading) -> Vec<Subjecthood> {
        let range = reading.sentence.tokens.clone();
        let word = |at: usize| {
            tokens
                .get(at)
                .filter(|t| at < range.end && !t.punct)
                .map(|t| t.folded.as_str())
        };
        // The finite word within two words after `end`, if the clause goes on.
        let finite_after = |end: usize| {
            (end..(end + 3).min(range.end))
                .take_while(|&k| word(k).is_some())
                .find(|&k| word(k).is_some_and(|w| FINITE.contains(&w)))
        };
        let clause_end = |from: usize| {
            (from + 1..range.end)
                .find(|&k| {
                    tokens[k].is_clause_break() || word(k).is_some_and(|w| BOUNDARIES.contains(&w))
                })
                .unwrap_or(range.end)
        };
        let object =
            |at: usize| at > range.start && word(at - 1).is_some_and(|w| PREPOSITIONS.contains(&w));
        let mut found: Vec<Subjecthood> = Vec::new();
        let mut push = |subject: Subject, tokens: Range<usize>, verb: usize| {
            if !found
                .iter()
                .any(|f| f.tokens.start < tokens.end && tokens.start < f.tokens.end)
            {
                found.push(Subjecthood {
                    subject,
                    clause_end: clause_end(verb),
                    tokens,
                });
            }
        };
        for i in range.clone() {
            let person = self.people.iter().find(|(_, key)| tokens[i].folded == *key);
            let Some((name, _)) = person.filter(|_| !tokens[i].possessive) else {
                continue;
            };
            let infinitive =
                i > range.start && word(i - 1) == Some("for") && word(i + 1) == Some("to");
            let verb = finite_after(i + 1).filter(|_| !object(i));
            if let Some(verb) = verb.or(infinitive.then_some(i + 1)) {
                push(Subject::Person(name.clone()), i..i + 1, verb);
            }
        }
        for side in &reading.factions {
            let head = side.tokens.end - 1;
            if tokens[head].possessive || object(side.tokens.start) {
                continue;
            }
            if let Some(verb) = finite_after(side.tokens.end) {
                push(
                    Subject::Faction(side.faction.clone()),
                    side.tokens.clone(),
                    verb,
                );
            }
        }
        for mention in &reading.mentions {
            if let Subject::Route(_) = mention.subject
                && let Some(verb) = finite_after(mention.tokens.end)
            {
                push(mention.subject.clone(), mention.tokens.clone(), verb);
            }
        }
        if let Some(side) = &self.last_side {
            for i in range.clone() {
                if word(i) == Some("they") && word(i + 1).is_some_and(|w| FINITE.contains(&w)) {
                    push(Subject::Faction(side.clone()), i..i + 1, i + 1);
                }
            }
        }
        found.sort_by_key(|f| f.tokens.start);
        found
    }
}
