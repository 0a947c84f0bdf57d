//! The data formats: GeoJSON, GeoPackage, the ACLED-style event table, the timeline
//! CSV, the Markdown brief and the RON snapshot. None of them draws; each reads the
//! same [`crate::export::Scene`] or the engine the print map does.

pub mod acled;
mod brief;
pub mod geojson;
pub mod snapshot;

pub use brief::brief_markdown;
