//! The panels and windows around the map. Each draws from a read-only [`Cx`] and
//! pushes [`Command`]s; none mutates shared state while drawing.

pub mod about;
pub mod article;
pub mod compare;
pub mod document;
pub mod document_text;
pub mod drafts;
pub mod errors;
pub mod form;
pub mod keys;
pub mod layers;
pub mod menu;
pub mod perspective;
pub mod search;
pub mod sidebar;
pub mod sources;
pub mod timeline;
pub mod whatif;

use std::path::PathBuf;
use std::sync::mpsc;

use super::command::Command;
use super::state::State;
use super::world::World;
use crate::control::View;
use crate::io::LoadError;

/// The id of one of the app's windows (Esc closes the one on top).
pub fn window_id(name: &str) -> egui::Id {
    egui::Id::unique(("frontline window", name))
}

/// What every panel reads while drawing.
pub struct Cx<'a> {
    /// The engine and the current resolution.
    pub world: &'a World,
    /// The persisted settings.
    pub state: &'a State,
    /// The view the resolution was made under.
    pub view: &'a View,
    /// The moment shown, Unix seconds.
    pub now: i64,
    /// The selected place.
    pub selected: Option<usize>,
    /// True while the timeline plays.
    pub playing: bool,
    /// What Undo and Redo would do, and whether there are unsaved changes.
    pub edits: &'a Edits,
}

/// The edit history as the menus show it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Edits {
    /// What Undo would undo.
    pub undo: Option<String>,
    /// What Redo would redo.
    pub redo: Option<String>,
    /// There are unsaved changes.
    pub dirty: bool,
}

/// Transient state of panels and windows (not persisted).
#[derive(Default)]
pub struct Panels {
    /// The search box's text.
    pub search: String,
    /// Put the focus in the search box on the next frame.
    pub focus_search: bool,
    /// Show only the selected place's claims from this source.
    pub claim_filter: Option<String>,
    /// The document window, if open.
    pub document: Option<document::DocumentWindow>,
    /// The About window is open.
    pub about_open: bool,
    /// The Help > Keyboard and mouse window is open.
    pub keys_open: bool,
    /// The error window, if open.
    pub errors: Option<errors::ErrorWindow>,
    /// The faction picked for "Assume held by".
    pub assume_faction: usize,
    /// A file dialog running on another thread.
    dialog: Option<mpsc::Receiver<Option<PathBuf>>>,
    /// The File > Add article window.
    pub article: article::ArticleForm,
    /// File > Import ACLED...'s file dialog.
    import_dialog: crate::ui::dialog::FileDialog,
    /// An article's drafts under review, in the Drafts window.
    pub review: Option<crate::ui::review::Review>,
    /// The claim editor, if open.
    pub editor: Option<crate::ui::claim_editor::ClaimEditor>,
    /// The words last selected in a document view, for the claim editor's quote.
    pub selection: Option<document_text::QuoteSelection>,
}

impl Panels {
    /// Opens the error window with these lines.
    pub fn show_errors(&mut self, title: &str, lines: Vec<String>) {
        self.errors = Some(errors::ErrorWindow {
            title: title.to_owned(),
            lines,
        });
    }

    /// Opens the error window with a load error's located diagnostics.
    pub fn show_load_error(&mut self, title: &str, err: &LoadError) {
        let lines = err.diagnostics.iter().map(|d| d.to_string()).collect();
        self.show_errors(title, lines);
    }

    /// Opens the document window on claim `c`.
    pub fn show_document(&mut self, c: usize) {
        self.document = Some(document::DocumentWindow {
            claim: c,
            scroll_pending: true,
        });
    }

    /// Forgets what referred to the previous scenario.
    pub fn after_scenario_change(&mut self) {
        self.claim_filter = None;
        self.document = None;
        self.errors = None;
        self.review = None;
        self.editor = None;
        self.selection = None;
        self.assume_faction = 0;
    }

    /// Starts File > Import ACLED...'s file dialog (CSV files).
    pub fn start_import_dialog(&mut self, ctx: &egui::Context) {
        let ask = crate::ui::dialog::Ask {
            title: "Import ACLED rows".into(),
            file_name: None,
            filter: ("ACLED CSV".into(), vec!["csv".into()]),
            save: false,
        };
        if let Err(err) = self.import_dialog.start(ctx, ask) {
            self.show_errors("Cannot open the file dialog", vec![err]);
        }
    }

