//! The print map as SVG, in pixels of the requested size: basemap, territory,
//! governorates, routes, places and labels, with a title, legend, scale bar and credits.

use super::font::{font_face_style, font_family_attr};
use super::frame::{Frame, default_bbox};
use super::layout::Layout;
use super::svg::{N, Svg, hex, path_data};
use super::text::TextLine;
use super::{furniture, heading, labels, legend, legend_rows, marks};
use crate::export::Scene;
use crate::geo::Basemap;

/// Picture options of the map export.
#[derive(Clone, Debug, PartialEq)]
pub struct MapOptions {
    /// Extent W, S, E, N in degrees; the default is Syria with a margin.
    pub bbox_lonlat: Option<[f64; 4]>,
    /// Width and height in pixels.
    pub size: (u32, u32),
    /// Embed the font in the SVG (`@font-face`), for viewers other than ours.
    pub embed_font: bool,
    /// The heading instead of the scenario's title (`--title`).
    pub title: Option<String>,
    /// A line under the heading (`--subtitle`).
    pub subtitle: Option<String>,
    /// SVG: text as outlines ([`map_svg_outlined`]), `--text-to-path`.
    pub text_to_path: bool,
}

impl Default for MapOptions {
    fn default() -> Self {
        Self {
            bbox_lonlat: None,
            size: (1920, 1080),
            embed_font: true,
            title: None,
            subtitle: None,
            text_to_path: false,
        }
    }
}

/// Sea, the map's background.
pub(super) const SEA: [u8; 3] = [0xd6, 0xe4, 0xec];
/// Countries other than Syria.
pub(super) const LAND: [u8; 3] = [0xeb, 0xe8, 0xe1];
/// Syria.
pub(super) const SYRIA: [u8; 3] = [0xfa, 0xf8, 0xf2];
/// Lakes.
pub(super) const LAKE: [u8; 3] = [0xc4, 0xd9, 0xe6];
/// Country borders.
pub(super) const BORDER: [u8; 3] = [0x6f, 0x6a, 0x60];
/// Governorate outlines.
pub(super) const GOVERNORATE: [u8; 3] = [0x8c, 0x87, 0x7c];
/// Opacity of the territory tint.
pub(super) const TERRITORY_OPACITY: f64 = 0.35;

/// The page layout and the map's frame for `options`.
pub(super) fn page(scene: &Scene<'_>, basemap: &Basemap, options: &MapOptions) -> (Layout, Frame) {
    let words = heading::page_text(scene, options);
    let layout = Layout::new(options.size, &words, &legend_rows::rows(scene));
    let bbox = options
        .bbox_lonlat
        .unwrap_or_else(|| default_bbox(basemap, scene.engine.scenario()));
    let frame = Frame::fit(bbox, layout.map);
    (layout, frame)
}

/// Every line of text the print map of `scene` writes (heading, legend, footer, place
/// names, scale bar) with the boxes the layout gave them; the "HYPOTHETICAL" mark across
/// a what-if map is meant to lie over the others and is left out.
pub fn map_text_lines(scene: &Scene<'_>, basemap: &Basemap, options: &MapOptions) -> Vec<TextLine> {
    let (layout, frame) = page(scene, basemap, options);
    let mut lines: Vec<TextLine> = layout.text_lines().cloned().collect();
    if scene.layers.labels {
        lines.extend(labels::place_labels(scene, &frame, layout.u, layout.t));
    }
    lines.push(furniture::scale_bar_label(&frame, layout.u, layout.t).1);
    lines
}

/// The map of `scene` as an SVG document.
pub fn map_svg(scene: &Scene<'_>, basemap: &Basemap, options: &MapOptions) -> String {
    document(scene, basemap, options, true)
}

