//! One frame of the window: shortcuts and background work polled, then the panels and
//! the map drawn from the state, and the commands they queued applied afterwards.

use super::app::FrontlineApp;
use super::command::Command;
use super::export as window_export;
use super::loading;
use super::map::MapInput;
use super::map_buttons::{panel_buttons_ui, zoom_buttons_ui};
use super::panels;
use super::saving;

impl FrontlineApp {
    /// Draws the window and applies what its controls asked for.
    pub(super) fn draw(&mut self, ui: &mut egui::Ui) {
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
