//! The map widget alone in a kittest harness: clicking a place selects it, clicking the sea
//! clears the selection.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use egui::{Event, Modifiers, PointerButton, Pos2, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use frontline::control::{Engine, Resolution, RouteState, View};
use frontline::geo::Basemap;
use frontline::model::Scenario;
use frontline::ui::map::{MapInput, MapLayers, MapMemory, MapResponse, MapView};

struct State {
    engine: Engine,
    basemap: Basemap,
    resolution: Resolution,
    routes: Vec<RouteState>,
    layers: MapLayers,
    view: MapView,
    memory: MapMemory,
    /// The last click the map reported.
    clicked: Option<Option<usize>>,
    /// The place under the pointer in the last frame.
    hovered: Option<usize>,
}

/// The scenario at `FRONTLINE_SCENARIO` or the default one if it has Homs, else the mini
/// fixture (whose Midtown stands in for Homs).
fn scenario_and_target() -> (Scenario, &'static str) {
    let chosen = match std::env::var("FRONTLINE_SCENARIO") {
        Ok(path) => frontline::io::load_scenario_file(Path::new(&path)).ok(),
        Err(_) => frontline::io::default_scenario().ok(),
    };
    if let Some(scenario) = chosen
        && scenario.place_index("homs").is_some()
    {
        return (scenario, "homs");
    }
    let mini = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini.ron");
    (frontline::io::load_scenario_file(&mini).unwrap(), "midtown")
}

fn harness(scenario: Scenario) -> Harness<'static, State> {
    let engine = Engine::new(scenario);
    let resolution = engine.resolve(&View::default(), "2024-12-08T00:00:00Z".parse().unwrap());
    let routes = engine.routes(&resolution);
    let state = State {
        engine,
        basemap: Basemap::embedded().unwrap(),
        resolution,
        routes,
        layers: MapLayers::default(),
        view: MapView::default(),
        memory: MapMemory::default(),
        clicked: None,
        hovered: None,
    };
    Harness::builder()
        .with_size(vec2(900.0, 700.0))
        .build_ui_state(
            |ui, s: &mut State| {
                let input = MapInput {
                    engine: &s.engine,
                    basemap: &s.basemap,
                    resolution: &s.resolution,
                    routes: &s.routes,
                    layers: &s.layers,
                    selected: None,
                    generation: 1,
                };
                let response: MapResponse = s.view.ui(ui, &mut s.memory, &input);
                s.hovered = response.hovered;
                if response.clicked.is_some() {
                    s.clicked = response.clicked;
                }
            },
            state,
        )
}

/// Presses and releases the primary button at `pos`, a frame apart.
fn click_at(harness: &mut Harness<'_, State>, pos: Pos2) {
    harness.state_mut().clicked = None;
    harness.event(Event::PointerMoved(pos));
    harness.run();
    for pressed in [true, false] {
        harness.event(Event::PointerButton {
            pos,
            button: PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
        harness.run();
    }
}

#[test]
fn clicking_a_place_selects_it_and_the_sea_selects_nothing() {
    let (scenario, target) = scenario_and_target();
    let target_index = scenario.place_index(target).unwrap();
    let (lon, lat) = (
        scenario.places[target_index].lon,
        scenario.places[target_index].lat,
    );
    let mut harness = harness(scenario);
    harness.run();
    assert!(
        !harness.state().memory.fit_requested,
        "the first frame fits Syria"
    );
    let _ = harness.get_by_label("Map of Syria");

    let pos = harness.state().view.screen_pos_of(lon, lat).unwrap();
    assert!(
        (0.0..900.0).contains(&pos.x) && (0.0..700.0).contains(&pos.y),
        "{target} on screen: {pos:?}"
    );
    harness.event(Event::PointerMoved(pos));
    harness.run();
    assert_eq!(harness.state().hovered, Some(target_index));
    click_at(&mut harness, pos);
    assert_eq!(harness.state().clicked, Some(Some(target_index)));

    // A few points off the marker still hits it.
    click_at(&mut harness, pos + vec2(4.0, 3.0));
    assert_eq!(harness.state().clicked, Some(Some(target_index)));

    // The Mediterranean off Latakia, between Syria and Cyprus.
    let sea = harness.state().view.screen_pos_of(35.4, 35.2).unwrap();
    assert!(
        (0.0..900.0).contains(&sea.x) && (0.0..700.0).contains(&sea.y),
        "{sea:?}"
    );
    click_at(&mut harness, sea);
    assert_eq!(harness.state().clicked, Some(None));
    assert_eq!(harness.state().hovered, None);

    let bounds = harness.state().memory.bounds_lonlat.unwrap();
    assert!(
        bounds[0] < 36.0 && bounds[2] > 42.0,
        "Syria fits: {bounds:?}"
    );
}

/// Frame time and a picture for a scenario file: `FRONTLINE_SCENARIO=path cargo test --test
/// ui_map -- --ignored --nocapture` (writes `/tmp/frontline_map.png` when wgpu can render).
#[test]
#[ignore = "measurement; needs FRONTLINE_SCENARIO"]
fn time_frames_and_render() {
    let Ok(path) = std::env::var("FRONTLINE_SCENARIO") else {
        return;
    };
    let scenario = frontline::io::load_scenario_file(Path::new(&path)).unwrap();
    let places = scenario.places.len();
    let mut harness = harness(scenario);
    harness.run();
    let start = std::time::Instant::now();
    for _ in 0..20 {
        harness.step();
    }
    println!("{places} places: {:?} per frame", start.elapsed() / 20);
    match harness.render() {
        Ok(image) => {
            image.save("/tmp/frontline_map.png").unwrap();
            println!("wrote /tmp/frontline_map.png");
        }
        Err(err) => println!("no render: {err}"),
    }
}

/// The shapes one frame of the map paints, in a plain egui context.
fn map_frame(
    ctx: &egui::Context,
    view: &mut MapView,
    memory: &mut MapMemory,
    input: &MapInput<'_>,
    events: Vec<Event>,
) -> Vec<egui::epaint::ClippedShape> {
    let raw = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(Pos2::ZERO, vec2(900.0, 700.0))),
        events,
        ..Default::default()
    };
    let mut output = ctx.run_ui(raw, |ui| {
        let _ = view.ui(ui, memory, input);
    });
    output.textures_delta.clear();
    output.shapes
}

