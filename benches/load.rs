//! Loading at scale: parse the RON scenario, read its documents, validate, sort and
//! index (`load_scenario_file` then `Engine::new`), at 10k, 100k and 1M claims over
//! 20k real places (see `frontline::synthetic::geonames_scenario`); and the same with
//! the claims in a bulk JSON-lines file (`load_scenario_with_claims`).

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use frontline::control::Engine;
use frontline::synthetic::{
    SyntheticSize, geonames_scenario, shared_data_dir, write_bulk_dir, write_scenario_dir,
};

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
        let mut group = c.benchmark_group("load_jsonl");
        group.sample_size(10);
        group.warm_up_time(std::time::Duration::from_millis(500));
        group.bench_function(BenchmarkId::from_parameter(claims), |b| {
            b.iter(|| {
                let scenario = frontline::io::load_scenario_with_claims(black_box(&bulk), &jsonl)
                    .unwrap_or_else(|err| panic!("{err}"));
                Engine::new(scenario)
            });
        });
        group.finish();
        let mut group = c.benchmark_group("load_ron");
        group.sample_size(10);
        group.warm_up_time(std::time::Duration::from_millis(500));
        group.bench_function(BenchmarkId::from_parameter(claims), |b| {
            b.iter(|| {
                let scenario = frontline::io::load_scenario_file(black_box(&path))
                    .unwrap_or_else(|err| panic!("{err}"));
                Engine::new(scenario)
            });
        });
        group.finish();
    }
}

criterion_group!(benches, load);
criterion_main!(benches);
