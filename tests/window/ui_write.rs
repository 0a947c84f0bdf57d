//! Editing in the window through egui_kittest: edits, undo and redo, saving (and a
//! save that fails), the title marking unsaved changes, adding an article and the
//! claim editor. Every test works on a temporary copy of `tests/fixtures/mini.ron`.

use std::path::Path;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use frontline::control::Engine;
use frontline::edit::{Edit, Workspace};
use frontline::model::{Assertion, Claim, Credibility, Precision, Scope, Subject, TimeRef};
use frontline::ui::claim_editor::EditorTarget;
use frontline::ui::review::Decision;
use frontline::ui::{Command, FrontlineApp};

use crate::common::mini_copy;

/// The window on the scenario at `path`, opened for editing.
pub(crate) fn window_on(path: &Path) -> Harness<'static, FrontlineApp> {
    window_with_recovery(path, None)
}

/// The window on the scenario at `path`, autosaving to `recovery` if given.
fn window_with_recovery(path: &Path, recovery: Option<&Path>) -> Harness<'static, FrontlineApp> {
    let Ok(scenario) = frontline::io::load_scenario_file(path) else {
        panic!("{} loads", path.display());
    };
    let mut app = FrontlineApp::with_scenario(scenario);
    app.saving.recovery_dir = recovery.map(Path::to_owned);
    if let Err(err) = app.open_path(path) {
        panic!("{} opens for editing: {err}", path.display());
    }
    let mut harness = Harness::builder()
        .with_size([1400.0, 900.0])
        .with_max_steps(40)
        .build_eframe(|_cc| app);
    harness.run();
    harness
}

/// Observers say the rebels hold Hamlet (quoting the fixture's document loosely).
pub(crate) fn hamlet_claim(id: &str) -> Claim {
    Claim {
        id: id.into(),
        subject: Subject::Place("hamlet".into()),
        assertion: Assertion::Holds,
        actor: Some("rebels".into()),
        counterpart: None,
        originators: vec!["observers".into()],
        via: Vec::new(),
        v1_source: None,
        scope: Scope::default(),
        document: Some("doc".into()),
        quote: Some("Observers confirmed".into()),
        record: None,
        when: TimeRef {
            at: "2024-12-07".into(),
            precision: Precision::Day,
        },
        credibility: Credibility(2),
        note: None,
    }
}

fn scenario_ron(harness: &Harness<'_, FrontlineApp>) -> String {
    match frontline::io::scenario_to_ron(harness.state().workspace.scenario()) {
        Ok(text) => text,
        Err(err) => panic!("the scenario writes as RON: {err}"),
    }
}

/// The map's engine followed the workspace (incrementally, for claim edits): same
/// scenario, and the statuses a fresh engine gives at the moment on screen.
fn assert_world_follows(harness: &Harness<'_, FrontlineApp>) {
    let app = harness.state();
    assert_eq!(app.world.scenario(), app.workspace.scenario());
    let fresh = frontline::control::Engine::new(app.workspace.scenario().clone());
    let fresh = fresh.resolve_secs(&app.view(), app.now_secs());
    assert_eq!(app.world.resolution.places, fresh.places);
}

#[test]
fn undo_and_redo_keys_return_the_scenario_byte_for_byte() {
    let (_dir, path) = mini_copy();
    let mut harness = window_on(&path);
    let start = scenario_ron(&harness);
    let hamlet = harness.state().place_index("hamlet");
    harness.state_mut().queue(Command::Select(hamlet));
    harness.run();
    let before = harness.state().controller_of("hamlet").map(str::to_owned);
    assert_eq!(before.as_deref(), Some("army"));

    harness
        .state_mut()
        .queue(Command::Edit(Box::new(Edit::AddClaim(hamlet_claim(
            "c-hamlet",
        )))));
    harness.run();
    let notice = harness.state().notice.clone().unwrap_or_default();
    assert_eq!(
        harness.state().controller_of("hamlet"),
        Some("rebels"),
        "{notice}"
    );
    assert!(
        notice.contains("Hamlet: Army, ") && notice.contains("-> Rebels, "),
        "the status bar says what changed: {notice}"
    );
    let edited = scenario_ron(&harness);
    assert_ne!(edited, start);
    assert_world_follows(&harness);

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(scenario_ron(&harness), start, "Ctrl+Z undoes the edit");
    assert_eq!(harness.state().controller_of("hamlet"), Some("army"));
    assert_world_follows(&harness);
    assert!(!harness.state().workspace.is_dirty());

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    harness.run();
    assert_eq!(scenario_ron(&harness), edited, "Ctrl+Y redoes it");
    assert_world_follows(&harness);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    assert_eq!(scenario_ron(&harness), edited, "Ctrl+Shift+Z redoes it");
    assert_eq!(
        harness.state().undo_label().as_deref(),
        Some("add claim c-hamlet")
    );
    // Edit > Undo names the step and undoes it.
    harness.get_by_label("Edit").click();
    harness.run();
    harness
        .get_by_label_contains("Undo: add claim c-hamlet")
        .click();
    harness.run();
    assert_eq!(scenario_ron(&harness), start);
    assert_eq!(
        harness.state().redo_label().as_deref(),
        Some("add claim c-hamlet")
    );
}

