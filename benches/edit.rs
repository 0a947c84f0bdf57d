//! Adding an ACLED import's 50,000 claims as one batch edit (`import acled --apply`),
//! and undoing it, over a 300-place synthetic scenario; the ACLED file is the export
//! of a 50,000-claim synthetic scenario.
//!
//! Accepting one claim into the 1M-claim benchmark scenario (issue 10: under 100 ms):
//! the edit applied to the scenario by the edit layer, the engine following it
//! incrementally, and one resolution at the current moment (what the window does to
//! redraw the map). Over seeded claims about 20k real places (GeoNames, read from
//! `../shared/data/` at run time; see `frontline::synthetic::benchmark_scenario`).

use std::hint::black_box;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use frontline::control::{Engine, View};
use frontline::edit::{Edit, apply};
use frontline::import::acled::{AcledFile, import_acled};
use frontline::import::actors::ActorMap;
use frontline::model::{Claim, Scenario, Subject};
use frontline::synthetic::{SyntheticSize, benchmark_scenario, synthetic_scenario};

/// Start of the synthetic claims (2024-11-20T00:00+03:00) in Unix seconds.
const START_SECS: i64 = 1_732_050_000;

/// The moment the map shows: mid-way through the 30 days of claims.
const NOW_SECS: i64 = START_SECS + 15 * 24 * 3600;

fn scenario() -> Scenario {
    benchmark_scenario(1_000_000).unwrap_or_else(|message| panic!("{message}"))
}

/// A new claim like the `n`-th one (or the next dated before the document was
/// published, so the edit layer accepts it), about another place, with a fresh id.
fn accepted(scenario: &Scenario, n: usize) -> Claim {
    let claims = &scenario.claims;
    let template = (n..n + claims.len())
        .map(|k| &claims[k % claims.len()])
        .find(|claim| claim.when.at.as_str() < "2024-12-07")
        .unwrap_or(&claims[0]);
    let mut claim = template.clone();
    claim.id = format!("accepted-{n}");
    let place = &scenario.places[(n * 7919) % scenario.places.len()];
    claim.subject = Subject::Place(place.id.clone());
    claim
}

fn accept_claim(c: &mut Criterion) {
    let mut group = c.benchmark_group("accept_claim");
    group.sample_size(20);
    // The workspace's scenario and the window's engine, with its timeline built.
    let mut scenario = scenario();
    let mut engine = Engine::new(scenario.clone());
    let view = View::default();
    engine.prepare(&view);
    let mut n = 0;
    group.bench_function("edit_follow_resolve/1000000", |b| {
        b.iter(|| {
            n += 1;
            let edit = Edit::AddClaim(accepted(&scenario, n));
            if let Err(err) = apply(&mut scenario, edit.clone()) {
                panic!("{err}");
            }
            if let Err(err) = engine.follow(&edit) {
                panic!("{err}");
            }
            black_box(engine.resolve_secs(&view, NOW_SECS))
        });
    });
    // The engine's part alone (it applies the edit to its own scenario), without the
    // workspace's copy of the edit or the redraw's resolution.
    group.bench_function("engine_follow_only/1000000", |b| {
        b.iter(|| {
            n += 1;
            let edit = Edit::AddClaim(accepted(engine.scenario(), n));
            if let Err(err) = engine.follow(black_box(&edit)) {
                panic!("{err}");
            }
        });
    });
    group.finish();
}

/// The target scenario and the batch edit importing `rows` ACLED rows into it.
fn acled_import(rows: usize) -> (Scenario, Edit) {
    let size = |claims| SyntheticSize {
        places: 300,
        claims,
        days: 30,
    };
    let exported = Engine::new(synthetic_scenario(7, size(rows)));
    let at = START_SECS + 40 * 24 * 3600;
    let csv = frontline::export::claims_csv(&exported, &View::default(), at, true)
        .unwrap_or_else(|err| panic!("{err}"));
    let target = synthetic_scenario(7, size(100));
    let actors = ActorMap::new(&target, &[]).unwrap_or_else(|err| panic!("{err}"));
    let file = AcledFile {
        name: "events.csv",
        dataset: "events.csv",
        text: &csv,
    };
    let imported = import_acled(&target, file, &actors).unwrap_or_else(|err| panic!("{err}"));
    let Some(batch) = imported.batch() else {
        panic!("nothing imported");
    };
    (target, batch)
}

fn import_batch(c: &mut Criterion) {
    let mut group = c.benchmark_group("import_batch");
    group.sample_size(10);
    let (target, batch) = acled_import(50_000);
    group.bench_function("apply/50000", |b| {
        b.iter_batched(
            || (target.clone(), batch.clone()),
            |(mut scenario, batch)| {
                black_box(apply(&mut scenario, batch).unwrap_or_else(|err| panic!("{err}")))
            },
            BatchSize::LargeInput,
        );
    });
    let mut imported = target.clone();
    let undo = apply(&mut imported, batch).unwrap_or_else(|err| panic!("{err}"));
    group.bench_function("undo/50000", |b| {
        b.iter_batched(
            || (imported.clone(), undo.clone()),
            |(mut scenario, undo)| {
                black_box(apply(&mut scenario, undo).unwrap_or_else(|err| panic!("{err}")))
            },
            BatchSize::LargeInput,
        );
    });
    group.finish();
}

criterion_group!(benches, accept_claim, import_batch);
criterion_main!(benches);
