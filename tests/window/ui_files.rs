//! Opening and saving files from the window through egui_kittest: the in-app file
//! dialog (forced, as where no native dialog can open) for File > Open and File >
//! Export, Esc on it, and File > Open Recent. Every test works in a temporary folder.

use std::path::{Path, PathBuf};

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use frontline::ui::FrontlineApp;
use frontline::ui::dialog::DialogMode;
use frontline::ui::export::ExportOutcome;

use crate::common::mini_copy;
use crate::harness::{wait_until, window};

/// A temporary folder with the mini fixture, its document, and `second.ron`: the same
/// scenario under another title.
fn folder_with_two_scenarios() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let (dir, mini) = mini_copy();
    let text = std::fs::read_to_string(&mini).unwrap();
    assert!(text.contains("title: \"Mini scenario\""));
    let second = dir.path().join("second.ron");
    std::fs::write(
        &second,
        text.replace("title: \"Mini scenario\"", "title: \"Second scenario\""),
    )
    .unwrap();
    (dir, mini, second)
}

/// The window on `path` (opened for editing), with the in-app file dialog forced.
fn window_on(path: &Path) -> Harness<'static, FrontlineApp> {
    let scenario = frontline::io::load_scenario_file(path).unwrap();
    let mut app = FrontlineApp::with_scenario(scenario);
    app.state.file_dialog = DialogMode::InApp;
    app.open_path(path).unwrap();
    window(app)
}

fn click_menu(harness: &mut Harness<'_, FrontlineApp>, menu: &str, item: &str) {
    harness.get_by_label(menu).click();
    harness.run();
    harness.get_by_label(item).click();
    harness.run();
}

#[test]
fn file_open_picks_a_scenario_in_the_in_app_dialog() {
    let (_dir, mini, second) = folder_with_two_scenarios();
    let mut harness = window_on(&mini);
    assert_eq!(harness.state().workspace.scenario().title, "Mini scenario");
    click_menu(&mut harness, "File", "Open... (Ctrl+O)");
    assert!(harness.state().panels.open_dialog.is_in_app());
    // The dialog starts in the scenario's folder and lists its .ron files only.
    harness.get_by_label_contains("Open a scenario or a snapshot");
    harness.get_by_label("🗋 mini.ron");
    assert!(harness.query_by_label("🗋 mini.txt").is_none());
    harness.get_by_label("🗋 second.ron").click();
    harness.run();
    harness.get_by_label("Open").click();
    harness.run();
    wait_until(&mut harness, "second.ron did not open", |app| {
        app.scenario_file.as_deref() == Some(second.as_path())
    });
    harness.run();
    assert!(!harness.state().panels.open_dialog.is_open());
    assert_eq!(
        harness.state().workspace.scenario().title,
        "Second scenario"
    );
}

#[test]
fn esc_cancels_the_in_app_dialog_and_opens_nothing() {
    let (_dir, mini, _second) = folder_with_two_scenarios();
    let mut harness = window_on(&mini);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    harness.run();
    assert!(harness.state().panels.open_dialog.is_in_app());
    harness.key_press(Key::Escape);
    harness.run();
    assert!(!harness.state().panels.open_dialog.is_open());
    assert!(
        harness
            .query_by_label_contains("Open a scenario or a snapshot")
            .is_none()
    );
    assert_eq!(
        harness.state().scenario_file.as_deref(),
        Some(mini.as_path())
    );
}

#[test]
fn file_export_chooses_its_path_in_the_in_app_dialog() {
    let (dir, mini, _second) = folder_with_two_scenarios();
    let mut harness = window_on(&mini);
    click_menu(&mut harness, "File", "Export... (Ctrl+E)");
    harness
        .get_by_label(frontline::export::ExportFormat::Geojson.description())
        .click();
    harness.run();
    harness.get_by_label("Choose file and export...").click();
    // The status bar's spinner keeps repainting while the dialog is open.
    harness.run_steps(3);
    harness.get_by_label("Waiting for the save dialog...");
    // The suggested name is filled in; the dialog starts in the scenario's folder.
    harness.get_by_label("Save").click();
    harness.run_steps(2);
    wait_until(&mut harness, "the export did not finish", |app| {
        !app.exports.busy()
    });
    harness.run();
    let Some(ExportOutcome::Wrote(path)) = harness.state().exports.last.clone() else {
        panic!("no file written: {:?}", harness.state().exports.last);
    };
    assert_eq!(path.parent(), Some(dir.path()));
    assert_eq!(path.extension().and_then(|e| e.to_str()), Some("geojson"));
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("FeatureCollection"), "{text}");
}

