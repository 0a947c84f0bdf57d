//! Region scope: all, most or part of a region, and withdrawals naming no places.

use frontline::control::{Engine, Status};
use frontline::model::{Assertion, Claim, Extent, Scope, Subject};

use super::{controller, engine, place, said, state};

fn region_capture(extent: Extent, named: &[&str]) -> Engine {
    let held = said(
        "c1",
        Subject::Region("north-gov".into()),
        Assertion::Holds,
        "army",
        &["army-said"],
        "2024-12-05",
    );
    let captured = Claim {
        scope: Scope {
            extent,
            places: named.iter().map(|p| (*p).to_owned()).collect(),
        },
        ..said(
            "c2",
            Subject::Region("north-gov".into()),
            Assertion::Captured,
            "rebels",
            &["rebels-said"],
            "2024-12-06",
        )
    };
    engine(vec![held, captured])
}

fn who_and_how(engine: &Engine, place: &str) -> (Option<String>, Status) {
    let state = state(engine, place, "2024-12-06T18:00");
    (controller(engine, &state), state.status)
}

#[test]
fn most_of_a_region_flips_the_named_places_and_contests_the_rest() {
    let engine = region_capture(Extent::Most, &["n1"]);
    assert_eq!(
        who_and_how(&engine, "n1"),
        (Some("rebels".into()), Status::Inferred)
    );
    for other in ["n2", "n3"] {
        assert_eq!(
            who_and_how(&engine, other),
            (Some("army".into()), Status::Contested)
        );
    }
    assert_eq!(who_and_how(&engine, "s1"), (None, Status::Unknown));
}

#[test]
fn part_of_a_region_flips_only_the_named_places() {
    let engine = region_capture(Extent::Part, &["n1"]);
    assert_eq!(
        who_and_how(&engine, "n1"),
        (Some("rebels".into()), Status::Inferred)
    );
    for other in ["n2", "n3"] {
        assert_eq!(
            who_and_how(&engine, other),
            (Some("army".into()), Status::Inferred)
        );
    }
}

#[test]
fn all_of_a_region_flips_every_place_but_a_place_claim_beats_it() {
    let mut claims = vec![said(
        "c0",
        place("n3"),
        Assertion::Holds,
        "army",
        &["wire"],
        "2024-12-06",
    )];
    let engine = region_capture(Extent::All, &[]);
    claims.extend(engine.scenario().claims.iter().cloned());
    let engine = self::engine(claims);
    for flipped in ["n1", "n2"] {
        assert_eq!(
            who_and_how(&engine, flipped),
            (Some("rebels".into()), Status::Inferred)
        );
    }
    assert_eq!(
        who_and_how(&engine, "n3"),
        (Some("army".into()), Status::Confirmed)
    );
}

#[test]
fn a_region_withdrawal_naming_no_places_changes_nothing() {
    let held = said(
        "c1",
        Subject::Region("north-gov".into()),
        Assertion::Holds,
        "army",
        &["army-said"],
        "2024-12-05",
    );
    let withdrew = said(
        "c2",
        Subject::Region("north-gov".into()),
        Assertion::Withdrew,
        "army",
        &["wire"],
        "2024-12-06",
    );
    let before = engine(vec![held.clone()]);
    let after = engine(vec![held, withdrew]);
    for p in ["n1", "n2", "n3"] {
        assert_eq!(who_and_how(&after, p), who_and_how(&before, p));
        assert_eq!(
            who_and_how(&after, p),
            (Some("army".into()), Status::Inferred)
        );
    }
}
