use std::collections::BTreeSet;

use super::load::duplicates_before;
use super::{Diagnostic, Locator, did_you_mean};
use crate::model::{
    Assertion, FORMAT_VERSION, RegionKind, Scenario, Subject, parse_offset, rgb_from_hex,
};

/// Every problem in a parsed scenario, located in `text` (the file it came from).
/// Documents' texts must already be read.
pub fn validate(scenario: &Scenario, file: &str, text: &str) -> Vec<Diagnostic> {
    let mut check = Checker {
        file,
        locator: Locator::new(text),
        diagnostics: Vec::new(),
    };
    check.header(scenario);
    check.factions(scenario);
    check.sources(scenario);
    check.documents(scenario);
    check.regions(scenario);
    check.places(scenario);
    check.routes(scenario);
    check.claims(scenario);
    check.diagnostics
}

/// The ids of one collection.
struct Ids<'s> {
    ids: BTreeSet<&'s str>,
}

impl Ids<'_> {
    fn unknown(&self, id: &str, what: &str) -> Option<String> {
        (!self.ids.contains(id)).then(|| {
            format!(
                "unknown {what} {id:?}{}",
                did_you_mean(id, self.ids.iter().copied())
            )
        })
    }
}

struct Checker<'a> {
    file: &'a str,
    locator: Locator<'a>,
    diagnostics: Vec<Diagnostic>,
}

