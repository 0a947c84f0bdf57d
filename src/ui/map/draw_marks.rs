//! Place markers, the selection halo and non-overlapping labels.

use egui::epaint::CircleShape;
use egui::{Color32, FontId, Pos2, Rect, Shape, Stroke, Ui, vec2};
use egui_plot::PlotTransform;

use super::draw::to_screen;
use super::marks::{Marker, MarkerStyle};
use super::scene::MapScene;
use crate::model::Scenario;
use crate::ui::theme;

/// At most this many place labels are drawn at once.
const MAX_LABELS: usize = 80;

/// Draws every marker, the selected one with a halo and on top.
pub fn draw_markers(
    shapes: &mut Vec<Shape>,
    transform: &PlotTransform,
    scene: &MapScene,
    selected: Option<usize>,
) {
    let frame = transform.frame().expand(super::marks::MAX_RADIUS);
    for marker in &scene.markers {
        let center = to_screen(transform, marker.pos);
        if frame.contains(center) && Some(marker.place) != selected {
            draw_marker(shapes, center, marker);
        }
    }
    if let Some(marker) = selected.and_then(|p| scene.marker_of(p)) {
        let center = to_screen(transform, marker.pos);
        shapes.push(Shape::circle_filled(
            center,
            marker.radius + 5.0,
            theme::map_selected().gamma_multiply(0.5),
        ));
        shapes.push(Shape::circle_stroke(
            center,
            marker.radius + 5.0,
            (2.5, theme::map_selected()),
        ));
        draw_marker(shapes, center, marker);
    }
}

/// One marker in its status style.
pub fn draw_marker(shapes: &mut Vec<Shape>, center: Pos2, marker: &Marker) {
    let (r, color) = (marker.radius, marker.color);
    let ink = Stroke::new(1.0, theme::map_ink());
    match marker.style {
        MarkerStyle::Confirmed => {
            shapes.push(disc(center, r, color, ink));
        }
        MarkerStyle::Claimed => {
            shapes.push(Shape::circle_filled(center, r, color.gamma_multiply(0.15)));
            shapes.push(Shape::circle_stroke(center, r - 1.0, (2.5, color)));
        }
        MarkerStyle::Contested { rival } => {
            shapes.push(Shape::circle_filled(center, r, rival));
            shapes.push(Shape::convex_polygon(
                half_disc(center, r),
                color,
                Stroke::NONE,
            ));
            shapes.push(Shape::circle_stroke(
                center,
                r + 1.0,
                (2.0, theme::route_severed()),
            ));
        }
        MarkerStyle::Inferred => {
            shapes.push(disc(
                center,
                r,
                color.gamma_multiply(0.45),
                (1.0, color.gamma_multiply(0.6)),
            ));
        }
        MarkerStyle::Unknown => {
            shapes.push(disc(
                center,
                r,
                theme::unknown_color().gamma_multiply(0.7),
                (1.0, Color32::from_gray(100)),
            ));
        }
        MarkerStyle::Assumed => {
            shapes.push(disc(center, r, color, (2.5, theme::map_ink())));
            let ring: Vec<Pos2> = circle_points(center, r + 0.5, 24);
            shapes.extend(Shape::dashed_line(&ring, (1.5, Color32::WHITE), 3.0, 2.0));
        }
    }
}

/// A filled and outlined circle.
fn disc(center: Pos2, radius: f32, fill: Color32, stroke: impl Into<Stroke>) -> Shape {
    Shape::Circle(CircleShape {
        center,
        radius,
        fill,
        stroke: stroke.into(),
    })
}

/// Points around a closed circle (first point repeated at the end).
fn circle_points(center: Pos2, r: f32, n: usize) -> Vec<Pos2> {
    (0..=n)
        .map(|i| {
            #[expect(clippy::cast_precision_loss, reason = "a few dozen points")]
            let angle = std::f32::consts::TAU * i as f32 / n as f32;
            center + r * vec2(angle.cos(), angle.sin())
        })
        .collect()
}

/// The left half of a disc, as a convex polygon.
fn half_disc(center: Pos2, r: f32) -> Vec<Pos2> {
    (0..=12)
        .map(|i| {
            let angle = std::f32::consts::FRAC_PI_2 + std::f32::consts::PI * i as f32 / 12.0;
            center + r * vec2(angle.cos(), angle.sin())
        })
        .collect()
}

/// Labels the most populous places first, skipping any label that would overlap one already
/// placed or a `reserved` rectangle; zooming in spreads places apart, so more labels fit.
pub fn draw_labels(
    ui: &Ui,
    shapes: &mut Vec<Shape>,
    transform: &PlotTransform,
    scene: &MapScene,
    scenario: &Scenario,
    reserved: &[Rect],
) {
    let frame = *transform.frame();
    let painter = ui.painter();
    let font = FontId::proportional(12.0);
    let mut placed: Vec<Rect> = reserved.to_vec();
    // A label must not hide the marker of a place labelled before it (a bigger one).
    let markers: Vec<(usize, Rect)> = scene
        .label_order
        .iter()
        .filter_map(|&m| scene.markers.get(m))
        .map(|marker| {
            let center = to_screen(transform, marker.pos);
            (
                marker.place,
                Rect::from_center_size(center, vec2(2.0, 2.0) * marker.radius),
            )
        })
        .collect();
    let mut count = 0;
    for (i, marker) in scene
        .label_order
        .iter()
        .filter_map(|&m| scene.markers.get(m))
        .enumerate()
    {
        if count >= MAX_LABELS {
            break;
        }
        let center = to_screen(transform, marker.pos);
        if !frame.contains(center) {
            continue;
        }
        let Some(place) = scenario.places.get(marker.place) else {
            continue;
        };
        let galley = painter.layout_no_wrap(place.name.clone(), font.clone(), theme::map_ink());
        let origin = center + vec2(marker.radius + 3.0, -galley.size().y / 2.0);
        let rect = Rect::from_min_size(origin, galley.size()).expand(1.5);
        let hides_marker = markers[..i]
            .iter()
            .any(|(p, r)| *p != marker.place && r.intersects(rect));
        if !frame.contains_rect(rect) || hides_marker || placed.iter().any(|r| r.intersects(rect)) {
            continue;
        }
        placed.push(rect);
        count += 1;
        shapes.push(Shape::rect_filled(
            rect,
            2.0,
            Color32::from_white_alpha(170),
        ));
        shapes.push(Shape::galley(origin, galley, theme::map_ink()));
    }
}

/// Writes "UNDOF zone" west of the zone (Quneitra sits on its east side) and returns the
/// rectangle it took, so place labels keep out of it.
pub fn draw_undof_label(
    ui: &Ui,
    shapes: &mut Vec<Shape>,
    transform: &PlotTransform,
    scene: &MapScene,
) -> Option<Rect> {
    let xy = scene.base()?.undof_label?;
    let anchor = to_screen(transform, xy);
    let galley = ui.painter().layout_no_wrap(
        "UNDOF zone".to_owned(),
        FontId::proportional(11.0),
        theme::map_undof(),
    );
    let size = galley.size();
    let origin = anchor - vec2(size.x + 8.0, size.y / 2.0);
    let rect = Rect::from_min_size(origin, size).expand(1.5);
    if !transform.frame().contains_rect(rect) {
        return None;
    }
    shapes.push(Shape::rect_filled(
        rect,
        2.0,
        Color32::from_white_alpha(170),
    ));
    shapes.push(Shape::galley(origin, galley, theme::map_undof()));
    Some(rect)
}
