//! Solid paints and strokes for tiny-skia, shared by the map painter and the marker
//! sprites.

use resvg::tiny_skia::{LineCap, Paint, Stroke, StrokeDash};

/// A solid paint of `rgb` at `opacity`, anti-aliased.
pub(super) fn paint(rgb: [u8; 3], opacity: f64) -> Paint<'static> {
    let mut paint = Paint::default();
    let alpha = (opacity.clamp(0.0, 1.0) * 255.0).round() as u8;
    paint.set_color_rgba8(rgb[0], rgb[1], rgb[2], alpha);
    paint
}

/// A stroke of `width_px`, dashed when `dash_px` is set.
pub(super) fn stroke(width_px: f64, dash_px: Option<[f64; 2]>, cap: LineCap) -> Stroke {
    Stroke {
        width: width_px as f32,
        line_cap: cap,
        dash: dash_px.and_then(|[on, off]| StrokeDash::new(vec![on as f32, off as f32], 0.0)),
        ..Stroke::default()
    }
}
