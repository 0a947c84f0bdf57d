//! Adding, changing and removing places.

use super::command::{Edit, EditError, problem};
use super::items::{claims_still_valid, found, free_slot, refuse, unused};
use crate::io::FieldProblem;
use crate::model::{Place, RegionKind, Scenario, Subject};

fn place_problems(scenario: &Scenario, place: &Place) -> Vec<FieldProblem> {
    let mut problems = Vec::new();
    if !(place.lon.is_finite() && (-180.0..=180.0).contains(&place.lon)) {
        problems.push(problem(
            "lon",
            format!("{} is outside -180..180", place.lon),
        ));
    }
    if !(place.lat.is_finite() && (-90.0..=90.0).contains(&place.lat)) {
        problems.push(problem("lat", format!("{} is outside -90..90", place.lat)));
    }
    let governorate = scenario
        .region_index(&place.governorate)
        .filter(|&r| scenario.regions[r].kind == RegionKind::Governorate);
    if governorate.is_none() {
        let message = format!("unknown governorate {:?}", place.governorate);
        problems.push(problem("governorate", message));
    }
    if let Some(parent) = &place.parent {
        if *parent == place.id {
            problems.push(problem("parent", "a place cannot be its own parent"));
        } else if scenario.place_index(parent).is_none() {
            problems.push(problem("parent", format!("unknown place {parent:?}")));
        }
    }
    problems
}

/// Whether a claim refers to the place (as its subject or in its scope).
fn names_place(claim: &crate::model::Claim, id: &str) -> bool {
    matches!(&claim.subject, Subject::Place(subject) if subject == id)
        || claim.scope.places.iter().any(|place| place == id)
}

pub(crate) fn add_place(scenario: &mut Scenario, place: Place) -> Result<Edit, EditError> {
    let at = free_slot(&scenario.places, "place", &place.id, |p| &p.id)?;
    refuse("place", &place.id, place_problems(scenario, &place))?;
    let id = place.id.clone();
    scenario.places.insert(at, place);
    Ok(Edit::RemovePlace { id })
}

pub(crate) fn change_place(
    scenario: &mut Scenario,
    id: String,
    place: Place,
) -> Result<Edit, EditError> {
    let at = found(&scenario.places, "place", &id, |p| &p.id)?;
    if place.id != id {
        let new = place.id;
        return Err(EditError::IdChanged {
            kind: "place",
            id,
            new,
        });
    }
    refuse("place", &id, place_problems(scenario, &place))?;
    // Tried in place, then put back if a claim about the place no longer checks (its
    // governorate decides which regions' scopes may name it).
    let old = std::mem::replace(&mut scenario.places[at], place);
    let broken = claims_still_valid(scenario, "governorate", |claim| names_place(claim, &id));
    if !broken.is_empty() {
        scenario.places[at] = old;
        return Err(EditError::Invalid {
            kind: "place",
            id,
            problems: broken,
        });
    }
    Ok(Edit::ChangePlace { id, place: old })
}

pub(crate) fn remove_place(scenario: &mut Scenario, id: &str) -> Result<Edit, EditError> {
    let at = found(&scenario.places, "place", id, |p| &p.id)?;
    let claims = scenario
        .claims
        .iter()
        .filter(|claim| names_place(claim, id));
    let users = claims
        .map(|claim| format!("claim {:?}", claim.id))
        .chain(
            scenario
                .places
                .iter()
                .filter(|place| place.parent.as_deref() == Some(id))
                .map(|place| format!("place {:?}", place.id)),
        )
        .chain(
            scenario
                .routes
                .iter()
                .filter(|route| route.waypoints.iter().any(|waypoint| waypoint == id))
                .map(|route| format!("route {:?}", route.id)),
        )
        .chain(
            scenario
                .key_connections
                .iter()
                .filter(|connection| connection.from == id || connection.to == id)
                .map(|connection| {
                    format!("key connection {} to {}", connection.from, connection.to)
                }),
        )
        .collect();
    unused("place", id, users)?;
    Ok(Edit::AddPlace(scenario.places.remove(at)))
}
