//! File dialogs: the native one (xdg-desktop-portal or zenity on Linux) on its own
//! thread, so the window keeps drawing while it is open, and the in-app one
//! ([`egui_file`]) where no native dialog can open. The answer is a path handed back to
//! the command flow; no file is read here.
//!
//! The in-app dialog is used when [`DialogMode::InApp`] is chosen (View > Built-in file
//! dialog, or `FRONTLINE_DIALOG=in-app`), when no native dialog is installed, and when
//! the native dialog closes at once without a file (it could not open: nobody cancels
//! that fast). "Cancelled" is only ever the user's answer.

use std::path::PathBuf;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

mod in_app;
mod native;

use in_app::{in_app_dialog, reason_ui, replace_ui, with_extension};
use native::{native_available, native_dialog};

/// What a dialog answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    /// The file picked.
    Picked(PathBuf),
    /// The user closed the dialog without a file.
    Cancelled,
}

/// Which file dialog to show.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum DialogMode {
    /// The native dialog, or the in-app one where the native one cannot open.
    #[default]
    Automatic,
    /// Always the in-app dialog.
    InApp,
}

/// The environment variable choosing the dialog: `in-app` or `native`.
pub const DIALOG_ENV: &str = "FRONTLINE_DIALOG";

impl DialogMode {
    /// The mode `FRONTLINE_DIALOG` asks for (`in-app` or `native`), if it is set.
    pub fn from_environment() -> Option<Self> {
        let value = std::env::var(DIALOG_ENV).ok()?;
        match value.trim().to_ascii_lowercase().as_str() {
            "in-app" | "inapp" | "builtin" | "built-in" => Some(Self::InApp),
            "native" | "auto" | "automatic" => Some(Self::Automatic),
            _ => None,
        }
    }
}

/// What to ask for.
#[derive(Clone, Debug)]
pub struct Ask {
    /// The dialog's title.
    pub title: String,
    /// The suggested file name (save dialogs).
    pub file_name: Option<String>,
    /// The filter's name and its extensions.
    pub filter: (String, Vec<String>),
    /// A save dialog (true) or an open dialog.
    pub save: bool,
    /// The folder to start in, if known.
    pub folder: Option<PathBuf>,
}

/// A native dialog that answers sooner than this without a file could not open.
const NATIVE_QUICK: Duration = Duration::from_millis(400);

/// The dialog open now.
enum Running {
    /// A native dialog on another thread.
    Native {
        receive: mpsc::Receiver<Option<PathBuf>>,
        ask: Ask,
        started: Instant,
    },
    /// The in-app dialog, drawn by [`FileDialog::poll`].
    InApp {
        dialog: Box<egui_file::FileDialog>,
        ask: Ask,
    },
    /// The in-app save dialog picked a file that exists: replace it? (Native dialogs
    /// ask this themselves.)
    Replace { path: PathBuf, ask: Ask },
}

/// A file dialog, if one is open.
#[derive(Default)]
pub struct FileDialog {
    running: Option<Running>,
    /// Why the native dialog was not used, shown above the in-app dialog.
    pub fallback_reason: Option<String>,
    /// Esc was pressed: the in-app dialog answers "cancelled" on the next poll.
    cancel_requested: bool,
}

impl FileDialog {
    /// Opens the dialog; does nothing while one is already open.
    pub fn start(&mut self, ctx: &egui::Context, ask: Ask, mode: DialogMode) {
        if self.running.is_some() {
            return;
        }
        self.fallback_reason = None;
        self.cancel_requested = false;
        if mode == DialogMode::InApp {
            self.start_in_app(ask);
            return;
        }
        if !native_available() {
            self.fallback_reason = Some(NO_NATIVE.into());
            self.start_in_app(ask);
            return;
        }
        let (send, receive) = mpsc::channel();
        let repaint = ctx.clone();
        let native = ask.clone();
        let spawned = std::thread::Builder::new()
            .name("file-dialog".into())
            .spawn(move || {
                let _ = send.send(native_dialog(&native));
                repaint.request_repaint();
            });
        match spawned {
            Ok(_) => {
                self.running = Some(Running::Native {
                    receive,
                    ask,
                    started: Instant::now(),
                });
            }
            Err(err) => {
                self.fallback_reason = Some(format!("The native file dialog failed: {err}"));
                self.start_in_app(ask);
            }
        }
    }

    fn start_in_app(&mut self, ask: Ask) {
        let dialog = in_app_dialog(&ask);
        self.running = Some(Running::InApp {
            dialog: Box::new(dialog),
            ask,
        });
    }

    /// True while a dialog is open.
    pub fn is_open(&self) -> bool {
        self.running.is_some()
    }

    /// True while the in-app dialog is open.
    pub fn is_in_app(&self) -> bool {
        matches!(
            self.running,
            Some(Running::InApp { .. } | Running::Replace { .. })
        )
    }

    /// Cancels the in-app dialog (Esc), on the next [`Self::poll`]; returns whether
    /// one was open.
    pub fn cancel_in_app(&mut self) -> bool {
        let open = self.is_in_app();
        self.cancel_requested |= open;
        open
    }

