//! A dataset record a claim may cite instead of a quote: a CSV row or a GeoJSON/KML
//! feature, with its text.

use serde::{Deserialize, Serialize};

/// A record of a dataset that a claim rests on instead of a quote: a row of a CSV
/// table (an ACLED export) or a feature of a GeoJSON file (a control map). Checked
/// when the scenario loads, as quotes are: `text` must be what the file holds there.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Record {
    /// The dataset file, relative to the scenario file (`.csv`, `.geojson` or `.json`).
    pub dataset: String,
    /// Which record: a CSV row's number (1 is the first row after the header), or a
    /// GeoJSON feature's `id` (its 1-based position when it has none).
    pub row: String,
    /// The record as the file holds it: a CSV row's bytes (without the line end), or a
    /// feature's `properties` as compact JSON.
    pub text: String,
}
