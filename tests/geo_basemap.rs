//! The embedded basemap: layer counts, Syria's extent, governorate lookup and Voronoi coverage.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use frontline::geo::{Basemap, Projection, dissolve_by_key, voronoi_cells};
use geo::{Area, BoundingRect, Contains, Point};

/// GeoNames seats of the 14 governorates (Damascus is the seat of both SY.13 and SY.08).
const SEATS: [(&str, f64, f64); 14] = [
    ("SY.01", 40.74772, 36.50237),
    ("SY.02", 35.79088, 35.53125),
    ("SY.03", 35.82461, 33.12595),
    ("SY.04", 39.00788, 35.95283),
    ("SY.05", 36.56951, 32.70896),
    ("SY.06", 36.10213, 32.61889),
    ("SY.07", 40.14084, 35.33588),
    ("SY.08", 36.29128, 33.5102),
    ("SY.09", 37.16117, 36.20124),
    ("SY.10", 36.75783, 35.13179),
    ("SY.11", 36.72559, 34.72405),
    ("SY.12", 36.63393, 35.93062),
    ("SY.13", 36.29128, 33.5102),
    ("SY.14", 35.88659, 34.88902),
];

#[test]
fn geo_basemap_layer_counts() {
    let b = Basemap::embedded().unwrap();
    assert_eq!(b.countries.len(), 10);
    assert_eq!(b.governorates.len(), 14);
    assert!(b.undof.is_some());
    assert_eq!(b.lakes.len(), 7);
}

#[test]
fn geo_basemap_syria_outline_bbox() {
    let b = Basemap::embedded().unwrap();
    let rect = b.syria_outline().unwrap().bounding_rect().unwrap();
    let got = [rect.min().x, rect.min().y, rect.max().x, rect.max().y];
    let want = [35.72496, 32.31317, 42.37782, 37.32487];
    for (g, w) in got.iter().zip(want) {
        assert!((g - w).abs() < 0.01, "bbox {got:?} vs {want:?}");
    }
}

#[test]
fn geo_basemap_cities_in_their_governorates() {
    let b = Basemap::embedded().unwrap();
    let aleppo = Point::new(37.16117, 36.20124);
    let damascus = Point::new(36.29128, 33.5102);
    assert!(
        b.governorate_by_code("SY.09")
            .unwrap()
            .polygons
            .contains(&aleppo)
    );
    assert!(
        b.governorate_by_code("SY.13")
            .unwrap()
            .polygons
            .contains(&damascus)
    );
    assert_eq!(
        b.governorate_at([37.16117, 36.20124]).unwrap().code,
        "SY.09"
    );
    assert_eq!(b.governorate_at([36.29128, 33.5102]).unwrap().code, "SY.13");
}

#[test]
fn geo_basemap_voronoi_over_seats_covers_syria() {
    let b = Basemap::embedded().unwrap();
    let syria = b.syria_outline().unwrap();
    let sites: Vec<_> = SEATS
        .iter()
        .map(|&(code, lon, lat)| ([lon, lat], code))
        .collect();
    let cells = voronoi_cells(&sites, syria, &Projection::syria());
    assert_eq!(cells.len(), 13, "Damascus is listed twice");
    let covered: f64 = cells.iter().map(|(_, mp)| mp.unsigned_area()).sum();
    let area = syria.unsigned_area();
    assert!(
        (covered - area).abs() <= 0.005 * area,
        "{covered} vs {area}"
    );
    let dissolved = dissolve_by_key(&cells);
    let dissolved_area: f64 = dissolved.iter().map(|(_, mp)| mp.unsigned_area()).sum();
    assert!((dissolved_area - area).abs() <= 0.005 * area);
    let aleppo_cell = cells.iter().find(|(k, _)| *k == "SY.09").unwrap();
    assert!(aleppo_cell.1.contains(&Point::new(37.16117, 36.20124)));
}

#[test]
fn geo_basemap_dissolved_seat_cells_have_no_slivers() {
    let b = Basemap::embedded().unwrap();
    let syria = b.syria_outline().unwrap();
    let sites: Vec<_> = SEATS
        .iter()
        .map(|&(_, lon, lat)| ([lon, lat], ()))
        .collect();
    let dissolved = dissolve_by_key(&voronoi_cells(&sites, syria, &Projection::syria()));
    let [(_, whole)] = dissolved.as_slice() else {
        panic!("one key expected");
    };
    assert_eq!(whole.0.len(), syria.0.len());
    assert!(whole.0.iter().all(|p| p.interiors().is_empty()));
    assert!((whole.unsigned_area() - syria.unsigned_area()).abs() <= 1e-6 * syria.unsigned_area());
}