#[test]
fn the_title_marks_unsaved_changes_until_saved() {
    let (_dir, path) = mini_copy();
    let mut harness = window_on(&path);
    let clean = harness.state().window_title();
    assert!(!clean.contains('•'), "{clean}");
    assert_eq!(harness.state().title_sent(), Some(clean.as_str()));

    harness
        .state_mut()
        .queue(Command::Edit(Box::new(Edit::AddClaim(hamlet_claim(
            "c-hamlet",
        )))));
    harness.run();
    let dirty = harness.state().window_title();
    assert!(
        dirty.starts_with("• ") && dirty.contains("unsaved"),
        "{dirty}"
    );
    assert_eq!(harness.state().title_sent(), Some(dirty.as_str()));
    harness.get_by_label("• unsaved");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert!(!harness.state().workspace.is_dirty());
    assert_eq!(harness.state().title_sent(), Some(clean.as_str()));
    let Ok(saved) = frontline::io::load_scenario_file(&path) else {
        panic!("the saved scenario loads");
    };
    assert!(saved.claims.iter().any(|c| c.id == "c-hamlet"));
}

#[test]
fn a_failed_save_shows_the_error_and_keeps_the_edits() {
    let (dir, path) = mini_copy();
    let mut harness = window_on(&path);
    harness
        .state_mut()
        .queue(Command::Edit(Box::new(Edit::AddClaim(hamlet_claim(
            "c-hamlet",
        )))));
    harness.run();
    let blocker = dir.path().join("a-file");
    if let Err(err) = std::fs::write(&blocker, "not a folder") {
        panic!("{err}");
    }
    let target = blocker.join("copy").join("mini.ron");
    harness.state_mut().queue(Command::SaveAs(target.clone()));
    harness.run();
    harness.get_by_label("The save failed");
    let app = harness.state();
    assert!(app.workspace.is_dirty(), "the edits are still unsaved");
    assert!(
        app.workspace
            .scenario()
            .claims
            .iter()
            .any(|c| c.id == "c-hamlet")
    );
    assert_eq!(app.scenario_file.as_deref(), Some(path.as_path()));
    assert!(app.window_title().starts_with("• "));
    assert!(!target.exists());
}

#[test]
fn closing_with_unsaved_changes_asks_first() {
    let (_dir, path) = mini_copy();
    let mut harness = window_on(&path);
    harness
        .state_mut()
        .queue(Command::Edit(Box::new(Edit::AddClaim(hamlet_claim(
            "c-hamlet",
        )))));
    harness.run();
    let close = |harness: &mut Harness<'_, FrontlineApp>| {
        let input = harness.input_mut();
        let viewport = input.viewports.entry(egui::ViewportId::ROOT).or_default();
        viewport.events.push(egui::ViewportEvent::Close);
        harness.run();
    };
    close(&mut harness);
    harness.get_by_label_contains("has changes that are not saved");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(harness.state().saving.leaving.is_none());
    assert!(
        harness.state().workspace.is_dirty(),
        "cancel keeps everything"
    );

    close(&mut harness);
    harness.get_by_label("Save").click();
    harness.run();
    assert!(
        !harness.state().workspace.is_dirty(),
        "saved before closing"
    );
    let Ok(saved) = frontline::io::load_scenario_file(&path) else {
        panic!("the saved scenario loads");
    };
    assert!(saved.claims.iter().any(|c| c.id == "c-hamlet"));
}

/// A short article about the mini fixture's towns.
const ARTICLE: &str = "Rebels take Hamlet\nObservers said the rebels captured Hamlet on Saturday. \
The army said it withdrew from Midtown on Saturday.\n";

/// Types `text` into the text field labelled `label`.
fn type_into(harness: &mut Harness<'_, FrontlineApp>, label: &str, text: &str) {
    harness.get_by_label(label).click();
    harness.run();
    harness.get_by_label(label).type_text(text);
    harness.run();
}

