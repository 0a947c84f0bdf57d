//! Drives the real `FrontlineApp` through egui_kittest: clicks, keys and menus in, app
//! state and accessible text out.
//!
//! The tests prefer the embedded Syria scenario and its ids (`aleppo`, `daraa`, ...).
//! While that scenario is still a placeholder they fall back to `tests/fixtures/mini.ron`
//! and its ids (`southtown`, `northtown` with alias "Nortown").

use std::path::{Path, PathBuf};

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use frontline::control::{Engine, Perspective, View};
use frontline::model::Scenario;
use frontline::ui::{Command, FrontlineApp};

fn fixture_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini.ron")
}

fn mini() -> Scenario {
    match frontline::io::load_scenario_file(&fixture_path()) {
        Ok(scenario) => scenario,
        Err(err) => panic!("the fixture must load: {err}"),
    }
}

/// The real Syria scenario when it is there, else the mini fixture.
fn scenario() -> Scenario {
    frontline::io::default_scenario()
        .ok()
        .filter(|s| s.place_index("aleppo").is_some())
        .unwrap_or_else(mini)
}

/// The first of `ids` the scenario has.
fn pick<'a>(scenario: &Scenario, ids: &[&'a str]) -> &'a str {
    match ids.iter().find(|id| scenario.place_index(id).is_some()) {
        Some(id) => id,
        None => panic!("none of {ids:?} is in the scenario"),
    }
}

fn harness(app: FrontlineApp) -> Harness<'static, FrontlineApp> {
    Harness::builder()
        .with_size([1400.0, 900.0])
        .with_max_steps(40)
        .build_eframe(|_cc| app)
}

fn click_at(harness: &mut Harness<'_, FrontlineApp>, pos: egui::Pos2) {
    harness.hover_at(pos);
    harness.drag_at(pos);
    harness.drop_at(pos);
    harness.run();
}

#[test]
fn clicking_a_city_shows_its_claims_and_empty_map_clears() {
    let scenario = scenario();
    let id = pick(&scenario, &["aleppo", "northtown"]);
    let p = scenario.place_index(id).unwrap_or_default();
    let (lon, lat) = (scenario.places[p].lon, scenario.places[p].lat);
    let mut harness = harness(FrontlineApp::with_scenario(scenario.clone()));
    harness.run();
    let pos = harness
        .state()
        .map_view
        .screen_pos_of(lon, lat)
        .expect("the place is on the map");
    click_at(&mut harness, pos);
    assert_eq!(harness.state().selected, Some(p));
    harness.get_by_label_contains("Claims (");
    // Empty map: the grid point farthest from every place, inside the map's box.
    let far = (0..60)
        .flat_map(|i| (0..40).map(move |j| (36.0 + f64::from(i) * 0.1, 32.5 + f64::from(j) * 0.1)))
        .max_by(|a, b| {
            let d = |(x, y): (f64, f64)| {
                scenario
                    .places
                    .iter()
                    .map(|pl| (pl.lon - x).hypot(pl.lat - y))
                    .fold(f64::INFINITY, f64::min)
            };
            d(*a).total_cmp(&d(*b))
        })
        .unwrap_or((40.5, 35.5));
    let Some(pos) = harness.state().map_view.screen_pos_of(far.0, far.1) else {
        panic!("{far:?} should be on the map");
    };
    click_at(&mut harness, pos);
    assert_eq!(harness.state().selected, None);
}

#[test]
fn selecting_a_place_lists_its_claims_with_quotes() {
    let scenario = scenario();
    let id = pick(&scenario, &["aleppo", "northtown"]);
    let p = scenario.place_index(id).unwrap_or_default();
    let mut harness = harness(FrontlineApp::with_scenario(scenario.clone()));
    harness.state_mut().queue(Command::Select(Some(p)));
    harness.run();
    let details = {
        let app = harness.state();
        app.world
            .engine
            .place_details(&app.view(), &app.world.resolution, p)
    };
    assert!(!details.claims.is_empty(), "{id} should have claims");
    harness.get_by_label(&format!("Claims ({})", details.claims.len()));
    let quoted = details.claims.iter().find_map(|&c| {
        scenario.claims[c]
            .quote
            .clone()
            .filter(|_| scenario.claims[c].document.is_some())
    });
    if let Some(quote) = quoted {
        harness.get_by_label(&format!("“{quote}”")).click();
        harness.run();
        assert!(harness.state().panels.document.is_some());
        harness.get_by_label_contains("Document: ");
    }
}

