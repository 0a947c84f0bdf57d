//! The map as a GeoPackage (OGC 12-128, SQLite): one feature table per layer (places,
//! roads, territory, governorates) in WGS 84, and with a time range a point layer
//! `control_intervals` with `valid_from`/`valid_to` DATETIME fields for QGIS's temporal
//! controller. Geometries are GeoPackage binary: a `GP` header with the envelope, then
//! little-endian WKB. The tables are written here; nothing but SQLite is needed.

use ::geo::{BoundingRect, Geometry, Point, Rect};
use rusqlite::{Connection, params_from_iter, types::Value as Sql};
use serde_json::Value;

use super::gis::{Field, FieldType, GisFeature, GisLayer, layer_features, round};
use super::timeline::IntervalRow;
use crate::export::{ExportError, Scene};
use crate::geo::Basemap;
use crate::model::Moment;

/// WGS 84, the only coordinate system written.
const WGS84: i32 = 4326;

/// WGS 84's definition, as the GeoPackage standard gives it.
const WGS84_WKT: &str = "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,\
298.257223563,AUTHORITY[\"EPSG\",\"7030\"]],AUTHORITY[\"EPSG\",\"6326\"]],PRIMEM[\"Greenwich\",0,\
AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],\
AUTHORITY[\"EPSG\",\"4326\"]]";

/// The tables every GeoPackage has, and WGS 84 plus the two undefined systems the
/// standard requires.
const SCHEMA: &str = "
PRAGMA application_id = 1196444487;
PRAGMA user_version = 10300;
CREATE TABLE gpkg_spatial_ref_sys (
  srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY,
  organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL,
  definition TEXT NOT NULL, description TEXT);
CREATE TABLE gpkg_contents (
  table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL,
  identifier TEXT UNIQUE, description TEXT DEFAULT '',
  last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
  CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
CREATE TABLE gpkg_geometry_columns (
  table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
  srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
INSERT INTO gpkg_spatial_ref_sys VALUES
  ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system'),
  ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system');
";

/// A feature table about to be written: name, description, geometry type, fields and
/// rows (geometry, values in field order).
struct Table {
    name: String,
    description: String,
    geometry_type: &'static str,
    fields: Vec<Field>,
    rows: Vec<(Geometry<f64>, Vec<Sql>)>,
}

/// `2024-12-07T20:59:59.000Z`: a moment as GeoPackage DATETIME text (UTC).
pub fn datetime(at: Moment) -> String {
    at.timestamp()
        .strftime("%Y-%m-%dT%H:%M:%S.000Z")
        .to_string()
}

/// GeoPackage binary: `GP`, version 0, flags (little-endian, with an XY envelope
/// unless a point), the SRS id, the envelope, then the WKB.
fn gpkg_geometry(geometry: &Geometry<f64>) -> Result<Vec<u8>, ExportError> {
    let envelope = match geometry {
        Geometry::Point(_) => None,
        other => other.bounding_rect(),
    };
    let mut bytes = vec![b'G', b'P', 0, if envelope.is_some() { 0b11 } else { 0b01 }];
    bytes.extend(WGS84.to_le_bytes());
    if let Some(rect) = envelope {
        for v in [rect.min().x, rect.max().x, rect.min().y, rect.max().y] {
            bytes.extend(v.to_le_bytes());
        }
    }
    let options = wkb::writer::WriteOptions {
        endianness: wkb::Endianness::LittleEndian,
    };
    wkb::writer::write_geometry(&mut bytes, geometry, &options)
        .map_err(|err| ExportError::encode("gpkg", err))?;
    Ok(bytes)
}

/// A JSON property as an SQL value of the field's type (`null` stays NULL).
fn sql_value(value: Option<&Value>, kind: FieldType) -> Sql {
    match (value, kind) {
        (None | Some(Value::Null), _) => Sql::Null,
        (Some(Value::Bool(b)), _) => Sql::Integer(i64::from(*b)),
        (Some(Value::Number(n)), FieldType::Integer | FieldType::Boolean) => {
            n.as_i64().map_or(Sql::Null, Sql::Integer)
        }
        (Some(Value::Number(n)), _) => n.as_f64().map_or(Sql::Null, Sql::Real),
        (Some(Value::String(s)), FieldType::DateTime) => Moment::parse(s, jiff::tz::Offset::UTC)
            .map_or_else(|_| Sql::Text(s.clone()), |at| Sql::Text(datetime(at))),
        (Some(Value::String(s)), _) => Sql::Text(s.clone()),
        (Some(other), _) => Sql::Text(other.to_string()),
    }
}

/// The SQL column type of a field.
fn column_type(kind: FieldType) -> &'static str {
    match kind {
        FieldType::Text => "TEXT",
        FieldType::Integer => "INTEGER",
        FieldType::Real => "REAL",
        FieldType::Boolean => "BOOLEAN",
        FieldType::DateTime => "DATETIME",
    }
}

/// The scene's layer as a table.
fn layer_table(scene: &Scene<'_>, basemap: &Basemap, layer: GisLayer) -> Table {
    let fields = layer.fields(scene);
    let rows = layer_features(scene, basemap, layer)
        .into_iter()
        .map(
            |GisFeature {
                 geometry,
                 properties,
                 ..
             }| {
                let values = fields
                    .iter()
                    .map(|(name, kind)| sql_value(properties.get(name), *kind))
                    .collect();
                (geometry, values)
            },
        )
        .collect();
    Table {
        name: layer.name().to_owned(),
        description: format!(
            "Frontline {} as of {}",
            layer.name(),
            super::gis::as_of(scene)
        ),
        geometry_type: layer.geometry_type(),
        fields,
        rows,
    }
}

/// The control intervals as a point layer (each place's position) with DATETIME
/// `valid_from`/`valid_to` in UTC.
fn intervals_table(scene: &Scene<'_>, rows: &[IntervalRow]) -> Table {
    use FieldType::{DateTime, Text};
    let fields: Vec<Field> = [
        ("place_id", Text),
        ("name", Text),
        ("valid_from", DateTime),
        ("valid_to", DateTime),
        ("controller", Text),
        ("status", Text),
        ("claims", Text),
        ("sources", Text),
    ]
    .into_iter()
    .map(|(n, t)| (n.to_owned(), t))
    .collect();
    let places = &scene.engine.scenario().places;
    let rows = rows
        .iter()
        .map(|row| {
            let place = &places[row.place];
            let point = Geometry::Point(Point::new(round(place.lon), round(place.lat)));
            let values = vec![
                Sql::Text(row.place_id.clone()),
                Sql::Text(row.name.clone()),
                Sql::Text(datetime(row.from)),
                Sql::Text(datetime(row.to)),
                row.controller.clone().map_or(Sql::Null, Sql::Text),
                Sql::Text(row.status.to_owned()),
                Sql::Text(row.claims.join(";")),
                Sql::Text(row.sources.join(";")),
            ];
            (point, values)
        })
        .collect();
    Table {
        name: "control_intervals".to_owned(),
        description: "Who held each place from valid_from until valid_to (UTC)".to_owned(),
        geometry_type: "POINT",
        fields,
        rows,
    }
}

/// The union of the rows' envelopes, if any.
fn extent(rows: &[(Geometry<f64>, Vec<Sql>)]) -> Option<Rect<f64>> {
    rows.iter()
        .filter_map(|(g, _)| g.bounding_rect())
        .reduce(|a, b| {
            Rect::new(
                (a.min().x.min(b.min().x), a.min().y.min(b.min().y)),
                (a.max().x.max(b.max().x), a.max().y.max(b.max().y)),
            )
        })
}

/// Creates, registers and fills one feature table.
fn write_table(db: &Connection, table: &Table, last_change: &str) -> rusqlite::Result<()> {
    let quoted = |name: &str| format!("\"{}\"", name.replace('"', "\"\""));
    let columns: Vec<String> = table
        .fields
        .iter()
        .map(|(name, kind)| format!("{} {}", quoted(name), column_type(*kind)))
        .collect();
    db.execute_batch(&format!(
        "CREATE TABLE {} (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom {}, {});",
        quoted(&table.name),
        table.geometry_type,
        columns.join(", ")
    ))?;
    let bounds = extent(&table.rows);
    db.execute(
        "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, \
         last_change, min_x, min_y, max_x, max_y, srs_id) \
         VALUES (?1, 'features', ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        rusqlite::params![
            table.name,
            table.description,
            last_change,
            bounds.map(|r| r.min().x),
            bounds.map(|r| r.min().y),
            bounds.map(|r| r.max().x),
            bounds.map(|r| r.max().y),
            WGS84
        ],
    )?;
    db.execute(
        "INSERT INTO gpkg_geometry_columns VALUES (?1, 'geom', ?2, ?3, 0, 0)",
        rusqlite::params![table.name, table.geometry_type, WGS84],
    )?;
    let names: Vec<String> = table.fields.iter().map(|(n, _)| quoted(n)).collect();
    let marks = vec!["?"; table.fields.len() + 1].join(", ");
    let mut insert = db.prepare(&format!(
        "INSERT INTO {} (geom, {}) VALUES ({marks})",
        quoted(&table.name),
        names.join(", ")
    ))?;
    for (geometry, values) in &table.rows {
        let blob = gpkg_geometry(geometry)
            .map_err(|err| rusqlite::Error::ToSqlConversionFailure(err.to_string().into()))?;
        let all = std::iter::once(Sql::Blob(blob)).chain(values.iter().cloned());
        insert.execute(params_from_iter(all))?;
    }
    Ok(())
}

