//! Control maps in: polygons of who holds what (one snapshot, or a dated archive of
//! them, as DeepStateMap-style archives publish) become `holds` draft claims for the
//! scenario's places inside them, each citing its feature (GeoJSON or KML).

use geo::Contains;

use super::{Imported, TakenIds};
use crate::ingest::{Proposals, slug};
use crate::io::datasets::features_of;
use crate::io::{Diagnostic, LoadError, did_you_mean};
use crate::model::{
    Assertion, Claim, Credibility, Precision, Record, Scenario, Scope, SourceKind, Subject,
    TimeRef, fold,
};

/// A control map to import, and how to read it.
#[derive(Clone, Copy, Debug)]
pub struct AreasFile<'a> {
    /// What errors call the file (its path as typed).
    pub name: &'a str,
    /// The path claims cite it by, relative to the scenario file.
    pub dataset: &'a str,
    /// Its text (GeoJSON, or KML when `dataset` ends in `.kml`).
    pub text: &'a str,
    /// The property naming the holder (a faction id, name or short label; `-` for none).
    pub holder_field: &'a str,
    /// The property dating each polygon, if any.
    pub date_field: Option<&'a str>,
    /// The date of every polygon without a date property.
    pub date: Option<&'a str>,
    /// Who made the map (a source id or name; a new source otherwise).
    pub source: &'a str,
}

/// Reads every polygon of `file` as `holds` drafts for the places inside it; `Err` with
/// every bad feature's error when any is bad (nothing is then proposed).
pub fn import_areas(scenario: &Scenario, file: AreasFile<'_>) -> Result<Imported, LoadError> {
    let at = |line: usize, message: String| Diagnostic {
        file: file.name.to_owned(),
        line,
        col: 1,
        message,
    };
    let features = features_of(file.dataset, file.text).map_err(|err| LoadError {
        diagnostics: vec![at(err.line as usize, err.message)],
    })?;
    let mut proposals = Proposals::default();
    let key = fold(file.source);
    let source = match scenario
        .sources
        .iter()
        .find(|s| s.id == file.source || fold(&s.name) == key)
    {
        Some(source) => source.id.clone(),
        None => proposals.add_source(scenario, file.source, SourceKind::MonitoringGroup, None),
    };
    let lines = feature_lines(file.text);
    let mut drafts: Vec<Claim> = Vec::new();
    let mut taken = TakenIds::of(scenario);
    let mut diagnostics = Vec::new();
    for (n, (record, feature)) in features.iter().enumerate() {
        let line = lines.get(n).copied().unwrap_or(1);
        let property = |name: &str| {
            feature
                .property(name)
                .map(|value| match value {
                    serde_json::Value::String(text) => text.trim().to_owned(),
                    other => other.to_string(),
                })
                .unwrap_or_default()
        };
        let holder = property(file.holder_field);
        let faction = match holder_faction(scenario, &holder) {
            Ok(faction) => faction,
            Err(message) => {
                diagnostics.push(at(line, format!("feature {}: {message}", record.row)));
                continue;
            }
        };
        let dated = file.date_field.map(&property).filter(|d| !d.is_empty());
        let Some(date) = dated.as_deref().or(file.date).and_then(date_of) else {
            let message = match (file.date_field, dated) {
                (Some(field), Some(text)) => format!("{field} {text:?} is not a date"),
                (Some(field), None) => format!("no {field:?} property and no --date"),
                (None, _) => "no date: give --date-field or --date".to_owned(),
            };
            diagnostics.push(at(line, format!("feature {}: {message}", record.row)));
            continue;
        };
        let Some(faction) = faction else {
            continue;
        };
        let Some(shape) = feature
            .geometry
            .clone()
            .filter(|g| positions_are_points(&g.value))
            .and_then(|g| geo::Geometry::<f64>::try_from(g).ok())
        else {
            diagnostics.push(at(line, format!("feature {}: no polygon", record.row)));
            continue;
        };
        for place in &scenario.places {
            if !shape.contains(&geo::Point::new(place.lon, place.lat)) {
                continue;
            }
            let base = slug(&format!("area-{}-{}-{}", record.row, place.id, date));
            let id = taken.unique(&base);
            drafts.push(Claim {
                id,
                subject: Subject::Place(place.id.clone()),
                assertion: Assertion::Holds,
                actor: Some(faction.clone()),
                counterpart: None,
                originators: vec![source.clone()],
                via: Vec::new(),
                v1_source: None,
                scope: Scope::default(),
                document: None,
                quote: None,
                record: Some(Record {
                    dataset: file.dataset.to_owned(),
                    row: record.row.clone(),
                    text: record.text.clone(),
                }),
                when: TimeRef {
                    at: date.clone(),
                    precision: Precision::Day,
                },
                credibility: Credibility(3),
                note: None,
            });
        }
    }
    if !diagnostics.is_empty() {
        return Err(LoadError { diagnostics });
    }
    let named_source = drafts.iter().any(|c| c.originators.contains(&source));
    Ok(Imported {
        dataset: file.dataset.to_owned(),
        drafts,
        new_sources: if named_source {
            proposals.new_sources
        } else {
            Vec::new()
        },
        new_places: Vec::new(),
    })
}

/// The faction a holder names; `None` for `-`, `none` or an empty holder.
/// Whether every position of `value` has at least two numbers: the geojson crate's
/// conversion to `geo` indexes `[0]` and `[1]` and panics on a shorter one
/// (`[36.5]`, found by fuzzing), which is then "no polygon" instead.
fn positions_are_points(value: &geojson::GeometryValue) -> bool {
    use geojson::GeometryValue as G;
    let ok = |position: &geojson::Position| position.len() >= 2;
    match value {
        G::Point { coordinates } => ok(coordinates),
        G::MultiPoint { coordinates } | G::LineString { coordinates } => coordinates.iter().all(ok),
        G::MultiLineString { coordinates } | G::Polygon { coordinates } => {
            coordinates.iter().flatten().all(ok)
        }
        G::MultiPolygon { coordinates } => coordinates.iter().flatten().flatten().all(ok),
        G::GeometryCollection { geometries } => {
            geometries.iter().all(|g| positions_are_points(&g.value))
        }
    }
}

fn holder_faction(scenario: &Scenario, holder: &str) -> Result<Option<String>, String> {
    if holder.is_empty() || holder == "-" || holder.eq_ignore_ascii_case("none") {
        return Ok(None);
    }
    let key = fold(holder);
    scenario
        .factions
        .iter()
        .find(|f| [&f.id, &f.name, &f.short].iter().any(|n| fold(n) == key))
        .map(|f| Some(f.id.clone()))
        .ok_or_else(|| {
            format!(
                "unknown holder {holder:?}{}",
                did_you_mean(holder, scenario.factions.iter().map(|f| f.id.as_str()))
            )
        })
}

/// The date in `text` (`2024-12-06`, or the date of an RFC 3339 time).
fn date_of(text: &str) -> Option<String> {
    let date: jiff::civil::Date = text.get(..10)?.parse().ok()?;
    Some(date.to_string())
}

/// The line each feature starts on (where its `"Feature"` type is), in order.
fn feature_lines(text: &str) -> Vec<usize> {
    let mut lines = Vec::new();
    let mut from = 0;
    while let Some(found) = text[from..].find("\"Feature\"") {
        let at = from + found;
        lines.push(text[..at].matches('\n').count() + 1);
        from = at + 1;
    }
    lines
}
