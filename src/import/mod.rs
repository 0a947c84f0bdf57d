//! Import: datasets in, draft claims out. Rows of an ACLED table ([`acled`]) and
//! features of a control map ([`areas`]) become draft claims whose evidence is their
//! record ([`crate::model::Record`]), with the sources and places they need that the
//! scenario lacks. Like ingest's drafts, they are claims only once accepted, through
//! one undoable edit ([`Imported::batch`]). Nothing here knows about the window.

pub mod acled;
pub mod actors;
pub mod areas;
pub mod places;

use serde::Serialize;

use crate::edit::Edit;
use crate::model::{Claim, Place, Scenario, Source};

/// What a dataset yields: draft claims citing its records, and the sources and places
/// they name that the scenario lacks.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Imported {
    /// The dataset's path as the claims cite it (relative to the scenario file).
    pub dataset: String,
    /// The draft claims, in the dataset's order.
    pub drafts: Vec<Claim>,
    /// Sources the drafts name that the scenario lacks.
    pub new_sources: Vec<Source>,
    /// Places the drafts name that the scenario lacks.
    pub new_places: Vec<Place>,
}

impl Imported {
    /// The one edit that adds every new source and place and every draft, applied
    /// whole or not at all (and undone as one step); `None` when there are no drafts.
    pub fn batch(&self) -> Option<Edit> {
        if self.drafts.is_empty() {
            return None;
        }
        let edits = self
            .new_sources
            .iter()
            .map(|source| Edit::AddSource(source.clone()))
            .chain(
                self.new_places
                    .iter()
                    .map(|place| Edit::AddPlace(place.clone())),
            )
            .chain(
                self.drafts
                    .iter()
                    .map(|claim| Edit::AddClaim(claim.clone())),
            )
            .collect();
        Some(Edit::Batch(edits))
    }
}

/// `base`, or `base-2`, `base-3`, ... : the first id no claim of `scenario` or `drafts` has.
pub fn unique_claim_id(scenario: &Scenario, drafts: &[Claim], base: &str) -> String {
    let taken =
        |id: &str| scenario.claims.iter().any(|c| c.id == id) || drafts.iter().any(|c| c.id == id);
    let mut id = base.to_owned();
    let mut n = 2;
    while taken(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}