/// The GeoPackage's bytes: the scene's layers, and `control_intervals` when `intervals`
/// is given. Built in a temporary folder and read back, so the caller writes the file
/// atomically like every other export.
pub fn gpkg_bytes(
    scene: &Scene<'_>,
    basemap: &Basemap,
    intervals: Option<&[IntervalRow]>,
) -> Result<Vec<u8>, ExportError> {
    let fail = |err: rusqlite::Error| ExportError::encode("gpkg", err);
    let folder = tempfile::tempdir().map_err(|err| ExportError::encode("gpkg", err))?;
    let path = folder.path().join("export.gpkg");
    let mut tables: Vec<Table> = GisLayer::ALL
        .into_iter()
        .map(|layer| layer_table(scene, basemap, layer))
        .collect();
    if let Some(rows) = intervals {
        tables.push(intervals_table(scene, rows));
    }
    let last_change = datetime(Moment::from_unix_secs(scene.resolution.at_secs));
    {
        let mut db = Connection::open(&path).map_err(fail)?;
        db.execute_batch(SCHEMA).map_err(fail)?;
        db.execute(
            "INSERT INTO gpkg_spatial_ref_sys VALUES ('WGS 84 geodetic', ?1, 'EPSG', ?1, ?2, \
             'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid')",
            rusqlite::params![WGS84, WGS84_WKT],
        )
        .map_err(fail)?;
        let transaction = db.transaction().map_err(fail)?;
        for table in &tables {
            write_table(&transaction, table, &last_change).map_err(fail)?;
        }
        transaction.commit().map_err(fail)?;
        db.close().map_err(|(_, err)| fail(err))?;
    }
    std::fs::read(&path).map_err(|err| ExportError::encode("gpkg", err))
}
