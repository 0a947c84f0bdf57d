//! Issue 13: a scenario from someone else reads only inside its own folder. Every
//! refused path is a located error with exit code 2, under a memory limit (so a
//! device read to the end would be a kill, not an error); the opt-out lets one's own
//! files through with a warning; the shipped scenarios still load.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::{binary, limited};

/// A small valid scenario whose one document is `text_file` and whose region geometry
/// is `geometry`; its document is on line 14.
fn scenario(text_file: &str, geometry: Option<&str>) -> String {
    let geometry = geometry.map_or(String::new(), |path| {
        format!("    region_geometry: Some({path:?}),\n")
    });
    format!(
        "(\n    format_version: 2,\n    id: \"tiny\",\n    title: \"Tiny\",\n    description: \"\",\n    utc_offset: \"+03:00\",\n    factions: [],\n    sources: [],\n    regions: [],\n    places: [],\n    routes: [],\n    claims: [],\n    documents: [\n        (id: \"doc\", title: \"Doc\", publisher: \"Test\", published: \"2024-12-07T12:00:00+03:00\", text_file: {text_file:?}),\n    ],\n{geometry})\n"
    )
}

/// A folder `shared/` in a temporary folder (with `secret.txt` beside it, outside)
/// holding `scenario.ron` naming `text_file`; returns the temporary folder and the
/// scenario's path.
fn shared(text_file: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("shared");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(dir.path().join("secret.txt"), "the secret").unwrap();
    std::fs::write(folder.join("doc.txt"), "a document").unwrap();
    let path = folder.join("scenario.ron");
    std::fs::write(&path, scenario(text_file, None)).unwrap();
    (dir, path)
}

/// Checks `path` (with `extra` flags): exit 2, one located error at the document's
/// `text_file` value containing `says`, and nothing of the secret shown.
fn refused(path: &Path, value: &str, extra: &[&str], says: &str) -> String {
    let name = path.to_str().unwrap();
    let mut args = vec!["check", name];
    args.extend(extra);
    let (code, stdout, stderr) = limited(&args);
    assert_eq!(code, 2, "exit 2, not a kill: {stderr}");
    assert!(stdout.is_empty(), "{stdout}");
    let text = std::fs::read_to_string(path).unwrap();
    let line = text.lines().nth(13).unwrap();
    let col = line[..line.find(&format!("{value:?}")).unwrap()]
        .chars()
        .count()
        + 1;
    // After the opt-out's warning, if any.
    let located = format!("{name}:14:{col}: ");
    assert!(
        stderr.lines().any(|line| line.starts_with(&located)),
        "located at the path: {stderr}"
    );
    assert!(stderr.contains(says), "{stderr}");
    assert!(!stderr.contains("the secret"), "{stderr}");
    stderr
}

#[test]
fn an_absolute_path_is_refused_and_says_why() {
    let (_dir, path) = shared("/etc/passwd");
    let stderr = refused(&path, "/etc/passwd", &[], "absolute paths are not allowed");
    assert!(stderr.contains("text_file \"/etc/passwd\" is outside the scenario's folder"));
    assert!(stderr.contains("--allow-outside-paths"), "{stderr}");
}

#[test]
fn dot_dot_above_the_folder_is_refused() {
    let (_dir, path) = shared("../secret.txt");
    refused(&path, "../secret.txt", &[], "`..` leads above it");
}

