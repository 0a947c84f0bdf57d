//! `frontline export` and `frontline open`, run as a user would: on the small fixture
//! (known places and colours) and on the embedded default scenario (generic checks).

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests may unwrap.

use std::path::{Path, PathBuf};
use std::process::Command;

use resvg::tiny_skia::Pixmap;
use serde_json::Value;

const MINI: &str = "tests/fixtures/mini.ron";
const AT: &str = "2024-12-07";
const ARMY: [u8; 3] = [0xc0, 0x39, 0x2b];
const REBELS: [u8; 3] = [0x27, 0xae, 0x60];

/// The binary under test; `FRONTLINE_TEST_BIN` overrides it where several checkouts
/// share one target folder and may overwrite `target/debug/frontline`.
fn binary() -> String {
    std::env::var("FRONTLINE_TEST_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_frontline").into())
}

fn frontline(args: &[&str]) -> (i32, String, String) {
    let output = Command::new(binary()).args(args).output().unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

/// Runs `frontline` and expects success.
fn ok(args: &[&str]) -> String {
    let (code, stdout, stderr) = frontline(args);
    assert_eq!(code, 0, "{args:?}: {stderr}");
    stdout
}

fn export(file: Option<&str>, format: &str, out: &Path, extra: &[&str]) {
    let mut args = vec!["export"];
    args.extend(file);
    args.extend([
        "--at",
        AT,
        "--format",
        format,
        "--out",
        out.to_str().unwrap(),
    ]);
    args.extend(extra);
    ok(&args);
}

fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    let be = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    (be(16), be(20))
}

/// The translate(x y) of the marker group of `place` in an exported SVG.
fn marker_position(svg: &str, place: &str) -> (f32, f32) {
    let group = format!("id=\"place-{place}\"");
    let start = svg
        .find(&group)
        .unwrap_or_else(|| panic!("no marker for {place}"));
    let rest = &svg[start..];
    let t = rest.find("translate(").unwrap() + "translate(".len();
    let end = rest[t..].find(')').unwrap();
    let mut numbers = rest[t..t + end]
        .split(' ')
        .map(|n| n.parse::<f32>().unwrap());
    (numbers.next().unwrap(), numbers.next().unwrap())
}

/// Mean colour of the 3x3 pixels around (x, y).
fn colour_at(pixmap: &Pixmap, (x, y): (f32, f32)) -> [i32; 3] {
    let mut sum = [0i32; 3];
    for dy in -1..=1 {
        for dx in -1..=1 {
            let p = pixmap
                .pixel(
                    (x.round() as i32 + dx) as u32,
                    (y.round() as i32 + dy) as u32,
                )
                .unwrap();
            sum[0] += i32::from(p.red());
            sum[1] += i32::from(p.green());
            sum[2] += i32::from(p.blue());
        }
    }
    sum.map(|s| s / 9)
}

fn close_to(colour: [i32; 3], expected: [u8; 3]) -> bool {
    colour
        .iter()
        .zip(expected)
        .all(|(c, e)| (c - i32::from(e)).abs() <= 3)
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}

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

#[test]
fn png_has_the_size_asked_for_and_faction_colours_at_known_towns() {
    let dir = tempfile::tempdir().unwrap();
    let (png, svg_path) = (dir.path().join("map.png"), dir.path().join("map.svg"));
    export(Some(MINI), "png", &png, &["--size", "800x600"]);
    export(Some(MINI), "svg", &svg_path, &["--size", "800x600"]);
    let bytes = std::fs::read(&png).unwrap();
    assert_eq!(png_size(&bytes), (800, 600));
    let pixmap = Pixmap::decode_png(&bytes).unwrap();
    let svg = std::fs::read_to_string(&svg_path).unwrap();

    // Southtown is held by the rebels, confirmed: a solid marker in their colour.
    let (x, y) = marker_position(&svg, "southtown");
    assert!(
        close_to(colour_at(&pixmap, (x, y)), REBELS),
        "{:?}",
        colour_at(&pixmap, (x, y))
    );
    // Around it, the rebels' territory tints the land green (close by: at 800x600 the
    // legend panel takes 38% of the width and the map is at a smaller scale).
    let [r, g, _] = colour_at(&pixmap, (x + 8.0, y - 8.0));
    assert!(g > r + 20, "rebel territory near Southtown: {r} {g}");

    // Northtown is contested: its marker's left half is the army's, the right the
    // rebels' (checked at the default 1920x1080, where the marker is big enough).
    export(Some(MINI), "png", &png, &[]);
    export(Some(MINI), "svg", &svg_path, &[]);
    let pixmap = Pixmap::decode_png(&std::fs::read(&png).unwrap()).unwrap();
    assert_eq!((pixmap.width(), pixmap.height()), (1920, 1080));
    let (x, y) = marker_position(&std::fs::read_to_string(&svg_path).unwrap(), "northtown");
    assert!(close_to(colour_at(&pixmap, (x - 3.5, y)), ARMY));
    assert!(close_to(colour_at(&pixmap, (x + 3.5, y)), REBELS));
    // Hamlet is a village: the army's territory reaches 6 km (about 10 pixels) around it.
    let svg = std::fs::read_to_string(&svg_path).unwrap();
    let (hx, hy) = marker_position(&svg, "hamlet");
    let [r, g, _] = colour_at(&pixmap, (hx, hy + 8.0));
    assert!(r > g + 20, "army territory near Hamlet: {r} {g}");

    let default = dir.path().join("default.png");
    export(None, "png", &default, &["--size", "640x360"]);
    assert_eq!(png_size(&std::fs::read(&default).unwrap()), (640, 360));
}

