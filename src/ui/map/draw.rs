//! Drawing the scene inside an `egui_plot::Plot`: one custom plot item paints every layer
//! as meshes and shapes straight from the cached batches. It has no geometry for the plot's
//! hover search (which would scan every point every frame); the map does its own hit testing.

use std::ops::RangeInclusive;

use egui::epaint::{Mesh, Vertex, WHITE_UV};
use egui::{Color32, Pos2, Shape, Ui};
use egui_plot::{PlotBounds, PlotGeometry, PlotItem, PlotItemBase, PlotTransform};

use std::cell::RefCell;

use super::MapLayers;
use super::batch::{FillBatch, Polyline};
use super::draw_marks::{draw_highlights, draw_markers};
use super::labels::{place_labels, undof_label};
use super::marks::RouteSegment;
use super::projector::screen_from_plot;
use super::scene::MapScene;
use super::screen::{Camera, LabelSpot, ScreenCache, ScreenKey};
use crate::model::Scenario;
use crate::ui::theme;

/// The whole map as one plot item, borrowing the scene for one frame.
pub struct MapItem<'a> {
    base: PlotItemBase,
    scene: &'a MapScene,
    cache: &'a RefCell<ScreenCache>,
    scenario: &'a Scenario,
    layers: &'a MapLayers,
    selected: Option<usize>,
    highlight: &'a [usize],
}

impl<'a> MapItem<'a> {
    /// An item drawing `scene`, with `selected` highlighted and rings around the
    /// `highlight` places.
    pub fn new(
        (scene, cache): (&'a MapScene, &'a RefCell<ScreenCache>),
        scenario: &'a Scenario,
        layers: &'a MapLayers,
        (selected, highlight): (Option<usize>, &'a [usize]),
    ) -> Self {
        Self {
            base: PlotItemBase::new("map".to_owned()),
            scene,
            cache,
            scenario,
            layers,
            selected,
            highlight,
        }
    }
}

/// The visible part of the plot as `[min x, min y, max x, max y]`.
fn view_box(transform: &PlotTransform) -> [f64; 4] {
    let b = transform.bounds();
    let (min, max) = (b.min(), b.max());
    [min[0], min[1], max[0], max[1]]
}

/// Whether two boxes overlap.
fn overlaps(a: &[f64; 4], b: &[f64; 4]) -> bool {
    a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3]
}

/// A one-colour fill on screen.
fn fill_shape(transform: &PlotTransform, fill: &FillBatch) -> Shape {
    let vertices = fill
        .mesh
        .vertices
        .iter()
        .map(|&xy| Vertex {
            pos: screen_from_plot(transform, xy),
            uv: WHITE_UV,
            color: fill.color,
        })
        .collect();
    Shape::mesh(Mesh {
        indices: fill.mesh.indices.clone(),
        vertices,
        ..Mesh::default()
    })
}

fn push_polylines(
    shapes: &mut Vec<Shape>,
    transform: &PlotTransform,
    view: &[f64; 4],
    lines: &[Polyline],
) {
    for line in lines.iter().filter(|l| overlaps(&l.bbox, view)) {
        let points: Vec<Pos2> = line
            .points
            .iter()
            .map(|&p| screen_from_plot(transform, p))
            .collect();
        if line.dashed {
            shapes.extend(Shape::dashed_line(&points, line.stroke, 6.0, 4.0));
        } else {
            shapes.push(Shape::line(points, line.stroke));
        }
    }
}

/// Above this many route segments on screen, they are drawn as one mesh of quads (front
/// lines as dashes) instead of line shapes that egui tessellates anew every frame.
pub const MESH_SEGMENTS: usize = 400;

/// Dash and gap lengths of front lines, screen points.
const DASH: [f32; 2] = [6.0, 4.0];

/// A segment from `a` to `b`, `width` points wide, as a quad.
fn push_quad(mesh: &mut Mesh, [a, b]: [Pos2; 2], width: f32, color: Color32) {
    let along = b - a;
    let length = along.length();
    if length <= 0.0 {
        return;
    }
    let side = along.rot90() * (width / 2.0 / length);
    let first = u32::try_from(mesh.vertices.len()).unwrap_or(u32::MAX);
    for pos in [a - side, a + side, b + side, b - side] {
        mesh.colored_vertex(pos, color);
    }
    mesh.add_triangle(first, first + 1, first + 2);
    mesh.add_triangle(first, first + 2, first + 3);
}

/// A dashed segment from `a` to `b` as quads, [`DASH`] long with gaps between.
fn push_dashes(mesh: &mut Mesh, [a, b]: [Pos2; 2], width: f32, color: Color32) {
    let length = (b - a).length();
    if length <= 0.0 {
        return;
    }
    let direction = (b - a) / length;
    let mut along = 0.0;
    while along < length {
        let end = (along + DASH[0]).min(length);
        push_quad(
            mesh,
            [a + direction * along, a + direction * end],
            width,
            color,
        );
        along = end + DASH[1];
    }
}

