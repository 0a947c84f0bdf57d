//! Dataset records as evidence: reading a CSV table's rows or a GeoJSON or KML file's
//! features with the text a claim's [`Record`] cites, and checking on load that each
//! cited record is what its file holds (as quotes are checked against documents).

use std::collections::BTreeMap;

use super::include::{self, IncludedFile, ItemKind, Origins};
use super::sandbox::{FileKind, PathError};
use super::{Diagnostic, Locator};
use crate::model::{Record, Scenario};

/// One record of a dataset, as a claim's [`Record`] cites it.
#[derive(Clone, Debug, PartialEq)]
pub struct DatasetRow {
    /// The row number (CSV, 1 = the first row after the header) or feature id.
    pub row: String,
    /// The line of the file the record starts on (1-based).
    pub line: u64,
    /// The record's own text: the CSV row's bytes without the line end, or the
    /// feature's properties as compact JSON.
    pub text: String,
}

/// A dataset could not be read as records; `line` is 1-based (1 for the whole file).
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct DatasetError {
    /// Where, in the file.
    pub line: u64,
    /// What is wrong.
    pub message: String,
}

/// A CSV table: its header, and its rows each with its fields.
pub type CsvTable = (Vec<String>, Vec<(DatasetRow, Vec<String>)>);

/// A dataset as read for checking: its text and its records by row id, or why not.
type ReadDataset = Result<(String, BTreeMap<String, String>), String>;

/// A CSV table's header and its rows, each with its fields.
pub fn csv_rows(text: &str) -> Result<CsvTable, DatasetError> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(text.as_bytes());
    let error = |err: csv::Error| DatasetError {
        line: err.position().map_or(1, |p| p.line()),
        message: err.to_string(),
    };
    let header: Vec<String> = reader
        .headers()
        .map_err(error)?
        .iter()
        .map(str::to_owned)
        .collect();
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    while reader.read_record(&mut record).map_err(error)? {
        let (start, line) = record
            .position()
            .map_or((0, 1), |p| (p.byte() as usize, p.line()));
        let end = (reader.position().byte() as usize).min(text.len());
        let raw = text.get(start..end).unwrap_or("");
        // A `\r\n` line end may be split between this record and the last, and blank
        // lines before a record belong to it: the record starts after them.
        let trimmed = raw.trim_start_matches(['\n', '\r']);
        let skipped = raw[..raw.len() - trimmed.len()].matches('\n').count() as u64;
        let row = DatasetRow {
            row: (rows.len() + 1).to_string(),
            line: line + skipped,
            text: trimmed.trim_end_matches(['\n', '\r']).to_owned(),
        };
        rows.push((row, record.iter().map(str::to_owned).collect()));
    }
    Ok((header, rows))
}

/// A GeoJSON file's features, each with the record a claim cites.
pub fn geojson_features(text: &str) -> Result<Vec<(DatasetRow, geojson::Feature)>, DatasetError> {
    let parsed: geojson::GeoJson = text.parse().map_err(|err: geojson::Error| DatasetError {
        line: 1,
        message: err.to_string(),
    })?;
    let features = match parsed {
        geojson::GeoJson::FeatureCollection(collection) => collection.features,
        geojson::GeoJson::Feature(feature) => vec![feature],
        geojson::GeoJson::Geometry(_) => {
            return Err(DatasetError {
                line: 1,
                message: "a bare geometry has no features to cite".to_owned(),
            });
        }
    };
    Ok(features
        .into_iter()
        .enumerate()
        .map(|(i, feature)| {
            let row = match &feature.id {
                Some(geojson::feature::Id::String(id)) => id.clone(),
                Some(geojson::feature::Id::Number(id)) => id.to_string(),
                None => (i + 1).to_string(),
            };
            let text = feature_text(&feature);
            (DatasetRow { row, line: 1, text }, feature)
        })
        .collect())
}

/// A feature's own text: its properties as compact JSON (`{}` without any).
pub fn feature_text(feature: &geojson::Feature) -> String {
    feature
        .properties
        .as_ref()
        .and_then(|properties| serde_json::to_string(properties).ok())
        .unwrap_or_else(|| "{}".to_owned())
}

