//! Every place's state over the whole timeline, for one set of counted sources.
//!
//! A place's state changes only when one of its claims takes effect or when fighting
//! stops keeping it contested (`contested_until_secs` passes) or a control claim ages
//! out of the freshness window (`effective_secs + window + 1`); between those moments
//! [`resolve_place`] returns the same state. (The walk's horizon only skips fighting
//! that has already ended.) So resolving each place once at each of those moments gives
//! its state at every moment, and resolving at a new moment, as when the timeline is
//! dragged, is one binary search per place instead of a walk through its claims.

use std::sync::atomic::{AtomicU32, Ordering};

use super::PlaceState;
use super::incremental::Moves;
use super::index::ControlIndex;
use super::place::{Decision, resolve_place};
use super::voice::VoiceMask;
use crate::model::ControlEffect;

/// Per place, the moments its state changes and the state from each on.
pub struct Timeline {
    /// `secs[offsets[p]..offsets[p + 1]]` are place `p`'s segments' starts; the first
    /// is `i64::MIN`.
    offsets: Vec<u32>,
    secs: Vec<i64>,
    states: Vec<PlaceState>,
    /// Per place, the segment of the last lookup (relative to its first): scrubbing
    /// usually lands in it or next to it.
    hints: Vec<AtomicU32>,
}

impl Timeline {
    /// Resolves every place at every moment its state may change, on `threads` threads.
    pub fn build(index: &ControlIndex, places: usize, mask: &VoiceMask, threads: usize) -> Self {
        let chunk = |range: std::ops::Range<usize>| {
            let mut scratch = Decision::default();
            let mut counts = Vec::with_capacity(range.len());
            let mut secs = Vec::new();
            let mut states = Vec::new();
            for place in range {
                let before = secs.len();
                segments(index, place, mask, &mut scratch, &mut secs, &mut states);
                counts.push((secs.len() - before) as u32);
            }
            (counts, secs, states)
        };
        let threads = threads.clamp(1, places.max(1));
        let per_thread = places.div_ceil(threads).max(1);
        let parts: Vec<(Vec<u32>, Vec<i64>, Vec<PlaceState>)> = std::thread::scope(|scope| {
            let handles: Vec<_> = (1..threads)
                .map(|t| {
                    let range = (t * per_thread).min(places)..((t + 1) * per_thread).min(places);
                    scope.spawn(move || chunk(range))
                })
                .collect();
            let mut parts = vec![chunk(0..per_thread.min(places))];
            for handle in handles {
                match handle.join() {
                    Ok(part) => parts.push(part),
                    Err(panic) => std::panic::resume_unwind(panic),
                }
            }
            parts
        });
        let mut offsets = Vec::with_capacity(places + 1);
        offsets.push(0u32);
        let mut secs = Vec::new();
        let mut states = Vec::new();
        for (counts, part_secs, part_states) in parts {
            for count in counts {
                let last = offsets.last().copied().unwrap_or(0);
                offsets.push(last + count);
            }
            secs.extend(part_secs);
            states.extend(part_states);
        }
        Self {
            hints: (0..places).map(|_| AtomicU32::new(0)).collect(),
            offsets,
            secs,
            states,
        }
    }

    /// This timeline after a claim edit ([`Moves`]), under the same mask: the places
    /// whose runs were rebuilt are resolved again from `index` (the edited one); every
    /// other place keeps its segments, with claim indices moved.
    pub fn patched(&self, index: &ControlIndex, mask: &VoiceMask, moves: &Moves) -> Self {
        let places = self.offsets.len() - 1;
        let extra = moves.places.len() * 4;
        let mut offsets = Vec::with_capacity(places + 1);
        let mut secs = Vec::with_capacity(self.secs.len() + extra);
        let mut states = Vec::with_capacity(self.states.len() + extra);
        offsets.push(0u32);
        let copy = |range: std::ops::Range<usize>,
                    offsets: &mut Vec<u32>,
                    secs: &mut Vec<i64>,
                    states: &mut Vec<PlaceState>| {
            if range.is_empty() {
                return;
            }
            let (start, end) = (
                self.offsets[range.start] as usize,
                self.offsets[range.end] as usize,
            );
            let shift = secs.len() as i64 - start as i64;
            offsets.extend(
                self.offsets[range.start + 1..=range.end]
                    .iter()
                    .map(|&o| (i64::from(o) + shift) as u32),
            );
            secs.extend_from_slice(&self.secs[start..end]);
            match moves.old_to_new {
                None => states.extend_from_slice(&self.states[start..end]),
                Some(_) => states.extend(self.states[start..end].iter().map(|s| moved(s, moves))),
            }
        };
        let mut scratch = Decision::default();
        let mut next = 0usize;
        for &p in &moves.places {
            let p = p as usize;
            copy(next..p, &mut offsets, &mut secs, &mut states);
            segments(index, p, mask, &mut scratch, &mut secs, &mut states);
            offsets.push(secs.len() as u32);
            next = p + 1;
        }
        copy(next..places, &mut offsets, &mut secs, &mut states);
        Self {
            hints: (0..places).map(|_| AtomicU32::new(0)).collect(),
            offsets,
            secs,
            states,
        }
    }

