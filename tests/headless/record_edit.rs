//! Editing a claim re-checks its dataset record, as loading does: an edit that brings
//! in a record its dataset (beside the scenario file) does not hold is refused, and so
//! is any change to a claim whose dataset changed on disk since it was imported.

use std::path::Path;

use frontline::control::{Engine, View};
use frontline::edit::{Edit, EditError, Workspace};
use frontline::import::acled::{AcledFile, import_acled};
use frontline::import::actors::ActorMap;
use frontline::model::Claim;

/// The mini fixture in `dir` with its claims exported to `events.csv` beside it and
/// imported back (through the workspace, as `import acled --apply` does).
fn imported_workspace(dir: &Path) -> Workspace {
    for name in ["mini.ron", "mini.txt"] {
        std::fs::copy(Path::new("tests/fixtures").join(name), dir.join(name)).unwrap();
    }
    let path = dir.join("mini.ron");
    let mut workspace = Workspace::open(&path).unwrap();
    let engine = Engine::new(workspace.scenario().clone());
    let csv = frontline::export::claims_csv(&engine, &View::default(), i64::MAX, true).unwrap();
    std::fs::write(dir.join("events.csv"), &csv).unwrap();
    let actors = ActorMap::new(workspace.scenario(), &[]).unwrap();
    let file = AcledFile {
        name: "events.csv",
        dataset: "events.csv",
        text: &csv,
    };
    let imported = import_acled(workspace.scenario(), file, &actors).unwrap();
    workspace.set_added_file("added/import-events.ron");
    workspace.apply(imported.batch().unwrap()).unwrap();
    workspace
}

/// The first claim citing a record.
fn with_record(workspace: &Workspace) -> Claim {
    workspace
        .scenario()
        .claims
        .iter()
        .find(|c| c.record.is_some())
        .unwrap()
        .clone()
}

fn change(workspace: &mut Workspace, claim: Claim) -> Result<(), EditError> {
    workspace.apply(Edit::ChangeClaim {
        id: claim.id.clone(),
        claim,
    })
}

/// The record problem an edit was refused with.
fn record_problem(err: &EditError) -> String {
    let EditError::Invalid { problems, .. } = err else {
        panic!("not a claim's problem: {err}");
    };
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].field, "record");
    problems[0].message.clone()
}

#[test]
fn an_edit_citing_a_record_is_checked_against_the_dataset() {
    let dir = tempfile::tempdir().unwrap();
    let mut workspace = imported_workspace(dir.path());
    let claim = with_record(&workspace);

    // A change that keeps the record is accepted.
    let mut noted = claim.clone();
    noted.note = Some("checked against the table".into());
    change(&mut workspace, noted.clone()).unwrap();

    // A record text the dataset does not hold is refused, and nothing changes.
    let before = workspace.scenario().clone();
    let mut forged = noted.clone();
    forged.record.as_mut().unwrap().text.push_str(" (edited)");
    let err = change(&mut workspace, forged).unwrap_err();
    assert!(
        record_problem(&err).contains("is not what the file holds"),
        "{err}"
    );
    assert_eq!(workspace.scenario(), &before);

    // A row the dataset lacks, in a new claim.
    let mut missing = noted.clone();
    missing.id = "from-nowhere".into();
    missing.record.as_mut().unwrap().row = "999999".into();
    let err = workspace.apply(Edit::AddClaim(missing)).unwrap_err();
    assert!(record_problem(&err).contains("has no record"), "{err}");

    // The dataset changed on disk since the import: the claim's next edit sees it.
    let record = noted.record.clone().unwrap();
    let csv = std::fs::read_to_string(dir.path().join("events.csv")).unwrap();
    let changed_row = record.text.replacen(',', ",X", 1);
    assert_ne!(changed_row, record.text);
    std::fs::write(
        dir.path().join("events.csv"),
        csv.replacen(&record.text, &changed_row, 1),
    )
    .unwrap();
    let mut again = noted;
    again.note = Some("edited after the table changed".into());
    let err = change(&mut workspace, again).unwrap_err();
    assert!(
        record_problem(&err).contains("is not what the file holds"),
        "{err}"
    );
    // Claims without a record are not affected.
    let plain = workspace
        .scenario()
        .claims
        .iter()
        .find(|c| c.record.is_none() && c.quote.is_some())
        .unwrap()
        .clone();
    let mut plain_noted = plain;
    plain_noted.note = Some("a quote, not a record".into());
    change(&mut workspace, plain_noted).unwrap();
}

#[test]
fn a_batch_with_a_bad_record_names_the_claim_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut workspace = imported_workspace(dir.path());
    let claim = with_record(&workspace);
    let mut good = claim.clone();
    good.id = "copy-good".into();
    let mut bad = claim;
    bad.id = "copy-bad".into();
    bad.record.as_mut().unwrap().dataset = "gone.csv".into();
    let before = workspace.scenario().clone();
    let err = workspace
        .apply(Edit::Batch(vec![Edit::AddClaim(good), Edit::AddClaim(bad)]))
        .unwrap_err();
    let EditError::InBatch { index, error } = &err else {
        panic!("{err}");
    };
    assert_eq!(*index, 1);
    assert!(record_problem(error).contains("gone.csv"), "{err}");
    assert_eq!(workspace.scenario(), &before);
}
