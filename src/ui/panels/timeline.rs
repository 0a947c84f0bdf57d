//! The timeline: a slider over the scenario's span with ticks where claims take
//! effect, a date and time entry, play/pause at a chosen speed (with a loop), steps
//! from claim to claim, and what changed hands at the current step.

use super::Cx;
use crate::control::StepChanges;
use crate::model::Moment;
use crate::ui::command::Command;
use crate::ui::format;

/// The date and time entry (transient).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TimeEntry {
    /// The text in the entry.
    pub text: String,
    /// Why the last text typed was not taken, shown next to the entry.
    pub error: Option<String>,
    /// The entry had the keyboard focus last frame (its text is the user's).
    editing: bool,
    /// The changes at the current step, for the engine and the world's generation they
    /// were asked for (two resolutions each: not every frame).
    steps: Option<((u64, u64), Option<StepChanges>)>,
}

/// How many changes the step line names before "and N more".
const CHANGES_SHOWN: usize = 8;

/// Draws the timeline.
pub fn ui(ui: &mut egui::Ui, cx: &Cx<'_>, entry: &mut TimeEntry, out: &mut Vec<Command>) {
    // A moment past the span (a snapshot's, within the freshness window) still shows.
    let (start, end) = cx.world.time_span();
    let (start, end) = (start.min(cx.now), end.max(cx.now));
    let offset = cx.world.scenario().offset();
    ui.add_space(4.0);
    // One line at any width: the moment in words comes last and is cut short (whole
    // on hover) rather than wrapping and taking height from the map.
    ui.horizontal(|ui| {
        buttons_ui(ui, cx, out);
        ui.separator();
        entry_ui(ui, cx, entry, out);
        ui.separator();
        ui.label("As of");
        let words = egui::RichText::new(format::as_of_words(cx.now, offset)).strong();
        ui.add(egui::Label::new(words).truncate());
    });
    let events = cx.world.engine.event_secs();
    ui.horizontal(|ui| {
        let mut secs = cx.now;
        let width = (ui.available_width() - 280.0).max(100.0);
        ui.spacing_mut().slider_width = width;
        let slider = egui::Slider::new(&mut secs, start..=end)
            .show_value(false)
            .text("Time");
        // No step: a snapped slider would silently round a chosen moment (23:59:59
        // became the next day's 00:00:00).
        let response = ui.add(slider);
        if response.changed() {
            out.push(Command::SetTime(secs));
        }
        let rail = egui::Rect::from_min_size(
            response.rect.left_top(),
            egui::vec2(width, response.rect.height()),
        );
        ticks_ui(ui, rail, (start, end), events);
        ui.separator();
        speed_ui(ui, cx, out);
    });
    // The span's ends, and between them what changed at this step (one line: the
    // panel stays as low as it was, and the map keeps its height).
    ui.horizontal(|ui| {
        ui.small(format::short_date(start, offset));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.small(format::short_date(end, offset));
            ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                ui.add_space(12.0);
                step_changes_ui(ui, cx, &mut entry.steps);
            });
        });
    });
}

/// Previous claim, play/pause, next claim.
fn buttons_ui(ui: &mut egui::Ui, cx: &Cx<'_>, out: &mut Vec<Command>) {
    let events = cx.world.engine.event_secs();
    let has_prev = events.iter().any(|&t| t < cx.now);
    let has_next = events.iter().any(|&t| t > cx.now);
    if ui
        .add_enabled(has_prev, egui::Button::new("Previous claim"))
        .on_hover_text("Step to the previous moment a claim takes effect (Left arrow key)")
        .clicked()
    {
        out.push(Command::StepEvent(-1));
    }
    let play = if cx.playing { "Pause" } else { "Play" };
    if ui
        .button(play)
        .on_hover_text("Play the timeline (Space)")
        .clicked()
    {
        out.push(Command::TogglePlay);
    }
    if ui
        .add_enabled(has_next, egui::Button::new("Next claim"))
        .on_hover_text("Step to the next moment a claim takes effect (Right arrow key)")
        .clicked()
    {
        out.push(Command::StepEvent(1));
    }
}

/// The play speed (hours of the timeline per second) and the loop.
fn speed_ui(ui: &mut egui::Ui, cx: &Cx<'_>, out: &mut Vec<Command>) {
    let mut speed = cx.state.play_hours_per_sec;
    let label = ui.label("Speed");
    let drag = egui::DragValue::new(&mut speed)
        .range(0.1..=720.0)
        .speed(0.5)
        .max_decimals(1)
        .suffix(" h/s");
    let speed_response = ui
        .add(drag)
        .labelled_by(label.id)
        .on_hover_text("Play speed: hours of the timeline per second");
    if speed_response.changed() {
        out.push(Command::SetPlaySpeed(speed));
    }
    let mut looping = cx.state.play_loop;
    if ui
        .checkbox(&mut looping, "Loop")
        .on_hover_text("Start again from the beginning when playing reaches the end")
        .changed()
    {
        out.push(Command::SetPlayLoop(looping));
    }
}