#[test]
fn an_article_pasted_reviewed_edited_and_saved_reopens_the_same() {
    let (_dir, path) = mini_copy();
    let mut harness = window_on(&path);
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Add article...").click();
    harness.run();
    type_into(&mut harness, "Article text", ARTICLE);
    type_into(&mut harness, "Published", "2024-12-08T10:00");
    type_into(&mut harness, "Publisher", "Test Wire");
    harness.get_by_label("Read the article").click();
    harness.run();
    let drafts = match &harness.state().panels.review {
        Some(review) => review.drafts.drafts.clone(),
        None => panic!("the drafts are up for review"),
    };
    let ids: Vec<&str> = drafts.iter().map(|d| d.claim.id.as_str()).collect();
    assert_eq!(ids, ["d-001-hamlet-captured", "d-002-midtown-withdrew"]);
    harness.get_by_label("place"); // the legend of what is marked in the article

    // Edit the second draft before accepting it: OK accepts it as edited.
    if let Some(edit) = harness.get_all_by_label("Edit draft").nth(1) {
        edit.click();
    }
    harness.run();
    type_into(&mut harness, "Note", "The army's own word.");
    harness.get_by_label("OK").click();
    harness.run();
    match &harness.state().panels.review {
        Some(review) => {
            assert_eq!(review.decisions[1], Decision::Accepted);
            let note = review.drafts.drafts[1].claim.note.as_deref();
            assert_eq!(note, Some("The army's own word."));
        }
        None => panic!("the review stays open"),
    }

    // Accept both, then add them: one undo step.
    for accept in harness.get_all_by_label("Accept").collect::<Vec<_>>() {
        accept.click();
    }
    harness.run();
    harness
        .get_by_label("Add 2 accepted to the scenario")
        .click();
    harness.run();
    let app = harness.state();
    assert!(app.panels.review.is_none(), "the review closes");
    let document = "test-wire-2024-12-08";
    assert_eq!(
        app.undo_label().as_deref(),
        Some(format!("add article {document} (2 claims)").as_str())
    );
    assert_eq!(app.controller_of("hamlet"), Some("rebels"));
    let claims = |app: &FrontlineApp| app.workspace.scenario().claims.clone();
    let accepted = claims(app);
    assert!(accepted.iter().any(|c| c.id == "d-002-midtown-withdrew"));

    // Edit the Hamlet claim's note from the sidebar's "Edit claim".
    let hamlet = app.place_index("hamlet");
    harness.state_mut().queue(Command::Select(hamlet));
    harness.run();
    let buttons = harness.get_all_by_label("Edit claim").count();
    let mut found = false;
    for i in 0..buttons {
        if let Some(button) = harness.get_all_by_label("Edit claim").nth(i) {
            button.click();
        }
        harness.run();
        let target = harness
            .state()
            .panels
            .editor
            .as_ref()
            .map(|e| e.target.clone());
        if target == Some(EditorTarget::Claim("d-001-hamlet-captured".into())) {
            found = true;
            break;
        }
        if target.is_some() {
            harness.get_by_label("Cancel").click();
            harness.run();
        }
    }
    assert!(found, "the sidebar offers to edit the accepted claim");
    type_into(&mut harness, "Note", "Read off the wire.");
    harness.get_by_label("OK").click();
    harness.run();
    assert!(
        harness.state().panels.editor.is_none(),
        "OK closes the editor"
    );
    let note = |app: &FrontlineApp| {
        app.workspace
            .scenario()
            .claims
            .iter()
            .find(|c| c.id == "d-001-hamlet-captured")
            .and_then(|c| c.note.clone())
    };
    assert_eq!(note(harness.state()).as_deref(), Some("Read off the wire."));
    let edited = claims(harness.state());

    // Undo the note, then the article; redo both.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(claims(harness.state()), accepted);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(
        !claims(harness.state())
            .iter()
            .any(|c| c.id == "d-002-midtown-withdrew")
    );
    assert_eq!(harness.state().controller_of("hamlet"), Some("army"));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    harness.run();
    assert_eq!(claims(harness.state()), edited);

    // Save, reopen: the same claims and the same statuses.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert!(
        !harness.state().workspace.is_dirty(),
        "{:?}",
        harness.state().notice
    );
    let saved = match Workspace::open(&path) {
        Ok(workspace) => workspace.scenario().clone(),
        Err(err) => panic!("the saved scenario opens: {err}"),
    };
    assert_eq!(saved.claims, edited);
    assert!(saved.document_index(document).is_some());
    let app = harness.state();
    let engine = Engine::new(saved);
    let reopened = engine.resolve_secs(&app.view(), app.now_secs());
    let statuses = |places: &[frontline::control::PlaceState]| {
        places
            .iter()
            .map(|s| (s.controller, s.status))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        statuses(&reopened.places),
        statuses(&app.world.resolution.places)
    );
}

