//! Corroboration and freshness: who confirms, relays and repeats, staleness.

use frontline::control::{Perspective, Status, View};
use frontline::model::{Assertion, Claim, Precision, TimeRef};

use super::{claim_id, controller, engine, place, said, state, state_under};

#[test]
fn a_baseline_only_place_is_inferred_then_stale_and_never_confirmed() {
    let engine = engine(vec![said(
        "b",
        place("s1"),
        Assertion::Holds,
        "army",
        &["baseline"],
        "2024-12-01",
    )]);
    let fresh = state(&engine, "s1", "2024-12-02T12:00");
    assert_eq!(
        (controller(&engine, &fresh).as_deref(), fresh.status),
        (Some("army"), Status::Inferred)
    );
    assert_eq!(claim_id(&engine, fresh.support).as_deref(), Some("b"));
    // Effective at noon on 1 December: fresh up to noon on the 4th, stale after.
    assert_eq!(
        state(&engine, "s1", "2024-12-04T12:00").status,
        Status::Inferred
    );
    let old = state(&engine, "s1", "2024-12-04T12:01");
    assert_eq!(
        (controller(&engine, &old).as_deref(), old.status),
        (Some("army"), Status::Stale)
    );
}

#[test]
fn independent_support_confirms_only_within_the_window() {
    let engine = engine(vec![said(
        "w",
        place("n1"),
        Assertion::Captured,
        "rebels",
        &["wire"],
        "2024-12-01",
    )]);
    assert_eq!(
        state(&engine, "n1", "2024-12-02T12:00").status,
        Status::Confirmed
    );
    let old = state(&engine, "n1", "2024-12-05T12:00");
    assert_eq!(
        (old.status, claim_id(&engine, old.support).as_deref()),
        (Status::Stale, Some("w"))
    );
}

#[test]
fn relays_and_repeated_reports_change_no_status() {
    // Equal weights: the army's newer-filed claim wins the tie, contested.
    let rebels = said(
        "c1",
        place("n1"),
        Assertion::Captured,
        "rebels",
        &["rebels-said"],
        "2024-12-06",
    );
    let army = said(
        "c2",
        place("n1"),
        Assertion::Holds,
        "army",
        &["army-said"],
        "2024-12-06",
    );
    let alone = engine(vec![rebels.clone(), army.clone()]);
    let before = state(&alone, "n1", "2024-12-06T18:00");
    assert_eq!(before.status, Status::Contested);
    let relayed = |id: &str, via: &[&str]| Claim {
        id: id.into(),
        via: via.iter().map(|s| (*s).to_owned()).collect(),
        ..rebels.clone()
    };
    let echoed = engine(vec![
        rebels.clone(),
        army,
        relayed("c3", &["outlet"]),
        relayed("c4", &["wire", "outlet"]),
        relayed("c5", &[]),
    ]);
    let after = state(&echoed, "n1", "2024-12-06T18:00");
    assert_eq!(
        (
            controller(&echoed, &after),
            after.status,
            claim_id(&echoed, after.basis)
        ),
        (
            controller(&alone, &before),
            before.status,
            claim_id(&alone, before.basis)
        )
    );
}

#[test]
fn a_party_claim_relayed_by_an_outlet_is_claimed_not_confirmed() {
    let claim = Claim {
        via: vec!["outlet".into()],
        ..said(
            "c1",
            place("n1"),
            Assertion::Captured,
            "rebels",
            &["rebels-said"],
            "2024-12-06",
        )
    };
    let engine = engine(vec![claim]);
    let held = state(&engine, "n1", "2024-12-06T18:00");
    assert_eq!(
        (controller(&engine, &held).as_deref(), held.status),
        (Some("rebels"), Status::Claimed)
    );
    // Hiding the relay drops the claim; a perspective of the relay alone does not count it.
    let mut hidden = View::default();
    hidden.hidden_sources.insert("outlet".into());
    assert_eq!(
        state_under(&engine, &hidden, "n1", "2024-12-06T18:00").status,
        Status::Unknown
    );
    let outlet_only = View {
        perspective: Perspective::Source("outlet".into()),
        ..View::default()
    };
    assert_eq!(
        state_under(&engine, &outlet_only, "n1", "2024-12-06T18:00").status,
        Status::Unknown
    );
}

#[test]
fn a_joint_statement_by_both_sides_confirms() {
    let joint = said(
        "c1",
        place("n1"),
        Assertion::Captured,
        "rebels",
        &["rebels-said", "army-said"],
        "2024-12-06",
    );
    let engine = engine(vec![joint]);
    let held = state(&engine, "n1", "2024-12-06T18:00");
    assert_eq!(
        (controller(&engine, &held).as_deref(), held.status),
        (Some("rebels"), Status::Confirmed)
    );
    // As the rebels alone tell it, the army's word is not counted: only claimed.
    let rebels_only = View {
        perspective: Perspective::Source("rebels-said".into()),
        ..View::default()
    };
    assert_eq!(
        state_under(&engine, &rebels_only, "n1", "2024-12-06T18:00").status,
        Status::Claimed
    );
}

#[test]
fn an_undated_report_overlaps_the_dated_week_before_it() {
    let dated = said(
        "c1",
        place("n1"),
        Assertion::Captured,
        "rebels",
        &["rebels-said"],
        "2024-12-06",
    );
    let undated = Claim {
        when: TimeRef {
            at: "2024-12-07T12:00".into(),
            precision: Precision::Reported,
        },
        ..said(
            "c2",
            place("n1"),
            Assertion::Holds,
            "army",
            &["army-said"],
            "2024-12-07",
        )
    };
    let engine = engine(vec![dated, undated]);
    assert_eq!(
        state(&engine, "n1", "2024-12-07T13:00").status,
        Status::Contested
    );
}
