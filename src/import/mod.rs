//! Import: datasets in, draft claims out. Rows of an ACLED table ([`acled`]) and
//! features of a control map ([`areas`]) become draft claims whose evidence is their
//! record ([`crate::model::Record`]), with the sources and places they need that the
//! scenario lacks. Like ingest's drafts, they are claims only once accepted, through
//! one undoable edit ([`Imported::batch`]). Nothing here knows about the window.

pub mod acled;
pub mod actors;
pub mod areas;
pub mod places;

use std::path::Path;

use serde::Serialize;

use crate::edit::Edit;
use crate::model::{Claim, Place, Scenario, Source};

/// What a dataset yields: draft claims citing its records, and the sources and places
/// they name that the scenario lacks.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Imported {
    /// The dataset's path as the claims cite it (relative to the scenario file).
    pub dataset: String,
    /// The draft claims, in the dataset's order.
    pub drafts: Vec<Claim>,
    /// Sources the drafts name that the scenario lacks.
    pub new_sources: Vec<Source>,
    /// Places the drafts name that the scenario lacks.
    pub new_places: Vec<Place>,
}

impl Imported {
    /// The one edit that adds every new source and place and every draft, applied
    /// whole or not at all (and undone as one step); `None` when there are no drafts.
    pub fn batch(&self) -> Option<Edit> {
        if self.drafts.is_empty() {
            return None;
        }
        let edits = self
            .new_sources
            .iter()
            .map(|source| Edit::AddSource(source.clone()))
            .chain(
                self.new_places
                    .iter()
                    .map(|place| Edit::AddPlace(place.clone())),
            )
            .chain(
                self.drafts
                    .iter()
                    .map(|claim| Edit::AddClaim(claim.clone())),
            )
            .collect();
        Some(Edit::Batch(edits))
    }
}

/// The claim ids in use (the scenario's and the drafts' so far), for giving each
/// draft an unused one in constant time.
#[derive(Clone, Debug, Default)]
pub struct TakenIds(std::collections::HashSet<String>);

impl TakenIds {
    /// The ids of `scenario`'s claims.
    pub fn of(scenario: &Scenario) -> Self {
        Self(scenario.claims.iter().map(|c| c.id.clone()).collect())
    }

    /// `base`, or `base-2`, `base-3`, ... : the first id not in use, now taken.
    pub fn unique(&mut self, base: &str) -> String {
        let mut id = base.to_owned();
        let mut n = 2;
        while self.0.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.0.insert(id.clone());
        id
    }
}

/// The path claims cite the dataset by: relative to the scenario's folder when the
/// dataset is inside it, else `datasets/<name>` (true: it must be copied there).
pub fn dataset_path(scenario: &Path, file: &Path) -> (String, bool) {
    let folder = scenario
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let inside = std::fs::canonicalize(folder)
        .ok()
        .zip(std::fs::canonicalize(file).ok())
        .and_then(|(folder, file)| {
            let relative = file.strip_prefix(&folder).ok()?;
            let parts: Vec<String> = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            Some(parts.join("/"))
        });
    match inside {
        Some(relative) => (relative, false),
        None => {
            let name = file.file_name().map_or_else(
                || "dataset.csv".to_owned(),
                |n| n.to_string_lossy().into_owned(),
            );
            (format!("datasets/{name}"), true)
        }
    }
}

/// Reads the ACLED file `file` for the scenario at `scenario_path` (as the window
/// imports it: the file must be inside the scenario's folder, for claims to cite it
/// there), with the built-in actor mapping.
pub fn acled_in_folder(
    scenario: &Scenario,
    scenario_path: &Path,
    file: &Path,
) -> Result<Imported, crate::io::LoadError> {
    let name = file.display().to_string();
    let whole = |message: String| crate::io::LoadError::whole_file(&name, message);
    let (dataset, outside) = dataset_path(scenario_path, file);
    if outside {
        return Err(whole(
            "the file is outside the scenario's folder: copy it there (or use `frontline import acled --apply`, which does)".to_owned(),
        ));
    }
    let kind = crate::io::FileKind::Dataset;
    let limit = crate::io::sandbox::max_file_size().unwrap_or(kind.default_limit());
    let text = crate::io::sandbox::read_file(file, kind, limit)
        .map_err(|err| whole(err.message("FILE", &name, "cannot read dataset")))?;
    let actors = actors::ActorMap::new(scenario, &[])?;
    let file = acled::AcledFile {
        name: &name,
        dataset: &dataset,
        text: &text,
    };
    acled::import_acled(scenario, file, &actors)
}
