//! The embedded basemap: country outlines, Syria's governorates, the UNDOF zone and lakes.
//!
//! The three GeoJSON files in `assets/geo/` (built by `scripts/geo_assets.py` from Natural Earth)
//! are compiled into the binary and parsed into [`Area`]s in WGS84 lon/lat degrees.

use ::geo::{Contains, MultiPolygon, Point};
use geojson::{Feature, FeatureCollection};

const COUNTRIES: &str = include_str!("../../assets/geo/countries.geojson");
const GOVERNORATES: &str = include_str!("../../assets/geo/governorates.geojson");
const LAKES: &str = include_str!("../../assets/geo/lakes.geojson");

/// ISO 3166-1 alpha-3 code of the focus country.
pub const SYRIA_ISO_A3: &str = "SYR";

/// Why a basemap file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum GeoError {
    /// The file is not a GeoJSON FeatureCollection.
    #[error("{file}: not a GeoJSON FeatureCollection: {reason}")]
    Parse {
        /// The asset's file name, e.g. `countries.geojson`.
        file: String,
        /// The parser's message.
        reason: String,
    },
    /// One feature lacks a property or has a geometry that is not (Multi)Polygon.
    #[error("{file}: feature {index}: {reason}")]
    Feature {
        /// The asset's file name.
        file: String,
        /// Position of the feature in the collection.
        index: usize,
        /// What is wrong with it.
        reason: String,
    },
}

/// A named polygonal area in lon/lat degrees.
#[derive(Debug, Clone, PartialEq)]
pub struct Area {
    /// Display name (English).
    pub name: String,
    /// Code: `iso_a3` for countries, `gn_a1_code` (e.g. `"SY.09"`) for governorates,
    /// `iso_3166_2` (`"SY-X01~"`) for the UNDOF zone, `""` for lakes.
    pub code: String,
    /// The area's polygons (RFC 7946 winding: exteriors counter-clockwise).
    pub polygons: MultiPolygon<f64>,
}

impl Area {
    /// Whether the point `[lon, lat]` lies inside the area (boundary excluded).
    pub fn contains_lonlat(&self, lonlat: [f64; 2]) -> bool {
        self.polygons.contains(&Point::new(lonlat[0], lonlat[1]))
    }
}

/// Every layer of the static map.
#[derive(Debug, Clone, PartialEq)]
pub struct Basemap {
    /// Syria, its neighbours and the Cyprus parts (Natural Earth admin-0; Golan inside Israel).
    pub countries: Vec<Area>,
    /// Syria's 14 governorates (Natural Earth admin-1), in file order.
    pub governorates: Vec<Area>,
    /// The UNDOF area of separation on the Golan, if present.
    pub undof: Option<Area>,
    /// Lakes of the region.
    pub lakes: Vec<Area>,
}

impl Basemap {
    /// Parses the basemap compiled into the binary from `assets/geo/`.
    pub fn embedded() -> Result<Basemap, GeoError> {
        Self::from_geojson_strs(COUNTRIES, GOVERNORATES, LAKES)
    }

    /// Parses a basemap from the texts of `countries.geojson`, `governorates.geojson` and
    /// `lakes.geojson` (same schema as the embedded assets).
    pub fn from_geojson_strs(
        countries: &str,
        governorates: &str,
        lakes: &str,
    ) -> Result<Basemap, GeoError> {
        let countries = parse("countries.geojson", countries)?
            .iter()
            .enumerate()
            .map(|(i, f)| area(f, "countries.geojson", i, "name", Some("iso_a3")))
            .collect::<Result<Vec<_>, _>>()?;
        let mut govs = Vec::new();
        let mut undof = None;
        for (i, f) in parse("governorates.geojson", governorates)?
            .iter()
            .enumerate()
        {
            let is_undof = f.property("undof").and_then(|v| v.as_bool()) == Some(true);
            let code_key = if is_undof { "iso_3166_2" } else { "gn_a1_code" };
            let a = area(f, "governorates.geojson", i, "name_en", Some(code_key))?;
            if is_undof {
                undof = Some(a);
            } else {
                govs.push(a);
            }
        }
        let lakes = parse("lakes.geojson", lakes)?
            .iter()
            .enumerate()
            .map(|(i, f)| area(f, "lakes.geojson", i, "name", None))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Basemap {
            countries,
            governorates: govs,
            undof,
            lakes,
        })
    }

    /// Syria's admin-0 outline, if the countries layer has it.
    pub fn syria_outline(&self) -> Option<&MultiPolygon<f64>> {
        self.countries
            .iter()
            .find(|a| a.code == SYRIA_ISO_A3)
            .map(|a| &a.polygons)
    }

    /// The governorate with the GeoNames admin-1 code `code` (e.g. `"SY.09"` for Aleppo).
    pub fn governorate_by_code(&self, code: &str) -> Option<&Area> {
        self.governorates.iter().find(|a| a.code == code)
    }

    /// The governorate containing `[lon, lat]`, if any (the UNDOF zone is not a governorate).
    pub fn governorate_at(&self, lonlat: [f64; 2]) -> Option<&Area> {
        self.governorates.iter().find(|a| a.contains_lonlat(lonlat))
    }
}

