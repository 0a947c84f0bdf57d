//! Includes, saving, crash safety and recovery, on scenarios written to a temporary folder.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use frontline::control::{Engine, View};
use frontline::edit::{Edit, Workspace};
use frontline::io::{
    ItemKind, SaveError, SaveHook, SaveStep, find_recovery_in, load_project, load_scenario_file,
    restore, save_as, save_with,
};
use frontline::model::{Claim, Document, Scenario};

use crate::common::split_fixture;

pub(crate) fn new_claim(id: &str) -> Claim {
    let mut claim =
        load_project(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini.ron"))
            .unwrap()
            .scenario
            .claims[4]
            .clone();
    claim.id = id.into();
    claim
}

/// Controllers and statuses at several moments.
fn resolutions(scenario: &Scenario) -> Vec<String> {
    let engine = Engine::new(scenario.clone());
    let start = 1_733_000_000; // 2024-11-30
    (0..10)
        .map(|step| {
            let resolution = engine.resolve_secs(&View::default(), start + step * 43_200);
            let places: Vec<_> = resolution
                .places
                .iter()
                .map(|p| (p.controller, p.status))
                .collect();
            format!("{places:?}")
        })
        .collect()
}

pub(crate) fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap()
}

/// The hidden files in `dir`: a save's temporaries and manifest, sorted.
pub(crate) fn temporaries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with('.'))
        .collect();
    names.sort();
    names
}

#[test]
fn includes_merge_and_remember_their_file() {
    let dir = tempfile::tempdir().unwrap();
    let main = split_fixture(dir.path());
    let project = load_project(&main).unwrap();
    assert_eq!(project.scenario.claims.len(), 5);
    assert_eq!(
        project.origins.file_of(ItemKind::Claim, "c-mid-fighting"),
        Some("part.ron")
    );
    assert_eq!(
        project.origins.file_of(ItemKind::Source, "observers"),
        Some("part.ron")
    );
    assert_eq!(project.origins.file_of(ItemKind::Claim, "b-all"), None);
    let whole = load_scenario_file(&dir.path().join("main.ron")).unwrap();
    assert_eq!(whole, project.scenario);
}

#[test]
fn problems_in_an_include_are_located_in_it() {
    let dir = tempfile::tempdir().unwrap();
    let main = split_fixture(dir.path());
    let part = dir.path().join("part.ron");
    let text = std::fs::read_to_string(&part).unwrap();
    std::fs::write(
        &part,
        text.replacen(
            "originators: [\"observers\"]",
            "originators: [\"obsrvers\"]",
            1,
        ),
    )
    .unwrap();
    let err = load_project(&main).unwrap_err().to_string();
    let line = text
        .lines()
        .position(|l| l.contains("c-south-withdrew"))
        .unwrap()
        + 1;
    assert!(
        err.starts_with(&format!("{}:{line}:", part.display())),
        "{err}"
    );
    assert!(err.contains("unknown source \"obsrvers\""), "{err}");

    let duplicate = text.replacen("c-mid-fighting", "b-all", 1);
    std::fs::write(&part, duplicate).unwrap();
    let err = load_project(&main).unwrap_err().to_string();
    assert!(
        err.contains("part.ron:") && err.contains("duplicate id \"b-all\" in claims: already in"),
        "{err}"
    );
}

#[test]
fn saving_writes_only_changed_files_and_reloads_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let main = split_fixture(dir.path());
    let main_before = read(&main);
    let mut workspace = Workspace::open(&main).unwrap();
    workspace
        .apply(Edit::RemoveClaim {
            id: "c-mid-fighting".into(),
        })
        .unwrap();
    let mut changed = workspace.scenario().claims[3].clone();
    assert_eq!(changed.id, "c-south-withdrew");
    changed.credibility = frontline::model::Credibility(1);
    let id = changed.id.clone();
    workspace
        .apply(Edit::ChangeClaim { id, claim: changed })
        .unwrap();
    assert!(workspace.is_dirty());
    let report = workspace.save(None).unwrap();
    assert_eq!(report.written, vec![dir.path().join("part.ron")]);
    assert!(!workspace.is_dirty());
    assert_eq!(
        read(&main),
        main_before,
        "the main file had no changed items"
    );
    let reloaded = load_project(&main).unwrap().scenario;
    assert_eq!(&reloaded, workspace.scenario());
    assert_eq!(resolutions(&reloaded), resolutions(workspace.scenario()));
    assert!(
        temporaries(dir.path()).is_empty(),
        "{:?}",
        temporaries(dir.path())
    );

    // A new claim with no added file goes to the main file, among its claims.
    workspace
        .apply(Edit::AddClaim(new_claim("c-late")))
        .unwrap();
    let report = workspace.save(None).unwrap();
    assert_eq!(report.written, vec![main.clone()]);
    assert_eq!(&load_project(&main).unwrap().scenario, workspace.scenario());
}

