//! Applying commands to the app, and the keyboard shortcuts that produce them.

use egui::{Key, Modifiers};

use super::FrontlineApp;
use super::command::Command;

/// Half the width and height, in degrees, of the view centred on a found place.
const FOCUS_HALF_SPAN: [f64; 2] = [1.2, 0.9];

/// How much the zoom buttons and the + and − keys zoom.
pub const BUTTON_ZOOM: f64 = 1.5;

/// Applies one command.
pub fn apply(app: &mut FrontlineApp, ctx: &egui::Context, command: Command) {
    match command {
        Command::Select(place) => {
            app.selected = place;
            app.panels.claim_filter = None;
        }
        Command::FocusPlace(p) => {
            if let Some(place) = app.world.scenario().places.get(p) {
                let [dx, dy] = FOCUS_HALF_SPAN;
                let (lon, lat) = (place.lon, place.lat);
                app.state.camera.bounds_lonlat = Some([lon - dx, lat - dy, lon + dx, lat + dy]);
                app.state.camera.fit_requested = false;
                app.selected = Some(p);
                app.panels.claim_filter = None;
            }
        }
        Command::SetTime(secs) => app.state.time_secs = Some(secs),
        Command::StepEvent(direction) => {
            let now = app.now_secs();
            let events = app.world.engine.event_secs();
            let target = if direction < 0 {
                events.iter().rev().find(|&&t| t < now)
            } else {
                events.iter().find(|&&t| t > now)
            };
            if let Some(&t) = target {
                app.state.time_secs = Some(t);
            }
            app.playing = false;
        }
        Command::TogglePlay => {
            app.playing = !app.playing;
            let (start, end) = app.world.time_span();
            if app.playing && app.now_secs() >= end {
                app.state.time_secs = Some(start);
            }
        }
        Command::SetPerspective(perspective) => app.state.perspective = perspective,
        Command::HideSource(id, hide) => {
            if hide {
                app.state.hidden_sources.insert(id);
            } else {
                app.state.hidden_sources.remove(&id);
            }
        }
        Command::SetLayers(layers) => {
            if app.state.layers != layers {
                app.state.layers = layers;
                app.world.generation += 1;
            }
        }
        Command::Assume(p, f) => {
            let scenario = app.world.scenario();
            if let (Some(place), Some(faction)) = (scenario.places.get(p), scenario.factions.get(f))
            {
                app.assume.insert(place.id.clone(), faction.id.clone());
            }
        }
        Command::ResetAssumptions => app.assume.clear(),
        Command::ShowClaimDocument(c) => app.panels.show_document(c),
        Command::OpenDialog => {
            let folder = app.scenario_folder();
            app.panels.start_dialog(ctx, app.state.file_dialog, folder);
        }
        Command::OpenPath(path) => app.open_asking(ctx, path),
        Command::ForgetMissingRecent => super::recent::forget_missing(&mut app.state.recent_files),
        Command::ShowExport => {
            app.exports.window_open = true;
            to_top(ctx, Closable::Export);
        }
        Command::ExportDialog(format) => {
            let name =
                super::export::default_file_name(app.world.scenario(), app.now_secs(), format);
            let folder = app.scenario_folder();
            let mode = app.state.file_dialog;
            app.exports.start_dialog(ctx, format, name, folder, mode);
        }
        Command::ExportTo { path, format } => app.export_to(ctx, &path, format),
        Command::SetRenderer(renderer) => app.state.renderer = renderer,
        Command::SetDark(dark) => app.state.dark = dark,
        Command::SetAllowOutsidePaths(allow) => app.state.allow_outside_paths = allow,
        Command::SetFileDialog(mode) => app.state.file_dialog = mode,
        Command::Fit => app.state.camera.fit_requested = true,
        Command::ShowControls(show) => app.state.show_controls = show,
        Command::ShowSidebar(show) => app.state.show_sidebar = show,
        Command::Zoom(factor) => app.state.camera.zoom(factor),
        Command::FocusSearch => app.panels.focus_search = true,
        Command::ShowAbout => {
            app.panels.about_open = true;
            to_top(ctx, Closable::About);
        }
        Command::ShowKeys => {
            app.panels.keys_open = true;
            to_top(ctx, Closable::Keys);
        }
        Command::CloseTopWindow => close_top_window(app, ctx),
        Command::TimelineEdge(direction) => {
            let (start, end) = app.world.time_span();
            app.state.time_secs = Some(if direction < 0 { start } else { end });
            app.playing = false;
        }
        Command::SetCompareDate(date) => app.state.compare_date = date,
        Command::SetPlaySpeed(hours) => {
            if hours.is_finite() && hours > 0.0 {
                app.state.play_hours_per_sec = hours;
            }
        }
        Command::SetPlayLoop(looping) => app.state.play_loop = looping,
        Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
        Command::Edit(edit) => {
            // A refused edit is reported in the status bar by `edit`.
            let _ = app.edit(*edit);
        }
        Command::Undo => app.undo(),
        Command::Redo => app.redo(),
        Command::Save => {
            app.save(ctx);
        }
        Command::SaveAsDialog => app.start_save_as(ctx),
        Command::SaveAs(path) => {
            if app.save_as(&path) {
                app.leave_if_saved(ctx);
            }
        }
        Command::Recover(restore) => app.recover(restore),
        Command::DiskAnswer(answer) => app.answer_disk_change(answer),
        Command::CloseAnswer(answer) => app.answer_close(ctx, answer),
        Command::ShowAddArticle => app.panels.article.open = true,
        Command::ImportAcledDialog => {
            let folder = app.scenario_folder();
            app.panels
                .start_import_dialog(ctx, app.state.file_dialog, folder);
        }
        Command::ImportAcled(path) => app.import_acled(&path),
        Command::ReadArticle(article) => app.read_article(&article),
        Command::AddAccepted => app.add_accepted(),
        Command::EditDraft(n) => app.open_draft_editor(n),
        Command::EditClaim(c) => app.open_claim_editor(c),
        Command::SaveClaim { target, claim } => app.save_claim(target, *claim),
    }
}

