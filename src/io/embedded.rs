//! The default scenario, embedded in the binary with its documents.

use super::{LoadError, load_scenario_str};
use crate::model::Scenario;

/// The name errors in the embedded default scenario are reported under.
pub const DEFAULT_SCENARIO_NAME: &str = "assets/scenarios/syria-2024-12.ron";

const SCENARIO_TEXT: &str = include_str!("../../assets/scenarios/syria-2024-12.ron");

/// Files the embedded scenario refers to, by their path relative to it.
const SIBLINGS: &[(&str, &str)] = &[
    (
        "../documents/syria-2024-12-07.txt",
        include_str!("../../assets/documents/syria-2024-12-07.txt"),
    ),
    (
        "../geo/governorates.geojson",
        include_str!("../../assets/geo/governorates.geojson"),
    ),
];

/// The text of a file the built-in scenario names (`relative` to it), when `scenario`
/// is the built-in scenario's path.
pub(super) fn embedded_sibling(scenario: &std::path::Path, relative: &str) -> Option<&'static str> {
    if scenario != std::path::Path::new(DEFAULT_SCENARIO_NAME) {
        return None;
    }
    SIBLINGS
        .iter()
        .find(|(path, _)| *path == relative)
        .map(|(_, text)| *text)
}

/// The default scenario built into the binary: the Syrian rebel offensive as reported
/// on 7 December 2024.
pub fn default_scenario() -> Result<Scenario, LoadError> {
    load_scenario_str(DEFAULT_SCENARIO_NAME, SCENARIO_TEXT, &|relative| {
        SIBLINGS
            .iter()
            .find(|(path, _)| *path == relative)
            .map(|(_, text)| (*text).to_owned())
            .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::NotFound, relative.to_owned()))
    })
}

/// The embedded default scenario's file text (snapshots hash it to notice changes).
pub fn default_scenario_text() -> &'static str {
    SCENARIO_TEXT
}
