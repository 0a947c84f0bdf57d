//! The furniture around the map: the scale bar in its corner, and the "Source:" line and
//! data credits along the bottom. The legend is `legend`'s, the band above the map
//! `heading`'s.

use super::frame::Frame;
use super::layout::Layout;
use super::svg::{N, Svg};
use super::text::{MIN_TEXT_PX, TextLine};

/// The scale bar's length in km and pixels, and its label, in the map's lower left
/// corner (true at 35° N).
pub(super) fn scale_bar_label(frame: &Frame, u: f64, t: f64) -> (f64, TextLine) {
    let [left, top, width, height] = frame.rect;
    let target_km = width * 0.18 * frame.km_per_px();
    let km = crate::geo::projection::round_scale_km(target_km);
    let length = km / frame.km_per_px();
    let (x, y) = (left + 24.0 * u.max(0.5), top + height - 24.0 * u.max(0.5));
    let size = (14.0 * t).max(MIN_TEXT_PX);
    let label = TextLine::new(
        x,
        y - 7.0 * u - 5.0 * t,
        size,
        format!("{km} km (true at 35° N)"),
    );
    (length, label)
}

/// The pale box under the scale bar: left, top, right, bottom. Place names keep out of it.
pub(super) fn scale_bar_box(frame: &Frame, u: f64, t: f64) -> [f64; 4] {
    let (length, label) = scale_bar_label(frame, u, t);
    let [left, top, right, _] = label.bbox();
    let bottom = label.baseline + 7.0 * u + 5.0 * t;
    [
        left - 6.0 * t,
        top - 3.0 * t,
        right.max(left + length) + 6.0 * t,
        bottom + 6.0 * t,
    ]
}

/// The scale bar in the map's lower left corner, on a pale box that keeps it readable
/// over dense markers.
pub(super) fn scale_bar(svg: &mut Svg, frame: &Frame, u: f64, t: f64) {
    let (length, label) = scale_bar_label(frame, u, t);
    let (x, y) = (label.x, label.baseline + 7.0 * u + 5.0 * t);
    let d = format!(
        "M{} {}V{}H{}V{}",
        N(x),
        N(y - 7.0 * u),
        N(y),
        N(x + length),
        N(y - 7.0 * u)
    );
    let [l, t0, r, b] = scale_bar_box(frame, u, t);
    svg.open("g", &[("id", &"scale-bar")]);
    svg.empty(
        "rect",
        &[
            ("x", &N(l)),
            ("y", &N(t0)),
            ("width", &N(r - l)),
            ("height", &N(b - t0)),
            ("rx", &N(3.0 * t)),
            ("fill", &"#ffffff"),
            ("fill-opacity", &"0.75"),
        ],
    );
    svg.empty(
        "path",
        &[
            ("d", &d),
            ("fill", &"none"),
            ("stroke", &"#1e1e1e"),
            ("stroke-width", &N(2.0 * u.max(0.5))),
        ],
    );
    label.write(svg);
    svg.close("g");
}

/// The publications behind the claims ("Source: ...") and the data credits along the
/// bottom, as laid out.
pub(super) fn footer(svg: &mut Svg, layout: &Layout) {
    for line in &layout.footer {
        line.write(svg);
    }
}
