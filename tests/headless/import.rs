//! Import: ACLED rows and control polygons become draft claims citing their records.
//! Export then import gives the same claims; a file with bad rows gives located errors
//! and changes nothing; a record that no longer matches its file fails the load.

use std::path::{Path, PathBuf};
use std::process::Command;

use frontline::control::{Engine, View};
use frontline::import::acled::{AcledFile, import_acled};
use frontline::import::actors::ActorMap;
use frontline::io::{default_scenario, load_scenario_file};
use frontline::model::{Assertion, Claim, Precision, Subject};

use crate::common::{binary, mini_copy};

fn run(args: &[&str]) -> std::process::Output {
    Command::new(binary()).args(args).output().unwrap()
}

/// ACLED's time precision of a claim's precision (1 a day or finer, 2 a week, 3 undated).
fn acled_precision(precision: Precision) -> u8 {
    match precision {
        Precision::Week => 2,
        Precision::Reported => 3,
        _ => 1,
    }
}

/// What a round trip must keep: subject, assertion, sides and (ACLED's) time.
fn same_claim(original: &Claim, imported: &Claim, event_date: &str) {
    let what = &original.id;
    assert_eq!(imported.subject, original.subject, "{what}");
    assert_eq!(imported.assertion, original.assertion, "{what}");
    assert_eq!(imported.actor, original.actor, "{what}");
    assert_eq!(imported.counterpart, original.counterpart, "{what}");
    assert_eq!(imported.when.at, event_date, "{what}");
    assert_eq!(
        acled_precision(imported.when.precision),
        acled_precision(original.when.precision),
        "{what}"
    );
    if acled_precision(original.when.precision) == 1 {
        assert_eq!(imported.when.at, original.when.at[..10], "{what}");
    }
    assert!(imported.document.is_none() && imported.quote.is_none());
    assert!(imported.record.is_some(), "{what} cites its row");
}

/// The claim id and event date of each row of an ACLED export.
fn exported_ids(csv_text: &str) -> Vec<(String, String)> {
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let header = reader.headers().unwrap().clone();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    reader
        .records()
        .map(|row| {
            let row = row.unwrap();
            let tags = &row[col("tags")];
            let id = tags
                .split("; ")
                .find_map(|t| t.strip_prefix("frontline_claim="))
                .unwrap()
                .to_owned();
            (id, row[col("event_date")].to_owned())
        })
        .collect()
}

#[test]
fn default_scenario_round_trips_through_acled() {
    let engine = Engine::new(default_scenario().unwrap());
    let text = frontline::export::claims_csv(&engine, &View::default(), i64::MAX, true).unwrap();
    let scenario = engine.scenario();
    let file = AcledFile {
        name: "claims.csv",
        dataset: "claims.csv",
        text: &text,
    };
    let actors = ActorMap::new(scenario, &[]).unwrap();
    let imported = import_acled(scenario, file, &actors).unwrap_or_else(|e| panic!("{e}"));
    let ids = exported_ids(&text);
    assert_eq!(imported.drafts.len(), ids.len());
    assert!(ids.len() > 100, "the default scenario has many claims");
    assert!(imported.new_places.is_empty(), "every place is known");
    let kinds: std::collections::BTreeSet<&str> = imported
        .drafts
        .iter()
        .map(|c| match c.subject {
            Subject::Place(_) => "place",
            Subject::Region(_) => "region",
            Subject::Route(_) => "route",
            Subject::Faction(_) => "faction",
            Subject::Person(_) => "person",
        })
        .collect();
    assert!(
        kinds.contains("place") && kinds.contains("region"),
        "{kinds:?}"
    );
    for (draft, (id, date)) in imported.drafts.iter().zip(&ids) {
        let original = scenario.claims.iter().find(|c| c.id == *id).unwrap();
        same_claim(original, draft, date);
    }
}

