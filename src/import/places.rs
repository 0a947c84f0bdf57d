//! Where an imported record is: a known region or place by name or alias (folded), a
//! known place within [`NEAR_KM`] of its coordinates, or a new place proposed there.

use crate::ingest::{Proposals, slug};
use crate::model::{Place, PlaceKind, RegionKind, Scenario, Subject, fold};

/// How far from a record's coordinates a known place may be to be taken as its place.
pub const NEAR_KM: f64 = 5.0;

/// A location as a record gives it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Location<'a> {
    /// Its name.
    pub name: &'a str,
    /// Its first-level administrative area's name, if given.
    pub admin1: &'a str,
    /// Its coordinates, if given.
    pub lat_lon: Option<(f64, f64)>,
    /// Whether the record places it only at a region's level (ACLED geo_precision 3).
    pub region_level: bool,
    /// Whether the record places it at a road's level (Frontline's geo_precision 2).
    pub road_level: bool,
}

/// The subject for `location`: at a region's level, a region, road or side it names;
/// else a known place by name, then by distance, else a new place (added to
/// `proposals`). A region-level location without coordinates that names nothing known
/// is a person (Frontline's export writes claims about people so). `None` when it has
/// neither a known name nor coordinates.
pub fn subject_of(
    scenario: &Scenario,
    location: Location<'_>,
    proposals: &mut Proposals,
) -> Option<Subject> {
    let key = fold(location.name);
    if location.region_level
        && let Some(region) = scenario.regions.iter().find(|r| fold(&r.name) == key)
    {
        return Some(Subject::Region(region.id.clone()));
    }
    if (location.region_level || location.road_level)
        && let Some(route) = scenario.routes.iter().find(|r| fold(&r.name) == key)
    {
        return Some(Subject::Route(route.id.clone()));
    }
    if location.region_level
        && location.lat_lon.is_none()
        && let Some(faction) = scenario.factions.iter().find(|f| fold(&f.name) == key)
    {
        return Some(Subject::Faction(faction.id.clone()));
    }
    let named = |place: &&Place| {
        !key.is_empty()
            && std::iter::once(&place.name)
                .chain(&place.aliases)
                .any(|n| fold(n) == key)
    };
    if let Some(place) = scenario
        .places
        .iter()
        .chain(&proposals.new_places)
        .find(named)
    {
        return Some(Subject::Place(place.id.clone()));
    }
    let Some((lat, lon)) = location.lat_lon else {
        let person = location.region_level && !location.name.trim().is_empty();
        return person.then(|| Subject::Person(location.name.trim().to_owned()));
    };
    if let Some((place, _)) = nearest(
        scenario.places.iter().chain(&proposals.new_places),
        lat,
        lon,
    )
    .filter(|(_, km)| *km <= NEAR_KM)
    {
        return Some(Subject::Place(place.id.clone()));
    }
    let place = new_place(scenario, location, lat, lon, proposals);
    Some(Subject::Place(proposals.add_place(place)))
}

/// The known place nearest to a point, with its distance in km.
pub fn nearest<'p>(
    places: impl Iterator<Item = &'p Place>,
    lat: f64,
    lon: f64,
) -> Option<(&'p Place, f64)> {
    places
        .map(|place| (place, km_between(lat, lon, place.lat, place.lon)))
        .min_by(|a, b| a.1.total_cmp(&b.1))
}

/// Great-circle distance in km.
pub fn km_between(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    use geo::{Distance, Haversine, Point};
    Haversine.distance(Point::new(lon1, lat1), Point::new(lon2, lat2)) / 1000.0
}

/// A village at the record's coordinates, in the governorate its admin-1 names (else
/// the nearest place's), with an id unused by the scenario and the other proposals.
fn new_place(
    scenario: &Scenario,
    location: Location<'_>,
    lat: f64,
    lon: f64,
    proposals: &Proposals,
) -> Place {
    let admin1 = fold(location.admin1);
    let governorate = scenario
        .regions
        .iter()
        .find(|r| {
            r.kind == RegionKind::Governorate && !admin1.is_empty() && fold(&r.name) == admin1
        })
        .map(|r| r.id.clone())
        .or_else(|| nearest(scenario.places.iter(), lat, lon).map(|(p, _)| p.governorate.clone()))
        .unwrap_or_default();
    let name = if location.name.trim().is_empty() {
        format!("{lat:.4}, {lon:.4}")
    } else {
        location.name.trim().to_owned()
    };
    let base = match slug(&name) {
        empty if empty.is_empty() => "place".to_owned(),
        id => id,
    };
    let taken = |id: &str| {
        scenario.place_index(id).is_some() || proposals.new_places.iter().any(|p| p.id == id)
    };
    let mut id = base.clone();
    let mut n = 2;
    while taken(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    Place {
        id,
        name,
        aliases: Vec::new(),
        lon,
        lat,
        population: 0,
        kind: PlaceKind::Village,
        governorate,
        geonames_id: None,
        parent: None,
    }
}
