//! The engine at scale: indexing, resolving at a new moment (the timeline scrub) and
//! route connectivity, over seeded claims about 20k real places (GeoNames, read from
//! `../shared/data/` at run time; see `frontline::synthetic::geonames_scenario`).

use std::hint::black_box;

use criterion::{BatchSize, BenchmarkId, Criterion, criterion_group, criterion_main};
use frontline::control::{Engine, View};
use frontline::model::Scenario;
use frontline::synthetic::{SyntheticSize, geonames_scenario, shared_data_dir};

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

fn large(size: SyntheticSize) -> Scenario {
    geonames_scenario(1, size, &shared_data_dir()).unwrap_or_else(|message| panic!("{message}"))
}

fn index(c: &mut Criterion) {
    let mut group = c.benchmark_group("index");
    group.sample_size(10);
    for size in sizes() {
        let scenario = large(size);
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
        let engine = Engine::new(large(size));
        let view = View::default();
        // The first resolution under a view builds its timeline; measured below.
        engine.prepare(&view);
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
    let at = frontline::model::Moment::parse("2024-12-07", engine.scenario().offset())
        .unwrap_or_else(|err| panic!("{err}"));
    let resolution = engine.resolve_secs(&View::default(), at.unix_secs());
    c.bench_function("routes_and_connectivity/default", |b| {
        b.iter(|| {
            (
                engine.routes(black_box(&resolution)),
                engine.connectivity(&resolution),
            )
        });
    });
    let engine = Engine::new(large(SyntheticSize {
        places: 20_000,
        claims: 1_000_000,
        days: 30,
    }));
    let resolution = engine.resolve_secs(&View::default(), START_SECS + 15 * 24 * 3600);
    c.bench_function("routes_and_connectivity/large_1m", |b| {
        b.iter(|| {
            (
                engine.routes(black_box(&resolution)),
                engine.connectivity(&resolution),
            )
        });
    });
}

/// Without the timeline: every place walks back through its claims (the engine before
/// the timeline, and what the timeline is built from).
fn walking(c: &mut Criterion) {
    let mut group = c.benchmark_group("resolve_walking");
    group.sample_size(20);
    let size = SyntheticSize {
        places: 20_000,
        claims: 1_000_000,
        days: 30,
    };
    let engine = Engine::new(large(size));
    let view = View::default();
    let mut hour = 0;
    group.bench_function(BenchmarkId::from_parameter(size.claims), |b| {
        b.iter(|| {
            hour = (hour + 7) % (30 * 24);
            engine.resolve_secs_walking(black_box(&view), START_SECS + hour * 3600)
        });
    });
    group.finish();

    // The first resolution under a new set of sources (a perspective or hidden-source
    // change): answered by walking while that view's timeline builds on a background
    // thread. Every timeline is forgotten before each call, so each is a first one.
    let mut group = c.benchmark_group("first_resolve_under_new_view");
    group.sample_size(10);
    let views: Vec<View> = engine
        .scenario()
        .sources
        .iter()
        .map(|source| {
            let mut view = View::default();
            view.hidden_sources.insert(source.id.clone());
            view
        })
        .collect();
    let mut n = 0;
    group.bench_function(BenchmarkId::from_parameter(size.claims), |b| {
        b.iter_batched(
            || {
                engine.forget_timelines();
                n += 1;
                &views[n % views.len()]
            },
            |view| engine.resolve_secs(black_box(view), START_SECS + 400 * 3600),
            BatchSize::PerIteration,
        );
    });
    group.finish();

    // Building a view's timeline (what the background thread does; `prepare` builds it
    // here when no background build of it is under way).
    let mut group = c.benchmark_group("build_timeline_for_new_view");
    group.sample_size(10);
    group.bench_function(BenchmarkId::from_parameter(size.claims), |b| {
        b.iter_batched(
            || {
                engine.forget_timelines();
                n += 1;
                &views[n % views.len()]
            },
            |view| engine.prepare(black_box(view)),
            BatchSize::PerIteration,
        );
    });
    group.finish();
}

criterion_group!(benches, index, scrub, walking, routes);
criterion_main!(benches);
