//! Statements: what a sentence that names places but asserts nothing yields (one
//! statement per place), hypothetical wording that turns an assertion into a
//! statement, headings (which yield nothing), and one statement per subject.

use super::assertions::Trigger;
use super::draft::{Parts, SubjectFrom, evidence};
use super::extract::Reading;
use super::provenance::{covering, said, when};
use super::sentences::{Sentence, Token};
use super::{ArticleInput, EvidenceKind as Kind, Proposals};
use crate::model::{Assertion, Scenario, Subject};

/// Words that make a clause hypothetical.
const HEDGES: [&str; 5] = ["would", "could", "might", "may", "if"];

/// True when the trigger's clause has a hedge, or the sentence opens "By ...ing" and
/// hedges anywhere ("By taking X, Y would ...").
pub(super) fn is_hedged(tokens: &[Token], sentence: &Sentence, trigger: &Trigger) -> bool {
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
pub(super) fn statements(
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
pub(super) fn is_heading(text: &str, sentence: &Sentence) -> bool {
    let words = text[sentence.range.clone()].split_whitespace().count();
    words <= 8 && !text[sentence.range.clone()].ends_with(['.', '!', '?', '”', '"'])
}

/// Keeps one statement per subject and originators in a sentence.
pub(super) fn dedupe_statements(parts: &mut Vec<Parts>) {
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
