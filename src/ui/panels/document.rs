//! The document window: a claim's document in full, with the quote's sentence
//! highlighted and scrolled into view. Selecting words in it offers them to the claim
//! editor as a quote.

use super::Cx;
use super::document_text::{self, Mark, QuoteSelection};

/// An open document window.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocumentWindow {
    /// The claim whose quote is highlighted.
    pub claim: usize,
    /// Scroll the highlight into view on the next frame.
    pub scroll_pending: bool,
}

/// Draws the document window while there is one; words selected in it go to
/// `selection`.
pub fn window(
    ctx: &egui::Context,
    cx: &Cx<'_>,
    open: &mut Option<DocumentWindow>,
    selection: &mut Option<QuoteSelection>,
) {
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
        .id(super::window_id("document"))
        .open(&mut keep_open)
        .default_size([560.0, 480.0])
        .show(ctx, |ui| {
            ui.small(format!(
                "{}, published {}",
                document.publisher, document.published
            ));
            ui.small("Select words to use them as a claim's quote in the claim editor.");
            ui.separator();
            egui::ScrollArea::vertical().show(ui, |ui| {
                let marks: Vec<Mark> = sentence
                    .iter()
                    .map(|range| Mark {
                        range: range.clone(),
                        background: ui.visuals().selection.bg_fill,
                    })
                    .collect();
                let scroll_to = sentence
                    .as_ref()
                    .filter(|_| current.scroll_pending)
                    .map(|range| range.start);
                let shown = document_text::show(ui, "document", &document.text, &marks, scroll_to);
                if let Some(rect) = shown.top_of {
                    ui.scroll_to_rect(rect, Some(egui::Align::Center));
                    current.scroll_pending = false;
                }
                if let Some(range) = shown.selected {
                    *selection = Some(QuoteSelection {
                        document: document.id.clone(),
                        quote: document.text[range].to_owned(),
                    });
                }
            });
        });
    if !keep_open {
        *open = None;
    }
}
