//! Triangulation of polygons (holes included) into indexed triangle meshes for filling.
//!
//! Uses geo's [`TriangulateEarcut`]. Coordinates are passed through unchanged, so project the
//! polygons (or map the mesh with [`TriangleMesh::map_vertices`]) before drawing.

use ::geo::{MultiPolygon, Polygon, TriangulateEarcut};

/// An indexed triangle mesh: every three `indices` name one triangle's `vertices`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TriangleMesh {
    /// Vertex positions `[x, y]`.
    pub vertices: Vec<[f64; 2]>,
    /// Triangle corner indices into `vertices`, three per triangle.
    pub indices: Vec<u32>,
}

impl TriangleMesh {
    /// An empty mesh.
    pub fn new() -> Self {
        Self::default()
    }

    /// The triangulation of one multipolygon.
    pub fn from_multipolygon(mp: &MultiPolygon<f64>) -> Self {
        let mut mesh = Self::new();
        mesh.append_multipolygon(mp);
        mesh
    }

    /// Appends the triangles of `polygon` and returns how many were added.
    ///
    /// Degenerate rings (fewer than 4 positions) are skipped: a degenerate exterior adds
    /// nothing. Adds nothing if the vertex count would overflow `u32`.
    pub fn append_polygon(&mut self, polygon: &Polygon<f64>) -> usize {
        if polygon.exterior().0.len() < 4 {
            return 0;
        }
        let cleaned;
        let polygon = if polygon.interiors().iter().any(|r| r.0.len() < 4) {
            let holes = polygon.interiors().iter().filter(|r| r.0.len() >= 4);
            cleaned = Polygon::new(polygon.exterior().clone(), holes.cloned().collect());
            &cleaned
        } else {
            polygon
        };
        let raw = polygon.earcut_triangles_raw();
        let Ok(base) = u32::try_from(self.vertices.len()) else {
            return 0;
        };
        let Some(end) = u32::try_from(raw.vertices.len())
            .ok()
            .and_then(|n| base.checked_add(n))
        else {
            return 0;
        };
        let mut indices = Vec::with_capacity(raw.triangle_indices.len());
        for i in raw.triangle_indices {
            let Some(index) = u32::try_from(i).ok().and_then(|i| base.checked_add(i)) else {
                return 0;
            };
            if index >= end {
                return 0;
            }
            indices.push(index);
        }
        self.vertices.extend(raw.vertices);
        let added = indices.len() / 3;
        self.indices.extend(indices);
        added
    }

    /// Appends every polygon of `mp` and returns how many triangles were added.
    pub fn append_multipolygon(&mut self, mp: &MultiPolygon<f64>) -> usize {
        mp.0.iter().map(|p| self.append_polygon(p)).sum()
    }

    /// Number of triangles.
    pub fn triangle_count(&self) -> usize {
        self.indices.len() / 3
    }

    /// The triangles' corner positions.
    pub fn triangles(&self) -> impl Iterator<Item = [[f64; 2]; 3]> + '_ {
        self.indices.chunks_exact(3).filter_map(|t| {
            let corner = |i: u32| self.vertices.get(usize::try_from(i).ok()?).copied();
            Some([corner(t[0])?, corner(t[1])?, corner(t[2])?])
        })
    }

    /// Sum of the triangles' unsigned areas.
    pub fn area(&self) -> f64 {
        self.triangles()
            .map(|[a, b, c]| ((b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1])).abs())
            .sum::<f64>()
            / 2.0
    }

    /// Applies `f` to every vertex, e.g. to project lon/lat into plot coordinates.
    pub fn map_vertices(&mut self, mut f: impl FnMut([f64; 2]) -> [f64; 2]) {
        for v in &mut self.vertices {
            *v = f(*v);
        }
    }
}

/// A mesh whose triangles each carry a tag, e.g. the controller of the territory they fill.
#[derive(Debug, Clone, PartialEq)]
pub struct TaggedMesh<T> {
    /// All triangles of all tagged polygons.
    pub mesh: TriangleMesh,
    /// One tag per triangle: `triangle_tags[i]` belongs to indices `3i..3i+3`.
    pub triangle_tags: Vec<T>,
}

