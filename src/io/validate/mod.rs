use std::collections::{HashMap, HashSet};

use super::quotes::QuoteIndex;
use super::{Diagnostic, Locator, did_you_mean};
use crate::model::{
    Assertion, FORMAT_VERSION, RegionKind, Scenario, Subject, parse_offset, rgb_from_hex,
};

/// Every problem in a parsed scenario, located in `text` (the file it came from).
/// Documents' texts must already be read.
pub fn validate(scenario: &Scenario, file: &str, text: &str) -> Vec<Diagnostic> {
    validate_with_bulk(scenario, file, text, None)
}

/// Claims that came from a bulk file rather than the scenario text: claims from index
/// `first` on, the `n`th of them on line `lines[n]` of `file`.
#[derive(Clone, Copy)]
pub struct BulkClaims<'a> {
    pub file: &'a str,
    pub first: usize,
    pub lines: &'a [usize],
}

/// [`validate`], with problems in bulk-imported claims located in their own file.
pub fn validate_with_bulk(
    scenario: &Scenario,
    file: &str,
    text: &str,
    bulk: Option<BulkClaims<'_>>,
) -> Vec<Diagnostic> {
    let mut check = Checker {
        file,
        locator: Locator::new(text),
        diagnostics: Vec::new(),
        bulk,
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
    ids: HashSet<&'s str>,
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
    bulk: Option<BulkClaims<'a>>,
}

/// A position to report: in the scenario text, or a line of the bulk claims file.
#[derive(Clone, Copy)]
enum Pos {
    Text(usize),
    BulkLine(usize),
}

impl From<usize> for Pos {
    fn from(offset: usize) -> Self {
        Self::Text(offset)
    }
}

/// Where an item is written: found in the text only when a problem is reported, since
/// searching the text for every item is quadratic in the size of the file.
#[derive(Clone, Copy)]
enum At<'s> {
    /// A known byte offset.
    Offset(usize),
    /// A line of the bulk claims file.
    BulkLine(usize),
    /// The `nth` item with this id in a top-level list.
    Item {
        section: &'static str,
        id: &'s str,
        nth: usize,
    },
}

