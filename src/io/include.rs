//! Scenarios split into files. The main file lists `includes` (paths relative to it;
//! one ending in `/` is every `.ron` file in that folder, in name order), each a
//! [`ScenarioPart`] of sources, documents, places and claims. Loading merges them
//! (claims after the main file's, file by file), requires ids unique across files,
//! and remembers which file each item came from ([`Origins`]) so saving writes each
//! item back to its own file. Documents' `text_file`s stay relative to the main file.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use super::sandbox::{FileKind, PathError};
use super::{Diagnostic, Locator};
use crate::model::{Claim, Document, Place, Scenario, Source};

/// What an included file holds; every list may be left out.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ScenarioPart {
    /// Who makes claims.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    /// The documents claims quote (texts relative to the main scenario file).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<Document>,
    /// Places.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<Place>,
    /// Claims, in the file's order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub claims: Vec<Claim>,
}

/// The kinds of item an included file may hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ItemKind {
    Source,
    Document,
    Place,
    Claim,
}

/// Every item an included file may hold, with its kind and id: sources, documents,
/// places, then claims.
pub fn item_ids(scenario: &Scenario) -> impl Iterator<Item = (ItemKind, &String)> {
    let sources = scenario.sources.iter().map(|s| (ItemKind::Source, &s.id));
    let documents = scenario
        .documents
        .iter()
        .map(|d| (ItemKind::Document, &d.id));
    let places = scenario.places.iter().map(|p| (ItemKind::Place, &p.id));
    let claims = scenario.claims.iter().map(|c| (ItemKind::Claim, &c.id));
    sources.chain(documents).chain(places).chain(claims)
}

impl ItemKind {
    /// The list the kind is written in ("sources", ...).
    pub fn section(self) -> &'static str {
        match self {
            Self::Source => "sources",
            Self::Document => "documents",
            Self::Place => "places",
            Self::Claim => "claims",
        }
    }
}

/// Which included file each item came from; items not listed are the main file's.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Origins {
    files: BTreeMap<(ItemKind, String), String>,
}

impl Origins {
    /// The included file (relative to the main file) holding the item; `None` for the
    /// main file.
    pub fn file_of(&self, kind: ItemKind, id: &str) -> Option<&str> {
        self.files.get(&(kind, id.to_owned())).map(String::as_str)
    }

    /// Records that the item belongs to `file` (`None`: the main file).
    pub fn set(&mut self, kind: ItemKind, id: &str, file: Option<&str>) {
        match file {
            Some(file) => self.files.insert((kind, id.to_owned()), file.to_owned()),
            None => self.files.remove(&(kind, id.to_owned())),
        };
    }

    /// Whether any item is recorded for the item (main-file items are not).
    pub fn knows(&self, kind: ItemKind, id: &str) -> bool {
        self.files.contains_key(&(kind, id.to_owned()))
    }
}

/// One included file as read.
pub(super) struct IncludedFile {
    /// Its path relative to the main file.
    pub relative: String,
    /// Its name in messages (the main file's folder joined with `relative`).
    pub name: String,
    /// Its text.
    pub text: String,
    /// What it holds.
    pub part: ScenarioPart,
}

/// Lists the file names in a folder given relative to the main file.
pub(super) type ListFolder<'a> = &'a dyn Fn(&str) -> Result<Vec<String>, PathError>;

/// Reads a file given relative to the main file, as a kind of file (its size limit).
pub(super) type ReadSibling<'a> = &'a dyn Fn(&str, FileKind) -> Result<String, PathError>;

/// How to read the files beside the main one: a file's text, a folder's file names.
pub(super) struct Siblings<'a> {
    pub read: ReadSibling<'a>,
    pub list: Option<ListFolder<'a>>,
}

/// The included files' paths, folders expanded, each once, in the order listed.
pub(super) fn expand(
    scenario: &Scenario,
    siblings: &Siblings<'_>,
    report: &mut dyn FnMut(&str, String),
) -> Vec<String> {
    let mut relatives: Vec<String> = Vec::new();
    for entry in &scenario.includes {
        if !entry.ends_with('/') {
            relatives.push(entry.clone());
            continue;
        }
        let listed = match siblings.list {
            Some(list) => list(entry),
            None => Err(PathError::Io(std::io::Error::other(
                "folders can be included only from a file",
            ))),
        };
        match listed {
            Ok(mut names) => {
                names.retain(|name| name.ends_with(".ron"));
                names.sort();
                relatives.extend(names.into_iter().map(|name| format!("{entry}{name}")));
            }
            // A folder not made yet (nothing was ingested) holds nothing.
            Err(PathError::Io(err)) if err.kind() == std::io::ErrorKind::NotFound => {}
            Err(err) => report(
                entry,
                err.message("includes", entry, "cannot list the included folder"),
            ),
        }
    }
    let mut seen = BTreeSet::new();
    relatives.retain(|relative| seen.insert(relative.clone()));
    relatives
}