/// Reads the keyboard shortcuts: Ctrl+O open, Ctrl+E export, Ctrl+F search, Ctrl+S
/// save, Ctrl+Shift+S save as, F1 the shortcuts, Ctrl+Z undo, Ctrl+Shift+Z and Ctrl+Y
/// redo, F fit, + and − zoom, ←/→ step, Home/End the timeline's ends, Space play, Esc
/// close the window on top. The single keys, and undo and redo, are left to a text
/// field that has the focus (it undoes its own typing). Help > Keyboard and mouse
/// ([`super::panels::keys`]) lists them all: keep it in step.
pub fn shortcuts(ctx: &egui::Context, out: &mut Vec<Command>) {
    ctx.input_mut(|input| {
        // The shifted forms first: `consume_key` ignores extra Shift.
        if input.consume_key(Modifiers::COMMAND | Modifiers::SHIFT, Key::S) {
            out.push(Command::SaveAsDialog);
        }
        if input.consume_key(Modifiers::COMMAND, Key::S) {
            out.push(Command::Save);
        }
        if input.consume_key(Modifiers::COMMAND, Key::O) {
            out.push(Command::OpenDialog);
        }
        if input.consume_key(Modifiers::COMMAND, Key::E) {
            out.push(Command::ShowExport);
        }
        if input.consume_key(Modifiers::COMMAND, Key::F) {
            out.push(Command::FocusSearch);
        }
        if input.consume_key(Modifiers::NONE, Key::F1) {
            out.push(Command::ShowKeys);
        }
    });
    if ctx.text_edit_focused() {
        return;
    }
    ctx.input_mut(|input| {
        if input.consume_key(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z)
            || input.consume_key(Modifiers::COMMAND, Key::Y)
        {
            out.push(Command::Redo);
        }
        if input.consume_key(Modifiers::COMMAND, Key::Z) {
            out.push(Command::Undo);
        }
        if input.consume_key(Modifiers::NONE, Key::ArrowLeft) {
            out.push(Command::StepEvent(-1));
        }
        if input.consume_key(Modifiers::NONE, Key::ArrowRight) {
            out.push(Command::StepEvent(1));
        }
        if input.consume_key(Modifiers::NONE, Key::Home) {
            out.push(Command::TimelineEdge(-1));
        }
        if input.consume_key(Modifiers::NONE, Key::End) {
            out.push(Command::TimelineEdge(1));
        }
        // A text field leaves the focus on Esc itself; the next Esc closes the window.
        if input.consume_key(Modifiers::NONE, Key::Escape) {
            out.push(Command::CloseTopWindow);
        }
        if input.consume_key(Modifiers::NONE, Key::Space) {
            out.push(Command::TogglePlay);
        }
        if input.consume_key(Modifiers::NONE, Key::F) {
            out.push(Command::Fit);
        }
        // `+` is Shift+= on most layouts: `consume_key` ignores the extra Shift.
        if input.consume_key(Modifiers::NONE, Key::Plus)
            || input.consume_key(Modifiers::NONE, Key::Equals)
        {
            out.push(Command::Zoom(BUTTON_ZOOM));
        }
        if input.consume_key(Modifiers::NONE, Key::Minus) {
            out.push(Command::Zoom(1.0 / BUTTON_ZOOM));
        }
    });
}