#[test]
fn kept_shapes_match_a_fresh_drawing_and_are_redrawn_only_when_needed() {
    let (scenario, _) = scenario_and_target();
    let engine = Engine::new(scenario);
    let basemap = Basemap::embedded().unwrap();
    let layers = MapLayers::default();
    let moments = ["2024-11-26T00:00:00Z", "2024-12-08T00:00:00Z"];
    let worlds: Vec<(Resolution, Vec<RouteState>)> = moments
        .iter()
        .map(|at| {
            let resolution = engine.resolve(&View::default(), at.parse().unwrap());
            let routes = engine.routes(&resolution);
            (resolution, routes)
        })
        .collect();
    let input = |generation: usize| MapInput {
        engine: &engine,
        basemap: &basemap,
        resolution: &worlds[generation].0,
        routes: &worlds[generation].1,
        layers: &layers,
        selected: None,
        generation: generation as u64,
    };

    // One view scrubs from the first moment to the second.
    let (ctx, mut view, mut memory) = (
        egui::Context::default(),
        MapView::default(),
        MapMemory::default(),
    );
    for _ in 0..3 {
        map_frame(&ctx, &mut view, &mut memory, &input(0), Vec::new());
    }
    let before = map_frame(&ctx, &mut view, &mut memory, &input(0), Vec::new());
    let redraws = view.screen_redraws();
    let hovered = map_frame(
        &ctx,
        &mut view,
        &mut memory,
        &input(0),
        vec![Event::PointerMoved(Pos2::new(450.0, 350.0))],
    );
    assert_eq!(view.screen_redraws(), redraws, "hovering reuses the shapes");
    let scrubbed = map_frame(&ctx, &mut view, &mut memory, &input(1), Vec::new());
    assert_eq!(
        view.screen_redraws(),
        redraws + 1,
        "a new moment redraws once"
    );
    let again = map_frame(&ctx, &mut view, &mut memory, &input(1), Vec::new());
    assert_eq!(view.screen_redraws(), redraws + 1);

    // Another view draws the second moment from scratch.
    let (fresh_ctx, mut fresh, mut fresh_memory) = (
        egui::Context::default(),
        MapView::default(),
        MapMemory::default(),
    );
    let mut fresh_shapes = Vec::new();
    for _ in 0..4 {
        fresh_shapes = map_frame(
            &fresh_ctx,
            &mut fresh,
            &mut fresh_memory,
            &input(1),
            Vec::new(),
        );
    }
    assert_ne!(before, scrubbed, "the two moments look different");
    assert_eq!(
        scrubbed, fresh_shapes,
        "recoloured shapes equal a fresh drawing"
    );
    assert_eq!(again, fresh_shapes);
    assert!(hovered.len() >= before.len());
}