    /// Collects File > Import ACLED...'s answer, if it has one.
    pub fn poll_import_dialog(&mut self, ctx: &egui::Context, out: &mut Vec<Command>) {
        match self.import_dialog.poll(ctx) {
            Some(crate::ui::dialog::Answer::Picked(path)) => out.push(Command::ImportAcled(path)),
            Some(crate::ui::dialog::Answer::Unavailable(why)) => {
                self.show_errors("The file dialog failed", vec![why]);
            }
            Some(crate::ui::dialog::Answer::Cancelled) | None => {}
        }
    }

    /// Starts the native file dialog on another thread so the window keeps drawing.
    pub fn start_dialog(&mut self, ctx: &egui::Context) {
        if self.dialog.is_some() {
            return;
        }
        let (send, receive) = mpsc::channel();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("file-dialog".into())
            .spawn(move || {
                let picked = rfd::FileDialog::new()
                    .set_title("Open a scenario or a snapshot")
                    .add_filter("Frontline scenario or snapshot", &["ron"])
                    .pick_file();
                let _ = send.send(picked);
                ctx.request_repaint();
            });
        match spawned {
            Ok(_) => self.dialog = Some(receive),
            Err(err) => self.show_errors("Cannot open the file dialog", vec![err.to_string()]),
        }
    }

    /// True while the file dialog is open.
    pub fn dialog_open(&self) -> bool {
        self.dialog.is_some()
    }

    /// Collects the file dialog's answer, if it has one.
    pub fn poll_dialog(&mut self, ctx: &egui::Context, out: &mut Vec<Command>) {
        let Some(receive) = &self.dialog else { return };
        match receive.try_recv() {
            Ok(Some(path)) => {
                self.dialog = None;
                out.push(Command::OpenPath(path));
            }
            Ok(None) => self.dialog = None,
            Err(mpsc::TryRecvError::Empty) => {
                ctx.request_repaint_after(std::time::Duration::from_millis(200));
            }
            Err(mpsc::TryRecvError::Disconnected) => {
                self.dialog = None;
                self.show_errors(
                    "The file dialog failed",
                    vec![
                        "No native file dialog is available (xdg-desktop-portal or zenity).".into(),
                    ],
                );
            }
        }
    }

    /// The left panel: search, perspective, comparison (collapsed), layers.
    pub fn left_ui(&mut self, ui: &mut egui::Ui, cx: &Cx<'_>, out: &mut Vec<Command>) {
        egui::ScrollArea::vertical().show(ui, |ui| {
            search::ui(ui, cx, &mut self.search, &mut self.focus_search, out);
            ui.separator();
            perspective::ui(ui, cx, out);
            ui.separator();
            compare::ui(ui, cx, out);
            ui.separator();
            layers::ui(ui, cx, out);
        });
    }

    /// The right panel: the selected place, what-if, sources.
    pub fn sidebar_ui(&mut self, ui: &mut egui::Ui, cx: &Cx<'_>, out: &mut Vec<Command>) {
        egui::ScrollArea::vertical().show(ui, |ui| {
            sidebar::ui(ui, cx, &mut self.claim_filter, out);
            ui.separator();
            whatif::ui(ui, cx, &mut self.assume_faction, out);
            ui.separator();
            sources::ui(ui, cx, out);
        });
    }

    /// The floating windows: document, Add article, drafts, claim editor, About,
    /// errors, and the dialog's spinner.
    pub fn windows(&mut self, ctx: &egui::Context, cx: &Cx<'_>, out: &mut Vec<Command>) {
        document::window(ctx, cx, &mut self.document, &mut self.selection);
        article::window(ctx, cx, &mut self.article, out);
        drafts::window(ctx, cx, &mut self.review, &mut self.selection, out);
        let scenario = cx.world.scenario();
        // A draft is checked against the scenario with its article and proposals.
        let checked_against = match (&self.editor, &self.review) {
            (Some(editor), Some(review))
                if matches!(
                    editor.target,
                    crate::ui::claim_editor::EditorTarget::Draft(_)
                ) =>
            {
                std::borrow::Cow::Owned(review.preview(scenario))
            }
            _ => std::borrow::Cow::Borrowed(scenario),
        };
        let selection = self.selection.as_ref();
        crate::ui::claim_editor::window(ctx, &checked_against, &mut self.editor, selection, out);
        about::window(ctx, &mut self.about_open);
        keys::window(ctx, &mut self.keys_open);
        errors::window(ctx, &mut self.errors);
        if self.dialog.is_some() {
            egui::Window::new("Opening")
                .collapsible(false)
                .resizable(false)
                .show(ctx, |ui| {
                    ui.horizontal(|ui| {
                        ui.spinner();
                        ui.label("Waiting for the file dialog...");
                    });
                });
        }
    }
}
