//! Each place's control over a stretch of time as intervals: who held it and how sure
//! that is, from one change to the next. The GeoPackage's temporal layer and the
//! timeline CSV are written from these.
//!
//! A place's state changes only at the moments `timeline.rs` lists (a claim taking
//! effect, fighting ending, a claim ageing out of the freshness window); resolving the
//! place at each of them in the range, as the timeline does, gives every change.

use super::index::FactionIx;
use super::place::{Decision, resolve_place};
use super::timeline::change_moments;
use super::{Engine, PlaceState, Status, View};

/// One place's state from `from_secs` until `to_secs`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ControlInterval {
    /// The place (scenario order).
    pub place: usize,
    /// The first moment of the interval, Unix seconds: the start of the range or the
    /// moment the state changed.
    pub from_secs: i64,
    /// The moment the next state begins, or the end of the range for the last interval.
    pub to_secs: i64,
    /// Controller, status and the claims that decided them.
    pub state: PlaceState,
}

impl Engine {
    /// Every place's control intervals from `from_secs` to `to_secs` under `view`, by
    /// place then time; consecutive intervals differ in controller or status. A place
    /// assumed by a what-if is one assumed interval.
    pub fn control_intervals(
        &self,
        view: &View,
        from_secs: i64,
        to_secs: i64,
    ) -> Vec<ControlInterval> {
        let scenario = self.scenario();
        let mask = self.voice_mask(view);
        let mut scratch = Decision::default();
        let mut intervals = Vec::new();
        for place in 0..scenario.places.len() {
            let assumed = view
                .assume
                .get(&scenario.places[place].id)
                .and_then(|f| scenario.faction_index(f))
                .and_then(|f| FactionIx::try_from(f).ok());
            if let Some(faction) = assumed {
                let state = PlaceState {
                    controller: Some(faction),
                    status: Status::Assumed,
                    ..PlaceState::default()
                };
                intervals.push(ControlInterval {
                    place,
                    from_secs,
                    to_secs,
                    state,
                });
                continue;
            }
            let changes = change_moments(self.index(), place);
            let within = changes
                .iter()
                .copied()
                .filter(|&at| at > from_secs && at <= to_secs);
            let mut mine: Vec<ControlInterval> = Vec::new();
            for at in std::iter::once(from_secs).chain(within) {
                let state = resolve_place(self.index(), place, at, &mask, &mut scratch);
                if let Some(last) = mine.last_mut() {
                    if (last.state.controller, last.state.status)
                        == (state.controller, state.status)
                    {
                        continue;
                    }
                    last.to_secs = at;
                }
                mine.push(ControlInterval {
                    place,
                    from_secs: at,
                    to_secs,
                    state,
                });
            }
            intervals.extend(mine);
        }
        intervals
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    /// The intervals say what resolving at any moment says: checked at every moment a
    /// claim takes effect and just before it, under a view and under a what-if.
    #[test]
    fn intervals_agree_with_resolving_at_each_moment() {
        let engine = Engine::new(crate::io::default_scenario().unwrap());
        let (first, last) = engine.time_range_secs().unwrap();
        let to = last + engine.scenario().freshness_secs() + 3600;
        let mut what_if = View::default();
        let place = engine.scenario().places[0].id.clone();
        let faction = engine.scenario().factions[0].id.clone();
        what_if.assume.insert(place, faction);
        for view in [View::default(), what_if] {
            let intervals = engine.control_intervals(&view, first, to);
            let mut moments: Vec<i64> = engine.event_secs().to_vec();
            moments.extend(engine.event_secs().iter().map(|s| s - 1));
            moments.push(to);
            for at in moments.into_iter().filter(|&at| at >= first && at <= to) {
                let resolution = engine.resolve_secs_walking(&view, at);
                for (p, expected) in resolution.places.iter().enumerate() {
                    let found = intervals
                        .iter()
                        .find(|i| {
                            i.place == p
                                && i.from_secs <= at
                                && (at < i.to_secs || (at == to && i.to_secs == to))
                        })
                        .unwrap();
                    assert_eq!(
                        (found.state.controller, found.state.status),
                        (expected.controller, expected.status),
                        "place {p} at {at}"
                    );
                }
            }
            // Each place's intervals tile the range without gaps.
            for p in 0..engine.scenario().places.len() {
                let mine: Vec<_> = intervals.iter().filter(|i| i.place == p).collect();
                assert_eq!(mine.first().unwrap().from_secs, first);
                assert_eq!(mine.last().unwrap().to_secs, to);
                assert!(mine.windows(2).all(|w| w[0].to_secs == w[1].from_secs));
            }
        }
    }
}
