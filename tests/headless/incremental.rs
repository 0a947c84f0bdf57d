//! An engine that follows edits incrementally (`Engine::follow`,
//! `Engine::apply_claim_changes`) resolves exactly as a fresh `Engine::new` of the
//! edited scenario: every place and region at several moments under several views,
//! the deciding claims of a few places, the claims' times and each place's claims.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests may unwrap.

use frontline::control::{Engine, Perspective, View};
use frontline::edit::{Edit, apply, claim_changes};
use frontline::model::{
    Assertion, Claim, Extent, Precision, Reliability, Scenario, Scope, Subject, TimeRef,
};
use frontline::synthetic::{SyntheticSize, synthetic_scenario};
use proptest::prelude::*;

const SIZE: SyntheticSize = SyntheticSize {
    places: 120,
    claims: 2_000,
    days: 14,
};

/// Start of the synthetic claims (2024-11-20T00:00+03:00) in Unix seconds.
const START_SECS: i64 = 1_732_050_000;

/// A small deterministic generator for picking edits.
struct Pick(u64);

impl Pick {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % n.max(1) as u64) as usize
    }
}

fn views() -> Vec<View> {
    vec![
        View::default(),
        View {
            perspective: Perspective::MinGrade(Reliability::C),
            ..View::default()
        },
        View {
            hidden_sources: ["state-media".to_owned()].into(),
            ..View::default()
        },
    ]
}

/// A claim quoting a document (so any non-baseline originator may make it).
fn quoted(scenario: &Scenario, pick: &mut Pick) -> Claim {
    let quoted: Vec<&Claim> = scenario
        .claims
        .iter()
        .filter(|c| c.document.is_some())
        .collect();
    quoted[pick.below(quoted.len())].clone()
}

fn moment(pick: &mut Pick) -> TimeRef {
    let day = 20 + pick.below(SIZE.days as usize);
    let (month, day) = if day > 30 { (12, day - 30) } else { (11, day) };
    if pick.below(2) == 0 {
        TimeRef {
            at: format!("2024-{month:02}-{day:02}T{:02}:00", pick.below(24)),
            precision: Precision::Exact,
        }
    } else {
        TimeRef {
            at: format!("2024-{month:02}-{day:02}"),
            precision: [Precision::Day, Precision::Week, Precision::Night][pick.below(3)],
        }
    }
}

const ASSERTIONS: [Assertion; 6] = [
    Assertion::Captured,
    Assertion::Holds,
    Assertion::Withdrew,
    Assertion::FightingAt,
    Assertion::Besieges,
    Assertion::DeniesLoss,
];

/// One random claim edit of kind `kind` (a batch of a few for 7).
fn claim_edit(scenario: &Scenario, kind: u8, pick: &mut Pick, fresh: &mut usize) -> Edit {
    let mut new_id = || {
        *fresh += 1;
        format!("new-{fresh}")
    };
    let existing = |pick: &mut Pick| scenario.claims[pick.below(scenario.claims.len())].clone();
    match kind {
        0 => {
            let mut claim = quoted(scenario, pick);
            claim.id = new_id();
            claim.subject = Subject::Place(
                scenario.places[pick.below(scenario.places.len())]
                    .id
                    .clone(),
            );
            claim.when = moment(pick);
            Edit::AddClaim(claim)
        }
        1 => {
            let mut claim = quoted(scenario, pick);
            claim.id = new_id();
            let region = &scenario.regions[pick.below(scenario.regions.len())];
            claim.subject = Subject::Region(region.id.clone());
            claim.assertion = ASSERTIONS[pick.below(ASSERTIONS.len())].clone();
            let extent = [Extent::All, Extent::Most, Extent::Part][pick.below(3)];
            // Named places must be the region's, and only with most or part of it.
            let within: Vec<&str> = scenario
                .places
                .iter()
                .filter(|p| region.id == "all" || p.governorate == region.id)
                .map(|p| p.id.as_str())
                .collect();
            let named = match extent {
                Extent::All => Vec::new(),
                _ => (0..pick.below(3))
                    .map(|_| within[pick.below(within.len())].to_owned())
                    .collect(),
            };
            claim.scope = Scope {
                extent,
                places: named,
            };
            claim.scope.places.sort();
            claim.scope.places.dedup();
            Edit::AddClaim(claim)
        }
        2 => {
            let mut claim = existing(pick);
            claim.when = moment(pick);
            Edit::ChangeClaim {
                id: claim.id.clone(),
                claim,
            }
        }
        3 => {
            let mut claim = existing(pick);
            claim.assertion = ASSERTIONS[pick.below(ASSERTIONS.len())].clone();
            Edit::ChangeClaim {
                id: claim.id.clone(),
                claim,
            }
        }
        4 => {
            // A new originator; a joint statement relayed by another source adds voices.
            let mut claim = quoted(scenario, pick);
            let others = ["state-media", "rebel-sources", "agency", "residents"];
            if pick.below(2) == 0 {
                claim.originators = vec![others[pick.below(4)].to_owned()];
                claim.via = Vec::new();
            } else {
                claim.originators = vec!["agency".to_owned(), others[pick.below(4)].to_owned()];
                claim.via = vec![others[pick.below(4)].to_owned()];
            }
            Edit::ChangeClaim {
                id: claim.id.clone(),
                claim,
            }
        }
        5 => Edit::RemoveClaim {
            id: existing(pick).id,
        },
        6 => {
            // A claim put back before another, as undoing a removal does.
            let mut claim = quoted(scenario, pick);
            claim.id = new_id();
            claim.when = moment(pick);
            Edit::InsertClaim {
                claim,
                before: Some(existing(pick).id),
            }
        }
        _ => {
            // Remove one claim, put it back elsewhere changed, and add one.
            let mut moved = existing(pick);
            let before = existing(pick).id;
            let remove = Edit::RemoveClaim {
                id: moved.id.clone(),
            };
            moved.when = moment(pick);
            let insert = Edit::InsertClaim {
                claim: moved.clone(),
                before: (before != moved.id).then_some(before),
            };
            let mut added = quoted(scenario, pick);
            added.id = new_id();
            Edit::Batch(vec![remove, insert, Edit::AddClaim(added)])
        }
    }
}

