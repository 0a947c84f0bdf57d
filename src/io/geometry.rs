//! Checking a scenario's region geometry file (GeoJSON) against its regions.

use std::collections::BTreeSet;

use super::sandbox::PathError;
use super::{Diagnostic, Locator};
use crate::model::{RegionKind, Scenario};

/// Checks that the scenario's region geometry (GeoJSON with a `gn_a1_code` property per
/// feature) parses and has a polygon for every governorate's admin1 code.
pub fn check_region_geometry(
    scenario: &Scenario,
    file: &str,
    text: &str,
    geometry: Result<String, PathError>,
) -> Vec<Diagnostic> {
    let Some(path) = &scenario.region_geometry else {
        return Vec::new();
    };
    let locator = Locator::new(text);
    let at = |offset: usize, message: String| {
        let (line, col) = locator.line_col(offset);
        Diagnostic {
            file: file.to_owned(),
            line,
            col,
            message,
        }
    };
    let field = locator.field_after(0, "region_geometry", Some(path));
    let json = match geometry {
        Ok(json) => json,
        Err(err) => {
            return vec![at(
                field,
                err.message("region_geometry", path, "region geometry"),
            )];
        }
    };
    let codes = match admin1_codes(&json) {
        Ok(codes) => codes,
        Err(err) => return vec![at(field, format!("region geometry {path:?}: {err}"))],
    };
    let regions = locator.section("regions");
    scenario
        .regions
        .iter()
        .filter(|region| region.kind == RegionKind::Governorate)
        .filter_map(|region| {
            let item = locator.item_from(regions, &region.id, 0).unwrap_or(regions);
            match &region.admin1_code {
                None => Some(at(
                    item,
                    format!(
                        "governorate {:?} has no admin1_code to join its polygon",
                        region.id
                    ),
                )),
                Some(code) if !codes.contains(code) => Some(at(
                    locator.field_after(item, "admin1_code", Some(code)),
                    format!("no polygon with gn_a1_code {code:?} in {path:?}"),
                )),
                Some(_) => None,
            }
        })
        .collect()
}

/// The `gn_a1_code` of every polygon feature.
fn admin1_codes(json: &str) -> Result<BTreeSet<String>, String> {
    let collection: geojson::FeatureCollection = json
        .parse()
        .map_err(|err: geojson::Error| err.to_string())?;
    Ok(collection
        .features
        .iter()
        .filter(|feature| {
            feature.geometry.as_ref().is_some_and(|g| {
                matches!(
                    g.value,
                    geojson::GeometryValue::Polygon { .. }
                        | geojson::GeometryValue::MultiPolygon { .. }
                )
            })
        })
        .filter_map(|feature| feature.property("gn_a1_code")?.as_str().map(str::to_owned))
        .collect())
}
