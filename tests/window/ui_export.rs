//! File > Export reads the window's own engine: no engine is built for the export,
//! an edit made while one runs goes to the window's copy, and the file written is the
//! one the command line's export path writes for the same view.

use std::sync::Arc;

use egui_kittest::Harness;
use frontline::control::Engine;
use frontline::edit::Edit;
use frontline::export::{ExportFormat, run_job};
use frontline::ui::export::ExportOutcome;
use frontline::ui::{Command, FrontlineApp};

use crate::common::mini_copy;
use crate::harness::{wait_until, window};

/// The window on a copy of the mini fixture in a temporary folder, opened for editing.
fn window_on_mini() -> (tempfile::TempDir, Harness<'static, FrontlineApp>) {
    let (dir, path) = mini_copy();
    let scenario = frontline::io::load_scenario_file(&path).unwrap();
    let mut app = FrontlineApp::with_scenario(scenario);
    app.open_path(&path).unwrap();
    (dir, window(app))
}

#[test]
fn a_window_export_reads_the_windows_engine_and_writes_what_the_cli_writes() {
    let (dir, mut harness) = window_on_mini();
    wait_until(&mut harness, "the scenario did not open", |app| {
        app.scenario_file.is_some()
    });
    let scenario_file = harness.state().scenario_file.clone().unwrap();
    let out = dir.path().join("window.geojson");
    harness.state_mut().queue(Command::ExportTo {
        path: out.clone(),
        format: ExportFormat::Geojson,
    });
    harness.step();
    // The export was handed the window's engine itself, not one built from a copy.
    let handed = harness.state().exports.running_engine().unwrap();
    assert!(Arc::ptr_eq(&handed, &harness.state().world.engine));
    drop(handed);
    for _ in 0..1200 {
        if !harness.state().exports.busy() {
            break;
        }
        harness.step();
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert_eq!(
        harness.state().exports.last,
        Some(ExportOutcome::Wrote(out.clone()))
    );

    // What `frontline export` does for the same view: an engine of its own, run_job.
    let app = harness.state();
    let cli_out = dir.path().join("cli.geojson");
    let job = frontline::ui::export::job(
        Some(scenario_file.clone()),
        app.viewpoint(),
        ExportFormat::Geojson,
        &cli_out,
    );
    let engine = Engine::new(frontline::io::load_scenario_file(&scenario_file).unwrap());
    run_job(&engine, &job).unwrap();
    let window_text = std::fs::read_to_string(&out).unwrap();
    assert!(window_text.contains("northtown"), "{window_text}");
    assert_eq!(window_text, std::fs::read_to_string(&cli_out).unwrap());
}

#[test]
fn an_edit_during_an_export_leaves_the_exports_engine_alone() {
    let (_dir, mut harness) = window_on_mini();
    // What an export in flight holds.
    let held = Arc::clone(&harness.state().world.engine);
    let claims = held.scenario().claims.len();
    harness
        .state_mut()
        .edit(Edit::RemoveClaim {
            id: "c-north-held".into(),
        })
        .unwrap();
    let world = &harness.state().world.engine;
    assert!(!Arc::ptr_eq(&held, world));
    assert_eq!(world.scenario().claims.len(), claims - 1);
    assert_eq!(held.scenario().claims.len(), claims);
    assert!(
        held.scenario()
            .claims
            .iter()
            .any(|c| c.id == "c-north-held")
    );
    // Without an export holding it, an edit updates the engine in place.
    let before = Arc::as_ptr(&harness.state().world.engine);
    drop(held);
    harness
        .state_mut()
        .edit(Edit::RemoveClaim {
            id: "c-south-withdrew".into(),
        })
        .unwrap();
    assert_eq!(Arc::as_ptr(&harness.state().world.engine), before);
}
