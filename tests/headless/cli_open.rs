//! `frontline FILE` (a scenario or a snapshot in the window) and `frontline open` on a
//! scenario: files that do not load are reported before any window opens. The display
//! variables are removed, so a window tried would fail with exit code 1, not 2.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests may unwrap.

use crate::common::frontline;

const MINI: &str = "tests/fixtures/mini.ron";

#[test]
fn a_missing_file_is_a_located_error_before_any_window() {
    let (code, stdout, stderr) = frontline(&["nonexistent.ron"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stdout.is_empty(), "{stdout}");
    assert!(
        stderr.starts_with("nonexistent.ron:1:1: cannot read"),
        "{stderr}"
    );
    assert!(!stderr.contains("window"), "{stderr}");
    // The window's flag goes with FILE too.
    let (code, _, stderr) = frontline(&["--renderer", "glow", "nonexistent.ron"]);
    assert_eq!(code, 2, "{stderr}");
}

#[test]
fn a_broken_scenario_is_reported_at_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.ron");
    std::fs::write(&broken, "(\n  format_version: 2,\n  id: \"x\" oops\n)\n").unwrap();
    let name = broken.display().to_string();
    let (code, _, stderr) = frontline(&[&name]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.starts_with(&format!("{name}:3:")), "{stderr}");
}

#[test]
fn a_mistyped_command_is_named_as_one() {
    let (code, _, stderr) = frontline(&["chek"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("`chek` is not a command"), "{stderr}");
    // A window flag before a command does not make the command a file.
    let (code, _, stderr) = frontline(&["--renderer", "glow", "check"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("`check` is a command"), "{stderr}");
    // Commands are still commands.
    let (code, stdout, stderr) = frontline(&["check", MINI]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.starts_with("ok: "), "{stdout}");
}

#[test]
fn help_shows_the_file_argument() {
    let (code, stdout, _) = frontline(&["--help"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("[OPTIONS] [FILE]"), "{stdout}");
    assert!(
        stdout.contains("A scenario (RON) or a view snapshot to open in the window"),
        "{stdout}"
    );
}

#[test]
fn open_on_a_scenario_says_it_is_a_scenario() {
    for args in [&["open", MINI, "--print"][..], &["open", MINI]] {
        let (code, stdout, stderr) = frontline(args);
        assert_eq!(code, 2, "{args:?}: {stderr}");
        assert!(stdout.is_empty(), "{stdout}");
        assert!(
            stderr.starts_with(&format!("{MINI}:1:1: {MINI} is a scenario, not a snapshot")),
            "{stderr}"
        );
        assert!(
            stderr.contains(&format!("frontline resolve {MINI} --at DATE")),
            "{stderr}"
        );
        assert!(!stderr.contains("scenario_hash"), "{stderr}");
    }
}
