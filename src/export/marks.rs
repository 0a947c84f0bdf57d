//! Routes and place markers in their status styles.

use super::frame::Frame;
use super::svg::{N, Svg, hex};
use super::{Scene, scene::NEUTRAL_RGB};
use crate::control::Status;
use crate::model::PlaceKind;

/// Marker radius in design pixels, by the kind of place.
pub(super) fn radius(kind: PlaceKind) -> f64 {
    match kind {
        PlaceKind::Capital => 8.5,
        PlaceKind::GovernorateSeat | PlaceKind::City => 6.5,
        _ => 5.0,
    }
}

/// Roads coloured by segment holder, front lines dashed grey, severed routes marked ×.
pub(super) fn routes(svg: &mut Svg, scene: &Scene<'_>, frame: &Frame, u: f64) {
    if !scene.layers.routes {
        return;
    }
    let scenario = scene.engine.scenario();
    let position = |id: &str| {
        scenario
            .place_index(id)
            .map(|p| frame.px([scenario.places[p].lon, scenario.places[p].lat]))
    };
    svg.open(
        "g",
        &[
            ("id", &"routes"),
            ("stroke-linecap", &"round"),
            ("fill", &"none"),
        ],
    );
    for (route, state) in scenario.routes.iter().zip(&scene.routes) {
        let severed = scene.layers.severed && !state.severed_for.is_empty();
        for (pair, holder) in route.waypoints.windows(2).zip(&state.segments) {
            let (Some(a), Some(b)) = (position(&pair[0]), position(&pair[1])) else {
                continue;
            };
            let shown = holder.filter(|&f| {
                scene
                    .faction_id(Some(f))
                    .is_some_and(|id| scene.layers.shows_faction(id))
            });
            let d = format!("M{} {}L{} {}", N(a[0]), N(a[1]), N(b[0]), N(b[1]));
            svg.empty(
                "path",
                &[
                    ("d", &d),
                    ("stroke", &"#ffffff"),
                    ("stroke-width", &N(6.0 * u)),
                ],
            );
            let colour = hex(shown.map_or(NEUTRAL_RGB, |f| scene.rgb(Some(f))));
            let dash = if holder.is_none() {
                format!("{} {}", N(6.0 * u), N(5.0 * u))
            } else {
                "none".to_owned()
            };
            svg.empty(
                "path",
                &[
                    ("d", &d),
                    ("stroke", &colour),
                    ("stroke-width", &N(3.0 * u)),
                    ("stroke-dasharray", &dash),
                ],
            );
            if severed && holder.is_none() {
                severed_mark(svg, [(a[0] + b[0]) / 2.0, (a[1] + b[1]) / 2.0], u);
            }
        }
    }
    svg.close("g");
}

/// A red × where a route is cut.
pub(super) fn severed_mark(svg: &mut Svg, [x, y]: [f64; 2], u: f64) {
    let s = 6.0 * u;
    let d = format!(
        "M{} {}L{} {}M{} {}L{} {}",
        N(x - s),
        N(y - s),
        N(x + s),
        N(y + s),
        N(x - s),
        N(y + s),
        N(x + s),
        N(y - s)
    );
    svg.empty(
        "path",
        &[
            ("class", &"severed"),
            ("d", &d),
            ("stroke", &"#d0021b"),
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
        marker(svg, state.status, colour, rival, radius(place.kind) * u, u);
        svg.close("g");
    }
    svg.close("g");
}

/// One marker at the origin in the style of `status` (also used by the legend).
pub(super) fn marker(
    svg: &mut Svg,
    status: Status,
    colour: [u8; 3],
    rival: Option<[u8; 3]>,
    r: f64,
    u: f64,
) {
    let fill = hex(colour);
    let circle = |svg: &mut Svg, fill: &str, stroke: &str, width: f64, extra: &[(&str, &str)]| {
        let (r, w) = (N(r), N(width));
        let mut attrs: Vec<(&str, &dyn std::fmt::Display)> = vec![
            ("r", &r),
            ("fill", &fill),
            ("stroke", &stroke),
            ("stroke-width", &w),
        ];
        attrs.extend(extra.iter().map(|(k, v)| (*k, v as &dyn std::fmt::Display)));
        svg.empty("circle", &attrs);
    };
    match status {
        Status::Confirmed => circle(svg, &fill, "#1e1e1e", 1.2 * u, &[]),
        Status::Claimed => circle(svg, "#ffffff", &fill, 2.8 * u, &[]),
        Status::Inferred => circle(svg, &fill, &fill, u, &[("opacity", "0.45")]),
        Status::Unknown => circle(svg, "#bdbdbd", "#616161", u, &[]),
        Status::Assumed => {
            let dash = format!("{} {}", N(2.5 * u), N(2.0 * u));
            circle(
                svg,
                &fill,
                "#1e1e1e",
                1.8 * u,
                &[("stroke-dasharray", &dash)],
            );
        }
        Status::Contested => {
            let other = hex(rival.unwrap_or([0xff, 0xff, 0xff]));
            let half =
                |sweep: u8| format!("M0 {}A{} {} 0 0 {sweep} 0 {}Z", N(-r), N(r), N(r), N(r));
            svg.empty("path", &[("d", &half(0)), ("fill", &fill)]);
            svg.empty("path", &[("d", &half(1)), ("fill", &other)]);
            circle(svg, "none", "#1e1e1e", 1.6 * u, &[]);
            let bar = format!("M0 {}V{}", N(-r - 2.0 * u), N(r + 2.0 * u));
            svg.empty(
                "path",
                &[
                    ("d", &bar),
                    ("stroke", &"#1e1e1e"),
                    ("stroke-width", &N(1.6 * u)),
                ],
            );
        }
    }
}
