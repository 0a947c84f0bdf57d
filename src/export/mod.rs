//! Exports of exactly what the map shows (moment, perspective, layers, what-if, extent):
//! a print-quality SVG or PNG map drawn without a GPU, GeoJSON, a RON snapshot that
//! reopens the view, a Markdown brief with citations, and the claims as ACLED-like CSV.
//!
//! Nothing here knows about the window. Every file is written through
//! [`crate::io::write_atomically`], so a failed export leaves no partial file.

mod acled;
mod args;
mod brief;
mod font;
mod frame;
mod geojson;
mod job;
mod labels;
mod legend;
mod map;
mod marker;
mod marks;
mod paint;
mod raster;
mod scene;
pub mod snapshot;
mod sprite;
mod svg;

pub use acled::claims_csv;
pub use args::{parse_bbox, parse_every, parse_size};
pub use brief::brief_markdown;
pub use frame::{Frame, default_bbox};
pub use geojson::geojson_text;
pub use job::{ExportFormat, ExportJob, MAX_FRAMES, Moments, frame_path, run_job};
pub use map::{MapOptions, map_svg};
pub use raster::{encode_png, map_png, png_from_svg};
pub use scene::Scene;
pub use snapshot::{Snapshot, fnv1a64_hex};

use jiff::Timestamp;

use crate::control::Engine;
use crate::io::{Diagnostic, LoadError};

/// Margin accepted either side of the scenario's claims when checking a moment.
pub const TIME_MARGIN_SECS: i64 = 7 * 24 * 3600;

/// The moments an export may show: from a week before the first claim takes effect to
/// a week after the last. `None` when the scenario has no claims.
pub fn time_window(engine: &Engine) -> Option<(Timestamp, Timestamp)> {
    let (first, last) = engine.time_range_secs()?;
    let from = Timestamp::from_second(first - TIME_MARGIN_SECS).ok()?;
    let to = Timestamp::from_second(last + TIME_MARGIN_SECS).ok()?;
    Some((from, to))
}

/// Checks that `at` lies in [`time_window`]; the error names the flag and the window.
pub fn check_moment(engine: &Engine, flag: &str, at: Timestamp) -> Result<(), LoadError> {
    let Some((from, to)) = time_window(engine) else {
        return Ok(());
    };
    if at < from || at > to {
        return Err(argument_error(
            flag,
            format!(
                "{at} is outside the scenario's time range: {} to {} \
                 (its claims, with a week either side)",
                from.strftime("%Y-%m-%d"),
                to.strftime("%Y-%m-%d")
            ),
        ));
    }
    Ok(())
}

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

/// "8 Dec 2024, 02:59 UTC+03:00": a moment in the scenario's time zone.
pub fn local_time_label(engine: &Engine, at: Timestamp) -> String {
    let scenario = engine.scenario();
    let offset = scenario.offset();
    let local = offset.to_datetime(at);
    let zone = if offset.seconds() == 0 {
        "UTC".to_owned()
    } else {
        format!("UTC{}", scenario.utc_offset)
    };
    format!("{}, {zone}", local.strftime("%a %-d %b %Y, %H:%M"))
}
