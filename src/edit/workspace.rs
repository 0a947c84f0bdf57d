//! A scenario open for editing: its path, its history, which file each item belongs
//! to, and which files changed since the last save.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use super::command::{Edit, EditError};
use super::history::History;
use crate::io::{ItemKind, LoadError, Origins, Project};
use crate::model::Scenario;

/// An item, by kind and id.
type Key = (ItemKind, String);

/// A scenario being edited, with everything needed to save it to its own files.
#[derive(Clone, Debug)]
pub struct Workspace {
    scenario: Scenario,
    path: PathBuf,
    history: History,
    origins: Origins,
    /// The included file new items go to (relative to the main file); `None`: the main file.
    added_file: Option<String>,
    /// The file each removed item came from, for putting it back where it was.
    former: BTreeMap<Key, Option<String>>,
    /// Files whose items changed since the last save (`None`: the main file).
    changed: BTreeSet<Option<String>>,
    /// Every edit applied since the last save, undos and redos included: replayed on
    /// the saved files it gives the scenario as it is.
    journal: Vec<Edit>,
    /// Hash of the files as last loaded or saved.
    base_hash: String,
    /// The includes of the main file as last loaded or saved (what `base_hash` hashed).
    base_includes: Vec<String>,
    /// The datasets read to check the records edited claims cite (read again when
    /// they change on disk).
    records: crate::io::RecordChecker,
    /// Whether the main file's includes changed since the last save.
    includes_changed: bool,
}

impl Workspace {
    /// Opens a scenario file and its included files for editing, first finishing a
    /// save that was interrupted after it had written every file.
    pub fn open(path: &Path) -> Result<Self, LoadError> {
        crate::io::finish_interrupted_save(path)
            .map_err(|err| LoadError::whole_file(&path.display().to_string(), err.to_string()))?;
        Ok(Self::from_project(path, crate::io::load_project(path)?))
    }

    /// A workspace for a project already loaded from `path`.
    pub fn from_project(path: &Path, project: Project) -> Self {
        Self {
            records: crate::io::RecordChecker::for_scenario_file(path),
            base_includes: project.scenario.includes.clone(),
            scenario: project.scenario,
            path: path.to_owned(),
            history: History::default(),
            origins: project.origins,
            added_file: None,
            former: BTreeMap::new(),
            changed: BTreeSet::new(),
            journal: Vec::new(),
            base_hash: project.base_hash,
            includes_changed: false,
        }
    }

    /// The scenario as edited.
    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    /// The main scenario file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The undo and redo steps.
    pub fn history(&self) -> &History {
        &self.history
    }

    /// Which included file each item belongs to.
    pub fn origins(&self) -> &Origins {
        &self.origins
    }

    /// The included file new items go to, if not the main file.
    pub fn added_file(&self) -> Option<&str> {
        self.added_file.as_deref()
    }

    /// Hash of the files as last loaded or saved.
    pub fn base_hash(&self) -> &str {
        &self.base_hash
    }

    /// The main file's includes as last loaded or saved (the files `base_hash` covers).
    pub fn base_includes(&self) -> &[String] {
        &self.base_includes
    }

    /// The edits applied since the last save, in order.
    pub fn journal(&self) -> &[Edit] {
        &self.journal
    }

    /// The files to write: those whose items changed since the last save (`None`:
    /// the main file).
    pub fn changed_files(&self) -> &BTreeSet<Option<String>> {
        &self.changed
    }

    /// Whether there is anything to save.
    pub fn is_dirty(&self) -> bool {
        self.history.is_dirty() || self.includes_changed
    }

    /// Sends new items to the included file `relative` (e.g. `added/2024-12-08.ron`),
    /// adding it to the main file's includes unless a listed folder already covers it
    /// (so ingesting into an included folder never rewrites the main file).
    pub fn set_added_file(&mut self, relative: &str) {
        let covered = self.scenario.includes.iter().any(|entry| {
            entry == relative
                || (entry.ends_with('/')
                    && relative
                        .strip_prefix(entry.as_str())
                        .is_some_and(|rest| !rest.contains('/')))
        });
        if !covered {
            self.scenario.includes.push(relative.to_owned());
            self.changed.insert(None);
            self.includes_changed = true;
        }
        self.changed.insert(Some(relative.to_owned()));
        self.added_file = Some(relative.to_owned());
    }

