//! The map as GeoJSON (RFC 7946): places as Points, route segments as LineStrings,
//! territory and governorates as (Multi)Polygons, each with a `layer` property.

use ::geo::{Coord, LineString, MapCoords, MultiPolygon, Point, orient::Direction, orient::Orient};
use geojson::{Feature, FeatureCollection, Geometry, GeometryValue, JsonObject, feature::Id};
use serde_json::{Value, json};

use crate::export::{Scene, TERRITORY_METHOD};
use crate::geo::Basemap;
use crate::model::RegionKind;

/// Six decimals: about 10 cm, the precision RFC 7946 recommends at most.
fn round(v: f64) -> f64 {
    (v * 1e6).round() / 1e6
}

fn feature(id: String, geometry: GeometryValue, properties: Value) -> Feature {
    Feature {
        bbox: None,
        geometry: Some(Geometry::new(geometry)),
        id: Some(Id::String(id)),
        properties: match properties {
            Value::Object(map) => Some(map),
            _ => Some(JsonObject::new()),
        },
        foreign_members: None,
    }
}

/// Exterior rings counter-clockwise and holes clockwise, rounded to six decimals.
fn polygons(mp: &MultiPolygon<f64>) -> GeometryValue {
    let rounded = mp
        .map_coords(|c| Coord {
            x: round(c.x),
            y: round(c.y),
        })
        .orient(Direction::Default);
    GeometryValue::from(&rounded)
}

/// The scene as a GeoJSON FeatureCollection text.
pub fn geojson_text(scene: &Scene<'_>, basemap: &Basemap) -> String {
    let scenario = scene.engine.scenario();
    let mut features = Vec::new();
    for (p, place) in scenario.places.iter().enumerate() {
        if !scene.shows_place(p) {
            continue;
        }
        let state = scene.resolution.places[p];
        let details = &scene.details()[p];
        let point = Point::new(round(place.lon), round(place.lat));
        features.push(feature(
            format!("place:{}", place.id),
            GeometryValue::from(&point),
            json!({
                "layer": "place",
                "id": place.id,
                "name": place.name,
                "population": place.population,
                "governorate": place.governorate,
                "controller": scene.faction_id(state.controller),
                "status": state.status.as_str(),
                "claims": details.claims.len(),
                "sources": details.sources.join(","),
                "explanation": details.explanation,
            }),
        ));
    }
    if scene.layers.routes {
        for (route, state) in scenario.routes.iter().zip(&scene.routes) {
            let severed_for: Vec<&str> = state
                .severed_for
                .iter()
                .filter_map(|&f| scene.faction_id(Some(f)))
                .collect();
            let pairs = route.waypoints.windows(2).zip(&state.segments);
            for (i, (pair, holder)) in pairs.enumerate() {
                let ends: Vec<(f64, f64)> = pair
                    .iter()
                    .filter_map(|id| scenario.place_index(id))
                    .map(|p| (round(scenario.places[p].lon), round(scenario.places[p].lat)))
                    .collect();
                if ends.len() != 2 {
                    continue;
                }
                features.push(feature(
                    format!("segment:{}:{i}", route.id),
                    GeometryValue::from(&LineString::from(ends)),
                    json!({
                        "layer": "route_segment",
                        "route": route.id,
                        "reference": route.reference,
                        "from": pair[0],
                        "to": pair[1],
                        "holder": scene.faction_id(*holder),
                        "front_line": holder.is_none(),
                        "severed": !severed_for.is_empty(),
                        "severed_for": severed_for.join(","),
                    }),
                ));
            }
        }
    }
    if scene.layers.territory {
        for (faction, mp) in scene.territory(basemap) {
            let id = scene.faction_id(Some(faction)).unwrap_or("?");
            features.push(feature(
                format!("territory:{id}"),
                polygons(&mp),
                json!({"layer": "territory", "controller": id, "method": TERRITORY_METHOD}),
            ));
        }
    }
    if scene.layers.governorates {
        governorates(scene, basemap, &mut features);
    }
    let collection = FeatureCollection {
        bbox: None,
        features,
        foreign_members: None,
    };
    collection.to_string() + "\n"
}

/// Governorate polygons joined to the scenario's regions by admin-1 code, with shares.
fn governorates(scene: &Scene<'_>, basemap: &Basemap, features: &mut Vec<Feature>) {
    let scenario = scene.engine.scenario();
    for (region, state) in scenario.regions.iter().zip(&scene.resolution.regions) {
        if region.kind != RegionKind::Governorate {
            continue;
        }
        let Some(area) = region
            .admin1_code
            .as_deref()
            .and_then(|code| basemap.governorate_by_code(code))
        else {
            continue;
        };
        let shares: serde_json::Map<String, Value> = state
            .shares()
            .iter()
            .filter_map(|&(f, share)| {
                Some((scene.faction_id(Some(f))?.to_owned(), json!(round(share))))
            })
            .collect();
        features.push(feature(
            format!("governorate:{}", region.id),
            polygons(&area.polygons),
            json!({
                "layer": "governorate",
                "id": region.id,
                "name": region.name,
                "admin1_code": area.code,
                "dominant": scene.faction_id(state.dominant),
                "shares": shares,
            }),
        ));
    }
}
