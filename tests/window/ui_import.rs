//! File > Import ACLED... through egui_kittest: the rows of an ACLED file become drafts
//! in the same review list as an article's, are accepted there, and are added as one
//! undo step.

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;
use frontline::control::{Engine, View};
use frontline::ui::{Command, FrontlineApp};

use crate::common::mini_copy;
use crate::harness::window;

#[test]
fn acled_rows_are_reviewed_accepted_and_undone_as_one_step() {
    let (dir, path) = mini_copy();
    let scenario = frontline::io::load_scenario_file(&path).unwrap();
    // The mini scenario's own claims as ACLED rows (states included).
    let engine = Engine::new(scenario.clone());
    let rows = frontline::export::claims_csv(&engine, &View::default(), i64::MAX, true).unwrap();
    let csv = dir.path().join("events.csv");
    std::fs::write(&csv, &rows).unwrap();

    let mut app = FrontlineApp::with_scenario(scenario);
    app.open_path(&path).unwrap();
    let mut harness = window(app);
    let start = harness.state().workspace.scenario().claims.clone();
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Import ACLED..."); // the menu offers it

    harness.state_mut().queue(Command::ImportAcled(csv.clone()));
    harness.run();
    let drafts = match &harness.state().panels.review {
        Some(review) => review.drafts.drafts.clone(),
        None => panic!("the rows are up for review"),
    };
    assert_eq!(drafts.len(), start.len(), "one draft per row");
    assert!(drafts.iter().all(|d| d.claim.record.is_some()));
    harness.get_by_label("Rows of events.csv; each draft cites its row");

    harness.get_by_label("Accept all above").click();
    harness.run();
    harness
        .get_by_label(&format!("Add {} accepted to the scenario", drafts.len()))
        .click();
    harness.run();
    let app = harness.state();
    assert!(app.panels.review.is_none(), "the review closes");
    let claims = app.workspace.scenario().claims.clone();
    assert_eq!(claims.len(), start.len() * 2);
    assert!(
        app.workspace.scenario().documents.len() == 1,
        "no document is added for a dataset"
    );
    assert!(app.workspace.is_dirty());

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(
        harness.state().workspace.scenario().claims,
        start,
        "one undo removes the whole import"
    );
}

#[test]
fn an_imported_claim_shows_its_acled_row_in_the_sidebar_and_the_editor() {
    let (dir, path) = mini_copy();
    let mut workspace = frontline::edit::Workspace::open(&path).unwrap();
    let engine = Engine::new(workspace.scenario().clone());
    let rows = frontline::export::claims_csv(&engine, &View::default(), i64::MAX, true).unwrap();
    std::fs::write(dir.path().join("events.csv"), &rows).unwrap();
    let imported = frontline::import::acled_in_folder(
        workspace.scenario(),
        &path,
        &dir.path().join("events.csv"),
    )
    .unwrap();
    workspace.set_added_file("added/import-events.ron");
    workspace.apply(imported.batch().unwrap()).unwrap();
    frontline::io::save(&workspace).unwrap();

    let scenario = frontline::io::load_scenario_file(&path).unwrap();
    let (c, claim) = scenario
        .claims
        .iter()
        .enumerate()
        .find(|(_, c)| {
            c.record.is_some() && c.subject == frontline::model::Subject::Place("southtown".into())
        })
        .unwrap();
    let record = claim.record.clone().unwrap();
    assert!(rows.lines().any(|line| line == record.text));
    let place = scenario.place_index("southtown").unwrap();
    let mut app = FrontlineApp::with_scenario(scenario);
    app.open_path(&path).unwrap();
    let mut harness = window(app);
    let heading = format!("Record {} of events.csv", record.row);
    assert!(harness.query_by_label(&heading).is_none());

    // The place's claim cards: the imported one shows its row where a quote would be.
    harness.state_mut().queue(Command::Select(Some(place)));
    harness.run();
    harness.get_by_label(&heading);
    harness.get_by_label(&record.text);

    // The claim editor shows it too, instead of a document and quote to type.
    harness.state_mut().queue(Command::EditClaim(Some(c)));
    harness.run();
    assert_eq!(harness.query_all_by_label(&heading).count(), 2);
    assert_eq!(harness.query_all_by_label(&record.text).count(), 2);
}
