//! What the print map says about itself: the band above the map (title, subtitle, "as
//! of" line), the "Source:" line, the SVG's `<title>` and `<desc>`, the PNG's text chunks,
//! and the "HYPOTHETICAL" mark across a what-if map.

use super::credits::CREDITS;
use super::font::text_width;
use super::frame::Frame;
use super::layout::{Layout, PageText};
use super::map::MapOptions;
use super::svg::{N, Svg};
use crate::export::{Scene, TERRITORY_METHOD, local_time_label};
use crate::model::Moment;

/// The word across a what-if map.
pub const HYPOTHETICAL: &str = "HYPOTHETICAL";

/// The map's title: `--title`, else the scenario's.
pub(super) fn title_text(scene: &Scene<'_>, options: &MapOptions) -> String {
    options
        .title
        .clone()
        .unwrap_or_else(|| scene.engine.scenario().title.clone())
}

/// True when the map shows what-if assumptions rather than only claims.
pub(super) fn is_hypothetical(scene: &Scene<'_>) -> bool {
    !scene.view.assume.is_empty()
}

/// "As of <time> · Perspective: <whose> · What-if: <place> held by <faction>, ...", with
/// the names of places and factions (never their ids).
pub(super) fn as_of_line(scene: &Scene<'_>) -> String {
    let engine = scene.engine;
    let at = Moment::from_unix_secs(scene.resolution.at_secs);
    let mut line = format!(
        "As of {} · Perspective: {}",
        local_time_label(engine, at),
        crate::viewpoint::view_words(scene.view, engine.scenario())
    );
    if is_hypothetical(scene) {
        let what_if = crate::viewpoint::what_if_words(&scene.view.assume, engine.scenario());
        line.push_str(&format!(" · What-if: {}", what_if.join(", ")));
    }
    line
}

/// "Source: <publisher>, “<title>” (<date>); ..." for the documents behind the counted
/// claims.
pub(super) fn source_line(scene: &Scene<'_>) -> String {
    let documents: Vec<String> = scene
        .documents_used()
        .iter()
        .map(|d| {
            let date = d.published.get(..10).unwrap_or(&d.published);
            format!("{}, “{}” ({date})", d.publisher, d.title)
        })
        .collect();
    if documents.is_empty() {
        "Source: no published document behind the claims shown".to_owned()
    } else {
        format!("Source: {}", documents.join("; "))
    }
}

/// The words of the heading band and the footer.
pub(super) fn page_text(scene: &Scene<'_>, options: &MapOptions) -> PageText {
    PageText {
        title: title_text(scene, options),
        subtitle: options.subtitle.clone(),
        as_of: as_of_line(scene),
        source: source_line(scene),
    }
}

/// Title, subtitle and the "as of" line above the map, as laid out.
pub(super) fn band(svg: &mut Svg, layout: &Layout) {
    for line in &layout.heading {
        line.write(svg);
    }
}

/// The document's `<title>` and `<desc>`, for screen readers, file browsers and search.
pub(super) fn metadata(svg: &mut Svg, scene: &Scene<'_>, options: &MapOptions) {
    svg.text("title", &[], &title_text(scene, options));
    svg.text("desc", &[], &describe(scene, options).join("\n"));
}

/// The lines of the description: subtitle, "as of", hypothetical warning, territory
/// method, sources and credits.
fn describe(scene: &Scene<'_>, options: &MapOptions) -> Vec<String> {
    let mut lines: Vec<String> = options.subtitle.iter().cloned().collect();
    lines.push(as_of_line(scene));
    if is_hypothetical(scene) {
        lines.push(format!(
            "{HYPOTHETICAL}: places are shown as assumed, not as claimed."
        ));
    }
    lines.push(TERRITORY_METHOD.to_owned());
    lines.push(source_line(scene));
    lines.push(CREDITS.to_owned());
    lines
}

/// Text chunks for the PNG (keywords of the PNG specification where one fits): title,
/// description (subtitle, time and perspective), "Creation Time" (the moment the map
/// shows, RFC 3339, so the same map gives the same bytes), the publications behind the
/// claims as "Source", the data credits as "Copyright", the territory method, and a
/// warning on what-if maps.
pub(super) fn png_text(scene: &Scene<'_>, options: &MapOptions) -> Vec<(&'static str, String)> {
    let mut description: Vec<String> = options.subtitle.iter().cloned().collect();
    description.push(as_of_line(scene));
    let mut chunks = vec![
        ("Title", title_text(scene, options)),
        ("Description", description.join("\n")),
        ("Creation Time", creation_time(scene)),
        ("Source", source_line(scene)),
        ("Copyright", CREDITS.to_owned()),
        ("Disclaimer", TERRITORY_METHOD.to_owned()),
        ("Software", "Frontline".to_owned()),
    ];
    if is_hypothetical(scene) {
        chunks.push((
            "Warning",
            format!("{HYPOTHETICAL}: places are shown as assumed, not as claimed."),
        ));
    }
    chunks
}

/// The moment the map shows, as RFC 3339 in UTC.
fn creation_time(scene: &Scene<'_>) -> String {
    jiff::Timestamp::from_second(scene.resolution.at_secs)
        .map_or_else(|_| scene.resolution.at_secs.to_string(), |t| t.to_string())
}

/// "HYPOTHETICAL" large, pale and diagonal across the middle of the map.
pub(super) fn hypothetical_mark(svg: &mut Svg, frame: &Frame, u: f64) {
    let [left, top, width, height] = frame.rect;
    let (cx, cy) = (left + width / 2.0, top + height / 2.0);
    // As large as fits across the map at 25° (cos 25° = 0.906), measured from the font.
    let size = (150.0 * u).min(0.85 * width / (text_width(HYPOTHETICAL, 1.0) * 0.906));
    let rotate = format!("rotate(-25 {} {})", N(cx), N(cy));
    svg.text(
        "text",
        &[
            ("id", &"hypothetical"),
            ("x", &N(cx)),
            ("y", &N(cy + size / 3.0)),
            ("transform", &rotate),
            ("text-anchor", &"middle"),
            ("font-size", &N(size)),
            ("fill", &"#c0392b"),
            ("fill-opacity", &"0.18"),
            ("stroke", &"none"),
        ],
        HYPOTHETICAL,
    );
}
