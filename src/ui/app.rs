//! The app shell: persisted state, runtime caches, panels, and commands applied after
//! drawing (the shape of egui's own demo app).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::command::Command;
use super::editing;
use super::export::{self as window_export, Exports};
use super::loading::{self, Loading};
use super::map::{MapInput, MapView};
use super::panels::{self, Panels};
use super::saving::{self, Saving};
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
    commands: Vec<Command>,
    theme_applied: Option<bool>,
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

    fn draw(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if self.theme_applied != Some(self.state.dark) {
            let theme = if self.state.dark {
                egui::Theme::Dark
            } else {
                egui::Theme::Light
            };
            ctx.set_theme(theme);
            self.theme_applied = Some(self.state.dark);
        }
        super::apply::shortcuts(&ctx, &mut self.commands);
        // Ctrl+F focuses the search box in this very frame: keys typed with it are not lost.
        let before = self.commands.len();
        self.commands.retain(|c| *c != Command::FocusSearch);
        if self.commands.len() != before {
            self.panels.focus_search = true;
        }
        self.saving_frame(&ctx);
        self.poll_save_dialog(&ctx);
        self.panels.poll_dialog(&ctx, &mut self.commands);
        self.panels.poll_import_dialog(&ctx, &mut self.commands);
        if let Some((path, format)) = self.exports.poll_dialog(&ctx) {
            self.commands.push(Command::ExportTo { path, format });
        }
        self.exports.poll(&ctx);
        if let Some((path, opened)) = self.loading.poll(&ctx) {
            // Errors are shown in their window by `show_opened`.
            let _ = self.show_opened(&path, opened);
        }
        super::apply::advance_play(self, &ctx);
        self.refresh();
        // Routes at country scale cost a millisecond: only while the layer is shown.
        if self.state.layers.routes {
            self.world.refresh_routes();
        }

        let view = self.view();
        let now = self.now_secs();
        let notice = self.time_notice();
        // The map moves the camera while the panels read the rest of the state.
        let mut camera = std::mem::take(&mut self.state.camera);
        let edits = panels::Edits {
            undo: self.undo_label(),
            redo: self.redo_label(),
            dirty: self.workspace.is_dirty(),
        };
        let cx = panels::Cx {
            world: &self.world,
            state: &self.state,
            view: &view,
            now,
            selected: self.selected,
            playing: self.playing,
            edits: &edits,
        };
        let out = &mut self.commands;
        egui::Panel::top("menu").show(ui, |ui| panels::menu::ui(ui, &cx, out));
        let opening = self.loading.running_path().is_some();
        let busy = self.exports.busy() || self.exports.last.is_some();
        if opening || notice.is_some() || busy || self.notice.is_some() {
            let (exports, loading) = (&mut self.exports, &self.loading);
            egui::Panel::bottom("status").show(ui, |ui| {
                if let Some(notice) = &notice {
                    ui.label(egui::RichText::new(notice).color(ui.visuals().warn_fg_color));
                }
                if let Some(change) = &self.notice {
                    ui.label(change);
                }
                loading::status(ui, loading);
                window_export::status(ui, exports);
            });
        }
        let entry = &mut self.panels.time_entry;
        egui::Panel::bottom("timeline").show(ui, |ui| panels::timeline::ui(ui, &cx, entry, out));
        // The side panels together never take more than about half the window: the map
        // keeps the rest. Each can be resized, and hidden (View, or the map's « » buttons).
        let width = ui.available_width();
        if self.state.show_controls {
            let max = (width * CONTROLS_SHARE).max(CONTROLS_MIN);
            egui::Panel::left("controls")
                .resizable(true)
                .default_size(280.0_f32.min(max))
                .size_range(CONTROLS_MIN..=max)
                .show(ui, |ui| self.panels.left_ui(ui, &cx, out));
        }
        if self.state.show_sidebar {
            let max = (width * SIDEBAR_SHARE).max(SIDEBAR_MIN);
            egui::Panel::right("sidebar")
                .resizable(true)
                .default_size(380.0_f32.min(max))
                .size_range(SIDEBAR_MIN..=max)
                .show(ui, |ui| self.panels.sidebar_ui(ui, &cx, out));
        }
        // Compare's "Before" shows the comparison date on the map, the changed places
        // ringed either way.
        let routes_shown = self.state.layers.routes;
        self.panels
            .compare
            .refresh_before_map(&self.world, &view, routes_shown);
        let before = self.panels.compare.before_map.as_ref();
        self.map_view
            .highlight
            .clone_from(&self.panels.compare.changed);
        egui::CentralPanel::default().show(ui, |ui| {
            panels::whatif::banner(ui, &cx, &self.assume, out);
            let (resolution, routes, generation) = match &before {
                Some(before) => {
                    let then = before.key.2;
                    panels::compare::before_banner_ui(ui, &cx, then);
                    // Odd generations for "before", changing with its moment.
                    let key = (self.world.generation << 1 | 1) ^ (then.cast_unsigned() << 1);
                    (&before.resolution, before.routes.as_slice(), key)
                }
                None => (
                    &self.world.resolution,
                    if self.state.layers.routes {
                        self.world.routes()
                    } else {
                        &[]
                    },
                    self.world.generation << 1,
                ),
            };
            let input = MapInput {
                engine: &self.world.engine,
                basemap: &self.world.basemap,
                resolution,
                routes,
                layers: &self.state.layers,
                selected: self.selected,
                generation,
            };
            let response = self.map_view.ui(ui, &mut camera, &input);
            if let Some(clicked) = response.clicked {
                out.push(Command::Select(clicked));
            }
            super::map::key_ui(ui, response.rect, self.world.scenario().freshness_hours);
            super::map::scale_bar_ui(ui, response.rect, self.map_view.km_per_point());
            zoom_buttons_ui(ui, response.rect, out);
            panel_buttons_ui(ui, response.rect, &self.state, out);
        });
        self.panels.windows(&ctx, &cx, out);
        let scenario = self.world.scenario();
        let name = |format| window_export::default_file_name(scenario, now, format);
        window_export::window(&ctx, &mut self.exports, name, out);
        self.state.camera = camera;
        let mut answers = Vec::new();
        saving::close_question_ui(&ctx, self, &mut answers);
        super::recovery::offer_ui(&ctx, self, &mut answers);
        super::disk_watch::question_ui(&ctx, self, &mut answers);
        self.commands.extend(answers);

        if !self.commands.is_empty() {
            self.apply_queued(&ctx);
            ctx.request_repaint();
        }
    }
}

