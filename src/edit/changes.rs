//! Which claims an edit adds, changes or removes, read from the edit alone: what the
//! engine needs to follow a claim edit without indexing every claim again
//! (`control::Engine::apply_claim_changes`).

use super::command::Edit;

/// The claims an edit touches, by id, and whether it touches anything the engine
/// cannot follow claim by claim.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClaimChanges {
    /// Claims added (appended or put back before another).
    pub added: Vec<String>,
    /// Claims replaced in place.
    pub changed: Vec<String>,
    /// Claims removed.
    pub removed: Vec<String>,
    /// True when the edit changes sources, places or factions: sources decide voices
    /// and affiliations, places the per-place layout, factions every faction index,
    /// so the engine indexes the scenario again instead. (Documents change nothing
    /// the engine indexes, so they do not set this.)
    pub structural: bool,
}

impl ClaimChanges {
    /// Every claim id the edit touches, each kind in edit order (an id can appear
    /// more than once, e.g. removed then put back by a batch).
    pub fn touched(&self) -> impl Iterator<Item = &str> {
        self.added
            .iter()
            .chain(&self.changed)
            .chain(&self.removed)
            .map(String::as_str)
    }

    /// True when the edit touches no claim and nothing else the engine indexes.
    pub fn is_empty(&self) -> bool {
        !self.structural
            && self.added.is_empty()
            && self.changed.is_empty()
            && self.removed.is_empty()
    }

    fn add(&mut self, edit: &Edit) {
        match edit {
            Edit::AddClaim(claim) | Edit::InsertClaim { claim, .. } => {
                self.added.push(claim.id.clone());
            }
            Edit::ChangeClaim { id, .. } => self.changed.push(id.clone()),
            Edit::RemoveClaim { id } => self.removed.push(id.clone()),
            Edit::AddDocument { .. } | Edit::RemoveDocument { .. } => {}
            Edit::AddSource(_)
            | Edit::ChangeSource { .. }
            | Edit::RemoveSource { .. }
            | Edit::AddPlace(_)
            | Edit::ChangePlace { .. }
            | Edit::RemovePlace { .. }
            | Edit::AddFaction(_)
            | Edit::RemoveFaction { .. } => self.structural = true,
            Edit::Batch(edits) => edits.iter().for_each(|edit| self.add(edit)),
        }
    }
}

/// The claims `edit` touches (and whether it is structural), from the edit alone.
pub fn claim_changes(edit: &Edit) -> ClaimChanges {
    let mut changes = ClaimChanges::default();
    changes.add(edit);
    changes
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn a_batch_collects_its_claims_and_a_source_edit_is_structural() {
        let remove = |id: &str| Edit::RemoveClaim { id: id.into() };
        let changes = claim_changes(&Edit::Batch(vec![remove("a"), remove("b")]));
        assert_eq!(changes.removed, ["a", "b"]);
        assert!(!changes.structural);
        assert!(!changes.is_empty());
        let source = Edit::RemoveSource { id: "s".into() };
        assert!(claim_changes(&Edit::Batch(vec![remove("a"), source])).structural);
        let document = Edit::RemoveDocument { id: "d".into() };
        assert!(claim_changes(&document).is_empty());
    }
}
