//! Files changed by another program, or another window, while the scenario is open.
//! Every [`DISK_CHECK_SECS`] the window compares the files' sizes and modification
//! times ([`DiskStamps`]); when they moved, it compares their hash
//! ([`crate::io::disk_change`]). Without unsaved edits it reloads; with some it asks:
//! reload from disk, keep this version (the next save overwrites), or save a copy.

use crate::io::{DiskChange, DiskStamps, disk_change};

use super::FrontlineApp;
use super::command::Command;

/// How often the window looks at the scenario's files, in seconds.
pub const DISK_CHECK_SECS: f64 = 2.0;

/// What the window knows of the scenario's files on disk.
#[derive(Debug, Default)]
pub struct DiskWatch {
    /// The files' stamps at the last look; `None` before the first look.
    stamps: Option<DiskStamps>,
    /// When the files were last looked at (`egui` seconds).
    checked_at: Option<f64>,
    /// The files changed under unsaved edits: the question is showing.
    pub asking: bool,
    /// The user chose to keep this version: the next save overwrites the files.
    pub keep_mine: bool,
}

/// The answer to "the files changed on disk".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiskAnswer {
    /// Read the files again; the unsaved edits are dropped.
    Reload,
    /// Keep this version; the next save overwrites the other one.
    KeepMine,
}

impl FrontlineApp {
    /// Looks at the scenario's files every [`DISK_CHECK_SECS`] (see [`Self::check_disk`]).
    pub(super) fn watch_disk_when_due(&mut self, ctx: &egui::Context) {
        if self.scenario_file.is_none() || self.saving.disk.asking {
            return;
        }
        let now = ctx.input(|input| input.time);
        let due = self
            .saving
            .disk
            .checked_at
            .is_none_or(|at| now - at >= DISK_CHECK_SECS);
        if due {
            self.saving.disk.checked_at = Some(now);
            self.check_disk();
        }
        ctx.request_repaint_after(std::time::Duration::from_secs_f64(DISK_CHECK_SECS));
    }

    /// Looks at the scenario's files now: reloads them when another program changed
    /// them and there are no unsaved edits, asks when there are, and says when they
    /// are gone.
    pub fn check_disk(&mut self) {
        let Some(file) = self.scenario_file.clone() else {
            return;
        };
        let stamps = DiskStamps::read(&self.workspace);
        let first = self.saving.disk.stamps.is_none();
        if self.saving.disk.stamps.as_ref() == Some(&stamps) {
            return;
        }
        self.saving.disk.stamps = Some(stamps);
        if first && !self.workspace.is_dirty() {
            // The first look after opening or saving: these are the files as read.
            return;
        }
        match disk_change(&self.workspace) {
            DiskChange::Unchanged => {}
            DiskChange::Changed if self.saving.disk.keep_mine => {}
            DiskChange::Changed if self.workspace.is_dirty() => self.saving.disk.asking = true,
            DiskChange::Changed => {
                if self.open_path(&file).is_ok() {
                    self.notice = Some(format!(
                        "Reloaded {}: another program changed it",
                        file.display()
                    ));
                }
            }
            DiskChange::Missing(why) => {
                self.notice = Some(format!(
                    "{} can no longer be read ({why}); Save writes it again",
                    file.display()
                ));
            }
        }
    }

    /// Acts on the answer to "the files changed on disk".
    pub(super) fn answer_disk_change(&mut self, answer: DiskAnswer) {
        self.saving.disk.asking = false;
        match answer {
            DiskAnswer::Reload => {
                if let Some(file) = self.scenario_file.clone()
                    && self.open_path(&file).is_ok()
                {
                    self.notice = Some(format!("Reloaded {} from disk", file.display()));
                }
            }
            DiskAnswer::KeepMine => {
                self.saving.disk.keep_mine = true;
                self.notice = Some("Kept this version: saving will replace the one on disk".into());
            }
        }
    }

    /// Forgets what was seen of the files (after opening or saving them).
    pub(super) fn forget_disk_stamps(&mut self) {
        self.saving.disk = DiskWatch::default();
    }
}

/// The question shown when the files changed on disk under unsaved edits.
pub fn question_ui(ctx: &egui::Context, app: &FrontlineApp, out: &mut Vec<Command>) {
    if !app.saving.disk.asking {
        return;
    }
    let name = app
        .scenario_file
        .as_ref()
        .map_or_else(String::new, |file| file.display().to_string());
    egui::Modal::new(egui::Id::unique("changed on disk")).show(ctx, |ui| {
        ui.heading("The scenario changed on disk");
        ui.label(format!(
            "Another program or window changed {name} since you opened or saved it, \
             and you have unsaved edits here."
        ));
        ui.horizontal(|ui| {
            if ui.button("Reload from disk").clicked() {
                out.push(Command::DiskAnswer(DiskAnswer::Reload));
            }
            if ui.button("Keep mine").clicked() {
                out.push(Command::DiskAnswer(DiskAnswer::KeepMine));
            }
            if ui.button("Save mine as…").clicked() {
                out.push(Command::DiskAnswer(DiskAnswer::KeepMine));
                out.push(Command::SaveAsDialog);
            }
        });
        ui.small(
            "Reload drops the unsaved edits; Keep mine replaces the other version when you save.",
        );
    });
}
