//! The map's scene: plain draw batches in plot coordinates, built from a [`MapInput`].
//!
//! Three lifetimes: the basemap batches are built once per basemap, the territory cells once
//! per scenario (the Voronoi step is the slow one), and everything else (territory colours,
//! routes, markers, the hit-test index) once per input generation or layer change.

use egui::{Color32, Stroke};

use super::base::BaseBatches;
use super::hit::PlaceIndex;
use super::marks::{self, Marker, RouteSegment};
use super::territory::{Territory, TerritoryFill};
use super::{MapInput, MapLayers};
use crate::control::PlaceState;
use crate::geo::{Projection, TriangleMesh};
use crate::model::Scenario;
use crate::ui::theme;

/// A filled area: triangles in plot coordinates, one colour.
#[derive(Clone, Debug, Default)]
pub struct FillBatch {
    /// Triangles in plot coordinates.
    pub mesh: TriangleMesh,
    /// Fill colour.
    pub color: Color32,
    /// Bounding box `[min x, min y, max x, max y]` for culling.
    pub bbox: [f64; 4],
}

/// An open or closed line in plot coordinates.
#[derive(Clone, Debug, Default)]
pub struct Polyline {
    /// Points in plot coordinates.
    pub points: Vec<[f64; 2]>,
    /// How it is stroked (width in screen points).
    pub stroke: Stroke,
    /// Dashed instead of solid.
    pub dashed: bool,
    /// Bounding box `[min x, min y, max x, max y]` for culling.
    pub bbox: [f64; 4],
}

impl Polyline {
    /// A polyline with its bounding box computed.
    pub fn new(points: Vec<[f64; 2]>, stroke: Stroke, dashed: bool) -> Self {
        let bbox = bbox_of(points.iter().copied());
        Self {
            points,
            stroke,
            dashed,
            bbox,
        }
    }
}

/// `[min x, min y, max x, max y]` of some points (inverted infinities when empty).
pub fn bbox_of(points: impl Iterator<Item = [f64; 2]>) -> [f64; 4] {
    points.fold(
        [
            f64::INFINITY,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NEG_INFINITY,
        ],
        |b, [x, y]| [b[0].min(x), b[1].min(y), b[2].max(x), b[3].max(y)],
    )
}

/// Everything the map draws, in plot coordinates, plus the place hit-test index.
#[derive(Default)]
pub struct MapScene {
    base: Option<(usize, BaseBatches)>,
    cells: Option<Territory>,
    cell_builds: u32,
    built_for: Option<(u64, MapLayers)>,
    /// Territory colours for this generation; `None` when the layer is off.
    pub territory: Option<TerritoryFill>,
    /// Route segments, in drawing order.
    pub routes: Vec<RouteSegment>,
    /// Visible place markers.
    pub markers: Vec<Marker>,
    /// Indices into `markers`, most populous first (the labelling order).
    pub label_order: Vec<usize>,
    /// Nearest-place lookup over `markers`.
    pub hit: PlaceIndex,
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
            self.cells = None;
            changed = true;
        }
        let scenario = input.engine.scenario();
        let fingerprint = Territory::fingerprint(scenario);
        if self.cells.as_ref().is_none_or(|t| t.key() != fingerprint) {
            self.cells = Some(Territory::build(scenario, input.basemap, &projection));
            self.cell_builds += 1;
            self.built_for = None;
        }
        let key = (input.generation, input.layers.clone());
        if self.built_for.as_ref() == Some(&key) {
            return changed;
        }
        self.rebuild(input, &projection);
        self.built_for = Some(key);
        true
    }

    fn rebuild(&mut self, input: &MapInput<'_>, projection: &Projection) {
        let scenario = input.engine.scenario();
        let layers = input.layers;
        let states = &input.resolution.places;
        let visible: Vec<bool> = (0..scenario.places.len())
            .map(|p| states.get(p).is_some_and(|s| is_shown(scenario, layers, s)))
            .collect();
        self.territory = match (&self.cells, layers.territory) {
            (Some(cells), true) => {
                let colors: Vec<Color32> = (0..scenario.places.len())
                    .map(|p| territory_color(scenario, states.get(p), visible[p]))
                    .collect();
                Some(cells.fill(&colors))
            }
            _ => None,
        };
        self.routes = if layers.routes {
            marks::route_segments(scenario, states, input.routes, layers.severed, projection)
        } else {
            Vec::new()
        };
        self.markers = marks::markers(scenario, states, &visible, projection);
        let mut order: Vec<usize> = (0..self.markers.len()).collect();
        order.sort_by_key(|&m| std::cmp::Reverse(self.markers[m].population));
        self.label_order = order;
        self.hit = PlaceIndex::new(self.markers.iter().map(|m| (m.place, m.pos)));
    }

    /// The static basemap batches, once built.
    pub fn base(&self) -> Option<&BaseBatches> {
        self.base.as_ref().map(|(_, base)| base)
    }

    /// The territory cells (plot coordinates), once built.
    pub fn cells(&self) -> Option<&Territory> {
        self.cells.as_ref()
    }

    /// How many times the Voronoi territory has been computed (once per scenario).
    pub fn territory_builds(&self) -> u32 {
        self.cell_builds
    }

    /// The marker of place `p`, if it is shown.
    pub fn marker_of(&self, p: usize) -> Option<&Marker> {
        self.markers.iter().find(|m| m.place == p)
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
fn territory_color(scenario: &Scenario, state: Option<&PlaceState>, visible: bool) -> Color32 {
    match state {
        Some(s) if visible && s.controller.is_some() => {
            let alpha = theme::TERRITORY_ALPHA * theme::status_alpha(s.status);
            theme::faction_color(scenario, s.controller).gamma_multiply(alpha)
        }
        _ => Color32::TRANSPARENT,
    }
}