/// Without Frontline's tag, ACLED's codes are read back through the export's table.
#[test]
fn acled_codes_without_tags_read_back() {
    let scenario = load_scenario_file(Path::new("tests/fixtures/mini.ron")).unwrap();
    let text = "event_id_cnty,event_date,time_precision,event_type,sub_event_type,actor1,actor2,location,latitude,longitude,geo_precision,source,admin1\n\
        SYR9,08 December 2024,2,Battles,Government regains territory,Military Forces of Syria (2000-2024),Hayat Tahrir al-Sham,Nortown,36.0,37.0,1,Reuters; SANA,North\n\
        SYR10,2024-12-08,1,Explosions/Remote violence,Air/drone strike,army,,Newville,35.5,36.9,1,Reuters,North\n";
    let actors = ActorMap::new(
        &scenario,
        &[
            "Military Forces of Syria=army".into(),
            "Hayat Tahrir al-Sham=The rebels".into(),
        ],
    )
    .unwrap();
    let file = AcledFile {
        name: "a.csv",
        dataset: "a.csv",
        text,
    };
    let imported = import_acled(&scenario, file, &actors).unwrap_or_else(|e| panic!("{e}"));
    let [first, second] = &imported.drafts[..] else {
        panic!("two rows, two drafts");
    };
    assert_eq!(first.assertion, Assertion::Captured);
    assert_eq!(first.subject, Subject::Place("northtown".into()), "alias");
    assert_eq!(
        (first.actor.as_deref(), first.counterpart.as_deref()),
        (Some("army"), Some("rebels"))
    );
    assert_eq!(
        (first.when.at.as_str(), first.when.precision),
        ("2024-12-08", Precision::Week)
    );
    assert_eq!(first.originators, ["reuters", "sana"]);
    assert_eq!(second.assertion, Assertion::StrikeOn);
    assert_eq!(second.subject, Subject::Place("newville".into()));
    let place = &imported.new_places[0];
    assert_eq!(
        (place.governorate.as_str(), place.lat, place.lon),
        ("north-gov", 35.5, 36.9)
    );
    // An unknown faction in a mapping is refused, with the closest suggested.
    let err = ActorMap::new(&scenario, &["X=rebelz".into()]).unwrap_err();
    assert!(err.to_string().contains("did you mean \"rebels\""), "{err}");
}

