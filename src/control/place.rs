//! Resolving one place at one moment from its claims.

use super::Status;
use super::evidence::decide;
use super::index::{ClaimFacts, ControlIndex, FactionIx, MAX_SPAN_SECS, SIEGE_LASTS_SECS};
use super::voice::VoiceMask;
use crate::model::{ControlEffect, TimeSpan};

/// Who holds one place at a moment, how sure that is, and the claims that decided it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PlaceState {
    /// Faction index of the controller, if any.
    pub controller: Option<FactionIx>,
    /// How sure the map can be.
    pub status: Status,
    /// The strongest claim for the controller (claim index).
    pub basis: Option<u32>,
    /// The strongest claim that disagrees, or the fighting that contests the place.
    pub rival: Option<u32>,
    /// A claim by a side denying it lost the place, if any.
    pub denial: Option<u32>,
    /// The newest claim supporting the controller (claim index): when the place was
    /// last reported held, which says since when a stale place is stale.
    pub support: Option<u32>,
}

/// The claims one resolution looked at, for explanations (claim indices).
#[derive(Clone, Debug, Default)]
pub struct Decision {
    /// The latest control claims that overlap in time (the ones that decided).
    pub group: Vec<u32>,
    /// Fighting or sieges active at the moment.
    pub fighting: Vec<u32>,
    /// Denials of the loss.
    pub denials: Vec<u32>,
    /// Scratch: `group` with each claim's facts, so deciding reads no other memory.
    group_facts: Vec<(u32, ClaimFacts)>,
    /// Scratch: `denials` with what each denies.
    denial_effects: Vec<(u32, ControlEffect<FactionIx>)>,
}

impl Decision {
    fn clear(&mut self) {
        self.group.clear();
        self.fighting.clear();
        self.denials.clear();
        self.group_facts.clear();
        self.denial_effects.clear();
    }
}

/// Resolves one place at `at_secs` counting only the voices `mask` counts.
/// `decision` is scratch space; afterwards it holds the claims that decided.
pub fn resolve_place(
    index: &ControlIndex,
    place: usize,
    at_secs: i64,
    mask: &VoiceMask,
    decision: &mut Decision,
) -> PlaceState {
    decision.clear();
    let (claims, facts) = index.facts_until(place, at_secs);
    let counts = |fact: &ClaimFacts| mask.counts(fact.voice);

    // Walk back from the newest claim. The latest control claim and those overlapping
    // it in time decide the controller. Fighting counts while it lasts, unless a lull
    // or a change of hands came after it.
    let held_before = latest_place_level_controller(facts, &counts);
    // A change of hands claimed for a whole region applies to the places held by the
    // side said to have lost it, not to places a third party holds.
    let applies = |fact: &ClaimFacts| match (fact.region_level, fact.loser, held_before) {
        (true, Some(loser), Some(holder)) => index.allied[loser as usize][holder as usize],
        _ => true,
    };
    let mut window: Option<TimeSpan> = None;
    let mut lull_secs = i64::MIN;
    // The newest change of hands seen so far (the walk goes newest first). Fighting is
    // ended by a change of hands or a lull strictly after it, so that claims at the same
    // moment count alike whatever order they were filed in.
    let mut newest_change_secs: Option<i64> = None;
    let contests_horizon = at_secs.saturating_sub(SIEGE_LASTS_SECS + MAX_SPAN_SECS);
    for (&c, fact) in claims
        .iter()
        .zip(facts)
        .rev()
        .filter(|(_, fact)| counts(fact))
    {
        let in_window = match window {
            None => true,
            Some(window) => {
                let past_window = fact.effective_secs < window.start_secs - MAX_SPAN_SECS;
                if past_window
                    && (newest_change_secs.is_some_and(|secs| secs > fact.effective_secs)
                        || fact.effective_secs < contests_horizon)
                {
                    break;
                }
                !past_window && fact.span.overlaps(&window)
            }
        };
        match fact.effect {
            ControlEffect::Sets(_) | ControlEffect::Leaves(_) if applies(fact) => {
                if in_window {
                    window.get_or_insert(fact.span);
                    decision.group_facts.push((c, *fact));
                }
                if fact.transition {
                    newest_change_secs.get_or_insert(fact.effective_secs);
                }
            }
            ControlEffect::Denies(_) if in_window => decision.denial_effects.push((c, fact.effect)),
            ControlEffect::Calms => lull_secs = lull_secs.max(fact.effective_secs),
            ControlEffect::Contests
                if newest_change_secs.is_none_or(|secs| secs <= fact.effective_secs) =>
            {
                let calmed = fact.ended_by_lull && lull_secs > fact.effective_secs;
                if at_secs <= fact.contested_until_secs && !calmed {
                    decision.fighting.push(c);
                }
            }
            _ => {}
        }
    }

    // A "holds" older than the newest change of hands is the state before it, not a
    // disagreement.
    if let Some(newest_change) = decision
        .group_facts
        .iter()
        .filter(|(_, f)| f.transition)
        .map(|(_, f)| f.effective_secs)
        .max()
    {
        decision
            .group_facts
            .retain(|(_, f)| f.transition || f.effective_secs >= newest_change);
    }

    // A claim about the place itself beats one about its whole region.
    if decision.group_facts.iter().any(|(_, f)| !f.region_level) {
        decision.group_facts.retain(|(_, f)| !f.region_level);
    }
    decision
        .group
        .extend(decision.group_facts.iter().map(|&(c, _)| c));
    decision
        .denials
        .extend(decision.denial_effects.iter().map(|&(c, _)| c));
    let state = decide(index, mask, &decision.group_facts, at_secs);
    let rival_fight = decision.fighting.first().copied();
    let denial = decision
        .denial_effects
        .iter()
        .find(|(_, effect)| matches!(effect, ControlEffect::Denies(f) if Some(*f) != state.controller))
        .map(|&(c, _)| c);
    // The newest claim that the controller holds it, and whether it has aged out.
    let support = state.controller.and_then(|winner| {
        claims
            .iter()
            .zip(facts)
            .rev()
            .find(|(_, f)| counts(f) && applies(f) && f.effect == ControlEffect::Sets(winner))
    });
    let stale = support
        .is_some_and(|(_, f)| f.effective_secs < at_secs.saturating_sub(index.freshness_secs));
    let state = PlaceState {
        denial,
        support: support.map(|(&c, _)| c),
        ..state
    };
    match (state.status, rival_fight) {
        (Status::Unknown, _) => state,
        (_, Some(fight)) => PlaceState {
            status: Status::Contested,
            rival: state.rival.or(Some(fight)),
            ..state
        },
        _ if stale => PlaceState {
            status: Status::Stale,
            ..state
        },
        _ => state,
    }
}

/// The controller named by the newest claim about the place itself, if any.
fn latest_place_level_controller(
    facts: &[ClaimFacts],
    counts: &impl Fn(&ClaimFacts) -> bool,
) -> Option<FactionIx> {
    facts
        .iter()
        .rev()
        .filter(|fact| counts(fact) && !fact.region_level)
        .find_map(|fact| match fact.effect {
            ControlEffect::Sets(f) => Some(f),
            _ => None,
        })
}