/// [`map_svg`] with every text drawn as outlines of the bundled font's glyphs (shaped
/// and placed by usvg, as the PNG draws them), so librsvg, Inkscape and browsers show
/// the same; the `<title>` and `<desc>` are kept.
pub fn map_svg_outlined(
    scene: &Scene<'_>,
    basemap: &Basemap,
    options: &MapOptions,
) -> Result<String, String> {
    let plain = MapOptions {
        embed_font: false,
        ..options.clone()
    };
    let tree = super::raster::parse_svg(&map_svg(scene, basemap, &plain))?;
    // Hundredths of a pixel, as the plain SVG writes them, and no indentation.
    let write = resvg::usvg::WriteOptions {
        coordinates_precision: 2,
        transforms_precision: 4,
        indent: resvg::usvg::Indent::None,
        ..resvg::usvg::WriteOptions::default()
    };
    let outlined = tree.to_string(&write);
    let mut about = Svg::new(0, 0);
    heading::metadata(&mut about, scene, options);
    let about = about.finish();
    let about = about
        .split_once("\n<title>")
        .map(|(_, rest)| format!("<title>{}", rest.trim_end_matches("</svg>\n")))
        .unwrap_or_default();
    // After the root element's start tag.
    let Some(root_end) = outlined
        .find("<svg")
        .and_then(|at| outlined[at..].find('>').map(|end| at + end + 1))
    else {
        return Err("usvg wrote no <svg> element".to_owned());
    };
    Ok(format!(
        "{}\n{about}{}",
        &outlined[..root_end],
        &outlined[root_end..]
    ))
}

/// The text and furniture drawn over the map's geometry in the PNG export: labels and
/// scale bar (clipped to the map), title, legend and credits, on a transparent page.
pub(super) fn overlay_svg(scene: &Scene<'_>, basemap: &Basemap, options: &MapOptions) -> String {
    document(scene, basemap, options, false)
}

/// The whole map, or with `geometry` false only what [`overlay_svg`] holds.
fn document(scene: &Scene<'_>, basemap: &Basemap, options: &MapOptions, geometry: bool) -> String {
    let (layout, frame) = page(scene, basemap, options);
    let mut svg = Svg::new(options.size.0, options.size.1);
    heading::metadata(&mut svg, scene, options);
    // The font goes here once the text is written, as a subset of the glyphs it uses.
    let font_at = svg.position();
    let [left, top, width, height] = frame.rect;
    svg.raw(&format!(
        "<defs><clipPath id=\"map-clip\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>\
         </clipPath></defs>\n",
        N(left),
        N(top),
        N(width),
        N(height)
    ));
    let family = font_family_attr();
    svg.open(
        "g",
        &[("font-family", &family), ("font-size", &N(14.0 * layout.u))],
    );
    if geometry {
        svg.empty(
            "rect",
            &[
                ("width", &"100%"),
                ("height", &"100%"),
                ("fill", &"#ffffff"),
            ],
        );
    }
    svg.open("g", &[("id", &"map"), ("clip-path", &"url(#map-clip)")]);
    if geometry {
        svg.empty(
            "rect",
            &[
                ("x", &N(left)),
                ("y", &N(top)),
                ("width", &N(width)),
                ("height", &N(height)),
                ("fill", &hex(SEA)),
            ],
        );
        basemap_fills(&mut svg, scene, basemap, &frame, layout.u);
        marks::routes(&mut svg, scene, &frame, layout.u);
        marks::places(&mut svg, scene, &frame, layout.u);
    }
    if scene.layers.labels {
        let names = labels::place_labels(scene, &frame, layout.u, layout.t);
        labels::labels(&mut svg, &names, layout.u);
    }
    furniture::scale_bar(&mut svg, &frame, layout.u, layout.t);
    if heading::is_hypothetical(scene) {
        heading::hypothetical_mark(&mut svg, &frame, layout.u);
    }
    svg.close("g");
    heading::band(&mut svg, &layout);
    legend::legend(&mut svg, &layout);
    furniture::footer(&mut svg, &layout);
    svg.close("g");
    if options.embed_font {
        let style = font_face_style(&svg.used_chars());
        svg.insert(font_at, &style);
    }
    svg.finish()
}