/// The largest share of the window's width the left panel may take.
const CONTROLS_SHARE: f32 = 0.19;
/// The left panel's smallest width.
const CONTROLS_MIN: f32 = 150.0;
/// The largest share of the window's width the right panel may take.
const SIDEBAR_SHARE: f32 = 0.29;
/// The right panel's smallest width.
const SIDEBAR_MIN: f32 = 180.0;

/// Small buttons on the map's left and right edges hiding or showing the side panels.
fn panel_buttons_ui(ui: &mut egui::Ui, map: egui::Rect, state: &State, out: &mut Vec<Command>) {
    let size = egui::vec2(20.0, 28.0);
    let left = egui::Rect::from_min_size(map.left_top() + egui::vec2(4.0, 8.0), size);
    let (text, hint) = if state.show_controls {
        ("«", "Hide the left panel")
    } else {
        ("»", "Show the left panel")
    };
    if icon_button(ui.put(left, egui::Button::new(text)), hint).clicked() {
        out.push(Command::ShowControls(!state.show_controls));
    }
    let right = egui::Rect::from_min_size(
        map.right_bottom() + egui::vec2(-4.0 - size.x, -8.0 - size.y),
        size,
    );
    let (text, hint) = if state.show_sidebar {
        ("»", "Hide the right panel")
    } else {
        ("«", "Show the right panel")
    };
    if icon_button(ui.put(right, egui::Button::new(text)), hint).clicked() {
        out.push(Command::ShowSidebar(!state.show_sidebar));
    }
}

/// A button showing a sign: `hint` is its tooltip and its name for screen readers.
fn icon_button(response: egui::Response, hint: &str) -> egui::Response {
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, hint));
    response.on_hover_text(hint)
}

/// The zoom buttons in the map's top right corner.
fn zoom_buttons_ui(ui: &mut egui::Ui, map: egui::Rect, out: &mut Vec<Command>) {
    let size = egui::vec2(28.0, 28.0);
    let top_right = map.right_top() + egui::vec2(-8.0 - size.x, 8.0);
    let rect = egui::Rect::from_min_size(top_right, egui::vec2(size.x, 2.0 * size.y + 4.0));
    ui.scope_builder(egui::UiBuilder::new().max_rect(rect), |ui| {
        ui.spacing_mut().item_spacing.y = 4.0;
        let zoom = super::apply::BUTTON_ZOOM;
        for (text, hint, factor) in [("+", "Zoom in", zoom), ("−", "Zoom out", 1.0 / zoom)] {
            let button = egui::Button::new(egui::RichText::new(text).size(18.0)).min_size(size);
            if icon_button(ui.add(button), hint).clicked() {
                out.push(Command::Zoom(factor));
            }
        }
    });
}

impl eframe::App for FrontlineApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.draw(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, STORAGE_KEY, &self.state);
    }
}