/// Counts of pixels in `[x0, x1) x [y0, y1)` that differ by more than `tolerance` in any
/// channel between two pictures of one size.
fn differing(a: &Pixmap, b: &Pixmap, [x0, y0, x1, y1]: [u32; 4], tolerance: i32) -> usize {
    let mut count = 0;
    for y in y0..y1 {
        for x in x0..x1 {
            let (p, q) = (a.pixel(x, y).unwrap(), b.pixel(x, y).unwrap());
            let d = [
                i32::from(p.red()) - i32::from(q.red()),
                i32::from(p.green()) - i32::from(q.green()),
                i32::from(p.blue()) - i32::from(q.blue()),
            ];
            count += usize::from(d.iter().any(|d| d.abs() > tolerance));
        }
    }
    count
}

/// The mean colour of the 5x5 pixels around `(x, y)`.
fn mean_colour(pixmap: &Pixmap, (x, y): (f32, f32)) -> [i32; 3] {
    let mut sum = [0; 3];
    for dy in -2..=2 {
        for dx in -2..=2 {
            #[expect(clippy::cast_precision_loss, reason = "small offsets")]
            let c = colour_at(pixmap, (x + dx as f32, y + dy as f32));
            for i in 0..3 {
                sum[i] += c[i];
            }
        }
    }
    sum.map(|v| v / 25)
}

#[test]
fn png_shows_what_the_svg_shows() {
    // The PNG draws the geometry itself and only the text through SVG: render the SVG
    // export with resvg and compare, on the fixture and on the default scenario.
    let dir = tempfile::tempdir().unwrap();
    for file in [Some(MINI), None] {
        let (png, svg_path) = (dir.path().join("map.png"), dir.path().join("map.svg"));
        export(file, "png", &png, &[]);
        export(file, "svg", &svg_path, &[]);
        let ours = Pixmap::decode_png(&std::fs::read(&png).unwrap()).unwrap();
        let svg = std::fs::read_to_string(&svg_path).unwrap();
        let reference = frontline::export::png_from_svg(&svg, (1920, 1080)).unwrap();
        let reference = Pixmap::decode_png(&reference).unwrap();
        // Edges may differ by anti-aliasing and markers by up to half a pixel.
        let whole = differing(&ours, &reference, [0, 0, 1920, 1080], 48);
        assert!(whole < 1920 * 1080 / 400, "{file:?}: {whole} pixels differ");
        // The legend, title and credits are the same text, drawn by the same renderer.
        let legend = differing(&ours, &reference, [1460, 90, 1920, 1040], 8);
        assert!(legend < 50, "{file:?}: legend differs in {legend} pixels");
        if file.is_some() {
            // Averaged over 5x5 pixels: a contested marker's centre is on its dividing
            // line, where a half-pixel shift of the map (any change of the page layout)
            // flips single pixels.
            for place in ["northtown", "midtown", "southtown", "hamlet"] {
                let at = marker_position(&svg, place);
                let (a, b) = (mean_colour(&ours, at), mean_colour(&reference, at));
                assert!(
                    a.iter().zip(b).all(|(a, b)| (a - b).abs() <= 24),
                    "{place}: PNG {a:?}, SVG {b:?}"
                );
            }
        }
        // Text is drawn: dark pixels in the legend panel and in the title.
        let dark = |[x0, y0, x1, y1]: [u32; 4]| {
            (y0..y1)
                .flat_map(|y| (x0..x1).map(move |x| (x, y)))
                .filter(|&(x, y)| ours.pixel(x, y).unwrap().red() < 160)
                .count()
        };
        assert!(dark([1460, 90, 1920, 1040]) > 5_000, "legend text");
        assert!(dark([0, 0, 1400, 84]) > 1_000, "title text");
        assert!(dark([0, 1046, 1400, 1080]) > 800, "credits");
    }
}

