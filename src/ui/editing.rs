//! Changing the scenario from the window. Every change is an [`Edit`] applied through
//! the app's [`Workspace`] (so it can be undone and saved); the world is then rebuilt
//! from the workspace's scenario and the status bar says what the change did to the
//! selected place.

use std::path::{Path, PathBuf};

use super::FrontlineApp;
use crate::control::PlaceState;
use crate::edit::{Edit, EditError, Workspace};
use crate::io::{Origins, Project};
use crate::model::Scenario;

/// A workspace with no file of its own (the embedded default scenario, or one whose
/// file could not be opened for editing): Save asks where to save it.
pub fn pathless_workspace(scenario: Scenario) -> Workspace {
    let project = Project {
        scenario,
        origins: Origins::default(),
        base_hash: String::new(),
    };
    Workspace::from_project(Path::new(crate::io::DEFAULT_SCENARIO_NAME), project)
}

/// The workspace for `scenario` read from `file`: the file opened for editing (which
/// knows its included files), else a pathless one (then the file is `None`).
pub fn workspace_for(scenario: Scenario, file: Option<&Path>) -> (Workspace, Option<PathBuf>) {
    if let Some(file) = file
        && let Ok(workspace) = Workspace::open(file)
    {
        return (workspace, Some(file.to_owned()));
    }
    (pathless_workspace(scenario), None)
}

/// What the selected place looked like before a change, to say what the change did.
struct Before {
    place: Option<(String, PlaceState)>,
    document_claim: Option<String>,
}

impl FrontlineApp {
    /// Applies `edit` as one undo step and shows the result at once. A refused edit
    /// changes nothing; its reason is returned and shown in the status bar.
    pub fn edit(&mut self, edit: Edit) -> Result<(), EditError> {
        let what = describe(&edit);
        let before = self.before_change();
        match self.workspace.apply(edit.clone()) {
            Ok(()) => {
                self.after_change(before, &capitalised(&what), Some(&edit));
                Ok(())
            }
            Err(err) => {
                self.notice = Some(format!("Not applied ({what}): {err}"));
                Err(err)
            }
        }
    }

    /// Undoes the newest edit, if any.
    pub fn undo(&mut self) {
        let Some(what) = self.undo_label() else {
            return;
        };
        let before = self.before_change();
        let inverse = self.workspace.history().next_undo().cloned();
        match self.workspace.undo() {
            Ok(true) => self.after_change(before, &format!("Undid: {what}"), inverse.as_ref()),
            Ok(false) => {}
            Err(err) => self.notice = Some(format!("Cannot undo {what}: {err}")),
        }
    }

    /// Redoes the newest undone edit, if any.
    pub fn redo(&mut self) {
        let Some(what) = self.redo_label() else {
            return;
        };
        let before = self.before_change();
        let again = self.workspace.history().next_redo().cloned();
        match self.workspace.redo() {
            Ok(true) => self.after_change(before, &format!("Redid: {what}"), again.as_ref()),
            Ok(false) => {}
            Err(err) => self.notice = Some(format!("Cannot redo {what}: {err}")),
        }
    }

    /// What Undo would undo ("add claim c-101"), if anything.
    pub fn undo_label(&self) -> Option<String> {
        self.workspace.history().next_undo().map(describe_undone)
    }

    /// What Redo would redo, if anything.
    pub fn redo_label(&self) -> Option<String> {
        self.workspace.history().next_redo().map(describe)
    }

    fn before_change(&self) -> Before {
        let scenario = self.world.scenario();
        let place = self.selected.and_then(|p| {
            let place = scenario.places.get(p)?;
            Some((place.id.clone(), *self.world.resolution.places.get(p)?))
        });
        let document_claim = self
            .panels
            .document
            .as_ref()
            .and_then(|window| scenario.claims.get(window.claim))
            .map(|claim| claim.id.clone());
        Before {
            place,
            document_claim,
        }
    }

    /// Brings the world up to the workspace (the engine follows `applied`, the edit the
    /// workspace just applied, incrementally where it can), keeps the selection and the
    /// document window on the same items (by id), and says what changed.
    fn after_change(&mut self, before: Before, what: &str, applied: Option<&Edit>) {
        let followed = applied.is_some_and(|edit| self.world.follow(edit).is_ok());
        if !followed {
            self.world
                .replace_scenario(self.workspace.scenario().clone());
        }
        let scenario = self.world.scenario();
        self.selected = before
            .place
            .as_ref()
            .and_then(|(id, _)| scenario.place_index(id));
        let claim = before
            .document_claim
            .and_then(|id| scenario.claims.iter().position(|c| c.id == id));
        match (claim, self.panels.document.as_mut()) {
            (Some(c), Some(window)) => window.claim = c,
            _ => self.panels.document = None,
        }
        self.refresh();
        let mut notice = what.to_owned();
        if let (Some((_, old)), Some(p)) = (before.place, self.selected) {
            notice = format!("{notice}. {}", self.place_change(p, old));
        }
        self.notice = Some(notice);
    }

