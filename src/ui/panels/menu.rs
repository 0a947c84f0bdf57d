//! The menu bar: File, Edit, View, Help.

use super::Cx;
use crate::ui::command::Command;
use crate::ui::dialog::DialogMode;
use crate::ui::state::Renderer;

/// Draws the menu bar.
pub fn ui(ui: &mut egui::Ui, cx: &Cx<'_>, out: &mut Vec<Command>) {
    // The window's setting is the process's rule for File > Open and drag and drop
    // (set every frame, so it holds from the first one, as persisted).
    crate::io::sandbox::set_allow_outside_paths(cx.state.allow_outside_paths);
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            if ui.button("Open... (Ctrl+O)").clicked() {
                out.push(Command::OpenDialog);
                ui.close();
            }
            crate::ui::recent::menu_ui(ui, &cx.state.recent_files, out);
            if ui.button("Save (Ctrl+S)").clicked() {
                out.push(Command::Save);
                ui.close();
            }
            if ui.button("Save As... (Ctrl+Shift+S)").clicked() {
                out.push(Command::SaveAsDialog);
                ui.close();
            }
            ui.separator();
            if ui.button("Add article...").clicked() {
                out.push(Command::ShowAddArticle);
                ui.close();
            }
            if ui.button("Import ACLED...").clicked() {
                out.push(Command::ImportAcledDialog);
                ui.close();
            }
            ui.separator();
            if ui.button("Export... (Ctrl+E)").clicked() {
                out.push(Command::ShowExport);
                ui.close();
            }
            let mut allow = cx.state.allow_outside_paths;
            if ui
                .checkbox(&mut allow, "Allow paths outside the scenario's folder")
                .on_hover_text(
                    "Only for your own scenarios: a scenario from someone else could \
                     then read any file on this computer.",
                )
                .changed()
            {
                out.push(Command::SetAllowOutsidePaths(allow));
            }
            ui.separator();
            if ui.button("Quit").clicked() {
                out.push(Command::Quit);
                ui.close();
            }
        });
        ui.menu_button("Edit", |ui| edit_menu_ui(ui, cx, out));
        ui.menu_button("View", |ui| {
            let mut dark = cx.state.dark;
            if ui.checkbox(&mut dark, "Dark theme").changed() {
                out.push(Command::SetDark(dark));
            }
            let mut controls = cx.state.show_controls;
            if ui.checkbox(&mut controls, "Left panel").changed() {
                out.push(Command::ShowControls(controls));
            }
            let mut sidebar = cx.state.show_sidebar;
            if ui.checkbox(&mut sidebar, "Right panel").changed() {
                out.push(Command::ShowSidebar(sidebar));
            }
            let mut in_app = cx.state.file_dialog == DialogMode::InApp;
            if ui
                .checkbox(&mut in_app, "Built-in file dialog")
                .on_hover_text(
                    "Use Frontline's own file dialog instead of the system's. It is \
                     used anyway where no system dialog can open.",
                )
                .changed()
            {
                let mode = if in_app {
                    DialogMode::InApp
                } else {
                    DialogMode::Automatic
                };
                out.push(Command::SetFileDialog(mode));
            }
            if ui.button("Fit to Syria (F)").clicked() {
                out.push(Command::Fit);
                ui.close();
            }
            if ui.button("Search... (Ctrl+F)").clicked() {
                out.push(Command::FocusSearch);
                ui.close();
            }
            ui.menu_button("Renderer", |ui| {
                for renderer in [Renderer::Glow, Renderer::Wgpu] {
                    if ui
                        .radio(cx.state.renderer == renderer, renderer.as_str())
                        .clicked()
                    {
                        out.push(Command::SetRenderer(renderer));
                    }
                }
                ui.small("Takes effect on restart.");
            });
        });
        ui.menu_button("Help", |ui| {
            if ui.button("Keyboard and mouse (F1)").clicked() {
                out.push(Command::ShowKeys);
                ui.close();
            }
            if ui.button("About Frontline").clicked() {
                out.push(Command::ShowAbout);
                ui.close();
            }
        });
        ui.separator();
        if cx.state.allow_outside_paths {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                "Scenarios may read files outside their folder",
            );
            ui.separator();
        }
        ui.label(egui::RichText::new(&cx.world.scenario().title).strong());
        if cx.edits.dirty {
            ui.label("• unsaved");
        }
    });
}

/// The Edit menu: Undo and Redo, each naming what it would undo or redo.
fn edit_menu_ui(ui: &mut egui::Ui, cx: &Cx<'_>, out: &mut Vec<Command>) {
    let undo = cx
        .edits
        .undo
        .as_ref()
        .map_or_else(|| "Undo".to_owned(), |what| format!("Undo: {what}"));
    let button = ui.add_enabled(
        cx.edits.undo.is_some(),
        egui::Button::new(undo).shortcut_text("Ctrl+Z"),
    );
    if button.clicked() {
        out.push(Command::Undo);
        ui.close();
    }
    let redo = cx
        .edits
        .redo
        .as_ref()
        .map_or_else(|| "Redo".to_owned(), |what| format!("Redo: {what}"));
    let button = ui.add_enabled(
        cx.edits.redo.is_some(),
        egui::Button::new(redo).shortcut_text("Ctrl+Shift+Z"),
    );
    if button.clicked() {
        out.push(Command::Redo);
        ui.close();
    }
    ui.separator();
    if ui.button("New claim...").clicked() {
        out.push(Command::EditClaim(None));
        ui.close();
    }
}
