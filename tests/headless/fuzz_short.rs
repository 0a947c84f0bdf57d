//! CI's short fuzzing: every fuzz target ([`frontline::fuzzing::Target`]) fed a few
//! hundred inputs mutated from its seed corpus `fuzz/corpus/TARGET/` (byte flips and
//! sets, inserted tokens, deleted, duplicated and swapped lines, truncations), checking
//! the same invariants as the long AFL++ runs of `scripts/fuzz.sh`, and that no input
//! takes long.

use std::time::Duration;

use frontline::fuzzing::Target;
use proptest::prelude::*;

/// Tokens the mutations insert: the punctuation and words of the inputs' formats.
const TOKENS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    "\"",
    "\n",
    "Some(",
    "None",
    "//~ part.ron\n",
    "includes: [\"part.ron\"],",
    "format_version: 2,",
    "--at\n",
    "2024-12-07",
    "T23:59",
    "+03:00",
    "Z",
    "é",
    "\u{0}",
    "-",
    "99999999999",
    "1e309",
];

/// A change to an input.
#[derive(Clone, Debug)]
enum Mutation {
    /// Flips bit `bit` of the byte at `at` (modulo the length).
    FlipBit { at: usize, bit: u8 },
    /// Sets the byte at `at` to `value`.
    SetByte { at: usize, value: u8 },
    /// Inserts [`TOKENS`]`[token]` at `at`.
    Insert { at: usize, token: usize },
    /// Deletes line `line`.
    DeleteLine(usize),
    /// Writes line `line` twice.
    DuplicateLine(usize),
    /// Swaps two lines.
    SwapLines(usize, usize),
    /// Keeps the first `at` bytes.
    Truncate(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 0..8u8).prop_map(|(at, bit)| Mutation::FlipBit { at, bit }),
        (any::<usize>(), any::<u8>()).prop_map(|(at, value)| Mutation::SetByte { at, value }),
        (any::<usize>(), 0..TOKENS.len()).prop_map(|(at, token)| Mutation::Insert { at, token }),
        any::<usize>().prop_map(Mutation::DeleteLine),
        any::<usize>().prop_map(Mutation::DuplicateLine),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        any::<usize>().prop_map(Mutation::Truncate),
    ]
}

/// Applies `mutation` to `data`.
fn apply(data: &mut Vec<u8>, mutation: &Mutation) {
    let len = data.len();
    match *mutation {
        Mutation::FlipBit { at, bit } if len > 0 => data[at % len] ^= 1 << bit,
        Mutation::SetByte { at, value } if len > 0 => data[at % len] = value,
        Mutation::Insert { at, token } => {
            let at = at % (len + 1);
            data.splice(at..at, TOKENS[token].bytes());
        }
        Mutation::Truncate(at) => data.truncate(at % (len + 1)),
        Mutation::DeleteLine(line) | Mutation::DuplicateLine(line) => {
            let mut lines = lines_of(data);
            if !lines.is_empty() {
                let line = line % lines.len();
                if matches!(mutation, Mutation::DeleteLine(_)) {
                    lines.remove(line);
                } else {
                    lines.insert(line, lines[line].clone());
                }
                *data = lines.concat();
            }
        }
        Mutation::SwapLines(a, b) => {
            let mut lines = lines_of(data);
            if !lines.is_empty() {
                let n = lines.len();
                lines.swap(a % n, b % n);
                *data = lines.concat();
            }
        }
        Mutation::FlipBit { .. } | Mutation::SetByte { .. } => {}
    }
}

/// The lines of `data`, each with its newline.
fn lines_of(data: &[u8]) -> Vec<Vec<u8>> {
    data.split_inclusive(|&b| b == b'\n')
        .map(<[u8]>::to_vec)
        .collect()
}

/// The seed corpus of `target`, in name order.
fn seeds(target: Target) -> Vec<Vec<u8>> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target.name());
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|err| panic!("{}: {err}", dir.display()))
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .collect();
    paths.sort();
    let seeds: Vec<Vec<u8>> = paths
        .iter()
        .map(|path| std::fs::read(path).unwrap_or_else(|err| panic!("{}: {err}", path.display())))
        .collect();
    assert!(!seeds.is_empty(), "no seeds in {}", dir.display());
    seeds
}

/// The longest an input may take: 2 s, as for the long runs, in an optimised build;
/// ten times that in a debug build.
fn time_bound() -> Duration {
    if cfg!(debug_assertions) {
        Duration::from_secs(20)
    } else {
        Duration::from_secs(2)
    }
}

/// Runs `target` on every seed as is, then on `cases` mutated seeds.
fn fuzz_short(target: Target, cases: u32) {
    let seeds = seeds(target);
    let slowest = std::cell::Cell::new(Duration::ZERO);
    for seed in &seeds {
        let (result, took) = target.run_timed(seed);
        slowest.set(slowest.get().max(took));
        assert_eq!(
            result,
            Ok(()),
            "{}: a seed breaks an invariant",
            target.name()
        );
    }
    let config = ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    };
    let strategy = (0..seeds.len(), proptest::collection::vec(mutation(), 1..6));
    let mut runner = proptest::test_runner::TestRunner::new(config);
    let outcome = runner.run(&strategy, |(seed, mutations)| {
        let mut data = seeds[seed].clone();
        for mutation in &mutations {
            apply(&mut data, mutation);
        }
        let (result, took) = target.run_timed(&data);
        slowest.set(slowest.get().max(took));
        prop_assert_eq!(result, Ok(()), "input {:?}", String::from_utf8_lossy(&data));
        prop_assert!(
            took < time_bound(),
            "took {took:?}: {:?}",
            String::from_utf8_lossy(&data)
        );
        Ok(())
    });
    eprintln!("{}: slowest input {:?}", target.name(), slowest.get());
    if let Err(err) = outcome {
        panic!("{}: {err}", target.name());
    }
}

