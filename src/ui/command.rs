//! Commands: what panels ask for while drawing, applied once the frame is drawn so no
//! panel mutates state another panel is still reading.

use std::path::PathBuf;

use super::claim_editor::EditorTarget;
use super::map::MapLayers;
use super::state::Renderer;
use crate::control::Perspective;
use crate::edit::Edit;
use crate::export::ExportFormat;
use crate::ingest::ArticleInput;
use crate::model::Claim;

/// One thing the user asked for this frame.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Select a place (by index) or clear the selection.
    Select(Option<usize>),
    /// Select a place and centre the map on it.
    FocusPlace(usize),
    /// Move the timeline to this moment (Unix seconds).
    SetTime(i64),
    /// Jump to the previous (-1) or next (+1) moment a claim takes effect.
    StepEvent(i32),
    /// Start or stop playing the timeline.
    TogglePlay,
    /// Play at this many hours of the timeline per second.
    SetPlaySpeed(f64),
    /// Start again from the beginning when playing reaches the end (true), or stop.
    SetPlayLoop(bool),
    /// Show another perspective.
    SetPerspective(Perspective),
    /// Hide (true) or show (false) a source's claims.
    HideSource(String, bool),
    /// Replace the map layers.
    SetLayers(MapLayers),
    /// What-if: assume place (index) held by faction (index).
    Assume(usize, usize),
    /// Drop every what-if assumption.
    ResetAssumptions,
    /// Show the document a claim (index) quotes, with the quote highlighted.
    ShowClaimDocument(usize),
    /// Ask for a scenario file with the native dialog.
    OpenDialog,
    /// Load a scenario file or a view snapshot.
    OpenPath(PathBuf),
    /// Drop the files that are gone from File > Open Recent.
    ForgetMissingRecent,
    /// Open the File > Export window (format picker).
    ShowExport,
    /// Ask where to export, with the native save dialog, in this format.
    ExportDialog(ExportFormat),
    /// Export what is on screen to this file, in the background.
    ExportTo {
        /// The file to write.
        path: PathBuf,
        /// What to write.
        format: ExportFormat,
    },
    /// Pick the renderer used from the next start.
    SetRenderer(Renderer),
    /// Switch between dark (true) and light themes.
    SetDark(bool),
    /// Pick the file dialog: native where it opens, or always the in-app one.
    SetFileDialog(super::dialog::DialogMode),
    /// Let opened scenarios read files outside their folder, or stop.
    SetAllowOutsidePaths(bool),
    /// Fit the map to Syria.
    Fit,
    /// Show (true) or hide the left panel.
    ShowControls(bool),
    /// Show (true) or hide the right panel.
    ShowSidebar(bool),
    /// Zoom the map about its centre: above 1 zooms in.
    Zoom(f64),
    /// Put the keyboard focus in the search box.
    FocusSearch,
    /// Show the About window.
    ShowAbout,
    /// Show Help > Keyboard and mouse.
    ShowKeys,
    /// Close the window on top, if one is open.
    CloseTopWindow,
    /// Go to the start (-1) or the end (+1) of the timeline.
    TimelineEdge(i32),
    /// Pick the comparison date.
    SetCompareDate(Option<jiff::civil::Date>),
    /// Close the window (asking first when there are unsaved changes).
    Quit,
    /// Change the scenario; one undo step.
    Edit(Box<Edit>),
    /// Undo the newest edit.
    Undo,
    /// Redo the newest undone edit.
    Redo,
    /// Save the scenario to its files (asking where first when it has none).
    Save,
    /// Ask where to save a copy, with the native save dialog.
    SaveAsDialog,
    /// Save the whole scenario as this main file and go on editing it there.
    SaveAs(PathBuf),
    /// Answer "the scenario changed on disk".
    DiskAnswer(super::disk_watch::DiskAnswer),
    /// Reapply the unsaved edits a previous session left (true) or throw them away.
    Recover(bool),
    /// Open the File > Add article window.
    ShowAddArticle,
    /// File > Import ACLED...: ask for the CSV file.
    ImportAcledDialog,
    /// Import the rows of this ACLED CSV as drafts and review them.
    ImportAcled(std::path::PathBuf),
    /// Run ingest on an article and review its drafts.
    ReadArticle(Box<ArticleInput>),
    /// Add the reviewed article, what its accepted drafts need, and those drafts as
    /// claims, in one undo step.
    AddAccepted,
    /// Open the claim editor on a draft of the review (by position).
    EditDraft(usize),
    /// Open the claim editor on a claim (index), or on a new claim (`None`).
    EditClaim(Option<usize>),
    /// The claim editor's OK: add or change the claim, or change the draft.
    SaveClaim {
        /// What the editor was editing.
        target: EditorTarget,
        /// The claim as edited.
        claim: Box<Claim>,
    },
    /// Answer the "unsaved changes" question (closing, or opening another file).
    CloseAnswer(CloseAnswer),
}

/// What to do with unsaved changes before closing or opening another file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CloseAnswer {
    /// Save them, then close (unless the save fails).
    Save,
    /// Close without saving.
    Discard,
    /// Keep the window open.
    Cancel,
}
