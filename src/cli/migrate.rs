//! `frontline migrate FILE [--out PATH]`: a scenario of format 1 or 2, checked, and
//! written back as format 2 (see [`crate::io::scenario_to_ron`]).

use std::path::{Component, Path, PathBuf};

use crate::io::sandbox::{self, FileKind, PathError, ReadPolicy};
use crate::io::{
    Diagnostic, LoadError, Locator, load_scenario_file, scenario_to_ron, write_atomically,
};

/// Loads `file` (every error located, nothing written) and writes it as format 2 to
/// `out` through a temporary file and a rename, or returns it for standard output
/// when `out` is `None` or `-`. Paths to documents and region geometry are rewritten
/// relative to `out`'s folder.
pub fn migrate(file: &Path, out: Option<&Path>) -> Result<String, LoadError> {
    let mut scenario = load_scenario_file(file)?;
    let name = file.display().to_string();
    let policy = ReadPolicy::for_file(file);
    let original = sandbox::read_file(file, FileKind::Scenario, policy.limit(FileKind::Scenario))
        .map_err(|err| err.whole_file(&name, "scenario"))?;
    let out = out.filter(|path| *path != Path::new("-"));
    if let Some(out) = out {
        let from = folder_of(file);
        let to = folder_of(out);
        let moved = ReadPolicy::for_file(out);
        let mut problems = Vec::new();
        let mut rebased = |path: &mut String, field: &str| {
            let new = rebase(path, &from, &to);
            if let Err(err) = moved.resolve(&to, &new)
                && err.is_outside()
            {
                problems.push(outside_after_move(&name, &original, field, path, out, &err));
            }
            *path = new;
        };
        for document in &mut scenario.documents {
            rebased(&mut document.text_file, "text_file");
        }
        if let Some(geometry) = &mut scenario.region_geometry {
            rebased(geometry, "region_geometry");
        }
        if !problems.is_empty() {
            return Err(LoadError {
                diagnostics: problems,
            });
        }
    }
    let body =
        scenario_to_ron(&scenario).map_err(|err| LoadError::whole_file(&name, err.to_string()))?;
    let text = leading_comments(&original) + &body;
    let Some(out) = out else {
        return Ok(text);
    };
    let out_name = out.display().to_string();
    write_atomically(out, text.as_bytes())
        .map_err(|err| LoadError::whole_file(&out_name, format!("cannot write: {err}")))?;
    Ok(format!(
        "wrote {out_name} (format {}, {} claims)\n",
        scenario.format_version,
        scenario.claims.len()
    ))
}

/// The error for a path that, written relative to `out`, would be outside the root of
/// `out` (so the migrated file would not load), located at the path in the original.
fn outside_after_move(
    name: &str,
    original: &str,
    field: &str,
    path: &str,
    out: &Path,
    why: &PathError,
) -> Diagnostic {
    let locator = Locator::new(original);
    let (line, col) = locator.line_col(locator.field_after(0, field, Some(path)));
    Diagnostic {
        file: name.to_owned(),
        line,
        col,
        message: format!(
            "{field} {path:?} would be outside the folder of {} once migrated there ({why}); \
             write the file inside the folder that holds the documents",
            out.display()
        ),
    }
}

/// The comment lines (and blank lines) before the scenario's opening parenthesis.
fn leading_comments(text: &str) -> String {
    let mut kept = String::new();
    for line in text.lines() {
        let trimmed = line.trim();
        if !(trimmed.is_empty() || trimmed.starts_with("//")) {
            break;
        }
        kept.push_str(line.trim_end());
        kept.push('\n');
    }
    kept
}

/// The folder a file is in, made absolute where it exists.
fn folder_of(file: &Path) -> PathBuf {
    let folder = match file.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    std::fs::canonicalize(folder).unwrap_or_else(|_| folder.to_path_buf())
}

/// `relative` (to folder `from`) made relative to folder `to`; unchanged when the
/// folders are the same or the path cannot be followed.
fn rebase(relative: &str, from: &Path, to: &Path) -> String {
    if from == to || Path::new(relative).is_absolute() {
        return relative.to_owned();
    }
    let Ok(target) = std::fs::canonicalize(from.join(relative)) else {
        return relative.to_owned();
    };
    let target: Vec<Component<'_>> = target.components().collect();
    let to: Vec<Component<'_>> = to.components().collect();
    let shared = target.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut path = PathBuf::new();
    for _ in shared..to.len() {
        path.push("..");
    }
    for component in &target[shared..] {
        path.push(component);
    }
    path.to_string_lossy().replace('\\', "/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_rebased_between_folders() {
        let dir = tempfile::tempdir().unwrap();
        let root = std::fs::canonicalize(dir.path()).unwrap();
        std::fs::create_dir_all(root.join("assets/scenarios")).unwrap();
        std::fs::create_dir_all(root.join("assets/documents")).unwrap();
        std::fs::create_dir_all(root.join("out/deeper")).unwrap();
        std::fs::write(root.join("assets/documents/d.txt"), "text").unwrap();
        let from = root.join("assets/scenarios");
        assert_eq!(
            rebase("../documents/d.txt", &from, &root.join("out/deeper")),
            "../../assets/documents/d.txt"
        );
        assert_eq!(
            rebase("../documents/d.txt", &from, &from),
            "../documents/d.txt"
        );
        assert_eq!(
            rebase("../documents/d.txt", &from, &root.join("assets/documents")),
            "d.txt"
        );
        assert_eq!(rebase("missing.txt", &from, &root), "missing.txt");
    }

    #[test]
    fn keeps_only_the_leading_comments() {
        assert_eq!(
            leading_comments("// one\n\n// two  \n(\n  // inner\n)"),
            "// one\n\n// two\n"
        );
    }
}
