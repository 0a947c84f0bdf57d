//! Saving a workspace: only the files whose items changed, each written to a
//! temporary beside it first; the temporaries are renamed over the old files only
//! once every one was written, so a failure leaves the old files. A manifest of the
//! renames, written before the first, lets the next open finish a save that was
//! killed among them ([`finish_interrupted_save`]).

use std::path::{Path, PathBuf};

use super::save_plan::{plan_changed, plan_everything};
use super::{WriteRonError, write_atomically};
use crate::edit::Workspace;

/// The suffix of a save's temporary files (`.<name>.frontline-save`).
const TEMPORARY: &str = ".frontline-save";
/// The file, beside the main one, listing the renames of a save under way.
const MANIFEST: &str = ".frontline-save-manifest";

/// What a save wrote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SaveReport {
    /// The files written, sorted.
    pub written: Vec<PathBuf>,
    /// Hash of the scenario's files as written (see [`crate::io::Project::base_hash`]).
    pub base_hash: String,
}

/// Why a save failed; the old files are then as they were.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// The scenario could not be written as RON.
    #[error(transparent)]
    Render(#[from] WriteRonError),
    /// A file could not be written or renamed.
    #[error("cannot write {}: {source}", path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    /// Another program changed the scenario's files since they were loaded or last
    /// saved; nothing was written (save over them only when the user says so).
    #[error(
        "{} changed on disk since it was opened or last saved (another program or window wrote it); nothing was saved, so that version is not lost",
        path.display()
    )]
    ChangedOnDisk { path: PathBuf },
    /// A [`SaveHook`] stopped the save, as if the program had been killed.
    #[error("the save was stopped at {step:?}")]
    Stopped { step: SaveStep },
}

/// A step of a save, for [`SaveHook`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveStep {
    /// About to write the `n`th (0-based) temporary file.
    Temporary(usize),
    /// About to rename the `n`th temporary over its file.
    Rename(usize),
}

/// Lets tests stop a save before any step, leaving everything as a killed program
/// would (no clean-up).
pub trait SaveHook {
    /// False stops the save before `step`.
    fn proceed(&mut self, step: SaveStep) -> bool;
}

/// A hook that never stops a save.
pub struct NoHook;

impl SaveHook for NoHook {
    fn proceed(&mut self, _: SaveStep) -> bool {
        true
    }
}

/// One file to write.
pub(super) struct Planned {
    pub path: PathBuf,
    pub bytes: Vec<u8>,
}

/// Writes the files whose items changed since the workspace was loaded or saved
/// (nothing when it is not dirty). Call [`Workspace::mark_saved`] with the report's
/// hash after (or use [`crate::edit::Workspace::save`]).
pub fn save(workspace: &Workspace) -> Result<SaveReport, SaveError> {
    save_with(workspace, &mut NoHook)
}

/// [`save`] with a hook that may stop it midway.
pub fn save_with(workspace: &Workspace, hook: &mut dyn SaveHook) -> Result<SaveReport, SaveError> {
    if workspace.is_dirty() && super::disk_change(workspace) == super::DiskChange::Changed {
        return Err(SaveError::ChangedOnDisk {
            path: workspace.path().to_owned(),
        });
    }
    save_unchecked(workspace, hook)
}

/// [`save`] even when another program changed the files since the last load or save.
pub fn save_over_disk_changes(workspace: &Workspace) -> Result<SaveReport, SaveError> {
    save_unchecked(workspace, &mut NoHook)
}

fn save_unchecked(workspace: &Workspace, hook: &mut dyn SaveHook) -> Result<SaveReport, SaveError> {
    let planned = if workspace.is_dirty() {
        plan_changed(workspace)?
    } else {
        Vec::new()
    };
    let folder = folder_of(workspace.path());
    let mut folders = vec![folder.to_owned()];
    folders.extend(workspace.scenario().includes.iter().map(|entry| {
        folder
            .join(entry)
            .parent()
            .map_or_else(|| folder.to_owned(), Path::to_owned)
    }));
    commit(folder, &planned, &folders, hook)?;
    finish(workspace.path(), &workspace.scenario().includes, planned)
}

/// Writes every file of the workspace as a new main file `path` (its included files,
/// documents and region geometry at the same places relative to it). Documents and
/// geometry named above the scenario's folder (`../documents/…`, as the built-in
/// scenario does) are written inside the new folder instead, and the workspace's
/// paths follow, so the copy reads only its own folder. On an error the workspace is
/// as it was.
pub fn save_as(workspace: &mut Workspace, path: &Path) -> Result<SaveReport, SaveError> {
    let geometry = read_geometry(workspace)?;
    let before = workspace.clone();
    workspace.keep_named_files_inside();
    let saved = plan_everything(workspace, path, geometry).and_then(|planned| {
        let folder = folder_of(path);
        commit(folder, &planned, &[folder.to_owned()], &mut NoHook)?;
        finish(path, &workspace.scenario().includes, planned)
    });
    if saved.is_err() {
        *workspace = before;
    }
    saved
}

