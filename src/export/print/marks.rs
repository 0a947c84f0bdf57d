//! Routes and place markers: the roads as [`Lines`] per style, which the SVG writer
//! ([`routes`]) and the PNG painter (`paint`) both draw, and the SVG's marker groups
//! (the markers' shapes are in `marker`), so the two exports show the same thing.

use super::frame::Frame;
use super::marker::{marker, marker_shapes};
use super::svg::{N, Svg, hex};
use crate::export::{NEUTRAL_RGB, Scene};
use crate::model::PlaceKind;

/// Red of the severed-route mark.
pub(super) const SEVERED_RGB: [u8; 3] = [0xd0, 0x02, 0x1b];

/// Marker radius in design pixels, by the kind of place.
pub(super) fn radius(kind: PlaceKind) -> f64 {
    match kind {
        PlaceKind::Capital => 8.5,
        PlaceKind::GovernorateSeat | PlaceKind::City => 6.5,
        _ => 5.0,
    }
}

/// Road segments drawn with one stroke style (one path in either export).
pub(super) struct Lines {
    /// Stroke colour.
    pub rgb: [u8; 3],
    /// Stroke width in pixels.
    pub width_px: f64,
    /// Dash and gap lengths in pixels, `None` for solid.
    pub dash_px: Option<[f64; 2]>,
    /// Segments, pixel end points.
    pub segments: Vec<[[f64; 2]; 2]>,
}

/// The roads: a white casing under every segment, then segments coloured by holder in
/// faction order (hidden holders grey), front lines dashed grey; and the centres of the
/// segments where the engine says a road is cut, to mark with a red ×. Empty when the routes layer is off.
pub(super) fn route_lines(scene: &Scene<'_>, frame: &Frame, u: f64) -> (Vec<Lines>, Vec<[f64; 2]>) {
    if !scene.layers.routes {
        return (Vec::new(), Vec::new());
    }
    let scenario = scene.engine.scenario();
    // Each place's position once, found by id through a hash map: there are two
    // lookups per segment and tens of thousands of segments at the large scale.
    let positions: std::collections::HashMap<&str, [f64; 2]> = scenario
        .places
        .iter()
        .map(|place| (place.id.as_str(), frame.px([place.lon, place.lat])))
        .collect();
    let position = |id: &str| positions.get(id).copied();
    let solid = |rgb| Lines {
        rgb,
        width_px: 3.0 * u,
        dash_px: None,
        segments: Vec::new(),
    };
    let mut casing = Lines {
        width_px: 6.0 * u,
        ..solid([0xff, 0xff, 0xff])
    };
    let mut held: std::collections::BTreeMap<u16, Lines> = Default::default();
    let mut hidden = solid(NEUTRAL_RGB);
    let mut front = Lines {
        dash_px: Some([6.0 * u, 5.0 * u]),
        ..solid(NEUTRAL_RGB)
    };
    let mut severed_at = Vec::new();
    let mut severed_seen = std::collections::HashSet::new();
    // A segment shared by two routes, or run both ways, is drawn once and always from
    // the same end, so a front line's dashes stay dashes.
    let mut seen = std::collections::HashSet::new();
    for (route, state) in scenario.routes.iter().zip(&scene.routes) {
        for (i, (pair, holder)) in route.waypoints.windows(2).zip(&state.segments).enumerate() {
            let (Some(a), Some(b)) = (position(&pair[0]), position(&pair[1])) else {
                continue;
            };
            if !frame.may_show_segment([a, b], 8.0 * u) {
                // Wholly outside the map (with room for the casing and the × mark).
                continue;
            }
            let (a, b) = if (a[0], a[1]) <= (b[0], b[1]) {
                (a, b)
            } else {
                (b, a)
            };
            let bits = [a[0], a[1], b[0], b[1]].map(f64::to_bits);
            // Where the engine says the road is cut ([`RouteState::severs`]): the
            // window marks the same segments.
            if scene.layers.severed && state.severs(i) && severed_seen.insert(bits) {
                severed_at.push([(a[0] + b[0]) / 2.0, (a[1] + b[1]) / 2.0]);
            }
            if !seen.insert((bits, *holder)) {
                continue;
            }
            casing.segments.push([a, b]);
            let lines = match *holder {
                None => &mut front,
                Some(f)
                    if scene
                        .faction_id(Some(f))
                        .is_some_and(|id| scene.layers.shows_faction(id)) =>
                {
                    held.entry(f).or_insert_with(|| solid(scene.rgb(Some(f))))
                }
                Some(_) => &mut hidden,
            };
            lines.segments.push([a, b]);
        }
    }
    let lines = std::iter::once(casing)
        .chain(held.into_values())
        .chain([hidden, front])
        .filter(|l| !l.segments.is_empty())
        .collect();
    (lines, severed_at)
}

/// The arms of a red × of half-size `6u` centred at `[x, y]`.
pub(super) fn severed_arms([x, y]: [f64; 2], u: f64) -> [[[f64; 2]; 2]; 2] {
    let s = 6.0 * u;
    [
        [[x - s, y - s], [x + s, y + s]],
        [[x - s, y + s], [x + s, y - s]],
    ]
}

