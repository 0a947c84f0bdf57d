//! Writes a benchmark scenario to a folder, for the CLI timings and `benches/peers.py`:
//!
//! `cargo run --release --example gen_scenario -- OUT_DIR [CLAIMS] [PLACES] [SEED]`
//!
//! Beside `scenario.ron` it writes `bulk.ron` + `claims.jsonl` (the same scenario with
//! its claims as JSON lines, for `frontline check bulk.ron --claims claims.jsonl`), and `place_claims.csv`: one row per claim a place is
//! resolved from (place, claim, source, effective time), for the DuckDB comparison.
//!
//! Places are real (GeoNames, from `../shared/data/`), claims seeded; the same
//! arguments always write the same files.

use frontline::synthetic::{SyntheticSize, geonames_scenario, shared_data_dir, write_scenario_dir};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(out) = args.first() else {
        eprintln!("usage: gen_scenario OUT_DIR [CLAIMS] [PLACES] [SEED]");
        std::process::exit(2);
    };
    let number = |i: usize, default: u64| -> u64 {
        args.get(i)
            .map(|a| {
                a.parse().unwrap_or_else(|_| {
                    eprintln!("{a:?} is not a number");
                    std::process::exit(2)
                })
            })
            .unwrap_or(default)
    };
    let size = SyntheticSize {
        claims: number(1, 1_000_000) as usize,
        places: number(2, 20_000) as usize,
        days: 30,
    };
    let scenario = match geonames_scenario(number(3, 1), size, &shared_data_dir()) {
        Ok(scenario) => scenario,
        Err(message) => {
            eprintln!("error: {message}");
            std::process::exit(1);
        }
    };
    let written = write_scenario_dir(&scenario, std::path::Path::new(out))
        .and_then(|path| {
            frontline::synthetic::write_bulk_dir(&scenario, std::path::Path::new(out)).map(|_| path)
        })
        .and_then(|path| write_place_claims(scenario, out).map(|()| path));
    match written {
        Ok(path) => println!("{}", path.display()),
        Err(err) => {
            eprintln!("error: cannot write {out}: {err}");
            std::process::exit(1);
        }
    }
}

fn write_place_claims(scenario: frontline::model::Scenario, out: &str) -> std::io::Result<()> {
    use std::io::Write as _;
    let engine = frontline::control::Engine::new(scenario);
    let file = std::fs::File::create(std::path::Path::new(out).join("place_claims.csv"))?;
    let mut w = std::io::BufWriter::new(file);
    writeln!(w, "place,claim,source,effective_secs")?;
    let scenario = engine.scenario();
    for place in 0..scenario.places.len() {
        for &claim in engine.place_claims(place) {
            let source = scenario
                .source_index(scenario.claims[claim as usize].first_originator())
                .unwrap_or(0);
            let secs = engine.claim_effective_secs(claim as usize).unwrap_or(0);
            writeln!(w, "{place},{claim},{source},{secs}")?;
        }
    }
    w.flush()
}
