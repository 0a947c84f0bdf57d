//! The claim editor's fields, one function each: subject, scope, assertion, sides,
//! sources, document and quote, time, credibility.

use super::{ClaimEditor, SubjectKind};
use crate::model::{Assertion, Extent, Precision, Scenario};
use crate::ui::panels::document_text::QuoteSelection;
use crate::ui::panels::form::{Choice, id_list, picker, text_area, text_field};

/// Every assertion, in picker order, with `km` for `AdvancedWithin` filled in later.
const ASSERTIONS: [Assertion; 18] = [
    Assertion::Holds,
    Assertion::Captured,
    Assertion::DeclaredControl,
    Assertion::Entered,
    Assertion::Retreating,
    Assertion::AdvancedWithin { km: 0.0 },
    Assertion::AtEdge,
    Assertion::Besieges,
    Assertion::FightingAt,
    Assertion::Lull,
    Assertion::Withdrew,
    Assertion::DeniesLoss,
    Assertion::StrikeOn,
    Assertion::EvacuationFrom,
    Assertion::ForcesDeployed,
    Assertion::NegotiatedHandover,
    Assertion::Denial,
    Assertion::Statement,
];

/// Every precision, in picker order.
const PRECISIONS: [Precision; 9] = [
    Precision::Exact,
    Precision::Hour,
    Precision::Morning,
    Precision::Afternoon,
    Precision::Evening,
    Precision::Night,
    Precision::Day,
    Precision::Week,
    Precision::Reported,
];

/// The choices for a kind of item of `scenario`.
pub fn choices(scenario: &Scenario, kind: SubjectKind) -> Vec<Choice> {
    match kind {
        SubjectKind::Place => scenario
            .places
            .iter()
            .map(|p| Choice::new(&p.id, &p.name))
            .collect(),
        SubjectKind::Region => scenario
            .regions
            .iter()
            .map(|r| Choice::new(&r.id, &r.name))
            .collect(),
        SubjectKind::Route => scenario
            .routes
            .iter()
            .map(|r| Choice::new(&r.id, &r.name))
            .collect(),
        SubjectKind::Faction => scenario
            .factions
            .iter()
            .map(|f| Choice::new(&f.id, &f.name))
            .collect(),
        SubjectKind::Person => Vec::new(),
    }
}

fn source_choices(scenario: &Scenario) -> Vec<Choice> {
    scenario
        .sources
        .iter()
        .map(|s| Choice::new(&s.id, &s.name))
        .collect()
}

impl ClaimEditor {
    fn filter(&mut self, picker: &'static str) -> &mut String {
        self.filters.entry(picker).or_default()
    }

    /// Subject: its kind, then the item (or the person's name); the scope for regions.
    pub(super) fn subject_ui(&mut self, ui: &mut egui::Ui, scenario: &Scenario) {
        ui.horizontal(|ui| {
            ui.label("Subject is a");
            for kind in SubjectKind::ALL {
                if ui
                    .selectable_label(self.subject_kind == kind, kind.label())
                    .clicked()
                    && self.subject_kind != kind
                {
                    self.subject_kind = kind;
                    self.subject.clear();
                }
            }
        });
        if self.subject_kind == SubjectKind::Person {
            text_field(ui, "Person's name", &mut self.subject);
        } else {
            let options = choices(scenario, self.subject_kind);
            let shown = Some(self.subject.clone()).filter(|s| !s.is_empty());
            let filter = self.filter("subject");
            if let Some(id) = picker(ui, "Subject", shown.as_deref(), "pick...", &options, filter) {
                self.subject = id;
            }
        }
        if self.subject_kind == SubjectKind::Region {
            ui.horizontal(|ui| {
                ui.label("Scope: covers");
                for extent in [Extent::All, Extent::Most, Extent::Part] {
                    ui.selectable_value(&mut self.claim.scope.extent, extent, extent.label());
                }
            });
            let places = choices(scenario, SubjectKind::Place);
            let mut named = std::mem::take(&mut self.claim.scope.places);
            id_list(
                ui,
                "Scope places",
                &mut named,
                &places,
                self.filter("scope"),
            );
            self.claim.scope.places = named;
        }
    }

