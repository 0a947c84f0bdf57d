//! Saving with nothing lost: File > Save and Save As, the window title marking unsaved
//! changes, and the question on closing (or opening another file) with unsaved
//! changes. Autosave and recovery are in [`super::recovery`].

use std::path::{Path, PathBuf};

use egui::ViewportCommand;

use super::FrontlineApp;
use super::command::{CloseAnswer, Command};
use super::dialog::{Answer, Ask, FileDialog};
use crate::io::Recovery;

/// What was asked for that would drop unsaved changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Leave {
    /// Closing the window.
    Close,
    /// Opening another file.
    Open(PathBuf),
}

/// Saving, closing and recovery state (not persisted).
#[derive(Default)]
pub struct Saving {
    /// The recovery folder; `None` disables autosave and recovery.
    pub recovery_dir: Option<PathBuf>,
    /// Unsaved edits left by a previous session, offered for restoring.
    pub recovery_offer: Option<Recovery>,
    /// The "unsaved changes" question is showing, for closing or opening a file.
    pub leaving: Option<Leave>,
    /// Closing was confirmed: the next close request goes through.
    close_confirmed: bool,
    /// Go on closing or opening once the save under way (through Save As) succeeds.
    after_save: Option<Leave>,
    /// The Save As dialog.
    dialog: FileDialog,
    /// When the workspace was last autosaved, or first seen dirty (`egui` seconds).
    pub(super) autosaved_at: Option<f64>,
    /// The title last sent to the window.
    title_sent: Option<String>,
    /// The scenario's files on disk, watched for changes by other programs.
    pub disk: super::disk_watch::DiskWatch,
}

impl Saving {
    /// Saving with the recovery folder from the environment ([`crate::io::recovery_dir`]).
    pub fn from_environment() -> Self {
        Self {
            recovery_dir: crate::io::recovery_dir(),
            ..Self::default()
        }
    }
}

impl FrontlineApp {
    /// The window title: the scenario's title, marked `•` while there are unsaved changes.
    pub fn window_title(&self) -> String {
        let title = &self.workspace.scenario().title;
        if self.workspace.is_dirty() {
            format!("• {title} — Frontline (unsaved)")
        } else {
            format!("{title} — Frontline")
        }
    }

    /// File > Save: writes the changed files, or asks where when the scenario has no
    /// file. A failed save shows the error and keeps every edit in memory, unsaved.
    pub fn save(&mut self, ctx: &egui::Context) -> bool {
        if self.scenario_file.is_none() {
            self.start_save_as(ctx);
            return false;
        }
        let recovery_dir = self.saving.recovery_dir.clone();
        let saved = if self.saving.disk.keep_mine {
            self.workspace
                .save_over_disk_changes(recovery_dir.as_deref())
        } else {
            self.workspace.save(recovery_dir.as_deref())
        };
        match saved {
            Ok(report) => {
                self.notice = Some(saved_notice(&report.written));
                self.saving.autosaved_at = None;
                self.forget_disk_stamps();
                true
            }
            Err(crate::io::SaveError::ChangedOnDisk { path }) => {
                self.saving.after_save = None;
                self.notice = Some(format!("Not saved: {} changed on disk", path.display()));
                self.saving.disk.asking = true;
                false
            }
            Err(err) => {
                self.save_failed(&err.to_string());
                false
            }
        }
    }

    /// Save As: writes every file of the scenario as the main file `path` and goes on
    /// editing there. On failure nothing changes but the error shown.
    pub fn save_as(&mut self, path: &Path) -> bool {
        match crate::io::save_as(&mut self.workspace, path) {
            Ok(report) => {
                if let (Some(dir), Some(old)) = (&self.saving.recovery_dir, &self.scenario_file) {
                    let _ = crate::io::remove_recovery(dir, old);
                }
                self.workspace.move_to(path);
                self.workspace.mark_saved(report.base_hash.clone());
                if self.world.scenario() != self.workspace.scenario() {
                    // The copy moved files named above its folder inside it.
                    self.world
                        .replace_scenario(self.workspace.scenario().clone());
                    self.refresh();
                }
                self.scenario_file = Some(path.to_owned());
                super::recent::remember(&mut self.state.recent_files, path);
                self.notice = Some(saved_notice(&report.written));
                self.saving.autosaved_at = None;
                self.forget_disk_stamps();
                true
            }
            Err(err) => {
                self.save_failed(&err.to_string());
                false
            }
        }
    }

    fn save_failed(&mut self, error: &str) {
        self.saving.after_save = None;
        self.notice = Some(format!("Not saved: {error}"));
        self.panels.show_errors(
            "The save failed",
            vec![
                error.to_owned(),
                "Every edit is still here, unsaved; the files on disk are as they were.".into(),
            ],
        );
    }