    /// Draws the in-app dialog, if open, and returns the answer once there is one.
    /// Call it every frame while [`Self::is_open`].
    pub fn poll(&mut self, ctx: &egui::Context) -> Option<Answer> {
        let running = self.running.as_mut()?;
        let answer = match running {
            Running::Native {
                receive,
                ask,
                started,
            } => match receive.try_recv() {
                Ok(Some(path)) => Answer::Picked(path),
                Ok(None) if started.elapsed() >= NATIVE_QUICK => Answer::Cancelled,
                Ok(None) | Err(mpsc::TryRecvError::Disconnected) => {
                    let ask = ask.clone();
                    self.running = None;
                    self.fallback_reason = Some(NATIVE_FAILED.into());
                    self.start_in_app(ask);
                    ctx.request_repaint();
                    return None;
                }
                Err(mpsc::TryRecvError::Empty) => {
                    ctx.request_repaint_after(Duration::from_millis(200));
                    return None;
                }
            },
            Running::InApp { .. } | Running::Replace { .. } if self.cancel_requested => {
                Answer::Cancelled
            }
            Running::InApp { dialog, ask } => {
                if let Some(reason) = &self.fallback_reason {
                    reason_ui(ctx, reason);
                }
                let state = dialog.show(ctx).state();
                in_app::name_fields(ctx, ask);
                match state {
                    egui_file::State::Selected => match dialog.path() {
                        Some(path) => {
                            let path = with_extension(path, ask);
                            if ask.save && path.is_file() {
                                let ask = ask.clone();
                                self.running = Some(Running::Replace { path, ask });
                                ctx.request_repaint();
                                return None;
                            }
                            Answer::Picked(path)
                        }
                        None => Answer::Cancelled,
                    },
                    egui_file::State::Cancelled | egui_file::State::Closed => Answer::Cancelled,
                    egui_file::State::Open => return None,
                }
            }
            Running::Replace { path, ask } => match replace_ui(ctx, path) {
                Some(true) => Answer::Picked(path.clone()),
                Some(false) => {
                    // Back to the dialog, in the same folder, with the same name.
                    let mut ask = ask.clone();
                    ask.folder = path.parent().map(PathBuf::from);
                    ask.file_name = path.file_name().map(|n| n.to_string_lossy().into_owned());
                    self.start_in_app(ask);
                    return None;
                }
                None => return None,
            },
        };
        self.running = None;
        self.cancel_requested = false;
        Some(answer)
    }
}

/// Why the in-app dialog shows when no native one is installed.
const NO_NATIVE: &str = "No native file dialog is installed (xdg-desktop-portal or zenity): \
                         using the built-in one.";
/// Why the in-app dialog shows after the native one closed at once.
const NATIVE_FAILED: &str = "The native file dialog could not open (xdg-desktop-portal or \
                             zenity): using the built-in one.";

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use std::path::Path;

    use super::in_app::has_extension;
    use super::*;

    fn ask(save: bool) -> Ask {
        Ask {
            title: "t".into(),
            file_name: None,
            filter: ("Scenario".into(), vec!["ron".into()]),
            save,
            folder: None,
        }
    }

    /// A dialog whose native answer is `answer`, given `after` it started.
    fn native_answered(answer: Option<PathBuf>, after: Duration) -> FileDialog {
        let (send, receive) = mpsc::channel();
        send.send(answer).unwrap();
        let started = Instant::now().checked_sub(after).unwrap();
        FileDialog {
            running: Some(Running::Native {
                receive,
                ask: ask(false),
                started,
            }),
            ..FileDialog::default()
        }
    }

    #[test]
    fn a_native_dialog_closing_at_once_gives_way_to_the_in_app_one() {
        let ctx = egui::Context::default();
        let mut dialog = native_answered(None, Duration::ZERO);
        assert_eq!(
            dialog.poll(&ctx),
            None,
            "no answer: the user has not picked yet"
        );
        assert!(dialog.is_in_app());
        assert_eq!(dialog.fallback_reason.as_deref(), Some(NATIVE_FAILED));
        // Esc on the in-app dialog is the user's "cancelled".
        assert!(dialog.cancel_in_app());
        assert_eq!(dialog.poll(&ctx), Some(Answer::Cancelled));
        assert!(!dialog.is_open());
    }

    #[test]
    fn a_native_dialog_closed_later_without_a_file_was_cancelled() {
        let ctx = egui::Context::default();
        let mut dialog = native_answered(None, Duration::from_secs(2));
        assert_eq!(dialog.poll(&ctx), Some(Answer::Cancelled));
        assert!(!dialog.is_open());
        let picked = PathBuf::from("/data/s.ron");
        let mut dialog = native_answered(Some(picked.clone()), Duration::ZERO);
        assert_eq!(dialog.poll(&ctx), Some(Answer::Picked(picked)));
    }

    #[test]
    fn a_native_thread_that_died_gives_way_to_the_in_app_one() {
        let ctx = egui::Context::default();
        let (send, receive) = mpsc::channel::<Option<PathBuf>>();
        drop(send);
        let mut dialog = FileDialog {
            running: Some(Running::Native {
                receive,
                ask: ask(true),
                started: Instant::now(),
            }),
            ..FileDialog::default()
        };
        assert_eq!(dialog.poll(&ctx), None);
        assert!(dialog.is_in_app());
    }

    #[test]
    fn extensions_are_matched_in_any_case() {
        let ron = ["ron".to_owned()];
        assert!(has_extension(Path::new("a/b.RON"), &ron));
        assert!(!has_extension(Path::new("a/b.txt"), &ron));
        assert!(!has_extension(Path::new("a/b"), &ron));
        assert!(has_extension(Path::new("a/b"), &[]));
    }

    #[test]
    fn saved_names_get_the_filter_extension_only_when_they_have_none() {
        let save = ask(true);
        assert_eq!(
            with_extension(Path::new("x/map"), &save),
            Path::new("x/map.ron")
        );
        assert_eq!(
            with_extension(Path::new("x/map.RON"), &save),
            Path::new("x/map.RON")
        );
        assert_eq!(
            with_extension(Path::new("x/map"), &ask(false)),
            Path::new("x/map")
        );
    }
}