/// Land, lakes, territory, governorate outlines and borders.
fn basemap_fills(svg: &mut Svg, scene: &Scene<'_>, basemap: &Basemap, frame: &Frame, u: f64) {
    let layers = scene.layers;
    let border = if layers.borders {
        hex(BORDER)
    } else {
        "none".to_owned()
    };
    svg.open("g", &[("id", &"basemap"), ("fill-rule", &"evenodd")]);
    for country in &basemap.countries {
        let fill = if country.code == crate::geo::basemap::SYRIA_ISO_A3 {
            SYRIA
        } else {
            LAND
        };
        svg.empty(
            "path",
            &[
                ("d", &path_data(&country.polygons, frame)),
                ("fill", &hex(fill)),
                ("stroke", &border),
                ("stroke-width", &N(1.2 * u)),
            ],
        );
    }
    for lake in &basemap.lakes {
        svg.empty(
            "path",
            &[
                ("d", &path_data(&lake.polygons, frame)),
                ("fill", &hex(LAKE)),
            ],
        );
    }
    svg.close("g");
    if layers.territory {
        svg.open(
            "g",
            &[
                ("id", &"territory"),
                ("fill-rule", &"evenodd"),
                ("fill-opacity", &N(TERRITORY_OPACITY)),
            ],
        );
        for (faction, polygons) in scene.territory(basemap) {
            let colour = hex(scene.rgb(Some(faction)));
            let id = format!(
                "territory-{}",
                scene.faction_id(Some(faction)).unwrap_or("?")
            );
            svg.empty(
                "path",
                &[
                    ("id", &id),
                    ("d", &path_data(&polygons, frame)),
                    ("fill", &colour),
                ],
            );
        }
        svg.close("g");
    }
    if layers.governorates {
        svg.open(
            "g",
            &[
                ("id", &"governorates"),
                ("fill", &"none"),
                ("stroke", &hex(GOVERNORATE)),
                ("stroke-width", &N(u)),
                (
                    "stroke-dasharray",
                    &format!("{} {}", N(5.0 * u), N(3.0 * u)),
                ),
            ],
        );
        for area in basemap.governorates.iter().chain(&basemap.undof) {
            svg.empty("path", &[("d", &path_data(&area.polygons, frame))]);
        }
        svg.close("g");
    }
}

#[cfg(test)]
mod tests {
    use super::super::raster::parse_svg;
    use super::*;
    use crate::control::{Engine, View};
    use crate::layers::Layers;
    use crate::synthetic::{SyntheticSize, synthetic_scenario};

    #[test]
    fn draws_every_shown_place_and_valid_svg() {
        let size = SyntheticSize {
            places: 60,
            claims: 300,
            days: 10,
        };
        let engine = Engine::new(synthetic_scenario(7, size));
        let (view, basemap) = (View::default(), Basemap::embedded().unwrap());
        let at = jiff::Timestamp::from_second(engine.time_range_secs().unwrap().1).unwrap();
        let mut layers = Layers::default();
        let all = Scene::new(&engine, &view, &layers, at);
        let svg = map_svg(&all, &basemap, &MapOptions::default());
        assert_eq!(svg.matches("class=\"place ").count(), 60);
        assert!(svg.contains("id=\"territory\""));
        parse_svg(&svg).unwrap();

        layers.hidden_statuses.insert("unknown".into());
        layers.territory = false;
        let some = Scene::new(&engine, &view, &layers, at);
        let unknown = (0..60).filter(|&p| !some.shows_place(p)).count();
        let svg = map_svg(&some, &basemap, &MapOptions::default());
        assert_eq!(svg.matches("class=\"place ").count(), 60 - unknown);
        assert!(!svg.contains("id=\"territory\""));
    }
}
