//! Place names, placed greedily in the shared labelling order
//! ([`crate::geo::label_priority`]) where they overlap no other label or marker.

use super::font::text_width;
use super::frame::Frame;
use super::marks::radius;
use super::svg::{N, Svg};
use crate::export::Scene;
use crate::geo::label_priority::{LabelTier, label_order, label_tiers};
use crate::model::PlaceKind;

/// Names of the shown places in labelling order (capital, seats, claimed places, then
/// by size), greedily, where they overlap no other label or marker. The names that
/// matter ([`LabelTier`] above `Other`) may cover the markers of places after them, as
/// the window's labels do, so a capital ringed by suburbs is still named.
pub(super) fn labels(svg: &mut Svg, scene: &Scene<'_>, frame: &Frame, u: f64) {
    let scenario = scene.engine.scenario();
    let tiers = label_tiers(scenario);
    let order: Vec<usize> = label_order(scenario)
        .into_iter()
        .filter(|&p| scene.shows_place(p))
        .collect();
    let marker_box = |p: usize| {
        let place = &scenario.places[p];
        let [x, y] = frame.px([place.lon, place.lat]);
        let r = radius(place.kind) * u;
        [x - r, y - r, x + r, y + r]
    };
    // Markers, in labelling order; a label checks the first `before` of them.
    let markers: Vec<[f64; 4]> = order.iter().map(|&p| marker_box(p)).collect();
    let mut taken: Vec<[f64; 4]> = Vec::new();
    svg.open(
        "g",
        &[
            ("id", &"labels"),
            ("fill", &"#1e1e1e"),
            ("stroke", &"#ffffff"),
            ("stroke-width", &N(3.0 * u)),
            ("stroke-linejoin", &"round"),
            ("paint-order", &"stroke"),
        ],
    );
    let mut count = 0;
    for (rank, &p) in order.iter().enumerate() {
        if count == MAX_LABELS {
            break;
        }
        let place = &scenario.places[p];
        let size = if place.kind == PlaceKind::Capital {
            17.0
        } else {
            14.0
        } * u;
        let [x, y] = frame.px([place.lon, place.lat]);
        let (w, gap) = (
            text_width(&place.name, size),
            radius(place.kind) * u + 3.0 * u,
        );
        let candidates = [
            [x + gap, y - size * 0.5],
            [x - gap - w, y - size * 0.5],
            [x - w / 2.0, y - gap - size],
            [x - w / 2.0, y + gap],
        ];
        let avoided = if tiers[p] == LabelTier::Other {
            &markers[..]
        } else {
            &markers[..rank]
        };
        let fits = |b: &[f64; 4]| {
            frame.contains([b[0], b[1]])
                && frame.contains([b[2], b[3]])
                && !taken.iter().chain(avoided).any(|t| overlaps(t, b))
        };
        let spot = candidates
            .iter()
            .map(|&[l, t]| [l, t, l + w, t + size])
            .find(|b| fits(b));
        if let Some(b) = spot {
            taken.push(b);
            count += 1;
            let (lx, ly) = (N(b[0]), N(b[3] - size * 0.2));
            svg.text(
                "text",
                &[("x", &lx), ("y", &ly), ("font-size", &N(size))],
                &place.name,
            );
        }
    }
    svg.close("g");
}

/// At most this many place names on a map.
const MAX_LABELS: usize = 80;

/// True when two rectangles `[left, top, right, bottom]` share interior points.
fn overlaps(a: &[f64; 4], b: &[f64; 4]) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}