    /// Opens the Save As dialog.
    pub fn start_save_as(&mut self, ctx: &egui::Context) {
        let name = self
            .scenario_file
            .as_deref()
            .and_then(Path::file_name)
            .map_or_else(
                || format!("{}.ron", self.workspace.scenario().id),
                |name| name.to_string_lossy().into_owned(),
            );
        let ask = Ask {
            title: "Save the scenario as".into(),
            file_name: Some(name),
            filter: ("Frontline scenario".into(), vec!["ron".into()]),
            save: true,
            folder: self.scenario_folder(),
        };
        self.saving.dialog.start(ctx, ask, self.state.file_dialog);
    }

    /// The folder of the scenario file shown, where file dialogs start.
    pub(super) fn scenario_folder(&self) -> Option<PathBuf> {
        let file = self.scenario_file.as_deref()?;
        let folder = file.parent().filter(|p| !p.as_os_str().is_empty())?;
        Some(folder.to_path_buf())
    }

    /// Cancels the in-app file dialog open, if any (Esc); returns whether one was.
    pub(super) fn cancel_in_app_dialog(&mut self) -> bool {
        self.saving.dialog.cancel_in_app()
            || self.panels.open_dialog.cancel_in_app()
            || self.exports.cancel_in_app_dialog()
            || self.panels.article.cancel_in_app_dialog()
    }

    /// Draws the in-app Save As dialog, if open, and collects the dialog's answer.
    pub(super) fn poll_save_dialog(&mut self, ctx: &egui::Context) {
        match self.saving.dialog.poll(ctx) {
            Some(Answer::Picked(path)) => self.queue(Command::SaveAs(path)),
            Some(Answer::Cancelled) => self.saving.after_save = None,
            None => {}
        }
    }

    /// Opens `path`, first asking what to do with unsaved changes, if any.
    pub(super) fn open_asking(&mut self, ctx: &egui::Context, path: PathBuf) {
        if self.workspace.is_dirty() {
            self.saving.leaving = Some(Leave::Open(path));
        } else {
            self.start_opening(ctx, path);
        }
    }

    /// Applies the answer to the "unsaved changes" question.
    pub(super) fn answer_close(&mut self, ctx: &egui::Context, answer: CloseAnswer) {
        let Some(leave) = self.saving.leaving.take() else {
            return;
        };
        match answer {
            CloseAnswer::Save => {
                self.saving.after_save = Some(leave.clone());
                if self.save(ctx) {
                    self.saving.after_save = None;
                    self.leave(ctx, leave);
                }
            }
            CloseAnswer::Discard => self.leave(ctx, leave),
            CloseAnswer::Cancel => self.saving.after_save = None,
        }
    }

    /// Closes the window or opens the file without asking again.
    fn leave(&mut self, ctx: &egui::Context, leave: Leave) {
        match leave {
            Leave::Close => {
                self.saving.close_confirmed = true;
                ctx.send_viewport_cmd(ViewportCommand::Close);
            }
            Leave::Open(path) => self.start_opening(ctx, path),
        }
    }

    /// After a Save As from the "unsaved changes" question: goes on once it succeeded.
    pub(super) fn leave_if_saved(&mut self, ctx: &egui::Context) {
        if !self.workspace.is_dirty()
            && let Some(leave) = self.saving.after_save.take()
        {
            self.leave(ctx, leave);
        }
    }

    /// Once a frame: the title, the close guard and autosave.
    pub(super) fn saving_frame(&mut self, ctx: &egui::Context) {
        let title = self.window_title();
        if self.saving.title_sent.as_ref() != Some(&title) {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.saving.title_sent = Some(title);
        }
        let close = ctx.input(|input| input.viewport().close_requested());
        if close && self.workspace.is_dirty() && !self.saving.close_confirmed {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            self.saving.leaving = Some(Leave::Close);
        }
        self.autosave_when_due(ctx);
        self.watch_disk_when_due(ctx);
    }

    /// The title last sent to the window.
    pub fn title_sent(&self) -> Option<&str> {
        self.saving.title_sent.as_deref()
    }
}

fn saved_notice(written: &[PathBuf]) -> String {
    match written {
        [] => "Nothing to save".into(),
        [one] => format!("Saved {}", one.display()),
        more => format!("Saved {} files", more.len()),
    }
}

/// The "unsaved changes" question, when closing or opening another file.
pub fn close_question_ui(ctx: &egui::Context, app: &FrontlineApp, out: &mut Vec<Command>) {
    if let Some(leave) = &app.saving.leaving {
        egui::Modal::new(egui::Id::unique("unsaved-close")).show(ctx, |ui| {
            ui.heading("Unsaved changes");
            let before = match leave {
                Leave::Close => "closing".to_owned(),
                Leave::Open(path) => format!("opening {}", path.display()),
            };
            ui.label(format!(
                "{} has changes that are not saved. Save them before {before}?",
                app.workspace.scenario().title
            ));
            ui.horizontal(|ui| {
                for (label, answer) in [
                    ("Save", CloseAnswer::Save),
                    ("Discard", CloseAnswer::Discard),
                    ("Cancel", CloseAnswer::Cancel),
                ] {
                    if ui.button(label).clicked() {
                        out.push(Command::CloseAnswer(answer));
                    }
                }
            });
        });
    }
}
