//! Exports from the window: the format picker, the native save dialog, and the export
//! itself on a background thread. The files are written by [`crate::export::run_job`],
//! which checks everything first and writes atomically, so a failed export leaves
//! nothing behind.

use std::path::{Path, PathBuf};
use std::sync::{Arc, mpsc};

use jiff::Timestamp;

use super::dialog::{Answer, Ask, DialogMode, FileDialog};
use crate::control::Engine;
use crate::export::{ExportFormat, ExportJob, run_job};
use crate::model::Scenario;
use crate::viewpoint::Viewpoint;

/// Picture size of PNG and SVG exports from the window.
pub const PICTURE_SIZE: (u32, u32) = (1920, 1080);

/// The formats offered by File > Export, in menu order: every format.
pub const FORMATS: [ExportFormat; 8] = ExportFormat::ALL;

/// The file extension of a format.
pub fn extension(format: ExportFormat) -> &'static str {
    format.extension()
}

/// What the format picker says about a format.
pub fn label(format: ExportFormat) -> &'static str {
    format.description()
}

/// `frontline-2024-12-07T2359.png`: the moment shown, in the scenario's time zone.
pub fn default_file_name(scenario: &Scenario, at_secs: i64, format: ExportFormat) -> String {
    let stamp = Timestamp::from_second(at_secs)
        .map(|ts| {
            scenario
                .offset()
                .to_datetime(ts)
                .strftime("%Y-%m-%dT%H%M")
                .to_string()
        })
        .unwrap_or_else(|_| "view".into());
    format!("frontline-{stamp}.{}", extension(format))
}

/// The export job writing `viewpoint` (what is on screen) of the scenario read from
/// `scenario_file` (`None` for the embedded default) to `out`.
pub fn job(
    scenario_file: Option<PathBuf>,
    mut viewpoint: Viewpoint,
    format: ExportFormat,
    out: &Path,
) -> ExportJob {
    viewpoint.bbox_lonlat = viewpoint
        .bbox_lonlat
        .filter(|b| b.iter().all(|v| v.is_finite()) && b[0] < b[2] && b[1] < b[3]);
    ExportJob {
        scenario_file,
        viewpoint,
        timelapse: None,
        format,
        out: out.to_path_buf(),
        size: PICTURE_SIZE,
        since: None,
    }
}

/// How the last export went, shown in the status bar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExportOutcome {
    /// The file written.
    Wrote(PathBuf),
    /// Why nothing was written.
    Failed(String),
    /// The user closed the save dialog without a file.
    Cancelled,
}

/// An export or a save dialog running on another thread.
#[derive(Default)]
pub struct Exports {
    /// The File > Export window is open.
    pub window_open: bool,
    /// The format picked in that window.
    pub format: Option<ExportFormat>,
    /// The save dialog, and the format it saves in.
    dialog: FileDialog,
    /// The format the open save dialog exports in.
    dialog_format: Option<ExportFormat>,
    /// The export in progress: its path and the answer to come.
    running: Option<(PathBuf, mpsc::Receiver<Result<String, String>>)>,
    /// The engine the export in progress (or the last one) was handed; weak, so that
    /// it does not keep the engine shared once the export is done.
    engine: std::sync::Weak<Engine>,
    /// How the last export went.
    pub last: Option<ExportOutcome>,
}

impl Exports {
    /// The picked format (PNG until one is picked).
    pub fn picked(&self) -> ExportFormat {
        self.format.unwrap_or(ExportFormat::Png)
    }

    /// True while a save dialog or an export runs.
    pub fn busy(&self) -> bool {
        self.dialog.is_open() || self.running.is_some()
    }

    /// The file being written, while an export runs.
    pub fn running_path(&self) -> Option<&Path> {
        self.running.as_ref().map(|(path, _)| path.as_path())
    }

    /// The engine the running (or last) export reads, while it is alive: the window's
    /// own, not one built for the export.
    pub fn running_engine(&self) -> Option<Arc<Engine>> {
        self.engine.upgrade()
    }

    /// Opens the save dialog (native, or in-app where no native one opens) with a
    /// default name that carries the moment shown and the format's extension filter,
    /// starting in `folder`.
    pub fn start_dialog(
        &mut self,
        ctx: &egui::Context,
        format: ExportFormat,
        name: String,
        folder: Option<PathBuf>,
        mode: DialogMode,
    ) {
        if self.dialog.is_open() {
            return;
        }
        let ask = Ask {
            title: "Export".into(),
            file_name: Some(name),
            filter: (label(format).into(), vec![extension(format).into()]),
            save: true,
            folder,
        };
        self.dialog_format = Some(format);
        self.last = None;
        self.dialog.start(ctx, ask, mode);
    }

    /// Cancels the in-app save dialog (Esc); returns whether one was open.
    pub fn cancel_in_app_dialog(&mut self) -> bool {
        self.dialog.cancel_in_app()
    }

