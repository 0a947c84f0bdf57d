//! Who says a draft and when: the innermost attribution over its words (else the
//! scenario's narration source), and the nearest time expression (else the
//! publication time, as reported).

use super::attribution::Attribution;
use super::dates::TimeExpr;
use super::draft::{SaidBy, evidence};
use super::{ArticleInput, EvidenceKind as Kind, Proposals};
use crate::model::{Precision, Scenario, SourceKind, TimeRef};

/// The innermost attribution covering byte `at`.
pub(super) fn covering(attributions: &[Attribution], at: usize) -> Option<&Attribution> {
    attributions
        .iter()
        .filter(|a| a.covers.contains(&at))
        .max_by_key(|a| a.covers.start)
}

/// Originators, relays and how they were found, with their evidence.
pub(super) fn said(
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
pub(super) fn when(
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
