//! The perspective picker: all sources, one source, one kind, or a minimum grade.

use super::Cx;
use crate::control::Perspective;
use crate::model::{Reliability, SourceKind};
use crate::ui::command::Command;

/// Draws the perspective picker.
pub fn ui(ui: &mut egui::Ui, cx: &Cx<'_>, out: &mut Vec<Command>) {
    let scenario = cx.world.scenario();
    let current = &cx.state.perspective;
    ui.heading("Perspective");
    let modes = [
        ("All sources", Perspective::All),
        (
            "One source",
            Perspective::Source(
                scenario
                    .sources
                    .first()
                    .map(|s| s.id.clone())
                    .unwrap_or_default(),
            ),
        ),
        (
            "One kind of source",
            Perspective::Kind(SourceKind::PartyToFight),
        ),
        ("Minimum grade", Perspective::MinGrade(Reliability::C)),
    ];
    let mode_of = |p: &Perspective| std::mem::discriminant(p);
    let selected = modes
        .iter()
        .find(|(_, p)| mode_of(p) == mode_of(current))
        .map_or("All sources", |(name, _)| name);
    egui::ComboBox::from_label("Whose account")
        .selected_text(selected)
        .show_ui(ui, |ui| {
            for (name, p) in &modes {
                let on = mode_of(p) == mode_of(current);
                if ui.selectable_label(on, *name).clicked() && !on {
                    out.push(Command::SetPerspective(p.clone()));
                }
            }
        });
    match current {
        Perspective::All => {}
        Perspective::Source(id) => {
            let name = scenario
                .source_by_id(id)
                .map_or(id.as_str(), |s| s.name.as_str());
            egui::ComboBox::from_label("Source")
                .selected_text(name)
                .show_ui(ui, |ui| {
                    for source in scenario.sources.iter().filter(|s| !s.is_baseline()) {
                        if ui
                            .selectable_label(&source.id == id, &source.name)
                            .clicked()
                        {
                            out.push(Command::SetPerspective(Perspective::Source(
                                source.id.clone(),
                            )));
                        }
                    }
                });
        }
        Perspective::Kind(kind) => {
            egui::ComboBox::from_label("Kind")
                .selected_text(kind.label())
                .show_ui(ui, |ui| {
                    for k in SourceKind::ALL
                        .into_iter()
                        .filter(|k| *k != SourceKind::Baseline)
                    {
                        if ui.selectable_label(k == *kind, k.label()).clicked() {
                            out.push(Command::SetPerspective(Perspective::Kind(k)));
                        }
                    }
                });
        }
        Perspective::MinGrade(grade) => {
            egui::ComboBox::from_label("Grade at least")
                .selected_text(format!("{grade:?} — {}", grade.label()))
                .show_ui(ui, |ui| {
                    for g in Reliability::ALL
                        .into_iter()
                        .filter(|g| *g != Reliability::F)
                    {
                        let text = format!("{g:?} — {}", g.label());
                        if ui.selectable_label(g == *grade, text).clicked() {
                            out.push(Command::SetPerspective(Perspective::MinGrade(g)));
                        }
                    }
                });
        }
    }
    let words = crate::viewpoint::view_words(cx.view, scenario);
    ui.label(egui::RichText::new(format!("Map: {words}")).italics());
}
