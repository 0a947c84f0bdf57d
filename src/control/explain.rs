use std::collections::BTreeSet;
use std::fmt::Write as _;

use super::place::{Decision, resolve_place};
use super::{Engine, Resolution, Status, View};
use crate::model::{Claim, ControlEffect};

/// Everything the sidebar and exports say about one place at one moment.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceDetails {
    /// Claims about the place or its regions, up to the moment, that the view counts
    /// (claim indices, oldest first).
    pub claims: Vec<usize>,
    /// Ids of the sources of those claims, sorted.
    pub sources: Vec<String>,
    /// The claims that decided the status (claim indices).
    pub deciding: Vec<usize>,
    /// Plain words: who holds it, how sure, and which claims say so.
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
            explanation: self.explanation(resolution, p, &decision),
            claims,
            sources: sources.into_iter().collect(),
            deciding,
        }
    }

    fn explanation(&self, resolution: &Resolution, p: usize, decision: &Decision) -> String {
        let scenario = self.scenario();
        let state = resolution.places[p];
        let place = &scenario.places[p];
        let faction = |f: Option<u16>| {
            f.and_then(|f| scenario.factions.get(f as usize))
                .map_or("no one".to_owned(), |f| f.name.clone())
        };
        let mut text = String::new();
        let _ = match state.status {
            Status::Unknown if state.basis.is_none() => {
                return format!("No claim about {} up to this moment.", place.name);
            }
            Status::Unknown => write!(text, "{}: no one is said to hold it.", place.name),
            Status::Assumed => {
                return format!(
                    "Assumed held by {} (what-if); no claim says so.",
                    faction(state.controller)
                );
            }
            status => write!(
                text,
                "Held by {} ({}: {}).",
                faction(state.controller),
                status.as_str(),
                status.definition()
            ),
        };
        let for_controller: Vec<u32> = decision
            .group
            .iter()
            .copied()
            .filter(|&c| self.supports(c as usize, state.controller))
            .collect();
        if !for_controller.is_empty() {
            text.push_str(" For: ");
            self.cite_all(&mut text, &for_controller);
        }
        let against: Vec<u32> = decision
            .group
            .iter()
            .copied()
            .filter(|c| !for_controller.contains(c))
            .collect();
        if !against.is_empty() {
            text.push_str(" Disagreeing: ");
            self.cite_all(&mut text, &against);
        }
        if !decision.fighting.is_empty() {
            text.push_str(" Fighting reported: ");
            self.cite_all(&mut text, &decision.fighting);
        }
        if let Some(denial) = state.denial {
            text.push_str(" Denied or not acknowledged: ");
            self.cite_all(&mut text, &[denial]);
        }
        text
    }

    fn supports(&self, c: usize, controller: Option<u16>) -> bool {
        match (self.index().facts[c].effect, controller) {
            (ControlEffect::Sets(f), Some(g)) => f == g,
            (ControlEffect::Leaves(f), g) => g != Some(f),
            _ => false,
        }
    }

    fn cite_all(&self, text: &mut String, claims: &[u32]) {
        for (i, &c) in claims.iter().enumerate() {
            if i > 0 {
                text.push_str("; ");
            }
            text.push_str(&self.cite(&self.scenario().claims[c as usize]));
        }
        text.push('.');
    }

    /// "rebel sources (party to the fight, D): Rebels captured Homs (2024-12-06, day) [c-001]".
    pub fn cite(&self, claim: &Claim) -> String {
        let scenario = self.scenario();
        let source = scenario
            .source_index(claim.first_originator())
            .map(|s| &scenario.sources[s]);
        let actor = scenario.faction_short(claim.actor.as_deref());
        let subject_name = scenario.subject_name(&claim.subject);
        let said = format!("{} {}", claim.assertion.label(), subject_name);
        let said = if actor.is_empty() {
            said
        } else {
            format!("{actor} {said}")
        };
        format!(
            "{} ({}, {:?}): {said} ({}, {}) [{}]",
            source.map_or(claim.first_originator(), |s| s.name.as_str()),
            source.map_or("", |s| s.kind.label()),
            source.map_or(crate::model::Reliability::F, |s| s.reliability),
            claim.when.at,
            claim.when.precision.label(),
            claim.id
        )
    }
}