    /// "Homs: government, contested -> rebels, claimed" (the window font has no arrow), or "Homs: unchanged (...)".
    fn place_change(&self, p: usize, old: PlaceState) -> String {
        let scenario = self.world.scenario();
        let name = scenario
            .places
            .get(p)
            .map_or("?", |place| place.name.as_str());
        let words = |state: PlaceState| {
            let holder = state
                .controller
                .and_then(|f| scenario.factions.get(usize::from(f)))
                .map_or("no one", |f| f.short.as_str());
            format!("{holder}, {}", state.status.as_str())
        };
        let Some(&new) = self.world.resolution.places.get(p) else {
            return format!("{name}: {}", words(old));
        };
        if new.controller == old.controller && new.status == old.status {
            format!("{name}: unchanged ({})", words(new))
        } else {
            format!("{name}: {} -> {}", words(old), words(new))
        }
    }
}

/// "Add claim c-101" from "add claim c-101".
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// What an edit does, in a few words: "add claim c-101", "add article reuters-2024-12-08
/// (2 claims)".
pub fn describe(edit: &Edit) -> String {
    match edit {
        Edit::AddClaim(claim) | Edit::InsertClaim { claim, .. } => {
            format!("add claim {}", claim.id)
        }
        Edit::ChangeClaim { id, .. } => format!("change claim {id}"),
        Edit::RemoveClaim { id } => format!("remove claim {id}"),
        Edit::AddSource(source) => format!("add source {}", source.id),
        Edit::ChangeSource { id, .. } => format!("change source {id}"),
        Edit::RemoveSource { id } => format!("remove source {id}"),
        Edit::AddPlace(place) => format!("add place {}", place.id),
        Edit::ChangePlace { id, .. } => format!("change place {id}"),
        Edit::RemovePlace { id } => format!("remove place {id}"),
        Edit::AddDocument { document, .. } => format!("add document {}", document.id),
        Edit::RemoveDocument { id } => format!("remove document {id}"),
        Edit::AddFaction(faction) => format!("add faction {}", faction.id),
        Edit::RemoveFaction { id } => format!("remove faction {id}"),
        Edit::Batch(edits) => describe_batch(edits, false),
    }
}

/// What the edit whose inverse is `inverse` did (the Undo menu names the edit undone,
/// while the history keeps its inverse).
pub fn describe_undone(inverse: &Edit) -> String {
    match inverse {
        Edit::RemoveClaim { id } => format!("add claim {id}"),
        Edit::AddClaim(claim) | Edit::InsertClaim { claim, .. } => {
            format!("remove claim {}", claim.id)
        }
        Edit::RemoveSource { id } => format!("add source {id}"),
        Edit::AddSource(source) => format!("remove source {}", source.id),
        Edit::RemovePlace { id } => format!("add place {id}"),
        Edit::AddPlace(place) => format!("remove place {}", place.id),
        Edit::RemoveDocument { id } => format!("add document {id}"),
        Edit::AddDocument { document, .. } => format!("remove document {}", document.id),
        Edit::RemoveFaction { id } => format!("add faction {id}"),
        Edit::AddFaction(faction) => format!("remove faction {}", faction.id),
        Edit::Batch(edits) => describe_batch(edits, true),
        change => describe(change),
    }
}

/// A batch: an article with its claims, or its edits counted.
fn describe_batch(edits: &[Edit], inverse: bool) -> String {
    let document = edits.iter().find_map(|edit| match (edit, inverse) {
        (Edit::AddDocument { document, .. }, false) => Some(document.id.as_str()),
        (Edit::RemoveDocument { id }, true) => Some(id.as_str()),
        _ => None,
    });
    let claims = edits
        .iter()
        .filter(|edit| {
            matches!(
                (edit, inverse),
                (Edit::AddClaim(_) | Edit::InsertClaim { .. }, false)
                    | (Edit::RemoveClaim { .. }, true)
            )
        })
        .count();
    let plural = if claims == 1 { "" } else { "s" };
    match (document, edits) {
        (Some(id), _) => format!("add article {id} ({claims} claim{plural})"),
        (None, [only]) if inverse => describe_undone(only),
        (None, [only]) => describe(only),
        (None, _) => format!("{} edits", edits.len()),
    }
}