    /// [`Self::patched`] in place: claim indices moved, then each rebuilt place's
    /// segments spliced in, last place first.
    pub fn patch_in_place(&mut self, index: &ControlIndex, mask: &VoiceMask, moves: &Moves) {
        if moves.old_to_new.is_some() {
            for state in &mut self.states {
                *state = moved(state, moves);
            }
        }
        let mut scratch = Decision::default();
        let (mut secs, mut states) = (Vec::new(), Vec::new());
        for &p in moves.places.iter().rev() {
            let p = p as usize;
            secs.clear();
            states.clear();
            segments(index, p, mask, &mut scratch, &mut secs, &mut states);
            let (start, end) = (self.offsets[p] as usize, self.offsets[p + 1] as usize);
            self.secs.splice(start..end, secs.iter().copied());
            self.states.splice(start..end, states.iter().copied());
            let delta = secs.len() as i64 - (end - start) as i64;
            if delta != 0 {
                for offset in &mut self.offsets[p + 1..] {
                    *offset = (i64::from(*offset) + delta) as u32;
                }
            }
            self.hints[p].store(0, Ordering::Relaxed);
        }
    }

    /// Place `place`'s state at `at_secs`.
    pub fn state(&self, place: usize, at_secs: i64) -> PlaceState {
        let start = self.offsets[place] as usize;
        let end = self.offsets[place + 1] as usize;
        let secs = &self.secs[start..end];
        let hint = &self.hints[place];
        let within = |k: usize| {
            secs.get(k).is_some_and(|&from| from <= at_secs)
                && secs.get(k + 1).is_none_or(|&next| at_secs < next)
        };
        let last = hint.load(Ordering::Relaxed) as usize;
        let k = if within(last) {
            last
        } else if within(last + 1) {
            last + 1
        } else if last > 0 && within(last - 1) {
            last - 1
        } else {
            // The first segment starts at i64::MIN, so the point is at least 1.
            secs.partition_point(|&from| from <= at_secs).max(1) - 1
        };
        hint.store(k as u32, Ordering::Relaxed);
        self.states[start + k]
    }
}

/// Resolves `place` at every moment its state may change, appending each change's
/// start and the state from then on to `secs` and `states`.
fn segments(
    index: &ControlIndex,
    place: usize,
    mask: &VoiceMask,
    scratch: &mut Decision,
    secs: &mut Vec<i64>,
    states: &mut Vec<PlaceState>,
) {
    let moments = change_moments(index, place);
    secs.push(i64::MIN);
    states.push(resolve_place(index, place, i64::MIN, mask, scratch));
    for at in moments {
        let state = resolve_place(index, place, at, mask, scratch);
        if states.last() != Some(&state) {
            secs.push(at);
            states.push(state);
        }
    }
}

/// The moments place `place`'s state may change, sorted: a claim taking effect,
/// fighting ending, and a claim ageing out of the freshness window. The timeline and
/// the control intervals both resolve the place at each of them.
pub(super) fn change_moments(index: &ControlIndex, place: usize) -> Vec<i64> {
    let (_, facts) = index.facts_until(place, i64::MAX);
    let mut moments: Vec<i64> = Vec::with_capacity(facts.len() * 2);
    for fact in facts {
        moments.push(fact.effective_secs);
        match fact.effect {
            ControlEffect::Contests => moments.push(fact.contested_until_secs.saturating_add(1)),
            ControlEffect::Sets(_) | ControlEffect::Leaves(_) => moments.push(
                fact.effective_secs
                    .saturating_add(index.freshness_secs)
                    .saturating_add(1),
            ),
            _ => {}
        }
    }
    moments.sort_unstable();
    moments.dedup();
    moments
}

/// A state of an untouched place with its claim indices moved (its claims are all
/// untouched, so every one has a new index).
fn moved(state: &PlaceState, moves: &Moves) -> PlaceState {
    let claim = |c: Option<u32>| c.and_then(|c| moves.claim(c));
    PlaceState {
        basis: claim(state.basis),
        rival: claim(state.rival),
        denial: claim(state.denial),
        support: claim(state.support),
        ..*state
    }
}
