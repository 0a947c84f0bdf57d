//! The sources list: every source with its claim count and grade; unticking one hides
//! its claims from the map and the sidebar.

use super::Cx;
use crate::ui::command::Command;

/// Draws the sources list.
pub fn ui(ui: &mut egui::Ui, cx: &Cx<'_>, out: &mut Vec<Command>) {
    let scenario = cx.world.scenario();
    ui.heading("Sources");
    ui.small("Untick a source to ignore its claims.");
    for (s, source) in scenario.sources.iter().enumerate() {
        let count = cx.world.source_claim_count(s);
        let mut shown = !cx.state.hidden_sources.contains(&source.id);
        let response = ui
            .checkbox(
                &mut shown,
                format!(
                    "{} ({count} {})",
                    source.name,
                    if count == 1 { "claim" } else { "claims" }
                ),
            )
            .on_hover_text(format!(
                "{}; graded {:?}: {}",
                source.kind.label(),
                source.reliability,
                source.reliability_reason
            ));
        if response.changed() {
            out.push(Command::HideSource(source.id.clone(), !shown));
        }
    }
}
