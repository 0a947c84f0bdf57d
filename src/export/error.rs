//! Why an export wrote nothing, phrased for whoever asked: the window shows the
//! sentence ([`std::fmt::Display`]); the command line locates it at the flag it
//! concerns (`<--out>:1:1: ...`, through `From<ExportError> for LoadError`).

use std::path::PathBuf;

use crate::io::{Diagnostic, LoadError};

/// A failed export. Nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// A setting of the request is wrong; `flag` is the command-line flag it comes from.
    #[error("{message}")]
    Setting {
        /// The flag, e.g. `--from`.
        flag: &'static str,
        /// What is wrong, as a sentence.
        message: String,
    },
    /// A file could not be written (or its folder cannot take one).
    #[error("cannot write {}: {reason}", path.display())]
    Write {
        /// The file or folder.
        path: PathBuf,
        /// Why, as the system said it.
        reason: String,
    },
    /// The data could not be encoded in the format (a library refused it).
    #[error("cannot encode the {format} file: {reason}")]
    Encode {
        /// The format's name.
        format: &'static str,
        /// Why.
        reason: String,
    },
    /// The scenario file (for a snapshot's identity) or the basemap could not be read.
    #[error(transparent)]
    Input(#[from] LoadError),
}

impl ExportError {
    /// A wrong setting of the request, from command-line flag `flag`.
    pub fn setting(flag: &'static str, message: impl Into<String>) -> Self {
        Self::Setting {
            flag,
            message: message.into(),
        }
    }

    /// A format's encoder failed.
    pub fn encode(format: &'static str, reason: impl ToString) -> Self {
        Self::Encode {
            format,
            reason: reason.to_string(),
        }
    }

    /// The command-line flag the error is about.
    pub fn flag(&self) -> &'static str {
        match self {
            Self::Setting { flag, .. } => flag,
            Self::Write { .. } => "--out",
            Self::Encode { .. } => "--format",
            Self::Input(_) => "FILE",
        }
    }
}

impl From<ExportError> for LoadError {
    /// `<--flag>:1:1: message`, as every command-line argument error is located; an
    /// input error keeps its own location.
    fn from(err: ExportError) -> Self {
        if let ExportError::Input(load) = err {
            return load;
        }
        LoadError {
            diagnostics: vec![Diagnostic {
                file: format!("<{}>", err.flag()),
                line: 1,
                col: 1,
                message: err.to_string(),
            }],
        }
    }
}
