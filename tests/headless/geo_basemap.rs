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

/// The default scenario's places as capped sites: position, index, reach in km.
fn scenario_sites() -> (frontline::model::Scenario, Vec<([f64; 2], usize, f64)>) {
    let scenario = frontline::io::default_scenario().unwrap();
    let sites = scenario
        .places
        .iter()
        .enumerate()
        .map(|(p, place)| {
            let reach = frontline::geo::reach_km(place.kind, place.population);
            ([place.lon, place.lat], p, reach)
        })
        .collect();
    (scenario, sites)
}

/// Kilometres between two lon/lat points (haversine, mean Earth radius).
fn km_between(a: [f64; 2], b: [f64; 2]) -> f64 {
    let (la1, la2) = (a[1].to_radians(), b[1].to_radians());
    let (dla, dlo) = (la2 - la1, (b[0] - a[0]).to_radians());
    let h = (dla / 2.0).sin().powi(2) + la1.cos() * la2.cos() * (dlo / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().asin()
}

#[test]
fn geo_capped_territory_stays_near_places_and_cells_do_not_overlap() {
    let b = Basemap::embedded().unwrap();
    let syria = b.syria_outline().unwrap();
    let (scenario, sites) = scenario_sites();
    let cells = frontline::geo::capped_cells(&sites, syria, &Projection::syria());
    assert!(cells.len() > 250, "{} cells", cells.len());
    for (p, cell) in &cells {
        let place = &scenario.places[*p];
        let home = [place.lon, place.lat];
        let reach = frontline::geo::reach_km(place.kind, place.population);
        assert!(reach <= frontline::geo::MAX_REACH_KM);
        for c in cell.0.iter().flat_map(|poly| poly.exterior().0.iter()) {
            // The projection is true at 35° N; at Syria's edges (32.3-37.3° N) east-west
            // distances differ by up to 3.2 %.
            let km = km_between(home, [c.x, c.y]);
            assert!(km <= reach * 1.035, "{} reaches {km} km", place.id);
        }
    }
    let sum: f64 = cells.iter().map(|(_, mp)| mp.unsigned_area()).sum();
    let union = geo::unary_union(cells.iter().map(|(_, mp)| mp));
    assert!(
        (union.unsigned_area() - sum).abs() <= 1e-6 * sum,
        "cells overlap: union {} vs sum {sum}",
        union.unsigned_area()
    );
    assert!(
        sum < 0.6 * syria.unsigned_area(),
        "most of Syria is unassessed"
    );
}

#[test]
fn geo_capped_territory_leaves_the_palmyra_deir_ez_zor_desert_unassessed() {
    let b = Basemap::embedded().unwrap();
    let syria = b.syria_outline().unwrap();
    let (scenario, sites) = scenario_sites();
    let cells = frontline::geo::capped_cells(&sites, syria, &Projection::syria());
    let at = |id: &str| {
        let place = scenario.places.iter().find(|p| p.id == id).unwrap();
        [place.lon, place.lat]
    };
    let (palmyra, deir) = (at("palmyra"), at("deir-ez-zor"));
    // 41 points on the road's straight line and 0.3° either side of it, inner 80 %.
    let mut assessed = 0;
    let mut total = 0;
    for i in 0..41 {
        let t = 0.1 + 0.8 * f64::from(i) / 40.0;
        for offset in [-0.3, 0.0, 0.3] {
            let point = Point::new(
                palmyra[0] + t * (deir[0] - palmyra[0]) - offset * 0.5,
                palmyra[1] + t * (deir[1] - palmyra[1]) + offset,
            );
            total += 1;
            if cells.iter().any(|(_, mp)| mp.contains(&point)) {
                assessed += 1;
            }
        }
    }
    assert!(
        assessed * 4 < total,
        "{assessed} of {total} desert points have an estimate"
    );
}
