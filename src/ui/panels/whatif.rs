//! What-if: assume the selected place held by a faction (the control at the top of the
//! place's sidebar, the likeliest takers first), see the banner saying so, and which
//! key road connections that cuts.

use std::collections::BTreeMap;

use super::Cx;
use crate::ui::command::Command;

/// The factions "Assume held by" offers for place `p`, in order: the engine's likely
/// takers ([`crate::control::Engine::likely_takers`]: neighbours' holders, then sides
/// acting there), then the other factions, the current holder last.
pub fn assume_choices(cx: &Cx<'_>, p: usize) -> Vec<usize> {
    let factions = cx.world.scenario().factions.len();
    let holder = cx.world.controller(p);
    let mut order: Vec<usize> = cx
        .world
        .engine
        .likely_takers(&cx.world.resolution, p)
        .into_iter()
        .map(usize::from)
        .filter(|&f| f < factions)
        .collect();
    let rest: Vec<usize> = (0..factions)
        .filter(|f| !order.contains(f) && Some(*f) != holder)
        .collect();
    order.extend(rest);
    order.extend(holder.filter(|&f| f < factions));
    order
}

/// Draws "Assume held by" for place `p`; `pick` remembers the faction picked for it.
pub fn assume_ui(
    ui: &mut egui::Ui,
    cx: &Cx<'_>,
    p: usize,
    pick: &mut Option<(usize, usize)>,
    out: &mut Vec<Command>,
) {
    let scenario = cx.world.scenario();
    let choices = assume_choices(cx, p);
    let Some(&likeliest) = choices.first() else {
        return;
    };
    let mut faction = match *pick {
        Some((place, f)) if place == p && f < scenario.factions.len() => f,
        _ => likeliest,
    };
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.strong("What-if");
        ui.horizontal_wrapped(|ui| {
            egui::ComboBox::from_label("Assume held by")
                .selected_text(&scenario.factions[faction].name)
                .show_ui(ui, |ui| {
                    for &f in &choices {
                        ui.selectable_value(&mut faction, f, &scenario.factions[f].name);
                    }
                });
            if ui
                .button(format!("Assume {} held", scenario.places[p].name))
                .on_hover_text("Show the map as if this side held the place; no claim says so")
                .clicked()
            {
                out.push(Command::Assume(p, faction));
            }
        });
    });
    *pick = Some((p, faction));
}

/// Draws the key road connections: which are open and which cut, for the sides
/// holding an end.
pub fn connections_ui(ui: &mut egui::Ui, cx: &Cx<'_>) {
    let scenario = cx.world.scenario();
    if scenario.key_connections.is_empty() {
        return;
    }
    ui.label(egui::RichText::new("Key road connections").strong());
    // The engine answers for every faction; the panel shows the sides holding an end.
    let holds_an_end = |link: &crate::control::Link| {
        let f = Some(usize::from(link.faction));
        cx.world.controller(link.from) == f || cx.world.controller(link.to) == f
    };
    for link in cx.world.links().iter().filter(|link| holds_an_end(link)) {
        let (Some(from), Some(to)) = (scenario.places.get(link.from), scenario.places.get(link.to))
        else {
            continue;
        };
        let holder = scenario
            .factions
            .get(usize::from(link.faction))
            .map_or("?", |f| f.short.as_str());
        let state = if link.connected { "open" } else { "CUT" };
        let text = format!("{} to {}: {state} ({holder})", from.name, to.name);
        if link.connected {
            ui.label(text);
        } else {
            ui.colored_label(ui.visuals().warn_fg_color, text);
        }
    }
}

/// The banner over the map while assumptions are in force, with Reset.
pub fn banner(
    ui: &mut egui::Ui,
    cx: &Cx<'_>,
    assume: &BTreeMap<String, String>,
    out: &mut Vec<Command>,
) {
    if assume.is_empty() {
        return;
    }
    let parts: Vec<String> = crate::viewpoint::what_if_names(assume, cx.world.scenario())
        .into_iter()
        .map(|(place, faction)| format!("{place} assumed held by {faction}"))
        .collect();
    egui::Frame::new()
        .fill(ui.visuals().warn_fg_color.gamma_multiply(0.25))
        .inner_margin(6.0)
        .show(ui, |ui| {
            // Reset on the right; the text wraps in the width left (never a letter a line).
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Min), |ui| {
                if ui.button("Reset").clicked() {
                    out.push(Command::ResetAssumptions);
                }
                let text = egui::RichText::new(format!("What-if: {}", parts.join("; "))).strong();
                ui.with_layout(egui::Layout::left_to_right(egui::Align::Min), |ui| {
                    ui.add(egui::Label::new(text).wrap());
                });
            });
        });
}
