//! A batch's runs of claim additions and removals are applied at once (an import adds
//! tens of thousands): the result, the refusals and the undo are those of applying the
//! edits one by one.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use frontline::edit::{Edit, EditError, apply};
use frontline::io::load_scenario_file;
use frontline::model::{Claim, Scenario};

fn mini() -> Scenario {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini.ron");
    load_scenario_file(&path).unwrap()
}

/// A copy of the mini fixture's first document claim under a new id.
fn claim(scenario: &Scenario, id: &str) -> Claim {
    let mut claim = scenario
        .claims
        .iter()
        .find(|c| c.document.is_some())
        .unwrap()
        .clone();
    claim.id = id.into();
    claim
}

/// `edits` applied one at a time, each as its own edit.
fn one_by_one(scenario: &Scenario, edits: &[Edit]) -> Scenario {
    let mut scenario = scenario.clone();
    for edit in edits {
        apply(&mut scenario, edit.clone()).unwrap();
    }
    scenario
}

/// Applies `edits` as one batch; checks it against one by one, its undo and its redo.
fn check_batch(before: &Scenario, edits: Vec<Edit>) -> Scenario {
    let expected = one_by_one(before, &edits);
    let mut scenario = before.clone();
    let inverse = apply(&mut scenario, Edit::Batch(edits)).unwrap();
    assert_eq!(scenario, expected);
    let redo = apply(&mut scenario, inverse).unwrap();
    assert_eq!(&scenario, before);
    apply(&mut scenario, redo).unwrap();
    assert_eq!(scenario, expected);
    scenario
}

fn ids(scenario: &Scenario) -> Vec<&str> {
    scenario.claims.iter().map(|c| c.id.as_str()).collect()
}

#[test]
fn added_claims_land_where_one_by_one_puts_them_and_undo_restores() {
    let before = mini();
    let first = before.claims[0].id.clone();
    let third = before.claims[2].id.clone();
    let edits = vec![
        Edit::AddClaim(claim(&before, "n-end-1")),
        Edit::InsertClaim {
            claim: claim(&before, "n-before-third-1"),
            before: Some(third.clone()),
        },
        Edit::InsertClaim {
            claim: claim(&before, "n-before-first"),
            before: Some(first),
        },
        Edit::InsertClaim {
            claim: claim(&before, "n-before-third-2"),
            before: Some(third.clone()),
        },
        Edit::AddClaim(claim(&before, "n-end-2")),
    ];
    let after = check_batch(&before, edits);
    let ids = ids(&after);
    let at = |id: &str| ids.iter().position(|c| *c == id).unwrap();
    assert_eq!(at("n-before-first"), 0);
    assert_eq!(at("n-before-third-2"), at(&third) - 1);
    assert_eq!(at("n-before-third-1"), at(&third) - 2);
    assert_eq!(&ids[ids.len() - 2..], ["n-end-1", "n-end-2"]);
}

#[test]
fn removed_claims_come_back_where_they_were() {
    let mut before = mini();
    // Enough claims for gaps between the removed ones.
    let extra: Vec<Edit> = (0..12)
        .map(|n| Edit::AddClaim(claim(&before, &format!("x-{n}"))))
        .collect();
    before = one_by_one(&before, &extra);
    let remove = |id: &str| Edit::RemoveClaim { id: id.into() };
    let last = before.claims.last().unwrap().id.clone();
    let first = before.claims[0].id.clone();
    let edits = vec![
        remove("x-3"),
        remove("x-4"),
        remove(&last),
        remove("x-0"),
        remove(&first),
        remove("x-9"),
        remove("x-8"),
    ];
    let after = check_batch(&before, edits);
    assert_eq!(after.claims.len(), before.claims.len() - 7);
    // Added then removed in one batch: two runs, undone in turn.
    let mixed = vec![
        Edit::AddClaim(claim(&before, "y-1")),
        Edit::AddClaim(claim(&before, "y-2")),
        remove("y-1"),
        remove("x-5"),
        Edit::AddClaim(claim(&before, "y-3")),
    ];
    check_batch(&before, mixed);
}

#[test]
fn a_claim_going_before_one_of_its_own_batch_still_lands_right() {
    let before = mini();
    let edits = vec![
        Edit::AddClaim(claim(&before, "z-2")),
        Edit::InsertClaim {
            claim: claim(&before, "z-1"),
            before: Some("z-2".into()),
        },
    ];
    let after = check_batch(&before, edits);
    assert_eq!(&ids(&after)[after.claims.len() - 2..], ["z-1", "z-2"]);
}

#[test]
fn refusals_name_the_edit_of_the_batch_and_change_nothing() {
    let before = mini();
    let mut broken = claim(&before, "w-broken");
    broken.actor = Some("nobody".into());
    let cases = [
        (
            vec![
                Edit::AddClaim(claim(&before, "w-1")),
                Edit::AddClaim(claim(&before, "w-2")),
                Edit::AddClaim(claim(&before, "w-1")),
            ],
            2,
        ),
        (
            vec![
                Edit::AddClaim(claim(&before, "w-1")),
                Edit::AddClaim(claim(&before, &before.claims[1].id)),
            ],
            1,
        ),
        (
            vec![
                Edit::AddClaim(claim(&before, "w-1")),
                Edit::InsertClaim {
                    claim: claim(&before, "w-2"),
                    before: Some("nowhere".into()),
                },
            ],
            1,
        ),
        (
            vec![
                Edit::AddClaim(claim(&before, "w-1")),
                Edit::AddClaim(claim(&before, "w-2")),
                Edit::AddClaim(broken),
            ],
            2,
        ),
        (
            vec![
                Edit::RemoveClaim {
                    id: before.claims[0].id.clone(),
                },
                Edit::RemoveClaim {
                    id: before.claims[0].id.clone(),
                },
            ],
            1,
        ),
        (
            vec![
                Edit::AddClaim(claim(&before, "w-1")),
                Edit::RemoveClaim {
                    id: before.claims[0].id.clone(),
                },
                Edit::RemoveClaim { id: "w-9".into() },
            ],
            2,
        ),
    ];
    for (edits, index) in cases {
        let mut scenario = before.clone();
        let err = apply(&mut scenario, Edit::Batch(edits)).unwrap_err();
        match err {
            EditError::InBatch { index: at, .. } => assert_eq!(at, index, "{err}"),
            other => panic!("{other}"),
        }
        assert_eq!(scenario, before);
    }
}
