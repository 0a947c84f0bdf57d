//! The in-app file dialog ([`egui_file`]), for where no native dialog opens.

use std::path::{Path, PathBuf};

use super::Ask;

/// The in-app dialog for `ask`, open, listing folders and the files the filter takes.
pub(super) fn in_app_dialog(ask: &Ask) -> egui_file::FileDialog {
    let extensions = ask.filter.1.clone();
    let listed = extensions.clone();
    let mut dialog = if ask.save {
        egui_file::FileDialog::save_file()
    } else {
        egui_file::FileDialog::open_file()
    };
    dialog = dialog
        .title(&ask.title)
        .id(dialog_id(ask))
        .show_rename(false)
        .show_new_folder(ask.save)
        .show_files_filter(Box::new(move |path: &Path| has_extension(path, &listed)));
    if !ask.save {
        dialog = dialog.filename_filter(Box::new(move |name: &str| {
            has_extension(Path::new(name), &extensions)
        }));
    }
    if let Some(folder) = ask.folder.as_ref().filter(|folder| folder.is_dir()) {
        dialog = dialog.initial_path(folder);
    }
    if let Some(name) = &ask.file_name {
        dialog = dialog.default_filename(name.as_str());
    }
    dialog.open();
    dialog
}

/// The id of the in-app dialog's window for `ask`.
fn dialog_id(ask: &Ask) -> egui::Id {
    egui::Id::unique(("frontline file dialog", ask.title.as_str()))
}

/// egui_file 0.29 draws its folder and file-name fields without an accessible name, so
/// a screen reader announces two bare "text input"s (and egui_kittest refuses them).
/// Names them once the dialog is drawn: of the unnamed text fields in the dialog's
/// window, the topmost is the folder's path and the lowest the file's name.
pub(super) fn name_fields(ctx: &egui::Context, ask: &Ask) {
    let window = dialog_id(ask);
    let mut widgets: Vec<(f32, egui::Id)> = ctx.viewport(|viewport| {
        viewport
            .this_pass
            .widgets
            .layers()
            .filter(|(layer, _)| layer.id == window)
            .flat_map(|(_, widgets)| widgets.iter().map(|w| (w.rect.min.y, w.id)))
            .collect()
    });
    widgets.retain(|&(_, id)| {
        ctx.accesskit_node_builder(id, |node| {
            node.role() == egui::accesskit::Role::TextInput
                && node.label().is_none()
                && node.labelled_by().is_empty()
        })
        .unwrap_or(false)
    });
    widgets.sort_by(|a, b| a.0.total_cmp(&b.0));
    let names = match widgets.as_slice() {
        [] => return,
        [folder] => vec![(folder.1, "Folder")],
        [folder, .., file] => vec![(folder.1, "Folder"), (file.1, "File name")],
    };
    for (id, name) in names {
        ctx.accesskit_node_builder(id, |node| node.set_label(name));
    }
}

/// True when `path` ends in one of `extensions` (any case), or there are none.
pub(super) fn has_extension(path: &Path, extensions: &[String]) -> bool {
    let Some(extension) = path.extension().and_then(|e| e.to_str()) else {
        return extensions.is_empty();
    };
    extensions.is_empty() || extensions.iter().any(|e| e.eq_ignore_ascii_case(extension))
}

/// A saved file's path with the filter's extension when the name typed has none.
pub(super) fn with_extension(path: &Path, ask: &Ask) -> PathBuf {
    match ask.filter.1.first() {
        Some(extension) if ask.save && path.extension().is_none() => path.with_extension(extension),
        _ => path.to_path_buf(),
    }
}

/// A small note above the in-app dialog saying why the native one is not used.
pub(super) fn reason_ui(ctx: &egui::Context, reason: &str) {
    egui::Area::new(egui::Id::unique("frontline file dialog reason"))
        .anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, 28.0))
        .order(egui::Order::Foreground)
        .show(ctx, |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| ui.label(reason));
        });
}

/// Asks whether to replace the file at `path`: `Some(true)` to replace it,
/// `Some(false)` to pick another, `None` while unanswered.
pub(super) fn replace_ui(ctx: &egui::Context, path: &Path) -> Option<bool> {
    let mut answer = None;
    egui::Window::new("Replace the file?")
        .id(egui::Id::unique("frontline replace file"))
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            ui.label(format!("{} already exists. Replace it?", path.display()));
            ui.horizontal(|ui| {
                if ui.button("Replace").clicked() {
                    answer = Some(true);
                }
                if ui.button("Choose another name").clicked() {
                    answer = Some(false);
                }
            });
        });
    answer
}
