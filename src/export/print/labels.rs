//! Place names, placed greedily in the shared labelling order
//! ([`crate::geo::label_priority`]) where they overlap no other label or marker.

use super::font::{ascent, descent, text_width};
use super::frame::Frame;
use super::marks::radius;
use super::svg::{N, Svg};
use super::text::{MIN_TEXT_PX, TextLine, boxes_overlap};
use crate::export::Scene;
use crate::geo::label_priority::{LabelTier, label_order, label_tiers};
use crate::model::PlaceKind;

/// Names of the shown places in labelling order (capital, seats, claimed places, then
/// by size), greedily, where they overlap no other label or marker. The names that
/// matter ([`LabelTier`] above `Other`) may cover the markers of places after them, as
/// the window's labels do, so a capital ringed by suburbs is still named. Text scales
/// with `t` (never under [`MIN_TEXT_PX`]); a small map gets fewer names.
pub(super) fn place_labels(scene: &Scene<'_>, frame: &Frame, u: f64, t: f64) -> Vec<TextLine> {
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
    let [_, _, width, height] = frame.rect;
    // 80 names on the 1920 x 1080 page's map, fewer on a smaller one.
    let most = (MAX_LABELS * width * height / (1450.0 * 940.0)).clamp(12.0, MAX_LABELS);
    let mut taken: Vec<[f64; 4]> = vec![super::furniture::scale_bar_box(frame, u, t)];
    let mut lines = Vec::new();
    for (rank, &p) in order.iter().enumerate() {
        #[expect(clippy::cast_precision_loss, reason = "a few dozen labels")]
        if lines.len() as f64 >= most {
            break;
        }
        let place = &scenario.places[p];
        let design = if place.kind == PlaceKind::Capital {
            17.0
        } else {
            14.0
        };
        let size = (design * t).max(MIN_TEXT_PX);
        let [x, y] = frame.px([place.lon, place.lat]);
        let gap = radius(place.kind) * u + 3.0 * t;
        let (w, above, below) = (text_width(&place.name, size), ascent(size), descent(size));
        // Baselines: right, left, above, below the marker.
        let candidates = [
            [x + gap, y + (above - below) / 2.0],
            [x - gap - w, y + (above - below) / 2.0],
            [x - w / 2.0, y - gap - below],
            [x - w / 2.0, y + gap + above],
        ];
        let avoided = if tiers[p] == LabelTier::Other {
            &markers[..]
        } else {
            &markers[..rank]
        };
        let fits = |b: &[f64; 4]| {
            frame.contains([b[0], b[1]])
                && frame.contains([b[2], b[3]])
                && !taken.iter().chain(avoided).any(|t| boxes_overlap(t, b))
        };
        // The same box as [`TextLine::bbox`], without making the line until it fits.
        let spot = candidates
            .iter()
            .map(|&[l, baseline]| [l, baseline - above, l + w, baseline + below])
            .find(|b| fits(b));
        if let Some(b) = spot {
            taken.push(b);
            lines.push(TextLine::new(b[0], b[1] + above, size, place.name.clone()));
        }
    }
    lines
}

/// Writes the place names with a white halo.
pub(super) fn labels(svg: &mut Svg, lines: &[TextLine], u: f64) {
    svg.open(
        "g",
        &[
            ("id", &"labels"),
            ("stroke", &"#ffffff"),
            ("stroke-width", &N(3.0 * u.max(0.7))),
            ("stroke-linejoin", &"round"),
            ("paint-order", &"stroke"),
        ],
    );
    for line in lines {
        line.write(svg);
    }
    svg.close("g");
}

/// At most this many place names on a map.
const MAX_LABELS: f64 = 80.0;
