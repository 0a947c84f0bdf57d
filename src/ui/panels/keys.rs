//! Help > Keyboard and mouse (F1): every shortcut and what the mouse does.
//!
//! The keys are read where they are handled: `crate::ui::apply::shortcuts`, the
//! search box (Enter) and the app's frame (Esc). Add a row here with a new key.

/// The window's id, for Esc to find it on top.
pub fn window_id() -> egui::Id {
    super::window_id("keys")
}

/// The keys and what they do, in the order listed.
pub const KEYS: &[(&str, &str)] = &[
    ("F1", "Show this list"),
    (
        "Esc",
        "Close the window on top (in a text field: leave the field first)",
    ),
    ("Ctrl+O", "Open a scenario or a snapshot"),
    ("Ctrl+S", "Save"),
    ("Ctrl+Shift+S", "Save as"),
    ("Ctrl+E", "Export what the map shows"),
    (
        "Ctrl+F",
        "Search places (selects the query: typing replaces it)",
    ),
    ("Enter (in the search box)", "Go to the first place found"),
    (
        "Enter (in Go to)",
        "Go to the date, or date and time, typed below the map",
    ),
    ("Ctrl+Z", "Undo"),
    ("Ctrl+Shift+Z, Ctrl+Y", "Redo"),
    ("← / →", "Previous / next moment a claim takes effect"),
    ("Space", "Play or pause the timeline"),
    ("Home / End", "Start / end of the timeline"),
    ("F", "Fit the map to Syria"),
    ("+ / −", "Zoom the map in / out"),
];

/// What the mouse does on the map.
pub const MOUSE: &[(&str, &str)] = &[
    ("Wheel", "Zoom about the pointer"),
    ("Drag", "Pan"),
    ("Shift+wheel", "Pan sideways"),
    ("Alt+wheel", "Pan up and down"),
    ("Ctrl+wheel, pinch", "Zoom"),
    ("Click", "Select a place (empty map: clear the selection)"),
    ("Hover", "Who holds the place, and why"),
];

/// Draws the window while `open`.
pub fn window(ctx: &egui::Context, open: &mut bool) {
    egui::Window::new("Keyboard and mouse")
        .id(window_id())
        .open(open)
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            ui.label("Single keys work when no text field has the focus.");
            table_ui(ui, "keys table", "Keys", KEYS);
            ui.separator();
            table_ui(ui, "mouse table", "On the map", MOUSE);
        });
}

fn table_ui(ui: &mut egui::Ui, id: &str, heading: &str, rows: &[(&str, &str)]) {
    egui::Grid::new(id)
        .num_columns(2)
        .striped(true)
        .spacing([16.0, 4.0])
        .show(ui, |ui| {
            ui.label(egui::RichText::new(heading).strong());
            ui.label(egui::RichText::new("Does").strong());
            ui.end_row();
            for (keys, does) in rows {
                ui.label(egui::RichText::new(*keys).monospace());
                ui.label(*does);
                ui.end_row();
            }
        });
}
