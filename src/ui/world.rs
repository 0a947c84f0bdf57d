//! Runtime caches rebuilt from the scenario: the engine, the basemap and the current
//! resolution. Nothing here is persisted.

use std::cell::OnceCell;
use std::sync::Arc;

use crate::control::{Engine, Link, Resolution, RouteState, View};
use crate::geo::Basemap;
use crate::model::{Moment, Scenario};

/// The scenario's engine and what it resolved for the current moment and view.
pub struct World {
    /// The indexed scenario, shared with an export under way (which keeps the engine
    /// it was handed while the window goes on editing: see [`Self::follow`]).
    pub engine: Arc<Engine>,
    /// The static map layers.
    pub basemap: Basemap,
    /// Who holds what at [`Self::resolved_secs`] under the current view.
    pub resolution: Resolution,
    /// Route segment holders, for [`Self::resolution`] when `routes_fresh` is set;
    /// recomputed in place on first use after a change.
    routes: Vec<RouteState>,
    routes_fresh: bool,
    /// Key connections for [`Self::resolution`], computed on first use.
    links: OnceCell<Vec<Link>>,
    /// Places held per faction (in the scenario's faction order) under
    /// [`Self::resolution`], counted on first use.
    held: OnceCell<Vec<usize>>,
    /// Claims per source (in the scenario's source order), counted on first use and
    /// dropped by [`Self::replace_scenario`].
    source_claims: OnceCell<Vec<usize>>,
    /// Bumped whenever the resolution changes, so the map knows to rebuild its scene.
    pub generation: u64,
    resolved_for: Option<(i64, View)>,
}

impl World {
    /// Indexes `scenario`; call [`Self::refresh`] before drawing.
    pub fn new(scenario: Scenario, basemap: Basemap) -> Self {
        let engine = Engine::new(scenario);
        let resolution = engine.resolve_secs(&View::default(), 0);
        Self {
            engine: Arc::new(engine),
            basemap,
            resolution,
            routes: Vec::new(),
            routes_fresh: false,
            links: OnceCell::new(),
            held: OnceCell::new(),
            source_claims: OnceCell::new(),
            generation: 0,
            resolved_for: None,
        }
    }

    /// Shows `scenario` instead (after an edit, an undo or a redo): the engine is
    /// rebuilt and everything resolved from it is dropped; call [`Self::refresh`]
    /// before drawing. The one place an incremental engine update can plug in.
    pub fn replace_scenario(&mut self, scenario: Scenario) {
        self.engine = Arc::new(Engine::new(scenario));
        self.forget_derived();
    }

    /// Makes the engine follow `edit`, which the workspace has just applied to its own
    /// copy of the same scenario: claim edits update the index in place (a million
    /// claims in tens of milliseconds instead of a re-index); anything else re-indexes.
    /// Refused only if the two copies have drifted apart; then nothing changed here.
    /// While an export holds the engine, the window follows the edit on its own copy
    /// ([`Arc::make_mut`]) and the export goes on with the engine it started with.
    pub fn follow(&mut self, edit: &crate::edit::Edit) -> Result<(), crate::edit::EditError> {
        Arc::make_mut(&mut self.engine).follow(edit)?;
        self.forget_derived();
        Ok(())
    }

    /// Drops what was derived from the previous scenario.
    fn forget_derived(&mut self) {
        self.routes_fresh = false;
        self.links = OnceCell::new();
        self.held = OnceCell::new();
        self.source_claims = OnceCell::new();
        self.resolved_for = None;
        self.generation += 1;
    }

    /// The scenario.
    pub fn scenario(&self) -> &Scenario {
        self.engine.scenario()
    }

    /// Resolves again if the moment or the view changed since last time; true if it did.
    pub fn refresh(&mut self, view: &View, at_secs: i64) -> bool {
        if self
            .resolved_for
            .as_ref()
            .is_some_and(|(secs, seen)| *secs == at_secs && seen == view)
        {
            return false;
        }
        self.resolution = self.engine.resolve_secs(view, at_secs);
        // Routes and connectivity cost tens of milliseconds at country scale: they are
        // computed when the map's routes layer or the what-if panel first asks for them.
        self.routes_fresh = false;
        self.links = OnceCell::new();
        self.held = OnceCell::new();
        self.resolved_for = Some((at_secs, view.clone()));
        self.generation += 1;
        true
    }

