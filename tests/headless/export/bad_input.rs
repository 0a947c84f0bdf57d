//! `frontline export` given bad options: a clear error, and no file left behind.

use super::{AT, MINI, files_in, frontline};

#[test]
fn bad_input_is_a_clear_error_and_leaves_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("map.png");
    let out = out.to_str().unwrap();
    let missing = dir.path().join("no-such-folder").join("map.png");
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec!["--at", AT, "--layers", "territory,rutes"],
            "<--layers>:1:1: unknown layer \"rutes\" (did you mean \"routes\"?)",
        ),
        (vec!["--at", AT, "--bbox", "36,33,35"], "<--bbox>:1:1:"),
        (
            vec!["--at", AT, "--bbox", "40,33,35,35"],
            "west must be less than east",
        ),
        (vec!["--at", AT, "--size", "big"], "<--size>:1:1:"),
        (vec!["--at", AT, "--size", "0x100"], "<--size>:1:1:"),
        (
            vec!["--at", "2030-01-01"],
            "<--at>:1:1: 2030-01-01 (2030-01-01T23:59:59+03:00) is after the scenario's \
             evidence goes stale (last claim 2024-12-07T01:30:00+03:00, freshness 72 h",
        ),
        (vec!["--at", "someday"], "<--at>:1:1:"),
        (
            vec!["--at", AT, "--assume", "hamlet=navy"],
            "<--assume>:1:1: unknown faction",
        ),
        (
            vec!["--at", AT, "--since", "2024-12-08T12:00:00Z"],
            "<--since>:1:1:",
        ),
        (
            vec![
                "--every",
                "1d",
                "--from",
                "2024-12-05",
                "--to",
                "2031-01-01",
            ],
            "<--to>:1:1:",
        ),
        (
            vec![
                "--every",
                "1w",
                "--from",
                "2024-12-05",
                "--to",
                "2024-12-07",
            ],
            "<--every>:1:1:",
        ),
    ];
    for (extra, expected) in cases {
        let mut args = vec!["export", MINI, "--format", "png", "--out", out];
        args.extend(&extra);
        let (code, _, stderr) = frontline(&args);
        assert_eq!(code, 2, "{extra:?}");
        assert!(stderr.contains(expected), "{extra:?}: {stderr}");
        assert!(files_in(dir.path()).is_empty(), "{extra:?} left a file");
    }
    let (code, _, stderr) = frontline(&[
        "export",
        MINI,
        "--at",
        AT,
        "--format",
        "png",
        "--out",
        missing.to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(stderr.contains("<--out>:1:1: cannot write in"), "{stderr}");
    let (code, _, stderr) = frontline(&[
        "export",
        MINI,
        "--at",
        AT,
        "--format",
        "md",
        "--out",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(stderr.contains("is a folder"), "{stderr}");
    assert!(files_in(dir.path()).is_empty());
    let (code, _, stderr) = frontline(&["open", "tests/fixtures/mini.ron", "--print"]);
    assert_eq!(code, 2, "a scenario is not a snapshot: {stderr}");
}
