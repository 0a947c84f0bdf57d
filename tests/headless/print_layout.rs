//! The print map's layout, read from the boxes it computes (not from pixels): at wide,
//! square, portrait and small sizes no two lines of text overlap and all stay inside the
//! picture; and the SVG embeds a subset of the font that still covers its text.

use frontline::control::{Engine, View};
use frontline::export::{MapOptions, Scene, TextLine, boxes_overlap, map_svg, map_text_lines};
use frontline::geo::Basemap;
use frontline::layers::Layers;
use skrifa::MetadataProvider as _;

const SIZES: [(u32, u32); 4] = [(640, 360), (1920, 1080), (1080, 1080), (1080, 1350)];

fn lines_at(engine: &Engine, size: (u32, u32), subtitle: Option<&str>) -> Vec<TextLine> {
    let (view, layers) = (View::default(), Layers::default());
    let scene = Scene::new(
        engine,
        &view,
        &layers,
        "2024-12-07T20:59:59Z".parse().unwrap(),
    );
    let options = MapOptions {
        size,
        subtitle: subtitle.map(str::to_owned),
        ..MapOptions::default()
    };
    map_text_lines(&scene, &Basemap::embedded().unwrap(), &options)
}

#[test]
fn no_text_overlaps_or_leaves_the_picture_at_any_size() {
    let engine = Engine::new(frontline::io::default_scenario().unwrap());
    for (width, height) in SIZES {
        for subtitle in [
            None,
            Some("Who holds the roads into Homs and Hama, as the desks report it"),
        ] {
            let lines = lines_at(&engine, (width, height), subtitle);
            let has = |text: &str| lines.iter().any(|l| l.text == text);
            assert!(has("Who holds it"), "{width}x{height}");
            // The small picture's legend is shortened; the others show every section.
            assert_eq!(
                has("How sure (marker styles)"),
                width >= 1080,
                "{width}x{height}"
            );
            assert_eq!(has("Sources used"), width >= 1080, "{width}x{height}");
            assert!(
                lines.iter().any(|l| l.text.starts_with("Source:")),
                "{width}x{height}"
            );
            let names = lines.iter().filter(|l| l.text == "Damascus").count();
            assert_eq!(names, 1, "{width}x{height}: the capital is named once");
            for (i, a) in lines.iter().enumerate() {
                let [l, t, r, b] = a.bbox();
                assert!(
                    l >= 0.0 && t >= 0.0 && r <= f64::from(width) && b <= f64::from(height),
                    "{width}x{height}: {:?} at {:?} leaves the picture",
                    a.text,
                    a.bbox()
                );
                assert!(
                    a.size >= 9.5,
                    "{width}x{height}: {:?} at {} px",
                    a.text,
                    a.size
                );
                for other in &lines[i + 1..] {
                    assert!(
                        !boxes_overlap(&a.bbox(), &other.bbox()),
                        "{width}x{height}: {:?} {:?} overlaps {:?} {:?}",
                        a.text,
                        a.bbox(),
                        other.text,
                        other.bbox()
                    );
                }
            }
        }
    }
}

#[test]
fn square_and_portrait_pages_put_the_legend_below_the_map() {
    let engine = Engine::new(frontline::io::default_scenario().unwrap());
    for (width, height) in SIZES {
        let lines = lines_at(&engine, (width, height), None);
        let heading = lines.iter().find(|l| l.text == "Who holds it").unwrap();
        let capital = lines.iter().find(|l| l.text == "Damascus").unwrap();
        let below = heading.bbox()[1] > capital.bbox()[3];
        assert_eq!(below, width < height * 13 / 10, "{width}x{height}");
        // Text grows with the picture, but never under the minimum.
        let title = lines.iter().find(|l| l.id == Some("title")).unwrap();
        assert!(title.size > heading.size, "{width}x{height}");
    }
    let small = lines_at(&engine, (640, 360), None);
    let large = lines_at(&engine, (1920, 1080), None);
    let title = |lines: &[TextLine]| lines.iter().find(|l| l.id == Some("title")).unwrap().size;
    assert!(title(&large) > 1.3 * title(&small) && title(&small) >= 9.5);
    assert!(small.len() < large.len(), "a small map shows fewer names");
}

