//! Edits as commands: applied by id, refused before changing anything, undone exactly.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use frontline::edit::{Edit, EditError, History, apply};
use frontline::model::{
    Assertion, Claim, Credibility, Precision, Reliability, Scenario, Scope, Source, SourceKind,
    Subject, TimeRef,
};

use crate::common::mini_scenario;

fn claim(id: &str) -> Claim {
    Claim {
        id: id.into(),
        subject: Subject::Place("hamlet".into()),
        assertion: Assertion::Captured,
        actor: Some("rebels".into()),
        counterpart: Some("army".into()),
        originators: vec!["observers".into()],
        via: Vec::new(),
        v1_source: None,
        scope: Scope::default(),
        document: Some("doc".into()),
        quote: Some("Fighting raged at Midtown overnight".into()),
        record: None,
        when: TimeRef {
            at: "2024-12-06".into(),
            precision: Precision::Day,
        },
        credibility: Credibility(2),
        note: None,
    }
}

fn ids(scenario: &Scenario) -> Vec<&str> {
    scenario.claims.iter().map(|c| c.id.as_str()).collect()
}

#[test]
fn an_added_claim_goes_last_and_its_undo_restores_the_scenario() {
    let before = mini_scenario();
    let mut scenario = before.clone();
    let inverse = apply(&mut scenario, Edit::AddClaim(claim("c-new"))).unwrap();
    assert_eq!(ids(&scenario).last(), Some(&"c-new"));
    apply(&mut scenario, inverse).unwrap();
    assert_eq!(scenario, before);
}

#[test]
fn removing_a_claim_and_undoing_puts_it_back_where_it_was() {
    let before = mini_scenario();
    let mut scenario = before.clone();
    let inverse = apply(
        &mut scenario,
        Edit::RemoveClaim {
            id: "c-north-held".into(),
        },
    )
    .unwrap();
    assert!(!ids(&scenario).contains(&"c-north-held"));
    assert!(
        matches!(&inverse, Edit::InsertClaim { before: Some(next), .. } if next == "c-south-withdrew")
    );
    apply(&mut scenario, inverse).unwrap();
    assert_eq!(scenario, before);
}

#[test]
fn bad_claims_are_refused_naming_the_field_and_change_nothing() {
    let before = mini_scenario();
    let mut scenario = before.clone();
    let mut unknown = claim("c-bad");
    unknown.originators = vec!["obsrvers".into()];
    let err = apply(&mut scenario, Edit::AddClaim(unknown)).unwrap_err();
    let EditError::Invalid { problems, .. } = &err else {
        panic!("{err}")
    };
    assert_eq!(problems[0].field, "originators", "{err}");
    assert!(
        err.to_string().contains("did you mean \"observers\""),
        "{err}"
    );

    let mut misquoted = claim("c-bad");
    misquoted.quote = Some("Fighting raged at Hamlet".into());
    let err = apply(&mut scenario, Edit::AddClaim(misquoted)).unwrap_err();
    let EditError::Invalid { problems, .. } = &err else {
        panic!("{err}")
    };
    assert_eq!(problems[0].field, "quote", "{err}");

    let err = apply(&mut scenario, Edit::AddClaim(claim("c-north-held"))).unwrap_err();
    assert!(
        matches!(err, EditError::DuplicateId { kind: "claim", .. }),
        "{err}"
    );
    assert_eq!(scenario, before);
}

#[test]
fn a_source_still_named_by_a_claim_cannot_be_removed_or_unmade_baseline() {
    let mut scenario = mini_scenario();
    let err = apply(
        &mut scenario,
        Edit::RemoveSource {
            id: "observers".into(),
        },
    )
    .unwrap_err();
    assert!(err.to_string().contains("c-south-withdrew"), "{err}");
    let baseline = scenario.source_by_id("baseline").unwrap().clone();
    let quoted = Source {
        kind: SourceKind::NewsAgency,
        ..baseline
    };
    let err = apply(
        &mut scenario,
        Edit::ChangeSource {
            id: "baseline".into(),
            source: quoted,
        },
    )
    .unwrap_err();
    assert!(err.to_string().contains("b-all"), "{err}");
    assert_eq!(scenario, mini_scenario());
}

#[test]
fn a_batch_is_all_or_nothing_and_one_undo_step() {
    let before = mini_scenario();
    let mut scenario = before.clone();
    let source = Source {
        id: "witness".into(),
        name: "a witness".into(),
        kind: SourceKind::Eyewitness,
        affiliation: None,
        reliability: Reliability::C,
        reliability_reason: "there".into(),
    };
    let mut by_witness = claim("c-witness");
    by_witness.originators = vec!["witness".into()];
    let mut broken = claim("c-broken");
    broken.actor = Some("nobody".into());
    let failing = Edit::Batch(vec![
        Edit::AddSource(source.clone()),
        Edit::AddClaim(by_witness.clone()),
        Edit::AddClaim(broken),
    ]);
    let err = apply(&mut scenario, failing).unwrap_err();
    assert!(matches!(err, EditError::InBatch { index: 2, .. }), "{err}");
    assert_eq!(scenario, before);

    let mut history = History::default();
    history
        .apply(
            &mut scenario,
            Edit::Batch(vec![Edit::AddSource(source), Edit::AddClaim(by_witness)]),
        )
        .unwrap();
    assert!(scenario.source_index("witness").is_some());
    assert!(history.is_dirty());
    history.undo(&mut scenario).unwrap();
    assert_eq!(scenario, before);
    assert!(!history.is_dirty());
    history.redo(&mut scenario).unwrap();
    assert_eq!(ids(&scenario).last(), Some(&"c-witness"));
}

#[test]
fn a_saved_state_lost_to_a_new_branch_stays_dirty() {
    let mut scenario = mini_scenario();
    let mut history = History::default();
    history
        .apply(&mut scenario, Edit::AddClaim(claim("c-1")))
        .unwrap();
    history.mark_saved();
    history.undo(&mut scenario).unwrap();
    assert!(history.is_dirty());
    history
        .apply(&mut scenario, Edit::AddClaim(claim("c-2")))
        .unwrap();
    assert!(
        history.is_dirty(),
        "same revision number, different scenario"
    );
}

#[test]
fn edits_travel_as_ron() {
    let edit = Edit::Batch(vec![
        Edit::AddClaim(claim("c-1")),
        Edit::RemovePlace {
            id: "hamlet".into(),
        },
    ]);
    let text = ron::to_string(&edit).unwrap();
    let back: Edit = ron::from_str(&text).unwrap();
    assert_eq!(back, edit);
}
