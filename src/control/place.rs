use super::Status;
use super::index::{ClaimFacts, ControlIndex, FactionIx, MAX_SPAN_SECS, SIEGE_LASTS_SECS};
use crate::model::ControlEffect;

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
}

impl Decision {
    fn clear(&mut self) {
        self.group.clear();
        self.fighting.clear();
        self.denials.clear();
    }
}

/// Resolves one place at `at_secs` counting only sources with `mask[source]`.
/// `decision` is scratch space; afterwards it holds the claims that decided.
pub fn resolve_place(
    index: &ControlIndex,
    place: usize,
    at_secs: i64,
    mask: &[bool],
    decision: &mut Decision,
) -> PlaceState {
    decision.clear();
    let claims = index.claims_until(place, at_secs);
    let facts = |c: u32| &index.facts[c as usize];
    let counts = |c: &u32| {
        mask.get(facts(*c).source as usize)
            .copied()
            .unwrap_or(false)
    };

    // Walk back from the newest claim. The latest control claim and those overlapping
    // it in time decide the controller. Fighting counts while it lasts, unless a lull
    // or a change of hands came after it.
    let held_before = latest_place_level_controller(index, claims, &counts);
    // A change of hands claimed for a whole region applies to the places held by the
    // side said to have lost it, not to places a third party holds.
    let applies = |fact: &ClaimFacts| match (fact.region_level, fact.loser, held_before) {
        (true, Some(loser), Some(holder)) => index.allied[loser as usize][holder as usize],
        _ => true,
    };
    let mut latest: Option<u32> = None;
    let mut lull_secs = i64::MIN;
    let mut changed_hands_after = false;
    let contests_horizon = at_secs.saturating_sub(SIEGE_LASTS_SECS + MAX_SPAN_SECS);
    for &c in claims.iter().rev().filter(|c| counts(c)) {
        let fact = facts(c);
        let in_window = match latest {
            None => true,
            Some(l) => {
                let window = facts(l).span;
                let past_window = fact.effective_secs < window.start_secs - MAX_SPAN_SECS;
                if past_window && (changed_hands_after || fact.effective_secs < contests_horizon) {
                    break;
                }
                !past_window && fact.span.overlaps(&window)
            }
        };
        match fact.effect {
            ControlEffect::Sets(_) | ControlEffect::Leaves(_) if applies(fact) => {
                if in_window {
                    latest.get_or_insert(c);
                    decision.group.push(c);
                }
                changed_hands_after |= fact.transition;
            }
            ControlEffect::Denies(_) if in_window => decision.denials.push(c),
            ControlEffect::Calms => lull_secs = lull_secs.max(fact.effective_secs),
            ControlEffect::Contests if !changed_hands_after => {
                let calmed = fact.ended_by_lull && lull_secs >= fact.effective_secs;
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
        .group
        .iter()
        .map(|&c| facts(c))
        .filter(|f| f.transition)
        .map(|f| f.effective_secs)
        .max()
    {
        decision
            .group
            .retain(|&c| facts(c).transition || facts(c).effective_secs >= newest_change);
    }

    // A claim about the place itself beats one about its whole region.
    if decision.group.iter().any(|&c| !facts(c).region_level) {
        decision.group.retain(|&c| !facts(c).region_level);
    }
    let state = decide(index, &decision.group, |c| facts(c));
    let rival_fight = decision.fighting.first().copied();
    let denial = decision.denials.iter().copied().find(
        |&c| matches!(facts(c).effect, ControlEffect::Denies(f) if Some(f) != state.controller),
    );
    match (state.status, rival_fight) {
        (Status::Unknown, _) | (_, None) => PlaceState { denial, ..state },
        (_, Some(fight)) => PlaceState {
            status: Status::Contested,
            rival: state.rival.or(Some(fight)),
            denial,
            ..state
        },
    }
}

/// Picks the controller from overlapping control claims and grades how sure it is.
fn decide<'a>(
    index: &ControlIndex,
    group: &[u32],
    facts: impl Fn(u32) -> &'a ClaimFacts,
) -> PlaceState {
    // Total weight per asserted controller; ties go to the newest claim (first in `group`).
    let mut totals: Vec<(FactionIx, u32, u32)> = Vec::new(); // (faction, weight, best claim)
    for &c in group {
        if let ControlEffect::Sets(f) = facts(c).effect {
            match totals.iter_mut().find(|(g, _, _)| *g == f) {
                Some(total) => total.1 += facts(c).weight,
                None => totals.push((f, facts(c).weight, c)),
            }
        }
    }
    let Some(&(winner, _, basis)) = totals
        .iter()
        .reduce(|best, next| if next.1 > best.1 { next } else { best })
    else {
        // Only withdrawals: someone left and no one is said to hold it.
        return PlaceState {
            basis: group.first().copied(),
            ..PlaceState::default()
        };
    };

    let left_by_winner = group
        .iter()
        .copied()
        .find(|&c| facts(c).effect == ControlEffect::Leaves(winner));
    let rival = totals
        .iter()
        .filter(|(f, _, _)| *f != winner)
        .max_by_key(|(_, weight, _)| *weight)
        .map(|&(_, _, claim)| claim)
        .or(left_by_winner);

    let supporting = || {
        group.iter().copied().filter(|&c| match facts(c).effect {
            ControlEffect::Sets(f) => f == winner,
            ControlEffect::Leaves(f) => f != winner,
            _ => false,
        })
    };
    let status = if rival.is_some() {
        Status::Contested
    } else if supporting().all(|c| facts(c).region_level) {
        Status::Inferred
    } else if supporting().any(|c| is_independent_of(index, facts(c).source, winner)) {
        Status::Confirmed
    } else {
        Status::Claimed
    };
    PlaceState {
        controller: Some(winner),
        status,
        basis: Some(basis),
        rival,
        denial: None,
    }
}

/// A source corroborates `faction`'s control when it does not speak for that faction
/// or its allies (a neutral source, or the side that lost it acknowledging).
fn is_independent_of(index: &ControlIndex, source: u16, faction: FactionIx) -> bool {
    match index
        .source_affiliation
        .get(source as usize)
        .copied()
        .flatten()
    {
        None => true,
        Some(affiliation) => !index.allied[faction as usize][affiliation as usize],
    }
}

/// The controller named by the newest claim about the place itself, if any.
fn latest_place_level_controller(
    index: &ControlIndex,
    claims: &[u32],
    counts: &impl Fn(&u32) -> bool,
) -> Option<FactionIx> {
    claims
        .iter()
        .rev()
        .filter(|c| counts(c))
        .map(|&c| &index.facts[c as usize])
        .filter(|fact| !fact.region_level)
        .find_map(|fact| match fact.effect {
            ControlEffect::Sets(f) => Some(f),
            _ => None,
        })
}
