//! What the sidebar, the reports and the exports say about a place: the claims that
//! count, those that decided, and an explanation in plain sentences (see `prose`).

use std::collections::BTreeSet;

use super::place::{Decision, resolve_place};
use super::prose::{Prose, capitalised};
use super::voice::VoiceMask;
use super::{Engine, Resolution, Status, View};
use crate::model::{Claim, ControlEffect, Subject};

/// Everything the sidebar and exports say about one place at one moment.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceDetails {
    /// Claims about the place or its regions, up to the moment, that the view counts
    /// (claim indices, oldest first).
    pub claims: Vec<usize>,
    /// Ids of the sources of those claims, sorted.
    pub sources: Vec<String>,
    /// The claims that decided the status (claim indices, sorted).
    pub deciding: Vec<usize>,
    /// Plain sentences: who holds it, how sure and why, in the deciding sources' words
    /// and dates. No claim ids: they are in `deciding`.
    pub explanation: String,
}

impl Engine {
    /// Details of place `p` in `resolution`, which must come from `view`.
    pub fn place_details(&self, view: &View, resolution: &Resolution, p: usize) -> PlaceDetails {
        let scenario = self.scenario();
        let mask = self.voice_mask(view);
        let claims: Vec<usize> = self
            .index()
            .claims_until(p, resolution.at_secs)
            .iter()
            .map(|&c| c as usize)
            .filter(|&c| mask.counts(self.index().facts[c].voice))
            .collect();
        let sources: BTreeSet<String> = claims
            .iter()
            .flat_map(|&c| scenario.claims[c].sources().map(str::to_owned))
            .collect();
        let mut decision = Decision::default();
        resolve_place(self.index(), p, resolution.at_secs, &mask, &mut decision);
        let mut deciding: Vec<usize> = decision
            .group
            .iter()
            .chain(&decision.fighting)
            .chain(&decision.denials)
            .map(|&c| c as usize)
            .collect();
        deciding.sort_unstable();
        deciding.dedup();
        PlaceDetails {
            explanation: self.explanation(resolution, p, &decision, &mask),
            claims,
            sources: sources.into_iter().collect(),
            deciding,
        }
    }

    fn explanation(
        &self,
        resolution: &Resolution,
        p: usize,
        decision: &Decision,
        mask: &VoiceMask,
    ) -> String {
        let scenario = self.scenario();
        let prose = Prose::new(scenario);
        let state = resolution.places[p];
        let place = &scenario.places[p];
        let accounts = |claims: &[u32]| {
            let mut claims = claims.to_vec();
            claims.sort_unstable();
            claims
                .iter()
                .map(|&c| prose.account(&scenario.claims[c as usize]))
                .collect::<Vec<_>>()
                .join("; ")
        };
        let holder = state
            .controller
            .map_or_else(|| "no one".to_owned(), |f| prose.faction(f));
        let for_controller: Vec<u32> = decision
            .group
            .iter()
            .copied()
            .filter(|&c| self.supports(c as usize, state.controller))
            .collect();
        let against: Vec<u32> = decision
            .group
            .iter()
            .copied()
            .filter(|c| !for_controller.contains(c))
            .collect();
        let mut text = match state.status {
            Status::Unknown if state.basis.is_none() => {
                return format!("No claim about {} up to this moment.", place.name);
            }
            Status::Unknown => format!(
                "No one is said to hold {}: {}.",
                place.name,
                accounts(&decision.group)
            ),
            Status::Assumed => {
                return format!("Assumed held by {holder} (what-if); no claim says so.");
            }
            Status::Contested if !against.is_empty() => format!(
                "Disputed: {}. The map shows {holder}, whose account weighs more.",
                accounts(&decision.group)
            ),
            Status::Contested => format!(
                "Held by {holder}, but contested: {}.",
                accounts(&decision.fighting)
            ),
            Status::Confirmed => {
                // Lead with what confirms it: the same rule the grading applies.
                let fresh_from_secs = resolution
                    .at_secs
                    .saturating_sub(self.index().freshness_secs);
                let (confirming, also): (Vec<u32>, Vec<u32>) =
                    for_controller.iter().partition(|&&c| {
                        let fact = &self.index().facts[c as usize];
                        state.controller.is_some_and(|winner| {
                            fact.effective_secs >= fresh_from_secs
                                && self.index().voices.independent_of(
                                    fact.voice,
                                    winner,
                                    mask,
                                    &self.index().allied,
                                )
                        })
                    });
                let mut text = format!(
                    "Held by {holder}, confirmed by a source that does not speak for it: {}.",
                    accounts(&confirming)
                );
                if !also.is_empty() {
                    text.push_str(&format!(" Also: {}.", accounts(&also)));
                }
                text
            }
            Status::Claimed => format!(
                "Held by {holder}, but only its own side says so: {}.",
                accounts(&for_controller)
            ),
            Status::Inferred => format!(
                "Held by {holder}, inferred from a claim about a wider area: {}.",
                accounts(&for_controller)
            ),
            Status::Stale => self.stale_sentence(resolution, p, &holder),
        };
        if state.status == Status::Contested && against.is_empty() && !for_controller.is_empty() {
            text.push(' ');
            text.push_str(&capitalised(&accounts(&for_controller)));
            text.push('.');
        }
        if let Some(denial) = state.denial {
            text.push(' ');
            text.push_str(&capitalised(&accounts(&[denial])));
            text.push('.');
        }
        text
    }

