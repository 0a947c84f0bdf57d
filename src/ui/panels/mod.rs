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

use super::command::Command;
use super::dialog::{Answer, Ask, DialogMode, FileDialog};
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
    /// File > Open's dialog.
    pub open_dialog: FileDialog,
    /// The place and the faction picked for "Assume held by" (the most plausible
    /// taker until one is picked).
    pub assume_pick: Option<(usize, usize)>,
    /// The comparison's date on the map: before or after, and the places ringed.
    pub compare: compare::CompareView,
    /// The timeline's date and time entry.
    pub time_entry: timeline::TimeEntry,
    /// The File > Add article window.
    pub article: article::ArticleForm,
    /// File > Import ACLED...'s file dialog.
    import_dialog: FileDialog,
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
        self.assume_pick = None;
        self.compare = compare::CompareView::default();
    }

    /// Opens File > Open's dialog (native, or in-app where no native one opens),
    /// starting in `folder`.
    pub fn start_dialog(
        &mut self,
        ctx: &egui::Context,
        mode: DialogMode,
        folder: Option<std::path::PathBuf>,
    ) {
        let ask = Ask {
            title: "Open a scenario or a snapshot".into(),
            file_name: None,
            filter: ("Frontline scenario or snapshot".into(), vec!["ron".into()]),
            save: false,
            folder,
        };
        self.open_dialog.start(ctx, ask, mode);
    }

    /// Starts File > Import ACLED...'s file dialog (CSV files), starting in `folder`.
    pub fn start_import_dialog(
        &mut self,
        ctx: &egui::Context,
        mode: DialogMode,
        folder: Option<std::path::PathBuf>,
    ) {
        let ask = Ask {
            title: "Import ACLED rows".into(),
            file_name: None,
            filter: ("ACLED CSV".into(), vec!["csv".into()]),
            save: false,
            folder,
        };
        self.import_dialog.start(ctx, ask, mode);
    }

    /// Draws File > Import ACLED...'s in-app dialog, if open, and collects its answer.
    pub fn poll_import_dialog(&mut self, ctx: &egui::Context, out: &mut Vec<Command>) {
        if let Some(Answer::Picked(path)) = self.import_dialog.poll(ctx) {
            out.push(Command::ImportAcled(path));
        }
    }

    /// True while the file dialog is open.
    pub fn dialog_open(&self) -> bool {
        self.open_dialog.is_open()
    }

    /// Draws the in-app file dialog, if open, and collects the dialog's answer.
    pub fn poll_dialog(&mut self, ctx: &egui::Context, out: &mut Vec<Command>) {
        if let Some(Answer::Picked(path)) = self.open_dialog.poll(ctx) {
            out.push(Command::OpenPath(path));
        }
    }

    /// The left panel: search, perspective, comparison (collapsed), layers.
    pub fn left_ui(&mut self, ui: &mut egui::Ui, cx: &Cx<'_>, out: &mut Vec<Command>) {
        // The panel keeps its width whatever it shows: a scroll area shrinking to
        // its content would narrow the panel and move the map for a short name.
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                search::ui(ui, cx, &mut self.search, &mut self.focus_search, out);
                ui.separator();
                perspective::ui(ui, cx, out);
                ui.separator();
                compare::ui(ui, cx, &mut self.compare, out);
                ui.separator();
                layers::ui(ui, cx, out);
            });
    }

    /// The right panel: the selected place (what-if at its top), key road
    /// connections, sources.
    pub fn sidebar_ui(&mut self, ui: &mut egui::Ui, cx: &Cx<'_>, out: &mut Vec<Command>) {
        // The panel keeps its width whatever it shows: a scroll area shrinking to
        // its content would narrow the panel and move the map for a short name.
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                sidebar::ui(ui, cx, (&mut self.claim_filter, &mut self.assume_pick), out);
                ui.separator();
                whatif::connections_ui(ui, cx);
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
        if self.open_dialog.is_open() && !self.open_dialog.is_in_app() {
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
