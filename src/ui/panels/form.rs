//! Small form widgets shared by the Add article window and the claim editor: labelled
//! text fields (labelled for screen readers and tests too) and pickers with
//! type-to-filter.

use crate::model::fold;

/// How many matches a picker lists at most.
const PICKER_ROWS: usize = 60;

/// A one-line text field after its label.
pub fn text_field(ui: &mut egui::Ui, label: &str, text: &mut String) -> egui::Response {
    ui.horizontal(|ui| {
        let label = ui.label(label);
        ui.add(egui::TextEdit::singleline(text).desired_width(f32::INFINITY))
            .labelled_by(label.id)
    })
    .inner
}

/// A multi-line text field under its label.
pub fn text_area(ui: &mut egui::Ui, label: &str, text: &mut String, rows: usize) -> egui::Response {
    let label = ui.label(label);
    ui.add(
        egui::TextEdit::multiline(text)
            .desired_rows(rows)
            .desired_width(f32::INFINITY),
    )
    .labelled_by(label.id)
}

/// An error shown under a field, in the error colour.
pub fn error_line(ui: &mut egui::Ui, message: &str) {
    ui.label(egui::RichText::new(message).color(ui.visuals().error_fg_color));
}

/// One choice of a picker: an id and what to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    /// The id picked.
    pub id: String,
    /// The name shown (with the id when they differ).
    pub name: String,
}

impl Choice {
    /// A choice showing `name (id)`.
    pub fn new(id: &str, name: &str) -> Self {
        let name = if fold(name) == fold(id) {
            name.to_owned()
        } else {
            format!("{name} ({id})")
        };
        Self {
            id: id.to_owned(),
            name,
        }
    }
}

/// A drop-down of `choices` with a filter box on top; returns the id picked this
/// frame. `selected` is the id shown on the button (`None`: `empty`).
pub fn picker(
    ui: &mut egui::Ui,
    label: &str,
    selected: Option<&str>,
    empty: &str,
    choices: &[Choice],
    filter: &mut String,
) -> Option<String> {
    let shown = selected.map_or(empty.to_owned(), |id| {
        choices
            .iter()
            .find(|c| c.id == id)
            .map_or_else(|| format!("{id} (unknown)"), |c| c.name.clone())
    });
    let mut picked = None;
    ui.horizontal(|ui| {
        let name = ui.label(label);
        egui::ComboBox::from_id_salt(label)
            .selected_text(shown)
            .width(260.0)
            .show_ui(ui, |ui| {
                let hint = ui.label("Filter");
                ui.add(egui::TextEdit::singleline(filter).desired_width(200.0))
                    .labelled_by(hint.id)
                    .request_focus();
                let wanted = fold(filter);
                let matching = choices
                    .iter()
                    .filter(|c| wanted.is_empty() || fold(&c.name).contains(&wanted));
                for choice in matching.take(PICKER_ROWS) {
                    let on = selected == Some(choice.id.as_str());
                    if ui.selectable_label(on, &choice.name).clicked() {
                        picked = Some(choice.id.clone());
                    }
                }
            })
            .response
            .labelled_by(name.id);
    });
    if picked.is_some() {
        filter.clear();
    }
    picked
}

/// An ordered list of ids with a remove button each and a picker adding one more;
/// true when it changed.
pub fn id_list(
    ui: &mut egui::Ui,
    label: &str,
    ids: &mut Vec<String>,
    choices: &[Choice],
    filter: &mut String,
) -> bool {
    let mut changed = false;
    ui.horizontal_wrapped(|ui| {
        ui.label(format!("{label}:"));
        if ids.is_empty() {
            ui.weak("none");
        }
        let mut remove = None;
        for (i, id) in ids.iter().enumerate() {
            let name = choices
                .iter()
                .find(|c| &c.id == id)
                .map_or(id.as_str(), |c| c.name.as_str());
            if ui
                .small_button(format!("{name} x"))
                .on_hover_text("Remove")
                .clicked()
            {
                remove = Some(i);
            }
        }
        if let Some(i) = remove {
            ids.remove(i);
            changed = true;
        }
    });
    let add = format!("Add to {}", label.to_lowercase());
    if let Some(id) = picker(ui, &add, None, "pick...", choices, filter)
        && !ids.contains(&id)
    {
        ids.push(id);
        changed = true;
    }
    changed
}
