//! The window and a scenario changed on disk by another program: reloaded when there
//! are no unsaved edits, a question when there are, and "Keep mine" saving over it.

use egui_kittest::kittest::Queryable as _;
use frontline::edit::Edit;
use frontline::ui::Command;

use crate::common::mini_copy;
use crate::ui_write::{hamlet_claim, window_on};

/// Another program rewrites the scenario: the same claims under a new title.
fn retitle_on_disk(path: &std::path::Path, title: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    let old = frontline::io::load_scenario_file(path).unwrap().title;
    let changed = text.replacen(&format!("\"{old}\""), &format!("\"{title}\""), 1);
    assert_ne!(changed, text, "the title is in the file");
    std::fs::write(path, changed).unwrap();
}

#[test]
fn a_scenario_changed_on_disk_without_unsaved_edits_is_reloaded() {
    let (_dir, path) = mini_copy();
    let mut harness = window_on(&path);
    harness.state_mut().check_disk();
    retitle_on_disk(&path, "Rewritten elsewhere");
    harness.state_mut().check_disk();
    harness.run();
    assert_eq!(
        harness.state().workspace.scenario().title,
        "Rewritten elsewhere"
    );
    assert_eq!(
        harness.state().world.scenario().title,
        "Rewritten elsewhere"
    );
    let notice = harness.state().notice.clone().unwrap_or_default();
    assert!(notice.contains("Reloaded"), "{notice}");
}

#[test]
fn unsaved_edits_over_a_changed_file_ask_and_keep_mine_saves_over_it() {
    let (_dir, path) = mini_copy();
    let mut harness = window_on(&path);
    harness.state_mut().check_disk();
    harness
        .state_mut()
        .queue(Command::Edit(Box::new(Edit::AddClaim(hamlet_claim(
            "c-mine",
        )))));
    harness.run();
    retitle_on_disk(&path, "Rewritten elsewhere");
    let theirs = std::fs::read(&path).unwrap();

    // Saving before the window noticed: refused, and the question shows.
    harness.state_mut().queue(Command::Save);
    harness.run();
    assert_eq!(
        std::fs::read(&path).unwrap(),
        theirs,
        "their version was overwritten"
    );
    assert!(harness.state().workspace.is_dirty());
    harness.get_by_label("The scenario changed on disk");

    harness.get_by_label("Keep mine").click();
    harness.run();
    assert!(
        harness
            .query_by_label("The scenario changed on disk")
            .is_none()
    );
    harness.state_mut().queue(Command::Save);
    harness.run();
    assert!(!harness.state().workspace.is_dirty());
    let saved = frontline::io::load_scenario_file(&path).unwrap();
    assert!(saved.claims.iter().any(|c| c.id == "c-mine"));
    assert_ne!(saved.title, "Rewritten elsewhere");
}

#[test]
fn reload_from_disk_drops_the_unsaved_edits_for_the_other_version() {
    let (_dir, path) = mini_copy();
    let mut harness = window_on(&path);
    harness.state_mut().check_disk();
    harness
        .state_mut()
        .queue(Command::Edit(Box::new(Edit::AddClaim(hamlet_claim(
            "c-mine",
        )))));
    harness.run();
    retitle_on_disk(&path, "Rewritten elsewhere");
    harness.state_mut().check_disk();
    harness.run();
    harness.get_by_label("Reload from disk").click();
    harness.run();
    let app = harness.state();
    assert_eq!(app.workspace.scenario().title, "Rewritten elsewhere");
    assert!(
        !app.workspace
            .scenario()
            .claims
            .iter()
            .any(|c| c.id == "c-mine")
    );
    assert!(!app.workspace.is_dirty());
}
