//! The explanations on the embedded Syria scenario: plain sentences, no claim ids.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::{Engine, Status, View};
use crate::model::{Assertion, Claim, Precision, Subject, TimeRef};

/// A moment typed as on the command line, in the default scenario's zone (UTC+03:00).
fn parse_instant(text: &str) -> Result<jiff::Timestamp, String> {
    crate::model::Moment::parse(text, jiff::tz::Offset::constant(3))
        .map(crate::model::Moment::timestamp)
}

fn engine() -> Engine {
    Engine::new(crate::io::default_scenario().unwrap())
}

const MOMENTS: [&str; 4] = ["2024-11-26", "2024-11-30", "2024-12-06", "2024-12-07"];

#[test]
fn no_claim_id_appears_in_any_explanation() {
    let engine = engine();
    let scenario = engine.scenario();
    let mut what_if = View::default();
    what_if.add_assumption("homs=rebels", scenario).unwrap();
    let ids: Vec<&str> = scenario.claims.iter().map(|c| c.id.as_str()).collect();
    for view in [View::default(), what_if] {
        for at in MOMENTS {
            let resolution = engine.resolve(&view, parse_instant(at).unwrap());
            for p in 0..scenario.places.len() {
                let details = engine.place_details(&view, &resolution, p);
                let text = &details.explanation;
                assert!(!text.is_empty());
                assert!(!text.contains('['), "{text}");
                for id in &ids {
                    assert!(!text.contains(id), "{id} in {text}");
                }
            }
        }
    }
    for claim in &scenario.claims {
        assert!(!engine.cite(claim).contains(&claim.id), "{}", claim.id);
        assert!(!engine.account(claim).contains(&claim.id), "{}", claim.id);
    }
}

#[test]
fn two_controllers_are_headed_as_a_dispute_in_both_sides_words() {
    let engine = engine();
    let scenario = engine.scenario();
    let view = View::default();
    let resolution = engine.resolve(&view, parse_instant("2024-12-07").unwrap());
    let p = scenario.place_index("deir-ez-zor").unwrap();
    assert_eq!(resolution.places[p].status, Status::Contested);
    let details = engine.place_details(&view, &resolution, p);
    let text = &details.explanation;
    assert!(
        text.starts_with("Disputed: the rebels say they captured Deir ez-Zor"),
        "{text}"
    );
    assert!(
        text.contains(
            "three Syrian sources told Reuters that the Syrian Democratic Forces \
             (US-backed, Kurdish-led) captured Deir ez-Zor"
        ),
        "{text}"
    );
    assert!(
        text.contains("on Friday 6 December (“a US-backed coalition"),
        "{text}"
    );
    assert!(text.contains("reported 7 December"), "{text}");
    // The ids stay available beside the prose.
    for id in [
        "c-012-deir-ez-zor-rebels-seized",
        "c-055-deir-ez-zor-sdf-took-control",
    ] {
        let c = scenario.claims.iter().position(|c| c.id == id).unwrap();
        assert!(details.deciding.contains(&c), "{id}");
    }
}

#[test]
fn a_strike_names_the_side_struck() {
    let engine = engine();
    let strike = engine
        .scenario()
        .claims
        .iter()
        .find(|c| c.id == "c-013-homs-government-airstrikes")
        .unwrap();
    assert_eq!(strike.assertion, Assertion::StrikeOn);
    let text = engine.account(strike);
    assert!(
        text.contains("struck positions of the Rebel coalition (HTS-led) at Homs"),
        "{text}"
    );
    assert!(!text.contains("struck Homs"), "{text}");
    assert!(
        engine
            .cite(strike)
            .contains("struck positions of the Rebel coalition")
    );
}

#[test]
fn factions_are_named_with_their_article() {
    let engine = engine();
    let scenario = engine.scenario();
    let view = View::default();
    let resolution = engine.resolve(&view, parse_instant("2024-12-07").unwrap());
    let explain = |id: &str| {
        engine
            .place_details(&view, &resolution, scenario.place_index(id).unwrap())
            .explanation
    };
    assert!(explain("idlib").starts_with("Held by the Rebel coalition (HTS-led), "));
    assert!(explain("tartus").starts_with("Held by the Syrian government (Assad), "));
    for p in 0..scenario.places.len() {
        let text = engine.place_details(&view, &resolution, p).explanation;
        for short in ["Rebels holds", "Govt", "Held by Rebel", "Held by Syrian"] {
            assert!(!text.contains(short), "{short}: {text}");
        }
    }
}

