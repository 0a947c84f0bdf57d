//! Ties a sentence's places, sides, attributions, assertion words and dates into
//! drafts. Each assertion takes the places named right after its words (a list of
//! them: "conquered X, Y, and Z"), or before them for "X fell"; failing that, strikes,
//! fighting, lulls, holdings, deployments and evacuations take the place named
//! elsewhere in the sentence, or (in a dated sentence) the previous sentence's
//! subject; a denial of losses takes the previous subject; a retreat with no place is
//! about the acting side. A sentence that names places but asserts nothing yields one
//! statement per place. Hypothetical wording turns assertions into statements.

use std::collections::HashSet;

use super::assertions;
use super::attribution::{Attribution, Speakers};
use super::clauses::Clauses;
use super::dates::{self, TimeExpr};
use super::descriptions::Descriptions;
pub use super::draft::confidence;
use super::draft::{self, SubjectFrom};
use super::factions::{FactionLexicon, FactionMention};
use super::gazetteer::Gazetteer;
use super::mentions::{self, Mention};
use super::sentences::{Sentence, sentences, tokenize};
use super::statements::{dedupe_statements, is_heading, statements};
use super::triggers::read_trigger;
use super::{ArticleInput, Draft, EvidenceKind as Kind, Proposals};
use crate::model::{Scenario, Scope, Subject};

/// Everything read from one sentence.
pub(super) struct Reading<'s> {
    pub(super) sentence: &'s Sentence,
    pub(super) mentions: Vec<Mention>,
    pub(super) factions: Vec<FactionMention>,
    pub(super) attributions: Vec<Attribution>,
    pub(super) times: Vec<TimeExpr>,
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
    let descriptions = Descriptions::new(scenario);
    let mut clauses = Clauses::default();
    let mut speakers = Speakers {
        scenario,
        last: None,
        heard: Vec::new(),
    };
    let mut topic: Option<(Subject, Scope, std::ops::Range<usize>)> = None;
    let mut all = Vec::new();
    for sentence in &sentences(text, &tokens) {
        let factions = lexicon.find(&tokens, sentence);
        let mut mentions = mentions::find(text, &tokens, sentence, &gazetteer, scenario, proposals);
        descriptions.find(&tokens, sentence, &mut mentions);
        let reading = Reading {
            sentence,
            mentions,
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
        clauses.learn(text, &tokens, &reading);
        let about_subjects = clauses.statements(
            text,
            &tokens,
            &reading,
            &parts,
            (scenario, article, proposals),
        );
        if triggers.is_empty() && about_subjects.is_empty() && !is_heading(text, sentence) {
            parts.extend(statements(
                text, &tokens, &reading, scenario, article, proposals,
            ));
        }
        parts.extend(about_subjects);
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
