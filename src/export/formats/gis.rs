//! The map's data as GIS layers, one geometry type each: places (points), road
//! segments (lines), territory and governorates (multipolygons), with typed fields.
//! GeoJSON and the GeoPackage are both written from these, so they cannot disagree.

use ::geo::orient::Orient;
use ::geo::{Coord, Geometry, LineString, MapCoords, MultiPolygon, Point, orient::Direction};
use serde_json::{Map, Value, json};

use crate::export::{Scene, TERRITORY_METHOD};
use crate::geo::Basemap;
use crate::model::{Moment, RegionKind};

/// One kind of map feature, one geometry type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GisLayer {
    /// Places as points.
    Places,
    /// Road segments between consecutive waypoints, as lines.
    Roads,
    /// Territory per faction, estimated from Voronoi cells, as multipolygons.
    Territory,
    /// Governorates with their control shares, as multipolygons.
    Governorates,
}

/// The type of a field's values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldType {
    /// Text.
    Text,
    /// A whole number.
    Integer,
    /// A number.
    Real,
    /// True or false.
    Boolean,
    /// A moment, RFC 3339.
    DateTime,
}

/// A field of a layer: name and type.
pub type Field = (String, FieldType);

/// One feature: an id, its geometry in lon/lat degrees and its field values (`null`
/// where the value is unknown).
pub struct GisFeature {
    /// Stable id, e.g. `place:aleppo`.
    pub id: String,
    /// The geometry (of the layer's type), rounded to six decimals.
    pub geometry: Geometry<f64>,
    /// Field values by field name.
    pub properties: Map<String, Value>,
}

impl GisLayer {
    /// Every layer, in the order files and tables list them.
    pub const ALL: [Self; 4] = [
        Self::Places,
        Self::Roads,
        Self::Territory,
        Self::Governorates,
    ];

    /// The layer's name: `places`, `roads`, `territory`, `governorates`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Places => "places",
            Self::Roads => "roads",
            Self::Territory => "territory",
            Self::Governorates => "governorates",
        }
    }

    /// The geometry type, as GeoPackage names it.
    pub fn geometry_type(self) -> &'static str {
        match self {
            Self::Places => "POINT",
            Self::Roads => "LINESTRING",
            Self::Territory | Self::Governorates => "MULTIPOLYGON",
        }
    }

    /// The layer's fields in order (governorates get a `share_FACTION` per faction).
    pub fn fields(self, scene: &Scene<'_>) -> Vec<Field> {
        use FieldType::{Boolean, DateTime, Integer, Real, Text};
        let named = |list: &[(&str, FieldType)]| -> Vec<Field> {
            list.iter().map(|&(n, t)| (n.to_owned(), t)).collect()
        };
        let mut fields = named(&[("layer", Text)]);
        fields.extend(match self {
            Self::Places => named(&[
                ("id", Text),
                ("name", Text),
                ("population", Integer),
                ("population_source", Text),
                ("governorate", Text),
                ("controller", Text),
                ("status", Text),
                ("claims", Integer),
                ("sources", Text),
                ("explanation", Text),
            ]),
            Self::Roads => named(&[
                ("route", Text),
                ("reference", Text),
                ("from", Text),
                ("to", Text),
                ("holder", Text),
                ("front_line", Boolean),
                ("severed", Boolean),
                ("severed_for", Text),
            ]),
            Self::Territory => named(&[("controller", Text), ("method", Text)]),
            Self::Governorates => {
                let mut fields = named(&[
                    ("id", Text),
                    ("name", Text),
                    ("admin1_code", Text),
                    ("dominant", Text),
                ]);
                let factions = &scene.engine.scenario().factions;
                fields.extend(factions.iter().map(|f| (format!("share_{}", f.id), Real)));
                fields
            }
        });
        fields.push(("as_of".to_owned(), DateTime));
        fields
    }
}

/// Six decimals: about 10 cm, the precision RFC 7946 recommends at most.
pub fn round(v: f64) -> f64 {
    (v * 1e6).round() / 1e6
}

/// Exterior rings counter-clockwise and holes clockwise, rounded to six decimals.
fn rounded(mp: &MultiPolygon<f64>) -> Geometry<f64> {
    let mp = mp
        .map_coords(|c| Coord {
            x: round(c.x),
            y: round(c.y),
        })
        .orient(Direction::Default);
    Geometry::MultiPolygon(mp)
}