#[test]
fn autosaved_edits_are_offered_for_restoring_on_the_next_open() {
    let (dir, path) = mini_copy();
    let recovery = dir.path().join("recovery");
    let mut first = window_with_recovery(&path, Some(&recovery));
    first
        .state_mut()
        .queue(Command::Edit(Box::new(Edit::AddClaim(hamlet_claim(
            "c-hamlet",
        )))));
    first.run();
    first.state_mut().autosave();
    let edited = scenario_ron(&first);
    drop(first); // as if the program had died

    let mut second = window_with_recovery(&path, Some(&recovery));
    assert!(second.state().saving.recovery_offer.is_some());
    second.get_by_label_contains("left 1 unsaved edits");
    second.get_by_label("Restore").click();
    second.run();
    let app = second.state();
    assert!(app.saving.recovery_offer.is_none());
    assert!(app.workspace.is_dirty(), "restored edits are not saved yet");
    assert_eq!(scenario_ron(&second), edited);
    assert_eq!(second.state().controller_of("hamlet"), Some("rebels"));

    // Saving removes the recovery file: nothing is offered next time.
    second.key_press_modifiers(Modifiers::COMMAND, Key::S);
    second.run();
    let third = window_with_recovery(&path, Some(&recovery));
    assert!(third.state().saving.recovery_offer.is_none());
}

#[test]
fn words_selected_in_the_document_become_the_new_claims_quote() {
    let (_dir, path) = mini_copy();
    let mut harness = window_on(&path);
    let northtown = harness.state().place_index("northtown");
    harness.state_mut().queue(Command::Select(northtown));
    harness.run();
    harness
        .get_by_label("“Rebels said they captured Northtown on Friday”")
        .click();
    harness.run();
    let text = harness.get_by_role(egui::accesskit::Role::MultilineTextInput);
    let rect = text.rect();
    let (from, to) = (
        rect.left_top() + egui::vec2(2.0, 8.0),
        rect.left_top() + egui::vec2(160.0, 8.0),
    );
    harness.hover_at(from);
    harness.drag_at(from);
    harness.run();
    harness.hover_at(to);
    harness.run();
    harness.drop_at(to);
    harness.run();
    let selected = harness.state().panels.selection.clone();
    let Some(selected) = selected else {
        panic!("dragging over the text selects words");
    };
    assert_eq!(selected.document, "doc");
    assert!(
        selected.quote.len() > 5
            && "Rebels said they captured Northtown".starts_with(&selected.quote),
        "{selected:?}"
    );

    harness.get_by_label("Edit").click();
    harness.run();
    harness.get_by_label("New claim...").click();
    harness.run();
    harness.get_by_label("Use selection").click();
    harness.run();
    let Some(editor) = harness.state().panels.editor.clone() else {
        panic!("the claim editor is open");
    };
    assert_eq!(editor.quote, selected.quote);
    assert_eq!(editor.claim.document.as_deref(), Some("doc"));
    // No subject, actor or originator yet: OK is disabled, saying why.
    assert!(!editor.problems(harness.state().world.scenario()).is_empty());
    harness.get_by_label("OK").click();
    harness.run();
    assert!(
        harness.state().panels.editor.is_some(),
        "an invalid claim is not saved"
    );
    assert!(!harness.state().workspace.is_dirty());
}

#[test]
fn unsaved_edits_are_autosaved_after_a_minute() {
    let (dir, path) = mini_copy();
    let recovery = dir.path().join("recovery");
    let mut harness = window_with_recovery(&path, Some(&recovery));
    harness
        .state_mut()
        .queue(Command::Edit(Box::new(Edit::AddClaim(hamlet_claim(
            "c-hamlet",
        )))));
    harness.input_mut().time = Some(1_000.0);
    harness.step();
    harness.input_mut().time = Some(1_000.5);
    harness.step();
    let file = frontline::io::recovery_path(&recovery, &path);
    assert!(!file.exists(), "not before a minute");
    harness.input_mut().time = Some(1_061.0);
    harness.step();
    assert!(file.exists(), "autosaved to {}", file.display());
    let found = frontline::io::find_recovery_in(&recovery, &path);
    let Ok(Some(found)) = found else {
        panic!("the recovery file reads back: {found:?}");
    };
    assert_eq!(found.edits.len(), 1);
}