#[cfg(unix)]
#[test]
fn a_link_out_of_the_folder_is_refused_and_one_inside_followed() {
    let (dir, path) = shared("link.txt");
    let folder = path.parent().unwrap();
    std::os::unix::fs::symlink(dir.path().join("secret.txt"), folder.join("link.txt")).unwrap();
    refused(&path, "link.txt", &[], "it is a link to");

    std::os::unix::fs::symlink(folder.join("doc.txt"), folder.join("inside.txt")).unwrap();
    std::fs::write(&path, scenario("inside.txt", None)).unwrap();
    let (code, stdout, stderr) = limited(&["check", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.starts_with("ok: Tiny"), "{stdout}");
}

#[cfg(unix)]
#[test]
fn devices_are_never_read() {
    // Refused as absolute first; with the opt-out, as a device.
    let (_dir, path) = shared("/dev/zero");
    refused(&path, "/dev/zero", &[], "absolute paths are not allowed");
    refused(
        &path,
        "/dev/zero",
        &["--allow-outside-paths"],
        "is not a regular file",
    );
    // A link inside the folder to a device.
    let (_dir, path) = shared("zero");
    std::os::unix::fs::symlink("/dev/zero", path.with_file_name("zero")).unwrap();
    refused(&path, "zero", &[], "is outside the scenario's folder");
    // Region geometry too.
    let text = scenario("doc.txt", Some("/dev/urandom"));
    std::fs::write(&path, text).unwrap();
    let (code, _, stderr) = limited(&["check", path.to_str().unwrap(), "--allow-outside-paths"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains(&format!("{}:16:", path.display())),
        "located at region_geometry: {stderr}"
    );
    assert!(stderr.contains("region_geometry \"/dev/urandom\" is not a regular file"));
}

#[test]
fn a_folder_is_not_a_document() {
    let (_dir, path) = shared("texts");
    std::fs::create_dir(path.with_file_name("texts")).unwrap();
    refused(&path, "texts", &[], "is a folder, not a file");
}

#[test]
fn a_file_over_the_limit_is_refused_before_it_is_read() {
    let (_dir, path) = shared("big.txt");
    std::fs::write(path.with_file_name("big.txt"), "x".repeat(2000)).unwrap();
    refused(
        &path,
        "big.txt",
        &["--max-file-size", "1000"],
        "is larger than the 1000-byte limit for documents (2000 bytes)",
    );
    // The scenario itself is under the same limit.
    let (code, _, stderr) = limited(&["check", path.to_str().unwrap(), "--max-file-size", "100"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("the scenario is larger than the 100-byte limit"),
        "{stderr}"
    );
    // Within the default limit it loads.
    let (code, _, stderr) = limited(&["check", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn the_opt_out_reads_ones_own_files_with_a_warning() {
    let (dir, path) = shared("");
    let secret = dir.path().join("secret.txt");
    std::fs::write(&path, scenario(secret.to_str().unwrap(), None)).unwrap();
    let (code, stdout, stderr) =
        limited(&["check", path.to_str().unwrap(), "--allow-outside-paths"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.starts_with("ok: Tiny"), "{stdout}");
    assert!(
        stderr.contains("warning: --allow-outside-paths"),
        "never silent: {stderr}"
    );
    let (code, _, stderr) = limited(&["check", path.to_str().unwrap()]);
    assert_eq!(code, 2, "off by default: {stderr}");
}

#[test]
fn a_scenario_from_standard_input_reads_inside_its_base_dir() {
    let (dir, path) = shared("../secret.txt");
    let output = Command::new(binary())
        .args(["check", "-", "--base-dir"])
        .arg(path.parent().unwrap())
        .stdin(std::fs::File::open(&path).unwrap())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.starts_with("<stdin>:14:"), "{stderr}");
    assert!(stderr.contains("`..` leads above it"), "{stderr}");
    drop(dir);
}

#[test]
fn a_snapshot_opens_only_its_own_scenario_outside_its_folder() {
    let (dir, path) = shared("doc.txt");
    let snapshot = dir.path().join("elsewhere").join("view.ron");
    std::fs::create_dir(snapshot.parent().unwrap()).unwrap();
    let snap = snapshot.to_str().unwrap();
    let scenario = path.to_str().unwrap();
    let (code, _, stderr) = limited(&["export", scenario, "--at", "2024-12-07", "--out", snap]);
    assert_eq!(code, 0, "{stderr}");
    // One's own snapshot of a scenario elsewhere opens.
    let (code, _, stderr) = limited(&["open", snap, "--print"]);
    assert_eq!(code, 0, "{stderr}");
    // A snapshot pointing at another file outside its folder does not.
    let text = std::fs::read_to_string(&snapshot).unwrap();
    let secret = dir.path().join("secret.txt");
    std::fs::write(&snapshot, text.replace(scenario, secret.to_str().unwrap())).unwrap();
    let (code, _, stderr) = limited(&["open", snap, "--print"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.starts_with(&format!("{snap}:")), "{stderr}");
    assert!(
        stderr.contains("is outside the snapshot's folder"),
        "{stderr}"
    );
    assert!(!stderr.contains("the secret"), "{stderr}");
}

#[test]
fn the_default_scenario_and_every_fixture_still_load() {
    let (code, _, stderr) = limited(&["check"]);
    assert_eq!(code, 0, "{stderr}");
    let mut files: Vec<PathBuf> = ["assets/scenarios", "tests/fixtures"]
        .iter()
        .flat_map(|folder| std::fs::read_dir(folder).unwrap())
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "ron"))
        .collect();
    files.sort();
    assert!(files.len() >= 2, "{files:?}");
    for file in files {
        let (code, _, stderr) = limited(&["check", file.to_str().unwrap()]);
        assert_eq!(code, 0, "{}: {stderr}", file.display());
    }
}