/// Decodes standard base64 (the test's own decoder, so the check is independent).
fn from_base64(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        _ => 63,
    };
    let digits: Vec<u8> = text.bytes().filter(|&c| c != b'=').map(value).collect();
    let mut out = Vec::new();
    for chunk in digits.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &d)| n | u32::from(d) << (18 - 6 * i));
        out.extend(&n.to_be_bytes()[1..chunk.len()]);
    }
    out
}

#[test]
fn the_svg_embeds_a_subset_of_the_font_that_covers_its_text() {
    let engine = Engine::new(frontline::io::default_scenario().unwrap());
    let (view, layers) = (View::default(), Layers::default());
    let scene = Scene::new(
        &engine,
        &view,
        &layers,
        "2024-12-07T20:59:59Z".parse().unwrap(),
    );
    let options = MapOptions {
        subtitle: Some("Ḩamāh and Al Qardāḩah".into()),
        ..MapOptions::default()
    };
    let svg = map_svg(&scene, &Basemap::embedded().unwrap(), &options);
    let start = svg.find("data:font/ttf;base64,").unwrap() + "data:font/ttf;base64,".len();
    let font = from_base64(&svg[start..start + svg[start..].find(')').unwrap()]);
    let full = std::fs::read("assets/fonts/FrontlineNotoSans-Regular.ttf").unwrap();
    assert!(
        font.len() * 3 < full.len(),
        "{} of {} bytes",
        font.len(),
        full.len()
    );
    let face = skrifa::FontRef::new(&font).unwrap();
    let (charmap, glyphs) = (
        face.charmap(),
        face.glyph_metrics(
            skrifa::instance::Size::unscaled(),
            skrifa::instance::LocationRef::default(),
        ),
    );
    let drawn = |c: char| {
        charmap
            .map(c)
            .and_then(|gid| glyphs.bounds(gid))
            .is_some_and(|b| b.x_max > b.x_min)
    };
    let texts: String = svg
        .split("<text")
        .skip(1)
        .map(|t| &t[t.find('>').unwrap() + 1..t.find("</text>").unwrap()])
        .collect();
    let text = texts
        .replace("&amp;", "&")
        .replace("&apos;", "'")
        .replace("&quot;", "\"");
    assert!(text.contains('Ḩ') && text.contains("Damascus"));
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        assert!(drawn(c), "{c:?} has no outline in the embedded font");
    }
    // A character the map does not write keeps its code but not its outline.
    assert!(!text.contains('¿') && charmap.map('¿').is_some() && !drawn('¿'));
}

/// Mean absolute difference per channel of two same-sized pictures.
fn mean_difference(a: &resvg::tiny_skia::Pixmap, b: &resvg::tiny_skia::Pixmap) -> f64 {
    assert_eq!((a.width(), a.height()), (b.width(), b.height()));
    let sum: u64 = a
        .data()
        .iter()
        .zip(b.data())
        .map(|(x, y)| u64::from(x.abs_diff(*y)))
        .sum();
    #[allow(clippy::cast_precision_loss)]
    let mean = sum as f64 / a.data().len() as f64;
    mean
}

