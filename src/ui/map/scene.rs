//! The map's scene: plain draw batches in plot coordinates, built from a [`MapInput`].
//!
//! Three lifetimes: the basemap batches are built once per basemap; positions, sizes, the
//! hit-test index and the territory cells once per scenario ([`SceneStatics`]; the Voronoi
//! step is the slow one); and the colours and styles of territory, routes and markers once
//! per input generation or layer change.

use egui::Color32;

use super::base::BaseBatches;
use super::marks::{self, Marker, RouteSegment};
use super::statics::SceneStatics;
use super::territory::{Territory, TerritoryFill};
use super::{MapInput, MapLayers};
use crate::control::PlaceState;
use crate::geo::Projection;
use crate::model::Scenario;
use crate::ui::theme;

/// Everything the map draws, in plot coordinates, plus the place hit-test index.
#[derive(Default)]
pub struct MapScene {
    base: Option<(usize, BaseBatches)>,
    statics: Option<SceneStatics>,
    /// The engine the statics were last checked against.
    engine_seen: Option<u64>,
    cell_builds: u32,
    built_for: Option<(u64, MapLayers)>,
    /// Bumped on every rebuild, so what was drawn from the scene can be kept until then.
    version: u64,
    /// Territory colours for this generation; `None` when the layer is off.
    pub territory: Option<TerritoryFill>,
    /// Route segments, in drawing order.
    pub routes: Vec<RouteSegment>,
    /// Visible place markers, in place order.
    pub markers: Vec<Marker>,
    /// Per place, its index in `markers`, or `u32::MAX` when it is not shown.
    marker_slots: Vec<u32>,
    /// Indices into `markers`, most populous first (the labelling order).
    pub label_order: Vec<usize>,
}

impl MapScene {
    /// The projection all batches use.
    pub fn projection() -> Projection {
        Projection::syria()
    }

    /// Brings the scene up to date with `input`; returns true when anything was rebuilt.
    /// Only a new generation, new layers, a new scenario or a new basemap rebuild anything.
    pub fn update(&mut self, input: &MapInput<'_>) -> bool {
        let projection = Self::projection();
        let basemap_key = std::ptr::from_ref(input.basemap) as usize;
        let mut changed = false;
        if self
            .base
            .as_ref()
            .is_none_or(|(key, _)| *key != basemap_key)
        {
            self.base = Some((basemap_key, BaseBatches::build(input.basemap, &projection)));
            self.statics = None;
            changed = true;
        }
        let scenario = input.engine.scenario();
        // Hashing 20k place ids each frame would cost a millisecond: the statics are
        // checked only for an engine not seen before. A new engine over the same places
        // (a reloaded scenario) keeps the Voronoi cells and rebuilds the rest.
        let engine = input.engine.instance();
        if self.engine_seen != Some(engine) || self.statics.is_none() {
            let fingerprint = Territory::fingerprint(scenario);
            let kept = self
                .statics
                .take()
                .map(|s| s.territory)
                .filter(|t| t.key() == fingerprint);
            if kept.is_none() {
                self.cell_builds += 1;
            }
            self.statics = Some(SceneStatics::build(
                scenario,
                input.engine.roads(),
                kept.ok_or((input.basemap, &projection)),
            ));
            self.engine_seen = Some(engine);
            self.built_for = None;
        }
        let key = (input.generation, input.layers.clone());
        if self.built_for.as_ref() == Some(&key) {
            if changed {
                self.version += 1;
            }
            return changed;
        }
        self.rebuild(input);
        self.built_for = Some(key);
        self.version += 1;
        true
    }

    fn rebuild(&mut self, input: &MapInput<'_>) {
        let Some(statics) = &self.statics else {
            return;
        };
        let scenario = input.engine.scenario();
        let layers = input.layers;
        let states = &input.resolution.places;
        let visible: Vec<bool> = (0..scenario.places.len())
            .map(|p| states.get(p).is_some_and(|s| is_shown(scenario, layers, s)))
            .collect();
        self.territory = layers.territory.then(|| {
            let colors: Vec<Color32> = (0..scenario.places.len())
                .map(|p| territory_color(statics, states.get(p), visible[p]))
                .collect();
            statics.territory.fill(&colors)
        });
        self.routes = if layers.routes {
            marks::route_segments(statics, input.routes, layers.severed)
        } else {
            Vec::new()
        };
        marks::markers_into(input.engine, statics, (states, &visible), &mut self.markers);
        self.marker_slots.clear();
        self.marker_slots.resize(scenario.places.len(), u32::MAX);
        for (m, marker) in self.markers.iter().enumerate() {
            if let (Some(slot), Ok(m)) = (self.marker_slots.get_mut(marker.place), u32::try_from(m))
            {
                *slot = m;
            }
        }
        let slots = &self.marker_slots;
        self.label_order = statics
            .label_order
            .iter()
            .filter_map(|&p| slots.get(p as usize).filter(|&&m| m != u32::MAX))
            .map(|&m| m as usize)
            .collect();
    }

    /// The static basemap batches, once built.
    pub fn base(&self) -> Option<&BaseBatches> {
        self.base.as_ref().map(|(_, base)| base)
    }

    /// The territory cells (plot coordinates), once built.
    pub fn cells(&self) -> Option<&Territory> {
        self.statics.as_ref().map(|s| &s.territory)
    }

    /// How many times the Voronoi territory has been computed (once per scenario).
    pub fn territory_builds(&self) -> u32 {
        self.cell_builds
    }

    /// Changes whenever anything drawn from the scene may change.
    pub fn version(&self) -> u64 {
        self.version
    }

    /// The marker of place `p`, if it is shown.
    pub fn marker_of(&self, p: usize) -> Option<&Marker> {
        let m = *self.marker_slots.get(p)?;
        self.markers.get(m as usize)
    }

    /// The shown place nearest to `xy` (plot coordinates) within `reach` plot units.
    pub fn place_near(&self, xy: [f64; 2], reach: f64) -> Option<usize> {
        let statics = self.statics.as_ref()?;
        statics.hit.nearest_within_where(xy, reach, |p| {
            self.marker_slots.get(p).is_some_and(|&m| m != u32::MAX)
        })
    }
}

/// Whether a place passes the faction and status filters.
pub fn is_shown(scenario: &Scenario, layers: &MapLayers, state: &PlaceState) -> bool {
    let faction_hidden = state
        .controller
        .and_then(|f| scenario.factions.get(usize::from(f)))
        .is_some_and(|f| layers.hidden_factions.contains(&f.id));
    !faction_hidden && !layers.hidden_statuses.contains(state.status.as_str())
}

/// The colour of a place's territory cell: the controller's, faded by status; transparent
/// for unknown or hidden places.
fn territory_color(statics: &SceneStatics, state: Option<&PlaceState>, visible: bool) -> Color32 {
    match state {
        Some(s) if visible && s.controller.is_some() => {
            let alpha = theme::TERRITORY_ALPHA * theme::status_alpha(s.status);
            statics.color(s.controller).gamma_multiply(alpha)
        }
        _ => Color32::TRANSPARENT,
    }
}
