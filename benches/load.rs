//! Loading at scale, at 10k, 100k and 1M claims over 20k real places (see
//! `frontline::synthetic::geonames_scenario`): read, parse, validate, sort and index
//! (`load_scenario_cached` then `Engine::new`), with the claims in the RON scenario
//! (`load_ron_*`) or in a bulk JSON-lines file (`load_jsonl_*`);
//!
//! - `*_cold`: no cache, every input parsed and validated;
//! - `*_warm`: a cache hit (inputs hashed, the cached scenario decoded);
//! - `index`: `Engine::new` alone, on a loaded scenario.

use std::hint::black_box;
use std::path::Path;

use criterion::{BatchSize, BenchmarkId, Criterion, criterion_group, criterion_main};
use frontline::control::Engine;
use frontline::io::{Cache, load_scenario_cached};
use frontline::synthetic::{
    SyntheticSize, geonames_scenario, shared_data_dir, write_bulk_dir, write_scenario_dir,
};

fn load_and_index(path: &Path, claims: Option<&Path>, cache: &Cache) -> Engine {
    let scenario =
        load_scenario_cached(black_box(path), claims, cache).unwrap_or_else(|err| panic!("{err}"));
    Engine::new(scenario)
}

fn load(c: &mut Criterion) {
    for claims in [10_000, 100_000, 1_000_000] {
        let size = SyntheticSize {
            places: 20_000,
            claims,
            days: 30,
        };
        let scenario = geonames_scenario(1, size, &shared_data_dir())
            .unwrap_or_else(|message| panic!("{message}"));
        let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("{err}"));
        let path = write_scenario_dir(&scenario, dir.path()).unwrap_or_else(|err| panic!("{err}"));
        let (bulk, jsonl) =
            write_bulk_dir(&scenario, dir.path()).unwrap_or_else(|err| panic!("{err}"));
        drop(scenario);
        let warm = Cache::in_dir(dir.path().join("cache"), 0);
        let inputs = [
            ("load_ron", path.as_path(), None),
            ("load_jsonl", bulk.as_path(), Some(jsonl.as_path())),
        ];
        for (name, path, claims_file) in inputs {
            for (temperature, cache) in [("cold", &Cache::off()), ("warm", &warm)] {
                // Fills the cache before the warm runs (and checks it loads).
                load_and_index(path, claims_file, cache);
                let mut group = c.benchmark_group(format!("{name}_{temperature}"));
                group.sample_size(10);
                group.warm_up_time(std::time::Duration::from_millis(500));
                group.bench_function(BenchmarkId::from_parameter(claims), |b| {
                    b.iter(|| load_and_index(path, claims_file, cache));
                });
                group.finish();
            }
        }
        let scenario =
            load_scenario_cached(&bulk, Some(&jsonl), &warm).unwrap_or_else(|err| panic!("{err}"));
        let mut group = c.benchmark_group("index");
        group.sample_size(10);
        group.warm_up_time(std::time::Duration::from_millis(500));
        group.bench_function(BenchmarkId::from_parameter(claims), |b| {
            b.iter_batched(|| scenario.clone(), Engine::new, BatchSize::LargeInput);
        });
        group.finish();
    }
}

criterion_group!(benches, load);
criterion_main!(benches);
