//! The fuzz targets of imported datasets: ACLED tables and control maps (GeoJSON or
//! KML), read against the mini scenario. Beyond located errors, every draft an import
//! proposes must cite a record the file really holds, word for word: the evidence of
//! an imported claim is as verbatim as a quote.

use super::inputs::mini_scenario;
use super::{Violation, check_located};
use crate::import::Imported;
use crate::import::acled::{AcledFile, import_acled};
use crate::import::actors::ActorMap;
use crate::import::areas::{AreasFile, import_areas};
use crate::io::datasets::records_of;

/// An ACLED table: imported, or refused with diagnostics located in it.
pub(super) fn acled_csv(data: &[u8]) -> Result<(), Violation> {
    let Ok(text) = std::str::from_utf8(data) else {
        return Ok(());
    };
    let scenario = mini_scenario()?;
    let actors = ActorMap::new(scenario, &[]).map_err(|err| err.to_string())?;
    let name = "events.csv";
    let file = AcledFile {
        name,
        dataset: name,
        text,
    };
    match import_acled(scenario, file, &actors) {
        Ok(imported) => cites_the_file(&imported, name, text),
        Err(err) => check_located(&err, &[(name, text)]),
    }
}

/// A control map: the first byte picks GeoJSON (even) or KML (odd), the rest is the
/// file; polygons carry `holder` and `day` properties.
pub(super) fn areas(data: &[u8]) -> Result<(), Violation> {
    let Some((&kind, rest)) = data.split_first() else {
        return Ok(());
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return Ok(());
    };
    let name = if kind % 2 == 0 {
        "areas.geojson"
    } else {
        "areas.kml"
    };
    let file = AreasFile {
        name,
        dataset: name,
        text,
        holder_field: "holder",
        date_field: Some("day"),
        date: Some("2024-12-07"),
        source: "observers",
    };
    match import_areas(mini_scenario()?, file) {
        Ok(imported) => cites_the_file(&imported, name, text),
        Err(err) => check_located(&err, &[(name, text)]),
    }
}

/// Every draft cites a record of the file at `name`, with that record's own text.
fn cites_the_file(imported: &Imported, name: &str, text: &str) -> Result<(), Violation> {
    if imported.drafts.is_empty() {
        return Ok(());
    }
    let records = records_of(name, text)
        .map_err(|err| format!("imported, but the file's records do not read: {err:?}"))?;
    for draft in &imported.drafts {
        let Some(record) = &draft.record else {
            return Err(format!("draft {} has no record", draft.id));
        };
        if records.get(&record.row) != Some(&record.text) {
            return Err(format!(
                "draft {} cites row {:?} with a text the file does not hold there",
                draft.id, record.row
            ));
        }
    }
    Ok(())
}
