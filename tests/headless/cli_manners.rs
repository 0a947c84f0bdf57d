//! Command-line manners: a closed pipe, standard input and output in place of files,
//! messages on standard error, completions and man pages, the JSON contract checked
//! against `docs/schemas/`, `list`, and ids given by name.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests may unwrap.

use crate::json_schema;

use std::io::{BufRead as _, BufReader, Read as _};
use std::process::{Command, Stdio};

use serde_json::Value;

use crate::common::{binary, frontline, frontline_with, json};

const MINI: &str = "tests/fixtures/mini.ron";

fn assert_follows_schema(schema_file: &str, value: &Value) {
    let text = std::fs::read_to_string(format!("docs/schemas/{schema_file}")).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    let problems = json_schema::problems(&schema, value);
    assert!(problems.is_empty(), "{schema_file}: {problems:#?}");
}

#[test]
fn a_closed_pipe_ends_quietly() {
    // Over 200 kB, more than a pipe holds: the writer is still writing when the reader
    // goes away after one line.
    let mut child = Command::new(binary())
        .args(["resolve", "--at", "2024-12-07", "--format", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    assert_eq!(first, "{\n");
    drop(stdout);
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(stderr, "");
}

#[test]
fn out_dash_writes_to_stdout() {
    let (code, brief, stderr) = frontline(&[
        "export",
        MINI,
        "--at",
        "2024-12-07",
        "--format",
        "md",
        "--out",
        "-",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(brief.starts_with('#'), "{brief}");
    assert!(!std::path::Path::new("-").exists());
    assert_eq!(stderr, "", "no 'wrote' for standard output");

    let (code, png, stderr) = frontline_with(
        &[
            "export",
            MINI,
            "--at",
            "2024-12-07",
            "--format",
            "png",
            "--size",
            "64x48",
            "--out",
            "-",
        ],
        b"",
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));

    let (code, _, stderr) = frontline(&["export", MINI, "--at", "2024-12-07", "--out", "-"]);
    assert_eq!(code, 2);
    assert!(stderr.starts_with("<--out>:1:1: "), "{stderr}");
}

#[test]
fn the_format_follows_the_out_extension() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("map.svg");
    let out = out.to_str().unwrap();
    let (code, stdout, stderr) = frontline(&[
        "export",
        MINI,
        "--at",
        "2024-12-07",
        "--size",
        "64x48",
        "--out",
        out,
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stdout, "", "messages are not data");
    assert!(stderr.starts_with("wrote "), "{stderr}");
    assert!(std::fs::read_to_string(out).unwrap().contains("<svg"));

    let (code, stdout, stderr) = frontline(&[
        "export",
        MINI,
        "--at",
        "2024-12-07",
        "--out",
        out,
        "--quiet",
    ]);
    assert_eq!((code, stdout.as_str(), stderr.as_str()), (0, "", ""));

    let notes = dir.path().join("notes.txt");
    let (code, _, stderr) = frontline(&[
        "export",
        MINI,
        "--at",
        "2024-12-07",
        "--out",
        notes.to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(
        stderr.starts_with("<--out>:1:1: cannot tell the format"),
        "{stderr}"
    );
    assert!(!notes.exists());
}

#[test]
fn dash_reads_the_scenario_from_stdin() {
    let text = std::fs::read(MINI).unwrap();
    let args = [
        "resolve",
        "-",
        "--base-dir",
        "tests/fixtures",
        "--at",
        "2024-12-07",
    ];
    let (code, from_stdin, stderr) = frontline_with(&args, &text);
    assert_eq!(code, 0, "{stderr}");
    let (_, from_file, _) = frontline(&["resolve", MINI, "--at", "2024-12-07"]);
    assert_eq!(String::from_utf8(from_stdin).unwrap(), from_file);

    // Without --base-dir, documents are looked for in the current folder.
    let (code, _, stderr) = frontline_with(&["check", "-"], &text);
    assert_eq!(code, 2);
    assert!(stderr.starts_with("<stdin>:"), "{stderr}");
    assert!(stderr.contains("mini.txt"), "{stderr}");

    let (code, _, stderr) = frontline(&["check", MINI, "--base-dir", "tests"]);
    assert_eq!(code, 2);
    assert!(stderr.starts_with("<--base-dir>:1:1: "), "{stderr}");
}

#[test]
fn completions_and_man_pages() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let (code, script, stderr) = frontline(&["completions", shell]);
        assert_eq!(code, 0, "{shell}: {stderr}");
        assert!(script.contains("resolve"), "{shell}");
    }
    let (code, page, stderr) = frontline(&["man"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        page.starts_with(".ie") && page.contains(".TH frontline 1"),
        "{page}"
    );
    assert!(page.contains("resolve"));

    let dir = tempfile::tempdir().unwrap();
    let (code, stdout, stderr) = frontline(&["man", "--out", dir.path().to_str().unwrap()]);
    assert_eq!((code, stdout.as_str()), (0, ""), "{stderr}");
    let resolve = std::fs::read_to_string(dir.path().join("frontline-resolve.1")).unwrap();
    assert!(resolve.contains("\\-\\-perspective"), "{resolve}");
    assert!(dir.path().join("frontline.1").exists());
    let pages = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(
        stderr.lines().count(),
        pages,
        "one 'wrote' per page: {stderr}"
    );
    assert!(pages > 5, "a page per command");
}

#[test]
fn json_outputs_follow_their_schemas() {
    let at = ["--at", "2024-12-07", "--format", "json"];
    let resolve = json(&[&["resolve", MINI][..], &at].concat());
    assert_eq!(resolve["format_version"], 1);
    assert_follows_schema("resolve.schema.json", &resolve);
    let default = json(&[&["resolve"][..], &at].concat());
    assert_follows_schema("resolve.schema.json", &default);
    let routes = json(&[&["routes"][..], &at].concat());
    assert_eq!(routes["format_version"], 1);
    assert_follows_schema("routes.schema.json", &routes);

    let dir = tempfile::tempdir().unwrap();
    let snapshot = dir.path().join("s.ron");
    let snapshot = snapshot.to_str().unwrap();
    let (code, _, stderr) = frontline(&["export", MINI, "--at", "2024-12-07", "--out", snapshot]);
    assert_eq!(code, 0, "{stderr}");
    let printed = json(&["open", snapshot, "--print", "--format", "json"]);
    assert_follows_schema("resolve.schema.json", &printed);
    assert_eq!(printed, resolve);

    for what in ["sources", "places", "factions"] {
        let list = json(&["list", what, "--format", "json"]);
        assert_follows_schema("list.schema.json", &list);
        let ids: Vec<&str> = list[what]
            .as_array()
            .unwrap()
            .iter()
            .map(|item| item["id"].as_str().unwrap())
            .collect();
        assert!(!ids.is_empty(), "{what}");
        assert!(ids.windows(2).all(|w| w[0] < w[1]), "{what} sorted by id");
    }
}

#[test]
fn the_checker_catches_a_broken_report() {
    let text = std::fs::read_to_string("docs/schemas/list.schema.json").unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    let broken = serde_json::json!({
        "format_version": 2,
        "places": [{"id": "x", "name": "X", "kind": "city", "aliases": "Y"}],
    });
    let problems = json_schema::problems(&schema, &broken);
    assert_eq!(problems.len(), 3, "{problems:#?}");
}

#[test]
fn lists_are_tables_by_default() {
    let (code, table, stderr) = frontline(&["list", "factions", MINI]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        table,
        "id      short   kind             name\n\
         army    Army    government       The army\n\
         rebels  Rebels  rebel_coalition  The rebels\n"
    );
    let (_, places, _) = frontline(&["list", "places", MINI]);
    assert!(
        places.contains("northtown  city     north-gov    Northtown  Nortown\n"),
        "{places}"
    );
}

#[test]
fn ids_may_be_given_by_name_in_any_case() {
    let at = ["--at", "2024-12-07", "--format", "json"];
    let report = json(
        &[
            &[
                "resolve",
                "--assume",
                "Homs=Rebels",
                "--assume",
                "deraa=rebels",
            ][..],
            &["--perspective", "source:Reuters"],
            &at,
        ]
        .concat(),
    );
    assert_eq!(report["perspective"], "source:reuters");
    let place = |id: &str| {
        report["places"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["id"] == id)
            .unwrap()
            .clone()
    };
    for id in ["homs", "daraa"] {
        assert_eq!(place(id)["controller"], "rebels", "{id}");
        assert_eq!(place(id)["status"], "assumed", "{id}");
    }
    let routes = json(&[&["routes", "--faction", "SDF"][..], &at].concat());
    let links = routes["connectivity"].as_array().unwrap();
    assert!(!links.is_empty() && links.iter().all(|link| link["faction"] == "sdf"));

    // Two places called Hamlet: the name is ambiguous, the ids are not.
    let text = std::fs::read_to_string(MINI).unwrap().replace(
        "        (id: \"hamlet\",",
        "        (id: \"hamlet-east\", name: \"Hamlet\", lon: 36.5, lat: 33.2, population: 0, \
         kind: village, governorate: \"south-gov\"),\n        (id: \"hamlet\",",
    );
    let base = ["--base-dir", "tests/fixtures", "--at", "2024-12-07"];
    let args = [&["resolve", "-", "--assume", "HAMLET=army"][..], &base].concat();
    let (code, _, stderr) = frontline_with(&args, text.as_bytes());
    assert_eq!(code, 2);
    assert_eq!(
        stderr,
        "<--assume>:1:1: \"HAMLET\" could be the place \"hamlet\" (Hamlet) or \
         \"hamlet-east\" (Hamlet); give its id\n"
    );
    let args = [&["resolve", "-", "--assume", "hamlet-east=army"][..], &base].concat();
    let (code, _, stderr) = frontline_with(&args, text.as_bytes());
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn window_flags_stay_with_the_window() {
    let (_, help, _) = frontline(&["check", "--help"]);
    assert!(!help.contains("--renderer"), "{help}");
    assert!(help.contains("--no-cache"), "{help}");
    let (_, help, _) = frontline(&["completions", "--help"]);
    assert!(
        !help.contains("--renderer") && !help.contains("--no-cache"),
        "{help}"
    );
    let (_, help, _) = frontline(&["--help"]);
    assert!(help.contains("--renderer"), "{help}");
    let (code, _, _) = frontline(&["--renderer", "glow", "check"]);
    assert_eq!(code, 2);
}
