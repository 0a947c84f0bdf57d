//! New source, New place and New faction: small forms in the claim editor. Each adds
//! its item at once, as its own undo step; a refused one says why in the status bar.

use crate::edit::Edit;
use crate::model::{Faction, FactionKind, Place, PlaceKind, Reliability, Source, SourceKind};
use crate::ui::command::Command;
use crate::ui::panels::form::text_field;

/// Which small forms are open, and their fields.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NewItems {
    /// The New source form.
    pub source: Option<ItemForm>,
    /// The New place form.
    pub place: Option<ItemForm>,
    /// The New faction form.
    pub faction: Option<ItemForm>,
}

/// The fields of a small form (which are used depends on the item).
#[derive(Clone, Debug, PartialEq)]
pub struct ItemForm {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Source: its kind; place: its kind; faction: its kind (index into the kinds).
    pub kind: usize,
    /// Source: reliability A-F (index).
    pub grade: usize,
    /// Source: why that grade; faction: short name.
    pub detail: String,
    /// Place: longitude and latitude; faction: colour (#rrggbb).
    pub position: String,
    /// Place: its governorate (region id).
    pub governorate: String,
}

impl Default for ItemForm {
    fn default() -> Self {
        Self {
            id: String::new(),
            name: String::new(),
            kind: 0,
            grade: 5,
            detail: String::new(),
            position: String::new(),
            governorate: String::new(),
        }
    }
}

const PLACE_KINDS: [PlaceKind; 9] = [
    PlaceKind::Capital,
    PlaceKind::GovernorateSeat,
    PlaceKind::City,
    PlaceKind::Town,
    PlaceKind::Village,
    PlaceKind::BorderCrossing,
    PlaceKind::Base,
    PlaceKind::Prison,
    PlaceKind::Airport,
];

const FACTION_KINDS: [FactionKind; 6] = [
    FactionKind::Government,
    FactionKind::RebelCoalition,
    FactionKind::KurdishLedAutonomous,
    FactionKind::ForeignState,
    FactionKind::Militia,
    FactionKind::Other,
];

impl NewItems {
    /// The three buttons and the open forms.
    pub fn ui(&mut self, ui: &mut egui::Ui, out: &mut Vec<Command>) {
        ui.horizontal(|ui| {
            for (label, form) in [
                ("New source", &mut self.source),
                ("New place", &mut self.place),
                ("New faction", &mut self.faction),
            ] {
                if ui.selectable_label(form.is_some(), label).clicked() {
                    *form = match form {
                        Some(_) => None,
                        None => Some(ItemForm::default()),
                    };
                }
            }
        });
        if let Some(form) = &mut self.source
            && source_ui(ui, form, out)
        {
            self.source = None;
        }
        if let Some(form) = &mut self.place
            && place_ui(ui, form, out)
        {
            self.place = None;
        }
        if let Some(form) = &mut self.faction
            && faction_ui(ui, form, out)
        {
            self.faction = None;
        }
    }
}

/// A combo box over names; `index` is the one picked.
fn kind_picker(ui: &mut egui::Ui, label: &str, names: &[String], index: &mut usize) {
    ui.horizontal(|ui| {
        let name = ui.label(label);
        let shown = names.get(*index).cloned().unwrap_or_default();
        egui::ComboBox::from_id_salt(label)
            .selected_text(shown)
            .show_ui(ui, |ui| {
                for (i, name) in names.iter().enumerate() {
                    ui.selectable_value(index, i, name);
                }
            })
            .response
            .labelled_by(name.id);
    });
}

/// The form's Add button; true when clicked.
fn add_button(ui: &mut egui::Ui, what: &str, ready: bool) -> bool {
    ui.add_enabled(ready, egui::Button::new(format!("Add {what}")))
        .clicked()
}

