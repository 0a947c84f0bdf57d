//! Drawing the legend laid out by `layout`: each row's key (swatch, marker, road
//! sample, severed mark) and its text. The rows are `legend_rows`'; the scale bar and
//! footer are `furniture`'s.

use super::layout::Layout;
use super::legend_rows::{Key, body_px};
use super::marker::{marker, marker_shapes};
use super::marks::severed_mark;
use super::svg::{N, Svg, hex};
use crate::control::Status;
use crate::export::NEUTRAL_RGB;

/// Draws the laid-out legend.
pub(super) fn legend(svg: &mut Svg, layout: &Layout) {
    let t = layout.t;
    let body = body_px(t);
    svg.open("g", &[("id", &"legend")]);
    for row in &layout.legend {
        let [cx, cy] = row.key_at;
        let half = 0.75 * body;
        match row.key {
            Key::Heading | Key::Plain | Key::Note => {}
            Key::Swatch(rgb) => svg.empty(
                "rect",
                &[
                    ("x", &N(cx - half)),
                    ("y", &N(cy - 0.5 * body)),
                    ("width", &N(2.0 * half)),
                    ("height", &N(body)),
                    ("fill", &hex(rgb)),
                ],
            ),
            Key::Marker(status) => {
                // A blue no status style uses, so "inferred" (faint) differs from "unknown".
                let sample = [0x3b, 0x6e, 0xa8];
                let rival = (status == Status::Contested).then_some([0xff, 0xff, 0xff]);
                let at = format!("translate({} {})", N(cx), N(cy));
                svg.open("g", &[("transform", &at)]);
                marker(svg, &marker_shapes(status, sample, rival, 0.46 * body, t));
                svg.close("g");
            }
            Key::Road { dashed } => {
                let (rgb, dash) = if dashed {
                    (NEUTRAL_RGB, format!("{} {}", N(6.0 * t), N(5.0 * t)))
                } else {
                    ([0x3b, 0x3b, 0x3b], "none".to_owned())
                };
                svg.empty(
                    "path",
                    &[
                        (
                            "d",
                            &format!("M{} {}H{}", N(cx - half), N(cy), N(cx + half)),
                        ),
                        ("stroke", &hex(rgb)),
                        ("stroke-width", &N(3.0 * t)),
                        ("stroke-dasharray", &dash),
                        ("fill", &"none"),
                    ],
                );
            }
            Key::Severed => severed_mark(svg, [cx, cy], t),
        }
        for line in &row.lines {
            line.write(svg);
        }
    }
    svg.close("g");
}
