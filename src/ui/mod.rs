//! The window: an eframe app over the engine. The UI never parses files; it asks
//! `crate::io` and `crate::control` and draws what they return.

mod app;
mod apply;
pub mod claim_editor;
mod claims;
pub mod command;
pub mod dialog;
pub mod disk_watch;
pub mod editing;
pub mod export;
pub mod fonts;
pub mod format;
mod frame;
pub mod loading;
pub mod map;
mod map_buttons;
mod opening;
pub mod panels;
pub mod recent;
pub mod record;
pub mod recovery;
pub mod review;
pub mod saving;
pub mod state;
pub mod theme;
pub mod world;

pub use app::FrontlineApp;
pub use command::Command;
pub use state::{Renderer, State};

use std::path::PathBuf;

use crate::export::Snapshot;
use crate::model::Scenario;

/// The name the window and its persisted state go by.
pub const APP_NAME: &str = "Frontline";

/// The environment variable that picks the renderer (`glow` or `wgpu`).
pub const RENDERER_ENV: &str = "FRONTLINE_RENDERER";

/// A snapshot to show when the window opens, with its scenario, the scenario's file
/// (`None` for the embedded default) and the warnings from loading it.
pub struct Initial {
    /// The view to restore.
    pub snapshot: Snapshot,
    /// The snapshot's scenario.
    pub scenario: Scenario,
    /// Where the scenario was read from.
    pub scenario_file: Option<PathBuf>,
    /// Shown in a window once it opens.
    pub warnings: Vec<String>,
}

/// Opens the window on the embedded default scenario; returns the process exit code.
pub fn run_app() -> std::process::ExitCode {
    run_app_with(None, None)
}

/// The renderer to use: the command line's choice, else `FRONTLINE_RENDERER`, else the
/// one picked in View > Renderer last time, else glow.
pub fn choose_renderer(cli: Option<Renderer>) -> Result<Renderer, String> {
    if let Some(renderer) = cli {
        return Ok(renderer);
    }
    if let Ok(text) = std::env::var(RENDERER_ENV)
        && !text.trim().is_empty()
    {
        return Renderer::parse(&text).map_err(|err| format!("{RENDERER_ENV}: {err}"));
    }
    Ok(persisted_state().map(|s| s.renderer).unwrap_or_default())
}

/// The settings eframe saved last time, read before the window opens (only the
/// renderer is needed that early).
fn persisted_state() -> Option<State> {
    let path = eframe::storage_dir(APP_NAME)?.join("app.ron");
    let text = std::fs::read_to_string(path).ok()?;
    let kv: std::collections::HashMap<String, String> = ron::from_str(&text).ok()?;
    ron::from_str(kv.get(state::STORAGE_KEY)?).ok()
}

/// Opens the window on a scenario or a view snapshot (`frontline FILE`), drawn by
/// `renderer`; returns the process exit code. The file is read first: when it does not
/// load, its located errors go to standard error, with exit code 2, and no window opens.
pub fn run_app_on_file(
    path: &std::path::Path,
    renderer: Option<Renderer>,
) -> std::process::ExitCode {
    // The window's File > Allow paths outside the scenario's folder holds here too.
    let allow = persisted_state().is_some_and(|state| state.allow_outside_paths);
    crate::io::sandbox::set_allow_outside_paths(allow);
    let opened = match loading::open_file(path) {
        Ok(opened) => opened,
        Err(err) => {
            eprintln!("{}", err.to_string().trim_end());
            let bare_word = path.extension().is_none() && path.components().count() == 1;
            if bare_word && !path.exists() {
                eprintln!(
                    "frontline: `{}` is not a command either; see `frontline --help`",
                    path.display()
                );
            }
            return std::process::ExitCode::from(crate::exit_code::BAD_INPUT);
        }
    };
    let path = path.to_path_buf();
    run_window(renderer, move |app| {
        // Errors cannot happen here: the file was read above.
        let _ = app.show_opened(&path, Ok(opened));
    })
}

/// Opens the window, with `initial`'s view applied if given, drawn by `renderer`
/// (see [`choose_renderer`] when `None`); returns the process exit code.
pub fn run_app_with(
    initial: Option<Initial>,
    renderer: Option<Renderer>,
) -> std::process::ExitCode {
    run_window(renderer, move |app| {
        if let Some(initial) = initial {
            app.open_snapshot(
                &initial.snapshot,
                initial.scenario,
                initial.scenario_file,
                &initial.warnings,
            );
        }
    })
}

/// Opens the window drawn by `renderer`, letting `setup` open a file in the new app;
/// returns the process exit code.
fn run_window(
    renderer: Option<Renderer>,
    setup: impl FnOnce(&mut FrontlineApp) + 'static,
) -> std::process::ExitCode {
    let renderer = match choose_renderer(renderer) {
        Ok(renderer) => renderer,
        Err(err) => {
            eprintln!("frontline: {err}");
            return std::process::ExitCode::from(crate::exit_code::BAD_INPUT);
        }
    };
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Frontline")
            .with_inner_size([1400.0, 900.0]),
        renderer: renderer.into(),
        ..Default::default()
    };
    let result = eframe::run_native(
        APP_NAME,
        options,
        Box::new(move |cc| {
            // Noto Sans first: every place name's letters, in the window as in the exports.
            fonts::install_fonts(&cc.egui_ctx);
            let mut app = FrontlineApp::new(cc);
            setup(&mut app);
            Ok(Box::new(app))
        }),
    );
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(err) => {
            eprintln!(
                "frontline: cannot open the window ({} renderer): {err}",
                renderer.as_str()
            );
            std::process::ExitCode::FAILURE
        }
    }
}
