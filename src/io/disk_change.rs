//! Noticing that another program, or another window, changed a scenario's files
//! since the workspace loaded or last saved them. [`disk_change`] compares the hash
//! of the files on disk with the workspace's; [`DiskStamps`] is the cheap test (sizes
//! and modification times) a window runs every few seconds before hashing.

use std::path::PathBuf;
use std::time::SystemTime;

use super::project::{hash_files, included_files};
use crate::edit::Workspace;

/// The scenario's files on disk, against the workspace's last load or save.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DiskChange {
    /// The files hold what the workspace last loaded or saved.
    Unchanged,
    /// Another program changed them: saving now would overwrite its version.
    Changed,
    /// The main file or an included file is gone (moved or deleted), or unreadable.
    Missing(String),
}

/// Compares the scenario's files on disk with what the workspace last loaded or
/// saved (by hash: a file touched without a change is unchanged).
pub fn disk_change(workspace: &Workspace) -> DiskChange {
    match hash_files(workspace.path(), workspace.base_includes()) {
        Ok(hash) if hash == workspace.base_hash() => DiskChange::Unchanged,
        Ok(_) => DiskChange::Changed,
        Err(err) => DiskChange::Missing(err.to_string()),
    }
}

/// Size and modification time of each of a scenario's files: when they are equal
/// to the last reading, the files have not changed and need no hashing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DiskStamps(Vec<(PathBuf, Option<(u64, SystemTime)>)>);

impl DiskStamps {
    /// The stamps of the workspace's main file and included files, as they are now
    /// (a missing file has no stamp).
    pub fn read(workspace: &Workspace) -> Self {
        let main = workspace.path();
        let folder = main.parent().map(PathBuf::from).unwrap_or_default();
        let mut files = vec![main.to_owned()];
        if let Ok(relatives) = included_files(main, workspace.base_includes()) {
            files.extend(relatives.iter().map(|relative| folder.join(relative)));
        }
        Self(
            files
                .into_iter()
                .map(|file| {
                    let stamp = std::fs::metadata(&file)
                        .ok()
                        .and_then(|meta| Some((meta.len(), meta.modified().ok()?)));
                    (file, stamp)
                })
                .collect(),
        )
    }
}
