//! `frontline export` to PNG and SVG, and the numbered PNGs of a timelapse: sizes,
//! faction colours at known towns, and the PNG drawing what the SVG describes.

use resvg::tiny_skia::Pixmap;

use super::{
    ARMY, MINI, REBELS, close_to, colour_at, export, files_in, marker_position, ok, png_size,
};

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