#[test]
fn export_import_apply_then_check_on_the_mini_fixture() {
    let (dir, scenario_path) = mini_copy();
    let scenario = scenario_path.to_str().unwrap();
    let csv_path = dir.path().join("events.csv");
    let out = run(&[
        "export",
        scenario,
        "--format",
        "acled",
        "--include-states",
        "--at",
        "2024-12-08",
        "--out",
        csv_path.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let before = load_scenario_file(&scenario_path).unwrap();
    let out = run(&[
        "import",
        "acled",
        csv_path.to_str().unwrap(),
        "--into",
        scenario,
        "--format",
        "json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string("docs/schemas/import.schema.json").unwrap())
            .unwrap();
    let problems = crate::json_schema::problems(&schema, &json);
    assert!(problems.is_empty(), "{problems:#?}");
    assert_eq!(json["drafts"].as_array().unwrap().len(), 5);
    let out = run(&[
        "import",
        "acled",
        csv_path.to_str().unwrap(),
        "--into",
        scenario,
        "--apply",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let after = load_scenario_file(&scenario_path).unwrap_or_else(|e| panic!("{e}"));
    let text = std::fs::read_to_string(&csv_path).unwrap();
    let ids = exported_ids(&text);
    assert_eq!(after.claims.len(), before.claims.len() + ids.len());
    for (id, date) in &ids {
        let original = before.claims.iter().find(|c| c.id == *id).unwrap();
        let n = ids.iter().position(|(i, _)| i == id).unwrap() + 1;
        let imported = after
            .claims
            .iter()
            .find(|c| c.record.as_ref().is_some_and(|r| r.row == n.to_string()))
            .unwrap();
        same_claim(original, imported, date);
        assert_eq!(imported.record.as_ref().unwrap().dataset, "events.csv");
    }
    // The record is checked on load: a changed row is a located error.
    std::fs::write(
        &csv_path,
        text.replacen("SYR2,2024-12-06", "SYR2,2024-12-05", 1),
    )
    .unwrap();
    let err = load_scenario_file(&scenario_path).unwrap_err().to_string();
    assert!(
        err.contains("added/import-events.ron:") && err.contains("is not what the file holds"),
        "{err}"
    );
}

#[test]
fn bad_rows_give_located_errors_and_change_nothing() {
    let (dir, scenario_path) = mini_copy();
    let scenario = scenario_path.to_str().unwrap();
    let csv_path = dir.path().join("bad.csv");
    std::fs::write(
        &csv_path,
        "event_id_cnty,event_date,time_precision,event_type,sub_event_type,actor1,actor2,location,latitude,longitude,geo_precision,source\n\
         SYR1,2024-12-06,1,Battles,Armed clash,The rebels,The army,Midtown,35.0,36.8,1,Reuters\n\
         SYR2,2024-13-06,1,Battles,Armed clash,The rebels,The army,Midtown,35.0,36.8,1,Reuters\n\
         SYR3,2024-12-06,1,Battles,Armed clash,Martians,The army,Midtown,35.0,36.8,1,Reuters\n\
         SYR4,2024-12-06,7,Battles,Armed clash,The rebels,The army,Nowhere,,,1,Reuters\n",
    )
    .unwrap();
    let before: Vec<(PathBuf, Vec<u8>)> = files_in(dir.path());
    let out = run(&[
        "import",
        "acled",
        csv_path.to_str().unwrap(),
        "--into",
        scenario,
        "--apply",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let name = csv_path.display().to_string();
    for expected in [
        format!("{name}:3:6: row 2: event_date \"2024-13-06\""),
        format!("{name}:4:39: row 3: unknown actor \"Martians\""),
        format!("{name}:5:17: row 4: time_precision \"7\""),
        format!("{name}:5:59: row 4: unknown location"),
    ] {
        assert!(stderr.contains(&expected), "{expected}\n{stderr}");
    }
    assert!(stderr.contains("unknown location \"Nowhere\""), "{stderr}");
    assert!(!stderr.contains("row 1:"), "{stderr}");
    assert_eq!(files_in(dir.path()), before, "nothing changed");
}

/// Every file under `dir` with its bytes, sorted.
fn files_in(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(files_in(&path));
        } else {
            files.push((path.clone(), std::fs::read(&path).unwrap()));
        }
    }
    files.sort();
    files
}

/// Two dated control polygons (the rebels' around Northtown and Midtown, the army's
/// around Southtown) and one held by no one.
const AREAS: &str = r#"{"type": "FeatureCollection", "features": [
  {"type": "Feature", "id": "r1", "properties": {"holder": "The rebels", "day": "2024-12-07"},
   "geometry": {"type": "Polygon", "coordinates": [[[36.5, 34.5], [37.5, 34.5], [37.5, 36.5], [36.5, 36.5], [36.5, 34.5]]]}},
  {"type": "Feature", "properties": {"holder": "army", "day": "2024-12-07T10:00:00+03:00"},
   "geometry": {"type": "MultiPolygon", "coordinates": [[[[36.0, 33.4], [36.35, 33.4], [36.35, 33.6], [36.0, 33.6], [36.0, 33.4]]]]}},
  {"type": "Feature", "properties": {"holder": "none", "day": "2024-12-07"},
   "geometry": {"type": "Polygon", "coordinates": [[[36.35, 33.1], [36.5, 33.1], [36.5, 33.3], [36.35, 33.3], [36.35, 33.1]]]}}
]}"#;

#[test]
fn control_polygons_become_holds_claims_for_the_places_inside() {
    let (dir, scenario_path) = mini_copy();
    let scenario = scenario_path.to_str().unwrap();
    let areas = dir.path().join("areas.geojson");
    std::fs::write(&areas, AREAS).unwrap();
    let args = |extra: &[&str]| {
        let mut args = vec![
            "import",
            "areas",
            areas.to_str().unwrap(),
            "--holder-field",
            "holder",
            "--date-field",
            "day",
            "--source",
            "observers",
            "--into",
            scenario,
        ];
        args.extend_from_slice(extra);
        run(&args)
    };
    let out = args(&["--apply"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let after = load_scenario_file(&scenario_path).unwrap_or_else(|e| panic!("{e}"));
    let mut held: Vec<(String, String, String, String)> = after
        .claims
        .iter()
        .filter_map(|c| {
            let record = c.record.as_ref()?;
            Some((
                c.subject.id().to_owned(),
                c.actor.clone()?,
                c.when.at.clone(),
                record.row.clone(),
            ))
        })
        .collect();
    held.sort();
    let expected = [
        ("midtown", "rebels", "2024-12-07", "r1"),
        ("northtown", "rebels", "2024-12-07", "r1"),
        ("southtown", "army", "2024-12-07", "2"),
    ];
    let expected: Vec<(String, String, String, String)> = expected
        .iter()
        .map(|(a, b, c, d)| (a.to_string(), b.to_string(), c.to_string(), d.to_string()))
        .collect();
    assert_eq!(held, expected, "Hamlet lies in the polygon held by no one");
    assert!(
        after
            .claims
            .iter()
            .filter(|c| c.record.is_some())
            .all(|c| c.assertion == Assertion::Holds && c.originators == ["observers"])
    );
    // An unknown holder is a located error, and nothing changes.
    let bad = dir.path().join("bad.geojson");
    std::fs::write(&bad, AREAS.replace("\"army\"", "\"armee\"")).unwrap();
    let before = files_in(dir.path());
    let out = run(&[
        "import",
        "areas",
        bad.to_str().unwrap(),
        "--holder-field",
        "holder",
        "--date-field",
        "day",
        "--source",
        "observers",
        "--into",
        scenario,
        "--apply",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!(
            "{}:4:1: feature 2: unknown holder \"armee\" (did you mean \"army\"?)",
            bad.display()
        )),
        "{stderr}"
    );
    assert_eq!(files_in(dir.path()), before, "nothing changed");
}

/// The same map as [`AREAS`] in KML (the unheld polygon left out).
const AREAS_KML: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
  <Placemark id="r1"><name>North</name>
    <ExtendedData><Data name="holder"><value>The rebels</value></Data><Data name="day"><value>2024-12-07</value></Data></ExtendedData>
    <Polygon><outerBoundaryIs><LinearRing><coordinates>36.5,34.5 37.5,34.5 37.5,36.5 36.5,36.5 36.5,34.5</coordinates></LinearRing></outerBoundaryIs></Polygon>
  </Placemark>
  <Placemark><name>South</name>
    <ExtendedData><SchemaData><SimpleData name="holder">army</SimpleData><SimpleData name="day">2024-12-07</SimpleData></SchemaData></ExtendedData>
    <MultiGeometry><Polygon><outerBoundaryIs><LinearRing><coordinates>36.0,33.4 36.35,33.4 36.35,33.6 36.0,33.6 36.0,33.4</coordinates></LinearRing></outerBoundaryIs></Polygon></MultiGeometry>
  </Placemark>
</Document></kml>"#;

#[test]
fn kml_control_polygons_read_like_geojson() {
    let (dir, scenario_path) = mini_copy();
    let areas = dir.path().join("areas.kml");
    std::fs::write(&areas, AREAS_KML).unwrap();
    let out = run(&[
        "import",
        "areas",
        areas.to_str().unwrap(),
        "--holder-field",
        "holder",
        "--date-field",
        "day",
        "--source",
        "observers",
        "--into",
        scenario_path.to_str().unwrap(),
        "--apply",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let after = load_scenario_file(&scenario_path).unwrap_or_else(|e| panic!("{e}"));
    let mut held: Vec<(String, String, String)> = after
        .claims
        .iter()
        .filter_map(|c| {
            let record = c.record.as_ref()?;
            Some((
                c.subject.id().to_owned(),
                c.actor.clone()?,
                record.row.clone(),
            ))
        })
        .collect();
    held.sort();
    let expected: Vec<(String, String, String)> = [
        ("midtown", "rebels", "r1"),
        ("northtown", "rebels", "r1"),
        ("southtown", "army", "2"),
    ]
    .iter()
    .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
    .collect();
    assert_eq!(held, expected);
}