#[test]
fn a_layer_toggle_removes_that_layer() {
    let mut harness = harness(FrontlineApp::with_scenario(scenario()));
    harness.run();
    let generation = harness.state().world.generation;
    harness.get_by_label("Routes").click();
    harness.run();
    assert!(!harness.state().state.layers.routes);
    assert!(harness.state().world.generation > generation);

    let (faction_id, label) = {
        let app = harness.state();
        let scenario = app.world.scenario();
        let f = scenario.faction_index("rebels").unwrap_or_default();
        let held = app
            .world
            .resolution
            .places
            .iter()
            .filter(|s| s.controller.map(usize::from) == Some(f))
            .count();
        let faction = &scenario.factions[f];
        (faction.id.clone(), format!("{} ({held})", faction.name))
    };
    harness.get_by_label(&label).click();
    harness.run();
    assert!(
        harness
            .state()
            .state
            .layers
            .hidden_factions
            .contains(&faction_id)
    );
}

#[test]
fn the_timeline_moves_the_holders() {
    let scenario = scenario();
    let (id, before, after) = if scenario.place_index("aleppo").is_some() {
        ("aleppo", "government", "rebels")
    } else {
        ("southtown", "army", "rebels")
    };
    let mut harness = harness(FrontlineApp::with_scenario(scenario));
    harness.run();
    assert_eq!(harness.state().controller_of(id), Some(after));
    let (start, _) = harness.state().world.time_span();
    harness
        .get_by_label("Time")
        .set_value_accesskit(start as f64);
    harness.run();
    assert_eq!(harness.state().now_secs(), start);
    assert_eq!(harness.state().controller_of(id), Some(before));
    // → steps to the next claim.
    harness.key_press(egui::Key::ArrowRight);
    harness.run();
    assert!(harness.state().now_secs() > start);
    harness.get_by_label_contains("As of");
    // Space plays; each frame moves the time on; Space again pauses.
    let before = harness.state().now_secs();
    harness.key_press(egui::Key::Space);
    harness.step();
    harness.step();
    harness.step();
    assert!(harness.state().playing);
    assert!(harness.state().now_secs() > before);
    harness.key_press(egui::Key::Space);
    harness.run();
    assert!(!harness.state().playing);
}

#[test]
fn a_perspective_change_recolours_a_place() {
    let scenario = scenario();
    // Find a place and two sources whose accounts give it different holders.
    let engine = Engine::new(scenario.clone());
    let end = engine.time_range_secs().map_or(0, |r| r.1);
    let controllers = |source: &str| {
        let view = View {
            perspective: Perspective::Source(source.to_owned()),
            ..View::default()
        };
        engine.resolve_secs(&view, end).places
    };
    let sources: Vec<_> = scenario
        .sources
        .iter()
        .filter(|s| !s.is_baseline())
        .collect();
    let differing = sources.iter().find_map(|a| {
        let first = controllers(&a.id);
        sources.iter().find_map(|b| {
            let second = controllers(&b.id);
            (0..first.len())
                .find(|&p| first[p].controller != second[p].controller)
                .map(|p| (a, b, p))
        })
    });
    let Some((a, b, p)) = differing else {
        panic!("no two sources disagree about a place");
    };
    let mut harness = harness(FrontlineApp::with_scenario(scenario.clone()));
    harness
        .state_mut()
        .queue(Command::SetPerspective(Perspective::Source(a.id.clone())));
    harness.run();
    let held_by_a = harness.state().world.resolution.places[p].controller;
    // Switch source through the combo box.
    harness.get_by_label("Source").click();
    harness.run();
    harness.get_by_label(&b.name).scroll_to_me();
    harness.run();
    harness.get_by_label(&b.name).click();
    harness.run();
    assert_eq!(
        harness.state().state.perspective,
        Perspective::Source(b.id.clone())
    );
    assert_ne!(
        harness.state().world.resolution.places[p].controller,
        held_by_a
    );
    harness.get_by_label_contains(&format!("as {} tells it", b.name));
}

