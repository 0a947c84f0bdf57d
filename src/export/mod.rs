//! Exports of exactly what the map shows (moment, perspective, layers, what-if, extent):
//! a print-quality SVG or PNG map drawn without a GPU (`print/`), and data files
//! (`formats/`): GeoJSON, a GeoPackage, a RON snapshot that reopens the view, a Markdown
//! brief with citations, the claims as ACLED events and the control timeline as CSV.
//! [`ExportFormat`] lists them; [`ExportError`] says why nothing was written.
//!
//! Nothing here knows about the window. Every file is written through
//! [`crate::io::write_atomically`], so a failed export leaves no partial file.

mod args;
mod error;
mod format;
pub(crate) mod formats;
mod job;
mod print;
mod scene;

pub use args::{parse_bbox, parse_every, parse_size};
pub use error::ExportError;
pub use format::ExportFormat;
pub use formats::acled::claims_csv;
pub use formats::brief_markdown;
pub use formats::geojson::{geojson_layer_text, geojson_text};
pub use formats::gis::GisLayer;
pub use formats::snapshot;
pub use formats::snapshot::{Snapshot, fnv1a64_hex};
pub use formats::timeline::{IntervalRow, interval_rows, timeline_csv};
pub use job::{
    ExportJob, ExportOptions, MAX_FRAMES, Timelapse, frame_path, layer_path, run_job, run_job_with,
};
pub use print::{
    FONT_TTF, Frame, MapOptions, TextLine, boxes_overlap, default_bbox, encode_png, map_png,
    map_svg, map_svg_outlined, map_text_lines, png_from_svg, subset_font,
};
pub use scene::{
    NEUTRAL_RGB, ROAD_FRONT, ROAD_HELD, ROAD_SEVERED, Scene, TERRITORY_METHOD, status_legend,
};

use crate::control::Engine;
use crate::io::{Diagnostic, LoadError};
use crate::model::Moment;

/// An error in a command-line argument, located as `<--flag>:1:1: message`.
pub fn argument_error(flag: &str, message: impl Into<String>) -> LoadError {
    LoadError {
        diagnostics: vec![Diagnostic {
            file: format!("<{flag}>"),
            line: 1,
            col: 1,
            message: message.into(),
        }],
    }
}

/// "Saturday 7 December 2024, 23:59:59 (UTC+03:00)": a moment in the scenario's time
/// zone, as the print map's heading and the brief write it.
pub fn local_time_label(engine: &Engine, at: Moment) -> String {
    at.words(engine.scenario().offset())
}
