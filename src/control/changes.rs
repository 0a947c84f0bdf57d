//! What changed hands: between two resolutions, at a step of the timeline, and who
//! could plausibly take a place next. The window's timeline, comparison and what-if
//! read these; none recomputes them.

use super::engine::{Engine, Resolution};
use super::index::FactionIx;
use super::view::View;

/// A place whose holder differs between two moments.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HolderChange {
    /// Place index.
    pub place: usize,
    /// The holder at the earlier moment.
    pub before: Option<FactionIx>,
    /// The holder at the later moment.
    pub after: Option<FactionIx>,
}

/// The holder changes a step of the timeline made: the step's moment (when a claim
/// took effect) and the places whose holder it changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StepChanges {
    /// The moment of the step, Unix seconds.
    pub step_secs: i64,
    /// The places that changed hands at that moment, in place order.
    pub changes: Vec<HolderChange>,
}

impl Engine {
    /// The places whose holder differs between `earlier` and `later`, in place order.
    pub fn holder_changes(&self, earlier: &Resolution, later: &Resolution) -> Vec<HolderChange> {
        earlier
            .places
            .iter()
            .zip(&later.places)
            .enumerate()
            .filter(|(_, (a, b))| a.controller != b.controller)
            .map(|(place, (a, b))| HolderChange {
                place,
                before: a.controller,
                after: b.controller,
            })
            .collect()
    }

    /// The step of the timeline shown at `at_secs` (the last moment at or before it
    /// when a claim takes effect) and what changed hands then; `None` before the first.
    pub fn step_changes(&self, view: &View, at_secs: i64) -> Option<StepChanges> {
        let events = self.event_secs();
        let step_secs = *events.get(events.partition_point(|&t| t <= at_secs).checked_sub(1)?)?;
        let before = self.resolve_secs(view, step_secs.saturating_sub(1));
        let after = self.resolve_secs(view, step_secs);
        Some(StepChanges {
            step_secs,
            changes: self.holder_changes(&before, &after),
        })
    }

    /// The factions that could plausibly take `place` first, most plausible first:
    /// those holding the places one road away (more neighbours first), then those
    /// that claims up to the resolution's moment name as acting there. The current
    /// holder is never among them.
    pub fn likely_takers(&self, resolution: &Resolution, place: usize) -> Vec<FactionIx> {
        let scenario = self.scenario();
        let holder = resolution.places.get(place).and_then(|s| s.controller);
        let mut score = vec![(0u32, 0u32); scenario.factions.len()];
        for &n in self.roads().neighbours(place) {
            let controller = resolution.places.get(n as usize).and_then(|s| s.controller);
            if let Some(slot) = controller.and_then(|f| score.get_mut(usize::from(f))) {
                slot.0 += 1;
            }
        }
        for &c in self.place_claims(place) {
            let c = c as usize;
            let in_time = self
                .claim_effective_secs(c)
                .is_some_and(|t| t <= resolution.at_secs);
            let actor = scenario.claims[c].actor.as_deref();
            let faction = actor.and_then(|id| scenario.faction_index(id));
            if let (true, Some(slot)) = (in_time, faction.and_then(|f| score.get_mut(f))) {
                slot.1 += 1;
            }
        }
        let mut takers: Vec<(usize, (u32, u32))> = score
            .into_iter()
            .enumerate()
            .filter(|&(f, (n, c))| (n > 0 || c > 0) && holder != FactionIx::try_from(f).ok())
            .collect();
        takers.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        takers
            .into_iter()
            .filter_map(|(f, _)| FactionIx::try_from(f).ok())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn each_steps_changes_are_the_holders_that_differ_a_second_before() {
        let engine = Engine::new(crate::io::default_scenario().unwrap());
        let view = View::default();
        let mut changed = 0;
        for &t in engine.event_secs() {
            let step = engine.step_changes(&view, t).unwrap();
            assert_eq!(step.step_secs, t);
            let (then, now) = (
                engine.resolve_secs(&view, t - 1),
                engine.resolve_secs(&view, t),
            );
            let expected: Vec<usize> = (0..now.places.len())
                .filter(|&p| then.places[p].controller != now.places[p].controller)
                .collect();
            let places: Vec<usize> = step.changes.iter().map(|c| c.place).collect();
            assert_eq!(places, expected);
            for c in &step.changes {
                assert_eq!(c.before, then.places[c.place].controller);
                assert_eq!(c.after, now.places[c.place].controller);
                // Whoever could take it next is not who holds it now.
                let holder = now.places[c.place].controller;
                assert!(holder.is_none_or(|h| !engine.likely_takers(&now, c.place).contains(&h)));
            }
            changed += places.len();
        }
        assert!(changed > 0);
        // Between two steps the step shown is the earlier one.
        let events = engine.event_secs();
        let step = engine.step_changes(&view, events[1] + 1).unwrap();
        assert_eq!(step.step_secs, events[1]);
        assert!(engine.step_changes(&view, events[0] - 1).is_none());
    }
}
