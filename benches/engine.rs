//! The engine at scale: indexing, resolving at a new moment (the timeline scrub) and
//! route connectivity, over seeded synthetic scenarios.

use std::hint::black_box;

use criterion::{BatchSize, BenchmarkId, Criterion, criterion_group, criterion_main};
use frontline::control::{Engine, View};
use frontline::synthetic::{SyntheticSize, synthetic_scenario};

/// Start of the synthetic claims (2024-11-20T00:00+03:00) in Unix seconds.
const START_SECS: i64 = 1_732_050_000;

fn sizes() -> Vec<SyntheticSize> {
    [10_000, 100_000, 1_000_000]
        .into_iter()
        .map(|claims| SyntheticSize {
            places: 20_000,
            claims,
            days: 30,
        })
        .collect()
}

fn index(c: &mut Criterion) {
    let mut group = c.benchmark_group("index");
    group.sample_size(10);
    for size in sizes() {
        let scenario = synthetic_scenario(1, size);
        group.bench_with_input(
            BenchmarkId::from_parameter(size.claims),
            &scenario,
            |b, s| {
                b.iter_batched(|| s.clone(), Engine::new, BatchSize::LargeInput);
            },
        );
    }
    group.finish();
}

fn scrub(c: &mut Criterion) {
    let mut group = c.benchmark_group("resolve_at_new_moment");
    for size in sizes() {
        let engine = Engine::new(synthetic_scenario(1, size));
        let view = View::default();
        let mut hour = 0;
        group.bench_function(BenchmarkId::from_parameter(size.claims), |b| {
            b.iter(|| {
                // A new moment every iteration, as when dragging the timeline.
                hour = (hour + 7) % (30 * 24);
                engine.resolve_secs(black_box(&view), START_SECS + hour * 3600)
            });
        });
    }
    group.finish();
}

fn routes(c: &mut Criterion) {
    let engine =
        Engine::new(frontline::io::default_scenario().unwrap_or_else(|err| panic!("{err}")));
    let at = frontline::model::parse_instant("2024-12-07").unwrap_or_else(|err| panic!("{err}"));
    let resolution = engine.resolve(&View::default(), at);
    c.bench_function("routes_and_connectivity_default", |b| {
        b.iter(|| {
            (
                engine.routes(black_box(&resolution)),
                engine.connectivity(&resolution),
            )
        });
    });
}

criterion_group!(benches, index, scrub, routes);
criterion_main!(benches);
