//! A scenario's root folder: the folder every path it names must stay inside.
//!
//! The rule: the nearest of the scenario's folder and its [`MARKER_LEVELS`] ancestors
//! that holds a file named [`ROOT_MARKER`] (the shipped `assets/` has one, so its
//! scenarios may name `../documents/...`); else the scenario's own folder. Nothing
//! else widens it: a folder's name never does.

use std::path::{Path, PathBuf};

/// The file that makes a folder a root (its content does not matter).
pub const ROOT_MARKER: &str = "frontline-root";

/// How many folders above the scenario's own are searched for [`ROOT_MARKER`].
pub const MARKER_LEVELS: usize = 3;

/// The root folder of the scenario file at `scenario` (canonical where it exists).
pub fn find_root(scenario: &Path) -> PathBuf {
    let folder = super::canonical(scenario.parent().unwrap_or(Path::new(".")));
    let marked = folder
        .ancestors()
        .take(MARKER_LEVELS + 1)
        .find(|candidate| candidate.join(ROOT_MARKER).is_file());
    marked.map_or(folder.clone(), Path::to_path_buf)
}
