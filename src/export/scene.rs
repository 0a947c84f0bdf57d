//! One state of the world to export: the resolution at a moment under a view, the
//! routes, the places' details (computed when first asked for), and the layers that
//! decide what is drawn.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use ::geo::MultiPolygon;
use jiff::Timestamp;

use crate::control::{Engine, PlaceDetails, Resolution, RouteState, View};
use crate::geo::{
    Basemap, MAX_REACH_KM, Projection, capped_cells, capped_convex_cells, dissolve_by_key, reach_km,
};
use crate::layers::Layers;
use crate::model::{Claim, Document, Source};

/// How the territory is drawn, stated in the legend, the brief and GeoJSON: the rule of
/// [`crate::geo::reach`], which the window's caveat states too.
pub const TERRITORY_METHOD: &str = crate::geo::TERRITORY_METHOD;

/// The legend's words for a road held by one side (drawn solid in its colour); the
/// print legend and the window's key both read them.
pub const ROAD_HELD: &str = "held by one side";

/// The legend's words for a road between places held by different sides (dashed grey).
pub const ROAD_FRONT: &str = "front line";

/// The legend's words for a severed road (a thick red underlay).
pub const ROAD_SEVERED: &str = "road severed for a side that holds both ends";

/// A status's legend row: "stale: no report within 72 hours", the others with their
/// definitions. The print legend and the window's key both read it.
pub fn status_legend(status: crate::control::Status, freshness_hours: u32) -> String {
    match status {
        crate::control::Status::Stale => {
            format!("stale: no report within {freshness_hours} hours")
        }
        _ => format!("{}: {}", status.as_str(), status.definition()),
    }
}

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
    /// Claims, sources and explanation of each place, made on first use: the brief
    /// and GeoJSON need them, the map does not.
    details: OnceLock<Vec<PlaceDetails>>,
}

impl<'a> Scene<'a> {
    /// Resolves the scenario at `at` under `view`.
    pub fn new(engine: &'a Engine, view: &'a View, layers: &'a Layers, at: Timestamp) -> Self {
        let resolution = engine.resolve(view, at);
        let routes = engine.routes(&resolution);
        Self {
            engine,
            view,
            layers,
            resolution,
            routes,
            details: OnceLock::new(),
        }
    }

    /// Claims, sources and explanation of each place, in scenario order.
    pub fn details(&self) -> &[PlaceDetails] {
        self.details.get_or_init(|| {
            (0..self.engine.scenario().places.len())
                .map(|p| self.engine.place_details(self.view, &self.resolution, p))
                .collect()
        })
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

    /// The faction on the other side of a contested place: [`Engine::rival_faction`],
    /// the rule the window uses too.
    pub fn rival_faction(&self, p: usize) -> Option<u16> {
        self.engine.rival_faction(self.resolution.places.get(p)?)
    }

    /// The claims the shown places count at the moment (each place's own and its
    /// regions', so a claim may come more than once): what the legend's sources and
    /// the footer's publications are drawn from. The same claims as the shown places'
    /// [`PlaceDetails::claims`], found without building the details.
    fn counted_claims(&self) -> impl Iterator<Item = &'a Claim> + '_ {
        let scenario = self.engine.scenario();
        let at_secs = self.resolution.at_secs;
        (0..scenario.places.len())
            .filter(|&p| self.shows_place(p))
            .flat_map(move |p| {
                self.engine
                    .place_claims(p)
                    .iter()
                    .map(|&c| c as usize)
                    .take_while(move |&c| {
                        self.engine
                            .claim_effective_secs(c)
                            .is_some_and(|s| s <= at_secs)
                    })
            })
            .filter_map(move |c| scenario.claims.get(c))
            .filter(move |claim| self.view.counts_claim(scenario, claim))
    }

    /// The sources (originators and relays) behind the claims the shown places count,
    /// sorted by id.
    pub fn sources_used(&self) -> Vec<&'a Source> {
        let scenario = self.engine.scenario();
        let ids: BTreeSet<&str> = self.counted_claims().flat_map(Claim::sources).collect();
        ids.into_iter()
            .filter_map(|id| scenario.source_index(id))
            .map(|s| &scenario.sources[s])
            .collect()
    }