#[test]
fn ingested_material_goes_to_an_added_file_beside_its_text() {
    let dir = tempfile::tempdir().unwrap();
    let main = split_fixture(dir.path());
    let text = std::fs::read_to_string(&main).unwrap();
    std::fs::write(
        &main,
        text.replace("includes: [", "includes: [\n        \"added/\","),
    )
    .unwrap();
    let main_before = read(&main);
    let mut workspace = Workspace::open(&main).unwrap();
    workspace.set_added_file("added/2024-12-08-reuters.ron");
    let document = Document {
        id: "reuters".into(),
        title: "Rebels enter".into(),
        publisher: "Reuters".into(),
        published: "2024-12-08T06:00:00Z".into(),
        url: None,
        text_file: "added/2024-12-08-reuters.txt".into(),
        text: String::new(),
    };
    let mut claim = new_claim("c-reuters");
    claim.document = Some("reuters".into());
    claim.quote = Some("Rebels entered Hamlet".into());
    let batch = Edit::Batch(vec![
        Edit::AddDocument {
            document,
            text: "Rebels entered Hamlet at dawn.".into(),
        },
        Edit::AddClaim(claim),
    ]);
    workspace.apply(batch).unwrap();
    workspace.save(None).unwrap();
    assert_eq!(
        read(&main),
        main_before,
        "the included folder already covers the new file"
    );
    assert_eq!(
        read(&dir.path().join("added/2024-12-08-reuters.txt")),
        b"Rebels entered Hamlet at dawn."
    );
    let reloaded = load_project(&main).unwrap();
    assert_eq!(
        reloaded.origins.file_of(ItemKind::Claim, "c-reuters"),
        Some("added/2024-12-08-reuters.ron")
    );
    assert_eq!(&reloaded.scenario, workspace.scenario());
}

#[test]
fn a_failed_save_keeps_the_old_files_and_the_edits() {
    let dir = tempfile::tempdir().unwrap();
    let main = split_fixture(dir.path());
    let part = dir.path().join("part.ron");
    let part_before = read(&part);
    let mut workspace = Workspace::open(&main).unwrap();
    workspace
        .apply(Edit::RemoveClaim {
            id: "c-mid-fighting".into(),
        })
        .unwrap();
    // A folder where the temporary goes fails the write even for root, which a
    // read-only folder does not.
    std::fs::create_dir(dir.path().join(".part.ron.frontline-save")).unwrap();
    let err = workspace.save(None).unwrap_err();
    assert!(matches!(err, SaveError::Write { .. }), "{err}");
    assert_eq!(read(&part), part_before);
    assert!(workspace.is_dirty());
    assert!(
        !workspace
            .scenario()
            .claims
            .iter()
            .any(|c| c.id == "c-mid-fighting")
    );
}

#[cfg(unix)]
#[test]
fn a_read_only_folder_fails_the_save_and_keeps_the_old_files() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().unwrap();
    let main = split_fixture(dir.path());
    let (main_before, part_before) = (read(&main), read(&dir.path().join("part.ron")));
    let mut workspace = Workspace::open(&main).unwrap();
    workspace
        .apply(Edit::RemoveClaim { id: "b-all".into() })
        .unwrap();
    workspace
        .apply(Edit::RemoveClaim {
            id: "c-mid-fighting".into(),
        })
        .unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o555)).unwrap();
    if std::fs::File::create(dir.path().join("probe")).is_ok() {
        // Root writes anyway; the folder-in-the-way test above covers this case.
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        return;
    }
    let result = workspace.save(None);
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    assert!(result.is_err());
    assert_eq!(
        (read(&main), read(&dir.path().join("part.ron"))),
        (main_before, part_before)
    );
    assert!(workspace.is_dirty());
}

/// Stops a save at one step, as if the program were killed there.
struct KillAt(SaveStep);

impl SaveHook for KillAt {
    fn proceed(&mut self, step: SaveStep) -> bool {
        step != self.0
    }
}

