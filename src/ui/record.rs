//! A dataset record shown as a claim's evidence, where a document claim shows its
//! quote: the dataset file, the row or feature id, and the record's own text (an ACLED
//! row as the file holds it).

use crate::model::Record;

/// "Record 12 of events.csv": what the record is, in words.
pub fn record_heading(record: &Record) -> String {
    format!("Record {} of {}", record.row, record.dataset)
}

/// The record's heading and its text, read-only and wrapped.
pub fn record_ui(ui: &mut egui::Ui, record: &Record) {
    ui.label(record_heading(record))
        .on_hover_text("The claim rests on this record of a dataset, checked against the file");
    ui.add(egui::Label::new(egui::RichText::new(&record.text).monospace().small()).wrap());
}
