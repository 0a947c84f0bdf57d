//! KML control maps read as GeoJSON features (with `roxmltree`): each `Placemark` with
//! its polygons, and as properties its `name`, its `ExtendedData` (`Data` values and
//! `SchemaData`'s `SimpleData`) and its `TimeStamp`'s `when` or `TimeSpan`'s `begin`.

use geojson::{Feature, Geometry, GeometryValue, JsonObject};

use super::datasets::{DatasetError, DatasetRow, feature_text};

/// Every placemark of a KML document as a feature, with the record a claim cites (its
/// `id` attribute, else its 1-based position; its properties as compact JSON).
pub fn kml_features(text: &str) -> Result<Vec<(DatasetRow, Feature)>, DatasetError> {
    let document = roxmltree::Document::parse(text).map_err(|err| DatasetError {
        line: u64::from(err.pos().row),
        message: err.to_string(),
    })?;
    let placemarks = document
        .descendants()
        .filter(|node| node.tag_name().name() == "Placemark");
    Ok(placemarks
        .enumerate()
        .map(|(i, placemark)| {
            let feature = Feature {
                bbox: None,
                geometry: geometry(placemark),
                id: None,
                properties: Some(properties(placemark)),
                foreign_members: None,
            };
            let row = placemark
                .attribute("id")
                .map_or_else(|| (i + 1).to_string(), str::to_owned);
            let line = u64::from(document.text_pos_at(placemark.range().start).row);
            let text = feature_text(&feature);
            (DatasetRow { row, line, text }, feature)
        })
        .collect())
}

/// The first descendant of `node` named `name` (any namespace).
fn child<'a, 'i>(node: roxmltree::Node<'a, 'i>, name: &str) -> Option<roxmltree::Node<'a, 'i>> {
    node.descendants().find(|n| n.tag_name().name() == name)
}

/// The text of `node`'s first descendant named `name`, trimmed.
fn text_of(node: roxmltree::Node<'_, '_>, name: &str) -> Option<String> {
    child(node, name)
        .and_then(|n| n.text())
        .map(|t| t.trim().to_owned())
}

fn properties(placemark: roxmltree::Node<'_, '_>) -> JsonObject {
    let mut properties = JsonObject::new();
    let mut put = |name: &str, value: String| {
        properties.insert(name.to_owned(), serde_json::Value::String(value));
    };
    if let Some(name) = placemark
        .children()
        .find(|n| n.tag_name().name() == "name")
        .and_then(|n| n.text())
    {
        put("name", name.trim().to_owned());
    }
    if let Some(when) = text_of(placemark, "when") {
        put("when", when);
    }
    if let Some(begin) = text_of(placemark, "begin") {
        put("begin", begin);
    }
    for data in placemark.descendants() {
        let Some(name) = data.attribute("name") else {
            continue;
        };
        match data.tag_name().name() {
            "Data" => put(name, text_of(data, "value").unwrap_or_default()),
            "SimpleData" => put(name, data.text().unwrap_or("").trim().to_owned()),
            _ => {}
        }
    }
    properties
}

/// The placemark's polygons: one polygon, or several as a multipolygon.
fn geometry(placemark: roxmltree::Node<'_, '_>) -> Option<Geometry> {
    let polygons: Vec<Vec<Vec<Vec<f64>>>> = placemark
        .descendants()
        .filter(|n| n.tag_name().name() == "Polygon")
        .map(|polygon| {
            let outer = child(polygon, "outerBoundaryIs").and_then(|b| text_of(b, "coordinates"));
            let inner = polygon
                .descendants()
                .filter(|n| n.tag_name().name() == "innerBoundaryIs")
                .filter_map(|b| text_of(b, "coordinates"));
            outer.into_iter().chain(inner).map(|c| ring(&c)).collect()
        })
        .filter(|rings: &Vec<Vec<Vec<f64>>>| !rings.is_empty())
        .collect();
    match polygons.len() {
        0 => None,
        1 => polygons
            .into_iter()
            .next()
            .map(|p| Geometry::new(GeometryValue::new_polygon(p))),
        _ => Some(Geometry::new(GeometryValue::new_multi_polygon(polygons))),
    }
}

/// `lon,lat[,alt]` tuples separated by white space, as positions.
fn ring(coordinates: &str) -> Vec<Vec<f64>> {
    coordinates
        .split_whitespace()
        .filter_map(|tuple| {
            let mut parts = tuple.split(',').map(str::parse::<f64>);
            match (parts.next(), parts.next()) {
                (Some(Ok(lon)), Some(Ok(lat))) => Some(vec![lon, lat]),
                _ => None,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placemarks_become_features() {
        let text = r#"<?xml version="1.0"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
  <Placemark id="p1"><name>Zone A</name><TimeStamp><when>2024-12-07</when></TimeStamp>
    <ExtendedData><Data name="holder"><value>rebels</value></Data></ExtendedData>
    <Polygon><outerBoundaryIs><LinearRing><coordinates>
      36,33 37,33 37,34 36,34 36,33
    </coordinates></LinearRing></outerBoundaryIs></Polygon>
  </Placemark>
  <Placemark><name>Empty</name></Placemark>
</Document></kml>"#;
        let features = kml_features(text).unwrap();
        assert_eq!(features.len(), 2);
        let (row, feature) = &features[0];
        assert_eq!((row.row.as_str(), row.line), ("p1", 3));
        assert_eq!(
            row.text,
            r#"{"holder":"rebels","name":"Zone A","when":"2024-12-07"}"#
        );
        assert!(matches!(
            feature.geometry.as_ref().map(|g| &g.value),
            Some(GeometryValue::Polygon { coordinates }) if coordinates[0].len() == 5
        ));
        assert_eq!(features[1].0.row, "2");
        assert!(features[1].1.geometry.is_none());
        assert!(kml_features("<kml>").is_err());
    }
}
