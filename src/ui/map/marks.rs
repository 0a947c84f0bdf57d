//! Place markers and route segments: what each looks like, decided from the resolution.

use egui::Color32;

use super::radius::MIN_RADIUS;
use super::statics::SceneStatics;
use crate::control::{Engine, PlaceState, RouteState, Status};
use crate::ui::theme;

/// How a marker is drawn, by the place's status.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkerStyle {
    /// Solid fill with a dark outline.
    Confirmed,
    /// A hollow ring in the controller's colour.
    Claimed,
    /// Two halves: the controller's colour and the rival's, with a red outline.
    Contested {
        /// The rival faction's colour.
        rival: Color32,
    },
    /// A faint fill with a solid outline.
    Inferred,
    /// A faint fill with a dashed grey outline: no report within the freshness window.
    Stale,
    /// Grey.
    Unknown,
    /// Solid fill with a dashed white outline.
    Assumed,
}

impl MarkerStyle {
    /// The style of a place with `status`; `rival` is the rival's colour, used only
    /// when contested. The map and its key both draw from this.
    pub fn of(status: Status, rival: Color32) -> Self {
        match status {
            Status::Confirmed => Self::Confirmed,
            Status::Claimed => Self::Claimed,
            Status::Contested => Self::Contested { rival },
            Status::Inferred => Self::Inferred,
            Status::Stale => Self::Stale,
            Status::Unknown => Self::Unknown,
            Status::Assumed => Self::Assumed,
        }
    }
}

/// One place's marker.
#[derive(Clone, Debug, PartialEq)]
pub struct Marker {
    /// Place index.
    pub place: usize,
    /// Position in plot coordinates.
    pub pos: [f64; 2],
    /// Radius in screen points.
    pub radius: f32,
    /// The controller's colour (grey when unknown).
    pub color: Color32,
    /// How to draw it.
    pub style: MarkerStyle,
    /// Population, for labelling order.
    pub population: u64,
}

/// The markers of the places marked `visible`, in place order, into `out` (its memory
/// is reused from one moment to the next).
pub fn markers_into(
    engine: &Engine,
    statics: &SceneStatics,
    (states, visible): (&[PlaceState], &[bool]),
    out: &mut Vec<Marker>,
) {
    out.clear();
    for (p, state) in states.iter().enumerate() {
        if !visible.get(p).copied().unwrap_or(false) {
            continue;
        }
        let rival = if state.status == Status::Contested {
            statics.color(engine.rival_faction(state))
        } else {
            Color32::TRANSPARENT
        };
        let style = MarkerStyle::of(state.status, rival);
        out.push(Marker {
            place: p,
            pos: statics.positions.get(p).copied().unwrap_or([f64::NAN; 2]),
            radius: statics.radii.get(p).copied().unwrap_or(MIN_RADIUS),
            color: statics.color(state.controller),
            style,
            population: statics.populations.get(p).copied().unwrap_or(0),
        });
    }
}

/// One stretch of road between two consecutive waypoints.
#[derive(Clone, Debug, PartialEq)]
pub struct RouteSegment {
    /// Route index.
    pub route: usize,
    /// Ends in plot coordinates.
    pub ends: [[f64; 2]; 2],
    /// The holder's colour, or the front-line grey.
    pub color: Color32,
    /// Front line: drawn dashed.
    pub front: bool,
    /// Cuts the road of a faction holding both sides: drawn thick with a red outline.
    pub severing: bool,
}

/// Every route's segments; with `severed`, those the engine says cut a faction's road
/// ([`RouteState::severs`]) are marked. The map decides nothing about routes itself.
pub fn route_segments(
    statics: &SceneStatics,
    states: &[RouteState],
    severed: bool,
) -> Vec<RouteSegment> {
    statics
        .segments
        .iter()
        .filter_map(|segment| {
            let (route, i) = (segment.route as usize, segment.index as usize);
            let state = states.get(route)?;
            let holder = *state.segments.get(i)?;
            Some(RouteSegment {
                route,
                ends: segment.ends,
                color: match holder {
                    Some(_) => statics.color(holder),
                    None => theme::route_front(),
                },
                front: state.is_front(i),
                severing: severed && state.severs(i),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use crate::control::View;
    use crate::geo::Basemap;
    use crate::ui::map::{MapInput, MapLayers, MapScene};

    /// The window draws the engine's severed segments and rival factions, nothing of its own.
    #[test]
    fn severed_segments_and_rivals_are_the_engines() {
        let engine = Engine::new(crate::io::default_scenario().unwrap());
        let scenario = engine.scenario();
        let basemap = Basemap::embedded().unwrap();
        let projection = MapScene::projection();
        let position = |p: Option<u32>| {
            let place = &scenario.places[p.unwrap() as usize];
            projection.plot_from_lonlat([place.lon, place.lat])
        };
        let mut what_if = View::default();
        what_if.add_assumption("homs=rebels", scenario).unwrap();
        let layers = MapLayers::default();
        let mut scene = MapScene::default();
        let (mut generation, mut severed, mut rivals) = (0, 0, 0);
        for view in [View::default(), what_if] {
            for at in [
                "2024-11-30T12:00:00Z",
                "2024-12-06T18:00:00Z",
                "2024-12-07T23:59:59Z",
            ] {
                let resolution = engine.resolve(&view, at.parse().unwrap());
                let routes = engine.routes(&resolution);
                generation += 1;
                scene.update(&MapInput {
                    engine: &engine,
                    basemap: &basemap,
                    resolution: &resolution,
                    routes: &routes,
                    layers: &layers,
                    selected: None,
                    generation,
                });
                let drawn: Vec<(usize, [[f64; 2]; 2])> = scene
                    .routes
                    .iter()
                    .filter(|s| s.severing)
                    .map(|s| (s.route, s.ends))
                    .collect();
                let mut expected = Vec::new();
                for (r, state) in routes.iter().enumerate() {
                    let stops = engine.roads().stops(r);
                    for i in (0..state.segments.len()).filter(|&i| state.severs(i)) {
                        expected.push((r, [position(stops[i]), position(stops[i + 1])]));
                    }
                }
                assert_eq!(drawn, expected, "{at}");
                severed += drawn.len();
                for (p, state) in resolution.places.iter().enumerate() {
                    let Some(marker) = scene.marker_of(p) else {
                        continue;
                    };
                    let rival = engine.rival_faction(state);
                    match marker.style {
                        MarkerStyle::Contested { rival: colour } => {
                            assert_eq!(colour, theme::faction_color(scenario, rival));
                            assert!(rival.is_some(), "{}", scenario.places[p].id);
                            rivals += 1;
                        }
                        _ => assert_eq!(rival, None),
                    }
                }
            }
        }
        assert!(severed > 0 && rivals > 0, "{severed} {rivals}");
    }
}
