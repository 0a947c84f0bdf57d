//! Place markers on the PNG: each distinct marker (status, colours, radius) is drawn once
//! into a small sprite with tiny-skia from the same [`Shape`]s the SVG writes, then
//! composited at every place that has it, centred on the pixel holding the place (at
//! most half a pixel from the exact position). 20,000 markers cost a few copies, not
//! 20,000 path fills and strokes.

use std::collections::BTreeMap;

use resvg::tiny_skia::{FillRule, LineCap, Path, PathBuilder, Pixmap, Transform};

use super::brush::{paint, stroke};
use super::frame::Frame;
use super::marker::{Marker, Shape, marker_shapes};
use super::marks::radius;
use crate::export::Scene;

/// A marker drawn with its centre at the middle of pixel (`half`, `half`).
struct Sprite {
    pixmap: Pixmap,
    half: i32,
}

/// Cubic-Bézier handle length of a quarter circle of radius 1.
const KAPPA: f32 = 0.552_284_8;

/// The left or right half disc of radius `r` at the origin.
fn half_disc(r: f32, left: bool) -> Option<Path> {
    let (s, k) = (if left { -1.0 } else { 1.0 }, KAPPA * r);
    let mut pb = PathBuilder::new();
    pb.move_to(0.0, -r);
    pb.cubic_to(s * k, -r, s * r, -k, s * r, 0.0);
    pb.cubic_to(s * r, k, s * k, r, 0.0, r);
    pb.close();
    pb.finish()
}

/// Draws `marker` into a new sprite.
fn draw(marker: &Marker) -> Option<Sprite> {
    let extent = marker
        .shapes
        .iter()
        .map(|shape| match *shape {
            Shape::Circle { r, width, .. } => r + width / 2.0,
            Shape::Half { r, .. } => r,
            Shape::Bar { y0, y1, width, .. } => y0.abs().max(y1.abs()) + width / 2.0,
        })
        .fold(0.0, f64::max);
    let half = extent.ceil() as i32 + 2;
    let side = u32::try_from(2 * half + 1).ok()?;
    let mut pixmap = Pixmap::new(side, side)?;
    let centre = half as f32 + 0.5;
    let at = Transform::from_translate(centre, centre);
    for shape in &marker.shapes {
        match *shape {
            Shape::Circle {
                r,
                fill,
                stroke: line,
                width,
                dash,
            } => {
                let Some(circle) = PathBuilder::from_circle(0.0, 0.0, r as f32) else {
                    continue;
                };
                if let Some(rgb) = fill {
                    pixmap.fill_path(&circle, &paint(rgb, 1.0), FillRule::Winding, at, None);
                }
                if let Some(rgb) = line {
                    let style = stroke(width, dash, LineCap::Butt);
                    pixmap.stroke_path(&circle, &paint(rgb, 1.0), &style, at, None);
                }
            }
            Shape::Half { r, left, fill } => {
                if let Some(path) = half_disc(r as f32, left) {
                    pixmap.fill_path(&path, &paint(fill, 1.0), FillRule::Winding, at, None);
                }
            }
            Shape::Bar { y0, y1, rgb, width } => {
                let mut pb = PathBuilder::new();
                pb.move_to(0.0, y0 as f32);
                pb.line_to(0.0, y1 as f32);
                if let Some(path) = pb.finish() {
                    let style = stroke(width, None, LineCap::Butt);
                    pixmap.stroke_path(&path, &paint(rgb, 1.0), &style, at, None);
                }
            }
        }
    }
    if marker.opacity < 1.0 {
        // Opacity of the whole marker, as SVG's `opacity`: scale the premultiplied pixels.
        let keep = (marker.opacity.clamp(0.0, 1.0) * 255.0).round() as u32;
        for byte in pixmap.data_mut() {
            *byte = ((u32::from(*byte) * keep + 127) / 255) as u8;
        }
    }
    Some(Sprite { pixmap, half })
}

/// Composites `sprite` (premultiplied, source-over) with its centre pixel at `(x, y)`,
/// writing only inside `clip` (left, top, right, bottom; whole pixels).
fn blit(target: &mut Pixmap, sprite: &Sprite, (x, y): (i32, i32), clip: [i32; 4]) {
    let width = target.width() as i32;
    let side = sprite.pixmap.width() as i32;
    let (left, top) = (x - sprite.half, y - sprite.half);
    let src = sprite.pixmap.data();
    let dst = target.data_mut();
    for row in top.max(clip[1])..(top + side).min(clip[3]) {
        let (x0, x1) = (left.max(clip[0]), (left + side).min(clip[2]));
        if x0 >= x1 {
            return;
        }
        let s = (((row - top) * side + (x0 - left)) * 4) as usize;
        let d = ((row * width + x0) * 4) as usize;
        let n = ((x1 - x0) * 4) as usize;
        let (Some(src), Some(dst)) = (src.get(s..s + n), dst.get_mut(d..d + n)) else {
            return;
        };
        for (s, d) in src.chunks_exact(4).zip(dst.chunks_exact_mut(4)) {
            let keep = 255 - u32::from(s[3]);
            if keep == 255 {
                continue;
            }
            for i in 0..4 {
                d[i] = (u32::from(s[i]) + (u32::from(d[i]) * keep + 127) / 255).min(255) as u8;
            }
        }
    }
}

/// Every shown place's marker in scenario order, clipped to the frame.
pub(super) fn places(pixmap: &mut Pixmap, scene: &Scene<'_>, frame: &Frame, u: f64) {
    let [l, t, w, h] = frame.rect;
    let clip = [
        l.ceil() as i32,
        t.ceil() as i32,
        ((l + w).floor() as i32).min(pixmap.width() as i32),
        ((t + h).floor() as i32).min(pixmap.height() as i32),
    ];
    // More than the largest marker's reach (radius 8.5u, bar 2u beyond, strokes).
    let margin_px = 16.0 * u + 4.0;
    let scenario = scene.engine.scenario();
    let mut sprites: BTreeMap<_, Option<Sprite>> = BTreeMap::new();
    for (p, place) in scenario.places.iter().enumerate() {
        let [x, y] = frame.px([place.lon, place.lat]);
        let near = |v: f64, lo: i32, hi: i32| {
            v > f64::from(lo) - margin_px && v < f64::from(hi) + margin_px
        };
        if !(near(x, clip[0], clip[2]) && near(y, clip[1], clip[3]) && scene.shows_place(p)) {
            // Off the map, or hidden.
            continue;
        }
        let state = scene.resolution.places[p];
        let colour = scene.rgb(state.controller);
        let rival = scene.rival_faction(p).map(|f| scene.rgb(Some(f)));
        let key = (state.status, colour, rival, place.kind);
        let sprite = sprites.entry(key).or_insert_with(|| {
            draw(&marker_shapes(
                state.status,
                colour,
                rival,
                radius(place.kind) * u,
                u,
            ))
        });
        if let Some(sprite) = sprite {
            let at = (
                x.floor().clamp(-1e6, 1e6) as i32,
                y.floor().clamp(-1e6, 1e6) as i32,
            );
            blit(pixmap, sprite, at, clip);
        }
    }
}