    /// The documents behind the claims the shown places count, sorted by id.
    pub fn documents_used(&self) -> Vec<&'a Document> {
        let scenario = self.engine.scenario();
        let ids: BTreeSet<&str> = self
            .counted_claims()
            .filter_map(|claim| claim.document.as_deref())
            .collect();
        scenario
            .documents
            .iter()
            .filter(|d| ids.contains(d.id.as_str()))
            .collect()
    }

    /// The factions that hold a shown place, in faction order: the ones the legend lists.
    pub fn holding_factions(&self) -> Vec<u16> {
        let held: BTreeSet<u16> = (0..self.resolution.places.len())
            .filter(|&p| self.shows_place(p))
            .filter_map(|p| self.resolution.places[p].controller)
            .collect();
        held.into_iter().collect()
    }

    /// The shown factions' Voronoi cells around their places, each cut to its place's
    /// reach ([`crate::geo::reach`]) but not to Syria and undissolved, in plot coordinates
    /// of [`Projection::syria`], grouped by faction in faction order.
    /// Filled together and masked by Syria's outline they show [`Self::territory`]
    /// without polygon clipping or unions (the PNG export draws them so).
    pub fn territory_cells(&self, basemap: &Basemap) -> Vec<(u16, Vec<Vec<[f64; 2]>>)> {
        let Some(rect) = basemap
            .syria_outline()
            .map(|outline| Projection::syria().plot_from_lonlat_polygons(outline))
            .and_then(|outline| ::geo::BoundingRect::bounding_rect(&outline))
        else {
            return Vec::new();
        };
        let margin = MAX_REACH_KM / crate::geo::projection::KM_PER_DEGREE_LAT;
        let bounds = [
            [rect.min().x - margin, rect.min().y - margin],
            [rect.max().x + margin, rect.max().y + margin],
        ];
        let mut groups: std::collections::BTreeMap<u16, Vec<Vec<[f64; 2]>>> = Default::default();
        for (p, ring) in capped_convex_cells(&self.sites(), bounds, &Projection::syria()) {
            let Some(f) = self.resolution.places[p].controller else {
                continue;
            };
            if self
                .faction_id(Some(f))
                .is_some_and(|id| self.layers.shows_faction(id))
            {
                groups.entry(f).or_default().push(ring);
            }
        }
        groups.into_iter().collect()
    }

    /// Every place as a Voronoi site: `[lon, lat]`, its index and its reach in km.
    fn sites(&self) -> Vec<([f64; 2], usize, f64)> {
        self.engine
            .scenario()
            .places
            .iter()
            .enumerate()
            .map(|(p, place)| {
                (
                    [place.lon, place.lat],
                    p,
                    reach_km(place.kind, place.population),
                )
            })
            .collect()
    }

    /// Territory per shown faction: Voronoi cells around every place cut to its reach,
    /// clipped to Syria's outline and dissolved per controller; sorted by faction.
    pub fn territory(&self, basemap: &Basemap) -> Vec<(u16, MultiPolygon<f64>)> {
        let Some(outline) = basemap.syria_outline() else {
            return Vec::new();
        };
        let cells: Vec<(u16, MultiPolygon<f64>)> =
            capped_cells(&self.sites(), outline, &Projection::syria())
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::synthetic::{SyntheticSize, synthetic_scenario};

    #[test]
    fn sources_used_are_the_shown_places_detail_sources() {
        let size = SyntheticSize {
            places: 80,
            claims: 600,
            days: 10,
        };
        let engine = Engine::new(synthetic_scenario(3, size));
        let (first, last) = engine.time_range_secs().unwrap();
        let scenario = engine.scenario();
        let mut hiding = View::default();
        hiding.hidden_sources.insert(scenario.sources[0].id.clone());
        let mut layers = Layers::default();
        layers.hidden_statuses.insert("unknown".into());
        for at_secs in [first - 1, (first + last) / 2, last] {
            let at = Timestamp::from_second(at_secs).unwrap();
            for view in [&View::default(), &hiding] {
                let scene = Scene::new(&engine, view, &layers, at);
                let expected: BTreeSet<&str> = scene
                    .details()
                    .iter()
                    .enumerate()
                    .filter(|(p, _)| scene.shows_place(*p))
                    .flat_map(|(_, d)| d.sources.iter().map(String::as_str))
                    .collect();
                let got: Vec<&str> = scene.sources_used().iter().map(|s| s.id.as_str()).collect();
                assert_eq!(got, expected.into_iter().collect::<Vec<_>>(), "at {at}");
            }
        }
    }
}
