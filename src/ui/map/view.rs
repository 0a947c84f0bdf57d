//! [`MapView::ui`]: the plot, the camera, hit testing and the hover tooltip.

use egui::{CursorIcon, Pos2, Role, WidgetInfo};
use egui_plot::{Plot, PlotTransform};

use super::camera::{
    SYRIA_LONLAT, bounds_from_lonlat, expand_to_aspect, fit_bounds, lonlat_from_bounds,
};
use super::draw::MapItem;
use super::projector::{plot_from_screen, screen_from_plot};
use super::radius::MAX_RADIUS;
use super::scene::MapScene;
use super::{MapInput, MapMemory, MapResponse, MapView};
use crate::ui::theme;

/// A click or hover picks the nearest place within this many screen points (or within its
/// marker, for markers bigger than that).
pub const HIT_RADIUS: f32 = 8.0;

/// How fast the wheel zooms: the zoom factor is `exp(points * WHEEL_ZOOM_SPEED)`, so a
/// 50-point wheel notch zooms by about a quarter.
const WHEEL_ZOOM_SPEED: f32 = 1.0 / 200.0;

impl MapView {
    /// Draws the map filling `ui`, and reports clicks and hovers.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        memory: &mut MapMemory,
        input: &MapInput<'_>,
    ) -> MapResponse {
        self.scene.update(input);
        let projection = MapScene::projection();
        let syria = self
            .scene
            .base()
            .and_then(|b| b.syria_bbox)
            .and_then(|b| b.iter().all(|v| v.is_finite()).then_some(b));
        let fit = || {
            syria
                .map(fit_bounds)
                .or_else(|| bounds_from_lonlat(&projection, SYRIA_LONLAT))
        };
        let size = ui.available_size_before_wrap();
        // A fitted map the user has not moved is fitted again when its size changes (the
        // window's first frames, a resize, a panel collapsed): Syria stays whole.
        let refit = self.fitted.is_some_and(|(fitted_size, written)| {
            memory.bounds_lonlat == Some(written) && (fitted_size - size).length() > 0.5
        });
        let fitting = memory.fit_requested || refit;
        let camera = if fitting {
            fit()
        } else if !self.camera_restored || memory.bounds_lonlat != self.written_bounds {
            memory
                .bounds_lonlat
                .and_then(|b| bounds_from_lonlat(&projection, b))
                .or_else(fit)
        } else {
            None
        };
        memory.fit_requested = false;
        self.camera_restored = true;
        let camera = camera.map(|b| expand_to_aspect(b, f64::from(size.x / size.y.max(1.0))));

        let scenario = input.engine.scenario();
        let item = MapItem::new(
            (&self.scene, &self.screen),
            scenario,
            input.layers,
            (input.selected, &self.highlight),
        );
        // The wheel zooms about the pointer, as on web maps; Shift+wheel (sideways) and
        // Alt+wheel (up and down) pan, as does dragging. Ctrl+wheel and pinching zoom too
        // (the plot's own handling).
        let (wheel, alt) = ui.input(|i| (i.smooth_scroll_delta, i.modifiers.alt));
        let shown = Plot::new("map")
            .data_aspect(1.0)
            .show_axes(false)
            .show_grid(false)
            .show_x(false)
            .show_y(false)
            .show_background(false)
            .auto_bounds(false)
            .allow_double_click_reset(false)
            .allow_boxed_zoom(false)
            .allow_scroll(false)
            .show(ui, move |plot_ui| {
                if let Some(bounds) = camera {
                    plot_ui.set_plot_bounds(bounds);
                } else if plot_ui.response().contains_pointer() {
                    wheel_ui(plot_ui, wheel, alt);
                }
                plot_ui.add(item);
            });
        let transform = shown.transform;
        self.last_transform = Some(transform);
        memory.bounds_lonlat = Some(lonlat_from_bounds(&projection, transform.bounds()));
        self.written_bounds = memory.bounds_lonlat;
        self.fitted = match (fitting, memory.bounds_lonlat) {
            (true, Some(written)) => Some((size, written)),
            (false, now) if self.fitted.map(|(_, w)| w) == now => self.fitted,
            _ => None,
        };

        let response = shown.response;
        let rect = response.rect;
        response.widget_info(|| WidgetInfo::labeled(Role::Image, true, "Map of Syria"));
        let hovered = response.hover_pos().and_then(|pos| self.place_at(pos));
        let clicked = response.clicked().then(|| {
            response
                .interact_pointer_pos()
                .and_then(|pos| self.place_at(pos))
        });
        if let Some(p) = hovered {
            ui.ctx().set_cursor_icon(CursorIcon::PointingHand);
            let _ = response.on_hover_ui_at_pointer(|ui| tooltip(ui, input, p));
        }
        MapResponse {
            clicked,
            hovered,
            rect,
        }
    }

    /// The place under screen position `pos` in the last frame drawn: the nearest within
    /// [`HIT_RADIUS`] points, or within its marker.
    pub fn place_at(&self, pos: Pos2) -> Option<usize> {
        let transform = self.last_transform.as_ref()?;
        let xy = plot_from_screen(transform, pos);
        let per_point = transform.dvalue_dpos()[0].abs();
        let reach = f64::from(HIT_RADIUS.max(MAX_RADIUS + 2.0)) * per_point;
        let p = self.scene.place_near(xy, reach)?;
        let marker = self.scene.marker_of(p)?;
        let distance = screen_from_plot(transform, marker.pos).distance(pos);
        (distance <= HIT_RADIUS.max(marker.radius + 2.0)).then_some(p)
    }

    /// Where `[lon, lat]` was on screen in the last frame drawn (for tests and overlays).
    pub fn screen_pos_of(&self, lon: f64, lat: f64) -> Option<Pos2> {
        let xy = MapScene::projection().plot_from_lonlat([lon, lat]);
        Some(screen_from_plot(self.last_transform.as_ref()?, xy))
    }

    /// Where the map was on screen in the last frame drawn.
    pub fn map_rect(&self) -> Option<egui::Rect> {
        Some(*self.last_transform.as_ref()?.frame())
    }

    /// The plot transform of the last frame drawn.
    pub fn last_transform(&self) -> Option<&PlotTransform> {
        self.last_transform.as_ref()
    }

    /// Kilometres per screen point in the last frame drawn (true at the projection's
    /// reference latitude); NaN before the first frame.
    pub fn km_per_point(&self) -> f64 {
        self.last_transform.as_ref().map_or(f64::NAN, |t| {
            t.dvalue_dpos()[0].abs() * MapScene::projection().km_per_plot_unit()
        })
    }

    /// The place names labelled in the last frame drawn, in labelling order (for tests).
    pub fn label_texts(&self) -> Vec<String> {
        self.screen
            .borrow()
            .labels
            .iter()
            .map(|l| l.text.clone())
            .collect()
    }

    /// How many times the map's shapes were drawn anew rather than reused.
    pub fn screen_redraws(&self) -> u64 {
        self.screen.borrow().redraws
    }

    /// The cached scene.
    pub fn scene(&self) -> &MapScene {
        &self.scene
    }
}

