//! Each class of bad input gets a located error, exit code 2, and no half-loaded state.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests may unwrap.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::binary;

const MINI: &str = include_str!("../fixtures/mini.ron");
const MINI_TEXT: &str = include_str!("../fixtures/mini.txt");

/// Writes `ron` (with the fixture's document beside it) to a temp folder.
fn scenario_file(dir: &Path, ron: &str) -> PathBuf {
    std::fs::write(dir.join("mini.txt"), MINI_TEXT).unwrap();
    let path = dir.join("broken.ron");
    std::fs::write(&path, ron).unwrap();
    path
}

/// Runs `frontline check` on a broken copy of the fixture; returns stderr.
fn check_fails(ron: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = scenario_file(dir.path(), ron);
    let output = Command::new(binary())
        .arg("check")
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(2),
        "stdout: {}",
        String::from_utf8_lossy(&output.stdout)
    );
    let stderr = String::from_utf8(output.stderr).unwrap();
    // Every line is located: file:line:col: message.
    for line in stderr.lines() {
        let prefix = format!("{}:", path.display());
        let rest = line
            .strip_prefix(&prefix)
            .unwrap_or_else(|| panic!("unlocated: {line}"));
        let mut parts = rest.splitn(3, ':');
        let line_no: usize = parts.next().unwrap().parse().unwrap();
        let col: usize = parts.next().unwrap().parse().unwrap();
        assert!(line_no >= 1 && col >= 1, "{line}");
    }
    stderr
}

/// Line number (1-based) of the first line of the fixture containing `needle`.
fn line_of(ron: &str, needle: &str) -> usize {
    ron.lines().position(|line| line.contains(needle)).unwrap() + 1
}

fn replaced(from: &str, to: &str) -> String {
    assert!(MINI.contains(from), "fixture lacks {from}");
    MINI.replacen(from, to, 1)
}

#[test]
fn the_fixture_itself_is_valid() {
    let output = Command::new(binary())
        .args(["check", "tests/fixtures/mini.ron"])
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn ron_syntax_errors_are_located() {
    let ron = replaced("kind: city,", "kind: city,,");
    let stderr = check_fails(&ron);
    assert!(
        stderr.contains(&format!(":{}:", line_of(&ron, "kind: city,,"))),
        "{stderr}"
    );
}

#[test]
fn unknown_ids_suggest_the_closest() {
    let ron = replaced("governorate: \"north-gov\")", "governorate: \"nort-gov\")");
    let stderr = check_fails(&ron);
    assert!(
        stderr.contains("unknown governorate \"nort-gov\" (did you mean \"north-gov\"?)"),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(":{}:", line_of(&ron, "nort-gov"))),
        "{stderr}"
    );
}

#[test]
fn duplicate_ids_point_at_the_second() {
    let ron = replaced("(id: \"midtown\"", "(id: \"northtown\"");
    let stderr = check_fails(&ron);
    assert!(
        stderr.contains("duplicate id \"northtown\" in places"),
        "{stderr}"
    );
    let second = ron
        .lines()
        .enumerate()
        .filter(|(_, l)| l.contains("(id: \"northtown\""))
        .nth(1)
        .unwrap()
        .0
        + 1;
    assert!(stderr.contains(&format!(":{second}:")), "{stderr}");
}

#[test]
fn quotes_must_be_verbatim() {
    let ron = replaced(
        "quote: Some(\"The army said it still holds Northtown\")",
        "quote: Some(\"The army says it still holds Northtown\")",
    );
    let stderr = check_fails(&ron);
    assert!(
        stderr.contains(
            "quote not found verbatim in document \"doc\": the closest passage (line 1, col 48) differs at character 12: the quote has \"y\" (U+0079), the document has \"i\" (U+0069)"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(":{}:", line_of(&ron, "The army says"))),
        "{stderr}"
    );
}

#[test]
fn coordinates_out_of_range_are_errors() {
    let ron = replaced("lon: 37.0, lat: 36.0", "lon: 37.0, lat: 96.0");
    let stderr = check_fails(&ron);
    assert!(
        stderr.contains("latitude 96 is outside -90..90"),
        "{stderr}"
    );
}

#[test]
fn unparsable_times_are_errors() {
    let ron = replaced(
        "(at: \"2024-12-06\", precision: night)",
        "(at: \"Friday night\", precision: night)",
    );
    let stderr = check_fails(&ron);
    assert!(
        stderr.contains("\"Friday night\" is not a date"),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(":{}:", line_of(&ron, "Friday night"))),
        "{stderr}"
    );
}

#[test]
fn every_error_is_reported_in_one_pass() {
    let ron = replaced("lon: 37.0, lat: 36.0", "lon: 237.0, lat: 36.0")
        .replacen("source: \"observers\"", "source: \"observer\"", 1)
        .replacen(
            "actor: Some(\"rebels\"), counterpart: Some(\"army\"), source: \"rebels-said\"",
            "actor: Some(\"rebel\"), counterpart: Some(\"army\"), source: \"rebels-said\"",
            1,
        );
    let stderr = check_fails(&ron);
    assert_eq!(stderr.lines().count(), 3, "{stderr}");
    assert!(stderr.contains("(did you mean \"observers\"?)"), "{stderr}");
    assert!(
        stderr.contains("unknown faction \"rebel\" (did you mean \"rebels\"?)"),
        "{stderr}"
    );
}

