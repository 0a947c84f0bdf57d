//! The attribution sidebar: the selected place, who holds it and why, and every claim
//! about it up to the moment, in time order; with no place selected, the claims about
//! the sides as a whole.

use super::Cx;
use crate::model::Scenario;
use crate::ui::command::Command;
use crate::ui::theme;

/// The sidebar's choices: the source filter of the claims and the what-if pick.
type Choices<'a> = (&'a mut Option<String>, &'a mut Option<(usize, usize)>);

/// Draws the selected place, what-if at its top, and its claims; the filter keeps one
/// source's claims.
pub fn ui(ui: &mut egui::Ui, cx: &Cx<'_>, (filter, pick): Choices<'_>, out: &mut Vec<Command>) {
    let scenario = cx.world.scenario();
    let Some(p) = cx.selected.filter(|&p| p < scenario.places.len()) else {
        ui.heading("No place selected");
        ui.label("Click a place on the map, or search for one.");
        about_the_sides_ui(ui, cx);
        return;
    };
    let place = &scenario.places[p];
    let state = cx.world.resolution.places[p];
    ui.horizontal_wrapped(|ui| {
        ui.heading(&place.name);
        if ui
            .small_button("Clear")
            .on_hover_text("Clear the selection")
            .clicked()
        {
            out.push(Command::Select(None));
        }
    });
    if !place.aliases.is_empty() {
        ui.label(format!("Also written: {}", place.aliases.join(", ")));
    }
    let governorate = scenario
        .region_index(&place.governorate)
        .map_or(place.governorate.as_str(), |r| {
            scenario.regions[r].name.as_str()
        });
    ui.label(format!("Governorate: {governorate}"));
    if place.population > 0 {
        ui.label(format!(
            "Population: {}",
            crate::ui::format::population_words(place.population)
        ));
    }
    ui.horizontal(|ui| {
        let colour = theme::faction_color(scenario, state.controller);
        let (rect, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
        ui.painter().rect_filled(rect, 6.0, colour);
        // Wrapped: a long faction name must not widen the panel (and move the map).
        let words = format!("{} — {}", cx.world.holder_name(p), state.status.as_str());
        ui.add(egui::Label::new(egui::RichText::new(words).strong()).wrap());
    });
    ui.small(state.status.definition());
    // Asking "what if" comes before the evidence, not under twenty claim cards.
    super::whatif::assume_ui(ui, cx, p, pick, out);
    let details = cx
        .world
        .engine
        .place_details(cx.view, &cx.world.resolution, p);
    ui.label(&details.explanation);

    ui.separator();
    ui.heading(format!("Claims ({})", details.claims.len()));
    if filter
        .as_ref()
        .is_some_and(|id| !details.sources.contains(id))
    {
        *filter = None;
    }
    egui::ComboBox::from_label("Filter by source")
        .selected_text(
            filter
                .as_deref()
                .map_or("All sources", |id| source_name(scenario, id)),
        )
        .show_ui(ui, |ui| {
            ui.selectable_value(filter, None, "All sources");
            for id in &details.sources {
                ui.selectable_value(filter, Some(id.clone()), source_name(scenario, id));
            }
        });
    for &c in &details.claims {
        let claim = &scenario.claims[c];
        if filter
            .as_ref()
            .is_some_and(|id| !claim.sources().any(|s| s == id))
        {
            continue;
        }
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            claim_ui(ui, cx, c, details.deciding.contains(&c), out);
        });
    }
}

/// Claims about a side or a person as a whole, which never colour the map: a short
/// list of accounts up to the moment under the view (nothing when there are none).
fn about_the_sides_ui(ui: &mut egui::Ui, cx: &Cx<'_>) {
    let engine = &cx.world.engine;
    let claims = engine.side_claims(cx.view, cx.world.resolution.at_secs);
    if claims.is_empty() {
        return;
    }
    ui.separator();
    ui.heading(format!("About the sides ({})", claims.len()));
    ui.small("Claims about a side or a person as a whole; they do not colour the map.");
    for c in claims {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(engine.account(&engine.scenario().claims[c]));
        });
    }
}

fn claim_ui(ui: &mut egui::Ui, cx: &Cx<'_>, c: usize, deciding: bool, out: &mut Vec<Command>) {
    let scenario = cx.world.scenario();
    let claim = &scenario.claims[c];
    ui.horizontal_wrapped(|ui| {
        // Who made the statement: every originator, each with its own kind and grade.
        for (i, id) in claim.originators.iter().enumerate() {
            if i > 0 {
                ui.label("and");
            }
            let source = scenario.source_by_id(id);
            ui.label(egui::RichText::new(source.map_or(id.as_str(), |s| s.name.as_str())).strong());
            if let Some(source) = source {
                ui.small(format!(
                    "{}, graded {:?} ({})",
                    source.kind.label(),
                    source.reliability,
                    source.reliability.label()
                ));
            }
        }
        if deciding {
            ui.small("(decides the status)");
        }
    });
    if !claim.via.is_empty() {
        // Who passed it on, from the originator outward; relays add no independence.
        let chain: Vec<&str> = claim
            .via
            .iter()
            .map(|id| {
                scenario
                    .source_by_id(id)
                    .map_or(id.as_str(), |s| s.name.as_str())
            })
            .collect();
        ui.small(format!("passed on by {}", chain.join(" → ")));
    }
    ui.small(format!(
        "{} ({})",
        claim.when.at,
        claim.when.precision.label()
    ));
    let actor = scenario.faction_short(claim.actor.as_deref());
    let subject = scenario.subject_name(&claim.subject);
    ui.label(
        format!("{actor} {} {subject}", claim.assertion.label())
            .trim()
            .to_owned(),
    );
    ui.small(format!(
        "Credibility {}: {}",
        claim.credibility.0,
        claim.credibility.label()
    ));
    if let Some(quote) = &claim.quote {
        let text = format!("“{quote}”");
        if claim.document.is_some() {
            if ui
                .link(egui::RichText::new(text).italics())
                .on_hover_text("Show the quote in its document")
                .clicked()
            {
                out.push(Command::ShowClaimDocument(c));
            }
        } else {
            ui.label(egui::RichText::new(text).italics());
        }
    }
    if let Some(record) = &claim.record {
        crate::ui::record::record_ui(ui, record);
    }
    if let Some(note) = &claim.note {
        ui.small(format!("Note: {note}"));
    }
    if ui
        .small_button("Edit claim")
        .on_hover_text("Edit this claim in the claim editor")
        .clicked()
    {
        out.push(Command::EditClaim(Some(c)));
    }
}

/// A source's display name, or its id when the scenario lacks it.
fn source_name<'a>(scenario: &'a Scenario, id: &'a str) -> &'a str {
    scenario.source_by_id(id).map_or(id, |s| s.name.as_str())
}
