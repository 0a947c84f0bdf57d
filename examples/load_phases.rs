//! Times each phase of loading a scenario folder written by `gen_scenario`, to see
//! where the time goes:
//!
//! `cargo run --release --example load_phases -- DIR`
//!
//! Reads `DIR/scenario.ron` (all in RON) and `DIR/bulk.ron` + `DIR/claims.jsonl`.
//! With `--warm N` it only loads from a warm cache, N times (for profiling).

use std::path::Path;
use std::time::Instant;

use frontline::control::Engine;
use frontline::io::{
    BulkClaims, Cache, load_scenario_cached, parse_claims_jsonl, parse_ron, validate_with_bulk,
};
use frontline::model::Scenario;

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: load_phases DIR");
        std::process::exit(2);
    };
    let dir = Path::new(&dir);
    let warm: Option<usize> = match std::env::args().nth(2).as_deref() {
        Some("--warm") => std::env::args().nth(3).and_then(|n| n.parse().ok()),
        _ => None,
    };
    let result = match warm {
        Some(times) => warm_only(dir, times),
        None => run(dir),
    };
    if let Err(err) = result {
        eprintln!("error: {err}");
        std::process::exit(1);
    }
}

fn lap(what: &str, start: &mut Instant) {
    println!(
        "  {what:<24} {:>8.0} ms",
        start.elapsed().as_secs_f64() * 1e3
    );
    *start = Instant::now();
}

fn warm_only(dir: &Path, times: usize) -> Result<(), Box<dyn std::error::Error>> {
    let cache_dir = tempfile::tempdir()?;
    let cache = Cache::in_dir(cache_dir.path(), 0);
    let (ron, claims) = (dir.join("bulk.ron"), dir.join("claims.jsonl"));
    load_scenario_cached(&ron, Some(&claims), &cache)?;
    for _ in 0..times {
        let mut t = Instant::now();
        let scenario = load_scenario_cached(&ron, Some(&claims), &cache)?;
        lap("warm load (cache hit)", &mut t);
        drop(scenario);
        lap("drop", &mut t);
    }
    Ok(())
}

fn run(dir: &Path) -> Result<(), Box<dyn std::error::Error>> {
    for (label, ron, jsonl) in [
        ("ron", "scenario.ron", None),
        ("jsonl", "bulk.ron", Some("claims.jsonl")),
    ] {
        println!("{label}:");
        let total = Instant::now();
        let mut t = Instant::now();
        let text = std::fs::read_to_string(dir.join(ron))?;
        let claims_text = match jsonl {
            Some(file) => std::fs::read_to_string(dir.join(file))?,
            None => String::new(),
        };
        lap("read", &mut t);
        let mut scenario: Scenario = parse_ron(ron, &text)?;
        lap("parse ron", &mut t);
        let first = scenario.claims.len();
        let mut lines = Vec::new();
        if jsonl.is_some() {
            let (claims, at) = parse_claims_jsonl("claims.jsonl", &claims_text)?;
            scenario.claims.extend(claims);
            lines = at;
            lap("parse jsonl", &mut t);
        }
        for document in &mut scenario.documents {
            document.text = std::fs::read_to_string(dir.join(&document.text_file))?;
        }
        lap("documents", &mut t);
        let bulk = jsonl.map(|file| BulkClaims {
            file,
            first,
            lines: &lines,
        });
        let diagnostics = validate_with_bulk(&scenario, ron, &text, bulk);
        assert!(diagnostics.is_empty(), "{:?}", diagnostics.first());
        lap("validate", &mut t);
        scenario.sort_by_id();
        lap("sort", &mut t);
        drop(text);
        drop(claims_text);
        let engine = Engine::new(scenario);
        lap("Engine::new", &mut t);
        println!(
            "  {:<24} {:>8.0} ms ({} claims)",
            "total",
            total.elapsed().as_secs_f64() * 1e3,
            engine.scenario().claims.len()
        );
        drop(engine);
        let cache_dir = tempfile::tempdir()?;
        let cache = Cache::in_dir(cache_dir.path(), 0);
        let claims = jsonl.map(|file| dir.join(file));
        let mut t = Instant::now();
        let cold = load_scenario_cached(&dir.join(ron), claims.as_deref(), &cache)?;
        lap("cold load + cache write", &mut t);
        let warm = load_scenario_cached(&dir.join(ron), claims.as_deref(), &cache)?;
        lap("warm load (cache hit)", &mut t);
        assert!(cold == warm, "the cache gave another scenario");
        drop(cold);
        let mut t = Instant::now();
        let engine = Engine::new(warm);
        lap("Engine::new", &mut t);
        drop(engine);
    }
    Ok(())
}