/// The moment of the scene, RFC 3339 in the scenario's time zone.
pub fn as_of(scene: &Scene<'_>) -> String {
    Moment::from_unix_secs(scene.resolution.at_secs).to_rfc3339(scene.engine.scenario().offset())
}

/// A feature with `properties` (a JSON object) plus `layer` and `as_of`.
fn feature(
    id: String,
    geometry: Geometry<f64>,
    layer: &str,
    as_of: &str,
    mut properties: Value,
) -> GisFeature {
    let mut map = match properties.take() {
        Value::Object(map) => map,
        _ => Map::new(),
    };
    map.insert("layer".into(), json!(layer));
    map.insert("as_of".into(), json!(as_of));
    GisFeature {
        id,
        geometry,
        properties: map,
    }
}

/// The features of `layer` in the scene (empty when the scene's layers hide it).
pub fn layer_features(scene: &Scene<'_>, basemap: &Basemap, layer: GisLayer) -> Vec<GisFeature> {
    match layer {
        GisLayer::Places => places(scene),
        GisLayer::Roads if scene.layers.routes => roads(scene),
        GisLayer::Territory if scene.layers.territory => territory(scene, basemap),
        GisLayer::Governorates if scene.layers.governorates => governorates(scene, basemap),
        _ => Vec::new(),
    }
}

fn places(scene: &Scene<'_>) -> Vec<GisFeature> {
    let scenario = scene.engine.scenario();
    let as_of = as_of(scene);
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
            Geometry::Point(point),
            "place",
            &as_of,
            json!({
                "id": place.id,
                "name": place.name,
                // 0 means the scenario does not know the population.
                "population": (place.population > 0).then_some(place.population),
                // Where the figure comes from: the gazetteer's old pre-war figure, as
                // the window's sidebar says.
                "population_source": (place.population > 0).then_some(POPULATION_SOURCE),
                "governorate": place.governorate,
                "controller": scene.faction_id(state.controller),
                "status": state.status.as_str(),
                "claims": details.claims.len(),
                "sources": details.sources.join(","),
                "explanation": details.explanation,
            }),
        ));
    }
    features
}

/// What a place's `population` is: the window says "(pre-war, GeoNames)".
pub const POPULATION_SOURCE: &str = "GeoNames, pre-war";

fn roads(scene: &Scene<'_>) -> Vec<GisFeature> {
    let scenario = scene.engine.scenario();
    let as_of = as_of(scene);
    let mut features = Vec::new();
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
                Geometry::LineString(LineString::from(ends)),
                "route_segment",
                &as_of,
                json!({
                    "route": route.id,
                    "reference": (!route.reference.is_empty()).then_some(&route.reference),
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
    features
}

fn territory(scene: &Scene<'_>, basemap: &Basemap) -> Vec<GisFeature> {
    let as_of = as_of(scene);
    scene
        .territory(basemap)
        .into_iter()
        .map(|(faction, mp)| {
            let id = scene.faction_id(Some(faction)).unwrap_or("?");
            feature(
                format!("territory:{id}"),
                rounded(&mp),
                "territory",
                &as_of,
                json!({"controller": id, "method": TERRITORY_METHOD}),
            )
        })
        .collect()
}

/// Governorate polygons joined to the scenario's regions by admin-1 code, with each
/// faction's share as a number (`share_rebels: 0.75`).
fn governorates(scene: &Scene<'_>, basemap: &Basemap) -> Vec<GisFeature> {
    let scenario = scene.engine.scenario();
    let as_of = as_of(scene);
    let mut features = Vec::new();
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
        let mut properties = json!({
            "id": region.id,
            "name": region.name,
            "admin1_code": area.code,
            "dominant": scene.faction_id(state.dominant),
        });
        if let Value::Object(map) = &mut properties {
            for (f, faction) in scenario.factions.iter().enumerate() {
                let share = state
                    .shares()
                    .iter()
                    .find(|&&(g, _)| usize::from(g) == f)
                    .map_or(0.0, |&(_, share)| share);
                map.insert(format!("share_{}", faction.id), json!(round(share)));
            }
        }
        features.push(feature(
            format!("governorate:{}", region.id),
            rounded(&area.polygons),
            "governorate",
            &as_of,
            properties,
        ));
    }
    features
}
