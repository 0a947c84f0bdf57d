//! `frontline export --format geojson`, checked by GDAL where ogrinfo is installed.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

use super::{MINI, export};

/// Feature count GDAL's ogrinfo reads, optionally with a `-where` filter; `None` when
/// ogrinfo is not installed.
fn ogr_count(path: &Path, filter: Option<&str>) -> Option<usize> {
    let mut command = Command::new("ogrinfo");
    command.args(["-ro", "-al", "-so"]);
    if let Some(filter) = filter {
        command.args(["-where", filter]);
    }
    let output = command.arg(path).output().ok()?;
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "ogrinfo failed: {text}");
    let line = text
        .lines()
        .find(|l| l.starts_with("Feature Count:"))
        .unwrap();
    Some(line["Feature Count:".len()..].trim().parse().unwrap())
}

#[test]
fn geojson_is_read_by_gdal_with_the_right_counts() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("mini.geojson");
    export(Some(MINI), "geojson", &out, &[]);
    let json: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(json["type"], "FeatureCollection");
    let features = json["features"].as_array().unwrap();
    let count = |layer: &str| {
        features
            .iter()
            .filter(|f| f["properties"]["layer"] == layer)
            .count()
    };
    assert_eq!(
        [
            count("place"),
            count("route_segment"),
            count("territory"),
            count("governorate")
        ],
        [4, 2, 2, 2]
    );
    let northtown = features
        .iter()
        .find(|f| f["id"] == "place:northtown")
        .unwrap();
    assert_eq!(
        northtown["geometry"]["coordinates"],
        serde_json::json!([37.0, 36.0])
    );
    assert_eq!(northtown["properties"]["controller"], "army");
    assert_eq!(northtown["properties"]["status"], "contested");
    assert_eq!(northtown["properties"]["claims"], 3);
    // The population stays a number, and says that it is the pre-war GeoNames figure.
    assert_eq!(northtown["properties"]["population"], 1000);
    let source = northtown["properties"]["population_source"]
        .as_str()
        .unwrap();
    assert!(source.contains("pre-war"), "{source}");
    let hamlet = features.iter().find(|f| f["id"] == "place:hamlet").unwrap();
    assert!(hamlet["properties"]["population"].is_null());
    assert!(hamlet["properties"]["population_source"].is_null());
    assert!(
        northtown["properties"]["explanation"]
            .as_str()
            .unwrap()
            .starts_with("Disputed:")
    );
    let north = features
        .iter()
        .find(|f| f["id"] == "governorate:north-gov")
        .unwrap();
    assert_eq!(north["properties"]["share_army"], 1.0);
    assert_eq!(north["properties"]["share_rebels"], 0.0);
    assert!(
        north["properties"]["as_of"]
            .as_str()
            .unwrap()
            .ends_with("+03:00")
    );
    let stamp = &json["frontline"];
    assert_eq!(stamp["format_version"], 1);
    assert_eq!(stamp["perspective"], "all");
    assert_eq!(stamp["hypothetical"], false);
    assert_eq!(stamp["scenario_id"], "mini");
    assert_eq!(stamp["scenario_hash"].as_str().unwrap().len(), 16);
    assert_eq!(stamp["at"], northtown["properties"]["as_of"]);

    let Some(total) = ogr_count(&out, None) else {
        eprintln!(
            "SKIPPED: ogrinfo (Debian's gdal-bin) is not installed; scripts/test.sh installs it"
        );
        return;
    };
    assert_eq!(total, 10);
    assert_eq!(ogr_count(&out, Some("layer = 'place'")), Some(4));
    assert_eq!(ogr_count(&out, Some("layer = 'route_segment'")), Some(2));

    let only_places = dir.path().join("places.geojson");
    export(Some(MINI), "geojson", &only_places, &["--layers", "places"]);
    assert_eq!(ogr_count(&only_places, None), Some(4));

    let default = dir.path().join("default.geojson");
    export(None, "geojson", &default, &[]);
    let json: Value = serde_json::from_str(&std::fs::read_to_string(&default).unwrap()).unwrap();
    let features = json["features"].as_array().unwrap().len();
    assert!(features > 0);
    assert_eq!(ogr_count(&default, None), Some(features));
}