/// Parses one file into its features.
fn parse(file: &str, text: &str) -> Result<Vec<Feature>, GeoError> {
    let fc: FeatureCollection = text.parse().map_err(|e: geojson::Error| GeoError::Parse {
        file: file.to_owned(),
        reason: e.to_string(),
    })?;
    Ok(fc.features)
}

/// Builds an [`Area`] from a feature; `code_key: None` gives an empty code.
fn area(
    f: &Feature,
    file: &str,
    index: usize,
    name_key: &str,
    code_key: Option<&str>,
) -> Result<Area, GeoError> {
    let err = |reason: String| GeoError::Feature {
        file: file.to_owned(),
        index,
        reason,
    };
    let text = |key: &str| {
        f.property(key)
            .and_then(|v| v.as_str())
            .map(str::to_owned)
            .ok_or_else(|| err(format!("missing string property `{key}`")))
    };
    let name = text(name_key)?;
    let code = match code_key {
        Some(key) => text(key)?,
        None => String::new(),
    };
    let Some(geometry) = &f.geometry else {
        return Err(err("no geometry".into()));
    };
    let kind = geometry.value.type_name();
    let polygons = match ::geo::Geometry::<f64>::try_from(&geometry.value) {
        Ok(::geo::Geometry::Polygon(p)) => MultiPolygon::new(vec![p]),
        Ok(::geo::Geometry::MultiPolygon(mp)) => mp,
        Ok(_) => return Err(err(format!("expected (Multi)Polygon, got {kind}"))),
        Err(e) => return Err(err(format!("bad {kind} geometry: {e}"))),
    };
    Ok(Area {
        name,
        code,
        polygons,
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    const SQUARE: &str = r#"{"type":"FeatureCollection","features":[{"type":"Feature",
        "properties":{"name":"Square","iso_a3":"SQR","role":"focus"},
        "geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}}]}"#;
    const EMPTY: &str = r#"{"type":"FeatureCollection","features":[]}"#;

    #[test]
    fn geo_basemap_parses_minimal_strings() {
        let b = Basemap::from_geojson_strs(SQUARE, EMPTY, EMPTY).unwrap();
        assert_eq!(b.countries.len(), 1);
        assert_eq!(b.countries[0].code, "SQR");
        assert!(b.countries[0].contains_lonlat([0.5, 0.5]));
        assert!(b.undof.is_none() && b.syria_outline().is_none());
    }

    #[test]
    fn geo_basemap_errors_name_the_file() {
        let e = Basemap::from_geojson_strs(SQUARE, "not json", EMPTY).unwrap_err();
        assert!(e.to_string().starts_with("governorates.geojson"), "{e}");
        let no_code = SQUARE.replace("\"iso_a3\":\"SQR\",", "");
        let e = Basemap::from_geojson_strs(&no_code, EMPTY, EMPTY).unwrap_err();
        assert!(e.to_string().contains("iso_a3"), "{e}");
    }

    #[test]
    fn geo_basemap_embedded_has_undof_separate() {
        let b = Basemap::embedded().unwrap();
        let undof = b.undof.as_ref().expect("UNDOF feature");
        assert_eq!(undof.code, "SY-X01~");
        assert!(b.governorates.iter().all(|g| g.code.starts_with("SY.")));
        assert!(b.lakes.iter().all(|l| l.code.is_empty()));
    }
}
