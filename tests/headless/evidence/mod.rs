//! The engine's evidence rules on small hand-built scenarios: voices, corroboration,
//! freshness, region scope and undated claims.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests may unwrap.

mod corroboration;
mod scope;
mod views;

use frontline::control::{Engine, PlaceState, View};
use frontline::model::{
    Assertion, Claim, Credibility, Precision, Scenario, Scope, Subject, TimeRef,
};

/// Two sides, their mouthpieces, an independent outlet, observers and the baseline;
/// three places in the north, one in the south. Freshness: 72 hours.
const BASE: &str = r##"(
    format_version: 2,
    id: "evidence",
    title: "Evidence rules",
    description: "Test fixture.",
    utc_offset: "+03:00",
    factions: [
        (id: "army", name: "The army", short: "Army", color: "#c0392b", kind: government),
        (id: "rebels", name: "The rebels", short: "Rebels", color: "#27ae60", kind: rebel_coalition),
    ],
    sources: [
        (id: "rebels-said", name: "the rebels", kind: party_to_fight, affiliation: Some("rebels"), reliability: D, reliability_reason: "party"),
        (id: "army-said", name: "the army", kind: party_to_fight, affiliation: Some("army"), reliability: D, reliability_reason: "party"),
        (id: "outlet", name: "an outlet", kind: news_outlet, reliability: B, reliability_reason: "independent"),
        (id: "wire", name: "a wire", kind: news_agency, reliability: B, reliability_reason: "independent"),
        (id: "baseline", name: "baseline", kind: baseline, reliability: E, reliability_reason: "general knowledge"),
    ],
    documents: [],
    regions: [
        (id: "north-gov", name: "North", kind: governorate, admin1_code: Some("SY.09")),
        (id: "south-gov", name: "South", kind: governorate, admin1_code: Some("SY.06")),
    ],
    places: [
        (id: "n1", name: "N1", lon: 37.0, lat: 36.0, population: 1000, kind: city, governorate: "north-gov"),
        (id: "n2", name: "N2", lon: 37.1, lat: 36.1, population: 500, kind: town, governorate: "north-gov"),
        (id: "n3", name: "N3", lon: 37.2, lat: 36.2, population: 500, kind: town, governorate: "north-gov"),
        (id: "s1", name: "S1", lon: 36.3, lat: 33.5, population: 2000, kind: city, governorate: "south-gov"),
    ],
    routes: [],
    key_connections: [],
    claims: [],
)"##;

/// A day-precision claim of credibility 3 by `originators`, no relays.
pub fn said(
    id: &str,
    subject: Subject,
    assertion: Assertion,
    actor: &str,
    by: &[&str],
    day: &str,
) -> Claim {
    Claim {
        id: id.into(),
        subject,
        assertion,
        actor: Some(actor.into()),
        counterpart: None,
        originators: by.iter().map(|s| (*s).to_owned()).collect(),
        via: Vec::new(),
        v1_source: None,
        scope: Scope::default(),
        document: None,
        quote: None,
        record: None,
        when: TimeRef {
            at: day.into(),
            precision: Precision::Day,
        },
        credibility: Credibility(3),
        note: None,
    }
}

pub fn place(id: &str) -> Subject {
    Subject::Place(id.into())
}

pub fn engine(claims: Vec<Claim>) -> Engine {
    let mut scenario: Scenario =
        frontline::io::load_scenario_str("evidence.ron", BASE, &|_| Ok(String::new())).unwrap();
    scenario.claims = claims;
    scenario.sort_by_id();
    Engine::new(scenario)
}

/// `place`'s state at a scenario-local time (`2024-12-06T18:00`) under `view`.
pub fn state_under(engine: &Engine, view: &View, place: &str, local: &str) -> PlaceState {
    let at = frontline::model::Moment::parse(&format!("{local}:00+03:00"), jiff::tz::Offset::UTC)
        .unwrap()
        .timestamp();
    let p = engine.scenario().place_index(place).unwrap();
    let walked = engine.resolve_secs_walking(view, at.as_second()).places[p];
    engine.prepare(view);
    assert_eq!(
        engine.resolve(view, at).places[p],
        walked,
        "timeline and walk differ"
    );
    walked
}

pub fn state(engine: &Engine, place: &str, local: &str) -> PlaceState {
    state_under(engine, &View::default(), place, local)
}

pub fn controller(engine: &Engine, state: &PlaceState) -> Option<String> {
    state
        .controller
        .map(|f| engine.scenario().factions[f as usize].id.clone())
}

pub fn claim_id(engine: &Engine, c: Option<u32>) -> Option<String> {
    c.map(|c| engine.scenario().claims[c as usize].id.clone())
}