    /// Brings the route segment holders up to date with [`Self::resolution`].
    pub fn refresh_routes(&mut self) {
        if !self.routes_fresh {
            self.engine.routes_into(&self.resolution, &mut self.routes);
            self.routes_fresh = true;
        }
    }

    /// Route segment holders for [`Self::resolution`], as of the last
    /// [`Self::refresh_routes`] (empty or stale before it).
    pub fn routes(&self) -> &[RouteState] {
        &self.routes
    }

    /// Key connections for [`Self::resolution`].
    pub fn links(&self) -> &[Link] {
        self.links
            .get_or_init(|| self.engine.connectivity(&self.resolution))
    }

    /// How many places faction `f` (an index into the scenario's factions) holds now.
    pub fn held_count(&self, f: usize) -> usize {
        let counts = self.held.get_or_init(|| {
            let mut counts = vec![0; self.scenario().factions.len()];
            for state in &self.resolution.places {
                if let Some(count) = state
                    .controller
                    .and_then(|c| counts.get_mut(usize::from(c)))
                {
                    *count += 1;
                }
            }
            counts
        });
        counts.get(f).copied().unwrap_or(0)
    }

    /// How many claims source `s` (an index into the scenario's sources) made.
    pub fn source_claim_count(&self, s: usize) -> usize {
        let counts = self.source_claims.get_or_init(|| {
            let scenario = self.scenario();
            let index: std::collections::HashMap<&str, usize> = scenario
                .sources
                .iter()
                .enumerate()
                .map(|(i, source)| (source.id.as_str(), i))
                .collect();
            let mut counts = vec![0; scenario.sources.len()];
            for claim in &scenario.claims {
                for source in claim.sources() {
                    if let Some(&i) = index.get(source) {
                        counts[i] += 1;
                    }
                }
            }
            counts
        });
        counts.get(s).copied().unwrap_or(0)
    }

    /// The timeline's span: the first claim to the end of the local day of the last one
    /// (23:59:59, what a bare date means everywhere), but no later than the scenario's
    /// evidence goes stale ([`Engine::moment_range`]).
    pub fn time_span(&self) -> (i64, i64) {
        let Some(range) = self.engine.moment_range() else {
            return (0, 1);
        };
        let offset = self.scenario().offset();
        let (first, last) = (range.first_claim.unix_secs(), range.last_claim.unix_secs());
        let end = Moment::end_of_date(range.last_claim.local_date(offset), offset)
            .map_or(last, Moment::unix_secs)
            .clamp(last, range.last.unix_secs().max(last));
        (first, end.max(first + 1))
    }

    /// `secs` moved into the moments the scenario's evidence speaks to
    /// ([`Engine::clamp_moment`]).
    pub fn clamp_secs(&self, secs: i64) -> i64 {
        self.engine
            .clamp_moment(Moment::from_unix_secs(secs))
            .unix_secs()
    }

    /// Index of the faction with this id.
    pub fn faction_index(&self, id: &str) -> Option<usize> {
        self.scenario().faction_index(id)
    }

    /// The faction holding place `p` now (faction index), if any.
    pub fn controller(&self, p: usize) -> Option<usize> {
        let state = self.resolution.places.get(p)?;
        state.controller.map(usize::from)
    }

    /// The faction name holding place `p` now, or "no one".
    pub fn holder_name(&self, p: usize) -> &str {
        self.resolution
            .places
            .get(p)
            .and_then(|state| state.controller)
            .and_then(|f| self.scenario().factions.get(f as usize))
            .map_or("no one", |f| f.name.as_str())
    }
}

/// A basemap with no areas, for when the embedded one cannot be read.
pub fn empty_basemap() -> Basemap {
    Basemap {
        countries: Vec::new(),
        governorates: Vec::new(),
        undof: None,
        lakes: Vec::new(),
    }
}

/// A scenario with nothing in it, shown when even the default scenario fails to load.
pub fn empty_scenario() -> Scenario {
    Scenario {
        format_version: crate::model::FORMAT_VERSION,
        id: "empty".into(),
        title: "No scenario".into(),
        description: String::new(),
        utc_offset: "Z".into(),
        freshness_hours: crate::model::DEFAULT_FRESHNESS_HOURS,
        region_geometry: None,
        includes: Vec::new(),
        factions: Vec::new(),
        sources: Vec::new(),
        documents: Vec::new(),
        regions: Vec::new(),
        places: Vec::new(),
        routes: Vec::new(),
        key_connections: Vec::new(),
        claims: Vec::new(),
    }
}