/// Reads and parses every included file; problems are located in the main file (a
/// file that cannot be read) or in the included file (its syntax).
pub(super) fn read_includes(
    scenario: &Scenario,
    name: &str,
    main_text: &str,
    siblings: &Siblings<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<IncludedFile> {
    let locator = Locator::new(main_text);
    let mut report = |entry: &str, message: String| {
        let offset = locator.field_after(0, "includes", Some(entry));
        let (line, col) = locator.line_col(offset);
        diagnostics.push(Diagnostic {
            file: name.to_owned(),
            line,
            col,
            message,
        });
    };
    let folder = Path::new(name).parent().unwrap_or(Path::new(""));
    let mut files = Vec::new();
    let mut parse_errors = Vec::new();
    for relative in expand(scenario, siblings, &mut report) {
        let text = match (siblings.read)(&relative, FileKind::Include) {
            Ok(text) => text,
            Err(err) => {
                let entry = if scenario.includes.contains(&relative) {
                    relative.clone()
                } else {
                    relative
                        .rsplit_once('/')
                        .map_or("", |(dir, _)| dir)
                        .to_owned()
                        + "/"
                };
                report(
                    &entry,
                    err.message("includes", &relative, "cannot read the included file"),
                );
                continue;
            }
        };
        let name = folder.join(&relative).display().to_string();
        match super::parse_ron::<ScenarioPart>(&name, &text) {
            Ok(part) => files.push(IncludedFile {
                relative,
                name,
                text,
                part,
            }),
            Err(err) => parse_errors.extend(err.diagnostics),
        }
    }
    diagnostics.extend(parse_errors);
    files
}

/// Adds the included files' items to `scenario` (claims after its own, file by file),
/// reporting an id used in two files where the later one uses it; returns which file
/// each added item came from.
pub(super) fn merge(
    scenario: &mut Scenario,
    files: &[IncludedFile],
    name: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Origins {
    let mut origins = Origins::default();
    if files.is_empty() {
        return origins;
    }
    // Where each id was first seen: the main file (None) or an included file.
    let mut seen: FxHashMap<(ItemKind, String), Option<usize>> = FxHashMap::default();
    let main_ids = item_ids(scenario);
    for (kind, id) in main_ids {
        seen.entry((kind, id.clone())).or_insert(None);
    }
    for (index, file) in files.iter().enumerate() {
        let locator = Locator::new(&file.text);
        let part = &file.part;
        let ids = part
            .sources
            .iter()
            .map(|s| (ItemKind::Source, &s.id))
            .chain(part.documents.iter().map(|d| (ItemKind::Document, &d.id)))
            .chain(part.places.iter().map(|p| (ItemKind::Place, &p.id)))
            .chain(part.claims.iter().map(|c| (ItemKind::Claim, &c.id)));
        for (kind, id) in ids {
            let first = *seen.entry((kind, id.clone())).or_insert(Some(index));
            if first == Some(index) {
                // New here, or repeated within this file (its own check reports that).
                origins.set(kind, id, Some(&file.relative));
                continue;
            }
            let other = first.map_or(name, |other| files[other].name.as_str());
            let (line, col) = locator.line_col(locator.item_in(kind.section(), id, 0));
            diagnostics.push(Diagnostic {
                file: file.name.clone(),
                line,
                col,
                message: format!(
                    "duplicate id {id:?} in {}: already in {other}",
                    kind.section()
                ),
            });
        }
        scenario.sources.extend(part.sources.iter().cloned());
        scenario.documents.extend(part.documents.iter().cloned());
        scenario.places.extend(part.places.iter().cloned());
        scenario.claims.extend(part.claims.iter().cloned());
    }
    origins
}

/// Where an item of an included file is written: its file's name and the line and
/// column of `field` (with `value`) in it.
pub(super) fn locate_in_files(
    files: &[IncludedFile],
    relative: &str,
    kind: ItemKind,
    id: &str,
    field: &str,
    value: Option<&str>,
) -> Option<(String, usize, usize)> {
    let file = files.iter().find(|file| file.relative == relative)?;
    let locator = Locator::new(&file.text);
    let item = locator.item_in(kind.section(), id, 0);
    let (line, col) = locator.line_col(locator.field_after(item, field, value));
    Some((file.name.clone(), line, col))
}
