//! What a scenario may read: only regular files, each under a size limit, and —
//! unless the user opts out — only inside the scenario's root folder ([`find_root`]).
//! A scenario from someone else names its documents, geometry and includes by path;
//! these rules keep it from showing `/etc/passwd` in the document view or reading
//! `/dev/zero` until memory runs out.
//!
//! The opt-out (`--allow-outside-paths`, the window's File > "Allow paths outside
//! the scenario's folder") and the size limit (`--max-file-size`) are process-wide
//! settings, like [`super::disable_cache`]: every loader (command line, window, File >
//! Open, drag and drop, snapshots) builds its [`ReadPolicy`] from them.

mod error;
mod read;
mod root;
mod snapshot;

use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

pub use error::PathError;
pub use read::{file_size, read_bytes, read_file, read_stdin};
pub use root::{MARKER_LEVELS, ROOT_MARKER, find_root};
pub use snapshot::check_recorded_scenario;

/// One mebibyte.
const MIB: u64 = 1 << 20;

/// What a file is read as; each kind has its own default size limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// A scenario file (the main one, or a snapshot).
    Scenario,
    /// A file listed in `includes`.
    Include,
    /// A document's `text_file`.
    Document,
    /// The `region_geometry` GeoJSON.
    Geometry,
    /// Bulk JSON-lines claims (`check --claims`).
    Claims,
    /// A news article given to `frontline ingest`.
    Article,
    /// A dataset that claims cite records of (a claim's `record`), or one imported.
    Dataset,
}

impl FileKind {
    /// The limit without `--max-file-size`: 64 MiB for documents, articles and
    /// region geometry, 256 MiB for scenario and included files and datasets, 2 GiB for bulk claims.
    pub fn default_limit(self) -> u64 {
        match self {
            Self::Document | Self::Article | Self::Geometry => 64 * MIB,
            Self::Scenario | Self::Include | Self::Dataset => 256 * MIB,
            Self::Claims => 2048 * MIB,
        }
    }

    /// What messages call such files ("documents").
    pub fn plural(self) -> &'static str {
        match self {
            Self::Scenario => "scenario files",
            Self::Include => "included files",
            Self::Document => "documents",
            Self::Geometry => "region geometry",
            Self::Claims => "bulk claims files",
            Self::Article => "articles",
            Self::Dataset => "datasets",
        }
    }
}

/// Set by [`set_allow_outside_paths`].
static ALLOW_OUTSIDE: AtomicBool = AtomicBool::new(false);
/// Set by [`set_max_file_size`]; 0 for the defaults.
static MAX_FILE_SIZE: AtomicU64 = AtomicU64::new(0);

/// Lets (or stops letting) scenarios read files outside their root folder, for this
/// process. Off by default; whoever turns it on tells the user so.
pub fn set_allow_outside_paths(allow: bool) {
    ALLOW_OUTSIDE.store(allow, Ordering::Relaxed);
}

/// Whether scenarios may read outside their root folder ([`set_allow_outside_paths`]).
pub fn allow_outside_paths() -> bool {
    ALLOW_OUTSIDE.load(Ordering::Relaxed)
}

/// Sets one size limit for every file read, in bytes (`None`: each kind's default,
/// [`FileKind::default_limit`]).
pub fn set_max_file_size(bytes: Option<u64>) {
    MAX_FILE_SIZE.store(bytes.unwrap_or(0), Ordering::Relaxed);
}

/// The size limit set with [`set_max_file_size`], if any.
pub fn max_file_size() -> Option<u64> {
    Some(MAX_FILE_SIZE.load(Ordering::Relaxed)).filter(|bytes| *bytes > 0)
}

/// How the files a scenario names are read: from where, whether outside it, how much.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadPolicy {
    /// The folder every path must stay inside (canonical when it exists).
    pub root: PathBuf,
    /// Read paths outside `root` too (the user's explicit opt-out).
    pub allow_outside: bool,
    /// One limit for every kind of file, in bytes; `None` for each kind's default.
    pub max_bytes: Option<u64>,
}

impl ReadPolicy {
    /// The policy for a scenario file at `path`: its root ([`find_root`]) and the
    /// process-wide settings.
    pub fn for_file(path: &Path) -> Self {
        Self::with_root(find_root(path))
    }

    /// The policy for paths inside `root` (made canonical), with the process-wide
    /// settings: for a scenario read from standard input, `--base-dir`.
    pub fn with_root(root: PathBuf) -> Self {
        Self {
            root: canonical(&root),
            allow_outside: allow_outside_paths(),
            max_bytes: max_file_size(),
        }
    }

    /// The size limit for a kind of file.
    pub fn limit(&self, kind: FileKind) -> u64 {
        self.max_bytes.unwrap_or_else(|| kind.default_limit())
    }

    /// The file `relative` names from the folder `base`, checked to be inside the
    /// root (unless the opt-out is on) and canonical: no absolute path, no `..` above
    /// the root, no link out of it.
    pub fn resolve(&self, base: &Path, relative: &str) -> Result<PathBuf, PathError> {
        let path = Path::new(relative);
        let absolute =
            path.has_root() || matches!(path.components().next(), Some(Component::Prefix(_)));
        if absolute && !self.allow_outside {
            return Err(PathError::Absolute);
        }
        let joined = canonical(base).join(path);
        if !self.allow_outside && !lexically(&joined).starts_with(&self.root) {
            return Err(PathError::Escapes {
                root: self.root.clone(),
            });
        }
        let target = std::fs::canonicalize(&joined).map_err(PathError::Io)?;
        if !self.allow_outside && !target.starts_with(&self.root) {
            return Err(PathError::LinksOut {
                root: self.root.clone(),
                target,
            });
        }
        Ok(target)
    }

    /// Reads the file `relative` names from `base` ([`Self::resolve`]): a regular file
    /// within the limit for `kind`, as UTF-8.
    pub fn read_inside(
        &self,
        base: &Path,
        relative: &str,
        kind: FileKind,
    ) -> Result<String, PathError> {
        let path = self.resolve(base, relative)?;
        read_file(&path, kind, self.limit(kind))
    }

    /// The names of the regular files in the folder `relative` names from `base`
    /// (an included folder), checked like [`Self::resolve`].
    pub fn list_inside(&self, base: &Path, relative: &str) -> Result<Vec<String>, PathError> {
        let folder = self.resolve(base, relative)?;
        let mut names = Vec::new();
        for entry in std::fs::read_dir(folder).map_err(PathError::Io)? {
            let entry = entry.map_err(PathError::Io)?;
            if entry.file_type().map_err(PathError::Io)?.is_file() {
                names.push(entry.file_name().to_string_lossy().into_owned());
            }
        }
        Ok(names)
    }
}

/// `path` made canonical, or as it is when that fails (it does not exist).
pub(crate) fn canonical(path: &Path) -> PathBuf {
    let path = if path.as_os_str().is_empty() {
        Path::new(".")
    } else {
        path
    };
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

/// `path` with `.` dropped and each `..` taking away the component before it, without
/// looking at the disk (links are checked after, on the canonical path).
fn lexically(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests;
