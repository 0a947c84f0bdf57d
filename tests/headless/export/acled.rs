//! `frontline export --format csv` and `--format acled`: ACLED-like columns.

use super::{MINI, export};

#[test]
fn csv_has_acled_like_columns() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("claims.csv");
    // `csv` is still accepted for the ACLED export.
    export(Some(MINI), "csv", &out, &[]);
    let mut reader = csv::Reader::from_path(&out).unwrap();
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(header.len(), 31);
    assert_eq!(
        header[..7],
        [
            "event_id_cnty",
            "event_date",
            "year",
            "time_precision",
            "disorder_type",
            "event_type",
            "sub_event_type"
        ]
    );
    assert_eq!(header[30], "timestamp");
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let row = |id: &str| {
        rows.iter()
            .find(|r| r[col("tags")].starts_with(&format!("frontline_claim={id};")))
            .unwrap()
    };
    let captured = row("c-north-captured");
    assert_eq!(&captured[col("event_date")], "2024-12-06");
    assert_eq!(&captured[col("actor1")], "The rebels");
    assert_eq!(&captured[col("event_type")], "Battles");
    assert_eq!(
        &captured[col("sub_event_type")],
        "Non-state actor overtakes territory"
    );
    assert_eq!(
        (&captured[col("location")], &captured[col("admin1")]),
        ("Northtown", "North")
    );
    assert_eq!(
        (&captured[col("latitude")], &captured[col("longitude")]),
        ("36.00000", "37.00000")
    );
    assert_eq!(&captured[col("geo_precision")], "1");
    assert_eq!(
        &captured[col("tags")],
        "frontline_claim=c-north-captured; frontline_assertion=Captured"
    );
    // States (the baseline's "holds") are not events unless asked for.
    assert!(
        rows.iter()
            .all(|r| !r[col("tags")].starts_with("frontline_claim=b-all;"))
    );
    export(Some(MINI), "acled", &out, &["--include-states"]);
    let rows: Vec<csv::StringRecord> = csv::Reader::from_path(&out)
        .unwrap()
        .records()
        .map(Result::unwrap)
        .collect();
    let region = rows
        .iter()
        .find(|r| r[col("tags")].starts_with("frontline_claim=b-all;"))
        .unwrap();
    assert_eq!(&region[col("location")], "Everywhere");
    assert_eq!(&region[col("geo_precision")], "3");
    assert!(region[col("notes")].contains("centroid"));
    assert!(
        !region[col("latitude")].is_empty() && !region[col("longitude")].is_empty(),
        "centroid of its places"
    );

    export(None, "acled", &out, &[]);
    assert!(csv::Reader::from_path(&out).unwrap().records().count() > 0);
}
