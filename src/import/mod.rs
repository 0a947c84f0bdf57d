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

/// The claim ids in use (the scenario's and the drafts' so far), for giving each
/// draft an unused one in constant time.
#[derive(Clone, Debug, Default)]
pub struct TakenIds(std::collections::HashSet<String>);

impl TakenIds {
    /// The ids of `scenario`'s claims.
    pub fn of(scenario: &Scenario) -> Self {
        Self(scenario.claims.iter().map(|c| c.id.clone()).collect())
    }

    /// `base`, or `base-2`, `base-3`, ... : the first id not in use, now taken.
    pub fn unique(&mut self, base: &str) -> String {
        let mut id = base.to_owned();
        let mut n = 2;
        while self.0.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.0.insert(id.clone());
        id
    }
}