    /// Applies an edit as a new undo step. A claim it adds or changes that cites a
    /// dataset record is checked against the dataset beside the scenario file first,
    /// as loading checks it (undo and redo restore what was accepted, unchecked).
    pub fn apply(&mut self, edit: Edit) -> Result<(), EditError> {
        super::records::check_records(&mut self.records, &edit)?;
        let edit = self.placed(edit);
        let before = self.presence(&edit);
        let applied = self.history.apply(&mut self.scenario, edit)?;
        self.record(applied, before);
        Ok(())
    }

    /// Undoes the newest edit; false when there was none.
    pub fn undo(&mut self) -> Result<bool, EditError> {
        let Some(next) = self.history.next_undo() else {
            return Ok(false);
        };
        let before = self.presence(next);
        let Some(applied) = self.history.undo(&mut self.scenario)? else {
            return Ok(false);
        };
        self.record(applied, before);
        Ok(true)
    }

    /// Redoes the newest undone edit; false when there was none.
    pub fn redo(&mut self) -> Result<bool, EditError> {
        let Some(next) = self.history.next_redo() else {
            return Ok(false);
        };
        let before = self.presence(next);
        let Some(applied) = self.history.redo(&mut self.scenario)? else {
            return Ok(false);
        };
        self.record(applied, before);
        Ok(true)
    }

    /// The edit with each added claim put among the claims of the file it goes to, in
    /// the order loading gives (the main file's, then each included file's), so that
    /// saving and loading again gives the same order.
    fn placed(&self, edit: Edit) -> Edit {
        self.placed_with(edit, &mut std::collections::HashMap::new())
    }

    /// [`Self::placed`], remembering in `before_by_file` the claim each file's new
    /// claims go before (a batch of thousands asks once per file, not once per claim).
    fn placed_with(
        &self,
        edit: Edit,
        before_by_file: &mut std::collections::HashMap<Option<String>, Option<String>>,
    ) -> Edit {
        match edit {
            Edit::AddClaim(claim) => {
                let key = (ItemKind::Claim, claim.id.clone());
                let file = match self.former.get(&key) {
                    Some(file) => file.clone(),
                    None => self.added_file.clone(),
                };
                let before = before_by_file
                    .entry(file)
                    .or_insert_with_key(|file| self.first_claim_after(file.as_deref()))
                    .clone();
                Edit::InsertClaim { claim, before }
            }
            Edit::Batch(edits) => Edit::Batch(
                edits
                    .into_iter()
                    .map(|e| self.placed_with(e, before_by_file))
                    .collect(),
            ),
            edit => edit,
        }
    }

    /// The first claim of a file loaded after `file`: where `file`'s new claims go.
    fn first_claim_after(&self, file: Option<&str>) -> Option<String> {
        let rank = self.file_rank(file);
        self.scenario
            .claims
            .iter()
            .find(|other| {
                let file = self.origins.file_of(ItemKind::Claim, &other.id);
                self.file_rank(file) > rank
            })
            .map(|other| other.id.clone())
    }

