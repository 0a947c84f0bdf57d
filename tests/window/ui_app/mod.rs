//! Drives the real `FrontlineApp` through egui_kittest: clicks, keys and menus in, app
//! state and accessible text out. This file holds what the modules share; each feature
//! of the window has its own module.
//!
//! The tests prefer the embedded Syria scenario and its ids (`aleppo`, `daraa`, ...).
//! While that scenario is still a placeholder they fall back to `tests/fixtures/mini.ron`
//! and its ids (`southtown`, `northtown` with alias "Nortown").

mod files;
mod panels;
mod select;
mod snapshot;
mod time;

use std::path::Path;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use frontline::model::Scenario;
use frontline::ui::{Command, FrontlineApp};

use crate::common::mini_scenario;
use crate::harness::wait_until;

/// The real Syria scenario when it is there, else the mini fixture.
fn scenario() -> Scenario {
    frontline::io::default_scenario()
        .ok()
        .filter(|s| s.place_index("aleppo").is_some())
        .unwrap_or_else(mini_scenario)
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

/// Steps the app until the file it is opening in the background is shown.
fn wait_for_open(harness: &mut Harness<'_, FrontlineApp>) {
    wait_until(harness, "the file did not open", |app| {
        app.loading.running_path().is_none()
    });
    harness.run();
}

/// Steps the app until its background export is done.
fn wait_for_export(harness: &mut Harness<'_, FrontlineApp>) {
    wait_until(harness, "the export did not finish", |app| {
        !app.exports.busy()
    });
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
