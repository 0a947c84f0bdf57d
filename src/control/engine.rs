//! The engine: a scenario with its index, resolving under views through cached timelines.

use std::sync::{Arc, OnceLock};

use jiff::Timestamp;

use super::cache::TimelineCache;
use super::index::{ControlIndex, FactionIx};
use super::place::{Decision, resolve_place};
use super::region::resolve_regions;
use super::roads::Roads;
use super::routes::{connectivity, resolve_routes_into};
use super::voice::VoiceMask;
use super::{Link, PlaceState, RegionState, RouteState, Status, View};
use crate::model::{ControlEffect, Scenario};

/// Below this many places per thread, resolving on one thread is faster than starting
/// others.
const PLACES_PER_THREAD: usize = 4096;

/// The machine's threads, asked once.
fn threads() -> usize {
    static THREADS: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *THREADS.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

/// Runs `fill(first, chunk)` over `places` split in one chunk per thread (on this
/// thread alone when there are too few places to be worth starting others).
fn in_parallel(places: &mut [PlaceState], fill: impl Fn(usize, &mut [PlaceState]) + Sync) {
    let threads = threads().min(places.len() / PLACES_PER_THREAD).max(1);
    if threads == 1 {
        fill(0, places);
        return;
    }
    let per_thread = places.len().div_ceil(threads);
    let fill = &fill;
    std::thread::scope(|scope| {
        let mut chunks = places.chunks_mut(per_thread).enumerate();
        let mine = chunks.next();
        for (n, chunk) in chunks {
            scope.spawn(move || fill(n * per_thread, chunk));
        }
        if let Some((_, chunk)) = mine {
            fill(0, chunk);
        }
    });
}

/// A loaded scenario with its claims indexed for resolution.
pub struct Engine {
    pub(super) scenario: Scenario,
    pub(super) index: Arc<ControlIndex>,
    /// Timelines built so far, by voice mask (the few most recent views).
    pub(super) timelines: Arc<TimelineCache>,
    /// Route waypoints and road adjacency as place indices, built on first use.
    pub(super) roads: OnceLock<Roads>,
    /// Different for every engine made in this process (a clone shares it until one
    /// of the two changes), and new after every edit
    /// the engine follows.
    pub(super) instance: u64,
}

impl Clone for Engine {
    /// A copy sharing the index and the built timelines until one of the two follows an
    /// edit ([`Engine::follow`] copies what it changes when it is shared). What lets
    /// an export keep its engine while the window goes on editing.
    fn clone(&self) -> Self {
        Self {
            scenario: self.scenario.clone(),
            index: Arc::clone(&self.index),
            timelines: Arc::new(self.timelines.copy_built()),
            roads: self.roads.clone(),
            instance: self.instance,
        }
    }
}

/// The instance number of the next engine (or of an engine after an edit).
static NEXT_INSTANCE: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// A number no engine had before.
pub(super) fn next_instance() -> u64 {
    NEXT_INSTANCE.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
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
        let index = Arc::new(ControlIndex::build(&scenario));
        Self {
            scenario,
            index,
            timelines: Arc::default(),
            roads: OnceLock::new(),
            instance: next_instance(),
        }
    }

    /// A number no other engine made in this process has, renewed whenever the engine
    /// follows an edit ([`Self::follow`], [`Self::apply_claim_changes`]): caches
    /// derived from the scenario or its resolutions can tell a changed scenario (newly
    /// loaded or edited) from the one they saw.
    pub fn instance(&self) -> u64 {
        self.instance
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

    /// Every claim place `place` is resolved from (its own and its regions'), oldest
    /// first by effective time (claim indices).
    pub fn place_claims(&self, place: usize) -> &[u32] {
        self.index.claims_until(place, i64::MAX)
    }

    /// Resolves every place and region at `at` under `view`.
    pub fn resolve(&self, view: &View, at: Timestamp) -> Resolution {
        self.resolve_secs(view, at.as_second())
    }

    /// [`Self::resolve`] with the moment in Unix seconds. Under a view whose timeline
    /// is not built yet, this walks every place's claims (the same answer) and starts
    /// building the timeline on a background thread; later calls use it once ready.
    pub fn resolve_secs(&self, view: &View, at_secs: i64) -> Resolution {
        let mask = self.voice_mask(view);
        let places = self.scenario.places.len();
        let Some(timeline) = self
            .timelines
            .get_or_start(&self.index, places, &mask, threads())
        else {
            return self.walk(view, at_secs, &mask);
        };
        // One thread: a lookup per place is too little work to share.
        let places = (0..places).map(|p| timeline.state(p, at_secs)).collect();
        self.finish(view, at_secs, places)
    }

    /// [`Self::resolve_secs`] by walking every place's claims, without the timeline
    /// (what the timeline is built from; for tests and benchmarks).
    pub fn resolve_secs_walking(&self, view: &View, at_secs: i64) -> Resolution {
        self.walk(view, at_secs, &self.voice_mask(view))
    }

    fn walk(&self, view: &View, at_secs: i64, mask: &VoiceMask) -> Resolution {
        let mut places = vec![PlaceState::default(); self.scenario.places.len()];
        self.resolve_places(at_secs, mask, &mut places);
        self.finish(view, at_secs, places)
    }

    /// Builds the timeline for the voices a view counts now (or waits for its
    /// background build), so that the next resolutions under it are lookups.
    pub fn prepare(&self, view: &View) {
        let mask = self.voice_mask(view);
        self.timelines
            .get_or_build(&self.index, self.scenario.places.len(), &mask, threads());
    }

    /// True when resolutions under `view` are timeline lookups (its timeline is built).
    pub fn has_timeline(&self, view: &View) -> bool {
        self.timelines.has(&self.voice_mask(view))
    }

    /// Drops every cached timeline, so the next resolution under any view is a first
    /// one (to free memory, and for benchmarks of that first resolution).
    pub fn forget_timelines(&self) {
        self.timelines.clear();
    }

    /// Which voices (originators and relays) `view` counts.
    pub(super) fn voice_mask(&self, view: &View) -> VoiceMask {
        self.index.voices.mask(view, &self.scenario)
    }

    /// Applies the what-if assumptions and resolves the regions.
    fn finish(&self, view: &View, at_secs: i64, mut places: Vec<PlaceState>) -> Resolution {
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

    /// Resolves every place into `places` (one per place), on as many threads as the
    /// machine has when there are enough places to be worth it.
    fn resolve_places(&self, at_secs: i64, mask: &VoiceMask, places: &mut [PlaceState]) {
        in_parallel(places, |first, chunk| {
            let mut scratch = Decision::default();
            for (i, state) in chunk.iter_mut().enumerate() {
                *state = resolve_place(&self.index, first + i, at_secs, mask, &mut scratch);
            }
        });
    }

    /// Segment holders and severed routes for a resolution.
    pub fn routes(&self, resolution: &Resolution) -> Vec<RouteState> {
        let mut routes = Vec::new();
        self.routes_into(resolution, &mut routes);
        routes
    }

    /// [`Self::routes`] into `routes`, reusing its memory (for a caller that resolves
    /// route after route, like the timeline slider).
    pub fn routes_into(&self, resolution: &Resolution, routes: &mut Vec<RouteState>) {
        resolve_routes_into(
            &self.index,
            self.roads(),
            &resolution.places,
            self.scenario.routes.len(),
            routes,
        );
    }

    /// For every key connection and every faction holding at least one place, whether
    /// that faction can travel between its ends through its own or allied places (see
    /// [`Self::connectivity_for`]).
    pub fn connectivity(&self, resolution: &Resolution) -> Vec<Link> {
        let mut holds = vec![false; self.scenario.factions.len()];
        for f in resolution.places.iter().filter_map(|s| s.controller) {
            if let Some(h) = holds.get_mut(usize::from(f)) {
                *h = true;
            }
        }
        let factions: Vec<FactionIx> = (0..holds.len())
            .filter(|&f| holds[f])
            .filter_map(|f| FactionIx::try_from(f).ok())
            .collect();
        self.connectivity_for(resolution, &factions)
    }

    /// For every key connection and each of `factions`, whether the faction can travel
    /// from one end to the other through its own or allied places, both ends included,
    /// whoever holds the start. Sorted by start, end and faction.
    pub fn connectivity_for(&self, resolution: &Resolution, factions: &[FactionIx]) -> Vec<Link> {
        connectivity(
            &self.scenario,
            &self.index,
            self.roads(),
            &resolution.places,
            factions,
        )
    }

    /// The faction on the other side of a contested place, the one rule every view
    /// colours the rival half of a marker by: the faction the rival claim says holds
    /// it, else the rival claim's actor, else its counterpart, never the controller.
    /// `None` unless the place is contested.
    pub fn rival_faction(&self, state: &PlaceState) -> Option<FactionIx> {
        if state.status != Status::Contested {
            return None;
        }
        let rival = state.rival? as usize;
        if let Some(ControlEffect::Sets(f)) = self.index.facts.get(rival).map(|f| f.effect)
            && Some(f) != state.controller
        {
            return Some(f);
        }
        let sides = self.index.sides.get(rival)?;
        sides
            .iter()
            .copied()
            .flatten()
            .find(|&f| Some(f) != state.controller)
    }

    /// The road network over place indices, looked up once per scenario.
    pub fn roads(&self) -> &Roads {
        self.roads.get_or_init(|| Roads::new(&self.scenario))
    }

    pub(super) fn index(&self) -> &ControlIndex {
        &self.index
    }
}
