//! A document's text, read-only but selectable, with coloured marks: the quote's
//! sentence in the document window, what ingest found in the Drafts window. The
//! selection is what the claim editor's "Use selection" takes as the quote.

use std::ops::Range;

use egui::text::{CCursor, LayoutJob, TextFormat};

/// Words to colour: a byte range of the text and its background.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    /// Byte range in the text.
    pub range: Range<usize>,
    /// Background colour.
    pub background: egui::Color32,
}

/// Text selected in a document view, for the claim editor's quote.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct QuoteSelection {
    /// The document's id.
    pub document: String,
    /// The words selected, verbatim.
    pub quote: String,
}

/// What [`show`] drew.
pub struct Shown {
    /// The selected byte range, if the user selected something.
    pub selected: Option<Range<usize>>,
    /// Where a byte offset of the text is on the screen (for scrolling to it).
    pub top_of: Option<egui::Rect>,
}

/// Draws `text` with `marks` (later marks win where they overlap); `scroll_to` asks
/// for the screen rectangle of that byte offset.
pub fn show(
    ui: &mut egui::Ui,
    id_salt: &str,
    text: &str,
    marks: &[Mark],
    scroll_to: Option<usize>,
) -> Shown {
    let mut layouter = |ui: &egui::Ui, buffer: &dyn egui::TextBuffer, wrap: f32| {
        let mut job = marked(ui, buffer.as_str(), marks);
        job.wrap.max_width = wrap;
        ui.fonts_mut(|fonts| fonts.layout_job(job))
    };
    let mut read_only: &str = text;
    let output = egui::TextEdit::multiline(&mut read_only)
        .id_salt(id_salt)
        .desired_width(f32::INFINITY)
        .frame(egui::Frame::NONE)
        .layouter(&mut layouter)
        .show(ui);
    let selected = output
        .cursor_range
        .map(|range| range.as_sorted_char_range())
        .filter(|range| range.start.0 < range.end.0)
        .map(|range| byte_of(text, range.start.0)..byte_of(text, range.end.0));
    let top_of = scroll_to.map(|byte| {
        let chars = text.get(..byte).map_or(0, |before| before.chars().count());
        output
            .galley
            .pos_from_cursor(CCursor::new(chars))
            .translate(output.galley_pos.to_vec2())
    });
    Shown { selected, top_of }
}

/// The byte offset of the `n`th character.
fn byte_of(text: &str, n: usize) -> usize {
    text.char_indices()
        .nth(n)
        .map_or(text.len(), |(byte, _)| byte)
}

/// The text as a layout job, each mark on its background.
fn marked(ui: &egui::Ui, text: &str, marks: &[Mark]) -> LayoutJob {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let colour = ui.visuals().text_color();
    let plain = TextFormat::simple(font, colour);
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for mark in marks.iter().filter(|m| m.range.end <= text.len()) {
        cuts.extend([mark.range.start, mark.range.end]);
    }
    cuts.retain(|&cut| text.is_char_boundary(cut));
    cuts.sort_unstable();
    cuts.dedup();
    let mut job = LayoutJob::default();
    for pair in cuts.windows(2) {
        let [start, end] = [pair[0], pair[1]];
        let background = marks
            .iter()
            .rev()
            .find(|m| m.range.start <= start && end <= m.range.end)
            .map(|m| m.background);
        let format = match background {
            Some(background) => TextFormat {
                background,
                color: ui.visuals().strong_text_color(),
                ..plain.clone()
            },
            None => plain.clone(),
        };
        job.append(&text[start..end], 0.0, format);
    }
    job
}
