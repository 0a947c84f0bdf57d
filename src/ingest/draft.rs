//! Turning what a sentence yielded into a [`Draft`]: the claim, its quote (a span of
//! the article), its evidence and its confidence.

use std::ops::Range;

use super::{Draft, Evidence, EvidenceKind, slug};
use crate::model::{Assertion, Claim, Credibility, Scope, Subject, TimeRef};

/// Where a draft's subject came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SubjectFrom {
    /// Named next to the assertion's words.
    Named,
    /// Named elsewhere in the sentence.
    Sentence,
    /// Carried over from the previous sentence.
    Topic,
    /// The acting side itself (no place named).
    Faction,
}

/// Where a draft's originators came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaidBy {
    /// An attribution naming sources the scenario knows.
    Known,
    /// An attribution naming a source proposed by this ingest.
    Proposed,
    /// No attribution: the publication's narration.
    Narration,
}

/// What a draft is made of.
#[derive(Clone, Debug, PartialEq)]
pub struct Parts {
    /// The subject.
    pub subject: Subject,
    /// Region scope.
    pub scope: Scope,
    /// The assertion.
    pub assertion: Assertion,
    /// The acting side.
    pub actor: Option<String>,
    /// The other side.
    pub counterpart: Option<String>,
    /// Originator source ids.
    pub originators: Vec<String>,
    /// Relay source ids.
    pub via: Vec<String>,
    /// When.
    pub when: TimeRef,
    /// Byte span of the quote.
    pub span: Range<usize>,
    /// The words that made it.
    pub why: Vec<Evidence>,
    /// Where the subject came from.
    pub subject_from: SubjectFrom,
    /// Where the originators came from.
    pub said_by: SaidBy,
    /// An actor was named in the sentence (or the assertion needs none).
    pub actor_in_text: bool,
    /// A time expression dated it.
    pub dated: bool,
    /// Hypothetical words downgraded it to a statement.
    pub hedged: bool,
    /// The subject is a place proposed by this ingest.
    pub proposed_place: bool,
    /// A statement made only because a sentence names the subject with no assertion.
    pub mention_only: bool,
}

/// How sure a draft is, 0..1: 0.30, plus 0.25 when the subject is named next to the
/// assertion's words (0.10 elsewhere in the sentence or as the acting side, 0 when
/// carried over from the previous sentence), plus 0.20 when a known source is named
/// (0.10 for a proposed source, 0.15 for the narration), plus 0.10 when the actor is
/// named in the sentence, plus 0.10 when dated; minus 0.10 when hedged, 0.05 when
/// the subject is a proposed place, and 0.15 for a statement made only because a
/// sentence names the subject.
pub fn confidence(parts: &Parts) -> f32 {
    let mut score: f32 = 0.30;
    score += match parts.subject_from {
        SubjectFrom::Named => 0.25,
        SubjectFrom::Sentence | SubjectFrom::Faction => 0.10,
        SubjectFrom::Topic => 0.0,
    };
    score += match parts.said_by {
        SaidBy::Known => 0.20,
        SaidBy::Proposed => 0.10,
        SaidBy::Narration => 0.15,
    };
    for (on, weight) in [
        (parts.actor_in_text, 0.10),
        (parts.dated, 0.10),
        (parts.hedged, -0.10),
        (parts.proposed_place, -0.05),
        (parts.mention_only, -0.15),
    ] {
        if on {
            score += weight;
        }
    }
    score.clamp(0.0, 1.0)
}

/// Evidence for the words `text[range]`.
pub fn evidence(
    text: &str,
    kind: EvidenceKind,
    range: Range<usize>,
    meaning: impl Into<String>,
) -> Evidence {
    Evidence {
        kind,
        text: text.get(range.clone()).unwrap_or("").to_owned(),
        range,
        meaning: meaning.into(),
    }
}

/// The draft numbered `n` made of `parts`, quoting `text`.
pub fn build(text: &str, document: &str, n: usize, parts: Parts) -> Draft {
    let confidence = confidence(&parts);
    let name: String = format!("{:?}", parts.assertion)
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect();
    let id = format!("d-{n:03}-{}-{}", parts.subject.id(), slug(&name));
    let note = parts.hedged.then(|| {
        "Hypothetical wording (would, could, may, if): drafted as a statement.".to_owned()
    });
    let claim = Claim {
        id: slug(&id),
        subject: parts.subject,
        assertion: parts.assertion,
        actor: parts.actor,
        counterpart: parts.counterpart,
        originators: parts.originators,
        via: parts.via,
        v1_source: None,
        scope: parts.scope,
        document: Some(document.to_owned()),
        quote: text.get(parts.span.clone()).map(str::to_owned),
        record: None,
        when: parts.when,
        credibility: Credibility(6),
        note,
    };
    Draft {
        claim,
        span: parts.span,
        why: parts.why,
        confidence,
    }
}