#[test]
fn svg_parses_and_carries_the_legend_and_credits() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("map.svg");
    export(Some(MINI), "svg", &out, &["--assume", "hamlet=rebels"]);
    let text = std::fs::read_to_string(&out).unwrap();
    let tree = resvg::usvg::Tree::from_str(&text, &resvg::usvg::Options::default()).unwrap();
    assert_eq!(
        (tree.size().width(), tree.size().height()),
        (1920.0, 1080.0)
    );
    for expected in [
        "Mini scenario",
        "As of Saturday 7 December 2024, 23:59:59 (UTC+03:00)",
        "Perspective: all sources",
        "What-if: Hamlet held by The rebels",
        "The army",
        "The rebels",
        "confirmed: corroborated by an independent source",
        "assumed: what-if assumption",
        "Voronoi cell",
        "observers (news agency, B)",
        "GeoNames (geonames.org), CC BY 4.0",
        "Natural Earth",
        " km (true at 35° N)",
        "@font-face",
        "id=\"place-hamlet\" class=\"place assumed\"",
    ] {
        assert!(text.contains(expected), "missing {expected:?}");
    }
    assert!(!text.contains("hamlet = rebels"), "ids in the heading");
    let default = dir.path().join("default.svg");
    export(None, "svg", &default, &[]);
    let text = std::fs::read_to_string(&default).unwrap();
    resvg::usvg::Tree::from_str(&text, &resvg::usvg::Options::default()).unwrap();
}