#[test]
fn searching_an_alias_selects_and_centres_the_place() {
    let scenario = scenario();
    let (query, id) = if scenario.place_index("daraa").is_some() {
        ("Deraa", "daraa")
    } else {
        ("Nortown", "northtown")
    };
    let p = scenario.place_index(id).unwrap_or_default();
    let mut harness = harness(FrontlineApp::with_scenario(scenario.clone()));
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    harness.run();
    let search = harness.get_by_role_and_label(Role::TextInput, "Search places");
    assert!(search.is_focused(), "Ctrl+F focuses the search box");
    search.type_text(query);
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    let app = harness.state();
    assert_eq!(app.selected, Some(p));
    let bounds = app.state.camera.bounds_lonlat.unwrap_or_default();
    let place = &scenario.places[p];
    assert!(bounds[0] < place.lon && place.lon < bounds[2]);
    assert!(bounds[1] < place.lat && place.lat < bounds[3]);
}

#[test]
fn a_broken_file_shows_its_errors_and_keeps_the_scenario() {
    let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("temp dir: {err}"));
    let path = dir.path().join("broken.ron");
    std::fs::write(&path, "(\n  format_version: 1,\n  id: \"x\" oops\n)\n")
        .unwrap_or_else(|err| panic!("write: {err}"));
    let mut harness = harness(FrontlineApp::with_scenario(mini()));
    harness.run();
    assert!(harness.state_mut().open_path(&path).is_err());
    harness.run();
    assert_eq!(harness.state().world.scenario().id, "mini");
    harness.get_by_label_contains("broken.ron:3:");
    harness.get_by_label("Close").click();
    harness.run();
    assert!(harness.state().panels.errors.is_none());
    // A good file replaces the scenario.
    assert!(harness.state_mut().open_path(&fixture_path()).is_ok());
}

#[test]
fn what_if_shows_a_banner_and_resets() {
    let scenario = mini();
    let p = scenario.place_index("southtown").unwrap_or_default();
    let mut harness = harness(FrontlineApp::with_scenario(scenario));
    harness.state_mut().queue(Command::Select(Some(p)));
    harness.run();
    harness.get_by_label("Assume Southtown held").click();
    harness.run();
    assert_eq!(harness.state().controller_of("southtown"), Some("army"));
    harness.get_by_label_contains("What-if: Southtown assumed held by The army");
    harness.get_by_label_contains("Southtown to Northtown:");
    harness.get_by_label("Reset").click();
    harness.run();
    assert!(harness.state().assume.is_empty());
    assert_eq!(harness.state().controller_of("southtown"), Some("rebels"));
}

#[test]
fn hiding_a_source_drops_its_claims_from_the_map() {
    let mut harness = harness(FrontlineApp::with_scenario(mini()));
    harness.run();
    assert_eq!(harness.state().controller_of("southtown"), Some("rebels"));
    harness.get_by_label("observers (2 claims)").click();
    harness.run();
    assert!(harness.state().state.hidden_sources.contains("observers"));
    assert_eq!(harness.state().controller_of("southtown"), Some("army"));
}

#[test]
fn compare_lists_the_places_that_changed_hands() {
    let scenario = scenario();
    let (id, name) = if scenario.place_index("aleppo").is_some() {
        ("aleppo", "Aleppo")
    } else {
        ("southtown", "Southtown")
    };
    let mut harness = harness(FrontlineApp::with_scenario(scenario));
    harness.run();
    let (start, end) = harness.state().world.time_span();
    assert_ne!(start, end);
    harness.get_by_label("Compare with another date").click();
    harness.run();
    // The comparison defaults to the start of the timeline.
    harness.get_by_label_contains("places changed hands since");
    let short = |f: &str| {
        let scenario = harness.state().world.scenario();
        scenario
            .faction_index(f)
            .map(|i| scenario.factions[i].short.clone())
            .unwrap_or_default()
    };
    let (before, after) = if id == "aleppo" {
        ("government", "rebels")
    } else {
        ("army", "rebels")
    };
    let arrow = frontline::ui::format::arrow(&harness.ctx);
    let label = format!("{name}: {} {arrow} {}", short(before), short(after));
    harness.get_by_label(&label).click();
    harness.run();
    assert_eq!(harness.state().selected, harness.state().place_index(id));
}