/// The features of a map at `path`: GeoJSON (`.geojson`, `.json`) or KML (`.kml`).
pub fn features_of(
    path: &str,
    text: &str,
) -> Result<Vec<(DatasetRow, geojson::Feature)>, DatasetError> {
    let lower = path.to_ascii_lowercase();
    let features = if lower.ends_with(".geojson") || lower.ends_with(".json") {
        geojson_features(text)?
    } else if lower.ends_with(".kml") {
        super::kml::kml_features(text)?
    } else {
        return Err(DatasetError {
            line: 1,
            message: "a dataset is a .csv, .geojson, .json or .kml file".to_owned(),
        });
    };
    unique_ids(&features)?;
    Ok(features)
}

/// Refuses features whose ids name two of them (an id given twice, or an id equal to
/// the position an id-less feature is known by): a claim citing it would be ambiguous.
fn unique_ids(features: &[(DatasetRow, geojson::Feature)]) -> Result<(), DatasetError> {
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for (n, (row, _)) in features.iter().enumerate() {
        if let Some(first) = seen.insert(row.row.as_str(), n + 1) {
            return Err(DatasetError {
                line: row.line,
                message: format!(
                    "features {first} and {} are both known as {:?} (give every feature its own id)",
                    n + 1,
                    row.row
                ),
            });
        }
    }
    Ok(())
}

/// Every record of the dataset at `path` by row id, read by its extension.
pub fn records_of(path: &str, text: &str) -> Result<BTreeMap<String, String>, DatasetError> {
    let lower = path.to_ascii_lowercase();
    let rows: Vec<DatasetRow> = if lower.ends_with(".csv") {
        csv_rows(text)?.1.into_iter().map(|(row, _)| row).collect()
    } else {
        features_of(path, text)?
            .into_iter()
            .map(|(row, _)| row)
            .collect()
    };
    Ok(rows.into_iter().map(|row| (row.row, row.text)).collect())
}

/// Where a claim's `record` is checked against and reported in.
pub(super) struct RecordFiles<'a> {
    /// The main scenario file's name and text.
    pub name: &'a str,
    pub text: &'a str,
    /// The included files, and which one each claim came from.
    pub files: &'a [IncludedFile],
    pub origins: &'a Origins,
}

/// Checks every claim's record against its dataset (each read once through `read`);
/// returns the problems and the datasets' texts by path (for the cache's keys).
pub(super) fn check_records(
    scenario: &Scenario,
    at: &RecordFiles<'_>,
    read: &dyn Fn(&str, FileKind) -> Result<String, PathError>,
) -> (Vec<Diagnostic>, Vec<(String, String)>) {
    let mut datasets: BTreeMap<&str, ReadDataset> = BTreeMap::new();
    let mut diagnostics = Vec::new();
    for claim in &scenario.claims {
        let Some(record) = &claim.record else {
            continue;
        };
        let loaded = datasets.entry(record.dataset.as_str()).or_insert_with(|| {
            let text = read(&record.dataset, FileKind::Dataset)
                .map_err(|err| err.message("dataset", &record.dataset, "cannot read dataset"))?;
            let records = records_of(&record.dataset, &text)
                .map_err(|err| format!("dataset {:?}: {err}", record.dataset))?;
            Ok((text, records))
        });
        let problem = match loaded {
            Err(message) => Some(message.clone()),
            Ok((_, records)) => record_problem(record, records),
        };
        if let Some(message) = problem {
            let (file, line, col) = locate(at, &claim.id, record);
            diagnostics.push(Diagnostic {
                file,
                line,
                col,
                message: format!("claim {:?}: {message}", claim.id),
            });
        }
    }
    let texts = datasets
        .into_iter()
        .filter_map(|(path, loaded)| Some((path.to_owned(), loaded.ok()?.0)))
        .collect();
    (diagnostics, texts)
}

/// What is wrong with `record` given its dataset's records, if anything.
pub(super) fn record_problem(
    record: &Record,
    records: &BTreeMap<String, String>,
) -> Option<String> {
    match records.get(&record.row) {
        None => Some(format!(
            "dataset {:?} has no record {:?} ({} records)",
            record.dataset,
            record.row,
            records.len()
        )),
        Some(text) if *text != record.text => Some(format!(
            "record {:?} of dataset {:?} is not what the file holds: the file has {text:?}",
            record.row, record.dataset
        )),
        Some(_) => None,
    }
}

