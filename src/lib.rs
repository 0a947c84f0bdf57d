//! Frontline: attributed claims about a war, resolved into who holds every place,
//! region and route at any moment, under any perspective, with the reasons.

pub mod cli;
pub mod control;
pub mod edit;
pub mod exit_code;
pub mod export;
/// Fuzz targets shared by the AFL++ harnesses (`fuzz/`) and `tests/fuzz_short.rs`.
#[doc(hidden)]
pub mod fuzzing;
/// Pure geometry: the embedded basemap, the map projection, triangle meshes and territory cells.
pub mod geo;
pub mod import;
pub mod ingest;
pub mod io;
pub mod layers;
pub mod model;
pub mod parallel;
pub mod suggest;
#[doc(hidden)]
pub mod synthetic;
pub mod ui;
pub mod viewpoint;
