//! The map as GeoJSON (RFC 7946): places as Points, road segments as LineStrings,
//! territory and governorates as MultiPolygons, each with a `layer` property and the
//! moment it shows (`as_of`). The collection carries a `frontline` member saying which
//! view of which scenario it is. Split, each layer is a file of one geometry type.

use geojson::{Feature, FeatureCollection, Geometry, GeometryValue, JsonObject, feature::Id};
use serde_json::{Value, json};

use super::gis::{GisFeature, GisLayer, as_of, layer_features};
use crate::export::Scene;
use crate::geo::Basemap;

/// The version of the `frontline` member's layout.
pub const GEOJSON_FORMAT_VERSION: u32 = 1;

/// The collection's `frontline` member: the moment (RFC 3339 in the scenario's time
/// zone), the view (perspective, hidden sources, what-if) and the scenario's identity.
pub fn frontline_member(scene: &Scene<'_>, scenario_hash: &str) -> Value {
    json!({
        "format_version": GEOJSON_FORMAT_VERSION,
        "at": as_of(scene),
        "perspective": scene.view.perspective.to_arg(),
        "hidden_sources": scene.view.hidden_sources,
        "assume": scene.view.assume,
        "hypothetical": !scene.view.assume.is_empty(),
        "scenario_id": scene.engine.scenario().id,
        "scenario_hash": scenario_hash,
    })
}

fn to_geojson(feature: GisFeature) -> Feature {
    Feature {
        bbox: None,
        geometry: Some(Geometry::new(GeometryValue::from(&feature.geometry))),
        id: Some(Id::String(feature.id)),
        properties: Some(feature.properties),
        foreign_members: None,
    }
}

fn collection_text(features: Vec<Feature>, member: Value) -> String {
    let mut foreign = JsonObject::new();
    foreign.insert("frontline".into(), member);
    let collection = FeatureCollection {
        bbox: None,
        features,
        foreign_members: Some(foreign),
    };
    collection.to_string() + "\n"
}

/// The scene as one GeoJSON FeatureCollection text, every layer shown.
pub fn geojson_text(scene: &Scene<'_>, basemap: &Basemap, scenario_hash: &str) -> String {
    let features = GisLayer::ALL
        .into_iter()
        .flat_map(|layer| layer_features(scene, basemap, layer))
        .map(to_geojson)
        .collect();
    collection_text(features, frontline_member(scene, scenario_hash))
}

/// One layer of the scene as a FeatureCollection of one geometry type.
pub fn geojson_layer_text(
    scene: &Scene<'_>,
    basemap: &Basemap,
    layer: GisLayer,
    scenario_hash: &str,
) -> String {
    let features = layer_features(scene, basemap, layer)
        .into_iter()
        .map(to_geojson)
        .collect();
    collection_text(features, frontline_member(scene, scenario_hash))
}
