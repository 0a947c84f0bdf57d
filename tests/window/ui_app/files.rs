//! Opening files from the window (in the background, with errors shown) and exporting
//! what is on screen.

use std::path::Path;

use egui_kittest::kittest::Queryable as _;
use frontline::ui::{Command, FrontlineApp};

use super::{export_from_window, harness, scenario, wait_for_export, wait_for_open};
use crate::common::{fixture, mini_scenario};

#[test]
fn a_broken_file_shows_its_errors_and_keeps_the_scenario() {
    let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("temp dir: {err}"));
    let path = dir.path().join("broken.ron");
    std::fs::write(&path, "(\n  format_version: 1,\n  id: \"x\" oops\n)\n")
        .unwrap_or_else(|err| panic!("write: {err}"));
    let mut harness = harness(FrontlineApp::with_scenario(mini_scenario()));
    harness.run();
    assert!(harness.state_mut().open_path(&path).is_err());
    harness.run();
    assert_eq!(harness.state().world.scenario().id, "mini");
    harness.get_by_label_contains("broken.ron:3:");
    harness.get_by_label("Close").click();
    harness.run();
    assert!(harness.state().panels.errors.is_none());
    // A good file replaces the scenario.
    assert!(harness.state_mut().open_path(&fixture("mini.ron")).is_ok());
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
    harness
        .state_mut()
        .queue(Command::OpenPath(fixture("mini.ron")));
    harness.step();
    wait_for_open(&mut harness);
    assert_eq!(harness.state().world.scenario().id, "mini");
    assert_eq!(
        harness.state().scenario_file.as_deref(),
        Some(fixture("mini.ron").as_path())
    );
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
    let mut harness = harness(FrontlineApp::with_scenario(mini_scenario()));
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    harness.run();
    assert!(harness.state().exports.window_open);
    harness.get_by_label(frontline::export::ExportFormat::Geojson.description());
    harness.get_by_label(frontline::export::ExportFormat::Gpkg.description());
    harness.get_by_label("Choose file and export...");
}
