//! What a save writes: the main file with its own items, each included file with its
//! items, and documents' texts not yet on disk, all as stable, sorted RON.

use std::collections::BTreeSet;
use std::path::Path;

use super::save::{Planned, SaveError};
use super::{ItemKind, ScenarioPart, file_ron, scenario_to_ron};
use crate::edit::Workspace;
use crate::model::Scenario;

/// The main file's text: the scenario without the included files' items.
fn main_text(workspace: &Workspace) -> Result<Vec<u8>, SaveError> {
    let origins = workspace.origins();
    let whole = workspace.scenario();
    let main = |kind: ItemKind, id: &str| origins.file_of(kind, id).is_none();
    let own = Scenario {
        sources: whole
            .sources
            .iter()
            .filter(|s| main(ItemKind::Source, &s.id))
            .cloned()
            .collect(),
        documents: whole
            .documents
            .iter()
            .filter(|d| main(ItemKind::Document, &d.id))
            .cloned()
            .collect(),
        places: whole
            .places
            .iter()
            .filter(|p| main(ItemKind::Place, &p.id))
            .cloned()
            .collect(),
        claims: whole
            .claims
            .iter()
            .filter(|c| main(ItemKind::Claim, &c.id))
            .cloned()
            .collect(),
        ..whole.clone()
    };
    Ok(scenario_to_ron(&own)?.into_bytes())
}

/// An included file's text: its items, sources, documents and places sorted by id,
/// claims in the scenario's order.
fn part_text(workspace: &Workspace, relative: &str) -> Result<Vec<u8>, SaveError> {
    let origins = workspace.origins();
    let whole = workspace.scenario();
    let here = |kind: ItemKind, id: &str| origins.file_of(kind, id) == Some(relative);
    let mut part = ScenarioPart {
        sources: whole
            .sources
            .iter()
            .filter(|s| here(ItemKind::Source, &s.id))
            .cloned()
            .collect(),
        documents: whole
            .documents
            .iter()
            .filter(|d| here(ItemKind::Document, &d.id))
            .cloned()
            .collect(),
        places: whole
            .places
            .iter()
            .filter(|p| here(ItemKind::Place, &p.id))
            .cloned()
            .collect(),
        claims: whole
            .claims
            .iter()
            .filter(|c| here(ItemKind::Claim, &c.id))
            .cloned()
            .collect(),
    };
    part.sources.sort_by(|a, b| a.id.cmp(&b.id));
    part.documents.sort_by(|a, b| a.id.cmp(&b.id));
    part.places.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(file_ron(&part)?.into_bytes())
}

/// The files whose items changed since the last save, and the texts of their
/// documents that are not on disk as they are in memory.
pub(super) fn plan_changed(workspace: &Workspace) -> Result<Vec<Planned>, SaveError> {
    let folder = workspace.path().parent().unwrap_or(Path::new("."));
    let changed = workspace.changed_files();
    let mut planned = Vec::new();
    for file in changed {
        planned.push(match file {
            None => Planned {
                path: workspace.path().to_owned(),
                bytes: main_text(workspace)?,
            },
            Some(relative) => Planned {
                path: folder.join(relative),
                bytes: part_text(workspace, relative)?,
            },
        });
    }
    let origins = workspace.origins();
    for document in &workspace.scenario().documents {
        let file = origins
            .file_of(ItemKind::Document, &document.id)
            .map(str::to_owned);
        let path = folder.join(&document.text_file);
        let on_disk = std::fs::read(&path).ok();
        if changed.contains(&file) && on_disk.as_deref() != Some(document.text.as_bytes()) {
            planned.push(Planned {
                path,
                bytes: document.text.clone().into_bytes(),
            });
        }
    }
    Ok(planned)
}

/// Every file of the workspace, as if its main file were `path`.
pub(super) fn plan_everything(
    workspace: &Workspace,
    path: &Path,
    geometry_bytes: Option<Vec<u8>>,
) -> Result<Vec<Planned>, SaveError> {
    let folder = path.parent().unwrap_or(Path::new("."));
    let scenario = workspace.scenario();
    let mut planned = vec![Planned {
        path: path.to_owned(),
        bytes: main_text(workspace)?,
    }];
    let origins = workspace.origins();
    let mut parts: BTreeSet<&str> = scenario
        .includes
        .iter()
        .filter(|entry| !entry.ends_with('/'))
        .map(String::as_str)
        .collect();
    let items = super::include::item_ids(scenario);
    for (kind, id) in items {
        parts.extend(origins.file_of(kind, id));
    }
    for relative in parts {
        planned.push(Planned {
            path: folder.join(relative),
            bytes: part_text(workspace, relative)?,
        });
    }
    for document in &scenario.documents {
        planned.push(Planned {
            path: folder.join(&document.text_file),
            bytes: document.text.clone().into_bytes(),
        });
    }
    if let (Some(geometry), Some(bytes)) = (&scenario.region_geometry, geometry_bytes) {
        planned.push(Planned {
            path: folder.join(geometry),
            bytes,
        });
    }
    Ok(planned)
}