/// The bytes of the region geometry the workspace names, from beside its main file,
/// or from the binary for the built-in scenario.
fn read_geometry(workspace: &Workspace) -> Result<Option<Vec<u8>>, SaveError> {
    let Some(geometry) = &workspace.scenario().region_geometry else {
        return Ok(None);
    };
    let from = folder_of(workspace.path()).join(geometry);
    match std::fs::read(&from) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(source) => super::embedded::embedded_sibling(workspace.path(), geometry)
            .map(|text| Some(text.as_bytes().to_vec()))
            .ok_or(SaveError::Write { path: from, source }),
    }
}

fn finish(
    path: &Path,
    includes: &[String],
    planned: Vec<Planned>,
) -> Result<SaveReport, SaveError> {
    let base_hash =
        super::project::hash_files(path, includes).map_err(|source| SaveError::Write {
            path: path.to_owned(),
            source,
        })?;
    let mut written: Vec<PathBuf> = planned.into_iter().map(|file| file.path).collect();
    written.sort();
    Ok(SaveReport { written, base_hash })
}

/// The folder a file is in ("." for a bare name).
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// The temporary file a save writes `path` to first.
fn temporary_for(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    path.with_file_name(format!(".{name}{TEMPORARY}"))
}

fn write_error(path: &Path) -> impl FnOnce(std::io::Error) -> SaveError + '_ {
    move |source| SaveError::Write {
        path: path.to_owned(),
        source,
    }
}

/// Writes every temporary, then the manifest, then renames; `clean` are folders whose
/// stray temporaries (of a killed save) are removed first.
fn commit(
    folder: &Path,
    planned: &[Planned],
    clean: &[PathBuf],
    hook: &mut dyn SaveHook,
) -> Result<(), SaveError> {
    if planned.is_empty() {
        return Ok(());
    }
    for folder in clean
        .iter()
        .map(PathBuf::as_path)
        .chain(planned.iter().filter_map(|f| f.path.parent()))
    {
        remove_stray_temporaries(folder);
    }
    let mut written: Vec<PathBuf> = Vec::new();
    let remove_written = |written: &[PathBuf]| {
        for temporary in written {
            // Best effort: the error that stopped the save is the one reported.
            let _ = std::fs::remove_file(temporary);
        }
    };
    for (n, file) in planned.iter().enumerate() {
        if !hook.proceed(SaveStep::Temporary(n)) {
            return Err(SaveError::Stopped {
                step: SaveStep::Temporary(n),
            });
        }
        let temporary = temporary_for(&file.path);
        if let Err(err) = write_temporary(&temporary, &file.bytes) {
            remove_written(&written);
            let _ = std::fs::remove_file(&temporary);
            return Err(write_error(&file.path)(err));
        }
        written.push(temporary);
    }
    let manifest = folder.join(MANIFEST);
    let renames: Vec<(PathBuf, PathBuf)> = written
        .iter()
        .cloned()
        .zip(planned.iter().map(|file| file.path.clone()))
        .collect();
    let listing = ron::to_string(&renames).unwrap_or_default();
    if let Err(err) = write_atomically(&manifest, listing.as_bytes()) {
        remove_written(&written);
        return Err(write_error(&manifest)(err));
    }
    for (n, (temporary, path)) in renames.iter().enumerate() {
        if !hook.proceed(SaveStep::Rename(n)) {
            return Err(SaveError::Stopped {
                step: SaveStep::Rename(n),
            });
        }
        std::fs::rename(temporary, path).map_err(write_error(path))?;
    }
    sync_folder(folder);
    std::fs::remove_file(&manifest).map_err(write_error(&manifest))?;
    Ok(())
}

/// Writes and flushes a temporary file (0644, like a new scenario file), making its
/// folder if the file is the first in it.
fn write_temporary(temporary: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write as _;
    if let Some(parent) = temporary.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let mut file = std::fs::File::create(temporary)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// Flushes a folder's entries (the renames) where the system allows it.
fn sync_folder(folder: &Path) {
    if let Ok(handle) = std::fs::File::open(folder) {
        let _ = handle.sync_all();
    }
}

/// Removes the temporaries a killed save left in `folder`.
fn remove_stray_temporaries(folder: &Path) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') && name.ends_with(TEMPORARY) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Finishes a save killed while renaming (its manifest is still beside the main
/// file): every temporary still there is renamed over its file, so the folder holds
/// every new file. Does nothing when no save was under way.
pub fn finish_interrupted_save(path: &Path) -> std::io::Result<()> {
    let manifest = folder_of(path).join(MANIFEST);
    let listing = match std::fs::read_to_string(&manifest) {
        Ok(listing) => listing,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(err) => return Err(err),
    };
    let renames: Vec<(PathBuf, PathBuf)> =
        ron::from_str(&listing).map_err(std::io::Error::other)?;
    for (temporary, target) in renames {
        if temporary.exists() {
            std::fs::rename(&temporary, &target)?;
        }
    }
    std::fs::remove_file(manifest)
}