/// Steps the app until the file it is opening in the background is shown.
fn wait_for_open(harness: &mut Harness<'_, FrontlineApp>) {
    wait_until(harness, "the file did not open", |app| {
        app.loading.running_path().is_none()
    });
    harness.run();
}

#[test]
fn opening_from_the_window_reads_in_the_background_and_shows_errors() {
    let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("temp dir: {err}"));
    let broken = dir.path().join("broken.ron");
    std::fs::write(&broken, "(\n  format_version: 1,\n  id: \"x\" oops\n)\n")
        .unwrap_or_else(|err| panic!("write: {err}"));
    let mut harness = harness(FrontlineApp::with_scenario(scenario()));
    harness.run();
    harness.state_mut().queue(Command::OpenPath(broken.clone()));
    harness.step();
    wait_for_open(&mut harness);
    assert_ne!(harness.state().world.scenario().id, "mini");
    harness.get_by_label_contains("broken.ron:3:");
    harness.get_by_label("Close").click();
    harness.run();
    harness.state_mut().queue(Command::OpenPath(fixture_path()));
    harness.step();
    wait_for_open(&mut harness);
    assert_eq!(harness.state().world.scenario().id, "mini");
    assert_eq!(
        harness.state().scenario_file.as_deref(),
        Some(fixture_path().as_path())
    );
}

/// Steps the app until its background export is done.
fn wait_for_export(harness: &mut Harness<'_, FrontlineApp>) {
    wait_until(harness, "the export did not finish", |app| {
        !app.exports.busy()
    });
}

