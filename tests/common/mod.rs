//! Helpers both test binaries share (`tests/headless` and `tests/window` include this
//! file with `#[path]`): the binary under test, the fixtures, and temporary scenarios.

// Each test binary uses a different part of these helpers.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use frontline::io::{load_scenario_file, scenario_to_ron};
use frontline::model::{Claim, Scenario};

/// The binary under test; `FRONTLINE_TEST_BIN` overrides it where several checkouts
/// share a target folder (each builds its own `target/debug/frontline`).
pub fn binary() -> String {
    std::env::var("FRONTLINE_TEST_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_frontline").into())
}

/// Runs the binary with `args`, an empty standard input and no display: exit code
/// (-1 when killed by a signal), standard output and standard error (both UTF-8).
pub fn frontline(args: &[&str]) -> (i32, String, String) {
    let (code, stdout, stderr) = frontline_with(args, b"");
    let stdout = String::from_utf8(stdout)
        .unwrap_or_else(|err| panic!("{args:?}: standard output is not UTF-8: {err}"));
    (code, stdout, stderr)
}

/// Runs the binary with `args` and `stdin` on its standard input, without a display:
/// exit code (-1 when killed by a signal), standard output as bytes, standard error.
pub fn frontline_with(args: &[&str], stdin: &[u8]) -> (i32, Vec<u8>, String) {
    use std::io::Write as _;
    use std::process::{Command, Stdio};
    let mut child = Command::new(binary())
        .args(args)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|err| panic!("starting {}: {err}", binary()));
    if let Some(mut input) = child.stdin.take() {
        // The command may not read its input; a closed pipe here is fine.
        let _ = input.write_all(stdin);
    }
    let output = child
        .wait_with_output()
        .unwrap_or_else(|err| panic!("{args:?}: {err}"));
    let stderr = String::from_utf8(output.stderr)
        .unwrap_or_else(|err| panic!("{args:?}: standard error is not UTF-8: {err}"));
    (output.status.code().unwrap_or(-1), output.stdout, stderr)
}

/// Runs the binary, expects exit code 0 and returns its standard output as JSON.
pub fn json(args: &[&str]) -> serde_json::Value {
    let (code, stdout, stderr) = frontline(args);
    assert_eq!(code, 0, "{args:?}: {stderr}");
    serde_json::from_str(&stdout).unwrap_or_else(|err| panic!("{args:?}: {err}\n{stdout}"))
}

/// A small deterministic generator (a 64-bit LCG) for the moments tests kill a
/// process at: the next number from `state`, in `0..2^31`.
pub fn next_random(state: &mut u64) -> u64 {
    *state = state
        .wrapping_mul(6_364_136_223_846_793_005)
        .wrapping_add(1);
    *state >> 33
}

/// Runs the binary with about 1 GB of virtual memory: exit code (-1 when killed by a
/// signal), standard output and standard error.
pub fn limited(args: &[&str]) -> (i32, String, String) {
    let output = std::process::Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 1000000; exec \"$0\" \"$@\"")
        .arg(binary())
        .args(args)
        .env("FRONTLINE_NO_CACHE", "1")
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// The file `name` in `tests/fixtures`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The mini fixture (`tests/fixtures/mini.ron`), loaded.
pub fn mini_scenario() -> Scenario {
    load_scenario_file(&fixture("mini.ron")).unwrap_or_else(|err| panic!("{err}"))
}

/// A temporary folder holding a copy of the mini fixture and its document, and the
/// path of the copied `mini.ron` (so a test may write beside it).
pub fn mini_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("a temporary folder: {err}"));
    for name in ["mini.ron", "mini.txt"] {
        if let Err(err) = std::fs::copy(fixture(name), dir.path().join(name)) {
            panic!("copying {name}: {err}");
        }
    }
    let path = dir.path().join("mini.ron");
    (dir, path)
}

/// The mini fixture as format 2 in `dir/main.ron`, its first claims moved to
/// `dir/part.ron` (with the observers source), listed in `includes`.
pub fn split_fixture(dir: &Path) -> PathBuf {
    std::fs::copy(fixture("mini.txt"), dir.join("mini.txt")).unwrap();
    let mut scenario = mini_scenario();
    let moved: Vec<Claim> = scenario.claims.drain(3..).collect();
    let at = scenario.source_index("observers").unwrap();
    let observers = scenario.sources.remove(at);
    scenario.includes = vec!["part.ron".into()];
    let main = dir.join("main.ron");
    std::fs::write(&main, scenario_to_ron(&scenario).unwrap()).unwrap();
    let part = frontline::io::ScenarioPart {
        sources: vec![observers],
        claims: moved,
        ..Default::default()
    };
    std::fs::write(
        dir.join("part.ron"),
        frontline::io::file_ron(&part).unwrap(),
    )
    .unwrap();
    main
}