#[test]
fn scenario_ron_short() {
    fuzz_short(Target::ScenarioRon, 150);
}

#[test]
fn claims_jsonl_short() {
    fuzz_short(Target::ClaimsJsonl, 300);
}

#[test]
fn snapshot_ron_short() {
    fuzz_short(Target::SnapshotRon, 300);
}

#[test]
fn ingest_article_short() {
    fuzz_short(Target::IngestArticle, 150);
}

#[test]
fn cli_args_short() {
    fuzz_short(Target::CliArgs, 200);
}

#[test]
fn moment_parse_short() {
    fuzz_short(Target::MomentParse, 500);
}

#[test]
fn acled_csv_short() {
    fuzz_short(Target::AcledCsv, 300);
}

#[test]
fn areas_short() {
    fuzz_short(Target::Areas, 300);
}

#[test]
fn every_target_has_its_name() {
    for target in Target::ALL {
        assert_eq!(Target::from_name(target.name()), Some(target));
    }
}

/// Writes the seeds made by the program rather than copied from files: the mini
/// scenario as format 2 and split with `includes`, JSON-lines claims (the mini
/// scenario's own, and a few from `frontline::synthetic`), and a snapshot as
/// `frontline export --format ron` writes it.
#[test]
#[ignore = "writes fuzz/corpus: run by hand to regenerate the generated seeds"]
fn write_generated_seeds() {
    use frontline::control::View;
    use frontline::export::{Snapshot, snapshot::scenario_identity};
    use frontline::model::Moment;
    use frontline::synthetic::{SyntheticSize, synthetic_scenario};
    use frontline::viewpoint::Viewpoint;

    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus");
    let write = |path: &str, text: &str| std::fs::write(corpus.join(path), text).unwrap();
    let mini_text = include_str!("../fixtures/mini.ron");
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let read = |relative: &str| std::fs::read_to_string(fixtures.join(relative));
    let mini = frontline::io::load_scenario_str("mini.ron", mini_text, &read).unwrap();
    write(
        "scenario_ron/mini-v2.ron",
        &frontline::io::scenario_to_ron(&mini).unwrap(),
    );

    // Format 2 with its observers source and last two claims in an included file.
    let mut main = mini.clone();
    let split = main.claims.len() - 2;
    let part = frontline::io::ScenarioPart {
        sources: main
            .sources
            .iter()
            .filter(|s| s.id == "observers")
            .cloned()
            .collect(),
        claims: main.claims.split_off(split),
        ..Default::default()
    };
    main.sources.retain(|s| s.id != "observers");
    main.includes = vec!["part.ron".to_owned()];
    let text = frontline::io::scenario_to_ron(&main).unwrap()
        + "//~ part.ron\n"
        + &frontline::io::file_ron(&part).unwrap();
    write("scenario_ron/mini-includes.ron", &text);

    let own: Vec<_> = mini
        .claims
        .iter()
        .map(|claim| frontline::model::Claim {
            id: format!("bulk-{}", claim.id),
            ..claim.clone()
        })
        .collect();
    write(
        "claims_jsonl/mini.jsonl",
        &frontline::io::claims_jsonl(&own).unwrap(),
    );
    let size = SyntheticSize {
        places: 6,
        claims: 8,
        days: 3,
    };
    let synthetic = synthetic_scenario(1, size);
    write(
        "claims_jsonl/synthetic.jsonl",
        &frontline::io::claims_jsonl(&synthetic.claims).unwrap(),
    );

    let scenario = frontline::io::default_scenario().unwrap();
    let offset = scenario.offset();
    let mut viewpoint = Viewpoint::at(Moment::parse("2024-12-06T18:00", offset).unwrap());
    write(
        "snapshot_ron/default.ron",
        &Snapshot::new(scenario_identity(None).unwrap(), &viewpoint, offset)
            .to_ron()
            .unwrap(),
    );
    let mut view = View::default();
    view.add_assumption("homs=rebels", &scenario).unwrap();
    view.perspective = frontline::control::Perspective::parse("grade:B", &scenario).unwrap();
    viewpoint.view = view;
    viewpoint.bbox_lonlat = Some([35.5, 32.3, 38.8, 36.9]);
    write(
        "snapshot_ron/what-if.ron",
        &Snapshot::new(scenario_identity(None).unwrap(), &viewpoint, offset)
            .to_ron()
            .unwrap(),
    );
}

/// Every input AFL++ found breaking a target (`fuzz/regressions/TARGET/`) now passes:
/// ACLED rows spanning lines or after blank lines were located past their line's end,
/// and a GeoJSON position of fewer than two numbers panicked in the geojson crate's
/// conversion to `geo`.
#[test]
fn fuzz_findings_stay_fixed() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions");
    let mut replayed = 0;
    for target in Target::ALL {
        let Ok(entries) = std::fs::read_dir(root.join(target.name())) else {
            continue;
        };
        let mut files: Vec<_> = entries.map(|e| e.unwrap().path()).collect();
        files.sort();
        for file in files {
            let data = std::fs::read(&file).unwrap();
            assert_eq!(target.run(&data), Ok(()), "{}", file.display());
            replayed += 1;
        }
    }
    assert!(replayed >= 6, "only {replayed} findings replayed");
}
