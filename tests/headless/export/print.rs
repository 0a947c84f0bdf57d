//! The print map: labels of capital seats and claimed places, the bundled font, and
//! what the map says it is (in the SVG, in the PNG's text chunks, and when hypothetical).

use super::export;

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
