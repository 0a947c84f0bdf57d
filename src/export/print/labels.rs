//! Place names, placed greedily by importance where they overlap no other label or
//! marker.

use super::font::text_width;
use super::frame::Frame;
use super::marks::radius;
use super::svg::{N, Svg};
use crate::export::Scene;
use crate::model::PlaceKind;

/// Names of the larger places, greedily by importance, where they overlap no other
/// label or marker.
pub(super) fn labels(svg: &mut Svg, scene: &Scene<'_>, frame: &Frame, u: f64) {
    let scenario = scene.engine.scenario();
    let mut order: Vec<usize> = (0..scenario.places.len())
        .filter(|&p| scene.shows_place(p))
        .collect();
    let rank = |p: usize| {
        let place = &scenario.places[p];
        (
            place.kind != PlaceKind::Capital,
            std::cmp::Reverse(place.population),
        )
    };
    order.sort_by_key(|&p| rank(p));
    let mut taken: Vec<[f64; 4]> = order
        .iter()
        .map(|&p| {
            let place = &scenario.places[p];
            let [x, y] = frame.px([place.lon, place.lat]);
            let r = radius(place.kind) * u;
            [x - r, y - r, x + r, y + r]
        })
        .collect();
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
    for &p in order.iter().take(80) {
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
        let fits = |b: &[f64; 4]| {
            frame.contains([b[0], b[1]])
                && frame.contains([b[2], b[3]])
                && !taken.iter().any(|t| overlaps(t, b))
        };
        let spot = candidates
            .iter()
            .map(|&[l, t]| [l, t, l + w, t + size])
            .find(|b| fits(b));
        if let Some(b) = spot {
            taken.push(b);
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

/// True when two rectangles `[left, top, right, bottom]` share interior points.
fn overlaps(a: &[f64; 4], b: &[f64; 4]) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}
