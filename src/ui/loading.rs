//! Opening a file on a background thread: a scenario of a million claims takes seconds
//! to parse and check, and the window keeps drawing, with a spinner, meanwhile.

use std::path::{Path, PathBuf};
use std::sync::mpsc;

use crate::edit::Workspace;
use crate::export::Snapshot;
use crate::io::LoadError;

/// A file read and checked, ready to show and edit.
pub enum Opened {
    /// A scenario file, open for editing.
    Scenario(Box<Workspace>),
    /// A view snapshot with its scenario, and warnings (the scenario changed since).
    Snapshot {
        /// The view to restore.
        snapshot: Box<Snapshot>,
        /// The scenario it was taken of, open for editing.
        workspace: Box<Workspace>,
        /// The scenario's file, when it could be opened for editing.
        file: Option<PathBuf>,
        /// What no longer matches.
        warnings: Vec<String>,
    },
}

/// Reads a scenario file (with its included files, for editing) or a view snapshot
/// (told apart by [`Snapshot::is_snapshot_file`]).
pub fn open_file(path: &Path) -> Result<Opened, LoadError> {
    if Snapshot::is_snapshot_file(path) {
        let (snapshot, scenario, warnings) = Snapshot::load(path)?;
        let file = snapshot.scenario_file(path);
        let (workspace, file) = super::editing::workspace_for(scenario, file.as_deref());
        return Ok(Opened::Snapshot {
            snapshot: Box::new(snapshot),
            workspace: Box::new(workspace),
            file,
            warnings,
        });
    }
    Workspace::open(path).map(|workspace| Opened::Scenario(Box::new(workspace)))
}

/// What a background read sends back.
type Outcome = Result<Opened, LoadError>;

/// The file being opened, if any.
#[derive(Default)]
pub struct Loading {
    running: Option<(PathBuf, mpsc::Receiver<Outcome>)>,
}

impl Loading {
    /// Starts reading `path` with [`open_file`]; a file still being read is forgotten.
    pub fn start(&mut self, ctx: &egui::Context, path: PathBuf) {
        self.start_with(ctx, path, open_file);
    }

    /// Starts reading `path` with `read` on a background thread (tests pass a reader
    /// they can hold back).
    pub fn start_with(
        &mut self,
        ctx: &egui::Context,
        path: PathBuf,
        read: impl FnOnce(&Path) -> Outcome + Send + 'static,
    ) {
        let (send, receive) = mpsc::channel();
        let ctx = ctx.clone();
        let reading = path.clone();
        std::thread::spawn(move || {
            // The window may have moved on (another file, or closed): nobody listens.
            let _ = send.send(read(&reading));
            ctx.request_repaint();
        });
        self.running = Some((path, receive));
    }

    /// The file being read.
    pub fn running_path(&self) -> Option<&Path> {
        self.running.as_ref().map(|(path, _)| path.as_path())
    }

    /// The read file once it is done, with its path.
    pub fn poll(&mut self, ctx: &egui::Context) -> Option<(PathBuf, Outcome)> {
        let (path, receive) = self.running.as_ref()?;
        let outcome = match receive.try_recv() {
            Ok(outcome) => outcome,
            Err(mpsc::TryRecvError::Empty) => {
                ctx.request_repaint_after(std::time::Duration::from_millis(100));
                return None;
            }
            Err(mpsc::TryRecvError::Disconnected) => Err(LoadError::whole_file(
                &path.display().to_string(),
                "reading the file stopped unexpectedly",
            )),
        };
        let path = path.clone();
        self.running = None;
        Some((path, outcome))
    }
}

/// The status line while a file is read.
pub fn status(ui: &mut egui::Ui, loading: &Loading) {
    if let Some(path) = loading.running_path() {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(format!("Opening {}...", path.display()));
        });
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn a_file_being_read_is_reported_until_it_is_done() {
        let ctx = egui::Context::default();
        let mut loading = Loading::default();
        let (release, wait) = mpsc::channel::<()>();
        loading.start_with(&ctx, PathBuf::from("big.ron"), move |path| {
            wait.recv().unwrap();
            Err(LoadError::whole_file(&path.display().to_string(), "held"))
        });
        assert_eq!(loading.running_path(), Some(Path::new("big.ron")));
        assert!(loading.poll(&ctx).is_none(), "still reading");
        release.send(()).unwrap();
        let mut done = None;
        for _ in 0..500 {
            done = loading.poll(&ctx);
            if done.is_some() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        let (path, outcome) = done.expect("the read finishes");
        assert_eq!(path, PathBuf::from("big.ron"));
        let Err(err) = outcome else {
            panic!("the reader's error comes back");
        };
        assert!(err.to_string().contains("big.ron"));
        assert!(loading.running_path().is_none());
    }

    #[test]
    fn reads_scenarios_and_reports_located_errors() {
        let dir = tempfile::tempdir().unwrap();
        let broken = dir.path().join("broken.ron");
        std::fs::write(&broken, "(format_version: 1,\n id: \"x\",\n title: ").unwrap();
        let Err(err) = open_file(&broken) else {
            panic!("a broken file does not open");
        };
        assert!(err.to_string().contains("broken.ron:"), "{err}");
        let good = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini.ron");
        assert!(matches!(open_file(&good), Ok(Opened::Scenario(_))));
    }
}
