//! The scenario a snapshot names. Snapshots record the scenario's absolute path, so
//! one's own snapshots name files anywhere; one from someone else must not make the
//! window read an arbitrary file. The scenario is read when it is inside the
//! snapshot's root folder ([`super::find_root`] of the snapshot), or when its bytes
//! are the ones the snapshot was taken of (its recorded hash: whoever wrote the
//! snapshot already had that file), or with the opt-out.

use std::path::Path;

use super::{FileKind, PathError, ReadPolicy};
use crate::io::{Diagnostic, LoadError, Locator};

/// Checks that the snapshot at `snapshot` (text `text`, called `name` in messages)
/// may read its scenario `recorded`; `is_recorded` says whether bytes are the ones it
/// was taken of. A missing file passes: loading it reports that.
pub fn check_recorded_scenario(
    snapshot: &Path,
    name: &str,
    text: &str,
    recorded: &Path,
    is_recorded: &dyn Fn(&[u8]) -> bool,
) -> Result<(), LoadError> {
    let policy = ReadPolicy::for_file(snapshot);
    if policy.allow_outside {
        return Ok(());
    }
    let folder = snapshot.parent().unwrap_or(Path::new("."));
    let Ok(target) = std::fs::canonicalize(folder.join(recorded)) else {
        return Ok(());
    };
    if target.starts_with(&policy.root) {
        return Ok(());
    }
    let shown = recorded.display().to_string();
    let locator = Locator::new(text);
    let (line, col) = locator.line_col(locator.field_after(0, "scenario_path", Some(&shown)));
    let located = |message: String| LoadError {
        diagnostics: vec![Diagnostic {
            file: name.to_owned(),
            line,
            col,
            message,
        }],
    };
    match super::read_bytes(
        &target,
        FileKind::Scenario,
        policy.limit(FileKind::Scenario),
    ) {
        Ok(bytes) if is_recorded(&bytes) => Ok(()),
        Ok(_) => Err(located(format!(
            "scenario_path {shown:?} is outside the snapshot's folder {} and is not the \
             scenario the snapshot was taken of (its hash differs); pass \
             --allow-outside-paths (in the window: File > Allow paths outside the \
             scenario's folder) to open your own files",
            policy.root.display()
        ))),
        Err(PathError::Io(_)) => Ok(()),
        Err(err) => Err(located(format!("scenario_path {shown:?} {err}"))),
    }
}
