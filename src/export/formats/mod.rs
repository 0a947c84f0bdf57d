//! The data formats: GeoJSON, GeoPackage, the ACLED-style event table, the timeline
//! CSV, the Markdown brief and the RON snapshot. None of them draws; each reads the
//! same [`crate::export::Scene`] or the engine the print map does.

pub mod acled;
pub(crate) mod acled_codes;
mod brief;
pub mod geojson;
pub mod gis;
pub mod gpkg;
pub mod snapshot;
pub mod timeline;

pub use brief::brief_markdown;