impl<T> Default for TaggedMesh<T> {
    fn default() -> Self {
        Self {
            mesh: TriangleMesh::default(),
            triangle_tags: Vec::new(),
        }
    }
}

impl<T: Clone> TaggedMesh<T> {
    /// Triangulates every `(multipolygon, tag)` pair into one mesh, in order.
    pub fn from_tagged(items: &[(MultiPolygon<f64>, T)]) -> Self {
        let mut out = Self::default();
        for (mp, tag) in items {
            out.append(mp, tag.clone());
        }
        out
    }

    /// Appends the triangles of `mp`, all tagged `tag`; returns how many were added.
    pub fn append(&mut self, mp: &MultiPolygon<f64>, tag: T) -> usize {
        let added = self.mesh.append_multipolygon(mp);
        self.triangle_tags.extend(std::iter::repeat_n(tag, added));
        added
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use crate::geo::basemap::Basemap;
    use ::geo::{Area, polygon};

    fn assert_area_matches(mp: &MultiPolygon<f64>) {
        let mesh = TriangleMesh::from_multipolygon(mp);
        let (got, want) = (mesh.area(), mp.unsigned_area());
        assert!(want > 0.0);
        assert!(
            (got - want).abs() <= 1e-9 * want,
            "mesh {got} vs polygon {want}"
        );
    }

    #[test]
    fn geo_mesh_square_with_hole() {
        let p = polygon!(
            exterior: [(x: 0.0, y: 0.0), (x: 10.0, y: 0.0), (x: 10.0, y: 10.0), (x: 0.0, y: 10.0)],
            interiors: [[(x: 2.0, y: 2.0), (x: 2.0, y: 4.0), (x: 4.0, y: 4.0), (x: 4.0, y: 2.0)]],
        );
        let mesh = TriangleMesh::from_multipolygon(&MultiPolygon::new(vec![p.clone()]));
        assert!((mesh.area() - 96.0).abs() < 1e-12);
        assert_area_matches(&MultiPolygon::new(vec![p]));
    }

    #[test]
    fn geo_mesh_area_equals_polygon_area_for_basemap() {
        let b = Basemap::embedded().unwrap();
        let rif = b.governorate_by_code("SY.08").unwrap();
        assert!(
            rif.polygons.0.iter().any(|p| !p.interiors().is_empty()),
            "hole for Damascus"
        );
        assert_area_matches(&rif.polygons);
        for area in b.countries.iter().chain(&b.governorates).chain(&b.lakes) {
            assert_area_matches(&area.polygons);
        }
    }

    #[test]
    fn geo_mesh_tags_one_per_triangle() {
        let sq = |x0: f64| {
            MultiPolygon::new(vec![polygon![
                (x: x0, y: 0.0), (x: x0 + 1.0, y: 0.0), (x: x0 + 1.0, y: 1.0), (x: x0, y: 1.0)
            ]])
        };
        let tri = MultiPolygon::new(vec![
            polygon![(x: 0.0, y: 5.0), (x: 1.0, y: 5.0), (x: 0.0, y: 6.0)],
        ]);
        let tagged = TaggedMesh::from_tagged(&[(sq(0.0), 'a'), (tri, 'b'), (sq(3.0), 'c')]);
        assert_eq!(tagged.triangle_tags, vec!['a', 'a', 'b', 'c', 'c']);
        assert_eq!(tagged.mesh.triangle_count(), 5);
        assert_eq!(tagged.mesh.vertices.len(), 4 + 3 + 4);
        assert!(
            tagged
                .mesh
                .indices
                .iter()
                .all(|&i| (i as usize) < tagged.mesh.vertices.len())
        );
        let mut m = tagged.mesh.clone();
        m.map_vertices(|[x, y]| [2.0 * x, y]);
        assert!((m.area() - 2.0 * tagged.mesh.area()).abs() < 1e-12);
    }

    #[test]
    fn geo_mesh_skips_degenerate_polygons() {
        let mut mesh = TriangleMesh::new();
        assert_eq!(
            mesh.append_polygon(&Polygon::new(::geo::LineString::new(vec![]), vec![])),
            0
        );
        assert!(mesh.vertices.is_empty() && mesh.indices.is_empty());
    }
}
