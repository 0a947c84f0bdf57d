//! Bulk claims (JSON lines) load to the same scenario as the RON file they came
//! from, and their problems are reported at their own file and line.

use frontline::io::load_scenario_with_claims;
use frontline::synthetic::write_bulk_dir;

use crate::common::mini_scenario;

#[test]
fn bulk_claims_load_like_ron_claims() {
    let scenario = mini_scenario();
    let dir = tempfile::tempdir().unwrap();
    let (ron, jsonl) = write_bulk_dir(&scenario, dir.path()).unwrap();
    let loaded = load_scenario_with_claims(&ron, &jsonl).unwrap_or_else(|err| panic!("{err}"));
    assert_eq!(loaded, scenario);
}

#[test]
fn bulk_problems_are_located_in_the_claims_file() {
    let scenario = mini_scenario();
    let dir = tempfile::tempdir().unwrap();
    let (ron, jsonl) = write_bulk_dir(&scenario, dir.path()).unwrap();
    let mut text = std::fs::read_to_string(&jsonl).unwrap();
    let lines = text.lines().count();
    let mut bad = scenario.claims[0].clone();
    bad.id = "bad-claim".into();
    bad.subject = frontline::model::Subject::Place("atlantis".into());
    text.push_str(&serde_json::to_string(&bad).unwrap());
    text.push_str("\nnot json\n");
    std::fs::write(&jsonl, text).unwrap();
    let err = load_scenario_with_claims(&ron, &jsonl).unwrap_err();
    let file = jsonl.display().to_string();
    assert!(
        err.diagnostics
            .iter()
            .any(|d| d.file == file && d.line == lines + 2 && d.message.contains("not a claim")),
        "{err}"
    );
    // Unparseable lines stop the load before validation; fix it and see the reference.
    let text = std::fs::read_to_string(&jsonl)
        .unwrap()
        .replace("not json\n", "");
    std::fs::write(&jsonl, text).unwrap();
    let err = load_scenario_with_claims(&ron, &jsonl).unwrap_err();
    assert!(
        err.diagnostics.iter().any(|d| d.file == file
            && d.line == lines + 1
            && d.message.contains("unknown place \"atlantis\"")),
        "{err}"
    );
}
