//! Invariants of the engine over seeded synthetic scenarios.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests may unwrap.

use frontline::control::{Engine, Perspective, Resolution, Status, View};
use frontline::model::{
    Assertion, Claim, ControlEffect, Extent, RegionKind, Reliability, Scenario, Subject,
};
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
    fn places_only_the_baseline_supports_are_never_confirmed(seed in any::<u64>(), baseline in 0usize..5, hours in 0i64..(14 * 24)) {
        // One source becomes the baseline (context: it never confirms). A place every
        // one of whose supporting claims comes from it is never confirmed.
        let mut scenario = synthetic_scenario(seed, SIZE);
        scenario.sources[baseline].kind = frontline::model::SourceKind::Baseline;
        let context = scenario.sources[baseline].id.clone();
        let engine = Engine::new(scenario.clone());
        let resolution = engine.resolve_secs(&View::default(), START_SECS + hours * 3600);
        let only_context = Engine::new(without_claims(&scenario, |claim| !claim.originators.contains(&context)));
        let alone = only_context.resolve_secs(&View::default(), START_SECS + hours * 3600);
        for (p, state) in alone.places.iter().enumerate() {
            prop_assert_ne!(state.status, Status::Confirmed, "{}", scenario.places[p].id);
        }
        // And in the full scenario, a confirmed place has a non-baseline originator
        // among the claims that decided it.
        for (p, state) in resolution.places.iter().enumerate() {
            if state.status == Status::Confirmed {
                let details = engine.place_details(&View::default(), &resolution, p);
                prop_assert!(details.deciding.iter().any(|&c| !engine.scenario().claims[c].originators.contains(&context)));
            }
        }
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
    fn stale_exactly_when_the_newest_supporting_claim_is_older_than_the_window(
        seed in any::<u64>(),
        freshness_hours in 6u32..96,
        hours in 0i64..(16 * 24),
        hidden in proptest::option::of(0usize..5),
    ) {
        let mut scenario = synthetic_scenario(seed, SIZE);
        prop_assume!(scenario.factions.iter().all(|f| f.allies.is_empty()));
        scenario.freshness_hours = freshness_hours;
        let window_secs = i64::from(freshness_hours) * 3600;
        let mut view = View::default();
        if let Some(source) = hidden {
            view.hidden_sources.insert(scenario.sources[source].id.clone());
        }
        let at_secs = START_SECS + hours * 3600;
        let engine = Engine::new(scenario);
        let resolution = engine.resolve_secs(&view, at_secs);
        for (p, state) in resolution.places.iter().enumerate() {
            let Some(controller) = state.controller else {
                continue;
            };
            let controller = engine.scenario().factions[controller as usize].id.as_str();
            let support = newest_support(&engine, &view, p, controller, at_secs);
            let Some(c) = state.support else {
                prop_assert!(support.candidates.is_empty());
                continue;
            };
            // The engine's support is one of the newest claims saying the controller
            // holds the place (claims at the same moment may tie).
            let support_secs = engine.claim_effective_secs(c as usize).unwrap();
            prop_assert!(support.candidates.contains(&c));
            prop_assert!(support.surely_newest_secs <= Some(support_secs));
            prop_assert!(Some(support_secs) <= support.may_newest_secs);
            let aged = support_secs < at_secs - window_secs;
            prop_assert_eq!(state.status == Status::Stale, aged && state.status != Status::Contested);
            if aged {
                prop_assert!(matches!(state.status, Status::Stale | Status::Contested));
            }
        }
    }

    #[test]
    fn relays_and_repeated_reports_change_nothing(seed in any::<u64>(), hours in 0i64..(14 * 24), every in 1usize..4) {
        // Every `every`-th claim is reported again: relayed by an outlet, and once more
        // as it is. The first report stays the basis; no controller or status moves.
        let scenario = synthetic_scenario(seed, SIZE);
        let relay = scenario.sources.iter().find(|s| s.affiliation.is_none() && !s.is_context()).unwrap().id.clone();
        let mut echoed = scenario.clone();
        for (n, claim) in scenario.claims.iter().enumerate().filter(|(n, _)| n % every == 0) {
            echoed.claims.push(Claim { id: format!("{}-relayed", claim.id), via: vec![relay.clone()], ..claim.clone() });
            echoed.claims.push(Claim { id: format!("{}-again{n}", claim.id), ..claim.clone() });
        }
        echoed.sort_by_id();
        let at_secs = START_SECS + hours * 3600;
        let (once, again) = (Engine::new(scenario), Engine::new(echoed));
        prop_assert_eq!(
            summary(&once, &once.resolve_secs_walking(&View::default(), at_secs)),
            summary(&again, &again.resolve_secs_walking(&View::default(), at_secs))
        );
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

/// The claims that can be a place's newest support, computed directly.
struct Support {
    /// Every claim up to the moment saying the controller holds the place (indices).
    candidates: Vec<u32>,
    /// The newest of them that surely applies (its effective time).
    surely_newest_secs: Option<i64>,
    /// The newest of them that may apply (equal to the above unless claims about the
    /// place itself disagree at one moment).
    may_newest_secs: Option<i64>,
}

/// Computed directly from the scenario: the claims up to `at_secs` that `view` counts,
/// about place `p` or a region containing it, saying `controller` holds it (a region's
/// change of hands only where the side said to lose it held the place, by the newest
/// claims about the place itself; when those disagree at one moment, either).
fn newest_support(
    engine: &Engine,
    view: &View,
    p: usize,
    controller: &str,
    at_secs: i64,
) -> Support {
    let scenario = engine.scenario();
    let place = &scenario.places[p];
    let offset = scenario.offset();
    let covers = |claim: &Claim| match &claim.subject {
        Subject::Place(id) => *id == place.id,
        // A region claim covers the places it names; the rest of the region only when
        // it is about all of it and is not a withdrawal, which names no places.
        Subject::Region(_) if claim.scope.places.contains(&place.id) => true,
        Subject::Region(_)
            if claim.scope.extent != Extent::All
                || claim.assertion == Assertion::Withdrew
                || matches!(effect(claim), ControlEffect::Leaves(_)) =>
        {
            false
        }
        Subject::Region(id) => scenario.region_index(id).is_some_and(|r| {
            let region = &scenario.regions[r];
            match region.kind {
                RegionKind::Governorate => region.id == place.governorate,
                RegionKind::Grouping => region.members.contains(&place.governorate),
            }
        }),
        _ => false,
    };
    let mut relevant: Vec<(u32, i64, &Claim)> = scenario
        .claims
        .iter()
        .enumerate()
        .filter(|(_, claim)| covers(claim) && view.counts_claim(scenario, claim))
        .map(|(c, claim)| {
            (
                c as u32,
                claim.when.span(offset).unwrap().effective_secs,
                claim,
            )
        })
        .filter(|&(_, secs, _)| secs <= at_secs)
        .collect();
    relevant.sort_by_key(|&(c, secs, _)| (secs, c));
    fn effect(claim: &Claim) -> ControlEffect<&str> {
        claim
            .assertion
            .effect(claim.actor.as_deref(), claim.counterpart.as_deref())
    }
    let place_level: Vec<(i64, &str)> = relevant
        .iter()
        .filter_map(|(_, secs, claim)| match effect(claim) {
            ControlEffect::Sets(f) if matches!(claim.subject, Subject::Place(_)) => {
                Some((*secs, f))
            }
            _ => None,
        })
        .collect();
    let newest_place_secs = place_level.last().map(|&(secs, _)| secs);
    let held_before: Vec<&str> = place_level
        .iter()
        .filter(|(secs, _)| Some(*secs) == newest_place_secs)
        .map(|&(_, f)| f)
        .collect();
    fn loser(claim: &Claim) -> Option<&str> {
        match claim.assertion {
            Assertion::Captured | Assertion::DeclaredControl => claim.counterpart.as_deref(),
            Assertion::Withdrew | Assertion::NegotiatedHandover => claim.actor.as_deref(),
            _ => None,
        }
    }
    // (may apply, surely applies)
    let applies = |claim: &Claim| match (&claim.subject, loser(claim)) {
        (Subject::Region(_), Some(loser)) if !held_before.is_empty() => (
            held_before.contains(&loser),
            held_before.iter().all(|&holder| holder == loser),
        ),
        _ => (true, true),
    };
    let supporting: Vec<(u32, i64, (bool, bool))> = relevant
        .iter()
        .filter(|(_, _, claim)| effect(claim) == ControlEffect::Sets(controller))
        .map(|&(c, secs, claim)| (c, secs, applies(claim)))
        .filter(|&(_, _, (may, _))| may)
        .collect();
    Support {
        candidates: supporting.iter().map(|&(c, _, _)| c).collect(),
        may_newest_secs: supporting.iter().map(|&(_, secs, _)| secs).max(),
        surely_newest_secs: supporting
            .iter()
            .filter(|&&(_, _, (_, surely))| surely)
            .map(|&(_, secs, _)| secs)
            .max(),
    }
}
