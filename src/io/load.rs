//! Parsing scenario text: includes merged, documents and geometry read through a
//! reader given by the caller, everything validated and located.

use super::include::{self, IncludedFile, ItemKind, Origins, Siblings};
use super::sandbox::{FileKind, PathError, ReadPolicy};
use super::unknown_field;
use super::{Diagnostic, LoadError};
use crate::model::Scenario;

/// Parses and validates scenario text called `name`; `read_sibling` reads the files
/// it refers to (documents), given their path relative to the scenario.
pub fn load_scenario_str(
    name: &str,
    text: &str,
    read_sibling: &dyn Fn(&str) -> std::io::Result<String>,
) -> Result<Scenario, LoadError> {
    let read = |relative: &str, _: FileKind| read_sibling(relative).map_err(PathError::Io);
    let siblings = Siblings {
        read: &read,
        list: None,
    };
    load_with_bulk(name, text, &siblings, None).map(|loaded| loaded.scenario)
}

/// Parses and validates scenario text called `name` (read from standard input)
/// whose paths start from `policy`'s root and are read under its rules.
pub fn load_scenario_in(
    name: &str,
    text: &str,
    policy: &ReadPolicy,
) -> Result<Scenario, LoadError> {
    let read = |relative: &str, kind: FileKind| policy.read_inside(&policy.root, relative, kind);
    let list = |relative: &str| policy.list_inside(&policy.root, relative);
    let siblings = Siblings {
        read: &read,
        list: Some(&list),
    };
    load_with_bulk(name, text, &siblings, None).map(|loaded| loaded.scenario)
}

/// A scenario as loaded, with what else was read.
pub(super) struct Loaded {
    pub(super) scenario: Scenario,
    /// The region geometry's text, if the scenario has one.
    pub(super) geometry: Option<String>,
    /// The included files.
    pub(super) files: Vec<IncludedFile>,
    /// Which included file each item came from.
    pub(super) origins: Origins,
    /// The texts of the datasets claims cite records of, by path.
    pub(super) datasets: Vec<(String, String)>,
}

