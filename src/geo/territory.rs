//! Territory estimated from points: Voronoi cells around places, clipped to an outline, and
//! dissolved per controller.
//!
//! Cells are computed in plot coordinates of a [`Projection`] so that they are not stretched
//! east-west, and returned in lon/lat. Each cell is the site's Voronoi face from spade's
//! Delaunay triangulation, built as the intersection of the half-planes towards its Voronoi
//! neighbours, starting from the outline's bounding box (so unbounded outer cells are closed).
//! Every cell vertex is computed from the same pair of lines by the same formula in every cell
//! that shares it, so neighbouring cells share edges bit for bit and dissolve without slivers.

use std::collections::BTreeMap;

use ::geo::{BooleanOps, BoundingRect, LineString, MultiPolygon, Polygon, unary_union};
use spade::{DelaunayTriangulation, Point2, Triangulation};

use super::cell::Cutter;
use super::projection::Projection;

/// Voronoi cells of `sites` (`[lon, lat]`, key) clipped to `clip` (lon/lat), one per distinct
/// position, in order of first appearance.
///
/// Sites at the same position share one cell, which goes to the smallest key. Sites with
/// non-finite coordinates are ignored, and sites whose cell misses `clip` get no entry. The
/// output depends only on the input (no randomness, no hashing).
pub fn voronoi_cells<K: Clone + Ord>(
    sites: &[([f64; 2], K)],
    clip: &MultiPolygon<f64>,
    projection: &Projection,
) -> Vec<(K, MultiPolygon<f64>)> {
    let clip_xy = projection.plot_from_lonlat_polygons(clip);
    let Some(rect) = clip_xy.bounding_rect() else {
        return Vec::new();
    };
    let bounds = [[rect.min().x, rect.min().y], [rect.max().x, rect.max().y]];
    let mut out = Vec::new();
    for (key, ring) in convex_cells(sites, bounds, projection) {
        let ring: Vec<(f64, f64)> = ring.iter().map(|p| (p[0], p[1])).collect();
        let polygon = Polygon::new(LineString::from(ring), Vec::new());
        let clipped = polygon.intersection(&clip_xy);
        if clipped.0.is_empty() {
            continue;
        }
        out.push((key, projection.lonlat_from_plot_polygons(&clipped)));
    }
    out
}

/// The unclipped Voronoi cells of `sites` (`[lon, lat]`, key) in plot coordinates of
/// `projection`, each a convex ring (counter-clockwise, not closed) inside the box
/// `bounds` (`[min, max]`), one per distinct position, keyed and ordered as in
/// [`voronoi_cells`].
///
/// The cells partition the box, so filling a set of them in one path shows their union
/// without dissolving; clipping to an outline can then be left to a raster mask.
pub fn convex_cells<K: Clone + Ord>(
    sites: &[([f64; 2], K)],
    bounds: [[f64; 2]; 2],
    projection: &Projection,
) -> Vec<(K, Vec<[f64; 2]>)> {
    let mut tri = DelaunayTriangulation::<Point2<f64>>::new();
    // Owner of each triangulation vertex (by handle index): the smallest key at that position.
    let mut owners: BTreeMap<usize, &K> = BTreeMap::new();
    for (lonlat, key) in sites {
        let xy = projection.plot_from_lonlat(*lonlat);
        if !(xy[0].is_finite() && xy[1].is_finite()) {
            continue;
        }
        // Inserting an existing position returns the existing vertex's handle.
        let Ok(handle) = tri.insert(Point2::new(xy[0], xy[1])) else {
            continue;
        };
        let owner = owners.entry(handle.index()).or_insert(key);
        if key < *owner {
            *owner = key;
        }
    }
    // Indexed like the triangulation's vertices, which `vertices()` yields in handle order.
    let positions: Vec<[f64; 2]> = tri
        .vertices()
        .map(|v| [v.position().x, v.position().y])
        .collect();
    let cutter = Cutter {
        sites: &positions,
        min: bounds[0],
        max: bounds[1],
    };
    let mut out = Vec::new();
    for vertex in tri.vertices() {
        let s = vertex.fix().index();
        let mut cell = cutter.initial_cell();
        for edge in vertex.as_voronoi_face().adjacent_edges() {
            let n = edge.as_delaunay_edge().to().fix().index();
            cell = cutter.clip(&cell, s, n);
            if cell.len() < 3 {
                break;
            }
        }
        let mut ring: Vec<[f64; 2]> = cell.iter().map(|&(p, _)| p).collect();
        ring.dedup();
        if ring.len() < 3 {
            continue;
        }
        let Some(&key) = owners.get(&s) else {
            continue;
        };
        out.push((key.clone(), ring));
    }
    out
}