#[test]
fn open_recent_reopens_files_and_shows_missing_ones_disabled() {
    let (_dir, mini, second) = folder_with_two_scenarios();
    let mut harness = window_on(&mini);
    harness
        .state_mut()
        .queue(frontline::ui::Command::OpenPath(second.clone()));
    harness.step();
    wait_until(&mut harness, "second.ron did not open", |app| {
        app.scenario_file.as_deref() == Some(second.as_path())
    });
    harness.run();
    assert_eq!(
        harness.state().state.recent_files,
        [second.clone(), mini.clone()]
    );
    // Remembered with the persisted settings.
    let saved = ron::to_string(&harness.state().state).unwrap();
    let restored: frontline::ui::State = ron::from_str(&saved).unwrap();
    assert_eq!(restored.recent_files, [second.clone(), mini.clone()]);

    click_menu(&mut harness, "File", "Open Recent");
    harness.get_by_label_contains("second.ron  (");
    harness.get_by_label_contains("mini.ron  (").click();
    harness.run();
    wait_until(&mut harness, "mini.ron did not reopen", |app| {
        app.scenario_file.as_deref() == Some(mini.as_path())
    });
    harness.run();
    assert_eq!(harness.state().workspace.scenario().title, "Mini scenario");
    assert_eq!(
        harness.state().state.recent_files,
        [mini.clone(), second.clone()]
    );

    // A file that is gone is shown disabled, and can be forgotten.
    std::fs::remove_file(&second).unwrap();
    click_menu(&mut harness, "File", "Open Recent");
    let gone = harness.get_by_label_contains("second.ron  (");
    assert!(gone.accesskit_node().is_disabled());
    harness.get_by_label("Forget missing files").click();
    harness.run();
    assert_eq!(harness.state().state.recent_files, [mini]);
}

/// File > Export as GeoJSON, up to the in-app dialog's Save.
fn export_geojson_and_save(harness: &mut Harness<'_, FrontlineApp>) {
    click_menu(harness, "File", "Export... (Ctrl+E)");
    harness
        .get_by_label(frontline::export::ExportFormat::Geojson.description())
        .click();
    harness.run();
    harness.get_by_label("Choose file and export...").click();
    harness.run_steps(3);
    harness.get_by_label("Save").click();
    harness.run_steps(3);
}

#[test]
fn the_in_app_save_dialog_asks_before_replacing_a_file() {
    let (_dir, mini, _second) = folder_with_two_scenarios();
    let mut harness = window_on(&mini);
    export_geojson_and_save(&mut harness);
    wait_until(&mut harness, "the export did not finish", |app| {
        !app.exports.busy()
    });
    harness.run();
    let Some(ExportOutcome::Wrote(path)) = harness.state().exports.last.clone() else {
        panic!("no file written: {:?}", harness.state().exports.last);
    };
    std::fs::write(&path, "mine").unwrap();
    // The same name again: asked first; "Choose another name" goes back to the dialog.
    export_geojson_and_save(&mut harness);
    harness.get_by_label_contains("already exists. Replace it?");
    harness.get_by_label("Choose another name").click();
    harness.run_steps(3);
    assert!(harness.query_by_label_contains("Replace it?").is_none());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "mine");
    harness.get_by_label("Save").click();
    harness.run_steps(3);
    harness.get_by_label("Replace").click();
    harness.run_steps(2);
    wait_until(&mut harness, "the export did not finish", |app| {
        !app.exports.busy()
    });
    harness.run();
    assert_eq!(
        harness.state().exports.last,
        Some(ExportOutcome::Wrote(path.clone()))
    );
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("FeatureCollection")
    );
}