impl Checker<'_> {
    /// The byte offset of `at`.
    fn offset(&self, at: At<'_>) -> Pos {
        match at {
            At::Offset(offset) => Pos::Text(offset),
            At::BulkLine(line) => Pos::BulkLine(line),
            At::Item { section, id, nth } => Pos::Text(self.locator.item_in(section, id, nth)),
        }
    }

    /// [`Locator::field_after`] from `at`.
    fn field_after(&self, at: At<'_>, field: &str, value: Option<&str>) -> Pos {
        match self.offset(at) {
            Pos::Text(offset) => Pos::Text(self.locator.field_after(offset, field, value)),
            line => line,
        }
    }

    fn report(&mut self, pos: impl Into<Pos>, message: String) {
        let (file, line, col) = match (pos.into(), self.bulk) {
            (Pos::BulkLine(line), Some(bulk)) => (bulk.file, line, 1),
            (Pos::Text(offset), _) | (Pos::BulkLine(offset), None) => {
                let (line, col) = self.locator.line_col(offset);
                (self.file, line, col)
            }
        };
        self.diagnostics.push(Diagnostic {
            file: file.to_owned(),
            line,
            col,
            message,
        });
    }

    /// Collects a collection's ids, reporting duplicates; returns where each item is.
    fn ids<'s>(&mut self, section: &'static str, ids: Vec<&'s str>) -> (Ids<'s>, Vec<At<'s>>) {
        let mut items = Vec::with_capacity(ids.len());
        let mut seen: HashMap<&'s str, usize> = HashMap::with_capacity(ids.len());
        let bulk = self.bulk.filter(|_| section == "claims");
        for (i, id) in ids.into_iter().enumerate() {
            let before = seen.entry(id).or_insert(0);
            let item = match bulk {
                Some(bulk) if i >= bulk.first => {
                    At::BulkLine(bulk.lines.get(i - bulk.first).copied().unwrap_or(1))
                }
                _ => At::Item {
                    section,
                    id,
                    nth: *before,
                },
            };
            *before += 1;
            if id.trim().is_empty() {
                let offset = self.offset(item);
                self.report(offset, format!("empty id in {section}"));
            } else if *before > 1 {
                let offset = self.offset(item);
                self.report(offset, format!("duplicate id {id:?} in {section}"));
            }
            items.push(item);
        }
        let ids = seen
            .into_keys()
            .filter(|id| !id.trim().is_empty())
            .collect();
        (Ids { ids }, items)
    }

    /// Reports `id` at the `field` of the item at `item` when it is not in `known`.
    fn reference(&mut self, item: At<'_>, field: &str, id: &str, known: &Ids<'_>, what: &str) {
        if let Some(message) = known.unknown(id, what) {
            let offset = self.field_after(item, field, Some(id));
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

    fn sources(&mut self, scenario: &Scenario) {
        let factions = known(ids(&scenario.factions, |f| &f.id));
        let (_, offsets) = self.ids("sources", ids(&scenario.sources, |s| &s.id));
        for (source, item) in scenario.sources.iter().zip(offsets) {
            if let Some(affiliation) = &source.affiliation {
                self.reference(item, "affiliation", affiliation, &factions, "faction");
            }
        }
    }

    fn documents(&mut self, scenario: &Scenario) {
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

    fn regions(&mut self, scenario: &Scenario) {
        let (_, offsets) = self.ids("regions", ids(&scenario.regions, |r| &r.id));
        let governorates = governorate_ids(scenario);
        for (region, item) in scenario.regions.iter().zip(offsets) {
            for member in &region.members {
                self.reference(item, "members", member, &governorates, "governorate");
            }
        }
    }

    fn places(&mut self, scenario: &Scenario) {
        let governorates = governorate_ids(scenario);
        let (_, offsets) = self.ids("places", ids(&scenario.places, |p| &p.id));
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
        }
    }

    fn routes(&mut self, scenario: &Scenario) {
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

    fn claims(&mut self, scenario: &Scenario) {
        let factions = known(ids(&scenario.factions, |f| &f.id));
        let sources = known(ids(&scenario.sources, |s| &s.id));
        let documents = known(ids(&scenario.documents, |d| &d.id));
        let places = known(ids(&scenario.places, |p| &p.id));
        let regions = known(ids(&scenario.regions, |r| &r.id));
        let routes = known(ids(&scenario.routes, |r| &r.id));
        let offset = scenario.offset();
        let mut quotes = QuoteIndex::new(&scenario.documents);
        let (_, offsets) = self.ids("claims", ids(&scenario.claims, |c| &c.id));
        for (claim, item) in scenario.claims.iter().zip(offsets) {
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
                let at = self.field_after(item, "assertion", None);
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
                let at = self.field_after(item, "assertion", None);
                self.report(at, format!("distance {km} km must be zero or more"));
            }
            self.reference(item, "source", &claim.source, &sources, "source");
            self.quote(scenario, claim, item, &documents, &mut quotes);
            if let Err(message) = claim.when.span(offset) {
                let at = self.field_after(item, "at", Some(&claim.when.at));
                self.report(at, message);
            }
            if !claim.credibility.is_valid() {
                let at = self.field_after(item, "credibility", None);
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
        item: At<'_>,
        documents: &Ids<'_>,
        quotes: &mut QuoteIndex<'_>,
    ) {
        let is_baseline = scenario
            .source_by_id(&claim.source)
            .is_some_and(|s| s.is_baseline());
        match (&claim.document, &claim.quote) {
            (Some(document), Some(quote)) => {
                self.reference(item, "document", document, documents, "document");
                let found = quotes.contains(document, quote).unwrap_or(true);
                if !found {
                    let at = self.field_after(item, "quote", Some(quote));
                    self.report(
                        at,
                        format!("quote not found verbatim in document {document:?}: {quote:?}"),
                    );
                }
            }
            (None, None) if is_baseline => {}
            (None, None) => self.report(
                self.offset(item),
                format!(
                    "claim {:?} needs a document and a quote (only baseline sources may omit them)",
                    claim.id
                ),
            ),
            (Some(_), None) => self.report(
                self.offset(item),
                format!("claim {:?} has a document but no quote", claim.id),
            ),
            (None, Some(_)) => self.report(
                self.offset(item),
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