#[test]
fn ron_snapshot_reopens_the_same_view() {
    let dir = tempfile::tempdir().unwrap();
    let snap = dir.path().join("view.ron");
    let view = ["--perspective", "grade:C", "--assume", "hamlet=rebels"];
    let mut extra = view.to_vec();
    extra.extend([
        "--layers",
        "territory,places",
        "--bbox",
        "35.5,32,42.5,37.5",
    ]);
    export(Some(MINI), "ron", &snap, &extra);
    let first = std::fs::read_to_string(&snap).unwrap();
    export(Some(MINI), "ron", &snap, &extra);
    assert_eq!(
        std::fs::read_to_string(&snap).unwrap(),
        first,
        "stable output"
    );

    let snapshot = frontline::export::Snapshot::from_ron("view.ron", &first).unwrap();
    assert_eq!(snapshot.at, "2024-12-07T23:59:59+03:00");
    assert_eq!(snapshot.bbox_lonlat, Some([35.5, 32.0, 42.5, 37.5]));
    assert_eq!(snapshot.layers.to_list(), "territory,places");

    for format in ["json", "table"] {
        let mut resolve = vec!["resolve", MINI, "--at", AT, "--format", format];
        resolve.extend(view);
        let (code, reopened, stderr) = frontline(&[
            "open",
            snap.to_str().unwrap(),
            "--print",
            "--format",
            format,
        ]);
        assert_eq!(code, 0, "{stderr}");
        assert!(
            stderr.is_empty(),
            "no warning for an unchanged scenario: {stderr}"
        );
        assert_eq!(reopened, ok(&resolve));
    }

    // A changed scenario still opens, with a warning.
    let copy = dir.path().join("mini.ron");
    std::fs::copy(MINI, &copy).unwrap();
    std::fs::copy("tests/fixtures/mini.txt", dir.path().join("mini.txt")).unwrap();
    let moved = dir.path().join("moved.ron");
    export(Some(copy.to_str().unwrap()), "ron", &moved, &[]);
    let text = std::fs::read_to_string(&copy).unwrap() + "\n// edited\n";
    std::fs::write(&copy, text).unwrap();
    let (code, _, stderr) = frontline(&["open", moved.to_str().unwrap(), "--print"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("changed since the snapshot"), "{stderr}");

    let default = dir.path().join("default.ron");
    export(None, "ron", &default, &[]);
    let reopened = ok(&["open", default.to_str().unwrap(), "--print"]);
    assert_eq!(reopened, ok(&["resolve", "--at", AT]));
}

#[test]
fn brief_cites_every_claim_it_uses() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("brief.md");
    export(Some(MINI), "md", &out, &[]);
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(
        text.starts_with("# Situation as of Saturday 7 December 2024, 23:59:59 (UTC+03:00)"),
        "{text}"
    );
    assert!(text.contains("| North | The army | The army 100% |"));
    assert!(text.contains("- Southtown: The army (inferred) → The rebels (confirmed)"));
    let (body, references) = text.split_once("## References").unwrap();
    let listed: Vec<&str> = references
        .lines()
        .filter(|l| !l.trim().is_empty())
        .collect();
    for (n, line) in listed.iter().enumerate() {
        assert!(line.starts_with(&format!("{}. ", n + 1)), "{line}");
    }
    // Every citation mark resolves to a reference.
    for mark in body.split('[').skip(1).filter_map(|s| s.split_once(']')) {
        let n: usize = mark
            .0
            .parse()
            .unwrap_or_else(|_| panic!("uncited claim id [{}]", mark.0));
        assert!((1..=listed.len()).contains(&n), "[{n}] has no reference");
    }
    // Every claim a place counts is in the reference list, with its quote and document.
    let report: Value =
        serde_json::from_str(&ok(&["resolve", MINI, "--at", AT, "--format", "json"])).unwrap();
    let counted: usize = report["places"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["claims"].as_u64().unwrap() as usize)
        .sum();
    assert!(counted > 0);
    for id in [
        "b-all",
        "c-north-captured",
        "c-north-held",
        "c-south-withdrew",
        "c-mid-fighting",
    ] {
        assert!(references.contains(&format!("[{id}]")), "{id} not cited");
    }
    assert!(
        references
            .contains("\"Observers confirmed the army withdrew from Southtown\". Mini report")
    );
    assert!(body.contains("### Northtown: The army, contested"));

    export(Some(MINI), "md", &out, &["--since", AT]);
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("Nothing changed.")
    );
    export(None, "md", &out, &[]);
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("## References")
    );
}

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

#[test]
fn timelapse_writes_one_numbered_png_per_step() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("frame.png");
    ok(&[
        "export",
        MINI,
        "--every",
        "1d",
        "--from",
        "2024-12-05",
        "--to",
        "2024-12-07",
        "--format",
        "png",
        "--size",
        "320x180",
        "--out",
        out.to_str().unwrap(),
    ]);
    let files = files_in(dir.path());
    let names: Vec<String> = files
        .iter()
        .map(|f| f.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        ["frame-0001.png", "frame-0002.png", "frame-0003.png"]
    );
    for file in files {
        assert_eq!(png_size(&std::fs::read(file).unwrap()), (320, 180));
    }
}

