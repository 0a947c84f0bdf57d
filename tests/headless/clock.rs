//! One clock: a bare date, a local time and an RFC 3339 time mean the same moment in
//! the command line, the window and every export, in the scenario's time zone; times
//! are never rounded; moments after the evidence goes stale are refused alike.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests may unwrap.

use std::path::{Path, PathBuf};

use clap::Parser as _;
use frontline::cli::{Cli, try_run};
use frontline::model::{Moment, parse_offset};
use frontline::ui::{Command as UiCommand, FrontlineApp, State, format};
use proptest::prelude::*;
use serde_json::Value;

use crate::common::frontline;

const MINI: &str = "tests/fixtures/mini.ron";

/// Runs a command in this process, as `frontline ARGS` would, returning its output.
fn run(args: &[&str]) -> String {
    let mut argv = vec!["frontline"];
    argv.extend(args);
    let cli = Cli::try_parse_from(&argv).unwrap();
    try_run(&cli.command.unwrap()).unwrap_or_else(|err| panic!("{args:?}: {err}"))
}

/// The mini fixture with its `utc_offset` replaced, written in `dir`.
fn mini_in_zone(dir: &Path, utc_offset: &str) -> PathBuf {
    let text = std::fs::read_to_string(MINI).unwrap();
    assert!(text.contains("utc_offset: \"+03:00\""));
    let text = text.replace(
        "utc_offset: \"+03:00\"",
        &format!("utc_offset: \"{utc_offset}\""),
    );
    let path = dir.join("mini.ron");
    std::fs::write(&path, text).unwrap();
    std::fs::copy("tests/fixtures/mini.txt", dir.join("mini.txt")).unwrap();
    path
}

/// The text of the SVG map's "as of" heading.
fn svg_heading(svg: &str) -> &str {
    let start = svg
        .find("id=\"as-of\"")
        .expect("the map has an as-of heading");
    let text = &svg[start..];
    let open = text.find('>').unwrap() + 1;
    let close = text.find("</text>").unwrap();
    &text[open..close]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    /// A bare date is 23:59:59 of that day in the scenario's zone, identically in
    /// `resolve`, in the window after picking that date, in a RON snapshot and in the
    /// SVG map's heading.
    #[test]
    fn a_bare_date_is_the_same_moment_everywhere(
        zone in prop::sample::select(vec!["-05:30", "Z", "+03:00", "+05:45", "-10:00"]),
        day in 0i64..20,
    ) {
        let dir = tempfile::tempdir().unwrap();
        let file = mini_in_zone(dir.path(), zone);
        let file_arg = file.to_str().unwrap();
        let date = jiff::civil::date(2024, 11, 20) + jiff::Span::new().days(day);
        let date_arg = date.to_string();
        let suffix = if zone == "Z" { "Z" } else { zone };
        let expected = format!("{date_arg}T23:59:59{suffix}");

        // The command line.
        let report: Value = serde_json::from_str(&run(&[
            "resolve", file_arg, "--at", &date_arg, "--format", "json",
        ]))
        .unwrap();
        prop_assert_eq!(report["at"].as_str(), Some(expected.as_str()));

        // The window, after picking that date with the date pickers' function.
        let scenario = frontline::cli::load(Some(&file)).unwrap();
        let offset = parse_offset(zone).unwrap();
        let mut app = FrontlineApp::with_state(scenario, State::default());
        app.queue(UiCommand::SetTime(format::end_of_date(date, offset)));
        app.apply_queued(&egui::Context::default());
        let shown = Moment::from_unix_secs(app.now_secs());
        prop_assert_eq!(shown.to_rfc3339(offset), expected.clone());
        prop_assert_eq!(app.time_notice(), None);
        for place in ["southtown", "northtown", "midtown", "hamlet"] {
            let in_report = report["places"]
                .as_array()
                .unwrap()
                .iter()
                .find(|p| p["id"] == place)
                .unwrap()["controller"]
                .as_str();
            prop_assert_eq!(app.controller_of(place), in_report, "{}", place);
        }

        // The exports: the snapshot's time and the print map's heading.
        let snap = dir.path().join("view.ron");
        run(&["export", file_arg, "--at", &date_arg, "--format", "ron", "--out", snap.to_str().unwrap()]);
        let snapshot = frontline::export::Snapshot::from_ron(
            "view.ron",
            &std::fs::read_to_string(&snap).unwrap(),
        )
        .unwrap();
        prop_assert_eq!(&snapshot.at, &expected);
        let svg = dir.path().join("map.svg");
        run(&[
            "export", file_arg, "--at", &date_arg, "--format", "svg", "--size", "640x360",
            "--out", svg.to_str().unwrap(),
        ]);
        let svg = std::fs::read_to_string(&svg).unwrap();
        let zone_words = if zone == "Z" { "UTC".to_owned() } else { format!("UTC{zone}") };
        let words = format!("As of {}, 23:59:59 ({zone_words})", date.strftime("%A %-d %B %Y"));
        let heading = svg_heading(&svg);
        prop_assert!(heading.starts_with(&words), "{} does not start with {}", heading, words);
    }
}

