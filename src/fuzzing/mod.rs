//! Fuzz targets: one function per kind of input Frontline reads from others (scenario
//! RON with its included files, JSON-lines claims, view snapshots, article text, the
//! command line, typed moments, ACLED tables, control maps). The AFL++ harnesses in `fuzz/` and the seeded
//! property tests in `tests/fuzz_short.rs` both call [`Target::run`], so a finding of
//! either replays in the other.
//!
//! A target checks more than "no panic": an input is either accepted or refused with
//! located diagnostics (a file the input names, line and column inside that file's
//! text); what is accepted survives a write-and-reread round trip where the format has
//! a writer; the command line exits 0 or 2. Targets read only the bytes they are given
//! and files built into the binary, and write no file.

mod imports;
mod inputs;
mod targets;

use std::time::{Duration, Instant};

use crate::io::{Diagnostic, LoadError};

pub use inputs::{MAIN_FILE, split_files};

/// An invariant an input broke, in words (the harness panics with it).
pub type Violation = String;

/// The fuzz targets, one per kind of input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// Scenario RON (formats 1 and 2) with `includes`, through
    /// [`crate::io::load_scenario_str`]; see [`split_files`] for the input's form.
    ScenarioRon,
    /// JSON-lines claims, parsed and then loaded onto the `tests/fixtures/mini.ron`
    /// scenario.
    ClaimsJsonl,
    /// A view snapshot (RON), checked and resolved against the default scenario.
    SnapshotRon,
    /// Article text read by [`crate::ingest::ingest`] against the default scenario.
    IngestArticle,
    /// Command-line arguments, one per line; commands that read only the embedded
    /// scenario are run.
    CliArgs,
    /// [`crate::model::Moment::parse`]: the first byte picks the UTC offset.
    MomentParse,
    /// An ACLED table imported onto the mini scenario ([`crate::import::acled`]).
    AcledCsv,
    /// A control map imported onto the mini scenario ([`crate::import::areas`]): the
    /// first byte picks GeoJSON (even) or KML (odd).
    Areas,
}

impl Target {
    /// Every target, in the order the fuzz script runs them.
    pub const ALL: [Target; 8] = [
        Target::ScenarioRon,
        Target::ClaimsJsonl,
        Target::SnapshotRon,
        Target::IngestArticle,
        Target::CliArgs,
        Target::MomentParse,
        Target::AcledCsv,
        Target::Areas,
    ];

    /// The target's name: its harness binary and its corpus folder `fuzz/corpus/NAME`.
    pub fn name(self) -> &'static str {
        match self {
            Target::ScenarioRon => "scenario_ron",
            Target::ClaimsJsonl => "claims_jsonl",
            Target::SnapshotRon => "snapshot_ron",
            Target::IngestArticle => "ingest_article",
            Target::CliArgs => "cli_args",
            Target::MomentParse => "moment_parse",
            Target::AcledCsv => "acled_csv",
            Target::Areas => "areas",
        }
    }

    /// The target called `name`, if any.
    pub fn from_name(name: &str) -> Option<Target> {
        Target::ALL.into_iter().find(|target| target.name() == name)
    }

    /// Feeds `data` to the target; `Err` names the invariant it broke. Panics of the
    /// code under test are not caught.
    pub fn run(self, data: &[u8]) -> Result<(), Violation> {
        match self {
            Target::ScenarioRon => targets::scenario_ron(data),
            Target::ClaimsJsonl => targets::claims_jsonl(data),
            Target::SnapshotRon => targets::snapshot_ron(data),
            Target::IngestArticle => targets::ingest_article(data),
            Target::CliArgs => targets::cli_args(data),
            Target::MomentParse => targets::moment_parse(data),
            Target::AcledCsv => imports::acled_csv(data),
            Target::Areas => imports::areas(data),
        }
    }

    /// [`Target::run`], timed.
    pub fn run_timed(self, data: &[u8]) -> (Result<(), Violation>, Duration) {
        let start = Instant::now();
        let result = self.run(data);
        (result, start.elapsed())
    }
}

/// Checks that every diagnostic of `err` is located: its file is one of `files` (name
/// and text), its line and column at least 1 and inside that file's text (the column
/// may be one past a line's end in bytes, the line one past the last).
pub fn check_located(err: &LoadError, files: &[(&str, &str)]) -> Result<(), Violation> {
    if err.diagnostics.is_empty() {
        return Err("an error with no diagnostic".to_owned());
    }
    err.diagnostics
        .iter()
        .try_for_each(|diagnostic| check_diagnostic(diagnostic, files))
}

fn check_diagnostic(diagnostic: &Diagnostic, files: &[(&str, &str)]) -> Result<(), Violation> {
    let Some((_, text)) = files.iter().find(|(name, _)| *name == diagnostic.file) else {
        return Err(format!("diagnostic names an unknown file: {diagnostic}"));
    };
    if diagnostic.line == 0 || diagnostic.col == 0 {
        return Err(format!("diagnostic at line or column 0: {diagnostic}"));
    }
    let lines: Vec<&str> = text.split('\n').collect();
    let Some(line) = lines.get(diagnostic.line - 1) else {
        return Err(format!(
            "diagnostic past the end of the file ({} lines): {diagnostic}",
            lines.len()
        ));
    };
    // Columns count characters or bytes depending on the parser: bytes bound both.
    let width = line.len();
    if diagnostic.col > width + 1 {
        return Err(format!(
            "diagnostic past the end of its line ({width} bytes): {diagnostic}"
        ));
    }
    Ok(())
}