impl MapItem<'_> {
    fn push_routes(&self, shapes: &mut Vec<Shape>, transform: &PlotTransform, view: &[f64; 4]) {
        let shown: Vec<_> = self
            .scene
            .routes
            .iter()
            .filter(|s| {
                let [[x0, y0], [x1, y1]] = s.ends;
                overlaps(&[x0.min(x1), y0.min(y1), x0.max(x1), y0.max(y1)], view)
            })
            .map(|s| (s, s.ends.map(|p| screen_from_plot(transform, p))))
            .collect();
        if shown.len() > MESH_SEGMENTS {
            let mut mesh = Mesh::default();
            mesh.reserve_vertices(shown.len() * 4);
            mesh.reserve_triangles(shown.len() * 2);
            for (_, points) in shown.iter().filter(|(s, _)| s.severing) {
                push_quad(&mut mesh, *points, 7.0, theme::route_severed());
            }
            for (segment, points) in &shown {
                let width = if segment.severing { 3.5 } else { 2.5 };
                if segment.front {
                    push_dashes(&mut mesh, *points, width, segment.color);
                } else {
                    push_quad(&mut mesh, *points, width, segment.color);
                }
            }
            shapes.push(Shape::mesh(mesh));
            return;
        }
        for (_, points) in shown.iter().filter(|(s, _)| s.severing) {
            shapes.push(severed_underlay(*points));
        }
        for (segment, points) in shown {
            push_segment(shapes, points, segment);
        }
    }
}

/// The thick red line under a severed segment (drawn under every segment).
pub fn severed_underlay(points: [Pos2; 2]) -> Shape {
    Shape::line_segment(points, (7.0, theme::route_severed()))
}

/// One road segment as a line: solid in its holder's colour, dashed on a front line,
/// wider where it severs a road. The map and its key both draw with it.
pub fn push_segment(shapes: &mut Vec<Shape>, points: [Pos2; 2], segment: &RouteSegment) {
    let width = if segment.severing { 3.5 } else { 2.5 };
    if segment.front {
        shapes.extend(Shape::dashed_line(
            &points,
            (width, segment.color),
            DASH[0],
            DASH[1],
        ));
    } else {
        shapes.push(Shape::line_segment(points, (width, segment.color)));
    }
}

impl MapItem<'_> {
    /// Draws every shape of the map into `cache` for `camera`.
    fn redraw(&self, ui: &Ui, transform: &PlotTransform, camera: Camera, cache: &mut ScreenCache) {
        let view = view_box(transform);
        let mut shapes = vec![Shape::rect_filled(
            *transform.frame(),
            0.0,
            theme::map_sea(),
        )];
        if let Some(base) = self.scene.base() {
            for fill in base.fills.iter().filter(|f| overlaps(&f.bbox, &view)) {
                shapes.push(fill_shape(transform, fill));
            }
        }
        if let (Some(fill), Some(cells)) = (&self.scene.territory, self.scene.cells()) {
            let mesh_key = std::ptr::from_ref(cells) as usize ^ cells.key() as usize;
            shapes.push(cache.territory_shape(
                camera,
                transform,
                (&cells.mesh, mesh_key),
                &fill.indices,
                &fill.vertex_colors,
            ));
        }
        if let Some(base) = self.scene.base() {
            if self.layers.governorates {
                push_polylines(&mut shapes, transform, &view, &base.governorates);
            }
            push_polylines(&mut shapes, transform, &view, &base.undof);
            if self.layers.borders {
                push_polylines(&mut shapes, transform, &view, &base.borders);
            }
        }
        self.push_routes(&mut shapes, transform, &view);
        draw_markers(&mut shapes, transform, self.scene, self.selected);
        let undof = undof_label(ui, transform, self.scene);
        let mut labels: Vec<LabelSpot> = undof.iter().cloned().collect();
        if self.layers.labels {
            let reserved: Vec<_> = undof.iter().map(|l| l.rect).collect();
            labels.extend(place_labels(
                ui,
                transform,
                self.scene,
                self.scenario,
                &reserved,
            ));
        }
        cache.shapes = shapes;
        cache.labels = labels;
        cache.redraws += 1;
    }
}

impl PlotItem for MapItem<'_> {
    fn shapes(&self, ui: &Ui, transform: &PlotTransform, shapes: &mut Vec<Shape>) {
        let camera = Camera::of(ui, transform);
        let key = ScreenKey {
            camera,
            scene_version: self.scene.version(),
            selected: self.selected,
        };
        let mut scratch = ScreenCache::default();
        let mut borrowed = self.cache.try_borrow_mut();
        let cache = match &mut borrowed {
            Ok(cache) => &mut **cache,
            Err(_) => &mut scratch,
        };
        if cache.key != Some(key) {
            self.redraw(ui, transform, camera, cache);
            cache.key = Some(key);
        }
        shapes.extend(cache.shapes.iter().cloned());
        draw_highlights(shapes, transform, self.scene, self.highlight);
        for label in &cache.labels {
            label.paint(ui, shapes);
        }
    }

    fn initialize(&mut self, _x_range: RangeInclusive<f64>) {}

    fn color(&self) -> Color32 {
        Color32::TRANSPARENT
    }

    fn allow_hover(&self) -> bool {
        false
    }

    fn geometry(&self) -> PlotGeometry<'_> {
        PlotGeometry::None
    }

    fn bounds(&self) -> PlotBounds {
        PlotBounds::NOTHING
    }

    fn base(&self) -> &PlotItemBase {
        &self.base
    }

    fn base_mut(&mut self) -> &mut PlotItemBase {
        &mut self.base
    }
}