impl Checker<'_> {
    fn report(&mut self, offset: usize, message: String) {
        let (line, col) = self.locator.line_col(offset);
        self.diagnostics.push(Diagnostic {
            file: self.file.to_owned(),
            line,
            col,
            message,
        });
    }

    /// Collects a collection's ids, reporting duplicates; returns each item's offset.
    fn ids<'s>(&mut self, section: &'static str, ids: Vec<&'s str>) -> (Ids<'s>, Vec<usize>) {
        let owned: Vec<String> = ids.iter().map(|id| (*id).to_owned()).collect();
        let mut offsets = Vec::with_capacity(ids.len());
        let mut seen = BTreeSet::new();
        for (i, id) in ids.iter().enumerate() {
            let offset = self
                .locator
                .item_in(section, id, duplicates_before(&owned, i));
            if id.trim().is_empty() {
                self.report(offset, format!("empty id in {section}"));
            } else if !seen.insert(*id) {
                self.report(offset, format!("duplicate id {id:?} in {section}"));
            }
            offsets.push(offset);
        }
        (Ids { ids: seen }, offsets)
    }

    /// Reports `id` at the `field` of the item at `item` when it is not in `known`.
    fn reference(&mut self, item: usize, field: &str, id: &str, known: &Ids<'_>, what: &str) {
        if let Some(message) = known.unknown(id, what) {
            let offset = self.locator.field_after(item, field, Some(id));
            self.report(offset, message);
        }
    }

    fn header(&mut self, scenario: &Scenario) {
        if scenario.format_version != FORMAT_VERSION {
            let offset = self.locator.field_after(0, "format_version", None);
            self.report(
                offset,
                format!(
                    "format_version {} is not supported (this build reads {FORMAT_VERSION})",
                    scenario.format_version
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

    fn factions(&mut self, scenario: &Scenario) {
        let (factions, offsets) = self.ids("factions", ids(&scenario.factions, |f| &f.id));
        for (faction, &item) in scenario.factions.iter().zip(&offsets) {
            if rgb_from_hex(&faction.color).is_none() {
                let offset = self
                    .locator
                    .field_after(item, "color", Some(&faction.color));
                self.report(offset, format!("colour {:?} is not #rrggbb", faction.color));
            }
            for ally in &faction.allies {
                self.reference(item, "allies", ally, &factions, "faction");
            }
        }
    }

    fn sources(&mut self, scenario: &Scenario) {
        let factions = known(ids(&scenario.factions, |f| &f.id));
        let (_, offsets) = self.ids("sources", ids(&scenario.sources, |s| &s.id));
        for (source, &item) in scenario.sources.iter().zip(&offsets) {
            if let Some(affiliation) = &source.affiliation {
                self.reference(item, "affiliation", affiliation, &factions, "faction");
            }
        }
    }

    fn documents(&mut self, scenario: &Scenario) {
        let (_, offsets) = self.ids("documents", ids(&scenario.documents, |d| &d.id));
        for (document, &item) in scenario.documents.iter().zip(&offsets) {
            if document.published.parse::<jiff::Timestamp>().is_err() {
                let offset = self
                    .locator
                    .field_after(item, "published", Some(&document.published));
                self.report(
                    offset,
                    format!("published {:?} is not an RFC 3339 time", document.published),
                );
            }
        }
    }

    fn regions(&mut self, scenario: &Scenario) {
        let (_, offsets) = self.ids("regions", ids(&scenario.regions, |r| &r.id));
        let governorates = governorate_ids(scenario);
        for (region, &item) in scenario.regions.iter().zip(&offsets) {
            for member in &region.members {
                self.reference(item, "members", member, &governorates, "governorate");
            }
        }
    }

    fn places(&mut self, scenario: &Scenario) {
        let governorates = governorate_ids(scenario);
        let (_, offsets) = self.ids("places", ids(&scenario.places, |p| &p.id));
        for (place, &item) in scenario.places.iter().zip(&offsets) {
            if !(place.lon.is_finite() && (-180.0..=180.0).contains(&place.lon)) {
                let offset = self.locator.field_after(item, "lon", None);
                self.report(
                    offset,
                    format!("longitude {} is outside -180..180", place.lon),
                );
            }
            if !(place.lat.is_finite() && (-90.0..=90.0).contains(&place.lat)) {
                let offset = self.locator.field_after(item, "lat", None);
                self.report(offset, format!("latitude {} is outside -90..90", place.lat));
            }
            self.reference(
                item,
                "governorate",
                &place.governorate,
                &governorates,
                "governorate",
            );
        }
    }

    fn routes(&mut self, scenario: &Scenario) {
        let places = known(ids(&scenario.places, |p| &p.id));
        let (_, offsets) = self.ids("routes", ids(&scenario.routes, |r| &r.id));
        for (route, &item) in scenario.routes.iter().zip(&offsets) {
            if route.waypoints.len() < 2 {
                self.report(
                    item,
                    format!("route {:?} needs at least two waypoints", route.id),
                );
            }
            for waypoint in &route.waypoints {
                self.reference(item, "waypoints", waypoint, &places, "place");
            }
        }
        let start = self.locator.section("key_connections");
        for connection in &scenario.key_connections {
            let item = self
                .locator
                .field_after(start, "from", Some(&connection.from));
            self.reference(item, "from", &connection.from, &places, "place");
            self.reference(item, "to", &connection.to, &places, "place");
        }
    }

    fn claims(&mut self, scenario: &Scenario) {
        let factions = known(ids(&scenario.factions, |f| &f.id));
        let sources = known(ids(&scenario.sources, |s| &s.id));
        let documents = known(ids(&scenario.documents, |d| &d.id));
        let places = known(ids(&scenario.places, |p| &p.id));
        let regions = known(ids(&scenario.regions, |r| &r.id));
        let routes = known(ids(&scenario.routes, |r| &r.id));
        let offset = scenario.offset();
        let (_, offsets) = self.ids("claims", ids(&scenario.claims, |c| &c.id));
        for (claim, &item) in scenario.claims.iter().zip(&offsets) {
            let (known, what) = match &claim.subject {
                Subject::Place(_) => (&places, "place"),
                Subject::Region(_) => (&regions, "region"),
                Subject::Route(_) => (&routes, "route"),
            };
            self.reference(item, "subject", claim.subject.id(), known, what);
            for faction in claim.actor.iter().chain(&claim.counterpart) {
                self.reference(item, "actor", faction, &factions, "faction");
            }
            if claim.assertion.needs_actor() && claim.actor.is_none() {
                let at = self.locator.field_after(item, "assertion", None);
                self.report(
                    at,
                    format!(
                        "{:?} needs an actor (the faction that acts)",
                        claim.assertion
                    ),
                );
            }
            if let Assertion::AdvancedWithin { km } = claim.assertion
                && !(km.is_finite() && km >= 0.0)
            {
                let at = self.locator.field_after(item, "assertion", None);
                self.report(at, format!("distance {km} km must be zero or more"));
            }
            self.reference(item, "source", &claim.source, &sources, "source");
            self.quote(scenario, claim, item, &documents);
            if let Err(message) = claim.when.span(offset) {
                let at = self.locator.field_after(item, "at", Some(&claim.when.at));
                self.report(at, message);
            }
            if !claim.credibility.is_valid() {
                let at = self.locator.field_after(item, "credibility", None);
                self.report(
                    at,
                    format!("credibility {} is outside 1..6", claim.credibility.0),
                );
            }
        }
    }

    fn quote(
        &mut self,
        scenario: &Scenario,
        claim: &crate::model::Claim,
        item: usize,
        documents: &Ids<'_>,
    ) {
        let is_baseline = scenario
            .source_by_id(&claim.source)
            .is_some_and(|s| s.is_baseline());
        match (&claim.document, &claim.quote) {
            (Some(document), Some(quote)) => {
                self.reference(item, "document", document, documents, "document");
                let found = scenario
                    .documents
                    .iter()
                    .find(|d| &d.id == document)
                    .is_none_or(|d| d.find_quote(quote).is_some());
                if !found {
                    let at = self.locator.field_after(item, "quote", Some(quote));
                    self.report(
                        at,
                        format!("quote not found verbatim in document {document:?}: {quote:?}"),
                    );
                }
            }
            (None, None) if is_baseline => {}
            (None, None) => self.report(
                item,
                format!(
                    "claim {:?} needs a document and a quote (only baseline sources may omit them)",
                    claim.id
                ),
            ),
            (Some(_), None) => self.report(
                item,
                format!("claim {:?} has a document but no quote", claim.id),
            ),
            (None, Some(_)) => self.report(
                item,
                format!("claim {:?} has a quote but no document", claim.id),
            ),
        }
    }
}

/// Ids of another collection, for references (duplicates are reported elsewhere).
fn known(ids: Vec<&str>) -> Ids<'_> {
    Ids {
        ids: ids.into_iter().collect(),
    }
}

fn ids<T>(items: &[T], id: impl Fn(&T) -> &String) -> Vec<&str> {
    items.iter().map(|item| id(item).as_str()).collect()
}

/// Ids of the regions that are governorates (places and groupings refer to these).
fn governorate_ids(scenario: &Scenario) -> Ids<'_> {
    known(
        scenario
            .regions
            .iter()
            .filter(|region| region.kind == RegionKind::Governorate)
            .map(|region| region.id.as_str())
            .collect(),
    )
}
