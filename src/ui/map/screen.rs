//! The map's shapes on screen, kept between frames. Idle and hover frames (the camera,
//! the scene and the selection unchanged) reuse them as they are; a new moment with the
//! camera unchanged reuses the territory's screen positions and only recolours it.
//!
//! Label text is not kept: galleys point into egui's font atlas, which egui may clear, so
//! only where labels go is kept and the text is laid out again (from egui's cache) each
//! frame.

use egui::epaint::{Mesh, Vertex, WHITE_UV};
use egui::{Color32, FontId, Pos2, Rect, Shape, Ui};
use egui_plot::PlotTransform;

use super::projector::screen_from_plot;
use crate::geo::TriangleMesh;

/// What the screen shapes depend on besides the scene.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Camera {
    /// The plot bounds `[min x, min y, max x, max y]`.
    pub bounds: [f64; 4],
    /// The plot's frame on screen.
    pub frame: Rect,
    /// Physical pixels per point (text and line widths follow it).
    pub pixels_per_point: f32,
}

impl Camera {
    /// The camera of a plot transform in `ui`.
    pub fn of(ui: &Ui, transform: &PlotTransform) -> Self {
        let b = transform.bounds();
        let (min, max) = (b.min(), b.max());
        Self {
            bounds: [min[0], min[1], max[0], max[1]],
            frame: *transform.frame(),
            pixels_per_point: ui.ctx().pixels_per_point(),
        }
    }
}

/// Everything that decides the shapes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ScreenKey {
    /// Where the map looks.
    pub camera: Camera,
    /// [`super::MapScene::version`].
    pub scene_version: u64,
    /// The highlighted place.
    pub selected: Option<usize>,
}

/// A label placed on the map: its text is laid out again each frame.
#[derive(Clone, Debug, PartialEq)]
pub struct LabelSpot {
    /// The text.
    pub text: String,
    /// Top-left corner of the text.
    pub origin: Pos2,
    /// The text's box with its margin, filled behind it.
    pub rect: Rect,
    /// Font size in points.
    pub size: f32,
    /// Text colour.
    pub color: Color32,
}

impl LabelSpot {
    /// The label's background and text.
    pub fn paint(&self, ui: &Ui, shapes: &mut Vec<Shape>) {
        shapes.push(Shape::rect_filled(
            self.rect,
            2.0,
            Color32::from_white_alpha(170),
        ));
        let galley = ui.painter().layout_no_wrap(
            self.text.clone(),
            FontId::proportional(self.size),
            self.color,
        );
        shapes.push(Shape::galley(self.origin, galley, self.color));
    }
}

/// The shapes drawn last frame and what they were drawn for.
#[derive(Default)]
pub struct ScreenCache {
    /// What `shapes` and `labels` were drawn for.
    pub key: Option<ScreenKey>,
    /// Every shape but the label text, in painting order.
    pub shapes: Vec<Shape>,
    /// The labels, painted after `shapes`.
    pub labels: Vec<LabelSpot>,
    /// The territory mesh's vertices on screen, and the camera and mesh they are for.
    territory: Option<(Camera, usize, Vec<Pos2>)>,
    /// How many times the shapes were drawn anew (for tests).
    pub redraws: u64,
}

impl ScreenCache {
    /// The territory triangles `indices` of `mesh`, vertex `i` coloured `colors[i]`,
    /// reusing the vertices' screen positions while the camera stays (`mesh_key` tells
    /// meshes apart).
    pub fn territory_shape(
        &mut self,
        camera: Camera,
        transform: &PlotTransform,
        (mesh, mesh_key): (&TriangleMesh, usize),
        indices: &[u32],
        colors: &[Color32],
    ) -> Shape {
        let fresh = self
            .territory
            .as_ref()
            .is_some_and(|(c, k, _)| *c == camera && *k == mesh_key);
        if !fresh {
            let positions = mesh
                .vertices
                .iter()
                .map(|&xy| screen_from_plot(transform, xy))
                .collect();
            self.territory = Some((camera, mesh_key, positions));
        }
        let positions = self.territory.as_ref().map_or(&[][..], |(_, _, p)| p);
        let vertices = positions
            .iter()
            .enumerate()
            .map(|(i, &pos)| Vertex {
                pos,
                uv: WHITE_UV,
                color: colors.get(i).copied().unwrap_or(Color32::TRANSPARENT),
            })
            .collect();
        Shape::mesh(Mesh {
            indices: indices.to_vec(),
            vertices,
            ..Mesh::default()
        })
    }
}
