//! GIS interchange read back by GDAL: GeoJSON split into one typed layer per file, the
//! GeoPackage's layers and its temporal `control_intervals` layer, and the timeline CSV.
//! Tests that need `ogrinfo` (Debian's gdal-bin; scripts/test.sh installs it) say
//! SKIPPED without it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::Command;

use crate::common::binary;

const MINI: &str = "tests/fixtures/mini.ron";

/// Runs `frontline` and expects success.
fn ok(args: &[&str]) {
    let output = Command::new(binary()).args(args).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{args:?}: {stderr}");
}

/// `ogrinfo ARGS` output, or `None` when GDAL is not installed.
fn ogrinfo(args: &[&str]) -> Option<String> {
    let output = Command::new("ogrinfo").args(args).output().ok()?;
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success(),
        "ogrinfo {args:?} failed: {text}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    Some(text)
}

fn skipped() {
    eprintln!("SKIPPED: ogrinfo (Debian's gdal-bin) is not installed; scripts/test.sh installs it");
}

/// The `Feature Count: N` of an `ogrinfo -so` summary.
fn feature_count(summary: &str) -> usize {
    summary
        .lines()
        .find_map(|l| l.strip_prefix("Feature Count: "))
        .and_then(|n| n.trim().parse().ok())
        .unwrap()
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn split_geojson_is_one_typed_layer_per_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("mini.geojson");
    let args = [
        "export",
        MINI,
        "--at",
        "2024-12-07",
        "--format",
        "geojson",
        "--split",
    ];
    ok(&[&args[..], &["--out", path(&out)]].concat());
    assert!(!out.exists(), "split writes only the layer files");
    let expected = [
        ("places", "Point", 4),
        ("roads", "Line String", 2),
        ("territory", "Multi Polygon", 2),
        ("governorates", "Multi Polygon", 2),
    ];
    for (layer, _, count) in expected {
        let file = dir.path().join(format!("mini-{layer}.geojson"));
        let json: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        assert_eq!(json["features"].as_array().unwrap().len(), count, "{layer}");
        assert_eq!(json["frontline"]["scenario_id"], "mini");
    }
    for (layer, geometry, count) in expected {
        let file = dir.path().join(format!("mini-{layer}.geojson"));
        let Some(summary) = ogrinfo(&["-so", "-al", path(&file)]) else {
            return skipped();
        };
        assert!(
            summary.contains(&format!("Geometry: {geometry}")),
            "{layer}: {summary}"
        );
        assert_eq!(feature_count(&summary), count, "{layer}");
    }
}

#[test]
fn geojson_timelapse_writes_one_file_per_moment() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("t.geojson");
    ok(&[
        "export",
        MINI,
        "--format",
        "geojson",
        "--every",
        "1d",
        "--from",
        "2024-12-05",
        "--to",
        "2024-12-07",
        "--out",
        path(&out),
    ]);
    let ats: Vec<String> = (1..=3)
        .map(|n| {
            let file = dir.path().join(format!("t-{n:04}.geojson"));
            let json: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
            json["frontline"]["at"].as_str().unwrap().to_owned()
        })
        .collect();
    assert_eq!(
        ats,
        [
            "2024-12-05T23:59:59+03:00",
            "2024-12-06T23:59:59+03:00",
            "2024-12-07T23:59:59+03:00"
        ]
    );
}

#[test]
fn geopackage_has_a_layer_per_kind_and_dated_control_intervals() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("mini.gpkg");
    ok(&[
        "export",
        MINI,
        "--at",
        "2024-12-07",
        "--from",
        "2024-12-05",
        "--to",
        "2024-12-07",
        "--format",
        "gpkg",
        "--out",
        path(&out),
    ]);
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"SQLite format 3\0"));
    // The same request writes the same bytes.
    let again = dir.path().join("again.gpkg");
    ok(&[
        "export",
        MINI,
        "--at",
        "2024-12-07",
        "--from",
        "2024-12-05",
        "--to",
        "2024-12-07",
        "--format",
        "gpkg",
        "--out",
        path(&again),
    ]);
    assert_eq!(std::fs::read(&again).unwrap(), bytes);
    let Some(list) = ogrinfo(&["-ro", path(&out)]) else {
        return skipped();
    };
    for layer in [
        "places (Point)",
        "roads (Line String)",
        "territory (Multi Polygon)",
        "governorates (Multi Polygon)",
        "control_intervals (Point)",
    ] {
        assert!(list.contains(layer), "{layer} missing: {list}");
    }
    let places = ogrinfo(&["-ro", "-so", path(&out), "places"]).unwrap();
    assert_eq!(feature_count(&places), 4);
    assert!(
        places.contains("EPSG") || places.contains("WGS 84"),
        "{places}"
    );
    let intervals = ogrinfo(&["-ro", "-so", path(&out), "control_intervals"]).unwrap();
    assert!(intervals.contains("valid_from: DateTime"), "{intervals}");
    assert!(intervals.contains("valid_to: DateTime"), "{intervals}");
    assert!(
        feature_count(&intervals) >= 4,
        "at least one interval per place"
    );
    // Northtown was captured on the 6th: it has more than one interval.
    let northtown = ogrinfo(&[
        "-ro",
        "-al",
        "-q",
        "-where",
        "place_id = 'northtown'",
        path(&out),
        "control_intervals",
    ])
    .unwrap();
    assert!(northtown.matches("OGRFeature").count() >= 2, "{northtown}");
    assert!(
        northtown.contains("valid_from (DateTime) = 2024/12/0"),
        "{northtown}"
    );

    // Without a range, no temporal layer.
    let plain = dir.path().join("plain.gpkg");
    ok(&[
        "export",
        MINI,
        "--at",
        "2024-12-07",
        "--format",
        "gpkg",
        "--out",
        path(&plain),
    ]);
    let list = ogrinfo(&["-ro", path(&plain)]).unwrap();
    assert!(!list.contains("control_intervals"), "{list}");
}

#[test]
fn timeline_csv_lists_each_places_intervals() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("timeline.csv");
    ok(&[
        "export",
        MINI,
        "--from",
        "2024-12-05",
        "--to",
        "2024-12-07",
        "--format",
        "timeline",
        "--out",
        path(&out),
    ]);
    let mut reader = csv::Reader::from_path(&out).unwrap();
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(
        header,
        ["place", "from", "to", "controller", "status", "claims"]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let northtown: Vec<&csv::StringRecord> = rows.iter().filter(|r| &r[0] == "northtown").collect();
    assert!(northtown.len() >= 2, "{northtown:?}");
    assert_eq!(&northtown[0][1], "2024-12-05T23:59:59+03:00");
    assert_eq!(&northtown.last().unwrap()[2], "2024-12-07T23:59:59+03:00");
    // The intervals follow one another without gaps.
    assert!(northtown.windows(2).all(|w| w[0][2] == w[1][1]));
    assert_eq!(&northtown.last().unwrap()[4], "contested");
    // Southtown passed to the rebels when the army withdrew on the 6th.
    let southtown: Vec<&csv::StringRecord> = rows.iter().filter(|r| &r[0] == "southtown").collect();
    assert_eq!(
        (&southtown[1][1], &southtown[1][3], &southtown[1][5]),
        ("2024-12-06T12:00:00+03:00", "rebels", "c-south-withdrew")
    );
}
