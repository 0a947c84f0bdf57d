//! `frontline migrate` and `scenario_to_ron`: format 1 in, format 2 out, the same
//! scenario, the same bytes every time.

use std::path::Path;
use std::process::Command;

use frontline::control::{Engine, View};
use frontline::io::{default_scenario_text, load_scenario_str, scenario_to_ron};
use frontline::model::Scenario;

use crate::common::binary;

const ASSETS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets");

/// Loads scenario text as if it were `assets/scenarios/NAME`, reading its documents
/// and geometry from the assets on disk.
fn load_as_asset(text: &str) -> Scenario {
    let folder = Path::new(ASSETS).join("scenarios");
    load_scenario_str("scenario.ron", text, &|relative| {
        std::fs::read_to_string(folder.join(relative))
    })
    .unwrap_or_else(|err| panic!("{err}"))
}

/// Every place's controller and status at each moment.
fn resolutions(scenario: Scenario, moments: &[&str]) -> Vec<Vec<(Option<usize>, String)>> {
    let engine = Engine::new(scenario);
    moments
        .iter()
        .map(|moment| {
            let offset = engine.scenario().offset();
            let at = frontline::model::Moment::parse(moment, offset)
                .unwrap()
                .timestamp();
            engine
                .resolve(&View::default(), at)
                .places
                .iter()
                .map(|place| {
                    (
                        place.controller.map(|faction| faction as usize),
                        format!("{:?}", place.status),
                    )
                })
                .collect()
        })
        .collect()
}

#[test]
fn the_default_scenario_migrates_to_the_same_scenario() {
    let v1 = load_as_asset(default_scenario_text());
    let text = scenario_to_ron(&v1).unwrap();
    assert!(text.contains("format_version: 2,"), "{text}");
    assert!(!text.contains("source:"), "a format 1 field is left");
    assert!(text.contains("originators: ["));
    // One item per line: every claim's line starts with its id.
    let claim_lines = text
        .lines()
        .filter(|line| line.trim_start().starts_with("(id: \"") && line.contains("originators"))
        .count();
    assert_eq!(claim_lines, v1.claims.len());

    let v2 = load_as_asset(&text);
    assert_eq!(v2, v1, "the migrated file reads back as the same scenario");
    let moments = [
        "2024-11-27",
        "2024-12-05T12:00:00Z",
        "2024-12-06",
        "2024-12-07T06:00:00Z",
        "2024-12-07",
    ];
    assert_eq!(resolutions(v2.clone(), &moments), resolutions(v1, &moments));

    // Migrating again changes nothing.
    assert_eq!(scenario_to_ron(&v2).unwrap(), text);
}

/// Copies the assets tree into `dir` (the scenario's documents are `../documents/..`).
fn copy_assets(dir: &Path) -> std::path::PathBuf {
    for sub in ["scenarios", "documents", "geo"] {
        let to = dir.join("assets").join(sub);
        std::fs::create_dir_all(&to).unwrap();
        for entry in std::fs::read_dir(Path::new(ASSETS).join(sub)).unwrap() {
            let entry = entry.unwrap();
            std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
    }
    // A copy of assets/ keeps its root marker, which lets the scenario read ../documents.
    std::fs::copy(
        Path::new(ASSETS).join("frontline-root"),
        dir.join("assets/frontline-root"),
    )
    .unwrap();
    dir.join("assets/scenarios/syria-2024-12.ron")
}

fn frontline(args: &[&std::ffi::OsStr]) -> std::process::Output {
    Command::new(binary())
        .args(args)
        .env("FRONTLINE_NO_CACHE", "1")
        .output()
        .unwrap()
}

#[test]
fn migrate_writes_next_to_the_original_or_to_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let original = copy_assets(dir.path());
    let out = original.with_file_name("syria-v2.ron");
    let output = frontline(&[
        "migrate".as_ref(),
        original.as_os_str(),
        "--out".as_ref(),
        out.as_os_str(),
    ]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let written = std::fs::read_to_string(&out).unwrap();
    assert!(
        written.starts_with("// Frontline scenario"),
        "leading comments kept"
    );
    assert!(written.contains("format_version: 2,"));
    let check = frontline(&["check".as_ref(), out.as_os_str()]);
    assert_eq!(check.status.code(), Some(0), "{check:?}");

    // Twice: the same bytes, whether from format 1 or from its own output.
    let again = frontline(&["migrate".as_ref(), out.as_os_str()]);
    assert_eq!(again.status.code(), Some(0));
    assert_eq!(String::from_utf8(again.stdout).unwrap(), written);
    let to_stdout = frontline(&[
        "migrate".as_ref(),
        original.as_os_str(),
        "--out".as_ref(),
        "-".as_ref(),
    ]);
    assert_eq!(String::from_utf8(to_stdout.stdout).unwrap(), written);

    // Elsewhere: the documents' paths follow.
    let elsewhere = dir.path().join("elsewhere.ron");
    let output = frontline(&[
        "migrate".as_ref(),
        original.as_os_str(),
        "--out".as_ref(),
        elsewhere.as_os_str(),
    ]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let text = std::fs::read_to_string(&elsewhere).unwrap();
    assert!(
        text.contains("\"assets/documents/syria-2024-12-07.txt\""),
        "{text}"
    );
    let check = frontline(&["check".as_ref(), elsewhere.as_os_str()]);
    assert_eq!(check.status.code(), Some(0), "{check:?}");
}

#[test]
fn a_broken_scenario_is_not_migrated() {
    let dir = tempfile::tempdir().unwrap();
    let original = copy_assets(dir.path());
    let text = std::fs::read_to_string(&original).unwrap();
    std::fs::write(&original, text.replacen("credibility:", "credibilty:", 1)).unwrap();
    let out = dir.path().join("out.ron");
    let output = frontline(&[
        "migrate".as_ref(),
        original.as_os_str(),
        "--out".as_ref(),
        out.as_os_str(),
    ]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("unknown field `credibilty` in claim; did you mean `credibility`?"),
        "{stderr}"
    );
    assert!(
        stderr.starts_with(&format!("{}:", original.display())),
        "{stderr}"
    );
    assert!(!out.exists());
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "nothing else written"
    );
}