    /// "Held by X, last reported 5 days ago by the rebels (Friday 6 December)." and that
    /// report in its own words.
    fn stale_sentence(&self, resolution: &Resolution, p: usize, holder: &str) -> String {
        let scenario = self.scenario();
        let prose = Prose::new(scenario);
        let state = resolution.places[p];
        let Some(c) = state.support.or(state.basis).map(|c| c as usize) else {
            return format!("Held by {holder}; no recent report says so.");
        };
        let claim = &scenario.claims[c];
        let effective = self.claim_effective_secs(c).unwrap_or(resolution.at_secs);
        let days = (resolution.at_secs - effective).max(0) / 86_400;
        let ago = match days {
            0 => "less than a day ago".to_owned(),
            1 => "1 day ago".to_owned(),
            n => format!("{n} days ago"),
        };
        let source = scenario
            .source_index(claim.first_originator())
            .map_or(claim.first_originator(), |s| &scenario.sources[s].name);
        format!(
            "Held by {holder}, last reported {ago} by {source} ({}). {}.",
            prose.date(effective, "%A %-d %B"),
            capitalised(&prose.account(claim))
        )
    }

    fn supports(&self, c: usize, controller: Option<u16>) -> bool {
        match (self.index().facts[c].effect, controller) {
            (ControlEffect::Sets(f), Some(g)) => f == g,
            (ControlEffect::Leaves(f), g) => g != Some(f),
            _ => false,
        }
    }

    /// The claim in plain words, without its id (callers that need the id have the
    /// claim): "the rebels (party to the fight, graded D): the Rebel coalition (HTS-led)
    /// captured Aleppo from the Syrian government (Assad) in the week around 30 November".
    pub fn cite(&self, claim: &Claim) -> String {
        Prose::new(self.scenario()).citation(claim)
    }

    /// One side's account of a claim, as a sentence: "The rebels say they captured
    /// Deir ez-Zor … (“…”, reported 7 December)." Without the claim's id.
    pub fn account(&self, claim: &Claim) -> String {
        format!(
            "{}.",
            capitalised(&Prose::new(self.scenario()).account(claim))
        )
    }

    /// Claims about a side or a person (which never colour the map) that `view` counts
    /// and that take effect by `at_secs`, oldest first (claim indices).
    pub fn side_claims(&self, view: &View, at_secs: i64) -> Vec<usize> {
        let scenario = self.scenario();
        let mut claims: Vec<(i64, usize)> = scenario
            .claims
            .iter()
            .enumerate()
            .filter(|(_, claim)| matches!(claim.subject, Subject::Faction(_) | Subject::Person(_)))
            .filter_map(|(c, claim)| {
                let secs = self.claim_effective_secs(c)?;
                (secs <= at_secs && view.counts_claim(scenario, claim)).then_some((secs, c))
            })
            .collect();
        claims.sort_unstable();
        claims.into_iter().map(|(_, c)| c).collect()
    }
}
