//! Place markers, the selection halo and non-overlapping labels.

use egui::epaint::{CircleShape, Mesh};
use egui::{Color32, FontId, Pos2, Rect, Shape, Stroke, Ui, vec2};
use egui_plot::PlotTransform;

use super::draw::to_screen;
use super::marks::{Marker, MarkerStyle};
use super::scene::MapScene;
use super::screen::LabelSpot;
use crate::model::Scenario;
use crate::ui::theme;

/// At most this many place labels are drawn at once.
const MAX_LABELS: usize = 80;

/// Place label font size, points.
const LABEL_SIZE: f32 = 12.0;

/// Draws every marker, the selected one with a halo and on top.
pub fn draw_markers(
    shapes: &mut Vec<Shape>,
    transform: &PlotTransform,
    scene: &MapScene,
    selected: Option<usize>,
) {
    let frame = transform.frame().expand(super::marks::MAX_RADIUS);
    let shown: Vec<(Pos2, &Marker)> = scene
        .markers
        .iter()
        .map(|marker| (to_screen(transform, marker.pos), marker))
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

/// Above this many markers on screen, they are drawn as one mesh of small polygons (the
/// level of detail of a zoomed-out map with hundreds of places) instead of shapes that
/// egui tessellates anew every frame.
pub const MESH_MARKERS: usize = 400;

/// Every marker as small filled polygons in one mesh, still styled by status: confirmed
/// solid with a dark outline, claimed a ring, contested split between the two sides with
/// a red outline, inferred faint, unknown grey, assumed with a white outline. Four
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
pub fn place_labels(
    ui: &Ui,
    transform: &PlotTransform,
    scene: &MapScene,
    scenario: &Scenario,
    reserved: &[Rect],
) -> Vec<LabelSpot> {
    let frame = *transform.frame();
    let painter = ui.painter();
    let font = FontId::proportional(LABEL_SIZE);
    let mut placed: Vec<Rect> = reserved.to_vec();
    let mut spots = Vec::new();
    // A label must not hide the marker of a place labelled before it (a bigger one): the
    // markers seen so far go into a screen grid, so the test is cheap with 20k places.
    let mut earlier = MarkerGrid::new(frame.expand(super::marks::MAX_RADIUS));
    let mut count = 0;
    for marker in scene
        .label_order
        .iter()
        .filter_map(|&m| scene.markers.get(m))
    {
        if count >= MAX_LABELS {
            break;
        }
        let center = to_screen(transform, marker.pos);
        let marker_rect = Rect::from_center_size(center, vec2(2.0, 2.0) * marker.radius);
        let candidate = frame.contains(center);
        // The smallest rectangle any label of this place covers: if it is already
        // blocked, the label is, and its text need not be laid out.
        let least = Rect::from_min_max(
            center + vec2(marker.radius + 1.5, -1.5),
            center + vec2(marker.radius + 4.5, 1.5),
        );
        let blocked = |rect: Rect, earlier: &MarkerGrid| {
            !frame.contains_rect(rect)
                || earlier.hides(rect, marker.place)
                || placed.iter().any(|r| r.intersects(rect))
        };
        let label = scenario
            .places
            .get(marker.place)
            .filter(|_| candidate && !blocked(least, &earlier))
            .and_then(|place| {
                let galley =
                    painter.layout_no_wrap(place.name.clone(), font.clone(), theme::map_ink());
                let origin = center + vec2(marker.radius + 3.0, -galley.size().y / 2.0);
                let rect = Rect::from_min_size(origin, galley.size()).expand(1.5);
                (!blocked(rect, &earlier)).then_some((galley, origin, rect))
            });
        earlier.insert(marker_rect, marker.place);
        let Some((galley, origin, rect)) = label else {
            continue;
        };
        placed.push(rect);
        count += 1;
        spots.push(LabelSpot {
            text: galley.text().to_owned(),
            origin,
            rect,
            size: LABEL_SIZE,
            color: theme::map_ink(),
        });
    }
    spots
}

/// Marker rectangles bucketed by screen cell, for overlap tests.
struct MarkerGrid {
    area: Rect,
    columns: usize,
    rows: usize,
    cells: Vec<Vec<(usize, Rect)>>,
}

impl MarkerGrid {
    const CELL: f32 = 32.0;

    fn new(area: Rect) -> Self {
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "screen sizes are small and positive"
        )]
        let count = |len: f32| ((len / Self::CELL).ceil().max(1.0) as usize).min(1024);
        let (columns, rows) = (count(area.width()), count(area.height()));
        Self {
            area,
            columns,
            rows,
            cells: vec![Vec::new(); columns * rows],
        }
    }

    /// The cells `rect` touches, as column and row ranges (empty outside the area).
    fn span(
        &self,
        rect: Rect,
    ) -> Option<(
        std::ops::RangeInclusive<usize>,
        std::ops::RangeInclusive<usize>,
    )> {
        let rect = rect.intersect(self.area);
        if rect.width() < 0.0 || rect.height() < 0.0 {
            return None;
        }
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "clamped to the grid"
        )]
        let cell = |v: f32, n: usize| ((v / Self::CELL).floor().max(0.0) as usize).min(n - 1);
        let (min, max) = (rect.min - self.area.min, rect.max - self.area.min);
        Some((
            cell(min.x, self.columns)..=cell(max.x, self.columns),
            cell(min.y, self.rows)..=cell(max.y, self.rows),
        ))
    }

    fn insert(&mut self, rect: Rect, place: usize) {
        let Some((columns, rows)) = self.span(rect) else {
            return;
        };
        for row in rows {
            for column in columns.clone() {
                self.cells[row * self.columns + column].push((place, rect));
            }
        }
    }

    /// Whether `rect` overlaps a marker of a place other than `place`.
    fn hides(&self, rect: Rect, place: usize) -> bool {
        let Some((columns, rows)) = self.span(rect) else {
            return false;
        };
        rows.into_iter().any(|row| {
            columns.clone().any(|column| {
                self.cells[row * self.columns + column]
                    .iter()
                    .any(|(p, r)| *p != place && r.intersects(rect))
            })
        })
    }
}

/// "UNDOF zone", west of the zone (Quneitra sits on its east side), if it fits on screen;
/// place labels keep out of its rectangle.
pub fn undof_label(ui: &Ui, transform: &PlotTransform, scene: &MapScene) -> Option<LabelSpot> {
    let xy = scene.base()?.undof_label?;
    let anchor = to_screen(transform, xy);
    let galley = ui.painter().layout_no_wrap(
        "UNDOF zone".to_owned(),
        FontId::proportional(UNDOF_LABEL_SIZE),
        theme::map_undof(),
    );
    let size = galley.size();
    let origin = anchor - vec2(size.x + 8.0, size.y / 2.0);
    let rect = Rect::from_min_size(origin, size).expand(1.5);
    if !transform.frame().contains_rect(rect) {
        return None;
    }
    Some(LabelSpot {
        text: galley.text().to_owned(),
        origin,
        rect,
        size: UNDOF_LABEL_SIZE,
        color: theme::map_undof(),
    })
}

/// The UNDOF label's font size, points.
const UNDOF_LABEL_SIZE: f32 = 11.0;

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
    }
}