/// Moves the time on while the timeline plays; stops at the end.
pub fn advance_play(app: &mut FrontlineApp, ctx: &egui::Context) {
    if !app.playing {
        return;
    }
    let (start, end) = app.world.time_span();
    let dt = f64::from(ctx.input(|i| i.stable_dt).min(0.1));
    let hours = app.state.play_hours_per_sec;
    let hours = if hours.is_finite() && hours > 0.0 {
        hours
    } else {
        super::state::DEFAULT_PLAY_HOURS_PER_SEC
    };
    let step = (hours * 3600.0 * dt).max(1.0) as i64;
    let next = app.now_secs().saturating_add(step).min(end);
    app.state.time_secs = Some(next);
    if next >= end {
        if app.state.play_loop {
            app.state.time_secs = Some(start);
            ctx.request_repaint();
        } else {
            app.playing = false;
        }
    } else {
        ctx.request_repaint();
    }
}

/// The windows Esc closes, most important last.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Closable {
    Document,
    Article,
    Drafts,
    ClaimEditor,
    Export,
    Errors,
    About,
    Keys,
}

impl Closable {
    const ALL: [Self; 8] = [
        Self::Document,
        Self::Article,
        Self::Drafts,
        Self::ClaimEditor,
        Self::Export,
        Self::Errors,
        Self::About,
        Self::Keys,
    ];

    fn id(self) -> egui::Id {
        use super::panels::window_id;
        match self {
            Self::Document => window_id("document"),
            Self::Article => window_id("article"),
            Self::Drafts => window_id("drafts"),
            Self::ClaimEditor => egui::Id::unique("claim-editor"),
            Self::Export => window_id("export"),
            Self::Errors => window_id("errors"),
            Self::About => window_id("about"),
            Self::Keys => super::panels::keys::window_id(),
        }
    }

    fn is_open(self, app: &FrontlineApp) -> bool {
        let panels = &app.panels;
        match self {
            Self::Document => panels.document.is_some(),
            Self::Article => panels.article.open,
            Self::Drafts => panels.review.is_some(),
            Self::ClaimEditor => panels.editor.is_some(),
            Self::Export => app.exports.window_open,
            Self::Errors => panels.errors.is_some(),
            Self::About => panels.about_open,
            Self::Keys => panels.keys_open,
        }
    }

    fn close(self, app: &mut FrontlineApp) {
        let panels = &mut app.panels;
        match self {
            Self::Document => panels.document = None,
            Self::Article => panels.article.open = false,
            Self::Drafts => panels.review = None,
            Self::ClaimEditor => panels.editor = None,
            Self::Export => app.exports.window_open = false,
            Self::Errors => panels.errors = None,
            Self::About => panels.about_open = false,
            Self::Keys => panels.keys_open = false,
        }
    }
}

/// Brings a window (re)opened by a command to the top, so Esc closes it first.
fn to_top(ctx: &egui::Context, window: Closable) {
    ctx.move_to_top(egui::LayerId::new(egui::Order::Middle, window.id()));
}

/// Cancels the in-app file dialog if one is open; else closes the open window drawn on
/// top (the one last clicked or opened), or else the most important open one.
fn close_top_window(app: &mut FrontlineApp, ctx: &egui::Context) {
    if app.cancel_in_app_dialog() {
        return;
    }
    let open: Vec<Closable> = Closable::ALL
        .into_iter()
        .filter(|w| w.is_open(app))
        .collect();
    let top = ctx.memory(|m| m.areas().top_layer_id(egui::Order::Middle));
    let on_top = open
        .iter()
        .copied()
        .find(|w| top.is_some_and(|layer| layer.id == w.id()));
    if let Some(window) = on_top.or_else(|| open.last().copied()) {
        window.close(app);
    }
}
