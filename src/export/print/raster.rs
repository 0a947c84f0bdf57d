//! PNG without a GPU. The map export draws its geometry straight onto a pixmap
//! ([`super::paint`]), then the text and legend from a small SVG overlay with resvg and
//! only the embedded font (no system fonts), so the pixels are the same on every
//! machine; then encodes the PNG with fast compression.

use std::sync::{Arc, OnceLock};

use resvg::{tiny_skia, usvg};

use super::font::FONT_TTF;
use super::heading::png_text;
use super::map::MapOptions;
use super::map::{overlay_svg, page};
use super::paint;
use crate::export::Scene;
use crate::geo::Basemap;

/// The map of `scene` as PNG bytes: what [`super::map_svg`] shows, at `options.size`.
pub fn map_png(
    scene: &Scene<'_>,
    basemap: &Basemap,
    options: &MapOptions,
) -> Result<Vec<u8>, String> {
    let (width, height) = options.size;
    let mut pixmap = tiny_skia::Pixmap::new(width, height)
        .ok_or_else(|| format!("cannot make a {width}x{height} picture"))?;
    pixmap.fill(tiny_skia::Color::WHITE);
    let (layout, frame) = page(scene, basemap, options);
    let overlay = MapOptions {
        embed_font: false,
        ..options.clone()
    };
    let tree = std::thread::scope(|threads| {
        // The overlay is parsed on the other core while this one draws the geometry.
        let tree = threads.spawn(|| parse_svg(&overlay_svg(scene, basemap, &overlay)));
        paint::map(&mut pixmap, scene, basemap, &frame, layout.u);
        tree.join()
            .unwrap_or_else(|_| Err("the overlay thread failed".to_owned()))
    })?;
    resvg::render(
        &tree,
        tiny_skia::Transform::identity(),
        &mut pixmap.as_mut(),
    );
    encode_png_with_text(&pixmap, &png_text(scene, options))
}

/// An opaque pixmap as an RGB PNG, compressed fast: at 1920x1080 the default
/// compression took longer than drawing.
pub fn encode_png(pixmap: &tiny_skia::Pixmap) -> Result<Vec<u8>, String> {
    encode_png_with_text(pixmap, &[])
}

/// [`encode_png`] with text chunks (keyword, text): `tEXt` where the text is Latin-1,
/// else UTF-8 `iTXt`.
pub fn encode_png_with_text(
    pixmap: &tiny_skia::Pixmap,
    text: &[(&str, String)],
) -> Result<Vec<u8>, String> {
    let failed = |err: png::EncodingError| format!("cannot encode the PNG: {err}");
    // Opaque pixels are the same premultiplied or not; drop the alpha byte.
    let rgb: Vec<u8> = pixmap
        .data()
        .chunks_exact(4)
        .flat_map(|p| [p[0], p[1], p[2]])
        .collect();
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, pixmap.width(), pixmap.height());
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fast);
    for (keyword, value) in text {
        if value.chars().all(|c| u32::from(c) < 0x100) {
            encoder.add_text_chunk((*keyword).to_owned(), value.clone())
        } else {
            encoder.add_itxt_chunk((*keyword).to_owned(), value.clone())
        }
        .map_err(failed)?;
    }
    let mut writer = encoder.write_header().map_err(failed)?;
    writer.write_image_data(&rgb).map_err(failed)?;
    writer.finish().map_err(failed)?;
    Ok(out)
}

/// The font database with only the embedded font, which also serves `sans-serif`.
fn font_database() -> Arc<usvg::fontdb::Database> {
    static DATABASE: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    DATABASE
        .get_or_init(|| {
            let mut db = usvg::fontdb::Database::new();
            db.load_font_data(FONT_TTF.to_vec());
            let family = db
                .faces()
                .next()
                .and_then(|face| face.families.first())
                .map(|(name, _)| name.clone());
            if let Some(family) = family {
                db.set_sans_serif_family(family);
            }
            Arc::new(db)
        })
        .clone()
}

