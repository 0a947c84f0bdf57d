//! Following edits: after a claim edit the engine updates its index claim by claim
//! (see `incremental`) and patches its cached timelines, instead of indexing the whole
//! scenario again; an edit to sources, places or factions is indexed again in full
//! (sources decide voices and affiliations, places the per-place layout, factions
//! every faction index).

use std::sync::{Arc, OnceLock};

use super::Engine;
use super::engine::next_instance;
use super::incremental::{Before, TouchedIds};
use super::index::ControlIndex;
use crate::edit::{ClaimChanges, Edit, EditError, claim_changes};
use crate::model::Scenario;

/// Above this many claims, the scenario an edit replaced is freed on another thread
/// (freeing a million claims' strings takes longer than the update itself).
const CLAIMS_FREED_ASIDE: usize = 50_000;

impl Engine {
    /// Applies `edit` to the engine's own scenario (as [`crate::edit::apply`] applies it
    /// to the workspace's, giving the same scenario) and follows it: claim edits
    /// incrementally, others by indexing again. What the window and the command line
    /// call after the workspace accepted the edit; no copy of the scenario is made.
    /// On an error nothing changed.
    pub fn follow(&mut self, edit: &Edit) -> Result<(), EditError> {
        let changes = claim_changes(edit);
        if changes.structural {
            crate::edit::apply(&mut self.scenario, edit.clone())?;
            self.reindex();
            return Ok(());
        }
        let ids = TouchedIds::new(&changes);
        if ids.is_empty() {
            // Documents only: nothing indexed changes.
            crate::edit::apply(&mut self.scenario, edit.clone())?;
            self.instance = next_instance();
            return Ok(());
        }
        let before = self.index.before_claim_edit(&self.scenario, &ids);
        crate::edit::apply(&mut self.scenario, edit.clone())?;
        self.after_claim_edit(before, &ids);
        Ok(())
    }

    /// Takes `scenario_after`, the engine's scenario after an edit whose claim changes
    /// are `changes` (see [`crate::edit::claim_changes`]), and follows it: the touched
    /// claims are read again, the places they are (or were) filed under re-indexed
    /// and their timelines re-resolved; the rest is reused. A structural edit (sources,
    /// places, factions) indexes the scenario again, as [`Engine::new`] would.
    pub fn apply_claim_changes(&mut self, scenario_after: Scenario, changes: &ClaimChanges) {
        if changes.structural {
            self.replace_scenario(scenario_after);
            self.reindex();
            return;
        }
        let ids = TouchedIds::new(changes);
        if ids.is_empty() {
            self.replace_scenario(scenario_after);
            self.instance = next_instance();
            return;
        }
        let before = self.index.before_claim_edit(&self.scenario, &ids);
        self.replace_scenario(scenario_after);
        self.after_claim_edit(before, &ids);
    }

    /// Swaps in the edited scenario, freeing the old one aside when it is large.
    fn replace_scenario(&mut self, scenario: Scenario) {
        let old = std::mem::replace(&mut self.scenario, scenario);
        if old.claims.len() > CLAIMS_FREED_ASIDE {
            let freed = std::thread::Builder::new()
                .name("free scenario".into())
                .spawn(move || drop(old));
            // Without a thread the old scenario was dropped here, which is correct too.
            drop(freed);
        }
    }

    /// Updates the index and timelines for the edited scenario, or indexes it again
    /// when the claims do not line up with what `before` noted.
    fn after_claim_edit(&mut self, before: Before, ids: &TouchedIds) {
        // In place unless a background timeline build still reads the index.
        let index = Arc::make_mut(&mut self.index);
        let Some(moves) = index.after_claim_edit(before, &self.scenario, ids) else {
            self.reindex();
            return;
        };
        self.timelines = Arc::new(self.timelines.patched(&self.index, &moves));
        self.instance = next_instance();
    }

    /// Indexes the scenario again, as [`Engine::new`] does.
    fn reindex(&mut self) {
        self.index = Arc::new(ControlIndex::build(&self.scenario));
        self.timelines = Arc::default();
        self.roads = OnceLock::new();
        self.instance = next_instance();
    }
}
