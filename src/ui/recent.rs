//! File > Open Recent: the scenarios and snapshots opened or saved last, newest first,
//! remembered with the app's persisted [`super::State`]. Files that are gone are shown
//! disabled, with a way to forget them.

use std::path::{Path, PathBuf};

use super::command::Command;

/// How many files File > Open Recent remembers.
pub const RECENT_MAX: usize = 8;

/// Puts `path` first in `recent` (absolute, once), keeping at most [`RECENT_MAX`].
pub fn remember(recent: &mut Vec<PathBuf>, path: &Path) {
    let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    recent.retain(|known| *known != path);
    recent.insert(0, path);
    recent.truncate(RECENT_MAX);
}

/// Drops the files that no longer exist from `recent`.
pub fn forget_missing(recent: &mut Vec<PathBuf>) {
    recent.retain(|path| path.is_file());
}

/// The menu's text for `path`: its name, then its folder.
pub fn entry_label(path: &Path) -> String {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    match path.parent().filter(|p| !p.as_os_str().is_empty()) {
        Some(folder) => format!("{name}  ({})", folder.display()),
        None => name,
    }
}

/// The File > Open Recent submenu: each file (disabled when it is gone), then
/// "Forget missing files" when some are gone.
pub fn menu_ui(ui: &mut egui::Ui, recent: &[PathBuf], out: &mut Vec<Command>) {
    ui.add_enabled_ui(!recent.is_empty(), |ui| {
        ui.menu_button("Open Recent", |ui| {
            let mut missing = false;
            for path in recent {
                let exists = path.is_file();
                missing |= !exists;
                let button = ui
                    .add_enabled(exists, egui::Button::new(entry_label(path)))
                    .on_disabled_hover_text("This file is gone.");
                if button.clicked() {
                    out.push(Command::OpenPath(path.clone()));
                    ui.close();
                }
            }
            if missing {
                ui.separator();
                if ui.button("Forget missing files").clicked() {
                    out.push(Command::ForgetMissingRecent);
                    ui.close();
                }
            }
        });
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_newest_comes_first_once_and_the_list_is_capped() {
        let mut recent = Vec::new();
        for n in 0..10 {
            remember(&mut recent, Path::new(&format!("/data/s{n}.ron")));
        }
        remember(&mut recent, Path::new("/data/s5.ron"));
        assert_eq!(recent.len(), RECENT_MAX);
        assert_eq!(recent[0], Path::new("/data/s5.ron"));
        assert_eq!(recent[1], Path::new("/data/s9.ron"));
        assert_eq!(recent.iter().filter(|p| p.ends_with("s5.ron")).count(), 1);
        assert!(!recent.iter().any(|p| p.ends_with("s0.ron")));
    }

    #[test]
    fn relative_paths_are_remembered_absolute() {
        let mut recent = Vec::new();
        remember(&mut recent, Path::new("scenario.ron"));
        assert!(recent[0].is_absolute(), "{}", recent[0].display());
        assert!(entry_label(&recent[0]).starts_with("scenario.ron  ("));
    }
}
