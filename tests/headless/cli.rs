//! The command line and its JSON contract, on the small fixture.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests may unwrap.

use serde_json::Value;

use crate::common::{frontline, json};

fn place<'a>(report: &'a Value, id: &str) -> &'a Value {
    report["places"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == id)
        .unwrap_or_else(|| panic!("no place {id}"))
}

#[test]
fn resolve_json_follows_the_contract() {
    let report = json(&[
        "resolve",
        "tests/fixtures/mini.ron",
        "--at",
        "2024-12-07",
        "--format",
        "json",
    ]);
    assert_eq!(report["at"], "2024-12-07T23:59:59+03:00");
    assert_eq!(report["perspective"], "all");
    let ids: Vec<&str> = report["places"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted, "places sorted by id");

    let southtown = place(&report, "southtown");
    assert_eq!(southtown["controller"], "rebels");
    assert_eq!(southtown["status"], "confirmed");
    assert_eq!(southtown["claims"], 2);
    assert_eq!(
        southtown["sources"],
        serde_json::json!(["baseline", "observers"])
    );
    assert_eq!(
        southtown["deciding"],
        serde_json::json!(["c-south-withdrew"])
    );
    let explanation = southtown["explanation"].as_str().unwrap();
    assert!(
        explanation.starts_with("Held by the rebels, confirmed") && !explanation.contains("c-"),
        "{explanation}"
    );

    let northtown = place(&report, "northtown");
    assert_eq!(northtown["status"], "contested");
    assert_eq!(
        northtown["deciding"],
        serde_json::json!(["c-north-captured", "c-north-held"])
    );
    let explanation = northtown["explanation"].as_str().unwrap();
    assert!(
        explanation.starts_with("Disputed: the rebels say they captured Northtown")
            && explanation.contains("the army says it held Northtown"),
        "{explanation}"
    );

    let region = report["regions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "south-gov")
        .unwrap();
    assert_eq!(region["dominant"], "rebels");
    assert_eq!(region["shares"]["rebels"], 1.0);
}

#[test]
fn before_the_period_the_baseline_holds() {
    let report = json(&[
        "resolve",
        "tests/fixtures/mini.ron",
        "--at",
        "2024-11-28",
        "--format",
        "json",
    ]);
    let southtown = place(&report, "southtown");
    assert_eq!(southtown["controller"], "army");
    assert_eq!(southtown["status"], "inferred");
    // Four days on, the 26 November baseline is older than the 72-hour window.
    let later = json(&[
        "resolve",
        "tests/fixtures/mini.ron",
        "--at",
        "2024-11-30",
        "--format",
        "json",
    ]);
    assert_eq!(place(&later, "southtown")["controller"], "army");
    assert_eq!(place(&later, "southtown")["status"], "stale");
    let before_any = json(&[
        "resolve",
        "tests/fixtures/mini.ron",
        "--at",
        "2024-11-01",
        "--format",
        "json",
    ]);
    assert_eq!(place(&before_any, "southtown")["status"], "unknown");
    assert_eq!(place(&before_any, "southtown")["controller"], Value::Null);
}

#[test]
fn perspectives_change_the_account() {
    let rebels = json(&[
        "resolve",
        "tests/fixtures/mini.ron",
        "--at",
        "2024-12-07",
        "--perspective",
        "source:rebels-said",
        "--format",
        "json",
    ]);
    assert_eq!(rebels["perspective"], "source:rebels-said");
    let northtown = place(&rebels, "northtown");
    assert_eq!(northtown["controller"], "rebels");
    assert_eq!(northtown["status"], "claimed");
    let graded = json(&[
        "resolve",
        "tests/fixtures/mini.ron",
        "--at",
        "2024-12-07",
        "--perspective",
        "grade:C",
        "--format",
        "json",
    ]);
    // Only the baseline and the observers remain: Northtown falls back to the baseline,
    // eleven days old by then (stale).
    assert_eq!(place(&graded, "northtown")["controller"], "army");
    assert_eq!(place(&graded, "northtown")["status"], "stale");
    let (code, _, stderr) = frontline(&[
        "resolve",
        "tests/fixtures/mini.ron",
        "--at",
        "2024-12-07",
        "--perspective",
        "source:rebel-said",
    ]);
    assert_eq!(code, 2);
    assert!(stderr.contains("did you mean \"rebels-said\""), "{stderr}");
}

#[test]
fn routes_json_follows_the_contract() {
    let report = json(&[
        "routes",
        "tests/fixtures/mini.ron",
        "--at",
        "2024-12-07",
        "--format",
        "json",
    ]);
    let road = &report["routes"][0];
    assert_eq!(road["id"], "road");
    assert_eq!(road["segments"][0]["from"], "northtown");
    assert_eq!(road["segments"][0]["to"], "midtown");
    // Northtown and Midtown are both the army's (contested); Southtown is the rebels'.
    assert_eq!(road["segments"][0]["holder"], "army");
    assert_eq!(road["segments"][1]["holder"], Value::Null);
    // Every faction holding a place is answered, sorted, whoever holds the start.
    let links = report["connectivity"].as_array().unwrap();
    let factions: Vec<&str> = links
        .iter()
        .map(|l| l["faction"].as_str().unwrap())
        .collect();
    assert_eq!(factions, ["army", "rebels"]);
    assert!(
        links
            .iter()
            .all(|l| l["from"] == "southtown" && l["to"] == "northtown")
    );
    assert!(links.iter().all(|l| l["connected"] == false));
    assert_eq!(report["perspective"], "all");
    assert_eq!(road["segments"][1]["front_line"], true);
    assert_eq!(road["segments"][0]["front_line"], false);
}

#[test]
fn routes_answer_one_faction_under_a_perspective() {
    let routes = |extra: &[&str]| {
        let mut args = vec![
            "routes",
            "tests/fixtures/mini.ron",
            "--at",
            "2024-12-07",
            "--format",
            "json",
        ];
        args.extend_from_slice(extra);
        json(&args)
    };
    let army = routes(&["--faction", "army"]);
    let links = army["connectivity"].as_array().unwrap();
    assert_eq!(links.len(), 1);
    assert_eq!(links[0]["faction"], "army");
    // With every source, the rebels hold Southtown: the army cannot travel.
    assert_eq!(links[0]["connected"], false);
    // As the army tells it, it holds the whole road.
    let as_army = routes(&["--faction", "army", "--perspective", "source:army-said"]);
    assert_eq!(as_army["perspective"], "source:army-said");
    assert_eq!(as_army["connectivity"][0]["connected"], true);
    let (code, _, stderr) = frontline(&[
        "routes",
        "tests/fixtures/mini.ron",
        "--at",
        "2024-12-07",
        "--faction",
        "rebel",
    ]);
    assert_eq!(code, 2);
    assert!(stderr.contains("did you mean \"rebels\""), "{stderr}");
}

#[test]
fn what_if_reconnects_a_road() {
    let report = json(&[
        "routes",
        "tests/fixtures/mini.ron",
        "--at",
        "2024-12-07",
        "--assume",
        "midtown=rebels",
        "--assume",
        "northtown=rebels",
        "--format",
        "json",
    ]);
    let rebels = report["connectivity"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["faction"] == "rebels")
        .unwrap();
    assert_eq!(rebels["connected"], true);
    assert_eq!(report["routes"][0]["severed_for"], serde_json::json!([]));
}

#[test]
fn output_is_deterministic() {
    let args = [
        "resolve",
        "tests/fixtures/mini.ron",
        "--at",
        "2024-12-07",
        "--format",
        "json",
    ];
    assert_eq!(frontline(&args).1, frontline(&args).1);
}

#[test]
fn tables_are_readable() {
    let (code, stdout, _) =
        frontline(&["resolve", "tests/fixtures/mini.ron", "--at", "2024-12-07"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("Southtown") && stdout.contains("confirmed"));
    let (code, stdout, _) = frontline(&["routes", "tests/fixtures/mini.ron", "--at", "2024-12-07"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("(front line)") && stdout.contains("CUT"));
}

#[test]
fn a_what_if_is_marked_hypothetical_in_json_and_tables() {
    for command in ["resolve", "routes"] {
        let plain = json(&[
            command,
            "tests/fixtures/mini.ron",
            "--at",
            "2024-12-07",
            "--format",
            "json",
        ]);
        assert_eq!(plain["hypothetical"], false, "{command}");
        assert_eq!(plain["assume"], serde_json::json!({}), "{command}");
        let what_if = json(&[
            command,
            "tests/fixtures/mini.ron",
            "--at",
            "2024-12-07",
            "--assume",
            "hamlet=rebels",
            "--format",
            "json",
        ]);
        assert_eq!(what_if["hypothetical"], true, "{command}");
        assert_eq!(what_if["assume"]["hamlet"], "rebels", "{command}");
        let (code, table, _) = frontline(&[
            command,
            "tests/fixtures/mini.ron",
            "--at",
            "2024-12-07",
            "--assume",
            "hamlet=rebels",
        ]);
        assert_eq!(code, 0);
        assert!(
            table.contains("HYPOTHETICAL: Hamlet held by The rebels; no claim says so."),
            "{command}: {table}"
        );
        let sentence = table
            .lines()
            .find(|l| l.starts_with("HYPOTHETICAL"))
            .unwrap();
        assert!(
            !sentence.contains("hamlet") && !sentence.contains("by rebels"),
            "names, not ids, in the sentence: {sentence}"
        );
        let (_, table, _) = frontline(&[command, "tests/fixtures/mini.ron", "--at", "2024-12-07"]);
        assert!(!table.contains("HYPOTHETICAL"), "{command}: {table}");
    }
}