#[test]
fn bad_input_is_a_clear_error_and_leaves_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("map.png");
    let out = out.to_str().unwrap();
    let missing = dir.path().join("no-such-folder").join("map.png");
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec!["--at", AT, "--layers", "territory,rutes"],
            "<--layers>:1:1: unknown layer \"rutes\" (did you mean \"routes\"?)",
        ),
        (vec!["--at", AT, "--bbox", "36,33,35"], "<--bbox>:1:1:"),
        (
            vec!["--at", AT, "--bbox", "40,33,35,35"],
            "west must be less than east",
        ),
        (vec!["--at", AT, "--size", "big"], "<--size>:1:1:"),
        (vec!["--at", AT, "--size", "0x100"], "<--size>:1:1:"),
        (
            vec!["--at", "2030-01-01"],
            "<--at>:1:1: 2030-01-01 (2030-01-01T23:59:59+03:00) is after the scenario's \
             evidence goes stale (last claim 2024-12-07T01:30:00+03:00, freshness 72 h",
        ),
        (vec!["--at", "someday"], "<--at>:1:1:"),
        (
            vec!["--at", AT, "--assume", "hamlet=navy"],
            "<--assume>:1:1: unknown faction",
        ),
        (
            vec!["--at", AT, "--since", "2024-12-08T12:00:00Z"],
            "<--since>:1:1:",
        ),
        (
            vec![
                "--every",
                "1d",
                "--from",
                "2024-12-05",
                "--to",
                "2031-01-01",
            ],
            "<--to>:1:1:",
        ),
        (
            vec![
                "--every",
                "1w",
                "--from",
                "2024-12-05",
                "--to",
                "2024-12-07",
            ],
            "<--every>:1:1:",
        ),
    ];
    for (extra, expected) in cases {
        let mut args = vec!["export", MINI, "--format", "png", "--out", out];
        args.extend(&extra);
        let (code, _, stderr) = frontline(&args);
        assert_eq!(code, 2, "{extra:?}");
        assert!(stderr.contains(expected), "{extra:?}: {stderr}");
        assert!(files_in(dir.path()).is_empty(), "{extra:?} left a file");
    }
    let (code, _, stderr) = frontline(&[
        "export",
        MINI,
        "--at",
        AT,
        "--format",
        "png",
        "--out",
        missing.to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(stderr.contains("<--out>:1:1: cannot write in"), "{stderr}");
    let (code, _, stderr) = frontline(&[
        "export",
        MINI,
        "--at",
        AT,
        "--format",
        "md",
        "--out",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(stderr.contains("is a folder"), "{stderr}");
    assert!(files_in(dir.path()).is_empty());
    let (code, _, stderr) = frontline(&["open", "tests/fixtures/mini.ron", "--print"]);
    assert_eq!(code, 2, "a scenario is not a snapshot: {stderr}");
}

/// The texts of an SVG's `<text>` elements (entities left as written).
fn svg_texts(svg: &str) -> Vec<&str> {
    svg.split("<text")
        .skip(1)
        .filter_map(|rest| {
            let body = &rest[rest.find('>')? + 1..];
            Some(&body[..body.find("</text>")?])
        })
        .collect()
}

#[test]
fn print_map_labels_the_capital_seats_and_claimed_places() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("default.svg");
    export(None, "svg", &out, &["--size", "1920x1080"]);
    let text = std::fs::read_to_string(&out).unwrap();
    let labels = text.split("<g id=\"labels\"").nth(1).unwrap();
    let labels = &labels[..labels.find("</g>").unwrap()];
    let names = svg_texts(labels);
    for name in [
        "Damascus",
        "As-Suwayda",
        "As-Sanamayn",
        "Idlib",
        "Homs",
        "Hama",
        "Aleppo",
        "Daraa",
    ] {
        assert!(names.contains(&name), "{name} is not labelled: {names:?}");
    }
}

/// Every character of every place name and alias (default scenario) and of every
/// gazetteer line is in the bundled font's cmap, so no name draws as a box.
#[test]
fn the_bundled_font_covers_every_place_name() {
    use skrifa::MetadataProvider;
    let bytes = std::fs::read("assets/fonts/FrontlineNotoSans-Regular.ttf").unwrap();
    let font = skrifa::FontRef::new(&bytes).unwrap();
    let charmap = font.charmap();
    let scenario = frontline::io::default_scenario().unwrap();
    let gazetteer = std::fs::read_to_string("assets/gazetteer/syria-geonames.tsv").unwrap();
    let names = scenario
        .places
        .iter()
        .flat_map(|p| std::iter::once(&p.name).chain(&p.aliases))
        .map(String::as_str)
        .chain(gazetteer.lines().filter(|l| !l.starts_with('#')));
    let mut missing = std::collections::BTreeSet::new();
    for name in names {
        for c in name.chars().filter(|c| !c.is_control()) {
            if charmap.map(c).is_none() {
                missing.insert(format!("U+{:04X} {c} in {name}", u32::from(c)));
            }
        }
    }
    assert!(missing.is_empty(), "{missing:#?}");
    for c in ['Ḩ', 'ḩ', 'ḍ', '“', '”', '‘', '’', '–', '—', '·', '→'] {
        assert!(charmap.map(c).is_some(), "{c}");
    }
    assert!(bytes.len() < 200_000, "{} bytes", bytes.len());
}

/// The text chunks (tEXt and iTXt) of a PNG, by keyword.
fn png_text(bytes: &[u8]) -> std::collections::BTreeMap<String, String> {
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    let reader = decoder.read_info().unwrap();
    let info = reader.info();
    let mut out = std::collections::BTreeMap::new();
    for chunk in &info.uncompressed_latin1_text {
        out.insert(chunk.keyword.clone(), chunk.text.clone());
    }
    for chunk in &info.utf8_text {
        out.insert(chunk.keyword.clone(), chunk.get_text().unwrap());
    }
    out
}

#[test]
fn print_map_says_what_it_is_in_svg_and_png() {
    let dir = tempfile::tempdir().unwrap();
    let svg_path = dir.path().join("map.svg");
    let heading = [
        "--title",
        "Who holds Syria",
        "--subtitle",
        "Ḩamāh after the offensive",
    ];
    export(None, "svg", &svg_path, &heading);
    let svg = std::fs::read_to_string(&svg_path).unwrap();
    assert!(svg.contains("<title>Who holds Syria</title>"));
    let desc = &svg[svg.find("<desc>").unwrap()..svg.find("</desc>").unwrap()];
    for expected in [
        "Ḩamāh after the offensive",
        "As of Saturday 7 December 2024",
        "Source: ",
    ] {
        assert!(desc.contains(expected), "{expected:?} not in {desc}");
    }
    let texts = svg_texts(&svg);
    assert!(texts.contains(&"Who holds Syria"));
    assert!(texts.contains(&"Ḩamāh after the offensive"));
    let source = texts.iter().find(|t| t.starts_with("Source: ")).unwrap();
    assert!(source.contains("relays Reuters reporting"), "{source}");
    assert!(!texts.contains(&"HYPOTHETICAL"), "no what-if, no mark");
    // The legend lists only factions that hold a place: Iran holds none.
    let legend = &svg[svg.find("<g id=\"legend\"").unwrap()..];
    let legend = svg_texts(&legend[..legend.find("</g>").unwrap()]);
    assert!(legend.contains(&"Syrian government (Assad)"));
    assert!(legend.contains(&"Syrian National Army (Turkish-backed)"));
    assert!(!legend.contains(&"Iran"), "{legend:?}");

    let png_path = dir.path().join("map.png");
    export(None, "png", &png_path, &heading);
    let text = png_text(&std::fs::read(&png_path).unwrap());
    assert_eq!(text["Title"], "Who holds Syria");
    assert!(text["Description"].contains("As of Saturday 7 December 2024, 23:59:59 (UTC+03:00)"));
    assert!(text["Copyright"].contains("GeoNames"));
    assert!(text["Source"].starts_with("Source: "), "the publications");
    assert!(text["Source"].contains("Reuters"), "{}", text["Source"]);
    assert!(text["Copyright"].contains("CC BY 4.0"));
    assert_eq!(
        text["Creation Time"], "2024-12-07T20:59:59Z",
        "the moment shown"
    );
    assert!(!text.contains_key("Warning"));
}

#[test]
fn a_what_if_map_is_marked_hypothetical() {
    let dir = tempfile::tempdir().unwrap();
    let svg_path = dir.path().join("what-if.svg");
    export(None, "svg", &svg_path, &["--assume", "hama=rebels"]);
    let svg = std::fs::read_to_string(&svg_path).unwrap();
    let mark = svg.find("id=\"hypothetical\"").expect("the mark");
    let tag = &svg[svg[..mark].rfind("<text").unwrap()..];
    assert!(tag.starts_with("<text") && tag.contains(">HYPOTHETICAL</text>"));
    assert!(
        tag[..tag.find('>').unwrap()].contains("rotate("),
        "diagonal"
    );
    assert!(
        svg.contains("HYPOTHETICAL: places are shown as assumed"),
        "in <desc>"
    );
    let png_path = dir.path().join("what-if.png");
    export(None, "png", &png_path, &["--assume", "hama=rebels"]);
    let text = png_text(&std::fs::read(&png_path).unwrap());
    assert!(text["Warning"].starts_with("HYPOTHETICAL"));
    // The heading and the PNG's description name the place and the faction, not their ids.
    let scenario = frontline::io::default_scenario().unwrap();
    let hama = &scenario.places[scenario.place_index("hama").unwrap()].name;
    let rebels = &scenario.factions[scenario.faction_index("rebels").unwrap()].name;
    let words = format!("What-if: {hama} held by {rebels}");
    assert!(svg.contains(&words), "{words:?} in the SVG heading");
    assert!(
        text["Description"].contains(&words),
        "{:?}",
        text["Description"]
    );
    assert!(!svg.contains("hama = rebels") && !text["Description"].contains("hama ="));
}
