//! Grading the evidence for a place's controller: weight per side (a statement reported
//! twice counts once), independence (only originators, never relays, corroborate) and
//! freshness.

use super::Status;
use super::index::{ClaimFacts, ControlIndex, FactionIx};
use super::place::PlaceState;
use super::voice::VoiceMask;
use crate::model::ControlEffect;

/// Picks the controller from overlapping control claims (newest first, with their
/// facts) and grades how sure it is at `at_secs`, before fighting and staleness.
pub fn decide(
    index: &ControlIndex,
    mask: &VoiceMask,
    group: &[(u32, ClaimFacts)],
    at_secs: i64,
) -> PlaceState {
    // Total weight per asserted controller; ties go to the newest claim (first in `group`).
    const INLINE: usize = 8;
    let mut totals: [(FactionIx, u32, u32); INLINE] = [(0, 0, 0); INLINE];
    let mut spill: Vec<(FactionIx, u32, u32)> = Vec::new(); // (faction, weight, best claim)
    let mut n = 0;
    for (i, &(c, fact)) in group.iter().enumerate() {
        if let ControlEffect::Sets(f) = fact.effect {
            if reported_again_before(index, group, i) {
                continue;
            }
            let known = totals[..n]
                .iter_mut()
                .chain(spill.iter_mut())
                .find(|(g, _, _)| *g == f);
            match known {
                Some(total) => total.1 += fact.weight,
                None if n < INLINE => {
                    totals[n] = (f, fact.weight, c);
                    n += 1;
                }
                None => spill.push((f, fact.weight, c)),
            }
        }
    }
    let totals = || totals[..n].iter().chain(spill.iter());
    let Some(&(winner, _, basis)) =
        totals().reduce(|best, next| if next.1 > best.1 { next } else { best })
    else {
        // Only withdrawals: someone left and no one is said to hold it.
        return PlaceState {
            basis: (0..group.len())
                .find(|&i| !reported_again_before(index, group, i))
                .map(|i| group[i].0),
            ..PlaceState::default()
        };
    };

    let left_by_winner = group
        .iter()
        .find(|(_, f)| f.effect == ControlEffect::Leaves(winner))
        .map(|&(c, _)| c);
    let rival = totals()
        .filter(|(f, _, _)| *f != winner)
        .max_by_key(|(_, weight, _)| *weight)
        .map(|&(_, _, claim)| claim)
        .or(left_by_winner);

    let supporting = || {
        group.iter().map(|(_, f)| f).filter(|f| match f.effect {
            ControlEffect::Sets(f) => f == winner,
            ControlEffect::Leaves(f) => f != winner,
            _ => false,
        })
    };
    let voices = &index.voices;
    let context_only = |f: &ClaimFacts| {
        voices
            .voices
            .get(f.voice as usize)
            .is_some_and(|v| v.context_only)
    };
    let fresh_from_secs = at_secs.saturating_sub(index.freshness_secs);
    let status = if rival.is_some() {
        Status::Contested
    } else if supporting().all(|f| f.region_level || context_only(f)) {
        Status::Inferred
    } else if supporting().any(|f| {
        f.effective_secs >= fresh_from_secs
            && voices.independent_of(f.voice, winner, mask, &index.allied)
    }) {
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
        support: None,
    }
}

/// True when `group[i]` repeats a statement also in `group` further on (older or
/// filed first): the same originators, effect and moment. Only the first report of a
/// statement counts, so relaying or re-reporting it changes neither weight nor order.
fn reported_again_before(index: &ControlIndex, group: &[(u32, ClaimFacts)], i: usize) -> bool {
    let speakers = |f: &ClaimFacts| {
        index
            .voices
            .voices
            .get(f.voice as usize)
            .map(|v| v.speakers)
    };
    let (_, fact) = group[i];
    group[i + 1..]
        .iter()
        .take_while(|(_, other)| other.effective_secs == fact.effective_secs)
        .any(|(_, other)| other.effect == fact.effect && speakers(other) == speakers(&fact))
}
