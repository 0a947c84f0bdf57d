//! Scene building tests on the mini fixture (real-ish places inside Syria).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use super::radius::{MIN_RADIUS, radius_for_population};
use super::{MapInput, MapLayers, MapScene};
use crate::control::{Engine, Resolution, RouteState, View};
use crate::geo::Basemap;
use crate::ui::theme;

struct World {
    engine: Engine,
    basemap: Basemap,
    resolution: Resolution,
    routes: Vec<RouteState>,
}

fn world_from(path: &Path) -> World {
    let scenario = crate::io::load_scenario_file(path).unwrap();
    let engine = Engine::new(scenario);
    let at = "2024-12-08T00:00:00Z".parse().unwrap();
    let resolution = engine.resolve(&View::default(), at);
    let routes = engine.routes(&resolution);
    World {
        engine,
        basemap: Basemap::embedded().unwrap(),
        resolution,
        routes,
    }
}

fn world() -> World {
    world_from(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini.ron"))
}

impl World {
    fn input<'a>(&'a self, layers: &'a MapLayers, generation: u64) -> MapInput<'a> {
        MapInput {
            engine: &self.engine,
            basemap: &self.basemap,
            resolution: &self.resolution,
            routes: &self.routes,
            layers,
            selected: None,
            generation,
        }
    }

    fn place(&self, id: &str) -> usize {
        self.engine.scenario().place_index(id).unwrap()
    }
}

#[test]
fn hidden_faction_places_have_no_marker() {
    let w = world();
    let p = w.place("southtown");
    let f = w.resolution.places[p]
        .controller
        .expect("southtown is held");
    let mut scene = MapScene::default();
    let mut layers = MapLayers::default();
    scene.update(&w.input(&layers, 1));
    assert!(scene.marker_of(p).is_some());
    let faction = w.engine.scenario().factions[usize::from(f)].id.clone();
    layers.hidden_factions.insert(faction);
    scene.update(&w.input(&layers, 2));
    assert!(scene.marker_of(p).is_none());
    assert_eq!(scene.place_near(scene_xy(&w, p), 0.01), None);
}

fn scene_xy(w: &World, p: usize) -> [f64; 2] {
    let place = &w.engine.scenario().places[p];
    MapScene::projection().plot_from_lonlat([place.lon, place.lat])
}

#[test]
fn hidden_status_places_have_no_marker() {
    let w = world();
    let p = w.place("midtown");
    let status = w.resolution.places[p].status.as_str().to_owned();
    let layers = MapLayers {
        hidden_statuses: [status].into(),
        ..MapLayers::default()
    };
    let mut scene = MapScene::default();
    scene.update(&w.input(&layers, 1));
    assert!(scene.marker_of(p).is_none());
}

#[test]
fn territory_layer_toggles_the_territory_batch() {
    let w = world();
    let mut scene = MapScene::default();
    let mut layers = MapLayers::default();
    scene.update(&w.input(&layers, 1));
    let fill = scene.territory.as_ref().expect("territory batch");
    assert!(!fill.indices.is_empty());
    layers.territory = false;
    scene.update(&w.input(&layers, 2));
    assert!(scene.territory.is_none());
}

#[test]
fn marker_radius_grows_with_population() {
    assert_eq!(radius_for_population(0), MIN_RADIUS);
    let radii: Vec<f32> = [0, 1_000, 50_000, 500_000, 2_000_000]
        .into_iter()
        .map(radius_for_population)
        .collect();
    assert!(radii.windows(2).all(|w| w[0] < w[1]), "{radii:?}");
    let w = world();
    let mut scene = MapScene::default();
    scene.update(&w.input(&MapLayers::default(), 1));
    let big = scene.marker_of(w.place("southtown")).unwrap().radius;
    let small = scene.marker_of(w.place("hamlet")).unwrap().radius;
    assert!(big > small && small >= MIN_RADIUS);
}

#[test]
fn route_segment_colours_follow_holders() {
    let mut w = world();
    let scenario = w.engine.scenario();
    // The road has two segments: one held by faction 0, one on a front line.
    w.routes = vec![RouteState {
        segments: vec![Some(0), None],
        ..RouteState::default()
    }];
    assert_eq!(scenario.routes[0].waypoints.len(), 3);
    let mut scene = MapScene::default();
    scene.update(&w.input(&MapLayers::default(), 1));
    let colours: Vec<_> = scene.routes.iter().map(|s| (s.color, s.front)).collect();
    let held = theme::faction_color(w.engine.scenario(), Some(0));
    assert_eq!(colours, vec![(held, false), (theme::route_front(), true)]);
    // Routes off: no segments.
    let layers = MapLayers {
        routes: false,
        ..MapLayers::default()
    };
    scene.update(&w.input(&layers, 2));
    assert!(scene.routes.is_empty());
}

#[test]
fn voronoi_territory_is_computed_once_per_scenario() {
    let w = world();
    let mut scene = MapScene::default();
    let mut layers = MapLayers::default();
    assert!(scene.update(&w.input(&layers, 1)));
    let triangles = scene.cells().unwrap().mesh.triangle_count();
    assert!(triangles > 0);
    assert!(
        !scene.update(&w.input(&layers, 1)),
        "same generation: nothing rebuilt"
    );
    layers.labels = false;
    assert!(scene.update(&w.input(&layers, 2)));
    assert!(scene.update(&w.input(&layers, 3)));
    assert_eq!(scene.territory_builds(), 1);
    assert_eq!(scene.cells().unwrap().mesh.triangle_count(), triangles);
}

#[test]
fn unknown_places_cells_are_transparent() {
    let w = world();
    let mut scene = MapScene::default();
    scene.update(&w.input(&MapLayers::default(), 1));
    let cells = scene.cells().unwrap();
    let fill = scene.territory.as_ref().unwrap();
    for (t, &p) in cells.triangle_place.iter().enumerate() {
        let known = w.resolution.places[p as usize].controller.is_some();
        let v = cells.mesh.indices[3 * t] as usize;
        assert_eq!(fill.vertex_colors[v] != egui::Color32::TRANSPARENT, known);
    }
}

/// Times the scene build for a scenario file: `FRONTLINE_SCENARIO=path cargo test --release
/// --lib ui::map::scene_tests::time_scene_build -- --ignored --nocapture`.
#[test]
#[ignore = "measurement; needs FRONTLINE_SCENARIO"]
fn time_scene_build() {
    let Ok(path) = std::env::var("FRONTLINE_SCENARIO") else {
        return;
    };
    let w = world_from(Path::new(&path));
    let layers = MapLayers::default();
    let mut scene = MapScene::default();
    let start = std::time::Instant::now();
    scene.update(&w.input(&layers, 1));
    let first = start.elapsed();
    let start = std::time::Instant::now();
    scene.update(&w.input(&layers, 2));
    let again = start.elapsed();
    let cells = scene.cells().unwrap();
    println!(
        "{} places: first build {first:?} ({} territory triangles), new generation {again:?}",
        w.engine.scenario().places.len(),
        cells.mesh.triangle_count(),
    );
}
