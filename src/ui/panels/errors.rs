//! The error window: located problems in a file that did not load.

/// An open error window.
#[derive(Clone, Debug, PartialEq)]
pub struct ErrorWindow {
    /// What failed.
    pub title: String,
    /// One `file:line:col: message` per problem.
    pub lines: Vec<String>,
}

/// Draws the error window while there is one; Close drops it.
pub fn window(ctx: &egui::Context, errors: &mut Option<ErrorWindow>) {
    let Some(current) = errors.as_ref() else {
        return;
    };
    let mut close = false;
    egui::Window::new("Errors")
        .id(super::window_id("errors"))
        .collapsible(false)
        .default_size([560.0, 240.0])
        .show(ctx, |ui| {
            ui.label(egui::RichText::new(&current.title).strong());
            ui.label("The current scenario stays open.");
            egui::ScrollArea::vertical()
                .max_height(300.0)
                .show(ui, |ui| {
                    for line in &current.lines {
                        ui.label(
                            egui::RichText::new(line)
                                .monospace()
                                .color(ui.visuals().error_fg_color),
                        );
                    }
                });
            if ui.button("Close").clicked() {
                close = true;
            }
        });
    if close {
        *errors = None;
    }
}