/// Unions the cells of each key into one multipolygon per key, sorted by key.
pub fn dissolve_by_key<K: Clone + Ord>(
    cells: &[(K, MultiPolygon<f64>)],
) -> Vec<(K, MultiPolygon<f64>)> {
    let mut groups: BTreeMap<&K, Vec<&MultiPolygon<f64>>> = BTreeMap::new();
    for (key, mp) in cells {
        groups.entry(key).or_default().push(mp);
    }
    groups
        .into_iter()
        .map(|(key, parts)| (key.clone(), unary_union(parts)))
        .collect()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use ::geo::{Area, Contains, Point, polygon};

    /// Projection with `cos(lat0) = 1`: plot coordinates equal lon/lat.
    const FLAT: Projection = Projection::new(0.0);

    fn square(size: f64) -> MultiPolygon<f64> {
        MultiPolygon::new(vec![polygon![
            (x: 0.0, y: 0.0), (x: size, y: 0.0), (x: size, y: size), (x: 0.0, y: size)
        ]])
    }

    fn total_area(cells: &[(impl Sized, MultiPolygon<f64>)]) -> f64 {
        cells.iter().map(|(_, mp)| mp.unsigned_area()).sum()
    }

    const SITES: [[f64; 2]; 6] = [
        [2.0, 2.0],
        [8.0, 3.0],
        [5.0, 8.0],
        [1.0, 9.0],
        [9.0, 9.0],
        [5.0, 5.0],
    ];

    #[test]
    fn geo_territory_cells_partition_a_square() {
        let sites: Vec<_> = SITES.iter().enumerate().map(|(i, p)| (*p, i)).collect();
        let cells = voronoi_cells(&sites, &square(10.0), &FLAT);
        assert_eq!(cells.len(), SITES.len());
        assert!(
            (total_area(&cells) - 100.0).abs() < 1e-9 * 100.0,
            "{}",
            total_area(&cells)
        );
        for (i, mp) in &cells {
            let [x, y] = SITES[*i];
            assert!(mp.contains(&Point::new(x, y)), "site {i} outside its cell");
        }
        let dissolved = dissolve_by_key(&cells);
        assert_eq!(dissolved.len(), SITES.len());
    }

    #[test]
    fn geo_territory_projected_cells_still_partition() {
        let sites: Vec<_> = SITES
            .iter()
            .map(|p| ([p[0] + 35.0, p[1] + 30.0], p[0] > 4.0))
            .collect();
        let clip = MultiPolygon::new(vec![polygon![
            (x: 35.0, y: 30.0), (x: 45.0, y: 30.0), (x: 45.0, y: 40.0), (x: 35.0, y: 40.0)
        ]]);
        let cells = voronoi_cells(&sites, &clip, &Projection::syria());
        assert!((total_area(&cells) - 100.0).abs() < 1e-9 * 100.0);
        let dissolved = dissolve_by_key(&cells);
        assert_eq!(
            dissolved.iter().map(|(k, _)| *k).collect::<Vec<_>>(),
            vec![false, true]
        );
        assert!((total_area(&dissolved) - 100.0).abs() < 1e-9 * 100.0);
        assert!(
            dissolved.iter().all(|(_, mp)| mp.0.len() == 1),
            "no slivers: {dissolved:?}"
        );
    }

    #[test]
    fn geo_territory_point_outside_outline_gets_no_cell() {
        let sites = [
            ([5.0, 5.0], "in"),
            ([50.0, 5.0], "far"),
            ([-1.0, 5.0], "near"),
        ];
        let cells = voronoi_cells(&sites, &square(10.0), &FLAT);
        assert!(cells.iter().all(|(k, _)| *k != "far"));
        assert!((total_area(&cells) - 100.0).abs() < 1e-9 * 100.0);
        // "near" is outside but its cell reaches into the square (x < 2).
        let near = cells.iter().find(|(k, _)| *k == "near").unwrap();
        assert!((near.1.unsigned_area() - 20.0).abs() < 1e-9);
    }

    #[test]
    fn geo_territory_degenerate_inputs() {
        let one = voronoi_cells(&[([3.0, 3.0], 7)], &square(10.0), &FLAT);
        assert_eq!(one.len(), 1);
        assert!((total_area(&one) - 100.0).abs() < 1e-9);
        let line: Vec<_> = (0..4)
            .map(|i| ([1.0 + 2.0 * f64::from(i), 5.0], i))
            .collect();
        let strips = voronoi_cells(&line, &square(10.0), &FLAT);
        let areas: Vec<f64> = strips.iter().map(|(_, mp)| mp.unsigned_area()).collect();
        assert_eq!(areas.len(), 4);
        for (got, want) in areas.iter().zip([20.0, 20.0, 20.0, 40.0]) {
            assert!((got - want).abs() < 1e-9, "{areas:?}");
        }
        let dup = [
            ([2.0, 2.0], 5),
            ([8.0, 8.0], 1),
            ([2.0, 2.0], 3),
            ([f64::NAN, 1.0], 0),
        ];
        let cells = voronoi_cells(&dup, &square(10.0), &FLAT);
        assert_eq!(
            cells.iter().map(|(k, _)| *k).collect::<Vec<_>>(),
            vec![3, 1]
        );
        assert!(voronoi_cells::<u8>(&[], &square(10.0), &FLAT).is_empty());
        assert!(voronoi_cells(&[([1.0, 1.0], 0)], &MultiPolygon::new(vec![]), &FLAT).is_empty());
    }

    #[test]
    fn geo_territory_convex_cells_partition_the_box_and_match_clipped_cells() {
        let sites: Vec<_> = SITES.iter().enumerate().map(|(i, p)| (*p, i)).collect();
        let bounds = [[0.0, 0.0], [10.0, 10.0]];
        let convex = convex_cells(&sites, bounds, &FLAT);
        let clipped = voronoi_cells(&sites, &square(10.0), &FLAT);
        assert_eq!(convex.len(), clipped.len());
        let mut total = 0.0;
        for ((k, ring), (key, mp)) in convex.iter().zip(&clipped) {
            assert_eq!(k, key);
            let ring: Vec<(f64, f64)> = ring.iter().map(|p| (p[0], p[1])).collect();
            let polygon = Polygon::new(LineString::from(ring), Vec::new());
            let area = polygon.signed_area();
            assert!(area > 0.0, "counter-clockwise");
            assert!(
                (area - mp.unsigned_area()).abs() < 1e-6 * area,
                "the square is the box"
            );
            total += area;
        }
        assert!((total - 100.0).abs() < 1e-9);
    }

    #[test]
    fn geo_territory_is_deterministic() {
        let sites: Vec<_> = (0..40)
            .map(|i| {
                let t = f64::from(i);
                (
                    [5.0 + 4.0 * (t * 1.7).sin(), 5.0 + 4.0 * (t * 2.3).cos()],
                    i % 3,
                )
            })
            .collect();
        let a = voronoi_cells(&sites, &square(10.0), &FLAT);
        let b = voronoi_cells(&sites, &square(10.0), &FLAT);
        assert_eq!(a, b);
        assert_eq!(dissolve_by_key(&a), dissolve_by_key(&b));
        assert!((total_area(&dissolve_by_key(&a)) - 100.0).abs() < 1e-9 * 100.0);
    }
}
