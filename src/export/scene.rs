//! One state of the world to export: the resolution at a moment under a view, the
//! routes, every place's details, and the layers that decide what is drawn.

use std::collections::BTreeSet;

use ::geo::MultiPolygon;
use jiff::Timestamp;

use crate::control::{Engine, PlaceDetails, Resolution, RouteState, Status, View};
use crate::geo::{Basemap, Projection, dissolve_by_key, voronoi_cells};
use crate::layers::Layers;
use crate::model::{ControlEffect, Source};

/// Grey for places and segments that no faction holds.
pub const NEUTRAL_RGB: [u8; 3] = [0x9e, 0x9e, 0x9e];

/// Everything an export shows, computed once.
pub struct Scene<'a> {
    /// The engine over the scenario.
    pub engine: &'a Engine,
    /// Perspective, hidden sources and what-if.
    pub view: &'a View,
    /// Which layers are shown.
    pub layers: &'a Layers,
    /// Who holds what at the moment.
    pub resolution: Resolution,
    /// Segment holders and severed routes.
    pub routes: Vec<RouteState>,
    /// Claims, sources and explanation of each place, in scenario order.
    pub details: Vec<PlaceDetails>,
}

impl<'a> Scene<'a> {
    /// Resolves the scenario at `at` under `view`.
    pub fn new(engine: &'a Engine, view: &'a View, layers: &'a Layers, at: Timestamp) -> Self {
        let resolution = engine.resolve(view, at);
        let routes = engine.routes(&resolution);
        let details = (0..engine.scenario().places.len())
            .map(|p| engine.place_details(view, &resolution, p))
            .collect();
        Self {
            engine,
            view,
            layers,
            resolution,
            routes,
            details,
        }
    }

    /// The faction id of a faction index.
    pub fn faction_id(&self, faction: Option<u16>) -> Option<&'a str> {
        let factions = &self.engine.scenario().factions;
        faction
            .and_then(|f| factions.get(usize::from(f)))
            .map(|f| f.id.as_str())
    }

    /// The display colour of a faction, grey for none or a bad colour.
    pub fn rgb(&self, faction: Option<u16>) -> [u8; 3] {
        let factions = &self.engine.scenario().factions;
        faction
            .and_then(|f| factions.get(usize::from(f)))
            .and_then(|f| f.rgb())
            .unwrap_or(NEUTRAL_RGB)
    }

    /// True when place `p` is drawn under the layers.
    pub fn shows_place(&self, p: usize) -> bool {
        let state = &self.resolution.places[p];
        self.layers
            .shows_place(self.faction_id(state.controller), state.status)
    }

    /// The faction the place's strongest disagreeing claim names, for contested places.
    pub fn rival_faction(&self, p: usize) -> Option<u16> {
        let state = &self.resolution.places[p];
        if state.status != Status::Contested {
            return None;
        }
        let scenario = self.engine.scenario();
        let claim = scenario.claims.get(state.rival? as usize)?;
        let index = |id: &Option<String>| {
            id.as_deref()
                .and_then(|id| scenario.faction_index(id))
                .and_then(|f| u16::try_from(f).ok())
        };
        let (actor, counterpart) = (index(&claim.actor), index(&claim.counterpart));
        let rival = match claim.assertion.effect(actor, counterpart) {
            ControlEffect::Sets(f) => Some(f),
            _ if actor != state.controller => actor,
            _ => counterpart,
        };
        rival.filter(|&f| Some(f) != state.controller)
    }

    /// The sources behind the claims the shown places count, sorted by id.
    pub fn sources_used(&self) -> Vec<&'a Source> {
        let ids: BTreeSet<&str> = self
            .details
            .iter()
            .enumerate()
            .filter(|(p, _)| self.shows_place(*p))
            .flat_map(|(_, d)| d.sources.iter().map(String::as_str))
            .collect();
        let scenario = self.engine.scenario();
        ids.into_iter()
            .filter_map(|id| scenario.source_index(id).map(|s| &scenario.sources[s]))
            .collect()
    }

    /// Territory per shown faction: Voronoi cells around every place, clipped to
    /// Syria's outline and dissolved per controller; sorted by faction.
    pub fn territory(&self, basemap: &Basemap) -> Vec<(u16, MultiPolygon<f64>)> {
        let Some(outline) = basemap.syria_outline() else {
            return Vec::new();
        };
        let scenario = self.engine.scenario();
        let sites: Vec<([f64; 2], usize)> = scenario
            .places
            .iter()
            .enumerate()
            .map(|(p, place)| ([place.lon, place.lat], p))
            .collect();
        let cells: Vec<(u16, MultiPolygon<f64>)> =
            voronoi_cells(&sites, outline, &Projection::syria())
                .into_iter()
                .filter_map(|(p, cell)| Some((self.resolution.places[p].controller?, cell)))
                .filter(|(f, _)| {
                    self.faction_id(Some(*f))
                        .is_some_and(|id| self.layers.shows_faction(id))
                })
                .collect();
        dissolve_by_key(&cells)
    }
}