fn claim(
    id: &str,
    subject: Subject,
    assertion: Assertion,
    at: &str,
    precision: Precision,
) -> Claim {
    Claim {
        id: id.into(),
        subject,
        assertion,
        actor: Some("government".into()),
        counterpart: None,
        originators: vec!["three-syrian-sources".into()],
        via: vec!["narration".into()],
        v1_source: None,
        scope: crate::model::Scope::default(),
        document: Some("syria-2024-12-07".into()),
        quote: Some("Assad has fled".into()),
        record: None,
        when: TimeRef {
            at: at.into(),
            precision,
        },
        credibility: crate::model::Credibility(2),
        note: None,
    }
}

#[test]
fn dates_read_as_days_weeks_and_reports_with_relays() {
    let engine = engine();
    let place = || Subject::Place("homs".into());
    let day = claim(
        "x-day",
        place(),
        Assertion::Holds,
        "2024-12-06",
        Precision::Day,
    );
    let text = engine.account(&day);
    assert!(text.contains("on Friday 6 December"), "{text}");
    assert!(
        text.starts_with(
            "Three Syrian sources told the publication's own narration \
             that the Syrian government (Assad) held Homs on Friday 6 December"
        ),
        "{text}"
    );
    let week = claim(
        "x-week",
        place(),
        Assertion::Holds,
        "2024-11-30",
        Precision::Week,
    );
    assert!(
        engine
            .account(&week)
            .contains("in the week around 30 November")
    );
    let reported = claim(
        "x-reported",
        place(),
        Assertion::Holds,
        "2024-12-07T12:00",
        Precision::Reported,
    );
    let text = engine.account(&reported);
    assert!(
        text.contains("by 7 December (undated; as reported)"),
        "{text}"
    );
}

#[test]
fn claims_about_the_sides_are_listed_but_never_colour_the_map() {
    let mut scenario = crate::io::default_scenario().unwrap();
    let before = Engine::new(scenario.clone());
    let person = Subject::Person("Bashar al-Assad".into());
    let side = Subject::Faction("government".into());
    scenario.claims.push(claim(
        "x-fled",
        person,
        Assertion::Statement,
        "2024-12-07",
        Precision::Day,
    ));
    scenario.claims.push(claim(
        "x-retreat",
        side,
        Assertion::Retreating,
        "2024-12-05",
        Precision::Day,
    ));
    let engine = Engine::new(scenario);
    let view = View::default();
    let at = parse_instant("2024-12-07").unwrap();
    let added = |view: &View, at: jiff::Timestamp| -> Vec<&str> {
        engine
            .side_claims(view, at.as_second())
            .into_iter()
            .map(|c| engine.scenario().claims[c].id.as_str())
            .filter(|id| id.starts_with("x-"))
            .collect()
    };
    let all = engine.side_claims(&view, at.as_second());
    let secs = |c: &usize| engine.claim_effective_secs(*c);
    assert!(
        all.windows(2).all(|w| secs(&w[0]) <= secs(&w[1])),
        "oldest first"
    );
    assert_eq!(added(&view, at), ["x-retreat", "x-fled"]);
    let early = parse_instant("2024-12-05").unwrap();
    assert_eq!(added(&view, early), ["x-retreat"]);
    let mut hiding = View::default();
    hiding.hidden_sources.insert("narration".into());
    assert!(added(&hiding, at).is_empty(), "a hidden relay hides it");
    assert!(
        !engine.side_claims(&hiding, at.as_second()).is_empty(),
        "only what came through the hidden relay is hidden"
    );
    assert_eq!(
        engine.resolve(&view, at).places,
        before.resolve(&view, at).places
    );
    let fled_index = engine.side_claims(&view, at.as_second());
    let fled_index = fled_index
        .iter()
        .find(|&&c| engine.scenario().claims[c].id == "x-fled");
    let fled = &engine.scenario().claims[*fled_index.unwrap()];
    let text = engine.account(fled);
    assert!(
        text.contains("about Bashar al-Assad") && text.contains("“Assad has fled”"),
        "{text}"
    );
}

#[test]
fn a_stale_place_says_when_it_was_last_reported() {
    let engine = engine();
    let scenario = engine.scenario();
    let view = View::default();
    let mut resolution = engine.resolve(&view, parse_instant("2024-12-12").unwrap());
    let p = scenario.place_index("tartus").unwrap();
    let support = scenario
        .claims
        .iter()
        .position(|c| c.id == "c-047-tartus-regime-stronghold")
        .unwrap();
    resolution.places[p].status = Status::Stale;
    resolution.places[p].support = Some(u32::try_from(support).unwrap());
    let text = engine.place_details(&view, &resolution, p).explanation;
    assert!(
        text.starts_with(
            "Held by the Syrian government (Assad), last reported 5 days ago by neighbors \
             and witnesses (Saturday 7 December)."
        ),
        "{text}"
    );
}
