//! The map: a scene of plain draw batches built from the engine's output, drawn with
//! egui_plot. Building the scene knows about the model; drawing only knows batches.

mod base;
mod batch;
mod camera;
mod draw;
mod draw_marks;
mod hit;
mod key;
mod labels;
mod marks;
mod projector;
mod radius;
mod scale_bar;
mod scene;
#[cfg(test)]
mod scene_tests;
mod screen;
mod statics;
mod territory;
mod view;

use serde::{Deserialize, Serialize};

pub use batch::{FillBatch, Polyline};
pub use hit::PlaceIndex;
pub use key::key_ui;
pub use marks::{Marker, MarkerStyle, RouteSegment};
pub use projector::{plot_from_screen, screen_from_plot};
pub use radius::radius_for_population;
pub use scale_bar::{scale_bar_ui, scale_words};
pub use scene::MapScene;
pub use territory::{Territory, TerritoryFill};

use crate::control::{Engine, Resolution, RouteState};
use crate::geo::Basemap;

/// Which layers are shown: the same type the command line and snapshots use, so the
/// window exports and reopens exactly its own layers. Persisted between runs.
pub use crate::layers::Layers as MapLayers;

/// The camera, persisted between runs: the visible lon/lat box (W, S, E, N).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MapMemory {
    /// The visible box `[west, south, east, north]` in degrees, as of the last frame.
    pub bounds_lonlat: Option<[f64; 4]>,
    /// Set to refit the view to Syria on the next frame.
    #[serde(skip)]
    pub fit_requested: bool,
}

impl Default for MapMemory {
    fn default() -> Self {
        Self {
            bounds_lonlat: None,
            fit_requested: true,
        }
    }
}

/// Everything the map needs to draw one state of the world.
pub struct MapInput<'a> {
    /// The scenario and its index.
    pub engine: &'a Engine,
    /// The static map.
    pub basemap: &'a Basemap,
    /// Who holds each place.
    pub resolution: &'a Resolution,
    /// Who holds each route segment (`Engine::routes`).
    pub routes: &'a [RouteState],
    /// Which layers are shown.
    pub layers: &'a MapLayers,
    /// Selected place index.
    pub selected: Option<usize>,
    /// Bumped by the app whenever `resolution`, `routes` or `layers` change; the map
    /// rebuilds its batches only when it (or the layers, or the scenario) changes.
    pub generation: u64,
}

/// What the user did on the map this frame.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MapResponse {
    /// `Some(Some(p))`: place `p` was clicked; `Some(None)`: empty map was clicked.
    pub clicked: Option<Option<usize>>,
    /// The place under the pointer.
    pub hovered: Option<usize>,
    /// Where the map is on screen.
    pub rect: egui::Rect,
}

/// The map's cached scene and hit-test index; rebuilt when its inputs change.
#[derive(Default)]
pub struct MapView {
    scene: MapScene,
    /// The shapes drawn last frame, reused while nothing they depend on changes.
    screen: std::cell::RefCell<screen::ScreenCache>,
    /// The plot transform of the last frame drawn.
    last_transform: Option<egui_plot::PlotTransform>,
    /// Whether the camera was set from [`MapMemory`] yet.
    camera_restored: bool,
    /// The box written to [`MapMemory`] last frame; a different box there means the
    /// app moved the camera (a found place, a snapshot).
    written_bounds: Option<[f64; 4]>,
    /// The map's size and the box written when Syria was last fitted, while the user
    /// has not moved the map since.
    fitted: Option<(egui::Vec2, [f64; 4])>,
    /// Places ringed on the map (those that changed hands since the date compared
    /// with); the app sets it before drawing.
    pub highlight: Vec<usize>,
}

impl MapMemory {
    /// Zooms the visible box about its centre: `factor > 1` zooms in.
    pub fn zoom(&mut self, factor: f64) {
        let Some([w, s, e, n]) = self.bounds_lonlat else {
            return;
        };
        if !(factor.is_finite() && factor > 0.0) {
            return;
        }
        let (cx, cy) = ((w + e) / 2.0, (s + n) / 2.0);
        let (hx, hy) = ((e - w) / 2.0 / factor, (n - s) / 2.0 / factor);
        self.bounds_lonlat = Some([cx - hx, cy - hy, cx + hx, cy + hy]);
        self.fit_requested = false;
    }
}
