//! What the map computes once per scenario: each place's position and marker size, the
//! labelling order, the hit-test index, each road segment's ends, the faction colours and
//! the territory cells. A new resolution only recolours these.

use egui::Color32;

use super::hit::PlaceIndex;
use super::radius::radius_for_population;
use super::territory::Territory;
use crate::control::Roads;
use crate::geo::{Basemap, Projection};
use crate::model::Scenario;
use crate::ui::theme;

/// One stretch of road between two consecutive known waypoints.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SegmentGeometry {
    /// Route index.
    pub route: u32,
    /// Segment index within the route (waypoint `index` to `index + 1`).
    pub index: u32,
    /// Ends in plot coordinates.
    pub ends: [[f64; 2]; 2],
}

/// The per-scenario part of the map scene.
pub struct SceneStatics {
    /// Voronoi cells around every place, triangulated.
    pub territory: Territory,
    /// Each place's position in plot coordinates.
    pub positions: Vec<[f64; 2]>,
    /// Each place's marker radius in screen points.
    pub radii: Vec<f32>,
    /// Each place's population (0 when unknown).
    pub populations: Vec<u64>,
    /// Every place index in the labelling order of [`crate::geo::label_priority`].
    pub label_order: Vec<u32>,
    /// Nearest-place lookup over every place.
    pub hit: PlaceIndex,
    /// Every road segment whose two waypoints are known places, route by route.
    pub segments: Vec<SegmentGeometry>,
    /// Each faction's colour (grey when its colour does not parse).
    pub palette: Vec<Color32>,
}

impl SceneStatics {
    /// Computes it all for `scenario`, with `territory` when it is known already, or else
    /// from the basemap (the Voronoi cells are the slow part).
    pub fn build(
        scenario: &Scenario,
        roads: &Roads,
        territory: Result<Territory, (&Basemap, &Projection)>,
    ) -> Self {
        let projection = super::MapScene::projection();
        let positions: Vec<[f64; 2]> = scenario
            .places
            .iter()
            .map(|place| projection.plot_from_lonlat([place.lon, place.lat]))
            .collect();
        let radii = scenario
            .places
            .iter()
            .map(|place| radius_for_population(place.population))
            .collect();
        let populations = scenario.places.iter().map(|p| p.population).collect();
        let label_order: Vec<u32> = crate::geo::label_priority::label_order(scenario)
            .into_iter()
            .filter_map(|p| u32::try_from(p).ok())
            .collect();
        let hit = PlaceIndex::new(positions.iter().copied().enumerate());
        let mut segments = Vec::new();
        for route in 0..scenario.routes.len() {
            let Ok(route_ix) = u32::try_from(route) else {
                break;
            };
            for (i, pair) in roads.stops(route).windows(2).enumerate() {
                let ([Some(a), Some(b)], Ok(index)) = ([pair[0], pair[1]], u32::try_from(i)) else {
                    continue;
                };
                let (Some(&a), Some(&b)) = (positions.get(a as usize), positions.get(b as usize))
                else {
                    continue;
                };
                segments.push(SegmentGeometry {
                    route: route_ix,
                    index,
                    ends: [a, b],
                });
            }
        }
        let palette = (0..scenario.factions.len())
            .map(|f| theme::faction_color(scenario, u16::try_from(f).ok()))
            .collect();
        Self {
            territory: territory.unwrap_or_else(|(basemap, projection)| {
                Territory::build(scenario, basemap, projection)
            }),
            positions,
            radii,
            populations,
            label_order,
            hit,
            segments,
            palette,
        }
    }

    /// A faction's colour, grey for none.
    pub fn color(&self, faction: Option<u16>) -> Color32 {
        faction
            .and_then(|f| self.palette.get(usize::from(f)))
            .copied()
            .unwrap_or_else(theme::unknown_color)
    }
}
