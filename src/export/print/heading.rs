//! What the print map says about itself: the band above the map (title, subtitle, "as
//! of" line), the "Source:" line, the SVG's `<title>` and `<desc>`, the PNG's text chunks,
//! and the "HYPOTHETICAL" mark across a what-if map.

use super::frame::Frame;
use super::layout::Layout;
use super::legend::CREDITS;
use super::map::MapOptions;
use super::svg::{N, Svg};
use crate::export::{Scene, TERRITORY_METHOD, local_time_label};
use crate::model::Moment;

/// The word across a what-if map.
pub const HYPOTHETICAL: &str = "HYPOTHETICAL";

/// Height the subtitle line adds to the title band, design pixels.
pub(super) const SUBTITLE_H: f64 = 24.0;

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

/// "As of <time> · Perspective: <whose> · What-if: <place> = <faction>, ...".
pub(super) fn as_of_line(scene: &Scene<'_>) -> String {
    let engine = scene.engine;
    let at = Moment::from_unix_secs(scene.resolution.at_secs);
    let mut line = format!(
        "As of {} · Perspective: {}",
        local_time_label(engine, at),
        crate::viewpoint::view_words(scene.view, engine.scenario())
    );
    if is_hypothetical(scene) {
        let what_if: Vec<String> = scene
            .view
            .assume
            .iter()
            .map(|(place, faction)| format!("{place} = {faction}"))
            .collect();
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

/// Title, subtitle and the "as of" line above the map.
pub(super) fn band(svg: &mut Svg, scene: &Scene<'_>, layout: &Layout, options: &MapOptions) {
    let u = layout.u;
    let x = N(20.0 * u);
    svg.text(
        "text",
        &[
            ("id", &"title"),
            ("x", &x),
            ("y", &N(38.0 * u)),
            ("font-size", &N(28.0 * u)),
        ],
        &title_text(scene, options),
    );
    let mut y = 68.0;
    if let Some(subtitle) = &options.subtitle {
        svg.text(
            "text",
            &[
                ("id", &"subtitle"),
                ("x", &x),
                ("y", &N(64.0 * u)),
                ("font-size", &N(18.0 * u)),
                ("fill", &"#333333"),
            ],
            subtitle,
        );
        y += SUBTITLE_H;
    }
    svg.text(
        "text",
        &[
            ("id", &"as-of"),
            ("x", &x),
            ("y", &N(y * u)),
            ("font-size", &N(17.0 * u)),
            ("fill", &"#444444"),
        ],
        &as_of_line(scene),
    );
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

/// Text chunks for the PNG: title, time and perspective, sources, credits, the
/// territory method, and a warning on what-if maps.
pub(super) fn png_text(scene: &Scene<'_>, options: &MapOptions) -> Vec<(&'static str, String)> {
    let mut description: Vec<String> = options.subtitle.iter().cloned().collect();
    description.push(as_of_line(scene));
    let mut chunks = vec![
        ("Title", title_text(scene, options)),
        ("Description", description.join("\n")),
        ("Comment", source_line(scene)),
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

/// "HYPOTHETICAL" large, pale and diagonal across the middle of the map.
pub(super) fn hypothetical_mark(svg: &mut Svg, frame: &Frame, u: f64) {
    let [left, top, width, height] = frame.rect;
    let (cx, cy) = (left + width / 2.0, top + height / 2.0);
    let rotate = format!("rotate(-25 {} {})", N(cx), N(cy));
    svg.text(
        "text",
        &[
            ("id", &"hypothetical"),
            ("x", &N(cx)),
            ("y", &N(cy + 50.0 * u)),
            ("transform", &rotate),
            ("text-anchor", &"middle"),
            ("font-size", &N(150.0 * u)),
            ("fill", &"#c0392b"),
            ("fill-opacity", &"0.18"),
            ("stroke", &"none"),
        ],
        HYPOTHETICAL,
    );
}