/// Parses, merges the included files, reads the documents, validates and sorts.
pub(super) fn load_with_bulk(
    name: &str,
    text: &str,
    siblings: &Siblings<'_>,
    bulk: Option<(&str, &str)>,
) -> Result<Loaded, LoadError> {
    let read_sibling = siblings.read;
    let mut scenario: Scenario = parse_ron(name, text)?;

    let locator = super::Locator::new(text);
    let mut diagnostics = Vec::new();
    for id in scenario.upgrade_from_v1() {
        let item = locator.item_in("claims", &id, 0);
        let offset = locator.field_after(item, "source", None);
        let (line, col) = locator.line_col(offset);
        diagnostics.push(Diagnostic {
            file: name.to_owned(),
            line,
            col,
            message: format!(
                "claim {id:?}: `source` is format 1; format 2 names `originators: [..]` (and relays in `via: [..]`)"
            ),
        });
    }

    let files = include::read_includes(&scenario, name, text, siblings, &mut diagnostics);
    let origins = include::merge(&mut scenario, &files, name, &mut diagnostics);
    let mut include_trouble = !diagnostics.is_empty() && !scenario.includes.is_empty();

    let documents_ids: Vec<String> = scenario.documents.iter().map(|d| d.id.clone()).collect();
    // Documents whose text is missing: reported once here, their quotes left unchecked.
    let mut unread = Vec::new();
    for (i, document) in scenario.documents.iter_mut().enumerate() {
        match read_sibling(&document.text_file, FileKind::Document) {
            Ok(contents) => document.text = contents,
            Err(err) => {
                unread.push(document.id.clone());
                let message = err.message(
                    "text_file",
                    &document.text_file,
                    "cannot read document text",
                );
                let included =
                    origins
                        .file_of(ItemKind::Document, &document.id)
                        .and_then(|relative| {
                            include::locate_in_files(
                                &files,
                                relative,
                                ItemKind::Document,
                                &document.id,
                                "text_file",
                                Some(&document.text_file),
                            )
                        });
                let (file, line, col) = included.unwrap_or_else(|| {
                    let nth = duplicates_before(&documents_ids, i);
                    let item = locator.item_in("documents", &document.id, nth);
                    let offset = locator.field_after(item, "text_file", Some(&document.text_file));
                    let (line, col) = locator.line_col(offset);
                    (name.to_owned(), line, col)
                });
                diagnostics.push(Diagnostic {
                    file,
                    line,
                    col,
                    message,
                });
            }
        }
    }
    let first_bulk = scenario.claims.len();
    let mut bulk_lines = Vec::new();
    if let Some((claims_name, claims_text)) = bulk {
        match super::bulk::parse_claims_jsonl(claims_name, claims_text) {
            Ok((mut claims, lines)) => {
                // Bulk lines may name one `source` as in format 1.
                for claim in &mut claims {
                    claim.upgrade_v1_source();
                }
                scenario.claims.extend(claims);
                bulk_lines = lines;
            }
            Err(err) => diagnostics.extend(err.diagnostics),
        }
    }
    // Each included file's items are checked in it; the main file's check then sees
    // them valid, and so reports only its own items' problems.
    for file in &files {
        let found =
            super::validate::validate_part(&scenario, &file.part, &file.name, &file.text, &unread);
        include_trouble |= !found.is_empty();
        diagnostics.extend(found);
    }
    if !include_trouble {
        let bulk = bulk.map(|(file, _)| super::validate::BulkClaims {
            file,
            first: first_bulk,
            lines: &bulk_lines,
        });
        diagnostics.extend(super::validate::validate_loaded(
            &scenario, name, text, bulk, &unread,
        ));
    }
    let mut geometry = None;
    if let Some(path) = &scenario.region_geometry {
        let read = read_sibling(path, FileKind::Geometry);
        geometry = read.as_ref().ok().cloned();
        diagnostics.extend(super::geometry::check_region_geometry(
            &scenario, name, text, read,
        ));
    }
    let record_files = super::datasets::RecordFiles {
        name,
        text,
        files: &files,
        origins: &origins,
    };
    let (found, datasets) = super::datasets::check_records(&scenario, &record_files, read_sibling);
    diagnostics.extend(found);
    if !diagnostics.is_empty() {
        diagnostics.sort();
        diagnostics.dedup();
        return Err(LoadError { diagnostics });
    }
    scenario.sort_by_id();
    Ok(Loaded {
        scenario,
        geometry,
        files,
        origins,
        datasets,
    })
}

/// How many items before `index` share its id (to locate the right duplicate).
pub(super) fn duplicates_before(ids: &[String], index: usize) -> usize {
    ids[..index].iter().filter(|id| **id == ids[index]).count()
}

/// Parses RON text called `name`, locating a syntax or shape error as `name:line:col`.
/// An unknown field is located at its name, with the closest known field suggested.
pub fn parse_ron<T: serde::de::DeserializeOwned>(name: &str, text: &str) -> Result<T, LoadError> {
    ron::Options::default().from_str(text).map_err(|err| {
        let (mut line, mut col) = (err.span.start.line.max(1), err.span.start.col.max(1));
        let message = match &err.code {
            ron::Error::NoSuchStructField {
                expected,
                found,
                outer,
            } => {
                // Format 2 claims have no `source`: never suggest it there.
                let expected = match outer.as_deref() {
                    Some("Claim") if !unknown_field::declares_format_1(text) => {
                        unknown_field::without_v1_source(expected)
                    }
                    _ => expected.to_vec(),
                };
                let locator = super::Locator::new(text);
                let end = locator.offset_of(err.span.end.line, err.span.end.col);
                (line, col) = locator.line_col(unknown_field::field_start(text, found, end));
                unknown_field::message(found, &expected, outer.as_deref())
            }
            code => code.to_string(),
        };
        LoadError {
            diagnostics: vec![Diagnostic {
                file: name.to_owned(),
                line,
                col,
                message,
            }],
        }
    })
}
