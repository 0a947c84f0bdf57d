use std::path::Path;

use super::{Diagnostic, LoadError};
use crate::model::Scenario;

/// Reads a scenario file and the documents beside it, and validates it all.
/// Nothing is returned unless everything is right.
pub fn load_scenario_file(path: &Path) -> Result<Scenario, LoadError> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path)
        .map_err(|err| LoadError::whole_file(&name, format!("cannot read the scenario: {err}")))?;
    let folder = path.parent().unwrap_or(Path::new("."));
    load_scenario_str(&name, &text, &|relative| {
        std::fs::read_to_string(folder.join(relative))
    })
}

/// Parses and validates scenario text called `name`; `read_sibling` reads the files
/// it refers to (documents), given their path relative to the scenario.
pub fn load_scenario_str(
    name: &str,
    text: &str,
    read_sibling: &dyn Fn(&str) -> std::io::Result<String>,
) -> Result<Scenario, LoadError> {
    load_with_bulk(name, text, read_sibling, None)
}

/// Reads a scenario file and appends the claims of a bulk JSON-lines file (one claim
/// per line, the same fields as in the scenario; see [`super::bulk`]), then validates
/// it all, locating problems in whichever file they are.
pub fn load_scenario_with_claims(path: &Path, claims: &Path) -> Result<Scenario, LoadError> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path)
        .map_err(|err| LoadError::whole_file(&name, format!("cannot read the scenario: {err}")))?;
    let claims_name = claims.display().to_string();
    let claims_text = std::fs::read_to_string(claims).map_err(|err| {
        LoadError::whole_file(&claims_name, format!("cannot read the claims: {err}"))
    })?;
    let folder = path.parent().unwrap_or(Path::new("."));
    load_with_bulk(
        &name,
        &text,
        &|relative| std::fs::read_to_string(folder.join(relative)),
        Some((&claims_name, &claims_text)),
    )
}

fn load_with_bulk(
    name: &str,
    text: &str,
    read_sibling: &dyn Fn(&str) -> std::io::Result<String>,
    bulk: Option<(&str, &str)>,
) -> Result<Scenario, LoadError> {
    let mut scenario: Scenario = parse_ron(name, text)?;

    let locator = super::Locator::new(text);
    let mut diagnostics = Vec::new();
    let documents_ids: Vec<String> = scenario.documents.iter().map(|d| d.id.clone()).collect();
    for (i, document) in scenario.documents.iter_mut().enumerate() {
        match read_sibling(&document.text_file) {
            Ok(contents) => document.text = contents,
            Err(err) => {
                let nth = duplicates_before(&documents_ids, i);
                let item = locator.item_in("documents", &document.id, nth);
                let offset = locator.field_after(item, "text_file", Some(&document.text_file));
                let (line, col) = locator.line_col(offset);
                diagnostics.push(Diagnostic {
                    file: name.to_owned(),
                    line,
                    col,
                    message: format!("cannot read document text {:?}: {err}", document.text_file),
                });
            }
        }
    }
    let first_bulk = scenario.claims.len();
    let mut bulk_lines = Vec::new();
    if let Some((claims_name, claims_text)) = bulk {
        match super::bulk::parse_claims_jsonl(claims_name, claims_text) {
            Ok((claims, lines)) => {
                scenario.claims.extend(claims);
                bulk_lines = lines;
            }
            Err(err) => diagnostics.extend(err.diagnostics),
        }
    }
    let bulk = bulk.map(|(file, _)| super::validate::BulkClaims {
        file,
        first: first_bulk,
        lines: &bulk_lines,
    });
    diagnostics.extend(super::validate::validate_with_bulk(
        &scenario, name, text, bulk,
    ));
    if let Some(path) = &scenario.region_geometry {
        diagnostics.extend(super::geometry::check_region_geometry(
            &scenario,
            name,
            text,
            read_sibling(path),
        ));
    }
    if !diagnostics.is_empty() {
        diagnostics.sort();
        diagnostics.dedup();
        return Err(LoadError { diagnostics });
    }
    scenario.sort_by_id();
    Ok(scenario)
}

/// How many items before `index` share its id (to locate the right duplicate).
pub(super) fn duplicates_before(ids: &[String], index: usize) -> usize {
    ids[..index].iter().filter(|id| **id == ids[index]).count()
}

/// Parses RON text called `name`, locating a syntax or shape error as `name:line:col`.
pub fn parse_ron<T: serde::de::DeserializeOwned>(name: &str, text: &str) -> Result<T, LoadError> {
    ron::Options::default()
        .from_str(text)
        .map_err(|err| LoadError {
            diagnostics: vec![Diagnostic {
                file: name.to_owned(),
                line: err.span.start.line.max(1),
                col: err.span.start.col.max(1),
                message: err.code.to_string(),
            }],
        })
}
