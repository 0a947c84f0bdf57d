//! The Drafts window: the article with what ingest found coloured (places, sources,
//! assertion words, sides, times), beside its drafts, each with its subject,
//! assertion, actor, originators <- relays, when, confidence and why; Accept, Reject or
//! Edit each, or accept all above a confidence; then add the accepted ones as one step.

use egui::Color32;

use super::Cx;
use super::document_text::{self, Mark, QuoteSelection};
use crate::ingest::{Draft, EvidenceKind};
use crate::model::Scenario;
use crate::ui::command::Command;
use crate::ui::review::{Decision, Review};

/// The background a kind of evidence is marked with, and its legend.
pub fn evidence_colour(kind: EvidenceKind) -> (Color32, &'static str) {
    match kind {
        EvidenceKind::Place | EvidenceKind::Topic => {
            (Color32::from_rgba_unmultiplied(60, 130, 220, 110), "place")
        }
        EvidenceKind::Attribution => (Color32::from_rgba_unmultiplied(230, 150, 40, 120), "source"),
        EvidenceKind::Verb => (
            Color32::from_rgba_unmultiplied(60, 180, 90, 120),
            "assertion",
        ),
        EvidenceKind::Faction => (Color32::from_rgba_unmultiplied(170, 90, 200, 110), "side"),
        EvidenceKind::Time => (Color32::from_rgba_unmultiplied(140, 140, 140, 110), "time"),
        EvidenceKind::Hedge => (Color32::from_rgba_unmultiplied(220, 60, 60, 110), "hedge"),
    }
}

/// Draws the Drafts window while there is a review; words selected in the article go
/// to `selection`. Closing the window drops the review.
pub fn window(
    ctx: &egui::Context,
    cx: &Cx<'_>,
    open: &mut Option<Review>,
    selection: &mut Option<QuoteSelection>,
    out: &mut Vec<Command>,
) {
    let Some(review) = open.as_mut() else { return };
    let mut keep_open = true;
    egui::Window::new(format!("Drafts: {}", review.drafts.document.title))
        .id(super::window_id("drafts"))
        .open(&mut keep_open)
        .default_size([1000.0, 620.0])
        .show(ctx, |ui| {
            toolbar_ui(ui, review, out);
            ui.separator();
            ui.columns(2, |columns| {
                egui::ScrollArea::vertical()
                    .id_salt("article")
                    .show(&mut columns[0], |ui| article_ui(ui, review, selection));
                egui::ScrollArea::vertical()
                    .id_salt("drafts")
                    .show(&mut columns[1], |ui| {
                        drafts_ui(ui, cx.world.scenario(), review, out);
                    });
            });
        });
    if !keep_open {
        *open = None;
    }
}

fn toolbar_ui(ui: &mut egui::Ui, review: &mut Review, out: &mut Vec<Command>) {
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Confidence at least");
        ui.add(egui::Slider::new(&mut review.min_confidence, 0.0..=1.0).fixed_decimals(2))
            .labelled_by(label.id);
        if ui.button("Accept all above").clicked() {
            review.accept_above();
        }
        ui.separator();
        let accepted = review.accepted_count();
        let add = ui.add_enabled(
            accepted > 0,
            egui::Button::new(format!("Add {accepted} accepted to the scenario")),
        );
        if add
            .on_hover_text(
                "The article, the sources and places they need, and the claims: one undo step",
            )
            .clicked()
        {
            out.push(Command::AddAccepted);
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.small("Marked in the article:");
        for kind in [
            EvidenceKind::Place,
            EvidenceKind::Attribution,
            EvidenceKind::Verb,
            EvidenceKind::Faction,
            EvidenceKind::Time,
            EvidenceKind::Hedge,
        ] {
            let (colour, name) = evidence_colour(kind);
            ui.label(egui::RichText::new(name).background_color(colour));
        }
    });
}