    /// Assertion, with its distance for "advanced to within".
    pub(super) fn assertion_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            let label = ui.label("Assertion");
            let current = std::mem::discriminant(&self.claim.assertion);
            egui::ComboBox::from_id_salt("assertion")
                .selected_text(self.claim.assertion.label())
                .show_ui(ui, |ui| {
                    for assertion in ASSERTIONS {
                        let on = std::mem::discriminant(&assertion) == current;
                        let label = match assertion {
                            Assertion::AdvancedWithin { .. } => "advanced to within N km of".into(),
                            ref other => other.label(),
                        };
                        if ui.selectable_label(on, label).clicked() {
                            self.claim.assertion = assertion;
                        }
                    }
                })
                .response
                .labelled_by(label.id);
        });
        if matches!(self.claim.assertion, Assertion::AdvancedWithin { .. }) {
            text_field(ui, "km", &mut self.km);
        }
    }

    /// Actor and counterpart.
    pub(super) fn sides_ui(&mut self, ui: &mut egui::Ui, scenario: &Scenario) {
        let factions = choices(scenario, SubjectKind::Faction);
        for (name, salt) in [("Actor", "actor"), ("Counterpart", "counterpart")] {
            ui.horizontal(|ui| {
                let side = if salt == "actor" {
                    self.claim.actor.clone()
                } else {
                    self.claim.counterpart.clone()
                };
                let filter = self.filter(salt);
                let picked = picker(ui, name, side.as_deref(), "none", &factions, filter);
                let clear = side.is_some() && ui.small_button("none").clicked();
                let slot = if salt == "actor" {
                    &mut self.claim.actor
                } else {
                    &mut self.claim.counterpart
                };
                if let Some(id) = picked {
                    *slot = Some(id);
                } else if clear {
                    *slot = None;
                }
            });
        }
    }

    /// Originators (several) and relays (in order, from the originator outward).
    pub(super) fn sources_ui(&mut self, ui: &mut egui::Ui, scenario: &Scenario) {
        let sources = source_choices(scenario);
        let mut originators = std::mem::take(&mut self.claim.originators);
        id_list(
            ui,
            "Originators",
            &mut originators,
            &sources,
            self.filter("originators"),
        );
        self.claim.originators = originators;
        let mut via = std::mem::take(&mut self.claim.via);
        id_list(ui, "Via", &mut via, &sources, self.filter("via"));
        self.claim.via = via;
    }

    /// Document and quote, with the words selected in a document view.
    pub(super) fn quote_ui(
        &mut self,
        ui: &mut egui::Ui,
        scenario: &Scenario,
        selection: Option<&QuoteSelection>,
    ) {
        let documents: Vec<Choice> = scenario
            .documents
            .iter()
            .map(|d| Choice::new(&d.id, &d.title))
            .collect();
        ui.horizontal(|ui| {
            let shown = self.claim.document.clone();
            let filter = self.filter("document");
            if let Some(id) = picker(ui, "Document", shown.as_deref(), "none", &documents, filter) {
                self.claim.document = Some(id);
            }
            if shown.is_some() && ui.small_button("none").clicked() {
                self.claim.document = None;
            }
        });
        text_area(ui, "Quote", &mut self.quote, 2);
        ui.horizontal(|ui| {
            let usable = selection.filter(|s| !s.quote.trim().is_empty());
            let button = ui.add_enabled(usable.is_some(), egui::Button::new("Use selection"));
            let button = button.on_disabled_hover_text("Select words in a document view first");
            if let (true, Some(selected)) = (button.clicked(), usable) {
                self.claim.document = Some(selected.document.clone());
                self.quote = selected.quote.clone();
            }
            if let Some(selected) = usable {
                ui.weak(format!("“{}”", short(&selected.quote)));
            }
        });
    }

    /// When, with its precision.
    pub(super) fn when_ui(&mut self, ui: &mut egui::Ui) {
        text_field(ui, "When", &mut self.when);
        ui.horizontal(|ui| {
            let label = ui.label("Precision");
            egui::ComboBox::from_id_salt("precision")
                .selected_text(self.claim.when.precision.label())
                .show_ui(ui, |ui| {
                    for precision in PRECISIONS {
                        ui.selectable_value(
                            &mut self.claim.when.precision,
                            precision,
                            precision.label(),
                        );
                    }
                })
                .response
                .labelled_by(label.id);
        });
    }

    /// Credibility 1-6 and the note.
    pub(super) fn credibility_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            let label = ui.label("Credibility");
            ui.add(egui::Slider::new(&mut self.claim.credibility.0, 1..=6))
                .labelled_by(label.id);
            ui.weak(self.claim.credibility.label());
        });
        text_field(ui, "Note", &mut self.note);
    }
}

/// The first words of a long quote.
fn short(text: &str) -> String {
    let mut words: String = text.chars().take(60).collect();
    if words.len() < text.len() {
        words.push_str("...");
    }
    words
}
