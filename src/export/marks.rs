//! Routes and place markers in their status styles, described once as shapes that
//! the SVG writer ([`routes`], [`places`], [`marker`]) and the PNG painter
//! (`paint` and `sprite`) both draw, so the two exports show the same thing.

use super::frame::Frame;
use super::svg::{N, Svg, hex};
use super::{Scene, scene::NEUTRAL_RGB};
use crate::control::Status;
use crate::model::PlaceKind;

/// Near-black of marker outlines.
const INK: [u8; 3] = [0x1e, 0x1e, 0x1e];
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
/// segments to mark severed (a red ×). Empty when the routes layer is off.
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
    // A segment shared by two routes, or run both ways, is drawn once and always from
    // the same end, so a front line's dashes stay dashes.
    let mut seen = std::collections::HashSet::new();
    for (route, state) in scenario.routes.iter().zip(&scene.routes) {
        let severed = scene.layers.severed && !state.severed_for.is_empty();
        for (pair, holder) in route.waypoints.windows(2).zip(&state.segments) {
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
            if severed && holder.is_none() {
                severed_at.push([(a[0] + b[0]) / 2.0, (a[1] + b[1]) / 2.0]);
            }
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

/// One part of a marker, centred at the origin.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Shape {
    /// A circle of radius `r`, filled and/or stroked (dashed when `dash` is set).
    Circle {
        r: f64,
        fill: Option<[u8; 3]>,
        stroke: Option<[u8; 3]>,
        width: f64,
        dash: Option<[f64; 2]>,
    },
    /// The left or right half of a disc of radius `r`.
    Half { r: f64, left: bool, fill: [u8; 3] },
    /// A vertical line from `y0` to `y1` at x = 0.
    Bar {
        y0: f64,
        y1: f64,
        rgb: [u8; 3],
        width: f64,
    },
}

/// A marker: its shapes, drawn in order, and the opacity of the whole.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Marker {
    pub shapes: Vec<Shape>,
    pub opacity: f64,
}

/// The marker of radius `r` in the style of `status`: confirmed solid, claimed hollow,
/// contested half and half (rival on the right) with a ring and bar, inferred faint,
/// unknown grey, assumed dashed.
pub(super) fn marker_shapes(
    status: Status,
    colour: [u8; 3],
    rival: Option<[u8; 3]>,
    r: f64,
    u: f64,
) -> Marker {
    let circle = |fill, stroke, width| Shape::Circle {
        r,
        fill,
        stroke: Some(stroke),
        width,
        dash: None,
    };
    let (shapes, opacity) = match status {
        Status::Confirmed => (vec![circle(Some(colour), INK, 1.2 * u)], 1.0),
        Status::Claimed => (vec![circle(Some([0xff; 3]), colour, 2.8 * u)], 1.0),
        Status::Inferred => (vec![circle(Some(colour), colour, u)], 0.45),
        Status::Unknown => (vec![circle(Some([0xbd; 3]), [0x61; 3], u)], 1.0),
        Status::Assumed => {
            let dashed = Shape::Circle {
                r,
                fill: Some(colour),
                stroke: Some(INK),
                width: 1.8 * u,
                dash: Some([2.5 * u, 2.0 * u]),
            };
            (vec![dashed], 1.0)
        }
        Status::Contested => {
            let other = rival.unwrap_or([0xff, 0xff, 0xff]);
            let shapes = vec![
                Shape::Half {
                    r,
                    left: true,
                    fill: colour,
                },
                Shape::Half {
                    r,
                    left: false,
                    fill: other,
                },
                Shape::Circle {
                    r,
                    fill: None,
                    stroke: Some(INK),
                    width: 1.6 * u,
                    dash: None,
                },
                Shape::Bar {
                    y0: -r - 2.0 * u,
                    y1: r + 2.0 * u,
                    rgb: INK,
                    width: 1.6 * u,
                },
            ];
            (shapes, 1.0)
        }
    };
    Marker { shapes, opacity }
}

/// One marker at the origin as SVG (also used by the legend).
pub(super) fn marker(svg: &mut Svg, marker: &Marker) {
    let paint = |rgb: Option<[u8; 3]>| rgb.map_or("none".to_owned(), hex);
    for shape in &marker.shapes {
        match *shape {
            Shape::Circle {
                r,
                fill,
                stroke,
                width,
                dash,
            } => {
                let (r, fill, stroke, w) = (N(r), paint(fill), paint(stroke), N(width));
                let mut attrs: Vec<(&str, &dyn std::fmt::Display)> = vec![
                    ("r", &r),
                    ("fill", &fill),
                    ("stroke", &stroke),
                    ("stroke-width", &w),
                ];
                let dash = dash.map(|[on, off]| format!("{} {}", N(on), N(off)));
                if let Some(dash) = &dash {
                    attrs.push(("stroke-dasharray", dash));
                }
                let opacity = N(marker.opacity);
                if marker.opacity < 1.0 {
                    attrs.push(("opacity", &opacity));
                }
                svg.empty("circle", &attrs);
            }
            Shape::Half { r, left, fill } => {
                let sweep = if left { 0 } else { 1 };
                let d = format!("M0 {}A{} {} 0 0 {sweep} 0 {}Z", N(-r), N(r), N(r), N(r));
                svg.empty("path", &[("d", &d), ("fill", &hex(fill))]);
            }
            Shape::Bar { y0, y1, rgb, width } => {
                let d = format!("M0 {}V{}", N(y0), N(y1));
                svg.empty(
                    "path",
                    &[
                        ("d", &d),
                        ("stroke", &hex(rgb)),
                        ("stroke-width", &N(width)),
                    ],
                );
            }
        }
    }
}