/// An edit of something other than claims: the engine indexes the scenario again.
fn structural_edit(scenario: &Scenario, pick: &mut Pick) -> Edit {
    let mut source = scenario.sources[1 + pick.below(scenario.sources.len() - 1)].clone();
    source.reliability = [Reliability::A, Reliability::C, Reliability::F][pick.below(3)];
    Edit::ChangeSource {
        id: source.id.clone(),
        source,
    }
}

/// Asserts that `engine` answers as a fresh engine of its scenario does.
fn assert_same_as_fresh(engine: &Engine, pick: &mut Pick) {
    let fresh = Engine::new(engine.scenario().clone());
    assert_eq!(engine.event_secs(), fresh.event_secs());
    let claims = engine.scenario().claims.len();
    for c in 0..claims {
        assert_eq!(
            engine.claim_effective_secs(c),
            fresh.claim_effective_secs(c)
        );
    }
    for p in 0..engine.scenario().places.len() {
        assert_eq!(
            engine.place_claims(p),
            fresh.place_claims(p),
            "claims of place {p}"
        );
    }
    for view in views() {
        for hours in [0, 30, 100, 200, 300, 400] {
            let at_secs = START_SECS + hours * 3600;
            let expected = fresh.resolve_secs_walking(&view, at_secs);
            // Through the patched timeline when there is one, and by walking.
            let got = engine.resolve_secs(&view, at_secs);
            assert_eq!(got, expected, "view {view:?} at {at_secs}");
            assert_eq!(engine.resolve_secs_walking(&view, at_secs), expected);
            for _ in 0..3 {
                let p = pick.below(expected.places.len());
                let mine = engine.place_details(&view, &got, p);
                let theirs = fresh.place_details(&view, &expected, p);
                assert_eq!(mine.deciding, theirs.deciding, "place {p}");
                assert_eq!(mine.claims, theirs.claims, "place {p}");
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn following_claim_edits_matches_a_fresh_engine(
        seed in any::<u64>(),
        edits in prop::collection::vec((0u8..8, any::<u64>(), any::<bool>()), 1..5),
    ) {
        let mut scenario = synthetic_scenario(seed, SIZE);
        let mut engine = Engine::new(scenario.clone());
        for view in views() {
            // Cached timelines, so the edits patch them.
            engine.prepare(&view);
        }
        let mut fresh_ids = 0;
        for (kind, r, by_follow) in edits {
            let mut pick = Pick(r);
            let edit = claim_edit(&scenario, kind, &mut pick, &mut fresh_ids);
            if apply(&mut scenario, edit.clone()).is_err() {
                continue;
            }
            if by_follow {
                engine.follow(&edit).unwrap();
            } else {
                engine.apply_claim_changes(scenario.clone(), &claim_changes(&edit));
            }
            prop_assert_eq!(engine.scenario(), &scenario);
            assert_same_as_fresh(&engine, &mut pick);
        }
    }

    #[test]
    fn a_structural_edit_indexes_again_and_still_matches(seed in any::<u64>(), r in any::<u64>()) {
        let mut scenario = synthetic_scenario(seed, SIZE);
        let mut engine = Engine::new(scenario.clone());
        engine.prepare(&View::default());
        let mut pick = Pick(r);
        let mut fresh_ids = 0;
        let claim = claim_edit(&scenario, 0, &mut pick, &mut fresh_ids);
        let edit = Edit::Batch(vec![claim, structural_edit(&scenario, &mut pick)]);
        prop_assert!(claim_changes(&edit).structural);
        apply(&mut scenario, edit.clone()).unwrap();
        let before = engine.instance();
        engine.follow(&edit).unwrap();
        prop_assert_ne!(engine.instance(), before);
        prop_assert_eq!(engine.scenario(), &scenario);
        assert_same_as_fresh(&engine, &mut pick);
    }
}

#[test]
fn a_refused_edit_changes_nothing() {
    let mut engine = Engine::new(synthetic_scenario(3, SIZE));
    let before = engine.instance();
    let edit = Edit::RemoveClaim {
        id: "no-such-claim".into(),
    };
    assert!(engine.follow(&edit).is_err());
    assert_eq!(engine.instance(), before);
    assert_same_as_fresh(&engine, &mut Pick(1));
}

#[test]
fn adding_a_claim_keeps_the_timelines_and_renews_the_instance() {
    let scenario = synthetic_scenario(5, SIZE);
    let mut engine = Engine::new(scenario.clone());
    let view = View::default();
    engine.prepare(&view);
    let before = engine.instance();
    let mut claim = scenario.claims[0].clone();
    claim.id = "accepted".into();
    engine.follow(&Edit::AddClaim(claim)).unwrap();
    assert_ne!(engine.instance(), before);
    assert!(
        engine.has_timeline(&view),
        "the timeline was patched, not dropped"
    );
    assert_same_as_fresh(&engine, &mut Pick(2));
}
