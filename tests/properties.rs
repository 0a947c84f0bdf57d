//! Invariants of the engine over seeded synthetic scenarios.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests may unwrap.

use frontline::control::{Engine, Perspective, Resolution, Status, View};
use frontline::model::{Reliability, Scenario};
use frontline::synthetic::{SyntheticSize, synthetic_scenario};
use proptest::prelude::*;

const SIZE: SyntheticSize = SyntheticSize {
    places: 25,
    claims: 250,
    days: 12,
};

/// Start of the synthetic claims (2024-11-20T00:00+03:00) in Unix seconds.
const START_SECS: i64 = 1_732_050_000;

/// What a resolution says, by ids, so engines over different claim lists compare.
fn summary(
    engine: &Engine,
    resolution: &Resolution,
) -> Vec<(String, Option<String>, Status, Option<String>)> {
    let scenario = engine.scenario();
    scenario
        .places
        .iter()
        .zip(&resolution.places)
        .map(|(place, state)| {
            (
                place.id.clone(),
                state
                    .controller
                    .map(|f| scenario.factions[f as usize].id.clone()),
                state.status,
                state.basis.map(|c| scenario.claims[c as usize].id.clone()),
            )
        })
        .collect()
}

fn without_claims(
    scenario: &Scenario,
    drop: impl Fn(&frontline::model::Claim) -> bool,
) -> Scenario {
    let mut fewer = scenario.clone();
    fewer.claims.retain(|claim| !drop(claim));
    fewer
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn a_resolution_depends_only_on_claims_up_to_its_moment(seed in any::<u64>(), hours in 0i64..(14 * 24)) {
        let scenario = synthetic_scenario(seed, SIZE);
        let at_secs = START_SECS + hours * 3600;
        let offset = scenario.offset();
        let past_only = without_claims(&scenario, |claim| {
            claim.when.span(offset).map_or(true, |span| span.effective_secs > at_secs)
        });
        prop_assume!(past_only.claims.len() < scenario.claims.len());
        let view = View::default();
        let full = Engine::new(scenario);
        let past = Engine::new(past_only);
        prop_assert_eq!(
            summary(&full, &full.resolve_secs(&view, at_secs)),
            summary(&past, &past.resolve_secs(&view, at_secs))
        );
    }

    #[test]
    fn hiding_a_source_removes_exactly_its_influence(seed in any::<u64>(), source in 0usize..5, hours in 0i64..(14 * 24)) {
        let scenario = synthetic_scenario(seed, SIZE);
        let hidden = scenario.sources[source].id.clone();
        let at_secs = START_SECS + hours * 3600;
        let mut view = View::default();
        view.hidden_sources.insert(hidden.clone());
        let with_hidden = Engine::new(scenario.clone());
        let removed = Engine::new(without_claims(&scenario, |claim| claim.originators.contains(&hidden)));
        prop_assert_eq!(
            summary(&with_hidden, &with_hidden.resolve_secs(&view, at_secs)),
            summary(&removed, &removed.resolve_secs(&View::default(), at_secs))
        );
    }

    #[test]
    fn the_same_input_gives_the_same_output(seed in any::<u64>(), hours in 0i64..(14 * 24), earlier in 0i64..(14 * 24)) {
        let scenario = synthetic_scenario(seed, SIZE);
        let view = View { perspective: Perspective::MinGrade(Reliability::C), ..View::default() };
        let at_secs = START_SECS + hours * 3600;
        let first = Engine::new(scenario.clone());
        let second = Engine::new(scenario);
        // Resolving another moment first must not change the answer (no hidden state).
        let _ = second.resolve_secs(&view, START_SECS + earlier * 3600);
        prop_assert_eq!(first.resolve_secs(&view, at_secs), second.resolve_secs(&view, at_secs));
    }

    #[test]
    fn the_timeline_resolves_like_walking_every_claim(
        seed in any::<u64>(),
        moments in proptest::collection::vec(-24i64..(16 * 24 * 60), 1..12),
        hidden in proptest::option::of(0usize..5),
        grade in proptest::option::of(0usize..5),
    ) {
        // Scrubbing back and forth to arbitrary minutes, under various views, gives
        // exactly what a fresh walk through every place's claims gives.
        let scenario = synthetic_scenario(seed, SIZE);
        let mut view = View::default();
        if let Some(source) = hidden {
            view.hidden_sources.insert(scenario.sources[source].id.clone());
        }
        if let Some(grade) = grade {
            view.perspective = Perspective::MinGrade(
                [Reliability::A, Reliability::B, Reliability::C, Reliability::D, Reliability::E][grade],
            );
        }
        let engine = Engine::new(scenario);
        // The first resolution under a view walks; build the timeline to compare it.
        engine.prepare(&view);
        for minutes in moments {
            let at_secs = START_SECS + minutes * 60;
            prop_assert_eq!(
                engine.resolve_secs(&view, at_secs),
                engine.resolve_secs_walking(&view, at_secs)
            );
        }
    }

    #[test]
    fn region_shares_never_exceed_the_whole(seed in any::<u64>(), hours in 0i64..(14 * 24)) {
        let engine = Engine::new(synthetic_scenario(seed, SIZE));
        let resolution = engine.resolve_secs(&View::default(), START_SECS + hours * 3600);
        for region in &resolution.regions {
            let total: f64 = region.by_count.iter().map(|(_, share)| share).sum();
            prop_assert!(total <= 1.0 + 1e-9);
            if let Some(dominant) = region.dominant {
                prop_assert!(region.shares().iter().any(|(f, _)| *f == dominant));
            }
        }
    }
}

#[test]
fn synthetic_scenarios_are_valid_and_reproducible() {
    let first = synthetic_scenario(7, SIZE);
    let second = synthetic_scenario(7, SIZE);
    assert_eq!(first, second);
    let diagnostics = frontline::io::validate(&first, "synthetic", "");
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
}