/// The file, line and column of a claim's record text.
fn locate(at: &RecordFiles<'_>, id: &str, record: &Record) -> (String, usize, usize) {
    if let Some(relative) = at.origins.file_of(ItemKind::Claim, id)
        && let Some(found) = include::locate_in_files(
            at.files,
            relative,
            ItemKind::Claim,
            id,
            "record",
            Some(&record.text),
        )
    {
        return found;
    }
    let locator = Locator::new(at.text);
    let item = locator.item_in("claims", id, 0);
    let field = locator.field_after(item, "record", None);
    let (line, col) = locator.line_col(locator.field_after(field, "text", None));
    (at.name.to_owned(), line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_rows_keep_their_bytes() {
        let text = "a,b\r\n1,\"x, y\"\r\n2,\"two\nlines\"\n3,z";
        let (header, rows) = csv_rows(text).unwrap();
        assert_eq!(header, ["a", "b"]);
        let texts: Vec<&str> = rows.iter().map(|(row, _)| row.text.as_str()).collect();
        assert_eq!(texts, ["1,\"x, y\"", "2,\"two\nlines\"", "3,z"]);
        assert_eq!(rows[1].1[1], "two\nlines");
        assert_eq!(rows[2].0.line, 5, "the quoted line end counts");
        assert_eq!(rows[2].0.row, "3");
    }

    #[test]
    fn features_are_cited_by_id_or_position() {
        let text = r#"{"type":"FeatureCollection","features":[
            {"type":"Feature","id":"a","properties":{"holder":"rebels"},"geometry":null},
            {"type":"Feature","properties":null,"geometry":null}]}"#;
        let records = records_of("m.geojson", text).unwrap();
        assert_eq!(records["a"], r#"{"holder":"rebels"}"#);
        assert_eq!(records["2"], "{}");
        assert!(records_of("m.txt", text).is_err());
    }
}

#[cfg(test)]
mod load_tests {
    use crate::io::load_scenario_str;

    const ROWS: &str = "event_id_cnty,location\nSYR1,Hamlet\nSYR2,\"Mid, town\"\n";

    /// The mini fixture with one more claim whose evidence is `evidence`.
    fn load(evidence: &str) -> Result<crate::model::Scenario, crate::io::LoadError> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let text = std::fs::read_to_string(dir.join("mini.ron")).unwrap();
        let claim = format!(
            "    claims: [\n        (id: \"r\", subject: Place(\"hamlet\"), assertion: Holds, actor: Some(\"rebels\"), source: \"observers\", {evidence}, when: (at: \"2024-12-06\", precision: day), credibility: 3),"
        );
        let text = text.replacen("    claims: [", &claim, 1);
        load_scenario_str("mini.ron", &text, &|relative| match relative {
            "rows.csv" => Ok(ROWS.to_owned()),
            other => std::fs::read_to_string(dir.join(other)),
        })
    }

    #[test]
    fn records_are_checked_on_load() {
        let good = r#"record: Some((dataset: "rows.csv", row: "2", text: "SYR2,\"Mid, town\""))"#;
        let scenario = load(good).unwrap_or_else(|e| panic!("{e}"));
        let claim = scenario.claims.iter().find(|c| c.id == "r").unwrap();
        assert_eq!(claim.record.as_ref().unwrap().row, "2");

        let changed = good.replace("Mid, town", "Midtown");
        let err = load(&changed).unwrap_err().to_string();
        assert!(err.starts_with("mini.ron:39:"), "{err}");
        assert!(err.contains("is not what the file holds"), "{err}");

        let missing = good.replace("row: \"2\"", "row: \"9\"");
        let err = load(&missing).unwrap_err().to_string();
        assert!(err.contains("has no record \"9\" (2 records)"), "{err}");

        let both = format!("document: Some(\"doc\"), quote: Some(\"Fighting raged\"), {good}");
        let err = load(&both).unwrap_err().to_string();
        assert!(
            err.contains("cites both a document and a dataset record"),
            "{err}"
        );

        let unreadable = good.replace("rows.csv", "nowhere.csv");
        let err = load(&unreadable).unwrap_err().to_string();
        assert!(err.contains("nowhere.csv"), "{err}");
    }
}
