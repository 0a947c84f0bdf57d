//! Territory: a Voronoi cell around every place cut to the place's reach
//! ([`crate::geo::reach`]), clipped to Syria and triangulated once per scenario; each
//! generation only recolours the cells by their place's controller. Ground beyond every
//! place's reach has no cell: it is unassessed and not filled.

use std::hash::{DefaultHasher, Hash, Hasher};

use egui::Color32;

use crate::geo::{Basemap, Projection, TaggedMesh, TriangleMesh, capped_cells, reach_km};
use crate::model::Scenario;

/// The triangulated cells of one scenario's places, in plot coordinates.
#[derive(Clone, Debug, Default)]
pub struct Territory {
    key: u64,
    /// The cells' triangles in plot coordinates.
    pub mesh: TriangleMesh,
    /// The place index of each vertex (every triangle lies in one cell).
    pub vertex_place: Vec<u32>,
    /// The place index of each triangle.
    pub triangle_place: Vec<u32>,
}

/// One generation's colouring of the [`Territory`] mesh.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TerritoryFill {
    /// One colour per mesh vertex.
    pub vertex_colors: Vec<Color32>,
    /// The indices of the triangles that are not transparent, three per triangle.
    pub indices: Vec<u32>,
}

impl Territory {
    /// A key that changes when the scenario's places (ids, positions or reach) change.
    pub fn fingerprint(scenario: &Scenario) -> u64 {
        let mut hasher = DefaultHasher::new();
        scenario.id.hash(&mut hasher);
        for place in &scenario.places {
            place.id.hash(&mut hasher);
            place.lon.to_bits().hash(&mut hasher);
            place.lat.to_bits().hash(&mut hasher);
            reach_km(place.kind, place.population)
                .to_bits()
                .hash(&mut hasher);
        }
        hasher.finish()
    }

    /// The key of the scenario the cells were built for.
    pub fn key(&self) -> u64 {
        self.key
    }

    /// Computes the places' Voronoi cells cut to their reach and clipped to Syria's outline,
    /// and triangulates them.
    /// Without an outline there is no territory.
    pub fn build(scenario: &Scenario, basemap: &Basemap, projection: &Projection) -> Self {
        let key = Self::fingerprint(scenario);
        let Some(outline) = basemap.syria_outline() else {
            return Self {
                key,
                ..Self::default()
            };
        };
        let sites: Vec<([f64; 2], u32, f64)> = scenario
            .places
            .iter()
            .enumerate()
            .filter_map(|(p, place)| {
                let reach = reach_km(place.kind, place.population);
                Some(([place.lon, place.lat], u32::try_from(p).ok()?, reach))
            })
            .collect();
        let cells = capped_cells(&sites, outline, projection);
        let mut tagged = TaggedMesh::<u32>::default();
        for (place, cell) in &cells {
            tagged.append(&projection.plot_from_lonlat_polygons(cell), *place);
        }
        let mut vertex_place = vec![0; tagged.mesh.vertices.len()];
        for (triangle, &place) in tagged
            .mesh
            .indices
            .chunks_exact(3)
            .zip(&tagged.triangle_tags)
        {
            for &v in triangle {
                if let Some(slot) = vertex_place.get_mut(v as usize) {
                    *slot = place;
                }
            }
        }
        Self {
            key,
            mesh: tagged.mesh,
            vertex_place,
            triangle_place: tagged.triangle_tags,
        }
    }

    /// Colours every cell with `place_colors[place]`, leaving out transparent cells.
    pub fn fill(&self, place_colors: &[Color32]) -> TerritoryFill {
        let color = |p: u32| {
            place_colors
                .get(p as usize)
                .copied()
                .unwrap_or(Color32::TRANSPARENT)
        };
        let vertex_colors = self.vertex_place.iter().map(|&p| color(p)).collect();
        let indices = self
            .mesh
            .indices
            .chunks_exact(3)
            .zip(&self.triangle_place)
            .filter(|(_, p)| color(**p) != Color32::TRANSPARENT)
            .flat_map(|(t, _)| t.iter().copied())
            .collect();
        TerritoryFill {
            vertex_colors,
            indices,
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn fill_skips_transparent_cells_and_colours_vertices() {
        let t = Territory {
            key: 0,
            mesh: TriangleMesh {
                vertices: vec![
                    [0.0, 0.0],
                    [1.0, 0.0],
                    [0.0, 1.0],
                    [5.0, 5.0],
                    [6.0, 5.0],
                    [5.0, 6.0],
                ],
                indices: vec![0, 1, 2, 3, 4, 5],
            },
            vertex_place: vec![0, 0, 0, 1, 1, 1],
            triangle_place: vec![0, 1],
        };
        let fill = t.fill(&[Color32::RED, Color32::TRANSPARENT]);
        assert_eq!(fill.indices, vec![0, 1, 2]);
        assert_eq!(fill.vertex_colors[0], Color32::RED);
        assert_eq!(fill.vertex_colors[4], Color32::TRANSPARENT);
    }
}
