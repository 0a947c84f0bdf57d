//! One claim's compact facts, read through the scenario's id look-ups: shared by the
//! full index build and the incremental update after a claim edit, so both give the
//! same facts for the same claim.

use rustc_hash::FxHashMap;

use super::index::{ClaimFacts, FIGHTING_LASTS_SECS, FactionIx, SIEGE_LASTS_SECS};
use super::scope::{self, Target};
use super::voice::Voices;
use crate::model::{Assertion, Claim, Scenario, Subject, TimeSpan};

/// The scenario's ids by kind, each to its index, and the offset dates are read in.
pub struct Lookup<'a> {
    factions: FxHashMap<&'a str, usize>,
    sources: FxHashMap<&'a str, usize>,
    places: FxHashMap<&'a str, usize>,
    /// Region ids to region indices.
    pub regions: FxHashMap<&'a str, usize>,
    offset: jiff::tz::Offset,
}

impl<'a> Lookup<'a> {
    /// The look-ups of `scenario`.
    pub fn new(scenario: &'a Scenario) -> Self {
        Self {
            factions: positions(&scenario.factions, |f| &f.id),
            sources: positions(&scenario.sources, |s| &s.id),
            places: positions(&scenario.places, |p| &p.id),
            regions: positions(&scenario.regions, |r| &r.id),
            offset: scenario.offset(),
        }
    }

    /// The faction index of an optional faction id that resolves.
    pub fn faction(&self, id: &Option<String>) -> Option<FactionIx> {
        id.as_deref()
            .and_then(|id| self.factions.get(id))
            .map(|&i| i as FactionIx)
    }

    /// A claim's actor and counterpart factions.
    pub fn sides(&self, claim: &Claim) -> [Option<FactionIx>; 2] {
        [self.faction(&claim.actor), self.faction(&claim.counterpart)]
    }

    /// A claim's facts with its first originator as its voice (see [`give_voice`] for
    /// the others), and where it is filed.
    pub fn claim(&self, scenario: &Scenario, claim: &Claim) -> (ClaimFacts, Option<Target>) {
        let span = claim
            .when
            .span(self.offset)
            .unwrap_or(TimeSpan::centred(i64::MAX / 2, i64::MAX / 2));
        let source = self
            .sources
            .get(claim.first_originator())
            .copied()
            .unwrap_or(0);
        let reliability = scenario
            .sources
            .get(source)
            .map_or(1, |s| s.reliability.weight());
        let lasts = match claim.assertion {
            Assertion::FightingAt => FIGHTING_LASTS_SECS,
            _ => SIEGE_LASTS_SECS,
        };
        let effect = claim
            .assertion
            .effect(self.faction(&claim.actor), self.faction(&claim.counterpart));
        let target = scope::target(claim, effect, &self.places, &self.regions);
        let facts = ClaimFacts {
            effective_secs: span.effective_secs,
            span,
            effect,
            contested_until_secs: span.end_secs.saturating_add(lasts),
            ended_by_lull: claim.assertion == Assertion::FightingAt,
            transition: claim.assertion.is_transition(),
            loser: match claim.assertion {
                Assertion::Captured | Assertion::DeclaredControl => {
                    self.faction(&claim.counterpart)
                }
                Assertion::Withdrew | Assertion::NegotiatedHandover => self.faction(&claim.actor),
                _ => None,
            },
            voice: source as u16,
            weight: reliability * claim.credibility.weight(),
            region_level: matches!(claim.subject, Subject::Region(_)),
        };
        (facts, target)
    }
}

/// For a claim with several originators or with relays: interns its voice into
/// `voices` and weighs it by the voice's best originator. Claims must be given in
/// scenario order for voices to be numbered as a full build numbers them.
pub fn give_voice(voices: &mut Voices, scenario: &Scenario, claim: &Claim, fact: &mut ClaimFacts) {
    if claim.originators.len() != 1 || !claim.via.is_empty() {
        fact.voice = voices.intern(scenario, claim);
        let reliability = voices
            .voices
            .get(fact.voice as usize)
            .map_or(1, |v| v.reliability);
        fact.weight = reliability * claim.credibility.weight();
    }
}

/// The index of each id in `items` (the first, should an id repeat).
fn positions<T>(items: &[T], id: impl Fn(&T) -> &String) -> FxHashMap<&str, usize> {
    let mut positions = FxHashMap::with_capacity_and_hasher(items.len(), Default::default());
    for (i, item) in items.iter().enumerate() {
        positions.entry(id(item).as_str()).or_insert(i);
    }
    positions
}