/// The date and time entry: typed text read by [`Moment::parse`] (a bare date is the
/// end of that day in the scenario's zone); Enter goes there, or says why not in place
/// and keeps the moment shown.
fn entry_ui(ui: &mut egui::Ui, cx: &Cx<'_>, entry: &mut TimeEntry, out: &mut Vec<Command>) {
    let offset = cx.world.scenario().offset();
    if !entry.editing && entry.error.is_none() {
        entry.text = Moment::from_unix_secs(cx.now).to_rfc3339(offset);
    }
    let label = ui.label("Go to");
    let response = ui.add(
        egui::TextEdit::singleline(&mut entry.text)
            .id_salt("timeline entry")
            .desired_width(195.0)
            .hint_text("2024-12-07 or 2024-12-07T18:00"),
    );
    let response = response.labelled_by(label.id).on_hover_text(format!(
        "Type a date or a date and time, then Enter. {}",
        crate::model::ACCEPTED_FORMS
    ));
    if response.changed() {
        entry.error = None;
    }
    let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    entry.editing = response.has_focus();
    if entered {
        match Moment::parse(entry.text.trim(), offset) {
            Ok(at) => match cx.world.engine.check_moment(at) {
                Ok(at) => {
                    entry.error = None;
                    out.push(Command::SetTime(at.unix_secs()));
                }
                Err(outside) => entry.error = Some(outside.to_string()),
            },
            Err(message) => entry.error = Some(message),
        }
    }
    if let Some(error) = &entry.error {
        ui.colored_label(ui.visuals().error_fg_color, format!("Not changed: {error}"));
    }
}

/// A short tick under the rail at each moment a claim takes effect.
fn ticks_ui(ui: &egui::Ui, rail: egui::Rect, (start, end): (i64, i64), events: &[i64]) {
    if end <= start {
        return;
    }
    // The slider's handle centre runs from one handle radius inside each end.
    let inset = rail.height() / 2.5;
    let (left, right) = (rail.left() + inset, rail.right() - inset);
    let colour = ui.visuals().weak_text_color();
    let painter = ui.painter();
    let mut last_x = f32::NEG_INFINITY;
    for &t in events.iter().filter(|&&t| (start..=end).contains(&t)) {
        #[expect(clippy::cast_precision_loss, reason = "a position on screen")]
        let x = left + (right - left) * ((t - start) as f64 / (end - start) as f64) as f32;
        if x - last_x < 1.0 {
            continue;
        }
        last_x = x;
        painter.line_segment(
            [
                egui::pos2(x, rail.bottom() - 3.0),
                egui::pos2(x, rail.bottom() + 1.0),
            ],
            (1.0, colour),
        );
    }
}

/// "Changed at this step (7 Dec 2024, 18:00): Homs: government → rebels, ..." from the
/// engine's [`crate::control::Engine::step_changes`].
fn step_changes_ui(
    ui: &mut egui::Ui,
    cx: &Cx<'_>,
    steps: &mut Option<((u64, u64), Option<StepChanges>)>,
) {
    let scenario = cx.world.scenario();
    let generation = (cx.world.engine.instance(), cx.world.generation);
    if steps.as_ref().is_none_or(|(g, _)| *g != generation) {
        *steps = Some((generation, cx.world.engine.step_changes(cx.view, cx.now)));
    }
    let Some((_, Some(step))) = steps.as_ref() else {
        return;
    };
    let when = format::short_moment(step.step_secs, scenario.offset());
    let name = |f: Option<u16>| {
        f.and_then(|f| scenario.factions.get(usize::from(f)))
            .map_or("no one", |f| f.short.as_str())
    };
    let arrow = format::arrow(ui.ctx());
    let mut parts: Vec<String> = step
        .changes
        .iter()
        .take(CHANGES_SHOWN)
        .filter_map(|c| {
            let place = scenario.places.get(c.place)?;
            Some(format!(
                "{}: {} {arrow} {}",
                place.name,
                name(c.before),
                name(c.after)
            ))
        })
        .collect();
    if step.changes.len() > CHANGES_SHOWN {
        parts.push(format!("and {} more", step.changes.len() - CHANGES_SHOWN));
    }
    let text = if parts.is_empty() {
        format!("At this step ({when}): no place changed hands.")
    } else {
        format!("Changed hands at this step ({when}): {}", parts.join("; "))
    };
    // Truncated to the line; the whole list shows on hover.
    ui.add(egui::Label::new(egui::RichText::new(text).small()).truncate());
}
