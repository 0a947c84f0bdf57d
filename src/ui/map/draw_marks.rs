//! Place markers and the selection halo: one shape per marker, or one mesh for many.

use egui::epaint::{CircleShape, Mesh};
use egui::{Color32, Pos2, Shape, Stroke, vec2};
use egui_plot::PlotTransform;

use super::marks::{Marker, MarkerStyle};
use super::projector::screen_from_plot;
use super::scene::MapScene;
use crate::ui::theme;

/// Draws every marker, the selected one with a halo and on top.
pub fn draw_markers(
    shapes: &mut Vec<Shape>,
    transform: &PlotTransform,
    scene: &MapScene,
    selected: Option<usize>,
) {
    let frame = transform.frame().expand(super::radius::MAX_RADIUS);
    let shown: Vec<(Pos2, &Marker)> = scene
        .markers
        .iter()
        .map(|marker| (screen_from_plot(transform, marker.pos), marker))
        .filter(|(center, marker)| frame.contains(*center) && Some(marker.place) != selected)
        .collect();
    if shown.len() > MESH_MARKERS {
        shapes.push(markers_mesh(&shown));
    } else {
        for (center, marker) in shown {
            draw_marker(shapes, center, marker);
        }
    }
    if let Some(marker) = selected.and_then(|p| scene.marker_of(p)) {
        let center = screen_from_plot(transform, marker.pos);
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

/// A ring around each place in `places` (those that changed hands since the date
/// compared with), drawn over the markers every frame.
pub fn draw_highlights(
    shapes: &mut Vec<Shape>,
    transform: &PlotTransform,
    scene: &MapScene,
    places: &[usize],
) {
    let frame = transform.frame().expand(super::radius::MAX_RADIUS + 8.0);
    for marker in places.iter().filter_map(|&p| scene.marker_of(p)) {
        let center = screen_from_plot(transform, marker.pos);
        if !frame.contains(center) {
            continue;
        }
        let r = marker.radius + 4.0;
        shapes.push(Shape::circle_stroke(
            center,
            r + 1.5,
            (4.5, theme::map_ink()),
        ));
        shapes.push(Shape::circle_stroke(
            center,
            r + 1.5,
            (2.5, theme::map_changed()),
        ));
    }
}

/// Above this many markers on screen, they are drawn as one mesh of small polygons (the
/// level of detail of a zoomed-out map with hundreds of places) instead of shapes that
/// egui tessellates anew every frame.
pub const MESH_MARKERS: usize = 400;

/// Every marker as small filled polygons in one mesh, still styled by status: confirmed
/// solid with a dark outline, claimed a ring, contested split between the two sides with
/// a red outline, inferred faint, stale faint with grey dashes around it, unknown grey,
/// assumed with a white outline. Four
/// corners for the small ones, eight for the rest.
fn markers_mesh(shown: &[(Pos2, &Marker)]) -> Shape {
    let mut mesh = Mesh::default();
    mesh.reserve_vertices(shown.len() * 16);
    mesh.reserve_triangles(shown.len() * 12);
    let ink = theme::map_ink();
    for &(center, marker) in shown {
        let (r, color) = (marker.radius, marker.color);
        let corners = if r < 5.0 { 4 } else { 8 };
        let mut disc = |r: f32, color: Color32| polygon(&mut mesh, center, r, corners, color);
        match marker.style {
            MarkerStyle::Confirmed => {
                disc(r + 0.5, ink);
                disc(r - 0.5, color);
            }
            MarkerStyle::Claimed => {
                disc(r + 0.5, color);
                disc(r - 1.5, theme::map_syria_land());
            }
            MarkerStyle::Contested { rival } => {
                disc(r + 1.5, theme::route_severed());
                disc(r - 0.5, rival);
                half_polygon(&mut mesh, center, r - 0.5, color);
            }
            MarkerStyle::Inferred => {
                disc(r, color.gamma_multiply(0.45));
            }
            MarkerStyle::Stale => {
                disc(r, color.gamma_multiply(theme::STALE_FILL_ALPHA));
                dashed_ring(
                    &mut mesh,
                    center,
                    [r - 0.5, r + 1.0],
                    theme::stale_outline(),
                );
            }
            MarkerStyle::Unknown => {
                disc(r, theme::unknown_color().gamma_multiply(0.7));
            }
            MarkerStyle::Assumed => {
                disc(r + 1.0, Color32::WHITE);
                disc(r - 0.5, color);
            }
        }
    }
    Shape::mesh(mesh)
}

/// A filled regular polygon as a triangle fan.
fn polygon(mesh: &mut Mesh, center: Pos2, r: f32, corners: u32, color: Color32) {
    let first = u32::try_from(mesh.vertices.len()).unwrap_or(u32::MAX);
    for i in 0..corners {
        #[expect(clippy::cast_precision_loss, reason = "a few corners")]
        let angle = std::f32::consts::TAU * i as f32 / corners as f32 + std::f32::consts::FRAC_PI_4;
        mesh.colored_vertex(center + r * vec2(angle.cos(), angle.sin()), color);
    }
    for i in 1..corners - 1 {
        mesh.add_triangle(first, first + i, first + i + 1);
    }
}

/// Six dashes around a circle between radii `r[0]` and `r[1]`, as quads (a dashed
/// outline in the mesh).
fn dashed_ring(mesh: &mut Mesh, center: Pos2, [inner, outer]: [f32; 2], color: Color32) {
    const DASHES: u32 = 6;
    for d in 0..DASHES {
        #[expect(clippy::cast_precision_loss, reason = "a few dashes")]
        let (a0, a1) = {
            let step = std::f32::consts::TAU / DASHES as f32;
            (step * d as f32, step * (d as f32 + 0.5))
        };
        let first = u32::try_from(mesh.vertices.len()).unwrap_or(u32::MAX);
        for (radius, angle) in [(inner, a0), (outer, a0), (outer, a1), (inner, a1)] {
            mesh.colored_vertex(center + radius * vec2(angle.cos(), angle.sin()), color);
        }
        mesh.add_triangle(first, first + 1, first + 2);
        mesh.add_triangle(first, first + 2, first + 3);
    }
}

/// The left half of a disc as a triangle fan (the controller's side of a contested place).
fn half_polygon(mesh: &mut Mesh, center: Pos2, r: f32, color: Color32) {
    let first = u32::try_from(mesh.vertices.len()).unwrap_or(u32::MAX);
    for pos in half_disc(center, r).into_iter().step_by(3) {
        mesh.colored_vertex(pos, color);
    }
    for i in 1..4 {
        mesh.add_triangle(first, first + i, first + i + 1);
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
        MarkerStyle::Stale => {
            shapes.push(Shape::circle_filled(
                center,
                r,
                color.gamma_multiply(theme::STALE_FILL_ALPHA),
            ));
            let ring: Vec<Pos2> = circle_points(center, r + 0.5, 24);
            shapes.extend(Shape::dashed_line(
                &ring,
                (1.5, theme::stale_outline()),
                3.0,
                2.0,
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

#[cfg(test)]
mod tests {
    use super::*;

    fn marker(style: MarkerStyle) -> Marker {
        Marker {
            place: 0,
            pos: [0.0, 0.0],
            radius: 6.0,
            color: Color32::from_rgb(0, 120, 0),
            style,
            population: 0,
        }
    }

    fn colours(style: MarkerStyle) -> Vec<Color32> {
        let m = marker(style);
        let Shape::Mesh(mesh) = markers_mesh(&[(Pos2::new(50.0, 50.0), &m)]) else {
            return Vec::new();
        };
        let mut colours: Vec<Color32> = mesh.vertices.iter().map(|v| v.color).collect();
        colours.dedup();
        colours
    }

    #[test]
    fn the_level_of_detail_mesh_keeps_the_status_styles() {
        let green = Color32::from_rgb(0, 120, 0);
        let rival = Color32::from_rgb(200, 0, 200);
        assert_eq!(
            colours(MarkerStyle::Confirmed),
            vec![theme::map_ink(), green]
        );
        assert_eq!(
            colours(MarkerStyle::Claimed),
            vec![green, theme::map_syria_land()],
            "claimed places are rings"
        );
        assert_eq!(
            colours(MarkerStyle::Contested { rival }),
            vec![theme::route_severed(), rival, green],
            "contested places are split between the sides, outlined in red"
        );
        assert_eq!(colours(MarkerStyle::Assumed), vec![Color32::WHITE, green]);
        assert_ne!(colours(MarkerStyle::Inferred), vec![green]);
        let faint = green.gamma_multiply(theme::STALE_FILL_ALPHA);
        assert_eq!(
            colours(MarkerStyle::Stale),
            vec![faint, theme::stale_outline()],
            "stale places are faint with a dashed grey outline"
        );
        assert_ne!(colours(MarkerStyle::Stale), colours(MarkerStyle::Inferred));
    }
}