/// Applies a wheel movement of `delta` points over the map: up and down zoom about the
/// pointer, sideways pans (Shift turns the wheel sideways); with `alt`, everything pans.
fn wheel_ui(plot_ui: &mut egui_plot::PlotUi<'_>, delta: egui::Vec2, alt: bool) {
    let (pan, zoom) = if alt {
        (delta, 0.0)
    } else {
        (egui::vec2(delta.x, 0.0), delta.y)
    };
    if zoom != 0.0 {
        let factor = (zoom * WHEEL_ZOOM_SPEED).exp();
        plot_ui.zoom_bounds_around_hovered(egui::Vec2::splat(factor));
    }
    if pan != egui::Vec2::ZERO {
        let [dx, dy] = plot_ui.transform().dvalue_dpos();
        let shift = egui::vec2(
            (-f64::from(pan.x) * dx) as f32,
            (-f64::from(pan.y) * dy) as f32,
        );
        plot_ui.translate_bounds(shift);
    }
}

/// The hover card: name, controller, status.
fn tooltip(ui: &mut egui::Ui, input: &MapInput<'_>, p: usize) {
    let scenario = input.engine.scenario();
    let Some(place) = scenario.places.get(p) else {
        return;
    };
    let state = input.resolution.places.get(p).copied().unwrap_or_default();
    ui.strong(&place.name);
    let controller = state
        .controller
        .and_then(|f| scenario.factions.get(usize::from(f)));
    match controller {
        Some(faction) => {
            let color = theme::faction_color(scenario, state.controller);
            ui.colored_label(color, &faction.name);
        }
        None => {
            ui.label("No known controller");
        }
    }
    ui.label(format!("Status: {}", state.status.as_str()));
}
