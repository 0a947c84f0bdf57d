//! Autosave and recovery: while there are unsaved changes they are written to the
//! recovery folder every minute ([`crate::io::autosave`]); opening a scenario that has
//! some left by a previous session offers to restore them (Restore / Discard).

use std::path::Path;

use super::FrontlineApp;
use super::command::Command;

/// How often unsaved edits are written to the recovery folder, in seconds.
pub const AUTOSAVE_SECS: f64 = 60.0;

impl FrontlineApp {
    /// Writes the unsaved edits to the recovery folder once a minute while there are
    /// some (the minute counted from the first unsaved edit or the last autosave).
    pub(super) fn autosave_when_due(&mut self, ctx: &egui::Context) {
        if !self.workspace.is_dirty() || self.scenario_file.is_none() {
            self.saving.autosaved_at = None;
            return;
        }
        let now = ctx.input(|input| input.time);
        let since = *self.saving.autosaved_at.get_or_insert(now);
        if now - since >= AUTOSAVE_SECS {
            self.autosave();
            self.saving.autosaved_at = Some(now);
        }
        let wait = (AUTOSAVE_SECS - (now - since)).max(1.0);
        ctx.request_repaint_after(std::time::Duration::from_secs_f64(wait));
    }

    /// Writes the unsaved edits to the recovery folder now (nothing without a file or
    /// a recovery folder). A failure is shown in the status bar; the edits stay.
    pub fn autosave(&mut self) {
        let Some(dir) = &self.saving.recovery_dir else {
            return;
        };
        if self.scenario_file.is_none() {
            return;
        }
        if let Err(err) = crate::io::autosave(&self.workspace, dir) {
            self.notice = Some(format!("Autosave failed: {err}"));
        }
    }

    /// Offers the unsaved edits a previous session left for the scenario at `file`.
    pub(super) fn look_for_recovery(&mut self, file: &Path) {
        self.saving.recovery_offer = None;
        let Some(dir) = &self.saving.recovery_dir else {
            return;
        };
        match crate::io::find_recovery_in(dir, file) {
            Ok(Some(recovery)) if !recovery.edits.is_empty() => {
                self.saving.recovery_offer = Some(recovery);
            }
            Ok(_) => {}
            Err(err) => self.notice = Some(format!("Recovery: {err}")),
        }
    }

    /// Restores (true) or discards the offered recovery.
    pub(super) fn recover(&mut self, restore: bool) {
        let Some(recovery) = self.saving.recovery_offer.take() else {
            return;
        };
        let file = recovery.scenario.clone();
        if !restore {
            if let Some(dir) = &self.saving.recovery_dir {
                let _ = crate::io::remove_recovery(dir, &file);
            }
            self.notice = Some("Discarded the unsaved edits of the last session".into());
            return;
        }
        match crate::io::restore(&recovery) {
            Ok(workspace) => {
                let count = recovery.edits.len();
                let file = self.scenario_file.clone().unwrap_or(file);
                self.set_workspace(workspace, Some(file));
                self.notice = Some(format!("Restored {count} unsaved edits; not saved yet"));
            }
            Err(err) => self.panels.show_errors(
                "The unsaved edits could not be restored",
                vec![
                    err.to_string(),
                    "The recovery file is kept; the scenario is shown as saved.".into(),
                ],
            ),
        }
    }
}

/// The offer to restore the unsaved edits a previous session left.
pub fn offer_ui(ctx: &egui::Context, app: &FrontlineApp, out: &mut Vec<Command>) {
    if let Some(recovery) = &app.saving.recovery_offer {
        egui::Modal::new(egui::Id::unique("recovery")).show(ctx, |ui| {
            ui.heading("Unsaved edits found");
            ui.label(format!(
                "A previous session left {} unsaved edits to {}.",
                recovery.edits.len(),
                recovery.scenario.display()
            ));
            ui.horizontal(|ui| {
                if ui.button("Restore").clicked() {
                    out.push(Command::Recover(true));
                }
                if ui.button("Discard").clicked() {
                    out.push(Command::Recover(false));
                }
            });
        });
    }
}
