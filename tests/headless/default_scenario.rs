//! Acceptance checks for the default scenario in format 2 (issue 9): what the map must
//! say on 5 and 7 December 2024, and how the report's sources are encoded.
//!
//! Moments are RFC 3339 with Damascus's offset (+03:00), so they do not depend on how
//! a bare date is read.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests may unwrap.

use std::collections::BTreeSet;

use frontline::control::{Engine, Resolution, Status, View};
use frontline::model::{
    Assertion, Extent, Moment, Precision, RegionKind, Scenario, SourceKind, Subject,
};

/// The end of 7 December, local time: the day of the report.
const DEC_7: &str = "2024-12-07T23:59:59+03:00";
/// The end of 5 December, local time: the day Hama fell.
const DEC_5: &str = "2024-12-05T23:59:59+03:00";

fn engine() -> Engine {
    Engine::new(frontline::io::default_scenario().unwrap())
}

fn resolve(engine: &Engine, view: &View, time: &str) -> Resolution {
    let at = Moment::parse(time, engine.scenario().offset()).unwrap();
    engine.resolve(view, at.timestamp())
}

fn place(engine: &Engine, id: &str) -> usize {
    engine
        .scenario()
        .place_index(id)
        .unwrap_or_else(|| panic!("no place {id}"))
}

fn faction_id(engine: &Engine, faction: Option<u16>) -> Option<String> {
    faction.map(|f| engine.scenario().factions[f as usize].id.clone())
}

fn controller(engine: &Engine, resolution: &Resolution, id: &str) -> Option<String> {
    faction_id(engine, resolution.places[place(engine, id)].controller)
}

/// The claim whose quote contains `words`.
fn claim_quoting<'s>(scenario: &'s Scenario, words: &str) -> &'s frontline::model::Claim {
    scenario
        .claims
        .iter()
        .find(|c| c.quote.as_deref().is_some_and(|q| q.contains(words)))
        .unwrap_or_else(|| panic!("no claim quotes {words:?}"))
}

// ---------------------------------------------------------------------------------
// The file itself
// ---------------------------------------------------------------------------------

/// Loading checks every quote against the document's text; check it here too.
#[test]
fn the_default_scenario_loads_and_every_quote_is_verbatim() {
    let scenario = frontline::io::default_scenario().unwrap();
    assert_eq!(scenario.format_version, 2);
    assert_eq!(scenario.freshness_hours, 72);
    for claim in &scenario.claims {
        assert!(
            claim.v1_source.is_none(),
            "{} still uses format 1's source",
            claim.id
        );
        if let (Some(document), Some(quote)) = (&claim.document, &claim.quote) {
            let document = &scenario.documents[scenario.document_index(document).unwrap()];
            assert!(document.find_quote(quote).is_some(), "{}", claim.id);
        }
    }
}

#[test]
fn both_sides_is_a_joint_statement_not_a_source() {
    let scenario = frontline::io::default_scenario().unwrap();
    assert!(scenario.source_by_id("both-sides").is_none());
    assert!(
        scenario
            .claims
            .iter()
            .all(|c| c.sources().all(|s| s != "both-sides")),
        "a claim still names the source both-sides"
    );
    for words in [
        "trying to dig in for a city defense",
        "subjected to heavy shelling throughout the night",
    ] {
        let claim = claim_quoting(&scenario, words);
        let originators: BTreeSet<&str> = claim.originators.iter().map(String::as_str).collect();
        assert_eq!(
            originators,
            BTreeSet::from(["rebels", "syrian-military"]),
            "{}",
            claim.id
        );
        // Each originator keeps its own side.
        for id in &claim.originators {
            assert!(scenario.source_by_id(id).unwrap().affiliation.is_some());
        }
    }
}