fn source_ui(ui: &mut egui::Ui, form: &mut ItemForm, out: &mut Vec<Command>) -> bool {
    let mut added = false;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.strong("New source");
        text_field(ui, "Source id", &mut form.id);
        text_field(ui, "Source name", &mut form.name);
        let kinds: Vec<String> = SourceKind::ALL.iter().map(|k| k.label().into()).collect();
        kind_picker(ui, "Source kind", &kinds, &mut form.kind);
        let grades: Vec<String> = Reliability::ALL
            .iter()
            .map(|r| format!("{r:?}: {}", r.label()))
            .collect();
        kind_picker(ui, "Reliability", &grades, &mut form.grade);
        text_field(ui, "Why that grade", &mut form.detail);
        let ready = !form.id.trim().is_empty() && !form.name.trim().is_empty();
        if add_button(ui, "source", ready) {
            let source = Source {
                id: form.id.trim().to_owned(),
                name: form.name.trim().to_owned(),
                kind: SourceKind::ALL
                    .get(form.kind)
                    .copied()
                    .unwrap_or(SourceKind::ALL[0]),
                affiliation: None,
                reliability: Reliability::ALL
                    .get(form.grade)
                    .copied()
                    .unwrap_or(Reliability::F),
                reliability_reason: form.detail.trim().to_owned(),
            };
            out.push(Command::Edit(Box::new(Edit::AddSource(source))));
            added = true;
        }
    });
    added
}

fn place_ui(ui: &mut egui::Ui, form: &mut ItemForm, out: &mut Vec<Command>) -> bool {
    let mut added = false;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.strong("New place");
        text_field(ui, "Place id", &mut form.id);
        text_field(ui, "Place name", &mut form.name);
        text_field(ui, "Longitude, latitude", &mut form.position);
        let kinds: Vec<String> = PLACE_KINDS.iter().map(|k| format!("{k:?}")).collect();
        kind_picker(ui, "Place kind", &kinds, &mut form.kind);
        text_field(ui, "Governorate (region id)", &mut form.governorate);
        let position = parse_position(&form.position);
        if position.is_none() && !form.position.is_empty() {
            crate::ui::panels::form::error_line(ui, "Give the position as: 36.7, 33.5");
        }
        let ready = position.is_some() && !form.id.trim().is_empty();
        if let (true, Some((lon, lat))) = (add_button(ui, "place", ready), position) {
            let place = Place {
                id: form.id.trim().to_owned(),
                name: form.name.trim().to_owned(),
                aliases: Vec::new(),
                lon,
                lat,
                population: 0,
                kind: PLACE_KINDS
                    .get(form.kind)
                    .copied()
                    .unwrap_or(PlaceKind::Town),
                governorate: form.governorate.trim().to_owned(),
                geonames_id: None,
                parent: None,
            };
            out.push(Command::Edit(Box::new(Edit::AddPlace(place))));
            added = true;
        }
    });
    added
}

fn faction_ui(ui: &mut egui::Ui, form: &mut ItemForm, out: &mut Vec<Command>) -> bool {
    let mut added = false;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.strong("New faction");
        text_field(ui, "Faction id", &mut form.id);
        text_field(ui, "Faction name", &mut form.name);
        text_field(ui, "Short name", &mut form.detail);
        text_field(ui, "Colour (#rrggbb)", &mut form.position);
        let kinds: Vec<String> = FACTION_KINDS.iter().map(|k| format!("{k:?}")).collect();
        kind_picker(ui, "Faction kind", &kinds, &mut form.kind);
        let colour = crate::model::rgb_from_hex(form.position.trim());
        if colour.is_none() && !form.position.is_empty() {
            crate::ui::panels::form::error_line(ui, "The colour is #rrggbb, e.g. #2e86c1");
        }
        let ready = colour.is_some() && !form.id.trim().is_empty();
        if add_button(ui, "faction", ready) {
            let faction = Faction {
                id: form.id.trim().to_owned(),
                name: form.name.trim().to_owned(),
                short: form.detail.trim().to_owned(),
                color: form.position.trim().to_owned(),
                kind: FACTION_KINDS
                    .get(form.kind)
                    .copied()
                    .unwrap_or(FactionKind::Other),
                allies: Vec::new(),
            };
            out.push(Command::Edit(Box::new(Edit::AddFaction(faction))));
            added = true;
        }
    });
    added
}

/// "36.7, 33.5" as (lon, lat).
fn parse_position(text: &str) -> Option<(f64, f64)> {
    let (lon, lat) = text.split_once(',')?;
    let lon: f64 = lon.trim().parse().ok()?;
    let lat: f64 = lat.trim().parse().ok()?;
    (lon.is_finite() && lat.is_finite()).then_some((lon, lat))
}