#[test]
fn a_killed_save_leaves_every_old_file_or_every_new_one() {
    for stage in 0..2 {
        for k in 0..2 {
            let dir = tempfile::tempdir().unwrap();
            let main = split_fixture(dir.path());
            let old = (read(&main), read(&dir.path().join("part.ron")));
            let mut workspace = Workspace::open(&main).unwrap();
            workspace
                .apply(Edit::RemoveClaim { id: "b-all".into() })
                .unwrap();
            workspace
                .apply(Edit::RemoveClaim {
                    id: "c-mid-fighting".into(),
                })
                .unwrap();
            let step = if stage == 0 {
                SaveStep::Temporary(k)
            } else {
                SaveStep::Rename(k)
            };
            let err = save_with(&workspace, &mut KillAt(step)).unwrap_err();
            assert!(matches!(err, SaveError::Stopped { .. }));
            // The next start finishes a save killed among its renames.
            let reopened = Workspace::open(&main).unwrap();
            let now = (read(&main), read(&dir.path().join("part.ron")));
            if stage == 0 {
                assert_eq!(now, old, "killed before {step:?}");
                assert_eq!(reopened.scenario().claims.len(), 5);
            } else {
                assert_eq!(
                    reopened.scenario(),
                    workspace.scenario(),
                    "killed before {step:?}"
                );
            }
            // The files now differ from what this workspace loaded (its own save,
            // finished by the reopening): saving again must be told to go over them.
            workspace.save_over_disk_changes(None).unwrap();
            assert!(
                temporaries(dir.path()).is_empty(),
                "{step:?}: {:?}",
                temporaries(dir.path())
            );
            assert_eq!(load_project(&main).unwrap().scenario, *workspace.scenario());
        }
    }
}

#[test]
fn unsaved_edits_are_recovered_after_a_kill() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = tempfile::tempdir().unwrap();
    let main = split_fixture(dir.path());
    let mut workspace = Workspace::open(&main).unwrap();
    workspace
        .apply(Edit::RemoveClaim {
            id: "c-north-held".into(),
        })
        .unwrap();
    workspace
        .apply(Edit::AddClaim(new_claim("c-late")))
        .unwrap();
    workspace.undo().unwrap();
    workspace
        .apply(Edit::AddClaim(new_claim("c-later")))
        .unwrap();
    frontline::io::autosave(&workspace, recovery.path()).unwrap();
    let expected = workspace.scenario().clone();
    drop(workspace);

    let found = find_recovery_in(recovery.path(), &main)
        .unwrap()
        .expect("a recovery file");
    let mut restored = restore(&found).unwrap();
    assert_eq!(restored.scenario(), &expected);
    assert!(restored.is_dirty());
    restored.save(Some(recovery.path())).unwrap();
    assert!(find_recovery_in(recovery.path(), &main).unwrap().is_none());
    assert_eq!(load_project(&main).unwrap().scenario, expected);

    // Edits made on files that changed since are refused.
    let err = restore(&found).unwrap_err();
    assert!(err.to_string().contains("changed since"), "{err}");
}

#[test]
fn save_as_writes_a_whole_copy_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let main = split_fixture(dir.path());
    let workspace = Workspace::open(&main).unwrap();
    let other = tempfile::tempdir().unwrap();
    let copy = other.path().join("copy.ron");
    let mut workspace = workspace;
    save_as(&mut workspace, &copy).unwrap();
    let reloaded = load_project(&copy).unwrap();
    assert_eq!(&reloaded.scenario, workspace.scenario());
    assert_eq!(reloaded.origins, *workspace.origins());
}

#[test]
fn a_missing_document_of_a_split_scenario_is_one_error() {
    let dir = tempfile::tempdir().unwrap();
    let main = split_fixture(dir.path());
    let part = std::fs::read_to_string(dir.path().join("part.ron")).unwrap();
    assert!(
        part.contains("quote:"),
        "part.ron quotes the document:\n{part}"
    );
    std::fs::remove_file(dir.path().join("mini.txt")).unwrap();
    let Err(err) = load_scenario_file(&main) else {
        panic!("loads without its document");
    };
    let errors: Vec<String> = err.diagnostics.iter().map(|d| d.to_string()).collect();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(
        errors[0].contains("cannot read document text \"mini.txt\""),
        "{errors:#?}"
    );
}

#[test]
fn save_as_of_the_built_in_scenario_keeps_every_file_in_the_new_folder() {
    let scenario = frontline::io::default_scenario().unwrap();
    let mut workspace = frontline::ui::editing::pathless_workspace(scenario);
    let outer = tempfile::tempdir().unwrap();
    let folder = outer.path().join("mine");
    std::fs::create_dir(&folder).unwrap();
    let copy = folder.join("syria.ron");
    save_as(&mut workspace, &copy).unwrap();
    // Nothing beside the chosen folder: the built-in scenario names ../documents and
    // ../geo, which the copy holds inside it instead.
    let beside: Vec<_> = std::fs::read_dir(outer.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(beside, ["mine"], "files written outside the chosen folder");
    assert!(
        workspace
            .scenario()
            .documents
            .iter()
            .all(|d| !d.text_file.contains(".."))
    );
    let reloaded = load_project(&copy).unwrap();
    assert_eq!(&reloaded.scenario, workspace.scenario());
    assert!(folder.join("documents/syria-2024-12-07.txt").is_file());
    assert!(folder.join("geo/governorates.geojson").is_file());
}
