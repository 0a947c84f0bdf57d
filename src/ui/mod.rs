//! The window: an eframe app over the engine. The UI never parses files; it asks
//! `crate::io` and `crate::control` and draws what they return.

mod app;
mod apply;
pub mod command;
pub mod format;
pub mod map;
pub mod panels;
pub mod state;
pub mod theme;
pub mod world;

pub use app::FrontlineApp;
pub use command::Command;
pub use state::State;

/// Opens the window on the embedded default scenario; returns the process exit code.
pub fn run_app() -> std::process::ExitCode {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Frontline")
            .with_inner_size([1400.0, 900.0]),
        ..Default::default()
    };
    let result = eframe::run_native(
        "Frontline",
        options,
        Box::new(|cc| Ok(Box::new(FrontlineApp::new(cc)))),
    );
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("frontline: cannot open the window: {err}");
            std::process::ExitCode::FAILURE
        }
    }
}
