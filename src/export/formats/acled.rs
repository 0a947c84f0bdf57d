//! The claims the view counts up to the moment as ACLED event rows: ACLED's columns in
//! ACLED's order and ACLED's codes ([`super::acled_codes`]), so they can be read and
//! joined like ACLED data. States ("holds", the baseline) are not events and are left
//! out unless asked for.

use super::acled_codes::{event_codes, inter_code, interaction, time_precision};
use crate::control::{Engine, View};
use crate::export::ExportError;
use crate::model::{Assertion, Claim, Precision, Scenario, Subject};

/// ACLED's columns, in ACLED's order (the 2023 layout).
pub const COLUMNS: [&str; 31] = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
];

/// Syria's ISO 3166 numeric code, ACLED region and country.
const ISO: &str = "760";
const REGION: &str = "Middle East";
const COUNTRY: &str = "Syria";

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

/// ACLED's geographic precision: 1 for a place, 2 for a road (the middle of its
/// waypoints), 3 for a region (the middle of its places) or a subject nowhere on the map.
fn geo_precision(subject: &Subject) -> &'static str {
    match subject {
        Subject::Place(_) => "1",
        Subject::Route(_) => "2",
        _ => "3",
    }
}

/// The publication(s): the document's publisher, or for a claim without a document its
/// originators' names.
fn publication(scenario: &Scenario, claim: &Claim) -> String {
    if let Some(doc) = claim
        .document
        .as_deref()
        .and_then(|d| scenario.document_index(d))
    {
        return scenario.documents[doc].publisher.clone();
    }
    names(scenario, &claim.originators)
}

/// Source names joined by `; `.
fn names(scenario: &Scenario, ids: &[String]) -> String {
    ids.iter()
        .map(|id| {
            scenario
                .source_index(id)
                .map_or(id.clone(), |s| scenario.sources[s].name.clone())
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Who said it (originators, relays), the quote, the analyst's note, and where a
/// region's or road's coordinates come from.
fn notes(scenario: &Scenario, claim: &Claim) -> String {
    let mut parts = vec![format!("Said by {}", names(scenario, &claim.originators))];
    if !claim.via.is_empty() {
        parts[0].push_str(&format!(", relayed by {}", names(scenario, &claim.via)));
    }
    if let Some(quote) = &claim.quote {
        parts.push(format!("Quote: \"{quote}\""));
    }
    if let Some(note) = &claim.note {
        parts.push(format!("Analyst note: {note}"));
    }
    match claim.subject {
        Subject::Region(_) => {
            parts.push("Region claim: coordinates are the centroid of the region's places".into())
        }
        Subject::Route(_) => {
            parts.push("Road claim: coordinates are the centroid of the road's waypoints".into())
        }
        _ => {}
    }
    parts.join(". ") + "."
}

/// The claim's id and its own assertion (which ACLED's codes cannot always tell), for
/// `import acled` to read back.
fn tags(claim: &Claim) -> String {
    let assertion = ron::to_string(&claim.assertion).unwrap_or_default();
    format!(
        "frontline_claim={}; {}{assertion}",
        claim.id,
        crate::import::acled::ASSERTION_TAG
    )
}

/// A faction's name and ACLED actor type.
fn actor(scenario: &Scenario, id: Option<&str>) -> (String, Option<u8>) {
    id.and_then(|id| scenario.faction_index(id))
        .map(|f| &scenario.factions[f])
        .map_or((String::new(), None), |f| {
            (f.name.clone(), Some(inter_code(f.kind)))
        })
}

/// The claims `view` counts that take effect up to `at_secs`, oldest first, as ACLED
/// rows; `holds` claims only with `include_states`.
pub fn claims_csv(
    engine: &Engine,
    view: &View,
    at_secs: i64,
    include_states: bool,
) -> Result<String, ExportError> {
    let scenario = engine.scenario();
    let offset = scenario.offset();
    let mut rows: Vec<(i64, usize)> = scenario
        .claims
        .iter()
        .enumerate()
        .filter(|(_, claim)| include_states || claim.assertion != Assertion::Holds)
        .filter(|(_, claim)| view.counts_claim(scenario, claim))
        .filter_map(|(c, _)| Some((engine.claim_effective_secs(c)?, c)))
        .filter(|&(secs, _)| secs <= at_secs)
        .collect();
    rows.sort();
    let fail = |err: csv::Error| ExportError::encode("acled", err);
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(COLUMNS).map_err(fail)?;
    for (secs, c) in rows {
        let claim = &scenario.claims[c];
        let date = event_date(claim, secs, offset);
        let year = date.get(..4).unwrap_or_default().to_owned();
        let (actor1, inter1) = actor(scenario, claim.actor.as_deref());
        let (actor2, inter2) = actor(scenario, claim.counterpart.as_deref());
        let kind = claim
            .actor
            .as_deref()
            .and_then(|id| scenario.faction_index(id))
            .map(|f| scenario.factions[f].kind);
        let (disorder, event, sub_event) = event_codes(claim, kind);
        let [location, admin1, lat, lon] = whereabouts(scenario, &claim.subject);
        let code = |inter: Option<u8>| inter.map_or(String::new(), |i| i.to_string());
        writer
            .write_record([
                format!("SYR{}", c + 1).as_str(),
                &date,
                &year,
                &time_precision(claim.when.precision).to_string(),
                disorder,
                event,
                sub_event,
                &actor1,
                "",
                &code(inter1),
                &actor2,
                "",
                &code(inter2),
                &interaction(inter1, inter2),
                "",
                ISO,
                REGION,
                COUNTRY,
                &admin1,
                "",
                "",
                &location,
                &lat,
                &lon,
                geo_precision(&claim.subject),
                &publication(scenario, claim),
                "",
                &notes(scenario, claim),
                "0",
                &tags(claim),
                &secs.to_string(),
            ])
            .map_err(fail)?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|err| ExportError::encode("acled", err))?;
    String::from_utf8(bytes).map_err(|err| ExportError::encode("acled", err))
}

#[cfg(test)]
mod tests;