#[test]
fn text_to_path_svg_looks_the_same_in_librsvg() {
    let engine = Engine::new(frontline::io::default_scenario().unwrap());
    let (view, layers) = (View::default(), Layers::default());
    let scene = Scene::new(
        &engine,
        &view,
        &layers,
        "2024-12-07T20:59:59Z".parse().unwrap(),
    );
    let options = MapOptions {
        size: (1080, 1350),
        title: Some("Who holds Ḩamāh".into()),
        text_to_path: true,
        ..MapOptions::default()
    };
    let basemap = Basemap::embedded().unwrap();
    let svg = frontline::export::map_svg_outlined(&scene, &basemap, &options).unwrap();
    assert!(!svg.contains("<text"), "every text is outlined");
    assert!(svg.contains("<title>Who holds Ḩamāh</title>") && svg.contains("<desc>"));
    let ours = frontline::export::png_from_svg(&svg, options.size).unwrap();
    let ours = resvg::tiny_skia::Pixmap::decode_png(&ours).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (svg_path, png_path) = (dir.path().join("map.svg"), dir.path().join("map.png"));
    std::fs::write(&svg_path, &svg).unwrap();
    let Ok(status) = std::process::Command::new("rsvg-convert")
        .arg(&svg_path)
        .arg("-b")
        .arg("white")
        .arg("-o")
        .arg(&png_path)
        .status()
    else {
        eprintln!("rsvg-convert is not installed (apt install librsvg2-bin): skipped");
        return;
    };
    assert!(status.success());
    let theirs = resvg::tiny_skia::Pixmap::decode_png(&std::fs::read(&png_path).unwrap()).unwrap();
    let difference = mean_difference(&ours, &theirs);
    // The plain SVG, whose text librsvg draws with a system font, differs far more.
    let plain = MapOptions {
        text_to_path: false,
        ..options.clone()
    };
    std::fs::write(&svg_path, map_svg(&scene, &basemap, &plain)).unwrap();
    let status = std::process::Command::new("rsvg-convert")
        .args([
            svg_path.as_os_str(),
            "-b".as_ref(),
            "white".as_ref(),
            "-o".as_ref(),
            png_path.as_os_str(),
        ])
        .status()
        .unwrap();
    assert!(status.success());
    let plain = resvg::tiny_skia::Pixmap::decode_png(&std::fs::read(&png_path).unwrap()).unwrap();
    let plain_difference = mean_difference(&ours, &plain);
    eprintln!("mean difference: outlined {difference:.3}, plain {plain_difference:.3}");
    assert!(difference < 1.0, "{difference}");
    assert!(
        difference * 3.0 < plain_difference,
        "{difference} vs {plain_difference}"
    );
}

/// Every line of text carries the width the layout measured it at (`textLength`), so a
/// renderer drawing another font (Inkscape draws DejaVu Sans) keeps it in its box.
#[test]
fn every_svg_text_line_carries_its_measured_width() {
    let engine = Engine::new(frontline::io::default_scenario().unwrap());
    let (view, layers) = (View::default(), Layers::default());
    let scene = Scene::new(
        &engine,
        &view,
        &layers,
        "2024-12-07T20:59:59Z".parse().unwrap(),
    );
    let options = MapOptions::default();
    let svg = map_svg(&scene, &Basemap::embedded().unwrap(), &options);
    let lines = map_text_lines(&scene, &Basemap::embedded().unwrap(), &options);
    let texts: Vec<&str> = svg.split("<text ").skip(1).collect();
    assert!(texts.len() >= lines.len() && !texts.is_empty());
    let mut checked = 0;
    for line in &lines {
        let [left, _, right, _] = line.bbox();
        let width = right - left;
        let found = texts.iter().find_map(|t| {
            let (tag, rest) = t.split_once('>')?;
            rest.starts_with(&frontline_escape(&line.text))
                .then_some(tag)
        });
        let Some(tag) = found else { continue };
        let length: f64 = tag
            .split("textLength=\"")
            .nth(1)
            .and_then(|v| v.split('"').next())
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| panic!("no textLength on {:?}", line.text));
        assert!(
            (length - width).abs() < 0.1,
            "{:?}: {length} vs {width}",
            line.text
        );
        assert!(tag.contains("lengthAdjust=\"spacingAndGlyphs\""));
        checked += 1;
    }
    assert!(
        checked * 2 > lines.len(),
        "only {checked} of {} lines found",
        lines.len()
    );
}

/// The text as the SVG writes it (XML escapes).
fn frontline_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
