//! The app shell: persisted state, runtime caches, panels, and commands applied after
//! drawing (the shape of egui's own demo app).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::command::Command;
use super::editing;
use super::export::{self as window_export, Exports};
use super::loading::Loading;
use super::map::MapView;
use super::panels::Panels;
use super::saving::Saving;
use super::state::{STORAGE_KEY, State};
use super::world::{self, World};
use crate::control::View;
use crate::edit::Workspace;
use crate::geo::Basemap;
use crate::model::{Moment, Scenario};
use crate::viewpoint::Viewpoint;

/// The Frontline window.
pub struct FrontlineApp {
    /// What is remembered between runs.
    pub state: State,
    /// The engine and what it resolved.
    pub world: World,
    /// The map widget and its caches.
    pub map_view: MapView,
    /// The selected place (index).
    pub selected: Option<usize>,
    /// What-if assumptions of this session: place id → faction id.
    pub assume: BTreeMap<String, String>,
    /// True while the timeline plays.
    pub playing: bool,
    /// Transient state of the panels and windows.
    pub panels: Panels,
    /// The scenario file shown; `None` for the embedded default.
    pub scenario_file: Option<PathBuf>,
    /// File > Export: the format picker, the save dialog and the running export.
    pub exports: Exports,
    /// The file being opened in the background.
    pub loading: Loading,
    /// The scenario being edited, with its files and undo history; the world shows
    /// its scenario.
    pub workspace: Workspace,
    /// What the last change did (or why it failed), for the status bar.
    pub notice: Option<String>,
    /// Saving, the close question, autosave and recovery.
    pub saving: Saving,
    /// Commands queued while drawing, applied after the frame is drawn.
    pub(super) commands: Vec<Command>,
    /// The theme (dark or not) last set on the context.
    pub(super) theme_applied: Option<bool>,
}

impl FrontlineApp {
    /// Creates the app on the embedded default scenario, restoring persisted state.
    pub fn new(cc: &eframe::CreationContext<'_>) -> Self {
        let mut state: State = cc
            .storage
            .and_then(|storage| eframe::get_value(storage, STORAGE_KEY))
            .unwrap_or_default();
        if let Some(mode) = super::dialog::DialogMode::from_environment() {
            state.file_dialog = mode;
        }
        let (scenario, error) = match crate::io::default_scenario() {
            Ok(scenario) => (scenario, None),
            Err(err) => (world::empty_scenario(), Some(err)),
        };
        let mut app = Self::with_state(scenario, state);
        app.saving = Saving::from_environment();
        if let Some(err) = error {
            app.panels
                .show_load_error("The built-in scenario did not load", &err);
        }
        app
    }

    /// Creates the app on `scenario` with default settings (no storage; for tests).
    pub fn with_scenario(scenario: Scenario) -> Self {
        Self::with_state(scenario, State::default())
    }

    /// Creates the app on `scenario` with the given settings. The scenario has no file:
    /// Save asks where to save it. No recovery folder is set (see [`Saving`]).
    pub fn with_state(scenario: Scenario, state: State) -> Self {
        let mut panels = Panels::default();
        let basemap = Basemap::embedded().unwrap_or_else(|err| {
            panels.show_errors("The basemap did not load", vec![err.to_string()]);
            world::empty_basemap()
        });
        let workspace = editing::pathless_workspace(scenario.clone());
        let mut app = Self {
            state,
            world: World::new(scenario, basemap),
            map_view: MapView::default(),
            selected: None,
            assume: BTreeMap::new(),
            playing: false,
            panels,
            scenario_file: None,
            exports: Exports::default(),
            loading: Loading::default(),
            workspace,
            notice: None,
            saving: Saving::default(),
            commands: Vec::new(),
            theme_applied: None,
        };
        app.forget_unknown_ids();
        app.refresh();
        app
    }

    /// Drops remembered settings that name things this scenario does not have.
    pub(super) fn forget_unknown_ids(&mut self) {
        let scenario = self.world.scenario();
        if let crate::control::Perspective::Source(id) = &self.state.perspective
            && scenario.source_index(id).is_none()
        {
            self.state.perspective = crate::control::Perspective::All;
        }
        let known = |id: &String| scenario.source_index(id).is_some();
        self.state.hidden_sources.retain(known);
    }

