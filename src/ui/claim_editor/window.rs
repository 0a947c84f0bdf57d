//! The claim editor window: the fields, the problems as you type, OK (disabled with
//! the reason while the claim is invalid) and Cancel.

use super::{ClaimEditor, EditorTarget};
use crate::model::Scenario;
use crate::ui::command::Command;
use crate::ui::panels::document_text::QuoteSelection;
use crate::ui::panels::form::error_line;

/// Draws the editor while it is open. `scenario` is what the claim is checked
/// against (for a draft, the scenario with the article and its proposals).
pub fn window(
    ctx: &egui::Context,
    scenario: &Scenario,
    open: &mut Option<ClaimEditor>,
    selection: Option<&QuoteSelection>,
    out: &mut Vec<Command>,
) {
    let Some(editor) = open.as_mut() else { return };
    let title = match &editor.target {
        EditorTarget::New => "New claim".to_owned(),
        EditorTarget::Claim(id) => format!("Edit claim {id}"),
        EditorTarget::Draft(n) => format!("Edit draft {}", n + 1),
    };
    let mut keep_open = true;
    let mut close = false;
    egui::Window::new(title)
        .id(egui::Id::unique("claim-editor"))
        .open(&mut keep_open)
        .default_size([520.0, 640.0])
        .show(ctx, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                if editor.target == EditorTarget::New {
                    crate::ui::panels::form::text_field(ui, "Claim id", &mut editor.claim.id);
                } else {
                    ui.label(format!("Claim id: {}", editor.claim.id));
                }
                editor.subject_ui(ui, scenario);
                editor.assertion_ui(ui);
                editor.sides_ui(ui, scenario);
                ui.separator();
                editor.sources_ui(ui, scenario);
                ui.separator();
                match &editor.claim.record {
                    // Evidence from a dataset: shown as is (a record is not typed).
                    Some(record) => crate::ui::record::record_ui(ui, record),
                    None => editor.quote_ui(ui, scenario, selection),
                }
                editor.when_ui(ui);
                editor.credibility_ui(ui);
                ui.separator();
                editor.new_items.ui(ui, out);
                ui.separator();
                let problems = editor.problems_cached(scenario);
                for problem in &problems {
                    error_line(ui, problem);
                }
                ui.horizontal(|ui| {
                    let ok = ui.add_enabled(problems.is_empty(), egui::Button::new("OK"));
                    let ok = match problems.first() {
                        Some(why) => ok.on_disabled_hover_text(format!("Cannot save: {why}")),
                        None => ok,
                    };
                    if ok.clicked()
                        && let Ok(claim) = editor.build()
                    {
                        out.push(Command::SaveClaim {
                            target: editor.target.clone(),
                            claim: Box::new(claim),
                        });
                    }
                    if ui.button("Cancel").clicked() {
                        close = true;
                    }
                });
            });
        });
    if !keep_open || close {
        *open = None;
    }
}
