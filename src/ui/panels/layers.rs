//! The layers panel: factions (with how many places each holds now), status classes
//! with their definitions, and the map's line and area layers.

use super::Cx;
use crate::control::Status;
use crate::ui::command::Command;
use crate::ui::theme;

/// Draws the layers panel.
pub fn ui(ui: &mut egui::Ui, cx: &Cx<'_>, out: &mut Vec<Command>) {
    let scenario = cx.world.scenario();
    let mut layers = cx.state.layers.clone();
    ui.heading("Layers");
    ui.label(egui::RichText::new("Factions (places held now)").strong());
    for (f, faction) in scenario.factions.iter().enumerate() {
        let held = cx.world.held_count(f);
        ui.horizontal(|ui| {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(14.0, 14.0), egui::Sense::hover());
            let colour = theme::faction_color(scenario, u16::try_from(f).ok());
            ui.painter().rect_filled(rect, 2.0, colour);
            let mut shown = !layers.hidden_factions.contains(&faction.id);
            // A long name is cut at the panel's edge: the whole of it on hover.
            if ui
                .checkbox(&mut shown, format!("{} ({held})", faction.name))
                .on_hover_text(format!("{}: {held} places held now", faction.name))
                .changed()
            {
                if shown {
                    layers.hidden_factions.remove(&faction.id);
                } else {
                    layers.hidden_factions.insert(faction.id.clone());
                }
            }
        });
    }
    ui.label(egui::RichText::new("How sure").strong());
    for status in Status::ALL {
        let name = status.as_str();
        let mut shown = !layers.hidden_statuses.contains(name);
        let response = ui
            .checkbox(&mut shown, name)
            .on_hover_text(status.definition());
        if response.changed() {
            if shown {
                layers.hidden_statuses.remove(name);
            } else {
                layers.hidden_statuses.insert(name.to_owned());
            }
        }
        ui.indent(name, |ui| ui.small(status.definition()));
    }
    ui.label(egui::RichText::new("Map").strong());
    ui.checkbox(&mut layers.routes, "Routes");
    ui.checkbox(&mut layers.severed, "Severed segments");
    ui.checkbox(&mut layers.territory, "Territory");
    // The same caveat as the print map's legend: how area is estimated.
    ui.small(crate::geo::TERRITORY_METHOD);
    ui.checkbox(&mut layers.governorates, "Governorates");
    ui.checkbox(&mut layers.borders, "Borders");
    ui.checkbox(&mut layers.labels, "Labels");
    if layers != cx.state.layers {
        out.push(Command::SetLayers(layers));
    }
}
