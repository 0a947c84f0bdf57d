//! The map: a scene of plain draw batches built from the engine's output, drawn with
//! egui_plot. Building the scene knows about the model; drawing only knows batches.

use serde::{Deserialize, Serialize};

use crate::control::{Engine, Resolution, RouteState};
use crate::geo::Basemap;

/// Which layers are shown. Persisted between runs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MapLayers {
    /// Faction ids whose places and territory are hidden.
    pub hidden_factions: std::collections::BTreeSet<String>,
    /// Status names (`Status::as_str`) whose places are hidden.
    pub hidden_statuses: std::collections::BTreeSet<String>,
    pub routes: bool,
    pub severed: bool,
    pub territory: bool,
    pub governorates: bool,
    pub borders: bool,
    pub labels: bool,
}

impl Default for MapLayers {
    fn default() -> Self {
        Self {
            hidden_factions: Default::default(),
            hidden_statuses: Default::default(),
            routes: true,
            severed: true,
            territory: true,
            governorates: true,
            borders: true,
            labels: true,
        }
    }
}

/// The camera, persisted between runs: the visible lon/lat box (W, S, E, N).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MapMemory {
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
    pub engine: &'a Engine,
    pub basemap: &'a Basemap,
    pub resolution: &'a Resolution,
    pub routes: &'a [RouteState],
    pub layers: &'a MapLayers,
    /// Selected place index.
    pub selected: Option<usize>,
    /// Bumped by the app whenever `resolution`, `routes` or `layers` change; the map
    /// rebuilds its batches only when it (or the layers, or the scenario) changes.
    pub generation: u64,
}

/// What the user did on the map this frame.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MapResponse {
    /// `Some(Some(p))`: place `p` was clicked; `Some(None)`: empty map was clicked.
    pub clicked: Option<Option<usize>>,
    /// The place under the pointer.
    pub hovered: Option<usize>,
}

/// The map's cached scene and hit-test index; rebuilt when its inputs change.
#[derive(Default)]
pub struct MapView {}

impl MapView {
    /// Draws the map filling `ui`, and reports clicks and hovers.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        memory: &mut MapMemory,
        input: &MapInput<'_>,
    ) -> MapResponse {
        let _ = (ui, memory, input);
        MapResponse::default()
    }
}