    /// Draws the in-app save dialog, if open; the path and format picked, once picked.
    pub fn poll_dialog(&mut self, ctx: &egui::Context) -> Option<(PathBuf, ExportFormat)> {
        match self.dialog.poll(ctx)? {
            Answer::Picked(path) => Some((path, self.dialog_format.unwrap_or(self.picked()))),
            Answer::Cancelled => {
                self.last = Some(ExportOutcome::Cancelled);
                None
            }
        }
    }

    /// Runs `job` on a background thread over `engine`, the window's own (shared, not
    /// rebuilt: an edit made meanwhile goes to the window's copy, see
    /// [`super::world::World::follow`]).
    pub fn start(&mut self, ctx: &egui::Context, engine: Arc<Engine>, job: ExportJob) {
        if self.running.is_some() {
            self.last = Some(ExportOutcome::Failed(
                "an export is still running; try again when it is done".into(),
            ));
            return;
        }
        let (send, receive) = mpsc::channel();
        let ctx = ctx.clone();
        let out = job.out.clone();
        self.engine = Arc::downgrade(&engine);
        let spawned = std::thread::Builder::new()
            .name("export".into())
            .spawn(move || {
                let result = run_job(&engine, &job).map_err(|err| err.to_string());
                let _ = send.send(result);
                ctx.request_repaint();
            });
        match spawned {
            Ok(_) => {
                self.running = Some((out, receive));
                self.last = None;
            }
            Err(err) => self.last = Some(ExportOutcome::Failed(err.to_string())),
        }
    }

    /// Collects the running export's result, if it is done.
    pub fn poll(&mut self, ctx: &egui::Context) {
        let Some((path, receive)) = &self.running else {
            return;
        };
        let outcome = match receive.try_recv() {
            Ok(Ok(_)) => ExportOutcome::Wrote(path.clone()),
            Ok(Err(message)) => ExportOutcome::Failed(message.trim_end().to_owned()),
            Err(mpsc::TryRecvError::Empty) => {
                ctx.request_repaint_after(std::time::Duration::from_millis(100));
                return;
            }
            Err(mpsc::TryRecvError::Disconnected) => {
                ExportOutcome::Failed("the export stopped unexpectedly".into())
            }
        };
        self.running = None;
        self.last = Some(outcome);
    }
}

/// The File > Export window: pick a format, then a file. `name` gives the default
/// file name for a format.
pub fn window(
    ctx: &egui::Context,
    exports: &mut Exports,
    name: impl Fn(ExportFormat) -> String,
    out: &mut Vec<super::Command>,
) {
    let mut open = exports.window_open;
    let mut choose = false;
    egui::Window::new("Export")
        .id(super::panels::window_id("export"))
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .pivot(egui::Align2::CENTER_CENTER)
        .default_pos(ctx.content_rect().center())
        .show(ctx, |ui| {
            ui.label(
                "Exports exactly what the map shows: moment, perspective, layers, \
                 what-if and extent.",
            );
            ui.add_space(4.0);
            let mut picked = exports.picked();
            for format in FORMATS {
                ui.radio_value(&mut picked, format, label(format));
            }
            exports.format = Some(picked);
            ui.add_space(4.0);
            ui.small(format!("Suggested name: {}", name(picked)));
            if picked.is_picture() {
                let (w, h) = PICTURE_SIZE;
                ui.small(format!(
                    "{w} x {h} pixels, with legend, scale bar and credits."
                ));
            }
            ui.add_space(4.0);
            ui.add_enabled_ui(!exports.busy(), |ui| {
                if ui.button("Choose file and export...").clicked() {
                    choose = true;
                }
            });
        });
    if choose {
        out.push(super::Command::ExportDialog(exports.picked()));
        open = false;
    }
    exports.window_open = open;
}

/// The status bar line: a spinner while exporting, then the file written or the error.
pub fn status(ui: &mut egui::Ui, exports: &mut Exports) {
    ui.horizontal(|ui| {
        if let Some(path) = exports.running_path() {
            ui.spinner();
            ui.label(format!("Exporting {}...", path.display()));
        } else if exports.dialog.is_open() {
            ui.spinner();
            ui.label("Waiting for the save dialog...");
        } else if let Some(last) = &exports.last {
            match last {
                ExportOutcome::Wrote(path) => {
                    ui.label(format!("Exported {}", path.display()));
                }
                ExportOutcome::Failed(message) => {
                    ui.colored_label(ui.visuals().error_fg_color, "Export failed:");
                    ui.label(message);
                }
                ExportOutcome::Cancelled => {
                    ui.label("Export cancelled: no file was chosen.");
                }
            }
            if ui.small_button("Dismiss").clicked() {
                exports.last = None;
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_names_carry_the_moment_and_extension() {
        let mut scenario = crate::ui::world::empty_scenario();
        scenario.utc_offset = "+03:00".into();
        // 2024-12-07T20:59:00Z is 23:59 in UTC+3.
        let name = default_file_name(&scenario, 1_733_605_140, ExportFormat::Png);
        assert_eq!(name, "frontline-2024-12-07T2359.png");
        let name = default_file_name(&scenario, 1_733_605_140, ExportFormat::Geojson);
        assert!(name.ends_with(".geojson"), "{name}");
    }
}
