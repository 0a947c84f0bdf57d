//! Territory only near reported places: each place's Voronoi cell cut down to a regular
//! polygon of radius [`reach_km`] around the place. Ground farther from every place is
//! left unassessed (drawn with no fill), so empty desert does not read as held and cell
//! wedges do not read as front lines.
//!
//! The cut keeps cells convex (a convex cell meets a convex polygon in a convex ring) and
//! disjoint (each stays inside its Voronoi cell). Radii are in kilometres and turned into
//! plot units of the [`Projection`], where circles are round.

use std::collections::BTreeMap;

use ::geo::{BooleanOps, BoundingRect, LineString, MultiPolygon, Polygon};

use super::projection::{KM_PER_DEGREE_LAT, Projection};
use super::territory::convex_cells;
use crate::model::PlaceKind;

/// How the territory is estimated, for the print map's legend, the brief, GeoJSON and the
/// window's caveat.
pub const TERRITORY_METHOD: &str = "Territory is estimated only near reported places: each \
     place's Voronoi cell, cut to 25 km around cities, 12 km around towns and 6 km around \
     villages and sites. The rest is unassessed (no fill). Not surveyed front lines.";

/// The largest reach of any place, kilometres.
pub const MAX_REACH_KM: f64 = 25.0;

/// Sides of the regular polygon standing for a disc: its corners are on the circle, so no
/// point of a capped cell is farther than the radius.
pub const REACH_SIDES: usize = 32;

/// How far from a place its holder is assumed to hold ground, kilometres: 25 for the
/// capital, governorate seats and cities (by kind or 50,000 people or more), 12 for towns
/// (or 5,000 people or more), 6 for villages, crossings, bases, prisons and airports.
pub fn reach_km(kind: PlaceKind, population: u64) -> f64 {
    match kind {
        PlaceKind::Capital | PlaceKind::GovernorateSeat | PlaceKind::City => MAX_REACH_KM,
        _ if population >= 50_000 => MAX_REACH_KM,
        PlaceKind::Town => 12.0,
        _ if population >= 5_000 => 12.0,
        _ => 6.0,
    }
}

/// The regular polygon of [`REACH_SIDES`] corners on the circle of `radius` around
/// `center`, counter-clockwise, not closed.
pub fn reach_polygon(center: [f64; 2], radius: f64) -> Vec<[f64; 2]> {
    (0..REACH_SIDES)
        .map(|i| {
            #[expect(clippy::cast_precision_loss, reason = "a few dozen corners")]
            let angle = std::f64::consts::TAU * i as f64 / REACH_SIDES as f64;
            [
                center[0] + radius * angle.cos(),
                center[1] + radius * angle.sin(),
            ]
        })
        .collect()
}

/// The part of the convex ring `subject` inside the convex counter-clockwise ring `clip`
/// (Sutherland-Hodgman), counter-clockwise; empty when they do not meet.
pub fn clip_convex(subject: &[[f64; 2]], clip: &[[f64; 2]]) -> Vec<[f64; 2]> {
    let mut out = subject.to_vec();
    for (i, &a) in clip.iter().enumerate() {
        let Some(&b) = clip.get((i + 1) % clip.len()) else {
            break;
        };
        let side = |p: [f64; 2]| (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]);
        let input = std::mem::take(&mut out);
        for (j, &p) in input.iter().enumerate() {
            let Some(&q) = input.get((j + 1) % input.len()) else {
                break;
            };
            let (sp, sq) = (side(p), side(q));
            if sp >= 0.0 {
                out.push(p);
            }
            if (sp >= 0.0) != (sq >= 0.0) {
                let t = sp / (sp - sq);
                out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
            }
        }
        if out.len() < 3 {
            return Vec::new();
        }
    }
    out.dedup();
    if out.len() < 3 { Vec::new() } else { out }
}

/// The Voronoi cells of `sites` (`[lon, lat]`, key, reach in km) inside the box `bounds`
/// (plot coordinates of `projection`), each cut to its site's reach polygon: convex rings,
/// keyed and ordered as in [`convex_cells`]. A shared position takes the reach of the site
/// whose key owns the cell.
pub fn capped_convex_cells<K: Clone + Ord>(
    sites: &[([f64; 2], K, f64)],
    bounds: [[f64; 2]; 2],
    projection: &Projection,
) -> Vec<(K, Vec<[f64; 2]>)> {
    let keyed: Vec<([f64; 2], K)> = sites.iter().map(|(p, k, _)| (*p, k.clone())).collect();
    let mut by_key: BTreeMap<&K, (&[f64; 2], f64)> = BTreeMap::new();
    for (lonlat, key, km) in sites {
        by_key.entry(key).or_insert((lonlat, *km));
    }
    let mut out = Vec::new();
    for (key, ring) in convex_cells(&keyed, bounds, projection) {
        let Some(&(lonlat, km)) = by_key.get(&key) else {
            continue;
        };
        let center = projection.plot_from_lonlat(*lonlat);
        let reach = reach_polygon(center, km / KM_PER_DEGREE_LAT);
        let capped = clip_convex(&ring, &reach);
        if !capped.is_empty() {
            out.push((key, capped));
        }
    }
    out
}

