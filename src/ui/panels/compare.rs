//! Compare: pick a second date and list the places whose holder differs between it and
//! the moment shown.

use super::Cx;
use crate::ui::command::Command;
use crate::ui::format;

/// A place whose holder differs between two moments.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// Place index.
    pub place: usize,
    /// Faction index at the comparison date.
    pub then: Option<u16>,
    /// Faction index at the moment shown.
    pub now: Option<u16>,
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

/// Places whose controller at `then_secs` differs from the current resolution.
pub fn changes(cx: &Cx<'_>, then_secs: i64) -> Vec<Change> {
    let then = cx.world.engine.resolve_secs(cx.view, then_secs);
    then.places
        .iter()
        .zip(&cx.world.resolution.places)
        .enumerate()
        .filter(|(_, (a, b))| a.controller != b.controller)
        .map(|(place, (a, b))| Change {
            place,
            then: a.controller,
            now: b.controller,
        })
        .collect()
}

/// Draws the comparison.
pub fn ui(ui: &mut egui::Ui, cx: &Cx<'_>, out: &mut Vec<Command>) {
    let scenario = cx.world.scenario();
    let offset = scenario.offset();
    egui::CollapsingHeader::new("Compare with another date").show(ui, |ui| {
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
        let then_words = format::as_of_words(then_secs, offset);
        let list = changes(cx, then_secs);
        if list.is_empty() {
            ui.label(format!("No holder differs between {then_words} and now."));
            return;
        }
        ui.label(format!(
            "{} places changed hands since {then_words}:",
            list.len()
        ));
        let name = |f: Option<u16>| {
            f.and_then(|f| scenario.factions.get(usize::from(f)))
                .map_or("no one", |f| f.short.as_str())
        };
        for change in list {
            let place = &scenario.places[change.place];
            let text = format!(
                "{}: {} -> {}",
                place.name,
                name(change.then),
                name(change.now)
            );
            if ui
                .selectable_label(cx.selected == Some(change.place), text)
                .clicked()
            {
                out.push(Command::FocusPlace(change.place));
            }
        }
    });
}
