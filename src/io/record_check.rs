//! Checking the dataset records edited claims cite, as loading checks them: the record
//! must be in its dataset, beside the scenario file, with the text the claim quotes.
//! Each dataset is read (within the read policy) and split into records once, and read
//! again only when its size or modification time changed, so a workspace keeps one
//! checker for all its edits.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use super::datasets::{record_problem, records_of};
use super::sandbox::{FileKind, ReadPolicy, canonical};
use crate::model::Record;

/// The records of a dataset, or why it could not be read.
type Read = Result<Arc<BTreeMap<String, String>>, String>;

/// A file's size and modification time, when it has them.
type Stamp = Option<(u64, SystemTime)>;

/// Checks records against the datasets beside one scenario file.
#[derive(Clone, Debug)]
pub struct RecordChecker {
    folder: PathBuf,
    policy: ReadPolicy,
    /// Each dataset read so far, with the stamp it had when read.
    datasets: BTreeMap<String, (Stamp, Read)>,
}

impl RecordChecker {
    /// A checker for records cited by the scenario at `scenario_file`.
    pub fn for_scenario_file(scenario_file: &Path) -> Self {
        Self {
            folder: canonical(scenario_file.parent().unwrap_or(Path::new("."))),
            policy: ReadPolicy::for_file(scenario_file),
            datasets: BTreeMap::new(),
        }
    }

    /// What is wrong with `record`, if anything: its dataset cannot be read, has no
    /// such record, or holds other text there (the words loading would use).
    pub fn problem(&mut self, record: &Record) -> Option<String> {
        let stamp: Stamp = std::fs::metadata(self.folder.join(&record.dataset))
            .ok()
            .and_then(|meta| Some((meta.len(), meta.modified().ok()?)));
        let fresh = matches!(
            self.datasets.get(&record.dataset),
            Some((seen, _)) if seen.is_some() && *seen == stamp
        );
        if !fresh {
            let read = self.read(&record.dataset);
            self.datasets.insert(record.dataset.clone(), (stamp, read));
        }
        let (_, read) = self.datasets.get(&record.dataset)?;
        match read {
            Err(message) => Some(message.clone()),
            Ok(records) => record_problem(record, records),
        }
    }

    /// The records of the dataset at `dataset` (relative to the scenario's folder).
    fn read(&self, dataset: &str) -> Read {
        let text = self
            .policy
            .read_inside(&self.folder, dataset, FileKind::Dataset)
            .map_err(|err| err.message("dataset", dataset, "cannot read dataset"))?;
        records_of(dataset, &text)
            .map(Arc::new)
            .map_err(|err| format!("dataset {dataset:?}: {err}"))
    }
}
