//! Unknown fields are errors, in format 1 files too and in bulk JSON lines, located at
//! the field's name with the closest known name suggested.

use super::{MINI, MINI_TEXT, only_error, position_of};

fn replaced(from: &str, to: &str) -> String {
    assert!(MINI.contains(from), "fixture lacks {from}");
    MINI.replacen(from, to, 1)
}

#[test]
fn unknown_fields_are_errors_with_the_closest_name() {
    let text = replaced(
        "counterpart: Some(\"army\"), source: \"rebels-said\"",
        "counterparty: Some(\"army\"), source: \"rebels-said\"",
    );
    let (line, col, message) = only_error(&text);
    assert_eq!((line, col), position_of(&text, "counterparty"));
    assert_eq!(
        message,
        "unknown field `counterparty` in claim; did you mean `counterpart`?"
    );

    // A format 1 file: a misspelt note is not silently dropped.
    let text = replaced("credibility: 2),", "credibility: 2, notes: Some(\"x\")),");
    let (line, col, message) = only_error(&text);
    assert_eq!((line, col), position_of(&text, "notes:"));
    assert_eq!(
        message,
        "unknown field `notes` in claim; did you mean `note`?"
    );

    let text = replaced("(from: \"southtown\"", "(form: \"southtown\"");
    let (_, _, message) = only_error(&text);
    assert_eq!(
        message,
        "unknown field `form` in key connection; did you mean `from`?"
    );

    // Format 2 claims have no `source` to suggest.
    let text =
        super::mini_v2().replacen("originators: [\"observers\"]", "sourse: [\"observers\"]", 1);
    let (_, _, message) = only_error(&text);
    assert!(!message.contains("did you mean `source`"), "{message}");
    assert!(
        message.starts_with("unknown field `sourse` in claim"),
        "{message}"
    );
}

#[test]
fn unknown_fields_in_bulk_claims_are_errors_at_their_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("mini.txt"), MINI_TEXT).unwrap();
    let scenario = dir.path().join("mini.ron");
    std::fs::write(&scenario, MINI).unwrap();
    let claims = dir.path().join("claims.jsonl");
    let good = r#"{"id":"bulk-1","subject":{"Place":"hamlet"},"assertion":"Holds","actor":"army","source":"baseline","when":{"at":"2024-11-26","precision":"day"},"credibility":3}"#;
    let bad = good
        .replace("bulk-1", "bulk-2")
        .replace("\"credibility\"", "\"credibilty\"");
    std::fs::write(&claims, format!("{good}\n\n{bad}\n")).unwrap();
    let err =
        frontline::io::load_scenario_cached(&scenario, Some(&claims), &frontline::io::Cache::off())
            .unwrap_err();
    assert_eq!(err.diagnostics.len(), 1, "{err}");
    let col = bad.find("\"credibilty\"").unwrap() + 2;
    assert_eq!(
        err.to_string(),
        format!(
            "{}:3:{col}: unknown field `credibilty` in claim; did you mean `credibility`?",
            claims.display()
        )
    );
}
