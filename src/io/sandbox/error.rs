//! Why a file a scenario names was not read.

use std::path::PathBuf;

use super::FileKind;

/// The hint every "outside" message ends with.
const OPT_OUT: &str = "pass --allow-outside-paths (in the window: File > Allow paths outside \
                       the scenario's folder) to read your own files";

/// Why a path was refused or a file not read. Its text follows the path in messages:
/// `text_file "/etc/passwd" is outside the scenario's folder (...)`.
#[derive(Debug)]
pub enum PathError {
    /// An absolute path.
    Absolute,
    /// `..` leads above the root.
    Escapes {
        /// The scenario's root folder.
        root: PathBuf,
    },
    /// A link inside the root leads out of it.
    LinksOut {
        /// The scenario's root folder.
        root: PathBuf,
        /// Where the link leads.
        target: PathBuf,
    },
    /// A folder where a file was expected.
    Folder,
    /// A device, pipe or socket.
    NotRegular,
    /// More bytes than the limit.
    TooLarge {
        /// What the file was read as.
        kind: FileKind,
        /// The limit, in bytes.
        limit: u64,
        /// Its size when the file system knew it before reading.
        size: Option<u64>,
    },
    /// The file could not be read (missing, no permission, not UTF-8).
    Io(std::io::Error),
}

impl PathError {
    /// The message for the path `value` of `field`: `{field} {value:?} {why}`, or for a
    /// file that simply cannot be read `{cannot_read} {value:?}: {error}` (the wording
    /// loading always used).
    pub fn message(&self, field: &str, value: &str, cannot_read: &str) -> String {
        match self {
            Self::Io(err) => format!("{cannot_read} {value:?}: {err}"),
            why => format!("{field} {value:?} {why}"),
        }
    }

    /// The error for a whole file (a scenario, bulk claims) called `name` that was not
    /// read, the file being a `noun`: `cannot read the scenario: ...` or
    /// `the scenario is larger than ...`.
    pub fn whole_file(self, name: &str, noun: &str) -> crate::io::LoadError {
        let message = match self {
            Self::Io(err) => format!("cannot read the {noun}: {err}"),
            why => format!("the {noun} {why}"),
        };
        crate::io::LoadError::whole_file(name, message)
    }

    /// True when the path was refused for leading outside the root.
    pub fn is_outside(&self) -> bool {
        matches!(
            self,
            Self::Absolute | Self::Escapes { .. } | Self::LinksOut { .. }
        )
    }
}

impl std::fmt::Display for PathError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Absolute => write!(
                f,
                "is outside the scenario's folder (absolute paths are not allowed; {OPT_OUT})"
            ),
            Self::Escapes { root } => write!(
                f,
                "is outside the scenario's folder {} (`..` leads above it; {OPT_OUT})",
                root.display()
            ),
            Self::LinksOut { root, target } => write!(
                f,
                "is outside the scenario's folder {} (it is a link to {}; {OPT_OUT})",
                root.display(),
                target.display()
            ),
            Self::Folder => write!(f, "is a folder, not a file"),
            Self::NotRegular => write!(
                f,
                "is not a regular file (a device, pipe or socket); only files are read"
            ),
            Self::TooLarge { kind, limit, size } => {
                write!(
                    f,
                    "is larger than the {limit}-byte limit for {}",
                    kind.plural()
                )?;
                if let Some(size) = size {
                    write!(f, " ({size} bytes)")?;
                }
                write!(f, "; pass --max-file-size BYTES to raise it")
            }
            Self::Io(err) => write!(f, "cannot be read: {err}"),
        }
    }
}

impl From<std::io::Error> for PathError {
    fn from(err: std::io::Error) -> Self {
        Self::Io(err)
    }
}
