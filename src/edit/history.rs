//! Undo and redo, and whether the scenario differs from what was last saved.

use super::apply::apply;
use super::command::{Edit, EditError};
use crate::model::Scenario;

/// The edits that can be undone and redone, as the inverses that do so.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct History {
    /// Inverses of the applied edits, newest last.
    undo: Vec<Edit>,
    /// Inverses of the undone edits, newest last.
    redo: Vec<Edit>,
    /// Counts applied edits: up one per edit or redo, down one per undo.
    revision: u64,
    /// The revision last saved; `u64::MAX` when no reachable state was saved.
    saved_revision: u64,
}

impl History {
    /// Applies `edit`, making it the newest undo step; the redo steps are dropped.
    /// Returns the edit as applied (for a journal of what happened).
    pub fn apply(&mut self, scenario: &mut Scenario, edit: Edit) -> Result<Edit, EditError> {
        let inverse = apply(scenario, edit.clone())?;
        if self.saved_revision > self.revision {
            // The saved state was in the redo branch, which is now gone.
            self.saved_revision = u64::MAX;
        }
        self.redo.clear();
        self.undo.push(inverse);
        self.revision += 1;
        Ok(edit)
    }

    /// Undoes the newest edit; `None` when there is nothing to undo. Returns the edit
    /// applied to undo it.
    pub fn undo(&mut self, scenario: &mut Scenario) -> Result<Option<Edit>, EditError> {
        let Some(inverse) = self.undo.pop() else {
            return Ok(None);
        };
        match apply(scenario, inverse.clone()) {
            Ok(redo) => {
                self.redo.push(redo);
                self.revision -= 1;
                Ok(Some(inverse))
            }
            Err(error) => {
                self.undo.push(inverse);
                Err(error)
            }
        }
    }

    /// Redoes the newest undone edit; `None` when there is nothing to redo. Returns
    /// the edit applied to redo it.
    pub fn redo(&mut self, scenario: &mut Scenario) -> Result<Option<Edit>, EditError> {
        let Some(edit) = self.redo.pop() else {
            return Ok(None);
        };
        match apply(scenario, edit.clone()) {
            Ok(inverse) => {
                self.undo.push(inverse);
                self.revision += 1;
                Ok(Some(edit))
            }
            Err(error) => {
                self.redo.push(edit);
                Err(error)
            }
        }
    }

    /// Whether there is an edit to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is an edit to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// The current revision (edits applied, less those undone).
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Whether the scenario differs from what was last saved (or loaded).
    pub fn is_dirty(&self) -> bool {
        self.revision != self.saved_revision
    }

    /// Records that the scenario as it is now was saved.
    pub fn mark_saved(&mut self) {
        self.saved_revision = self.revision;
    }
}

impl History {
    /// The edit the next undo applies.
    pub fn next_undo(&self) -> Option<&Edit> {
        self.undo.last()
    }

    /// The edit the next redo applies.
    pub fn next_redo(&self) -> Option<&Edit> {
        self.redo.last()
    }
}