/// Steps the app until `done` holds (at most ~60 s), or fails with `message`.
fn wait_until(
    harness: &mut Harness<'_, FrontlineApp>,
    message: &str,
    done: impl Fn(&FrontlineApp) -> bool,
) {
    for _ in 0..1200 {
        harness.step();
        if done(harness.state()) {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    panic!("{message}");
}

fn export_from_window(
    harness: &mut Harness<'_, FrontlineApp>,
    path: &Path,
    format: frontline::export::ExportFormat,
) {
    harness.state_mut().queue(Command::ExportTo {
        path: path.to_path_buf(),
        format,
    });
    harness.step();
    wait_for_export(harness);
    harness.run();
    let last = harness.state().exports.last.clone();
    assert_eq!(
        last,
        Some(frontline::ui::export::ExportOutcome::Wrote(
            path.to_path_buf()
        )),
        "{}",
        path.display()
    );
    harness.get_by_label_contains("Exported ");
}

/// The controller of place `id` in an exported GeoJSON file.
fn geojson_controller(path: &Path, id: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
    let features = json["features"].as_array().cloned().unwrap_or_default();
    let place = features
        .iter()
        .find(|f| f["properties"]["layer"] == "place" && f["properties"]["id"] == id)
        .unwrap_or_else(|| panic!("{id} is not in {}", path.display()));
    place["properties"]["controller"].clone()
}

#[test]
fn export_writes_what_is_on_screen_at_the_moment_shown() {
    use frontline::export::ExportFormat;
    let scenario = scenario();
    let (id, before, after) = if scenario.place_index("aleppo").is_some() {
        ("aleppo", "government", "rebels")
    } else {
        ("southtown", "army", "rebels")
    };
    let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("{err}"));
    let mut harness = harness(FrontlineApp::with_scenario(scenario));
    harness.run();
    // After the offensive (the end of the scenario).
    let after_path = dir.path().join("after.geojson");
    export_from_window(&mut harness, &after_path, ExportFormat::Geojson);
    assert_eq!(geojson_controller(&after_path, id), after);
    let png = dir.path().join("after.png");
    export_from_window(&mut harness, &png, ExportFormat::Png);
    let bytes = std::fs::read(&png).unwrap_or_default();
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");
    // Before the offensive.
    let (start, _) = harness.state().world.time_span();
    harness.state_mut().queue(Command::SetTime(start));
    harness.run();
    let before_path = dir.path().join("before.geojson");
    export_from_window(&mut harness, &before_path, ExportFormat::Geojson);
    assert_eq!(geojson_controller(&before_path, id), before);
    // A failed export says why and leaves no file.
    let bad = dir.path().join("missing-folder/out.png");
    harness.state_mut().queue(Command::ExportTo {
        path: bad.clone(),
        format: ExportFormat::Png,
    });
    harness.step();
    wait_for_export(&mut harness);
    harness.run();
    assert!(matches!(
        harness.state().exports.last,
        Some(frontline::ui::export::ExportOutcome::Failed(_))
    ));
    harness.get_by_label_contains("Export failed");
    assert!(!bad.exists());
}

#[test]
fn ctrl_e_opens_the_export_window() {
    let mut harness = harness(FrontlineApp::with_scenario(mini()));
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    harness.run();
    assert!(harness.state().exports.window_open);
    harness.get_by_label(frontline::export::ExportFormat::Geojson.description());
    harness.get_by_label(frontline::export::ExportFormat::Gpkg.description());
    harness.get_by_label("Choose file and export...");
}

#[test]
fn a_snapshot_opens_with_its_view() {
    use frontline::control::View;
    use frontline::export::{ExportFormat, ExportJob, run_job};
    let scenario = mini();
    let engine = Engine::new(scenario.clone());
    let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("{err}"));
    let mut view = View {
        perspective: Perspective::Source("observers".into()),
        ..View::default()
    };
    view.assume.insert("northtown".into(), "army".into());
    view.hidden_sources.insert("army-said".into());
    let layers = frontline::layers::Layers {
        routes: false,
        labels: false,
        ..Default::default()
    };
    let at: jiff::Timestamp = "2024-12-06T12:00:00Z".parse().unwrap_or_default();
    let bbox = [36.0, 33.0, 38.0, 35.0];
    let path = dir.path().join("view.ron");
    let job = ExportJob {
        scenario_file: Some(fixture_path()),
        viewpoint: frontline::viewpoint::Viewpoint {
            at: frontline::model::Moment::from_timestamp(at),
            view: view.clone(),
            layers: layers.clone(),
            bbox_lonlat: Some(bbox),
        },
        timelapse: None,
        format: ExportFormat::Ron,
        out: path.clone(),
        size: (800, 600),
        since: None,
    };
    if let Err(err) = run_job(&engine, &job) {
        panic!("{err}");
    }
    // Start on the default scenario, then open the snapshot like File > Open does.
    let mut harness = harness(FrontlineApp::with_scenario(self::scenario()));
    harness.run();
    assert!(harness.state_mut().open_path(&path).is_ok());
    harness.run();
    let app = harness.state();
    assert_eq!(app.world.scenario().id, "mini");
    assert_eq!(app.scenario_file.as_deref(), Some(fixture_path().as_path()));
    assert_eq!(app.now_secs(), at.as_second());
    assert_eq!(app.state.perspective, view.perspective);
    assert_eq!(app.state.hidden_sources, view.hidden_sources);
    assert_eq!(app.assume, view.assume);
    assert_eq!(app.state.layers, layers);
    assert_eq!(app.controller_of("northtown"), Some("army"));
    // The camera shows the snapshot's box (grown to the map's aspect).
    let shown = app.state.camera.bounds_lonlat.unwrap_or_default();
    assert!(
        shown[0] <= bbox[0] + 1e-6 && shown[2] >= bbox[2] - 1e-6,
        "{shown:?}"
    );
    assert!(
        shown[1] <= bbox[1] + 1e-6 && shown[3] >= bbox[3] - 1e-6,
        "{shown:?}"
    );
    assert!(shown[2] - shown[0] < 4.0, "{shown:?}");
    harness.get_by_label_contains("What-if: Northtown");
}

#[test]
fn a_snapshot_of_a_changed_scenario_warns_in_the_window() {
    let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("{err}"));
    let copy = dir.path().join("mini.ron");
    let text = std::fs::read_to_string(fixture_path()).unwrap_or_default();
    std::fs::write(&copy, &text).unwrap_or_default();
    std::fs::copy(
        fixture_path().with_file_name("mini.txt"),
        dir.path().join("mini.txt"),
    )
    .ok();
    let (hash_path, hash) = (
        copy.display().to_string(),
        frontline::export::fnv1a64_hex(b"something else"),
    );
    let snapshot = frontline::export::Snapshot {
        format_version: 1,
        scenario_path: Some(hash_path),
        scenario_hash: hash,
        at: "2024-12-07T23:59:59Z".into(),
        view: frontline::control::View::default(),
        layers: frontline::layers::Layers::default(),
        bbox_lonlat: None,
    };
    let path = dir.path().join("old.ron");
    std::fs::write(&path, snapshot.to_ron().unwrap_or_default()).unwrap_or_default();
    let mut harness = harness(FrontlineApp::with_scenario(mini()));
    harness.run();
    harness.state_mut().queue(Command::OpenPath(path));
    harness.step();
    wait_for_open(&mut harness);
    harness.get_by_label_contains("changed since the snapshot was taken");
}