#[test]
fn reuters_relays_the_three_syrian_sources() {
    let scenario = frontline::io::default_scenario().unwrap();
    let reuters = scenario.source_by_id("reuters").expect("a reuters source");
    assert_eq!(reuters.kind, SourceKind::NewsAgency);
    let three = scenario.source_by_id("three-syrian-sources").unwrap();
    assert_eq!(three.kind, SourceKind::UnnamedOfficial);
    assert_eq!(three.affiliation, None, "Reuters does not say whose side");

    let theirs: Vec<_> = scenario
        .claims
        .iter()
        .filter(|c| c.originators.iter().any(|o| o == "three-syrian-sources"))
        .collect();
    assert!(!theirs.is_empty());
    for claim in theirs {
        assert_eq!(claim.via, ["reuters"], "{}", claim.id);
    }
    // Reuters relays; it never originates a claim here. The narration speaks for itself.
    for claim in &scenario.claims {
        assert!(
            claim.originators.iter().all(|o| o != "reuters"),
            "{}",
            claim.id
        );
        if claim.originators.iter().any(|o| o == "narration") {
            assert!(claim.via.is_empty(), "{}", claim.id);
        }
    }
}

#[test]
fn region_scopes_name_only_places_of_their_region() {
    let scenario = frontline::io::default_scenario().unwrap();
    let governorates = |region: &str| -> Vec<String> {
        let r = &scenario.regions[scenario.region_index(region).unwrap()];
        match r.kind {
            RegionKind::Governorate => vec![r.id.clone()],
            RegionKind::Grouping => r.members.clone(),
        }
    };
    for claim in &scenario.claims {
        let Subject::Region(region) = &claim.subject else {
            assert!(claim.scope.is_all(), "{}: scope without a region", claim.id);
            continue;
        };
        let governorates = governorates(region);
        for id in &claim.scope.places {
            let p = &scenario.places[scenario.place_index(id).unwrap()];
            assert!(governorates.contains(&p.governorate), "{}: {id}", claim.id);
        }
    }
    let south = claim_quoting(&scenario, "the majority of the south");
    assert_eq!(south.scope.extent, Extent::Most);
    for id in ["daraa", "as-suwayda", "as-sanamayn"] {
        assert!(south.scope.places.iter().any(|p| p == id), "{id}");
    }
    let southwest = claim_quoting(&scenario, "nearly the whole southwest");
    assert_eq!(southwest.scope.extent, Extent::Most);
    let quneitra = claim_quoting(&scenario, "conquered southern Quneitra");
    assert_eq!(
        quneitra.subject,
        Subject::Region("quneitra-governorate".into())
    );
    assert_eq!(quneitra.scope.extent, Extent::Part);
    for id in [
        "quneitra",
        "khan-arnabah",
        "jaba",
        "majdal-shams",
        "masadah",
        "buqata",
    ] {
        assert!(
            !quneitra.scope.places.iter().any(|p| p == id),
            "{id} is not in southern Quneitra"
        );
    }
}

/// Statements about a side as a whole name no place and so change no place.
#[test]
fn retreats_with_no_place_are_about_the_government_side() {
    let scenario = frontline::io::default_scenario().unwrap();
    for words in [
        "it announced that it was repositioning",
        "has been forced to retreat after failing to stop opposition gains",
    ] {
        let claim = claim_quoting(&scenario, words);
        assert_eq!(claim.subject, Subject::Faction("government".into()));
        assert_eq!(claim.assertion, Assertion::Retreating);
        assert!(!claim.subject.is_geographic());
    }
    let strongholds = claim_quoting(&scenario, "heavy airstrikes on rebel strongholds");
    assert_eq!(strongholds.assertion, Assertion::StrikeOn);
    assert_eq!(strongholds.counterpart.as_deref(), Some("rebels"));
}

