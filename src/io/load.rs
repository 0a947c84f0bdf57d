use std::path::Path;

use super::cache::{self, Cache, Inputs, Key};
use super::include::{self, IncludedFile, ItemKind, Origins, Siblings};
use super::project::list_folder;
use super::unknown_field;
use super::{Diagnostic, LoadError};
use crate::model::Scenario;

/// Reads a scenario file and the documents beside it, and validates it all.
/// Nothing is returned unless everything is right. Large scenarios are served from
/// the cache ([`Cache::from_env`]) while none of their files changed.
pub fn load_scenario_file(path: &Path) -> Result<Scenario, LoadError> {
    load_scenario_cached(path, None, &Cache::from_env())
}

/// Parses and validates scenario text called `name`; `read_sibling` reads the files
/// it refers to (documents), given their path relative to the scenario.
pub fn load_scenario_str(
    name: &str,
    text: &str,
    read_sibling: &dyn Fn(&str) -> std::io::Result<String>,
) -> Result<Scenario, LoadError> {
    let siblings = Siblings {
        read: read_sibling,
        list: None,
    };
    load_with_bulk(name, text, &siblings, None).map(|loaded| loaded.scenario)
}

/// Reads a scenario file and appends the claims of a bulk JSON-lines file (one claim
/// per line, the same fields as in the scenario; see [`super::bulk`]), then validates
/// it all, locating problems in whichever file they are. Cached like
/// [`load_scenario_file`].
pub fn load_scenario_with_claims(path: &Path, claims: &Path) -> Result<Scenario, LoadError> {
    load_scenario_cached(path, Some(claims), &Cache::from_env())
}

/// [`load_scenario_file`] (or [`load_scenario_with_claims`] with `claims`) with an
/// explicit cache: a hit when an entry was made from the same bytes of every input,
/// else a parse that, when it succeeds, rewrites the entry. Errors are the parse's.
pub fn load_scenario_cached(
    path: &Path,
    claims: Option<&Path>,
    cache: &Cache,
) -> Result<Scenario, LoadError> {
    let folder = path.parent().unwrap_or(Path::new("."));
    let read_sibling = |relative: &str| std::fs::read_to_string(folder.join(relative));
    let list = |relative: &str| list_folder(&folder.join(relative));
    let siblings = Siblings {
        read: &read_sibling,
        list: Some(&list),
    };
    let size = |path: &Path| std::fs::metadata(path).map_or(0, |m| m.len() as usize);
    let entry = cache.entry(path, claims, size(path) + claims.map_or(0, size));
    // A hit reads the inputs only to hash them; any problem reading them is left to
    // the parse below, which reports it.
    if let Some(entry) = &entry
        && let Some(scenario) = Key::of_file(path)
        && let Some(claims_key) = claims.map_or(Some(None), |claims| Key::of_file(claims).map(Some))
        && let Some(hit) = cache::lookup(entry, scenario, claims_key, &read_sibling)
    {
        return Ok(hit);
    }
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path)
        .map_err(|err| LoadError::whole_file(&name, format!("cannot read the scenario: {err}")))?;
    let claims_file = match claims {
        Some(claims) => {
            let claims_name = claims.display().to_string();
            let claims_text = std::fs::read_to_string(claims).map_err(|err| {
                LoadError::whole_file(&claims_name, format!("cannot read the claims: {err}"))
            })?;
            Some((claims_name, claims_text))
        }
        None => None,
    };
    // The keys of what is parsed, not of what was hashed above: the files may have
    // changed in between.
    let keys = entry.as_ref().map(|_| {
        (
            Key::of(text.as_bytes()),
            claims_file
                .as_ref()
                .map(|(_, text)| Key::of(text.as_bytes())),
        )
    });
    let bulk = claims_file
        .as_ref()
        .map(|(name, text)| (name.as_str(), text.as_str()));
    let loaded = load_with_bulk(&name, &text, &siblings, bulk)?;
    let (scenario, geometry) = (loaded.scenario, loaded.geometry);
    if let (Some(entry), Some((scenario_key, claims_key))) = (&entry, keys) {
        // Drop the texts first: at a million claims they are hundreds of megabytes.
        drop(claims_file);
        drop(text);
        let mut siblings: Vec<(String, Key)> = scenario
            .documents
            .iter()
            .map(|document| {
                (
                    document.text_file.clone(),
                    Key::of(document.text.as_bytes()),
                )
            })
            .chain(
                scenario
                    .region_geometry
                    .clone()
                    .zip(geometry)
                    .map(|(path, text)| (path, Key::of(text.as_bytes()))),
            )
            // Included files are checked like documents; an included folder cannot be
            // read as a file, so a scenario that includes one is never a hit.
            .chain(
                loaded
                    .files
                    .iter()
                    .map(|file| (file.relative.clone(), Key::of(file.text.as_bytes()))),
            )
            .chain(
                scenario
                    .includes
                    .iter()
                    .filter(|entry| entry.ends_with('/'))
                    .map(|entry| (entry.clone(), Key::of(entry.as_bytes()))),
            )
            .collect();
        siblings.sort();
        siblings.dedup();
        let inputs = Inputs {
            scenario: scenario_key,
            claims: claims_key,
            siblings,
        };
        cache::store(entry, inputs, &scenario);
    }
    Ok(scenario)
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
    for (i, document) in scenario.documents.iter_mut().enumerate() {
        match read_sibling(&document.text_file) {
            Ok(contents) => document.text = contents,
            Err(err) => {
                let message = format!("cannot read document text {:?}: {err}", document.text_file);
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
        let found = super::validate::validate_part(&scenario, &file.part, &file.name, &file.text);
        include_trouble |= !found.is_empty();
        diagnostics.extend(found);
    }
    if !include_trouble {
        let bulk = bulk.map(|(file, _)| super::validate::BulkClaims {
            file,
            first: first_bulk,
            lines: &bulk_lines,
        });
        diagnostics.extend(super::validate::validate_with_bulk(
            &scenario, name, text, bulk,
        ));
    }
    let mut geometry = None;
    if let Some(path) = &scenario.region_geometry {
        let read = read_sibling(path);
        geometry = read.as_ref().ok().cloned();
        diagnostics.extend(super::geometry::check_region_geometry(
            &scenario, name, text, read,
        ));
    }
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
