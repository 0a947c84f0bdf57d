//! Every test that drives the window: egui_kittest harnesses, image snapshots, the
//! monkey, and the real window under Xvfb. One binary for the same reason as
//! `tests/headless`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests may unwrap.

#[path = "../common/mod.rs"]
mod common;
mod desktop;
mod disk_watch;
mod harness;
mod ui_app;
mod ui_export;
mod ui_files;
mod ui_import;
mod ui_map;
mod ui_monkey;
mod ui_nav;
mod ui_read;
mod ui_snapshots;
mod ui_write;
mod window;
