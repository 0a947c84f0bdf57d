//! The timeline: a slider over the scenario's span, the moment in words, play/pause
//! and steps from claim to claim.

use super::Cx;
use crate::ui::command::Command;
use crate::ui::format;

/// Draws the timeline.
pub fn ui(ui: &mut egui::Ui, cx: &Cx<'_>, out: &mut Vec<Command>) {
    // A moment past the span (a snapshot's, within the freshness window) still shows.
    let (start, end) = cx.world.time_span();
    let (start, end) = (start.min(cx.now), end.max(cx.now));
    let offset = cx.world.scenario().offset();
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        let events = cx.world.engine.event_secs();
        let has_prev = events.iter().any(|&t| t < cx.now);
        let has_next = events.iter().any(|&t| t > cx.now);
        if ui
            .add_enabled(has_prev, egui::Button::new("Previous claim"))
            .on_hover_text("Step to the previous moment a claim takes effect (Left arrow key)")
            .clicked()
        {
            out.push(Command::StepEvent(-1));
        }
        let play = if cx.playing { "Pause" } else { "Play" };
        if ui
            .button(play)
            .on_hover_text("Play the timeline (Space)")
            .clicked()
        {
            out.push(Command::TogglePlay);
        }
        if ui
            .add_enabled(has_next, egui::Button::new("Next claim"))
            .on_hover_text("Step to the next moment a claim takes effect (Right arrow key)")
            .clicked()
        {
            out.push(Command::StepEvent(1));
        }
        ui.separator();
        ui.label("As of");
        ui.label(egui::RichText::new(format::as_of_words(cx.now, offset)).strong());
    });
    ui.horizontal(|ui| {
        let mut secs = cx.now;
        ui.spacing_mut().slider_width = (ui.available_width() - 120.0).max(100.0);
        let slider = egui::Slider::new(&mut secs, start..=end)
            .show_value(false)
            .text("Time");
        // No step: a snapped slider would silently round a chosen moment (23:59:59
        // became the next day's 00:00:00).
        if ui.add(slider).changed() {
            out.push(Command::SetTime(secs));
        }
    });
    ui.horizontal(|ui| {
        ui.small(format::short_date(start, offset));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.small(format::short_date(end, offset));
        });
    });
}