/// Parses an SVG document with the embedded font (also a check that it is valid SVG).
pub fn parse_svg(svg: &str) -> Result<usvg::Tree, String> {
    let mut options = usvg::Options {
        fontdb: font_database(),
        ..usvg::Options::default()
    };
    options.font_family = "sans-serif".into();
    usvg::Tree::from_str(svg, &options).map_err(|err| format!("invalid SVG: {err}"))
}

/// Renders an SVG document to PNG bytes of exactly `width` × `height` pixels.
pub fn png_from_svg(svg: &str, (width, height): (u32, u32)) -> Result<Vec<u8>, String> {
    let tree = parse_svg(svg)?;
    let mut pixmap = tiny_skia::Pixmap::new(width, height)
        .ok_or_else(|| format!("cannot make a {width}x{height} picture"))?;
    pixmap.fill(tiny_skia::Color::WHITE);
    let size = tree.size();
    let transform = tiny_skia::Transform::from_scale(
        width as f32 / size.width(),
        height as f32 / size.height(),
    );
    resvg::render(&tree, transform, &mut pixmap.as_mut());
    pixmap
        .encode_png()
        .map_err(|err| format!("cannot encode the PNG: {err}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_map_png_is_the_same_bytes_every_time() {
        use crate::control::{Engine, View};
        use crate::layers::Layers;
        use crate::synthetic::{SyntheticSize, synthetic_scenario};
        let size = SyntheticSize {
            places: 300,
            claims: 3_000,
            days: 10,
        };
        let engine = Engine::new(synthetic_scenario(5, size));
        let (view, layers) = (View::default(), Layers::default());
        let at = jiff::Timestamp::from_second(engine.time_range_secs().unwrap().1).unwrap();
        let scene = Scene::new(&engine, &view, &layers, at);
        let basemap = Basemap::embedded().unwrap();
        let options = MapOptions {
            size: (640, 360),
            ..MapOptions::default()
        };
        let first = map_png(&scene, &basemap, &options).unwrap();
        assert_eq!(map_png(&scene, &basemap, &options).unwrap(), first);
        let pixmap = tiny_skia::Pixmap::decode_png(&first).unwrap();
        assert_eq!((pixmap.width(), pixmap.height()), (640, 360));
    }

    #[test]
    fn the_embedded_font_serves_sans_serif() {
        let db = font_database();
        assert_eq!(db.len(), 1);
        let query = usvg::fontdb::Query {
            families: &[usvg::fontdb::Family::SansSerif],
            ..Default::default()
        };
        assert!(db.query(&query).is_some());
    }

    #[test]
    fn renders_text_at_the_requested_size() {
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20">
            <rect width="40" height="20" fill="#ff0000"/>
            <text x="2" y="15" font-family="'Frontline Noto Sans', sans-serif" font-size="14">Hi</text></svg>"##;
        let png = png_from_svg(svg, (80, 40)).unwrap();
        let pixmap = tiny_skia::Pixmap::decode_png(&png).unwrap();
        assert_eq!((pixmap.width(), pixmap.height()), (80, 40));
        let black = pixmap.pixels().iter().filter(|p| p.red() < 60).count();
        assert!(black > 10, "the text was drawn with the embedded font");
        assert!(parse_svg("<svg").is_err());
    }

    /// The pixels of `text` drawn black on white by the PNG path.
    fn drawn(text: &str) -> Vec<u8> {
        let svg = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"120\" height=\"30\">\
             <text x=\"4\" y=\"22\" font-family=\"sans-serif\" font-size=\"20\">{text}</text></svg>"
        );
        png_from_svg(&svg, (120, 30)).unwrap()
    }

    #[test]
    fn hamas_label_is_not_drawn_with_the_missing_glyph_box() {
        // U+4E00 is not in the font: resvg draws the notdef box for it. Ḩ must differ
        // from it, and from plain H (its dot below is drawn).
        let notdef = drawn("\u{4e00}amāh");
        let hama = drawn("Ḩamāh");
        assert_ne!(hama, notdef);
        assert_ne!(hama, drawn("Hamāh"));
        assert_ne!(drawn("Al Qardāḩah"), drawn("Al Qardā\u{4e00}ah"));
    }
}
