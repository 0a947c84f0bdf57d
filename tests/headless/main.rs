//! Every test that needs no window: the model, the engine, the command line, the files
//! and the exports. One test binary rather than one per file, because each binary links
//! the whole app (eframe and wgpu included) and costs CI minutes and gigabytes of disk.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests may unwrap.

mod bad_input;
mod big_inputs;
mod bulk;
mod cache;
mod cache_kill;
mod cli;
mod cli_manners;
mod cli_open;
mod clock;
#[path = "../common/mod.rs"]
mod common;
mod default_scenario;
mod disk_change;
mod edit;
mod edit_bulk;
mod engine;
mod evidence;
mod export;
mod format_v2;
mod full_disk;
mod fuzz_short;
mod geo_basemap;
mod gis;
mod import;
mod incremental;
mod ingest;
mod json_schema;
mod palette;
mod paths;
mod print_layout;
mod properties;
mod record_edit;
mod save;
mod save_kill;