#[test]
fn the_print_map_is_headed_with_the_local_end_of_the_day() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("map.svg");
    let (code, _, stderr) = frontline(&[
        "export",
        MINI,
        "--at",
        "2024-12-07",
        "--format",
        "svg",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    let svg = std::fs::read_to_string(&out).unwrap();
    assert_eq!(
        svg_heading(&svg),
        "As of Saturday 7 December 2024, 23:59:59 (UTC+03:00) · Perspective: all sources"
    );
}

#[test]
fn a_time_without_offset_is_local_and_differs_from_the_end_of_the_day() {
    let resolve = |at: &str| -> Value {
        serde_json::from_str(&run(&["resolve", "--at", at, "--format", "json"])).unwrap()
    };
    let homs = |report: &Value| {
        report["places"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["id"] == "homs")
            .unwrap()
            .clone()
    };
    // The default scenario is in +03:00: 18:00 local is 15:00Z.
    let six = resolve("2024-12-06T18:00");
    assert_eq!(six["at"], "2024-12-06T18:00:00+03:00");
    let same = resolve("2024-12-06T15:00:00Z");
    assert_eq!(same["at"], "2024-12-06T18:00:00+03:00");
    assert_eq!(six, same);
    // Not the end of that day: by then Homs is contested.
    let end = resolve("2024-12-06");
    assert_eq!(end["at"], "2024-12-06T23:59:59+03:00");
    // At 18:00 nothing newer than the 26 November baseline says who holds Homs (stale);
    // by the end of the day the rebels are "at the walls" (late Friday: contested).
    assert_eq!(homs(&six)["status"], "stale");
    assert_eq!(homs(&end)["status"], "contested");
}

#[test]
fn malformed_times_are_located_errors() {
    for at in [
        "2024-12-06T18",
        "2024-12-06 18:00",
        "2024-12-06T18:00:00.5Z",
        "7 Dec 2024",
        "2024-02-30",
    ] {
        for command in ["resolve", "routes"] {
            let (code, stdout, stderr) = frontline(&[command, MINI, "--at", at]);
            assert_eq!(code, 2, "{command} --at {at}: {stdout}");
            assert!(
                stderr.starts_with(&format!("<--at>:1:1: {at:?} is not a time")),
                "{stderr}"
            );
            assert!(
                stderr.contains("2024-12-07T18:00"),
                "names the forms: {stderr}"
            );
        }
    }
}

#[test]
fn moments_after_the_evidence_goes_stale_are_refused_by_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("map.png");
    let expected = "<--at>:1:1: 2030-01-01 (2030-01-01T23:59:59+03:00) is after the scenario's \
                    evidence goes stale (last claim 2024-12-07T01:30:00+03:00, freshness 72 h";
    let export = [
        "export",
        MINI,
        "--at",
        "2030-01-01",
        "--format",
        "png",
        "--out",
        out.to_str().unwrap(),
    ];
    for args in [
        &["resolve", MINI, "--at", "2030-01-01"][..],
        &["routes", MINI, "--at", "2030-01-01"][..],
        &export[..],
    ] {
        let (code, stdout, stderr) = frontline(args);
        assert_eq!(code, 2, "{args:?}: {stdout}");
        assert!(stderr.starts_with(expected), "{args:?}: {stderr}");
    }
    assert!(!out.exists());
    // The last moment accepted: the last claim plus 72 hours.
    let (code, _, stderr) = frontline(&["resolve", MINI, "--at", "2024-12-10T01:30"]);
    assert_eq!(code, 0, "{stderr}");
    let (code, _, stderr) = frontline(&["resolve", MINI, "--at", "2024-12-10T01:30:01"]);
    assert_eq!(code, 2, "{stderr}");

    // A snapshot whose moment is past it is refused by open --print, and opened in the
    // window clamped, with a notice.
    let snap = dir.path().join("view.ron");
    let copy = mini_in_zone(dir.path(), "+03:00");
    let snap_arg = snap.to_str().unwrap();
    run(&[
        "export",
        copy.to_str().unwrap(),
        "--at",
        "2024-12-07",
        "--format",
        "ron",
        "--out",
        snap_arg,
    ]);
    let text = std::fs::read_to_string(&snap).unwrap();
    let text = text.replace("2024-12-07T23:59:59+03:00", "2030-01-01T12:00:00+03:00");
    std::fs::write(&snap, text).unwrap();
    let (code, _, stderr) = frontline(&["open", snap_arg, "--print"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("2030-01-01T12:00:00+03:00 is after the scenario's evidence goes stale"),
        "{stderr}"
    );
    let mut app =
        FrontlineApp::with_state(frontline::cli::load(Some(&copy)).unwrap(), State::default());
    app.open_path(&snap).unwrap();
    let shown = Moment::from_unix_secs(app.now_secs());
    let offset = app.world.scenario().offset();
    assert_eq!(shown.to_rfc3339(offset), "2024-12-10T01:30:00+03:00");
    assert_eq!(
        app.time_notice().as_deref(),
        Some("Showing 10 Dec 2024, 01:30: the scenario's evidence goes stale after that")
    );
}
