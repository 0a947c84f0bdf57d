//! Plain draw batches in plot coordinates (fills and lines, each with its bounding box
//! for culling): what the scene holds and the painter draws.

use egui::{Color32, Stroke};

use crate::geo::TriangleMesh;

/// A filled area: triangles in plot coordinates, one colour.
#[derive(Clone, Debug, Default)]
pub struct FillBatch {
    /// Triangles in plot coordinates.
    pub mesh: TriangleMesh,
    /// Fill colour.
    pub color: Color32,
    /// Bounding box `[min x, min y, max x, max y]` for culling.
    pub bbox: [f64; 4],
}

/// An open or closed line in plot coordinates.
#[derive(Clone, Debug, Default)]
pub struct Polyline {
    /// Points in plot coordinates.
    pub points: Vec<[f64; 2]>,
    /// How it is stroked (width in screen points).
    pub stroke: Stroke,
    /// Dashed instead of solid.
    pub dashed: bool,
    /// Bounding box `[min x, min y, max x, max y]` for culling.
    pub bbox: [f64; 4],
}

impl Polyline {
    /// A polyline with its bounding box computed.
    pub fn new(points: Vec<[f64; 2]>, stroke: Stroke, dashed: bool) -> Self {
        let bbox = bbox_of(points.iter().copied());
        Self {
            points,
            stroke,
            dashed,
            bbox,
        }
    }
}

/// `[min x, min y, max x, max y]` of some points (inverted infinities when empty).
pub fn bbox_of(points: impl Iterator<Item = [f64; 2]>) -> [f64; 4] {
    points.fold(
        [
            f64::INFINITY,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NEG_INFINITY,
        ],
        |b, [x, y]| [b[0].min(x), b[1].min(y), b[2].max(x), b[3].max(y)],
    )
}
