//! Place markers in their status styles, described once as [`Shape`]s that the SVG
//! writer ([`marker`]) and the PNG's sprites (`sprite`) both draw.

use super::svg::{N, Svg, hex};
use crate::control::Status;

/// Near-black of marker outlines.
const INK: [u8; 3] = [0x1e, 0x1e, 0x1e];

/// Grey of a stale marker's dashed outline.
const STALE_GREY: [u8; 3] = [0x6e, 0x6e, 0x6e];

/// `rgb` at 45% over white: the faint fill of a stale place.
fn faint(rgb: [u8; 3]) -> [u8; 3] {
    rgb.map(|c| {
        let blended = f64::from(c) * 0.45 + 255.0 * 0.55;
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "0-255"
        )]
        let byte = blended.round().clamp(0.0, 255.0) as u8;
        byte
    })
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
/// contested half and half (rival on the right) with a ring and bar, inferred faint with
/// a solid outline, stale faint with a dashed grey outline, unknown grey, assumed dashed.
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
        Status::Stale => {
            // The fill is as faint as inferred's, but the outline stays a full grey:
            // the fill is blended with white instead of the marker made transparent.
            let dashed = Shape::Circle {
                r,
                fill: Some(faint(colour)),
                stroke: Some(STALE_GREY),
                width: 1.4 * u,
                dash: Some([2.5 * u, 2.0 * u]),
            };
            (vec![dashed], 1.0)
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stale_is_faint_with_a_dashed_grey_outline_unlike_inferred() {
        let blue = [0x3b, 0x6e, 0xa8];
        let stale = marker_shapes(Status::Stale, blue, None, 6.0, 1.0);
        let inferred = marker_shapes(Status::Inferred, blue, None, 6.0, 1.0);
        assert_ne!(stale, inferred);
        let [
            Shape::Circle {
                fill: Some(fill),
                stroke: Some(stroke),
                dash: Some(_),
                ..
            },
        ] = stale.shapes[..]
        else {
            panic!("{stale:?}");
        };
        assert_eq!(stroke, STALE_GREY);
        assert!(
            fill.iter().zip(blue).all(|(f, b)| *f > b),
            "faint: {fill:?}"
        );
        assert!(matches!(
            inferred.shapes[..],
            [Shape::Circle { dash: None, .. }]
        ));
    }
}