fn article_ui(ui: &mut egui::Ui, review: &Review, selection: &mut Option<QuoteSelection>) {
    if let Some(dataset) = &review.dataset {
        records_ui(ui, dataset, review);
        return;
    }
    let document = &review.drafts.document;
    ui.small(format!(
        "{}, published {}",
        document.publisher, document.published
    ));
    let marks: Vec<Mark> = review
        .drafts
        .drafts
        .iter()
        .flat_map(|draft| &draft.why)
        .map(|evidence| Mark {
            range: evidence.range.clone(),
            background: evidence_colour(evidence.kind).0,
        })
        .collect();
    let shown = document_text::show(ui, "article", &document.text, &marks, None);
    if let Some(range) = shown.selected {
        *selection = Some(QuoteSelection {
            document: document.id.clone(),
            quote: document.text[range].to_owned(),
        });
    }
}

/// For drafts imported from a dataset: the record each cites.
fn records_ui(ui: &mut egui::Ui, dataset: &str, review: &Review) {
    ui.small(format!("Rows of {dataset}; each draft cites its row"));
    for draft in &review.drafts.drafts {
        if let Some(record) = &draft.claim.record {
            ui.label(egui::RichText::new(format!("{}: {}", record.row, record.text)).monospace());
        }
    }
}

fn drafts_ui(ui: &mut egui::Ui, scenario: &Scenario, review: &mut Review, out: &mut Vec<Command>) {
    if review.drafts.drafts.is_empty() {
        ui.label("Nothing to draft: no place, side and assertion were found together.");
    }
    let preview = review.preview(scenario);
    let drafts = &review.drafts.drafts;
    for (n, (draft, decision)) in drafts.iter().zip(&mut review.decisions).enumerate() {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            draft_ui(ui, &preview, n, draft);
            ui.horizontal(|ui| {
                ui.selectable_value(decision, Decision::Accepted, "Accept");
                ui.selectable_value(decision, Decision::Rejected, "Reject");
                if ui.button("Edit draft").clicked() {
                    out.push(Command::EditDraft(n));
                }
                if *decision == Decision::Open {
                    ui.weak("open");
                }
            });
        });
    }
}

/// One draft in words.
fn draft_ui(ui: &mut egui::Ui, scenario: &Scenario, n: usize, draft: &Draft) {
    let claim = &draft.claim;
    let name = |id: &str| {
        scenario
            .source_by_id(id)
            .map_or(id.to_owned(), |s| s.name.clone())
    };
    let actor = scenario.faction_short(claim.actor.as_deref());
    let subject = scenario.subject_name(&claim.subject);
    ui.label(
        egui::RichText::new(format!(
            "{}. {subject}: {actor} {}",
            n + 1,
            claim.assertion.label()
        ))
        .strong(),
    );
    if let Some(counterpart) = &claim.counterpart {
        ui.small(format!(
            "Counterpart: {}",
            scenario.faction_short(Some(counterpart))
        ));
    }
    let originators: Vec<String> = claim.originators.iter().map(|id| name(id)).collect();
    let mut said = originators.join(" and ");
    if !claim.via.is_empty() {
        let via: Vec<String> = claim.via.iter().map(|id| name(id)).collect();
        said = format!("{said} <- {}", via.join(" <- "));
    }
    ui.small(format!("Said by {said}"));
    ui.small(format!(
        "When: {} ({})   Confidence {:.0}%",
        claim.when.at,
        claim.when.precision.label(),
        draft.confidence * 100.0
    ));
    if let Some(quote) = &claim.quote {
        ui.label(egui::RichText::new(format!("“{quote}”")).italics());
    }
    ui.horizontal_wrapped(|ui| {
        ui.small("Why:");
        for evidence in &draft.why {
            let (colour, _) = evidence_colour(evidence.kind);
            ui.label(
                egui::RichText::new(&evidence.text)
                    .small()
                    .background_color(colour),
            )
            .on_hover_text(&evidence.meaning);
        }
    });
}
