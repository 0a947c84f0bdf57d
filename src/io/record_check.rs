//! Checking the dataset records edited claims cite, as loading checks them: the record
//! must be in its dataset, beside the scenario file, with the text the claim quotes.
//! Each dataset is read (within the read policy) and split into records once.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::datasets::{record_problem, records_of};
use super::sandbox::{FileKind, ReadPolicy, canonical};
use crate::model::Record;

/// The records of each dataset read so far, or why it could not be read.
type Read = Result<BTreeMap<String, String>, String>;

/// Checks records against the datasets beside one scenario file.
pub struct RecordChecker {
    folder: PathBuf,
    policy: ReadPolicy,
    datasets: BTreeMap<String, Read>,
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
        let (folder, policy) = (&self.folder, &self.policy);
        let read = self
            .datasets
            .entry(record.dataset.clone())
            .or_insert_with(|| {
                let text = policy
                    .read_inside(folder, &record.dataset, FileKind::Dataset)
                    .map_err(|err| {
                        err.message("dataset", &record.dataset, "cannot read dataset")
                    })?;
                records_of(&record.dataset, &text)
                    .map_err(|err| format!("dataset {:?}: {err}", record.dataset))
            });
        match read {
            Err(message) => Some(message.clone()),
            Ok(records) => record_problem(record, records),
        }
    }
}
