//! Opening scenarios and snapshots in the window: the file is read (on a background
//! thread for File > Open) and opened for editing; a snapshot's view is restored over
//! its scenario.

use std::path::{Path, PathBuf};

use super::FrontlineApp;
use super::editing;
use super::loading::{self, Opened};
use super::world::{self, World};
use crate::edit::Workspace;
use crate::export::Snapshot;
use crate::io::LoadError;
use crate::model::Scenario;

impl FrontlineApp {
    /// Opens a scenario file or a view snapshot (told apart by
    /// [`Snapshot::is_snapshot_file`]), on this thread. On failure the current scenario
    /// stays and the located errors are shown in a window (and returned).
    /// [`Command::OpenPath`] reads the file on a background thread instead.
    pub fn open_path(&mut self, path: &Path) -> Result<(), LoadError> {
        let opened = loading::open_file(path);
        self.show_opened(path, opened)
    }

    /// Shows what [`loading::open_file`] read from `path`, or its errors.
    pub(super) fn show_opened(
        &mut self,
        path: &Path,
        opened: Result<Opened, LoadError>,
    ) -> Result<(), LoadError> {
        match opened {
            Ok(Opened::Scenario(workspace)) => {
                self.set_workspace(*workspace, Some(path.to_path_buf()));
                super::recent::remember(&mut self.state.recent_files, path);
                Ok(())
            }
            Ok(Opened::Snapshot {
                snapshot,
                workspace,
                file,
                warnings,
            }) => {
                self.show_snapshot(&snapshot, *workspace, file, &warnings);
                super::recent::remember(&mut self.state.recent_files, path);
                Ok(())
            }
            Err(err) => {
                let what = if Snapshot::is_snapshot_file(path) {
                    "did not open"
                } else {
                    "did not load"
                };
                self.panels
                    .show_load_error(&format!("{} {what}", path.display()), &err);
                Err(err)
            }
        }
    }

    /// Starts reading `path` on a background thread; the status bar shows it meanwhile.
    pub fn start_opening(&mut self, ctx: &egui::Context, path: PathBuf) {
        self.loading.start(ctx, path);
    }

    /// Edits `workspace` (read from `file`; `None` when it has no file of its own),
    /// with the session's questions cleared; offers the unsaved edits a previous
    /// session left for the file, if any. The edits of the scenario shown before are
    /// dropped: File > Open on unsaved changes is the caller's to guard.
    pub(super) fn set_workspace(&mut self, workspace: Workspace, file: Option<PathBuf>) {
        let basemap = std::mem::replace(&mut self.world.basemap, world::empty_basemap());
        let generation = self.world.generation + 1;
        self.world = World::new(workspace.scenario().clone(), basemap);
        self.workspace = workspace;
        self.notice = None;
        self.world.generation = generation;
        self.scenario_file = file;
        self.selected = None;
        self.assume.clear();
        self.playing = false;
        self.state.time_secs = None;
        self.panels.after_scenario_change();
        self.forget_disk_stamps();
        self.forget_unknown_ids();
        self.refresh();
        let recovering = self.workspace.is_dirty();
        match self.scenario_file.clone() {
            Some(file) if !recovering => self.look_for_recovery(&file),
            _ => self.saving.recovery_offer = None,
        }
    }

    /// Restores a snapshot's view over its scenario: moment, perspective, hidden
    /// sources, what-if, layers and camera. Its warnings (the scenario changed since)
    /// are shown in a window.
    pub fn open_snapshot(
        &mut self,
        snapshot: &Snapshot,
        scenario: Scenario,
        scenario_file: Option<PathBuf>,
        warnings: &[String],
    ) {
        let (workspace, file) = editing::workspace_for(scenario, scenario_file.as_deref());
        self.show_snapshot(snapshot, workspace, file, warnings);
    }

    /// [`Self::open_snapshot`] with the scenario already open for editing.
    fn show_snapshot(
        &mut self,
        snapshot: &Snapshot,
        workspace: Workspace,
        file: Option<PathBuf>,
        warnings: &[String],
    ) {
        self.set_workspace(workspace, file);
        let mut warnings = warnings.to_vec();
        match snapshot.viewpoint(self.world.scenario().offset()) {
            Ok(viewpoint) => self.show_viewpoint(viewpoint),
            Err(message) => warnings.push(message),
        }
        self.forget_unknown_ids();
        self.world.generation += 1;
        if !warnings.is_empty() {
            self.panels
                .show_errors("The snapshot opened with warnings", warnings);
        }
        self.refresh();
    }
}
