#![allow(clippy::unwrap_used)]

use super::*;

/// The rows at `date` under `view`, as column name → value maps.
fn rows(engine: &Engine, view: &View, states: bool) -> Vec<csv::StringRecord> {
    let at = crate::model::Moment::parse("2024-12-07", engine.scenario().offset()).unwrap();
    let text = claims_csv(engine, view, at.unix_secs(), states).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(
        reader.headers().unwrap(),
        &csv::StringRecord::from(COLUMNS.to_vec())
    );
    reader.records().map(Result::unwrap).collect()
}

fn column(name: &str) -> usize {
    COLUMNS.iter().position(|c| *c == name).unwrap()
}

/// The claim id of a row, from its tags.
fn claim_id(row: &csv::StringRecord) -> String {
    let tags = &row[column("tags")];
    let first = tags.split("; ").next().unwrap_or_default();
    first.trim_start_matches("frontline_claim=").to_owned()
}

/// The rows follow the one rule of which claims a view counts: hiding a relay drops
/// what came through it, and a joint statement lists every originator.
#[test]
fn rows_follow_the_views_claim_rule() {
    let engine = Engine::new(crate::io::default_scenario().unwrap());
    let all: Vec<String> = rows(&engine, &View::default(), true)
        .iter()
        .map(claim_id)
        .collect();
    assert!(all.iter().any(|id| id.starts_with("c-055")));
    let notes: Vec<String> = rows(&engine, &View::default(), true)
        .iter()
        .map(|r| r[column("notes")].to_owned())
        .collect();
    assert!(
        notes.iter().any(|n| n.contains("; ")),
        "a joint statement names both"
    );
    let mut hiding = View::default();
    hiding.hidden_sources.insert("reuters".into());
    let without: Vec<String> = rows(&engine, &hiding, true).iter().map(claim_id).collect();
    assert!(!without.iter().any(|id| id.starts_with("c-055")));
    assert!(without.iter().any(|id| id.starts_with("c-041")));
    assert_eq!(
        all.len(),
        without.len() + 2,
        "exactly the two Reuters relays go"
    );
}

/// A capture by a rebel coalition is a battle in which a non-state actor overtakes
/// territory; the government's is a battle in which it regains territory.
#[test]
fn captures_are_coded_by_who_captures() {
    let engine = Engine::new(crate::io::default_scenario().unwrap());
    let scenario = engine.scenario();
    let kind_of = |claim: &Claim| {
        claim
            .actor
            .as_deref()
            .and_then(|id| scenario.faction_index(id))
            .map(|f| scenario.factions[f].kind)
    };
    let mut seen = 0;
    for row in rows(&engine, &View::default(), false) {
        let id = claim_id(&row);
        let Some(claim) = scenario.claims.iter().find(|c| c.id == id) else {
            panic!("row for unknown claim {id}");
        };
        if claim.assertion == Assertion::Captured
            && kind_of(claim) == Some(crate::model::FactionKind::RebelCoalition)
        {
            assert_eq!(&row[column("event_type")], "Battles");
            assert_eq!(
                &row[column("sub_event_type")],
                "Non-state actor overtakes territory"
            );
            assert_eq!(&row[column("disorder_type")], "Political violence");
            assert_eq!(&row[column("inter1")], "2");
            assert_eq!(&row[column("country")], "Syria");
            assert_eq!(&row[column("iso")], "760");
            assert!(row[column("event_id_cnty")].starts_with("SYR"));
            seen += 1;
        }
    }
    assert!(seen > 0, "the default scenario has rebel captures");
}

/// `holds` claims (the baseline among them) are states, not events: left out unless
/// asked for.
#[test]
fn states_are_left_out_by_default() {
    let engine = Engine::new(crate::io::default_scenario().unwrap());
    let scenario = engine.scenario();
    let holds = |rows: &[csv::StringRecord]| {
        rows.iter()
            .filter(|r| {
                let id = claim_id(r);
                scenario
                    .claims
                    .iter()
                    .any(|c| c.id == id && c.assertion == Assertion::Holds)
            })
            .count()
    };
    let events = rows(&engine, &View::default(), false);
    let with_states = rows(&engine, &View::default(), true);
    assert_eq!(holds(&events), 0);
    assert!(holds(&with_states) > 0);
    assert_eq!(with_states.len(), events.len() + holds(&with_states));
}
