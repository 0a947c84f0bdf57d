//! The claims the view counts up to the moment, as CSV in ACLED-like columns, so they
//! can be joined with ACLED data.

use crate::control::{Engine, View};
use crate::model::{Precision, Scenario, Subject};

/// The header row.
pub const COLUMNS: [&str; 10] = [
    "event_date",
    "time_precision",
    "actor1",
    "location",
    "admin1",
    "latitude",
    "longitude",
    "source",
    "notes",
    "claim_id",
];

/// ACLED's time precision: 1 for a known day, 2 for a week.
fn time_precision(precision: Precision) -> &'static str {
    match precision {
        Precision::Week => "2",
        _ => "1",
    }
}

/// The local date of the event: the start of its interval, or the middle of a week.
fn event_date(
    claim: &crate::model::Claim,
    effective_secs: i64,
    offset: jiff::tz::Offset,
) -> String {
    let secs = match claim.when.span(offset) {
        Ok(span) if claim.when.precision != Precision::Week => span.start_secs,
        _ => effective_secs,
    };
    jiff::Timestamp::from_second(secs)
        .map(|t| offset.to_datetime(t).date().to_string())
        .unwrap_or_default()
}

/// Mean position of places, as text with five decimals; empty without places.
fn centroid<'a>(points: impl Iterator<Item = &'a crate::model::Place>) -> (String, String) {
    let (mut lat, mut lon, mut n) = (0.0, 0.0, 0.0);
    for place in points {
        lat += place.lat;
        lon += place.lon;
        n += 1.0;
    }
    if n == 0.0 {
        return (String::new(), String::new());
    }
    (format!("{:.5}", lat / n), format!("{:.5}", lon / n))
}

/// Location, admin-1 name, latitude and longitude of a claim's subject.
fn whereabouts(scenario: &Scenario, subject: &Subject) -> [String; 4] {
    let region_name = |id: &str| {
        scenario
            .region_index(id)
            .map_or(id.to_owned(), |r| scenario.regions[r].name.clone())
    };
    match subject {
        Subject::Place(id) => match scenario.place_index(id) {
            Some(p) => {
                let place = &scenario.places[p];
                [
                    place.name.clone(),
                    region_name(&place.governorate),
                    format!("{:.5}", place.lat),
                    format!("{:.5}", place.lon),
                ]
            }
            None => [id.clone(), String::new(), String::new(), String::new()],
        },
        // People and whole sides are nowhere on the map.
        Subject::Faction(_) | Subject::Person(_) => {
            let name = scenario.subject_name(subject).to_owned();
            [name, String::new(), String::new(), String::new()]
        }
        Subject::Region(id) => {
            let members = scenario
                .region_index(id)
                .map(|r| scenario.regions[r].members.clone())
                .unwrap_or_default();
            let (lat, lon) = centroid(
                scenario
                    .places
                    .iter()
                    .filter(|p| p.governorate == *id || members.contains(&p.governorate)),
            );
            let admin1 = if members.is_empty() {
                region_name(id)
            } else {
                String::new()
            };
            [region_name(id), admin1, lat, lon]
        }
        Subject::Route(id) => {
            let route = scenario.route_index(id).map(|r| &scenario.routes[r]);
            let (lat, lon) = centroid(
                route
                    .iter()
                    .flat_map(|r| &r.waypoints)
                    .filter_map(|w| scenario.place_index(w).map(|p| &scenario.places[p])),
            );
            [
                route.map_or(id.clone(), |r| r.name.clone()),
                String::new(),
                lat,
                lon,
            ]
        }
    }
}

/// The claims `view` counts that take effect up to `at_secs`, oldest first, as CSV.
pub fn claims_csv(engine: &Engine, view: &View, at_secs: i64) -> Result<String, String> {
    let scenario = engine.scenario();
    let offset = scenario.offset();
    let mut rows: Vec<(i64, usize)> = scenario
        .claims
        .iter()
        .enumerate()
        .filter(|(_, claim)| view.counts_claim(scenario, claim))
        .filter_map(|(c, _)| Some((engine.claim_effective_secs(c)?, c)))
        .filter(|&(secs, _)| secs <= at_secs)
        .collect();
    rows.sort();
    let mut writer = csv::Writer::from_writer(Vec::new());
    let fail = |err: csv::Error| format!("cannot write the CSV: {err}");
    writer.write_record(COLUMNS).map_err(fail)?;
    for (secs, c) in rows {
        let claim = &scenario.claims[c];
        let date = event_date(claim, secs, offset);
        let actor = claim
            .actor
            .as_deref()
            .and_then(|id| scenario.faction_index(id))
            .map_or(String::new(), |f| scenario.factions[f].name.clone());
        let source_name = |id: &String| {
            scenario
                .source_index(id)
                .map_or(id.clone(), |s| scenario.sources[s].name.clone())
        };
        let source = claim
            .originators
            .iter()
            .map(source_name)
            .collect::<Vec<_>>()
            .join("; ");
        let mut notes = engine.cite(claim);
        if let Some(quote) = &claim.quote {
            notes.push_str(&format!(". Quote: \"{quote}\""));
        }
        if let Some(doc) = claim
            .document
            .as_deref()
            .and_then(|d| scenario.document_index(d))
        {
            let doc = &scenario.documents[doc];
            notes.push_str(&format!(". Document: {}, {}", doc.title, doc.publisher));
        }
        if let Some(note) = &claim.note {
            notes.push_str(&format!(". Note: {note}"));
        }
        let [location, admin1, lat, lon] = whereabouts(scenario, &claim.subject);
        let precision = time_precision(claim.when.precision);
        writer
            .write_record([
                date.as_str(),
                precision,
                &actor,
                &location,
                &admin1,
                &lat,
                &lon,
                &source,
                &notes,
                &claim.id,
            ])
            .map_err(fail)?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|err| format!("cannot write the CSV: {err}"))?;
    String::from_utf8(bytes).map_err(|err| format!("cannot write the CSV: {err}"))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    /// The rows follow the one rule of which claims a view counts: hiding a relay drops
    /// what came through it, and a joint statement lists every originator.
    #[test]
    fn rows_follow_the_views_claim_rule() {
        let engine = Engine::new(crate::io::default_scenario().unwrap());
        let at = crate::model::Moment::parse("2024-12-07", engine.scenario().offset()).unwrap();
        let ids = |view: &View| -> Vec<String> {
            let text = claims_csv(&engine, view, at.unix_secs()).unwrap();
            let mut rows = csv::Reader::from_reader(text.as_bytes());
            rows.records()
                .map(|row| row.unwrap().iter().next_back().unwrap().to_owned())
                .collect()
        };
        let all = ids(&View::default());
        assert!(all.iter().any(|id| id.starts_with("c-055")));
        let text = claims_csv(&engine, &View::default(), at.unix_secs()).unwrap();
        assert!(text.contains("the rebels; the Syrian military"), "{text}");
        let mut hiding = View::default();
        hiding.hidden_sources.insert("reuters".into());
        let without = ids(&hiding);
        assert!(!without.iter().any(|id| id.starts_with("c-055")));
        assert!(without.iter().any(|id| id.starts_with("c-041")));
        assert_eq!(
            all.len(),
            without.len() + 2,
            "exactly the two Reuters relays go"
        );
    }
}
