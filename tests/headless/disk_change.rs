//! A scenario's files changed by another program, or by another window, while it is
//! open: saving refuses to overwrite them unless told to, and a touched but unchanged
//! file is no change.

use frontline::edit::{Edit, Workspace};
use frontline::io::{DiskChange, DiskStamps, SaveError, disk_change, load_project};

use crate::common::split_fixture;
use crate::save::{new_claim, read};

#[test]
fn two_windows_saving_the_same_scenario_do_not_overwrite_each_other() {
    let dir = tempfile::tempdir().unwrap();
    let main = split_fixture(dir.path());
    let mut first = Workspace::open(&main).unwrap();
    let mut second = Workspace::open(&main).unwrap();
    first.apply(Edit::AddClaim(new_claim("c-first"))).unwrap();
    second.apply(Edit::AddClaim(new_claim("c-second"))).unwrap();
    first.save(None).unwrap();
    let after_first = (read(&main), read(&dir.path().join("part.ron")));

    assert_eq!(disk_change(&second), DiskChange::Changed);
    let err = second.save(None).unwrap_err();
    assert!(matches!(err, SaveError::ChangedOnDisk { .. }), "{err}");
    assert!(err.to_string().contains("changed on disk"), "{err}");
    assert_eq!(
        (read(&main), read(&dir.path().join("part.ron"))),
        after_first,
        "the refused save wrote something"
    );
    assert!(second.is_dirty(), "the refused save lost the edits");

    // The user chose to keep the second window's version.
    second.save_over_disk_changes(None).unwrap();
    let saved = load_project(&main).unwrap().scenario;
    assert_eq!(&saved, second.scenario());
    assert!(saved.claims.iter().any(|c| c.id == "c-second"));
    assert!(!saved.claims.iter().any(|c| c.id == "c-first"));
    assert_eq!(disk_change(&second), DiskChange::Unchanged);
    assert_eq!(disk_change(&first), DiskChange::Changed);
}

#[test]
fn a_file_touched_without_a_change_is_no_change() {
    let dir = tempfile::tempdir().unwrap();
    let main = split_fixture(dir.path());
    let mut workspace = Workspace::open(&main).unwrap();
    let stamps = DiskStamps::read(&workspace);
    let part = dir.path().join("part.ron");
    let bytes = read(&part);
    // Rewritten with the same bytes a second later: a new modification time.
    let later = std::time::SystemTime::now() + std::time::Duration::from_secs(2);
    std::fs::write(&part, &bytes).unwrap();
    std::fs::File::options()
        .write(true)
        .open(&part)
        .unwrap()
        .set_modified(later)
        .unwrap();
    assert_ne!(DiskStamps::read(&workspace), stamps);
    assert_eq!(disk_change(&workspace), DiskChange::Unchanged);
    workspace
        .apply(Edit::AddClaim(new_claim("c-late")))
        .unwrap();
    workspace.save(None).unwrap();
}

#[test]
fn an_included_file_changed_or_removed_is_noticed() {
    let dir = tempfile::tempdir().unwrap();
    let main = split_fixture(dir.path());
    let workspace = Workspace::open(&main).unwrap();
    let part = dir.path().join("part.ron");
    let text = String::from_utf8(read(&part)).unwrap();
    std::fs::write(&part, format!("{text}\n// a note from another editor\n")).unwrap();
    assert_eq!(disk_change(&workspace), DiskChange::Changed);
    std::fs::remove_file(&part).unwrap();
    let DiskChange::Missing(why) = disk_change(&workspace) else {
        panic!("a removed include is not reported missing");
    };
    assert!(why.contains("part.ron"), "{why}");
}
