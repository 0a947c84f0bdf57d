//! The edits and why one can be refused.

use serde::{Deserialize, Serialize};

use crate::io::FieldProblem;
use crate::model::{Claim, Document, Faction, Place, Source};

/// One change to a scenario. Items are addressed by id, never by position; applying
/// an edit gives its inverse (see [`super::apply`]). Serializable, so the window, the
/// command line and the recovery file share them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Edit {
    /// Adds a claim after the others.
    AddClaim(Claim),
    /// Puts a claim back before the claim `before` (at the end for `None`): the
    /// inverse of removing it, restoring its place in the order.
    InsertClaim {
        claim: Claim,
        before: Option<String>,
    },
    /// Replaces the claim with this id (its id may not change).
    ChangeClaim { id: String, claim: Claim },
    /// Removes the claim with this id.
    RemoveClaim { id: String },
    /// Adds a source.
    AddSource(Source),
    /// Replaces the source with this id (its id may not change).
    ChangeSource { id: String, source: Source },
    /// Removes a source no claim names.
    RemoveSource { id: String },
    /// Adds a place.
    AddPlace(Place),
    /// Replaces the place with this id (its id may not change).
    ChangePlace { id: String, place: Place },
    /// Removes a place nothing refers to.
    RemovePlace { id: String },
    /// Adds a document with its full text (the text is not part of a document's
    /// serialized form, so it travels beside it).
    AddDocument { document: Document, text: String },
    /// Removes a document no claim quotes.
    RemoveDocument { id: String },
    /// Adds a faction.
    AddFaction(Faction),
    /// Removes a faction nothing refers to.
    RemoveFaction { id: String },
    /// Several edits applied together or not at all; one undo step.
    Batch(Vec<Edit>),
}

/// Why an edit was refused; the scenario is then unchanged.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum EditError {
    /// The id is already used by another item of the kind.
    #[error("{kind} id {id:?} is already used")]
    DuplicateId { kind: &'static str, id: String },
    /// The id is empty.
    #[error("a {kind} needs an id")]
    EmptyId { kind: &'static str },
    /// No item of the kind has the id.
    #[error("no {kind} has id {id:?}")]
    NotFound { kind: &'static str, id: String },
    /// A change would rename the item.
    #[error("{kind} {id:?}: `id` cannot change (to {new:?}); remove the {kind} and add a new one")]
    IdChanged {
        kind: &'static str,
        id: String,
        new: String,
    },
    /// The item's values are wrong: each problem names its field.
    #[error("{kind} {id:?}: {}", join(problems))]
    Invalid {
        kind: &'static str,
        id: String,
        problems: Vec<FieldProblem>,
    },
    /// The item cannot be removed or changed: others still refer to it.
    #[error("{kind} {id:?} is still used by {}", users.join(", "))]
    InUse {
        kind: &'static str,
        id: String,
        users: Vec<String>,
    },
    /// An edit of a batch was refused (the batch as a whole was not applied).
    #[error("edit {index} of the batch: {error}")]
    InBatch { index: usize, error: Box<EditError> },
}

fn join(problems: &[FieldProblem]) -> String {
    problems
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

/// One problem with a field.
pub(super) fn problem(field: &str, message: impl Into<String>) -> FieldProblem {
    FieldProblem {
        field: field.to_owned(),
        message: message.into(),
    }
}

impl Edit {
    /// The items the edit adds, changes or removes, as (kind, id), for knowing which
    /// files change; factions are the main file's.
    pub fn items(&self) -> Vec<(crate::io::ItemKind, String)> {
        use crate::io::ItemKind as Kind;
        match self {
            Self::AddClaim(claim) | Self::InsertClaim { claim, .. } => {
                vec![(Kind::Claim, claim.id.clone())]
            }
            Self::ChangeClaim { id, .. } | Self::RemoveClaim { id } => {
                vec![(Kind::Claim, id.clone())]
            }
            Self::AddSource(source) => vec![(Kind::Source, source.id.clone())],
            Self::ChangeSource { id, .. } | Self::RemoveSource { id } => {
                vec![(Kind::Source, id.clone())]
            }
            Self::AddPlace(place) => vec![(Kind::Place, place.id.clone())],
            Self::ChangePlace { id, .. } | Self::RemovePlace { id } => {
                vec![(Kind::Place, id.clone())]
            }
            Self::AddDocument { document, .. } => vec![(Kind::Document, document.id.clone())],
            Self::RemoveDocument { id } => vec![(Kind::Document, id.clone())],
            Self::AddFaction(_) | Self::RemoveFaction { .. } => Vec::new(),
            Self::Batch(edits) => edits.iter().flat_map(Self::items).collect(),
        }
    }

    /// Whether the edit changes the main file's own lists (factions).
    pub fn touches_factions(&self) -> bool {
        match self {
            Self::AddFaction(_) | Self::RemoveFaction { .. } => true,
            Self::Batch(edits) => edits.iter().any(Self::touches_factions),
            _ => false,
        }
    }
}