/// [`capped_convex_cells`] clipped to `clip` (lon/lat) and returned in lon/lat, like
/// [`super::voronoi_cells`]; sites whose capped cell misses `clip` get no entry.
pub fn capped_cells<K: Clone + Ord>(
    sites: &[([f64; 2], K, f64)],
    clip: &MultiPolygon<f64>,
    projection: &Projection,
) -> Vec<(K, MultiPolygon<f64>)> {
    let clip_xy = projection.plot_from_lonlat_polygons(clip);
    let Some(rect) = clip_xy.bounding_rect() else {
        return Vec::new();
    };
    // The box must hold every reach polygon that can meet the outline.
    let margin = MAX_REACH_KM / KM_PER_DEGREE_LAT;
    let bounds = [
        [rect.min().x - margin, rect.min().y - margin],
        [rect.max().x + margin, rect.max().y + margin],
    ];
    let mut out = Vec::new();
    for (key, ring) in capped_convex_cells(sites, bounds, projection) {
        let ring: Vec<(f64, f64)> = ring.iter().map(|p| (p[0], p[1])).collect();
        let polygon = Polygon::new(LineString::from(ring), Vec::new());
        let clipped = polygon.intersection(&clip_xy);
        if !clipped.0.is_empty() {
            out.push((key, projection.lonlat_from_plot_polygons(&clipped)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use ::geo::{Area, polygon};

    const FLAT: Projection = Projection::new(0.0);

    fn distance(a: [f64; 2], b: [f64; 2]) -> f64 {
        (a[0] - b[0]).hypot(a[1] - b[1])
    }

    #[test]
    fn geo_reach_follows_kind_and_size() {
        assert_eq!(reach_km(PlaceKind::Capital, 0), 25.0);
        assert_eq!(reach_km(PlaceKind::GovernorateSeat, 0), 25.0);
        assert_eq!(reach_km(PlaceKind::Town, 0), 12.0);
        assert_eq!(reach_km(PlaceKind::Town, 60_000), 25.0);
        assert_eq!(reach_km(PlaceKind::Village, 7_000), 12.0);
        assert_eq!(reach_km(PlaceKind::Base, 0), 6.0);
    }

    #[test]
    fn geo_reach_clip_convex_cuts_a_square_to_a_triangle() {
        let square = [[0.0, 0.0], [2.0, 0.0], [2.0, 2.0], [0.0, 2.0]];
        let triangle = [[0.0, 0.0], [2.0, 0.0], [0.0, 2.0]];
        let cut = clip_convex(&square, &triangle);
        assert_eq!(cut.len(), 3, "{cut:?}");
        let far = [[5.0, 5.0], [6.0, 5.0], [6.0, 6.0]];
        assert!(clip_convex(&square, &far).is_empty());
    }

    #[test]
    fn geo_reach_caps_cells_within_their_radius_and_keeps_them_apart() {
        // Two sites 1 unit apart, one reaching 0.3 units, the other 2 units (in km).
        let km = KM_PER_DEGREE_LAT;
        let sites = [
            ([5.0, 5.0], 0, 0.3 * km),
            ([6.0, 5.0], 1, 2.0 * km),
            ([5.0, 5.0], 2, 9.0 * km),
        ];
        let square = MultiPolygon::new(vec![polygon![
            (x: 0.0, y: 0.0), (x: 10.0, y: 0.0), (x: 10.0, y: 10.0), (x: 0.0, y: 10.0)
        ]]);
        let cells = capped_cells(&sites, &square, &FLAT);
        assert_eq!(cells.iter().map(|(k, _)| *k).collect::<Vec<_>>(), [0, 1]);
        for (key, mp) in &cells {
            let (center, radius) = if *key == 0 {
                ([5.0, 5.0], 0.3)
            } else {
                ([6.0, 5.0], 2.0)
            };
            for c in mp.0.iter().flat_map(|p| p.exterior().0.iter()) {
                assert!(
                    distance([c.x, c.y], center) <= radius * (1.0 + 1e-6),
                    "{key} {c:?} {}",
                    distance([c.x, c.y], center)
                );
            }
        }
        let small = cells[0].1.unsigned_area();
        assert!(small < std::f64::consts::PI * 0.09 && small > 0.25);
        let both = ::geo::unary_union(cells.iter().map(|(_, mp)| mp));
        let sum: f64 = cells.iter().map(|(_, mp)| mp.unsigned_area()).sum();
        assert!((both.unsigned_area() - sum).abs() < 1e-9, "no overlap");
    }
}
