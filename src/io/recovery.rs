//! Recovery after a crash: the edits not yet saved are written now and then to a
//! recovery file, and reapplied on the next start if the scenario's files are still
//! those they were made on. The folder is `$FRONTLINE_RECOVERY_DIR`, else
//! `$XDG_STATE_HOME/frontline/recovery`, else `~/.local/state/frontline/recovery`.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{LoadError, write_atomically};
use crate::edit::{Edit, EditError, Workspace};

/// What a recovery file holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Recovery {
    /// The main scenario file the edits are to.
    pub scenario: PathBuf,
    /// Hash of the files the edits were made on ([`crate::io::Project::base_hash`]).
    pub base_hash: String,
    /// The included file new items went to, if any.
    pub added_file: Option<String>,
    /// The edits since the last save, in the order applied.
    pub edits: Vec<Edit>,
}

/// Why recovery failed.
#[derive(Debug, thiserror::Error)]
pub enum RecoveryError {
    /// The recovery file could not be written, read or removed.
    #[error("recovery file {}: {source}", path.display())]
    File {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The recovery file is not one.
    #[error("recovery file {}: {message}", path.display())]
    Unreadable { path: PathBuf, message: String },
    /// The scenario no longer loads.
    #[error(transparent)]
    Load(#[from] LoadError),
    /// The scenario's files changed since the edits were made on them.
    #[error(
        "{} changed since the unsaved edits were made (they were made on files with hash {expected}, which now have {found}); the edits were not applied",
        scenario.display()
    )]
    BaseChanged {
        scenario: PathBuf,
        expected: String,
        found: String,
    },
    /// An edit no longer applies.
    #[error("unsaved edit {index}: {error}")]
    Edit { index: usize, error: EditError },
}

/// The recovery folder from the environment (see the module's documentation).
pub fn recovery_dir() -> Option<PathBuf> {
    let var = |name: &str| std::env::var_os(name).filter(|value| !value.is_empty());
    if let Some(dir) = var("FRONTLINE_RECOVERY_DIR") {
        return Some(PathBuf::from(dir));
    }
    let state = var("XDG_STATE_HOME")
        .map(PathBuf::from)
        .or_else(|| var("HOME").map(|home| Path::new(&home).join(".local/state")))?;
    Some(state.join("frontline").join("recovery"))
}

/// The recovery file for the scenario at `scenario` in `dir`: its file name and a
/// hash of its absolute path, so scenarios of the same name do not collide.
pub fn recovery_path(dir: &Path, scenario: &Path) -> PathBuf {
    let absolute = std::path::absolute(scenario).unwrap_or_else(|_| scenario.to_owned());
    let hash = xxhash_rust::xxh3::xxh3_64(absolute.to_string_lossy().as_bytes());
    let stem = scenario
        .file_stem()
        .map_or_else(|| "scenario".into(), |s| s.to_string_lossy());
    dir.join(format!("{stem}-{hash:016x}.ron"))
}

/// Writes the workspace's unsaved edits to its recovery file in `dir` (atomically);
/// removes the file when there are none. Returns the file's path.
pub fn autosave(workspace: &Workspace, dir: &Path) -> Result<PathBuf, RecoveryError> {
    let path = recovery_path(dir, workspace.path());
    let file_error = |source| RecoveryError::File {
        path: path.clone(),
        source,
    };
    if !workspace.is_dirty() {
        remove_recovery(dir, workspace.path())?;
        return Ok(path);
    }
    let recovery = Recovery {
        scenario: std::path::absolute(workspace.path())
            .unwrap_or_else(|_| workspace.path().to_owned()),
        base_hash: workspace.base_hash().to_owned(),
        added_file: workspace.added_file().map(str::to_owned),
        edits: workspace.journal().to_vec(),
    };
    let config = ron::ser::PrettyConfig::new().depth_limit(2);
    let text =
        ron::ser::to_string_pretty(&recovery, config).map_err(|err| RecoveryError::Unreadable {
            path: path.clone(),
            message: err.to_string(),
        })?;
    std::fs::create_dir_all(dir).map_err(file_error)?;
    write_atomically(&path, text.as_bytes()).map_err(file_error)?;
    Ok(path)
}

/// The recovery left for the scenario at `scenario` in the usual folder, if any.
pub fn find_recovery(scenario: &Path) -> Result<Option<Recovery>, RecoveryError> {
    match recovery_dir() {
        Some(dir) => find_recovery_in(&dir, scenario),
        None => Ok(None),
    }
}

/// The recovery left for the scenario at `scenario` in `dir`, if any.
pub fn find_recovery_in(dir: &Path, scenario: &Path) -> Result<Option<Recovery>, RecoveryError> {
    let path = recovery_path(dir, scenario);
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(source) => return Err(RecoveryError::File { path, source }),
    };
    ron::from_str(&text)
        .map(Some)
        .map_err(|err| RecoveryError::Unreadable {
            path,
            message: err.to_string(),
        })
}

/// Removes the scenario's recovery file in `dir`, if there is one.
pub fn remove_recovery(dir: &Path, scenario: &Path) -> Result<(), RecoveryError> {
    let path = recovery_path(dir, scenario);
    match std::fs::remove_file(&path) {
        Err(err) if err.kind() != std::io::ErrorKind::NotFound => {
            Err(RecoveryError::File { path, source: err })
        }
        _ => Ok(()),
    }
}

/// Opens the scenario the recovery is for and reapplies its edits, refusing when its
/// files changed since the edits were made.
pub fn restore(recovery: &Recovery) -> Result<Workspace, RecoveryError> {
    let mut workspace = Workspace::open(&recovery.scenario)?;
    if workspace.base_hash() != recovery.base_hash {
        return Err(RecoveryError::BaseChanged {
            scenario: recovery.scenario.clone(),
            expected: recovery.base_hash.clone(),
            found: workspace.base_hash().to_owned(),
        });
    }
    if let Some(added) = &recovery.added_file {
        workspace.set_added_file(added);
    }
    for (index, edit) in recovery.edits.iter().enumerate() {
        workspace
            .apply(edit.clone())
            .map_err(|error| RecoveryError::Edit { index, error })?;
    }
    Ok(workspace)
}
