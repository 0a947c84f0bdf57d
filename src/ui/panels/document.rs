//! The document window: a claim's document in full, with the quote's sentence
//! highlighted and scrolled into view.

use egui::text::{CCursor, LayoutJob, TextFormat};

use super::Cx;

/// An open document window.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocumentWindow {
    /// The claim whose quote is highlighted.
    pub claim: usize,
    /// Scroll the highlight into view on the next frame.
    pub scroll_pending: bool,
}

/// Draws the document window while there is one.
pub fn window(ctx: &egui::Context, cx: &Cx<'_>, open: &mut Option<DocumentWindow>) {
    let Some(current) = open.as_mut() else { return };
    let scenario = cx.world.scenario();
    let Some(claim) = scenario.claims.get(current.claim) else {
        *open = None;
        return;
    };
    let Some(document) = claim
        .document
        .as_deref()
        .and_then(|id| scenario.document_index(id))
        .map(|d| &scenario.documents[d])
    else {
        *open = None;
        return;
    };
    let sentence = claim
        .quote
        .as_deref()
        .and_then(|quote| document.find_quote(quote))
        .map(|range| document.sentence_around(range));
    let mut keep_open = true;
    egui::Window::new(format!("Document: {}", document.title))
        .open(&mut keep_open)
        .default_size([560.0, 480.0])
        .show(ctx, |ui| {
            ui.small(format!(
                "{}, published {}",
                document.publisher, document.published
            ));
            ui.separator();
            egui::ScrollArea::vertical().show(ui, |ui| {
                let job = highlighted(ui, &document.text, sentence.clone());
                let galley = ui.fonts_mut(|fonts| fonts.layout_job(job));
                let response = ui.label(galley.clone());
                if let Some(range) = sentence.filter(|_| current.scroll_pending) {
                    let chars = document.text[..range.start].chars().count();
                    let rect = galley
                        .pos_from_cursor(CCursor::new(chars))
                        .translate(response.rect.min.to_vec2());
                    ui.scroll_to_rect(rect, Some(egui::Align::Center));
                    current.scroll_pending = false;
                }
            });
        });
    if !keep_open {
        *open = None;
    }
}

/// The text as a wrapped layout job with `highlight` on a coloured background.
fn highlighted(ui: &egui::Ui, text: &str, highlight: Option<std::ops::Range<usize>>) -> LayoutJob {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let colour = ui.visuals().text_color();
    let plain = TextFormat::simple(font.clone(), colour);
    let marked = TextFormat {
        background: ui.visuals().selection.bg_fill,
        color: ui.visuals().strong_text_color(),
        ..TextFormat::simple(font, colour)
    };
    let mut job = LayoutJob::default();
    job.wrap.max_width = ui.available_width();
    match highlight.filter(|r| r.end <= text.len()) {
        Some(range) => {
            job.append(&text[..range.start], 0.0, plain.clone());
            job.append(&text[range.clone()], 0.0, marked);
            job.append(&text[range.end..], 0.0, plain);
        }
        None => job.append(text, 0.0, plain),
    }
    job
}
