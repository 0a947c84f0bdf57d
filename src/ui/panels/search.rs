//! Search: names and aliases ("Deraa" finds Daraa); a result selects and centres the place.

use super::Cx;
use crate::model::fold;
use crate::ui::command::Command;

/// The most results listed.
const MAX_RESULTS: usize = 12;

/// Draws the search box and its results.
pub fn ui(
    ui: &mut egui::Ui,
    cx: &Cx<'_>,
    text: &mut String,
    focus: &mut bool,
    out: &mut Vec<Command>,
) {
    let scenario = cx.world.scenario();
    let label = ui.label("Search places");
    let id = ui.make_persistent_id("search places");
    if std::mem::take(focus) {
        // Focused and selected before the field is drawn, so what is typed in the same
        // frame lands in it and replaces the old query.
        ui.memory_mut(|m| m.request_focus(id));
        let mut state = egui::text_edit::TextEditState::load(ui.ctx(), id).unwrap_or_default();
        let all = egui::text::CCursorRange::two(
            egui::text::CCursor::new(0),
            egui::text::CCursor::new(text.chars().count()),
        );
        state.cursor.set_char_range(Some(all));
        state.store(ui.ctx(), id);
    }
    let response = ui
        .horizontal(|ui| {
            let clear = !text.is_empty();
            let room = if clear { 28.0 } else { 0.0 };
            let response = ui.add(
                egui::TextEdit::singleline(text)
                    .id(id)
                    .hint_text("name or spelling, e.g. Deraa")
                    .desired_width((ui.available_width() - room).max(40.0)),
            );
            if clear
                && ui
                    .small_button("×")
                    .on_hover_text("Clear the search")
                    .clicked()
            {
                text.clear();
            }
            response
        })
        .inner;
    let response = response.labelled_by(label.id);
    // Scanning 20k names every frame would cost a millisecond: the results are kept
    // until the query or the scenario changes.
    let key = (text.clone(), cx.world.engine.instance());
    let kept = ui
        .data(|d| d.get_temp::<((String, u64), Vec<usize>)>(response.id))
        .filter(|(seen, _)| *seen == key);
    let matches = kept.map_or_else(
        || {
            let found: Vec<usize> = if text.trim().is_empty() {
                Vec::new()
            } else {
                scenario
                    .places
                    .iter()
                    .enumerate()
                    .filter(|(_, place)| place.matches_name(text))
                    .map(|(p, _)| p)
                    .take(MAX_RESULTS)
                    .collect()
            };
            ui.data_mut(|d| d.insert_temp(response.id, (key, found.clone())));
            found
        },
        |(_, found)| found,
    );
    let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    if entered && let Some(&first) = matches.first() {
        out.push(Command::FocusPlace(first));
    }
    if text.trim().is_empty() {
        return;
    }
    if matches.is_empty() {
        ui.small("No place by that name.");
    }
    let query = fold(text);
    for p in matches {
        let place = &scenario.places[p];
        let also: Vec<&str> = place
            .aliases
            .iter()
            .filter(|alias| fold(alias).contains(&query) && !fold(&place.name).contains(&query))
            .map(String::as_str)
            .collect();
        let caption = if also.is_empty() {
            place.name.clone()
        } else {
            format!("{} (also {})", place.name, also.join(", "))
        };
        if ui
            .selectable_label(cx.selected == Some(p), caption)
            .clicked()
        {
            out.push(Command::FocusPlace(p));
        }
    }
}
