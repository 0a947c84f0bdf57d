//! View snapshots: opened with their view, warned about when the scenario changed, and
//! exported from the window then reopened.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use frontline::control::{Engine, Perspective};
use frontline::ui::{Command, FrontlineApp};

use super::{export_from_window, harness, scenario, wait_for_open};
use crate::common::{fixture, mini_scenario};

#[test]
fn a_snapshot_opens_with_its_view() {
    use frontline::control::View;
    use frontline::export::{ExportFormat, ExportJob, run_job};
    let scenario = mini_scenario();
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
        scenario_file: Some(fixture("mini.ron")),
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
    assert_eq!(
        app.scenario_file.as_deref(),
        Some(fixture("mini.ron").as_path())
    );
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
    let text = std::fs::read_to_string(fixture("mini.ron")).unwrap_or_default();
    std::fs::write(&copy, &text).unwrap_or_default();
    std::fs::copy(
        fixture("mini.ron").with_file_name("mini.txt"),
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
    let mut harness = harness(FrontlineApp::with_scenario(mini_scenario()));
    harness.run();
    harness.state_mut().queue(Command::OpenPath(path));
    harness.step();
    wait_for_open(&mut harness);
    harness.get_by_label_contains("changed since the snapshot was taken");
}

#[test]
fn a_snapshot_exported_from_the_window_reopens_the_same_view() {
    use frontline::export::ExportFormat;
    let scenario = mini_scenario();
    let south = scenario.place_index("southtown").unwrap_or_default();
    let army = scenario.faction_index("army").unwrap_or_default();
    let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("{err}"));
    let mut app = FrontlineApp::with_scenario(scenario);
    // As if the file had been opened from disk, so the snapshot records it.
    assert!(app.open_path(&fixture("mini.ron")).is_ok());
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