    /// Where a file's claims come when loaded: the main file's first, then by the
    /// include that lists the file (a folder's files by name).
    fn file_rank<'a>(&self, file: Option<&'a str>) -> (usize, &'a str) {
        let Some(file) = file else {
            return (0, "");
        };
        let entry = self.scenario.includes.iter().position(|entry| {
            entry == file
                || (entry.ends_with('/')
                    && file
                        .strip_prefix(entry.as_str())
                        .is_some_and(|rest| !rest.contains('/')))
        });
        (entry.map_or(usize::MAX, |entry| entry + 1), file)
    }

    /// The items an edit concerns, each with whether it is in the scenario now.
    fn presence(&self, edit: &Edit) -> Vec<(Key, bool, bool)> {
        let mut keys = edit.items();
        keys.sort();
        keys.dedup();
        let factions = edit.touches_factions();
        let claims = self.claim_ids();
        keys.into_iter()
            .map(|key| {
                let exists = self.exists(&key, &claims);
                (key, exists, factions)
            })
            .collect()
    }

    /// The claims' ids, for asking about many claims (a batch of thousands) at once.
    fn claim_ids(&self) -> std::collections::HashSet<&str> {
        self.scenario.claims.iter().map(|c| c.id.as_str()).collect()
    }

    fn exists(&self, (kind, id): &Key, claims: &std::collections::HashSet<&str>) -> bool {
        let scenario = &self.scenario;
        match kind {
            ItemKind::Claim => claims.contains(id.as_str()),
            ItemKind::Source => scenario.source_index(id).is_some(),
            ItemKind::Document => scenario.document_index(id).is_some(),
            ItemKind::Place => scenario.place_index(id).is_some(),
        }
    }

    /// Notes which files an applied edit changed and where new items belong.
    fn record(&mut self, applied: Edit, before: Vec<(Key, bool, bool)>) {
        if applied.touches_factions() {
            self.changed.insert(None);
        }
        let now: Vec<bool> = {
            let claims = self.claim_ids();
            before
                .iter()
                .map(|(key, _, _)| self.exists(key, &claims))
                .collect()
        };
        for ((key, existed, _), exists) in before.into_iter().zip(now) {
            let (kind, id) = (key.0, key.1.as_str());
            if existed && !exists {
                self.former.insert(
                    key.clone(),
                    self.origins.file_of(kind, id).map(str::to_owned),
                );
            } else if !existed && exists {
                let file = self
                    .former
                    .remove(&key)
                    .unwrap_or_else(|| self.added_file.clone());
                self.origins.set(kind, id, file.as_deref());
            }
            let file = match self.origins.file_of(kind, id) {
                Some(file) => Some(file.to_owned()),
                None if exists => None,
                None => self.former.get(&key).cloned().flatten(),
            };
            self.changed.insert(file);
        }
        self.journal.push(applied);
    }

    /// Records that every file was just saved, and the hash of what was written.
    pub fn mark_saved(&mut self, base_hash: String) {
        self.history.mark_saved();
        self.changed.clear();
        self.journal.clear();
        self.base_hash = base_hash;
        self.base_includes = self.scenario.includes.clone();
        self.includes_changed = false;
    }

    /// Moves the documents and region geometry the scenario names above its folder
    /// inside it, keeping the rest of their paths (`../documents/a.txt` becomes
    /// `documents/a.txt`), so that a whole copy written elsewhere holds every file it
    /// names; returns whether any path changed.
    pub fn keep_named_files_inside(&mut self) -> bool {
        let inside = |relative: &str| -> Option<String> {
            let parts: Vec<&str> = relative
                .split(['/', '\\'])
                .filter(|part| !part.is_empty() && *part != "." && *part != "..")
                .collect();
            let moved = parts.join("/");
            (moved != relative && !moved.is_empty()).then_some(moved)
        };
        let mut changed = false;
        for document in &mut self.scenario.documents {
            if let Some(moved) = inside(&document.text_file) {
                document.text_file = moved;
                changed = true;
            }
        }
        if let Some(moved) = self.scenario.region_geometry.as_deref().and_then(inside) {
            self.scenario.region_geometry = Some(moved);
            changed = true;
        }
        changed
    }

    /// Moves the workspace to a new main file (after saving a copy there).
    pub fn move_to(&mut self, path: &Path) {
        self.path = path.to_owned();
        self.records = crate::io::RecordChecker::for_scenario_file(path);
    }

    /// Saves the changed files ([`crate::io::save`]), marks the workspace saved and
    /// removes its recovery file from `recovery_dir`, if given. On an error nothing is
    /// marked: the edits stay in memory, unsaved. Files another program changed since
    /// the last load or save are not overwritten ([`crate::io::SaveError::ChangedOnDisk`]).
    pub fn save(
        &mut self,
        recovery_dir: Option<&Path>,
    ) -> Result<crate::io::SaveReport, crate::io::SaveError> {
        self.save_then_forget_recovery(crate::io::save(self)?, recovery_dir)
    }

    /// [`Workspace::save`] even over files another program changed since the last load
    /// or save: the user chose to keep this version.
    pub fn save_over_disk_changes(
        &mut self,
        recovery_dir: Option<&Path>,
    ) -> Result<crate::io::SaveReport, crate::io::SaveError> {
        let report = crate::io::save_over_disk_changes(self)?;
        self.save_then_forget_recovery(report, recovery_dir)
    }

    fn save_then_forget_recovery(
        &mut self,
        report: crate::io::SaveReport,
        recovery_dir: Option<&Path>,
    ) -> Result<crate::io::SaveReport, crate::io::SaveError> {
        self.mark_saved(report.base_hash.clone());
        if let Some(dir) = recovery_dir {
            // The save succeeded; a recovery file left behind only offers edits that
            // no longer apply (its base hash differs), so failing to remove it is no
            // reason to report the save as failed.
            let _ = crate::io::remove_recovery(dir, &self.path);
        }
        Ok(report)
    }
}
