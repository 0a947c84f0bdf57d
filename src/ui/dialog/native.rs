//! The native file dialog (rfd: xdg-desktop-portal, else zenity, on Linux), and
//! whether one can be expected to open at all.

use std::path::{Path, PathBuf};

use super::Ask;

/// Runs the native dialog (blocking): the file picked, or `None`.
pub(super) fn native_dialog(ask: &Ask) -> Option<PathBuf> {
    let (name, extensions) = &ask.filter;
    let mut dialog = rfd::FileDialog::new()
        .set_title(&ask.title)
        .add_filter(name, extensions);
    if let Some(file_name) = &ask.file_name {
        dialog = dialog.set_file_name(file_name);
    }
    if let Some(folder) = &ask.folder {
        dialog = dialog.set_directory(folder);
    }
    if ask.save {
        dialog.save_file()
    } else {
        dialog.pick_file()
    }
}

/// True when a native dialog can be expected to open: always outside Linux and the
/// BSDs; there, when zenity is on the `PATH` or xdg-desktop-portal is installed and a
/// session bus runs.
pub(super) fn native_available() -> bool {
    if !cfg!(any(
        target_os = "linux",
        target_os = "freebsd",
        target_os = "dragonfly",
        target_os = "netbsd",
        target_os = "openbsd"
    )) {
        return true;
    }
    on_path("zenity") || portal_installed()
}

/// True when `program` is an executable file in a folder of the `PATH`.
fn on_path(program: &str) -> bool {
    let Some(path) = std::env::var_os("PATH") else {
        return false;
    };
    std::env::split_paths(&path).any(|folder| folder.join(program).is_file())
}

/// True when a session bus runs and xdg-desktop-portal is installed on it.
fn portal_installed() -> bool {
    let runtime_bus =
        std::env::var_os("XDG_RUNTIME_DIR").is_some_and(|dir| Path::new(&dir).join("bus").exists());
    if std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_none() && !runtime_bus {
        return false;
    }
    let home_data = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| Path::new(&home).join(".local/share")));
    let data_dirs = std::env::var("XDG_DATA_DIRS")
        .ok()
        .filter(|dirs| !dirs.is_empty())
        .unwrap_or_else(|| "/usr/local/share:/usr/share".into());
    home_data
        .into_iter()
        .chain(data_dirs.split(':').map(PathBuf::from))
        .any(|dir| {
            dir.join("dbus-1/services/org.freedesktop.portal.Desktop.service")
                .is_file()
        })
}