/// Undated statements take effect when the report was published.
#[test]
fn undated_claims_are_reported_at_the_publication_time() {
    let scenario = frontline::io::default_scenario().unwrap();
    let mut reported = 0;
    for claim in &scenario.claims {
        if claim.when.precision != Precision::Reported {
            continue;
        }
        reported += 1;
        let document = claim.document.as_deref().expect("a document");
        let document = &scenario.documents[scenario.document_index(document).unwrap()];
        assert_eq!(claim.when.at, document.published, "{}", claim.id);
    }
    assert!(reported > 0);
    let deir = claim_quoting(&scenario, "Deir al-Zor in the east");
    assert_eq!(deir.when.precision, Precision::Reported);
    for claim in &scenario.claims {
        let note = claim.note.as_deref().unwrap_or("");
        assert!(
            !note.contains("dated to the publication day"),
            "{}",
            claim.id
        );
    }
}

// ---------------------------------------------------------------------------------
// The map
// ---------------------------------------------------------------------------------

/// Nothing in the report corroborates who holds Damascus or the M5 towns between
/// Aleppo and Hama: only the baseline covers them, and the baseline never confirms.
#[test]

fn baseline_only_places_are_not_confirmed() {
    let engine = engine();
    let resolution = resolve(&engine, &View::default(), DEC_7);
    for id in ["damascus", "saraqib", "maarat-al-numan", "khan-shaykhun"] {
        let state = resolution.places[place(&engine, id)];
        assert_ne!(state.status, Status::Confirmed, "{id}");
    }
}

/// "Southern Quneitra" is part of the governorate: the town and the north stay out of
/// the rebels' claim.
#[test]

fn quneitra_town_and_khan_arnabah_are_not_rebel_held() {
    let engine = engine();
    let resolution = resolve(&engine, &View::default(), DEC_7);
    for id in ["quneitra", "khan-arnabah"] {
        assert_ne!(
            controller(&engine, &resolution, id).as_deref(),
            Some("rebels"),
            "{id}"
        );
    }
}

#[test]
fn deir_ez_zor_is_disputed_between_the_rebels_and_the_sdf_on_7_december() {
    let engine = engine();
    let resolution = resolve(&engine, &View::default(), DEC_7);
    let state = resolution.places[place(&engine, "deir-ez-zor")];
    assert_eq!(state.status, Status::Contested);
    let sides = BTreeSet::from([
        faction_id(&engine, state.controller),
        faction_id(&engine, engine.rival_faction(&state)),
    ]);
    assert_eq!(
        sides,
        BTreeSet::from([Some("rebels".to_owned()), Some("sdf".to_owned())])
    );
}

/// The rebels' undated claim counts from the report, not from a week before it.
#[test]
fn deir_ez_zor_is_not_rebel_held_on_5_december() {
    let engine = engine();
    let resolution = resolve(&engine, &View::default(), DEC_5);
    assert_ne!(
        controller(&engine, &resolution, "deir-ez-zor").as_deref(),
        Some("rebels")
    );
}

#[test]
fn homs_is_government_held_and_contested_on_7_december() {
    let engine = engine();
    let resolution = resolve(&engine, &View::default(), DEC_7);
    assert_eq!(
        controller(&engine, &resolution, "homs").as_deref(),
        Some("government")
    );
    assert_eq!(
        resolution.places[place(&engine, "homs")].status,
        Status::Contested
    );
}

/// The article's central point: if Homs falls, Damascus is cut off from the coast.
#[test]
fn if_homs_falls_damascus_is_cut_off_from_tartus_and_latakia() {
    let engine = engine();
    let scenario = engine.scenario();
    let mut what_if = View::default();
    what_if.add_assumption("homs=rebels", scenario).unwrap();
    let fallen = resolve(&engine, &what_if, DEC_7);
    let links = engine.connectivity(&fallen);
    for to in ["tartus", "latakia"] {
        let link = links
            .iter()
            .find(|l| scenario.places[l.from].id == "damascus" && scenario.places[l.to].id == to)
            .unwrap_or_else(|| panic!("no key connection Damascus-{to}"));
        assert_eq!(
            faction_id(&engine, Some(link.faction)).as_deref(),
            Some("government")
        );
        assert!(!link.connected, "Damascus still reaches {to}");
    }
}
