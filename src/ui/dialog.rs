//! Native file dialogs on their own thread, so the window keeps drawing while one is
//! open. When no dialog is available (no xdg-desktop-portal or zenity), the answer is
//! [`Answer::Unavailable`] and the caller says so, as File > Open and Export do.

use std::path::PathBuf;
use std::sync::mpsc;

/// What a dialog answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    /// The file picked.
    Picked(PathBuf),
    /// Closed without a file.
    Cancelled,
    /// No native dialog could be shown.
    Unavailable(String),
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
}

/// A dialog running on another thread, if any.
#[derive(Default)]
pub struct FileDialog {
    running: Option<mpsc::Receiver<Option<PathBuf>>>,
}

/// Why no dialog could be shown.
const UNAVAILABLE: &str = "No native file dialog is available (xdg-desktop-portal or zenity).";

impl FileDialog {
    /// Opens the dialog; does nothing while one is already open.
    pub fn start(&mut self, ctx: &egui::Context, ask: Ask) -> Result<(), String> {
        if self.running.is_some() {
            return Ok(());
        }
        let (send, receive) = mpsc::channel();
        let ctx = ctx.clone();
        std::thread::Builder::new()
            .name("file-dialog".into())
            .spawn(move || {
                let (name, extensions) = &ask.filter;
                let mut dialog = rfd::FileDialog::new()
                    .set_title(&ask.title)
                    .add_filter(name, extensions);
                if let Some(file_name) = &ask.file_name {
                    dialog = dialog.set_file_name(file_name);
                }
                let picked = if ask.save {
                    dialog.save_file()
                } else {
                    dialog.pick_file()
                };
                let _ = send.send(picked);
                ctx.request_repaint();
            })
            .map_err(|err| err.to_string())?;
        self.running = Some(receive);
        Ok(())
    }

    /// True while the dialog is open.
    pub fn is_open(&self) -> bool {
        self.running.is_some()
    }

    /// The dialog's answer, once it has one.
    pub fn poll(&mut self, ctx: &egui::Context) -> Option<Answer> {
        let receive = self.running.as_ref()?;
        let answer = match receive.try_recv() {
            Ok(Some(path)) => Answer::Picked(path),
            Ok(None) => Answer::Cancelled,
            Err(mpsc::TryRecvError::Empty) => {
                ctx.request_repaint_after(std::time::Duration::from_millis(200));
                return None;
            }
            Err(mpsc::TryRecvError::Disconnected) => Answer::Unavailable(UNAVAILABLE.into()),
        };
        self.running = None;
        Some(answer)
    }
}
