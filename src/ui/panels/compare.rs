//! Compare: pick a second date, list the places whose holder differs between it and
//! the moment shown, ring them on the map, and switch the map between before and after.

use super::Cx;
use crate::control::{HolderChange, View};
use crate::ui::command::Command;
use crate::ui::format;
use crate::ui::world::World;

/// What the comparison shows on the map (transient, not persisted).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CompareView {
    /// The map shows the comparison date ("before") instead of the moment shown.
    pub before: bool,
    /// The comparison moment while the section is open, Unix seconds.
    pub then_secs: Option<i64>,
    /// The places that changed hands, ringed on the map while the section is open.
    pub changed: Vec<usize>,
    /// The map of the comparison date while "Before" shows it.
    pub before_map: Option<BeforeMap>,
}

/// Who held what at the comparison date, resolved once for each world, moment and
/// routes layer rather than every frame.
#[derive(Clone, Debug, PartialEq)]
pub struct BeforeMap {
    /// The engine, the world's generation, the comparison moment and whether routes
    /// are shown.
    pub key: (u64, u64, i64, bool),
    /// Who held each place then.
    pub resolution: crate::control::Resolution,
    /// Who held each route then (empty without the routes layer).
    pub routes: Vec<crate::control::RouteState>,
}

impl CompareView {
    /// The moment the map should show instead of the timeline's, if any.
    pub fn map_secs(&self) -> Option<i64> {
        self.then_secs.filter(|_| self.before)
    }

    /// Resolves the comparison date for the map when "Before" is on and anything it
    /// depends on changed; forgets it when "Before" is off.
    pub fn refresh_before_map(&mut self, world: &World, view: &View, routes_shown: bool) {
        let Some(then) = self.map_secs() else {
            self.before_map = None;
            return;
        };
        let key = (
            world.engine.instance(),
            world.generation,
            then,
            routes_shown,
        );
        if self.before_map.as_ref().is_some_and(|b| b.key == key) {
            return;
        }
        let resolution = world.engine.resolve_secs(view, then);
        let routes = if routes_shown {
            world.engine.routes(&resolution)
        } else {
            Vec::new()
        };
        self.before_map = Some(BeforeMap {
            key,
            resolution,
            routes,
        });
    }
}

/// The line over the map while Compare shows the comparison date.
pub fn before_banner_ui(ui: &mut egui::Ui, cx: &Cx<'_>, then: i64) {
    let offset = cx.world.scenario().offset();
    let text = format!(
        "Before: the map shows {}; the timeline is at {}. Rings mark the places that changed hands.",
        format::short_moment(then, offset),
        format::short_moment(cx.now, offset)
    );
    egui::Frame::new()
        .fill(ui.visuals().selection.bg_fill.gamma_multiply(0.4))
        .inner_margin(6.0)
        .show(ui, |ui| {
            ui.add(egui::Label::new(egui::RichText::new(text).strong()).wrap());
        });
}

/// The comparison moment: the end of the picked date (23:59:59 local, as a bare date
/// means everywhere) within the scenario's evidence, or the start of the span.
pub fn compare_secs(cx: &Cx<'_>) -> i64 {
    let offset = cx.world.scenario().offset();
    cx.state
        .compare_date
        .map_or(cx.world.time_span().0, |date| {
            cx.world.clamp_secs(format::end_of_date(date, offset))
        })
}

/// Places whose holder at `then_secs` differs from the current resolution (the
/// engine's [`crate::control::Engine::holder_changes`]).
pub fn changes(cx: &Cx<'_>, then_secs: i64) -> Vec<HolderChange> {
    let then = cx.world.engine.resolve_secs(cx.view, then_secs);
    cx.world.engine.holder_changes(&then, &cx.world.resolution)
}

/// Draws the comparison; `view` learns whether it is open, its moment and the places
/// to ring.
pub fn ui(ui: &mut egui::Ui, cx: &Cx<'_>, view: &mut CompareView, out: &mut Vec<Command>) {
    let scenario = cx.world.scenario();
    let offset = scenario.offset();
    let shown = egui::CollapsingHeader::new("Compare with another date").show(ui, |ui| {
        let then_secs = compare_secs(cx);
        let mut date = format::local_date(then_secs, offset);
        ui.horizontal(|ui| {
            ui.label("Date");
            let picker = egui_extras::DatePickerButton::new(&mut date)
                .id_salt("compare-date")
                .show_icon(false) // the calendar emoji is not in the default fonts
                .combo_boxes(false); // unlabelled for screen readers; the arrows step instead
            if ui.add(picker).changed() {
                out.push(Command::SetCompareDate(Some(date)));
            }
        });
        ui.horizontal(|ui| {
            ui.label("Map shows");
            ui.selectable_value(&mut view.before, true, "Before")
                .on_hover_text("The map as of the comparison date");
            ui.selectable_value(&mut view.before, false, "After")
                .on_hover_text("The map as of the timeline's moment");
        });
        let then_words = format::as_of_words(then_secs, offset);
        let list = changes(cx, then_secs);
        view.then_secs = Some(then_secs);
        view.changed = list.iter().map(|c| c.place).collect();
        if list.is_empty() {
            ui.label(format!("No holder differs between {then_words} and now."));
            return;
        }
        ui.label(format!(
            "{} places changed hands since {then_words} (ringed on the map):",
            list.len()
        ));
        let name = |f: Option<u16>| {
            f.and_then(|f| scenario.factions.get(usize::from(f)))
                .map_or("no one", |f| f.short.as_str())
        };
        let arrow = format::arrow(ui.ctx());
        for change in list {
            let place = &scenario.places[change.place];
            let text = format!(
                "{}: {} {arrow} {}",
                place.name,
                name(change.before),
                name(change.after)
            );
            if ui
                .selectable_label(cx.selected == Some(change.place), text)
                .clicked()
            {
                out.push(Command::FocusPlace(change.place));
            }
        }
    });
    if shown.body_returned.is_none() {
        view.then_secs = None;
        view.changed.clear();
    }
}