/// Path data of line segments.
fn segments_data(segments: &[[[f64; 2]; 2]]) -> String {
    let mut d = String::with_capacity(segments.len() * 24);
    for [a, b] in segments {
        d.push_str(&format!("M{} {}L{} {}", N(a[0]), N(a[1]), N(b[0]), N(b[1])));
    }
    d
}

/// Roads coloured by segment holder, front lines dashed grey, severed routes marked ×.
pub(super) fn routes(svg: &mut Svg, scene: &Scene<'_>, frame: &Frame, u: f64) {
    if !scene.layers.routes {
        return;
    }
    let (lines, severed_at) = route_lines(scene, frame, u);
    svg.open(
        "g",
        &[
            ("id", &"routes"),
            ("stroke-linecap", &"round"),
            ("fill", &"none"),
        ],
    );
    for l in &lines {
        let dash = l.dash_px.map_or("none".to_owned(), |[on, off]| {
            format!("{} {}", N(on), N(off))
        });
        svg.empty(
            "path",
            &[
                ("d", &segments_data(&l.segments)),
                ("stroke", &hex(l.rgb)),
                ("stroke-width", &N(l.width_px)),
                ("stroke-dasharray", &dash),
            ],
        );
    }
    for &at in &severed_at {
        severed_mark(svg, at, u);
    }
    svg.close("g");
}

/// A red × where a route is cut.
pub(super) fn severed_mark(svg: &mut Svg, at: [f64; 2], u: f64) {
    svg.empty(
        "path",
        &[
            ("class", &"severed"),
            ("d", &segments_data(&severed_arms(at, u))),
            ("stroke", &hex(SEVERED_RGB)),
            ("stroke-width", &N(3.0 * u)),
        ],
    );
}

/// Every shown place as a marker group `place-ID` translated to its position.
pub(super) fn places(svg: &mut Svg, scene: &Scene<'_>, frame: &Frame, u: f64) {
    let scenario = scene.engine.scenario();
    svg.open("g", &[("id", &"places")]);
    for (p, place) in scenario.places.iter().enumerate() {
        if !scene.shows_place(p) {
            continue;
        }
        let [x, y] = frame.px([place.lon, place.lat]);
        let state = scene.resolution.places[p];
        let id = format!("place-{}", place.id);
        let class = format!("place {}", state.status.as_str());
        let at = format!("translate({} {})", N(x), N(y));
        svg.open("g", &[("id", &id), ("class", &class), ("transform", &at)]);
        let colour = scene.rgb(state.controller);
        let rival = scene.rival_faction(p).map(|f| scene.rgb(Some(f)));
        marker(
            svg,
            &marker_shapes(state.status, colour, rival, radius(place.kind) * u, u),
        );
        svg.close("g");
    }
    svg.close("g");
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use crate::control::{Engine, Status, View};
    use crate::layers::Layers;

    /// The print map marks the engine's severed segments and rival factions, nothing of
    /// its own (the window's test is in `ui::map::marks`).
    #[test]
    fn severed_segments_and_rivals_are_the_engines() {
        let engine = Engine::new(crate::io::default_scenario().unwrap());
        let scenario = engine.scenario();
        let frame = Frame::fit([35.0, 32.0, 43.0, 37.5], [0.0, 0.0, 1600.0, 1000.0]);
        let mut what_if = View::default();
        what_if.add_assumption("homs=rebels", scenario).unwrap();
        let layers = Layers::default();
        let (mut severed, mut rivals) = (0, 0);
        for view in [View::default(), what_if] {
            for at in [
                "2024-11-30T12:00:00Z",
                "2024-12-06T18:00:00Z",
                "2024-12-07T23:59:59Z",
            ] {
                let scene = Scene::new(&engine, &view, &layers, at.parse().unwrap());
                let (_, mut marked) = route_lines(&scene, &frame, 1.0);
                let mut expected = Vec::new();
                for (route, state) in scenario.routes.iter().zip(&scene.routes) {
                    for i in (0..state.segments.len()).filter(|&i| state.severs(i)) {
                        let ends = [i, i + 1].map(|w| {
                            let p = scenario.place_index(&route.waypoints[w]).unwrap();
                            frame.px([scenario.places[p].lon, scenario.places[p].lat])
                        });
                        expected.push([0, 1].map(|k| (ends[0][k] + ends[1][k]) / 2.0));
                    }
                }
                let key = |p: &[f64; 2]| p.map(f64::to_bits);
                marked.sort_by_key(key);
                expected.sort_by_key(key);
                expected.dedup();
                assert_eq!(marked, expected, "{at}");
                severed += marked.len();
                for (p, state) in scene.resolution.places.iter().enumerate() {
                    assert_eq!(scene.rival_faction(p), engine.rival_faction(state));
                    if state.status == Status::Contested {
                        assert!(scene.rival_faction(p).is_some());
                        rivals += 1;
                    }
                }
            }
        }
        assert!(severed > 0 && rivals > 0, "{severed} {rivals}");
    }
}
