//! Checking one included file of a scenario split into several: its own sources,
//! documents, places and claims, located in its own text, with references looked up
//! in the whole (merged) scenario.

use super::claims::Known;
use super::{Checker, ids, known};
use crate::io::{Diagnostic, Locator, Problems, ScenarioPart};
use crate::model::Scenario;

/// Every problem with the items of `part` (the file `file`, whose text is `text`),
/// where `merged` is the whole scenario with the documents' texts read, but for the
/// documents `unread` (ids; their quotes are not checked). Ids repeated across files
/// are reported by the loader, not here.
pub fn validate_part(
    merged: &Scenario,
    part: &ScenarioPart,
    file: &str,
    text: &str,
    unread: &[String],
) -> Vec<Diagnostic> {
    let locator = Locator::new(text);
    let mut check = Checker {
        file,
        locator: &locator,
        problems: Problems::default(),
        bulk: None,
        unread,
    };
    // The part's own items, beside the whole scenario's factions and regions.
    let own = Scenario {
        format_version: merged.format_version,
        id: merged.id.clone(),
        title: String::new(),
        description: String::new(),
        utc_offset: merged.utc_offset.clone(),
        freshness_hours: merged.freshness_hours,
        includes: Vec::new(),
        region_geometry: None,
        factions: merged.factions.clone(),
        sources: part.sources.clone(),
        documents: part.documents.clone(),
        regions: merged.regions.clone(),
        places: part.places.clone(),
        routes: Vec::new(),
        key_connections: Vec::new(),
        claims: Vec::new(),
    };
    check.sources(&own);
    check.documents(&own);
    let every_place = known(ids(&merged.places, |p| &p.id));
    check.places_among(&own, Some(&every_place));
    check.claims_against(&part.claims, &Known::of(merged));
    check.into_diagnostics()
}
