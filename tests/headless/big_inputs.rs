//! Inputs far too big or too broken: a problem on each of millions of lines is counted
//! after the first 200 instead of listed (a 10-million-line claims file of `{}` took
//! 2.4 GB and printed 10 million lines), and a 1 GB scenario file is refused before it
//! is read. Each run of the binary is under a 1 GB memory limit.

use std::path::Path;

use frontline::io::{MAX_DIAGNOSTICS, load_scenario_with_claims};
use frontline::synthetic::write_bulk_dir;

use crate::common::limited;

fn mini_in(dir: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini.ron");
    let scenario = frontline::io::load_scenario_file(&path).unwrap();
    write_bulk_dir(&scenario, dir).unwrap()
}

#[test]
fn two_million_broken_claim_lines_are_counted_not_listed() {
    let dir = tempfile::tempdir().unwrap();
    let (ron, _) = mini_in(dir.path());
    let claims = dir.path().join("broken.jsonl");
    let lines = 2_000_000;
    std::fs::write(&claims, "{}\n".repeat(lines)).unwrap();
    let (code, _, stderr) = limited(&[
        "check",
        ron.to_str().unwrap(),
        "--claims",
        claims.to_str().unwrap(),
    ]);
    assert_eq!(code, 2, "{}", &stderr[..stderr.len().min(2000)]);
    let printed: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains("broken.jsonl:"))
        .collect();
    assert_eq!(printed.len(), MAX_DIAGNOSTICS + 1, "{:?}", &printed[..3]);
    let last = printed[MAX_DIAGNOSTICS];
    assert!(
        last.contains(&format!(":{}:", MAX_DIAGNOSTICS + 1))
            && last.contains(&format!("{} more problems", lines - MAX_DIAGNOSTICS)),
        "{last}"
    );
}

#[test]
fn a_problem_in_every_one_of_thousands_of_claims_is_counted_once_past_the_cap() {
    let dir = tempfile::tempdir().unwrap();
    let (ron, jsonl) = mini_in(dir.path());
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini.ron");
    let template = frontline::io::load_scenario_file(&path).unwrap().claims[0].clone();
    let count = 5_000;
    let mut text = std::fs::read_to_string(&jsonl).unwrap();
    let before = text.lines().count();
    for n in 0..count {
        let mut claim = template.clone();
        claim.id = format!("lost-{n}");
        claim.subject = frontline::model::Subject::Place("atlantis".into());
        text.push_str(&serde_json::to_string(&claim).unwrap());
        text.push('\n');
    }
    std::fs::write(&jsonl, text).unwrap();
    let err = load_scenario_with_claims(&ron, &jsonl).unwrap_err();
    assert_eq!(err.diagnostics.len(), MAX_DIAGNOSTICS + 1);
    let listed = &err.diagnostics[..MAX_DIAGNOSTICS];
    assert!(
        listed.iter().all(|d| d.message.contains("atlantis")),
        "{err}"
    );
    let last = &err.diagnostics[MAX_DIAGNOSTICS];
    assert!(
        last.message
            .starts_with(&format!("{} more problems", count - MAX_DIAGNOSTICS)),
        "{}",
        last.message
    );
    assert!(last.line > before, "{last:?}");
}

#[test]
fn a_one_gigabyte_scenario_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.ron");
    // Sparse: a gigabyte on paper, nothing on the disk.
    std::fs::File::create(&path)
        .unwrap()
        .set_len(1 << 30)
        .unwrap();
    let (code, _, stderr) = limited(&["check", path.to_str().unwrap()]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("huge.ron:") && stderr.contains("limit"),
        "{stderr}"
    );
}