    /// Shows `viewpoint`: its moment (clamped to the scenario's evidence, with a
    /// notice, by [`Self::now_secs`]), view, layers and extent.
    pub fn show_viewpoint(&mut self, viewpoint: Viewpoint) {
        self.state.time_secs = Some(viewpoint.at.unix_secs());
        self.state.perspective = viewpoint.view.perspective;
        self.state.hidden_sources = viewpoint.view.hidden_sources;
        self.assume = viewpoint.view.assume;
        self.state.layers = viewpoint.layers;
        match viewpoint.bbox_lonlat {
            Some(bbox) => {
                self.state.camera.bounds_lonlat = Some(bbox);
                self.state.camera.fit_requested = false;
            }
            None => self.state.camera.fit_requested = true,
        }
    }

    /// What is on screen: the moment shown, the view, the layers and the extent; what
    /// an export from the window carries.
    pub fn viewpoint(&self) -> Viewpoint {
        Viewpoint {
            at: Moment::from_unix_secs(self.now_secs()),
            view: self.view(),
            layers: self.state.layers.clone(),
            bbox_lonlat: self.state.camera.bounds_lonlat,
        }
    }

    /// Starts exporting what is on screen to `path` on a background thread; the status
    /// bar shows progress and then the file written or the error.
    pub fn export_to(
        &mut self,
        ctx: &egui::Context,
        path: &Path,
        format: crate::export::ExportFormat,
    ) {
        let job = window_export::job(self.scenario_file.clone(), self.viewpoint(), format, path);
        self.exports
            .start(ctx, std::sync::Arc::clone(&self.world.engine), job);
    }

    /// The moment shown, Unix seconds: the one chosen, clamped to the moments the
    /// scenario's evidence speaks to ([`crate::control::Engine::moment_range`], the
    /// same range every command checks), or the end of the timeline's span.
    pub fn now_secs(&self) -> i64 {
        match self.state.time_secs {
            Some(secs) => self.world.clamp_secs(secs),
            None => self.world.time_span().1,
        }
    }

    /// Why the moment shown is not the one chosen (a snapshot's or a remembered moment
    /// after the scenario's evidence goes stale), for the status bar.
    pub fn time_notice(&self) -> Option<String> {
        let chosen = Moment::from_unix_secs(self.state.time_secs?);
        let outside = self.world.engine.check_moment(chosen).err()?;
        let offset = self.world.scenario().offset();
        let shown = super::format::short_moment(outside.range.last.unix_secs(), offset);
        Some(format!(
            "Showing {shown}: the scenario's evidence goes stale after that"
        ))
    }

    /// The engine view: perspective, hidden sources and what-if assumptions.
    pub fn view(&self) -> View {
        self.state.view(&self.assume)
    }

    /// Index of the place with this id.
    pub fn place_index(&self, id: &str) -> Option<usize> {
        self.world.scenario().place_index(id)
    }

    /// The id of the faction holding place `id` now.
    pub fn controller_of(&self, id: &str) -> Option<&str> {
        let p = self.place_index(id)?;
        let f = self.world.resolution.places.get(p)?.controller?;
        Some(self.world.scenario().factions.get(f as usize)?.id.as_str())
    }

    /// Queues a command, as a panel would; it is applied at the end of the next frame
    /// (or now, with [`Self::apply_queued`]).
    pub fn queue(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// Applies every queued command.
    pub fn apply_queued(&mut self, ctx: &egui::Context) {
        for command in std::mem::take(&mut self.commands) {
            super::apply::apply(self, ctx, command);
        }
        self.refresh();
    }

    /// Re-resolves if the moment or the view changed.
    pub fn refresh(&mut self) {
        let view = self.view();
        let now = self.now_secs();
        self.world.refresh(&view, now);
    }
}

impl eframe::App for FrontlineApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.draw(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, STORAGE_KEY, &self.state);
    }
}