#[test]
fn a_snapshot_exported_from_the_window_reopens_the_same_view() {
    use frontline::export::ExportFormat;
    let scenario = mini();
    let south = scenario.place_index("southtown").unwrap_or_default();
    let army = scenario.faction_index("army").unwrap_or_default();
    let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("{err}"));
    let mut app = FrontlineApp::with_scenario(scenario);
    // As if the file had been opened from disk, so the snapshot records it.
    assert!(app.open_path(&fixture_path()).is_ok());
    let mut harness = harness(app);
    harness.run();
    let (start, end) = harness.state().world.time_span();
    let mut layers = harness.state().state.layers.clone();
    layers.governorates = false;
    layers.hidden_statuses.insert("unknown".into());
    for command in [
        Command::SetTime((start + end) / 2),
        Command::SetPerspective(Perspective::Source("observers".into())),
        Command::HideSource("army-said".into(), true),
        Command::Assume(south, army),
        Command::SetLayers(layers.clone()),
    ] {
        harness.state_mut().queue(command);
    }
    harness.run();
    let path = dir.path().join("view.ron");
    export_from_window(&mut harness, &path, ExportFormat::Ron);
    let before = harness.state();
    let mut other = harness_for_reopen();
    assert!(other.state_mut().open_path(&path).is_ok());
    other.run();
    let after = other.state();
    assert_eq!(after.now_secs(), before.now_secs());
    assert_eq!(after.view(), before.view());
    assert_eq!(after.state.layers, layers);
    assert_eq!(after.scenario_file, before.scenario_file);
    assert!(
        after.panels.errors.is_none(),
        "no warnings for an unchanged scenario"
    );
}

fn harness_for_reopen() -> Harness<'static, FrontlineApp> {
    let mut harness = harness(FrontlineApp::with_scenario(scenario()));
    harness.run();
    harness
}

#[test]
fn a_moment_after_the_evidence_goes_stale_is_clamped_with_a_notice() {
    let engine = Engine::new(mini());
    let Some(range) = engine.moment_range() else {
        panic!("the fixture has claims");
    };
    let state = frontline::ui::State {
        time_secs: Some(range.last.unix_secs() + 30 * 86_400),
        ..frontline::ui::State::default()
    };
    let mut harness = harness(FrontlineApp::with_state(mini(), state));
    harness.run();
    assert_eq!(harness.state().now_secs(), range.last.unix_secs());
    harness
        .get_by_label("Showing 10 Dec 2024, 01:30: the scenario's evidence goes stale after that");
    // Choosing a moment the evidence speaks to drops the notice.
    harness
        .state_mut()
        .queue(Command::SetTime(range.last_claim.unix_secs()));
    harness.run();
    assert_eq!(harness.state().time_notice(), None);
    assert!(
        harness
            .query_by_label_contains("goes stale after that")
            .is_none()
    );
}

#[test]
fn a_chosen_moment_is_shown_to_the_second_never_rounded() {
    let scenario = frontline::io::default_scenario().unwrap_or_else(|err| panic!("{err}"));
    let offset = scenario.offset();
    let at =
        frontline::model::Moment::parse("2024-11-26", offset).unwrap_or_else(|e| panic!("{e}"));
    let state = frontline::ui::State {
        time_secs: Some(at.unix_secs()),
        ..frontline::ui::State::default()
    };
    let mut harness = harness(FrontlineApp::with_state(scenario, state));
    harness.run();
    // The end of a bare date is 23:59:59 local; the timeline slider once snapped it to
    // the next minute, the next day.
    assert_eq!(harness.state().now_secs(), at.unix_secs());
    harness.get_by_label_contains("Tuesday 26 November 2024, 23:59:59");
}
