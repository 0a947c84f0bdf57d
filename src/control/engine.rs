use jiff::Timestamp;

use super::index::{ControlIndex, FactionIx};
use super::place::{Decision, resolve_place};
use super::region::resolve_regions;
use super::routes::{connectivity, resolve_routes};
use super::{Link, PlaceState, RegionState, RouteState, Status, View};
use crate::model::Scenario;

/// A loaded scenario with its claims indexed for resolution.
pub struct Engine {
    scenario: Scenario,
    index: ControlIndex,
}

/// Who holds what at one moment under one view.
#[derive(Clone, Debug, PartialEq)]
pub struct Resolution {
    /// The moment, Unix seconds.
    pub at_secs: i64,
    /// Per place, in scenario order (sorted by id).
    pub places: Vec<PlaceState>,
    /// Per region, in scenario order (sorted by id).
    pub regions: Vec<RegionState>,
}

impl Resolution {
    /// The moment as a timestamp.
    pub fn at(&self) -> Timestamp {
        Timestamp::from_second(self.at_secs).unwrap_or(Timestamp::UNIX_EPOCH)
    }
}

impl Engine {
    /// Indexes a loaded, validated scenario.
    pub fn new(scenario: Scenario) -> Self {
        let index = ControlIndex::build(&scenario);
        Self { scenario, index }
    }

    /// The scenario.
    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    /// Every distinct moment a claim takes effect, sorted (Unix seconds).
    pub fn event_secs(&self) -> &[i64] {
        &self.index.event_secs
    }

    /// The first and last moments claims take effect, if there are claims.
    pub fn time_range_secs(&self) -> Option<(i64, i64)> {
        Some((
            *self.index.event_secs.first()?,
            *self.index.event_secs.last()?,
        ))
    }

    /// When claim `c` takes effect (its interval's midpoint), Unix seconds.
    pub fn claim_effective_secs(&self, c: usize) -> Option<i64> {
        self.index.facts.get(c).map(|f| f.effective_secs)
    }

    /// Resolves every place and region at `at` under `view`.
    pub fn resolve(&self, view: &View, at: Timestamp) -> Resolution {
        self.resolve_secs(view, at.as_second())
    }

    /// [`Self::resolve`] with the moment in Unix seconds.
    pub fn resolve_secs(&self, view: &View, at_secs: i64) -> Resolution {
        let mask = view.source_mask(&self.scenario);
        let mut scratch = Decision::default();
        let mut places: Vec<PlaceState> = (0..self.scenario.places.len())
            .map(|p| resolve_place(&self.index, p, at_secs, &mask, &mut scratch))
            .collect();
        for (place, faction) in &view.assume {
            let (Some(p), Some(f)) = (
                self.scenario.place_index(place),
                self.scenario.faction_index(faction),
            ) else {
                continue;
            };
            places[p] = PlaceState {
                controller: Some(f as FactionIx),
                status: Status::Assumed,
                ..places[p]
            };
        }
        let regions = resolve_regions(&self.scenario, &self.index, &places);
        Resolution {
            at_secs,
            places,
            regions,
        }
    }

    /// Segment holders and severed routes for a resolution.
    pub fn routes(&self, resolution: &Resolution) -> Vec<RouteState> {
        resolve_routes(&self.scenario, &self.index, &resolution.places)
    }

    /// Whether each key connection's holder still reaches its other end by road.
    pub fn connectivity(&self, resolution: &Resolution) -> Vec<Link> {
        connectivity(&self.scenario, &self.index, &resolution.places)
    }

    pub(super) fn index(&self) -> &ControlIndex {
        &self.index
    }
}
