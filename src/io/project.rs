//! Loading a scenario for editing: the whole of it with which file each item came
//! from, and a hash of the files it was read from, which recovery checks before
//! reapplying unsaved edits.

use std::path::Path;

use super::LoadError;
use super::include::{Origins, Siblings, expand};
use super::load::load_with_bulk;
use super::sandbox::{self, FileKind, PathError, ReadPolicy};
use crate::model::Scenario;

/// A scenario loaded for editing: which file each item came from, and a hash of the
/// files it was read from (the main file and its includes).
#[derive(Clone, Debug)]
pub struct Project {
    /// The whole scenario, includes merged.
    pub scenario: Scenario,
    /// Which included file each item came from.
    pub origins: Origins,
    /// Hash of the main file's and included files' bytes, as read.
    pub base_hash: String,
}

/// Reads a scenario file, its included files and documents for editing, never from
/// the cache (which keeps no origins); the files it names under
/// [`ReadPolicy::for_file`].
pub fn load_project(path: &Path) -> Result<Project, LoadError> {
    let policy = ReadPolicy::for_file(path);
    let folder = sandbox::canonical(path.parent().unwrap_or(Path::new(".")));
    let read = |relative: &str, kind: FileKind| policy.read_inside(&folder, relative, kind);
    let list = |relative: &str| policy.list_inside(&folder, relative);
    let siblings = Siblings {
        read: &read,
        list: Some(&list),
    };
    let name = path.display().to_string();
    let text = sandbox::read_file(path, FileKind::Scenario, policy.limit(FileKind::Scenario))
        .map_err(|err| err.whole_file(&name, "scenario"))?;
    let loaded = load_with_bulk(&name, &text, &siblings, None)?;
    let files = loaded.files.iter();
    let base_hash = hash_texts(&text, files.map(|f| (f.relative.as_str(), f.text.as_str())));
    Ok(Project {
        scenario: loaded.scenario,
        origins: loaded.origins,
        base_hash,
    })
}

/// Hash of a main file's and its included files' bytes (as `Project::base_hash`).
pub(super) fn hash_texts<'a>(
    main: &str,
    files: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> String {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    hasher.update(main.as_bytes());
    for (relative, text) in files {
        hasher.update(relative.as_bytes());
        hasher.update(&[0]);
        hasher.update(text.as_bytes());
    }
    format!("{:016x}", hasher.digest())
}

/// [`hash_texts`] of the files on disk: the main file `path` and what `includes`
/// lists (folders expanded as loading does), read as loading reads them.
pub fn hash_files(path: &Path, includes: &[String]) -> std::io::Result<String> {
    let policy = ReadPolicy::for_file(path);
    let folder = sandbox::canonical(path.parent().unwrap_or(Path::new(".")));
    let main = sandbox::read_file(path, FileKind::Scenario, policy.limit(FileKind::Scenario))
        .map_err(|err| io_error(&path.display().to_string(), err))?;
    let mut files = Vec::new();
    for relative in included_files(path, includes)? {
        let text = policy
            .read_inside(&folder, &relative, FileKind::Include)
            .map_err(|err| io_error(&relative, err))?;
        files.push((relative, text));
    }
    Ok(hash_texts(
        &main,
        files.iter().map(|(r, t)| (r.as_str(), t.as_str())),
    ))
}

/// The files `includes` names for the main file `path`, relative to its folder, folders
/// expanded as loading does.
pub fn included_files(path: &Path, includes: &[String]) -> std::io::Result<Vec<String>> {
    let policy = ReadPolicy::for_file(path);
    let folder = sandbox::canonical(path.parent().unwrap_or(Path::new(".")));
    let read = |relative: &str, kind: FileKind| policy.read_inside(&folder, relative, kind);
    let list = |relative: &str| policy.list_inside(&folder, relative);
    let siblings = Siblings {
        read: &read,
        list: Some(&list),
    };
    let holder = Scenario {
        includes: includes.to_vec(),
        ..empty_scenario()
    };
    let mut failure = None;
    let relatives = expand(&holder, &siblings, &mut |_, message| {
        failure.get_or_insert(message);
    });
    match failure {
        Some(message) => Err(std::io::Error::other(message)),
        None => Ok(relatives),
    }
}

/// A path error reading `file` as an I/O error of the same kind, naming the file.
fn io_error(file: &str, err: PathError) -> std::io::Error {
    match err {
        PathError::Io(err) => std::io::Error::new(err.kind(), format!("{file}: {err}")),
        why => std::io::Error::other(format!("{file}: {why}")),
    }
}

/// A scenario with nothing in it, to hold a list of includes.
fn empty_scenario() -> Scenario {
    Scenario {
        format_version: crate::model::FORMAT_VERSION,
        id: String::new(),
        title: String::new(),
        description: String::new(),
        utc_offset: "Z".into(),
        freshness_hours: crate::model::DEFAULT_FRESHNESS_HOURS,
        includes: Vec::new(),
        region_geometry: None,
        factions: Vec::new(),
        sources: Vec::new(),
        documents: Vec::new(),
        regions: Vec::new(),
        places: Vec::new(),
        routes: Vec::new(),
        key_connections: Vec::new(),
        claims: Vec::new(),
    }
}
