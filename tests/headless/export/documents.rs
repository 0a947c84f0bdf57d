//! `frontline export` to a RON snapshot (reopened with `frontline open`) and to a
//! Markdown brief.

use serde_json::Value;

use super::{AT, MINI, export, frontline, ok};

#[test]
fn ron_snapshot_reopens_the_same_view() {
    let dir = tempfile::tempdir().unwrap();
    let snap = dir.path().join("view.ron");
    let view = ["--perspective", "grade:C", "--assume", "hamlet=rebels"];
    let mut extra = view.to_vec();
    extra.extend([
        "--layers",
        "territory,places",
        "--bbox",
        "35.5,32,42.5,37.5",
    ]);
    export(Some(MINI), "ron", &snap, &extra);
    let first = std::fs::read_to_string(&snap).unwrap();
    export(Some(MINI), "ron", &snap, &extra);
    assert_eq!(
        std::fs::read_to_string(&snap).unwrap(),
        first,
        "stable output"
    );

    let snapshot = frontline::export::Snapshot::from_ron("view.ron", &first).unwrap();
    assert_eq!(snapshot.at, "2024-12-07T23:59:59+03:00");
    assert_eq!(snapshot.bbox_lonlat, Some([35.5, 32.0, 42.5, 37.5]));
    assert_eq!(snapshot.layers.to_list(), "territory,places");

    for format in ["json", "table"] {
        let mut resolve = vec!["resolve", MINI, "--at", AT, "--format", format];
        resolve.extend(view);
        let (code, reopened, stderr) = frontline(&[
            "open",
            snap.to_str().unwrap(),
            "--print",
            "--format",
            format,
        ]);
        assert_eq!(code, 0, "{stderr}");
        assert!(
            stderr.is_empty(),
            "no warning for an unchanged scenario: {stderr}"
        );
        assert_eq!(reopened, ok(&resolve));
    }

    // A changed scenario still opens, with a warning.
    let copy = dir.path().join("mini.ron");
    std::fs::copy(MINI, &copy).unwrap();
    std::fs::copy("tests/fixtures/mini.txt", dir.path().join("mini.txt")).unwrap();
    let moved = dir.path().join("moved.ron");
    export(Some(copy.to_str().unwrap()), "ron", &moved, &[]);
    let text = std::fs::read_to_string(&copy).unwrap() + "\n// edited\n";
    std::fs::write(&copy, text).unwrap();
    let (code, _, stderr) = frontline(&["open", moved.to_str().unwrap(), "--print"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("changed since the snapshot"), "{stderr}");

    let default = dir.path().join("default.ron");
    export(None, "ron", &default, &[]);
    let reopened = ok(&["open", default.to_str().unwrap(), "--print"]);
    assert_eq!(reopened, ok(&["resolve", "--at", AT]));
}

#[test]
fn brief_cites_every_claim_it_uses() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("brief.md");
    export(Some(MINI), "md", &out, &[]);
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(
        text.starts_with("# Situation as of Saturday 7 December 2024, 23:59:59 (UTC+03:00)"),
        "{text}"
    );
    assert!(text.contains("| North | The army | The army 100% |"));
    assert!(text.contains("- Southtown: The army (inferred) → The rebels (confirmed)"));
    let (body, references) = text.split_once("## References").unwrap();
    let listed: Vec<&str> = references
        .lines()
        .filter(|l| !l.trim().is_empty())
        .collect();
    for (n, line) in listed.iter().enumerate() {
        assert!(line.starts_with(&format!("{}. ", n + 1)), "{line}");
    }
    // Every citation mark resolves to a reference.
    for mark in body.split('[').skip(1).filter_map(|s| s.split_once(']')) {
        let n: usize = mark
            .0
            .parse()
            .unwrap_or_else(|_| panic!("uncited claim id [{}]", mark.0));
        assert!((1..=listed.len()).contains(&n), "[{n}] has no reference");
    }
    // Every claim a place counts is in the reference list, with its quote and document.
    let report: Value =
        serde_json::from_str(&ok(&["resolve", MINI, "--at", AT, "--format", "json"])).unwrap();
    let counted: usize = report["places"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["claims"].as_u64().unwrap() as usize)
        .sum();
    assert!(counted > 0);
    for id in [
        "b-all",
        "c-north-captured",
        "c-north-held",
        "c-south-withdrew",
        "c-mid-fighting",
    ] {
        assert!(references.contains(&format!("[{id}]")), "{id} not cited");
    }
    assert!(
        references
            .contains("\"Observers confirmed the army withdrew from Southtown\". Mini report")
    );
    assert!(body.contains("### Northtown: The army, contested"));

    export(Some(MINI), "md", &out, &["--since", AT]);
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("Nothing changed.")
    );
    export(None, "md", &out, &[]);
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("## References")
    );
}