#[test]
fn a_missing_document_is_located_at_its_text_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("alone.ron");
    std::fs::write(&path, MINI).unwrap();
    let output = Command::new(binary())
        .arg("check")
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains(&format!(":{}:", line_of(MINI, "text_file: \"mini.txt\""))),
        "{stderr}"
    );
    assert!(
        stderr.contains("cannot read document text \"mini.txt\""),
        "{stderr}"
    );
}

#[test]
fn what_if_naming_unknown_places_or_factions_is_an_error() {
    for (assume, expected) in [
        (
            "northtwn=rebels",
            "unknown place \"northtwn\" (did you mean \"northtown\"?)",
        ),
        (
            "northtown=rebelz",
            "unknown faction \"rebelz\" (did you mean \"rebels\"?)",
        ),
        ("northtown", "is not PLACE=FACTION"),
    ] {
        let output = Command::new(binary())
            .args([
                "resolve",
                "tests/fixtures/mini.ron",
                "--at",
                "2024-12-07",
                "--assume",
                assume,
            ])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2));
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(stderr.starts_with("<--assume>:1:1: "), "{stderr}");
        assert!(stderr.contains(expected), "{stderr}");
        assert!(output.stdout.is_empty());
    }
}

#[test]
fn bad_times_on_the_command_line_are_errors() {
    let output = Command::new(binary())
        .args(["resolve", "tests/fixtures/mini.ron", "--at", "7 December"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        String::from_utf8(output.stderr)
            .unwrap()
            .starts_with("<--at>:1:1: ")
    );
}

#[test]
fn loading_a_broken_file_returns_errors_not_a_partial_scenario() {
    let dir = tempfile::tempdir().unwrap();
    let path = scenario_file(dir.path(), &replaced("lat: 36.0", "lat: 136.0"));
    let err = frontline::io::load_scenario_file(&path).unwrap_err();
    assert_eq!(err.diagnostics.len(), 1);
    assert!(err.to_string().starts_with(&path.display().to_string()));
}

#[test]
fn region_geometry_must_exist_and_cover_every_governorate() {
    let dir = tempfile::tempdir().unwrap();
    let geometry = r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"gn_a1_code":"SY.09"},"geometry":{"type":"Polygon","coordinates":[[[36,35],[38,35],[38,37],[36,35]]]}}]}"#;
    std::fs::write(dir.path().join("regions.geojson"), geometry).unwrap();
    let ron = replaced(
        "utc_offset: \"+03:00\",",
        "utc_offset: \"+03:00\",\n    region_geometry: Some(\"regions.geojson\"),",
    );
    let path = scenario_file(dir.path(), &ron);
    let err = frontline::io::load_scenario_file(&path)
        .unwrap_err()
        .to_string();
    // SY.09 (North) joins; SY.06 (South) has no polygon.
    assert!(
        err.contains("no polygon with gn_a1_code \"SY.06\""),
        "{err}"
    );
    assert!(
        err.contains(&format!(":{}:", line_of(&ron, "SY.06"))),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");

    std::fs::remove_file(dir.path().join("regions.geojson")).unwrap();
    let err = frontline::io::load_scenario_file(&path)
        .unwrap_err()
        .to_string();
    assert!(err.contains("region geometry \"regions.geojson\""), "{err}");
}

/// The located errors of loading `path`, as lines.
fn load_errors(path: &Path) -> Vec<String> {
    match frontline::io::load_scenario_file(path) {
        Ok(_) => panic!("{} loads without its document", path.display()),
        Err(err) => err.diagnostics.iter().map(|d| d.to_string()).collect(),
    }
}

#[test]
fn a_missing_document_is_reported_once_not_once_per_quote() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mini.ron");
    std::fs::write(&path, MINI).unwrap();
    let quoting = MINI.matches("document: Some(\"doc\")").count();
    assert!(
        quoting >= 2,
        "the fixture quotes its document {quoting} times"
    );
    let errors = load_errors(&path);
    let name = path.display().to_string();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(
        errors[0].starts_with(&format!(
            "{name}:{}:",
            line_of(MINI, "text_file: \"mini.txt\"")
        )) && errors[0].contains("cannot read document text \"mini.txt\""),
        "{errors:#?}"
    );
}

#[test]
fn the_syria_scenario_copied_without_its_folder_names_what_it_misses_once() {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/scenarios/syria-2024-12.ron");
    let text = std::fs::read_to_string(&source).unwrap();
    let documents = text.matches("text_file:").count();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("syria-2024-12.ron");
    std::fs::write(&path, &text).unwrap();
    let errors = load_errors(&path);
    assert!(
        !errors.iter().any(|e| e.contains("quote not found")),
        "{errors:#?}"
    );
    let about_documents = errors.iter().filter(|e| e.contains("text_file")).count();
    assert_eq!(about_documents, documents, "{errors:#?}");
    // The documents, and the region geometry: nothing else.
    assert_eq!(errors.len(), documents + 1, "{errors:#?}");
}
