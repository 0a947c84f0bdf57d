//! Reading and checking scenario files: RON parsing, sibling documents, validation,
//! and errors located as `file:line:col: message`.

mod bulk;
mod cache;
pub mod datasets;
mod diagnostic;
mod disk_change;
mod embedded;
mod geometry;
mod include;
mod kml;

mod load;
mod load_file;
mod locate;
mod problems;
mod project;
mod quote_miss;
mod quotes;
mod record_check;
mod recovery;
pub mod sandbox;
mod save;
mod save_plan;
mod unknown_field;
mod validate;
mod write;
mod write_ron;

pub use crate::suggest::did_you_mean;
pub use diagnostic::{Diagnostic, LoadError};
pub use disk_change::{DiskChange, DiskStamps, disk_change};
pub use embedded::{DEFAULT_SCENARIO_NAME, default_scenario, default_scenario_text};
pub use problems::{MAX_DIAGNOSTICS, Problems};

pub use bulk::{claims_jsonl, parse_claims_jsonl};
pub use cache::{Cache, disable_cache};
pub use include::{ItemKind, Origins, ScenarioPart};
pub use load::{load_scenario_in, load_scenario_str, parse_ron};
pub use load_file::{
    load_scenario_cached, load_scenario_file, load_scenario_with_claims, load_scenario_with_policy,
};
pub use locate::Locator;
pub use project::{Project, hash_files, included_files, load_project};
pub use record_check::RecordChecker;
pub use recovery::{
    Recovery, RecoveryError, autosave, find_recovery, find_recovery_in, recovery_dir,
    recovery_path, remove_recovery, restore,
};
pub use sandbox::{FileKind, PathError, ReadPolicy};
pub use save::{
    NoHook, SaveError, SaveHook, SaveReport, SaveStep, finish_interrupted_save, save, save_as,
    save_over_disk_changes, save_with,
};
pub use validate::{
    BulkClaims, ClaimChecker, FieldProblem, check_claim, validate, validate_loaded, validate_part,
    validate_with_bulk,
};
pub use write::write_atomically;
pub use write_ron::{WriteRonError, file_ron, scenario_to_ron};
