//! Checks of everything but the claims: the header, factions, sources, documents,
//! regions, places, routes and key connections.

use super::{At, Checker, Ids, governorate_ids, ids, known};
use crate::model::{FORMAT_VERSION, Place, PlaceKind, Scenario, parse_offset, rgb_from_hex};

impl Checker<'_> {
    pub(super) fn header(&mut self, scenario: &Scenario) {
        // Format 1 files are converted when loaded, so only 2 is left here.
        if scenario.format_version != FORMAT_VERSION {
            let offset = self.locator.field_after(0, "format_version", None);
            self.report(
                offset,
                format!(
                    "format_version {} is not supported (this build reads 1 and {FORMAT_VERSION})",
                    scenario.format_version
                ),
            );
        }
        if !(1..=8760).contains(&scenario.freshness_hours) {
            let offset = self.locator.field_after(0, "freshness_hours", None);
            self.report(
                offset,
                format!(
                    "freshness_hours {} is outside 1..=8760 (an hour to a year)",
                    scenario.freshness_hours
                ),
            );
        }
        if parse_offset(&scenario.utc_offset).is_none() {
            let offset = self
                .locator
                .field_after(0, "utc_offset", Some(&scenario.utc_offset));
            self.report(
                offset,
                format!(
                    "utc_offset {:?} is not like \"+03:00\"",
                    scenario.utc_offset
                ),
            );
        }
    }

    pub(super) fn factions(&mut self, scenario: &Scenario) {
        let (factions, offsets) = self.ids("factions", ids(&scenario.factions, |f| &f.id));
        for (faction, item) in scenario.factions.iter().zip(offsets) {
            if rgb_from_hex(&faction.color).is_none() {
                let offset = self.field_after(item, "color", Some(&faction.color));
                self.report(offset, format!("colour {:?} is not #rrggbb", faction.color));
            }
            for ally in &faction.allies {
                self.reference(item, "allies", ally, &factions, "faction");
            }
        }
    }

    pub(super) fn sources(&mut self, scenario: &Scenario) {
        let factions = known(ids(&scenario.factions, |f| &f.id));
        let (_, offsets) = self.ids("sources", ids(&scenario.sources, |s| &s.id));
        for (source, item) in scenario.sources.iter().zip(offsets) {
            if let Some(affiliation) = &source.affiliation {
                self.reference(item, "affiliation", affiliation, &factions, "faction");
            }
        }
    }

    pub(super) fn documents(&mut self, scenario: &Scenario) {
        let (_, offsets) = self.ids("documents", ids(&scenario.documents, |d| &d.id));
        for (document, item) in scenario.documents.iter().zip(offsets) {
            if document.published.parse::<jiff::Timestamp>().is_err() {
                let offset = self.field_after(item, "published", Some(&document.published));
                self.report(
                    offset,
                    format!("published {:?} is not an RFC 3339 time", document.published),
                );
            }
        }
    }

    pub(super) fn regions(&mut self, scenario: &Scenario) {
        let (_, offsets) = self.ids("regions", ids(&scenario.regions, |r| &r.id));
        let governorates = governorate_ids(scenario);
        for (region, item) in scenario.regions.iter().zip(offsets) {
            for member in &region.members {
                self.reference(item, "members", member, &governorates, "governorate");
            }
        }
    }

    pub(super) fn places(&mut self, scenario: &Scenario) {
        self.places_among(scenario, None);
    }

    /// [`Self::places`], with a facility's parent looked up in `parents` (the places
    /// of every file of a scenario split into several) instead of `scenario`'s places.
    pub(super) fn places_among(&mut self, scenario: &Scenario, parents: Option<&Ids<'_>>) {
        let governorates = governorate_ids(scenario);
        let (places, offsets) = self.ids("places", ids(&scenario.places, |p| &p.id));
        let parents = parents.unwrap_or(&places);
        for (place, item) in scenario.places.iter().zip(offsets) {
            if !(place.lon.is_finite() && (-180.0..=180.0).contains(&place.lon)) {
                let offset = self.field_after(item, "lon", None);
                self.report(
                    offset,
                    format!("longitude {} is outside -180..180", place.lon),
                );
            }
            if !(place.lat.is_finite() && (-90.0..=90.0).contains(&place.lat)) {
                let offset = self.field_after(item, "lat", None);
                self.report(offset, format!("latitude {} is outside -90..90", place.lat));
            }
            self.reference(
                item,
                "governorate",
                &place.governorate,
                &governorates,
                "governorate",
            );
            if let Some(parent) = &place.parent {
                self.parent(place, parent, item, parents);
            }
        }
    }

    /// A facility's parent: a known place other than itself; only facilities have one.
    fn parent(&mut self, place: &Place, parent: &str, item: At<'_>, places: &Ids<'_>) {
        let at = self.field_after(item, "parent", None);
        let at = self.value_after(at, parent);
        if parent == place.id {
            self.report(at, format!("place {:?} cannot be its own parent", place.id));
        } else if let Some(message) = places.unknown(parent, "place") {
            self.report(at, message);
        }
        let facility = matches!(
            place.kind,
            PlaceKind::Airport | PlaceKind::Prison | PlaceKind::Base | PlaceKind::BorderCrossing
        );
        if !facility {
            let at = self.field_after(item, "kind", None);
            self.report(
                at,
                format!(
                    "place {:?} has a parent, but only a facility (airport, prison, base, border_crossing) has one",
                    place.id
                ),
            );
        }
    }

    pub(super) fn routes(&mut self, scenario: &Scenario) {
        let places = known(ids(&scenario.places, |p| &p.id));
        let (_, offsets) = self.ids("routes", ids(&scenario.routes, |r| &r.id));
        for (route, item) in scenario.routes.iter().zip(offsets) {
            if route.waypoints.len() < 2 {
                let offset = self.offset(item);
                self.report(
                    offset,
                    format!("route {:?} needs at least two waypoints", route.id),
                );
            }
            for waypoint in &route.waypoints {
                self.reference(item, "waypoints", waypoint, &places, "place");
            }
        }
        let start = self.locator.section("key_connections");
        for connection in &scenario.key_connections {
            let item = At::Offset(
                self.locator
                    .field_after(start, "from", Some(&connection.from)),
            );
            self.reference(item, "from", &connection.from, &places, "place");
            self.reference(item, "to", &connection.to, &places, "place");
        }
    }
}
