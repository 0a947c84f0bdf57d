//! The furniture around the map: the legend (the factions holding something on the
//! map, statuses with their definitions, territory method, routes, sources), the scale
//! bar, and the "Source:" line and credits along the bottom. The band above the map is
//! `heading`'s.

use super::font::wrap;
use super::frame::Frame;
use super::layout::Layout;
use super::marker::{marker, marker_shapes};
use super::marks::severed_mark;
use super::svg::{N, Svg, hex};
use crate::control::Status;
use crate::export::{ROAD_FRONT, ROAD_HELD, ROAD_SEVERED, Scene, TERRITORY_METHOD, status_legend};

/// Data credits printed on every map.
pub const CREDITS: &str = "Places: GeoNames (geonames.org), CC BY 4.0 · Borders, governorates, \
     lakes: Natural Earth, public domain · Highways: schematic, town to town · Made with Frontline";

/// The legend panel on the right.
pub(super) fn panel(svg: &mut Svg, scene: &Scene<'_>, layout: &Layout) {
    let u = layout.u;
    let (x, width) = (
        layout.panel_x + 18.0 * u,
        layout.width - layout.panel_x - 30.0 * u,
    );
    let size = 14.0 * u;
    let line_h = 19.0 * u;
    let mut y = layout.title_h + 10.0 * u;
    let heading = |svg: &mut Svg, y: &mut f64, text: &str| {
        *y += 26.0 * u;
        svg.text(
            "text",
            &[("x", &N(x)), ("y", &N(*y)), ("font-size", &N(18.0 * u))],
            text,
        );
        *y += 8.0 * u;
    };
    let text = |svg: &mut Svg, y: &mut f64, indent: f64, body: &str, fill: &str| {
        for line in wrap(body, size, width - indent) {
            *y += line_h;
            svg.text(
                "text",
                &[("x", &N(x + indent)), ("y", &N(*y)), ("fill", &fill)],
                &line,
            );
        }
    };
    svg.open("g", &[("id", &"legend"), ("font-size", &N(size))]);
    heading(svg, &mut y, "Who holds it");
    let scenario = scene.engine.scenario();
    let holding = scene.holding_factions();
    for faction in holding
        .iter()
        .filter_map(|&f| scenario.factions.get(usize::from(f)))
    {
        if !scene.layers.shows_faction(&faction.id) {
            continue;
        }
        let colour = hex(faction.rgb().unwrap_or(crate::export::NEUTRAL_RGB));
        svg.empty(
            "rect",
            &[
                ("x", &N(x)),
                ("y", &N(y + 5.0 * u)),
                ("width", &N(22.0 * u)),
                ("height", &N(14.0 * u)),
                ("fill", &colour),
            ],
        );
        text(svg, &mut y, 32.0 * u, &faction.name, "#1e1e1e");
    }
    text(svg, &mut y, 0.0, TERRITORY_METHOD, "#555555");
    heading(svg, &mut y, "How sure (marker styles)");
    // A blue that no status style uses, so "inferred" (faint) differs from "unknown" (grey).
    let sample = [0x3b, 0x6e, 0xa8];
    for status in Status::ALL {
        let rival = (status == Status::Contested).then_some([0xff, 0xff, 0xff]);
        let at = format!("translate({} {})", N(x + 9.0 * u), N(y + 14.0 * u));
        svg.open("g", &[("transform", &at)]);
        marker(svg, &marker_shapes(status, sample, rival, 6.5 * u, u));
        svg.close("g");
        let body = status_legend(status, scenario.freshness_hours);
        text(svg, &mut y, 32.0 * u, &body, "#1e1e1e");
    }
    if scene.layers.routes {
        heading(svg, &mut y, "Roads");
        text(
            svg,
            &mut y,
            32.0 * u,
            &format!("solid: {ROAD_HELD}; dashed grey: {ROAD_FRONT}"),
            "#1e1e1e",
        );
        if scene.layers.severed {
            severed_mark(svg, [x + 9.0 * u, y + 14.0 * u], u);
            text(svg, &mut y, 32.0 * u, ROAD_SEVERED, "#1e1e1e");
        }
    }
    heading(svg, &mut y, "Sources used");
    let sources = scene.sources_used();
    let bottom = layout.height - layout.footer_h - 2.0 * line_h;
    for (i, source) in sources.iter().enumerate() {
        if y > bottom {
            let more = format!("… and {} more", sources.len() - i);
            text(svg, &mut y, 0.0, &more, "#555555");
            break;
        }
        let body = format!(
            "{} ({}, {:?})",
            source.name,
            source.kind.label(),
            source.reliability
        );
        text(svg, &mut y, 0.0, &body, "#1e1e1e");
    }
    if sources.is_empty() {
        text(svg, &mut y, 0.0, "none up to this moment", "#555555");
    }
    svg.close("g");
}

/// The scale bar in the map's lower left corner (true at 35° N).
pub(super) fn scale_bar(svg: &mut Svg, frame: &Frame, u: f64) {
    let [left, top, width, height] = frame.rect;
    let target_km = width * 0.18 * frame.km_per_px();
    let magnitude = 10f64.powf(target_km.log10().floor());
    let km = [5.0, 2.0, 1.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|&km| km <= target_km)
        .unwrap_or(magnitude);
    let length = km / frame.km_per_px();
    let (x, y) = (left + 24.0 * u, top + height - 24.0 * u);
    let d = format!(
        "M{} {}V{}H{}V{}",
        N(x),
        N(y - 7.0 * u),
        N(y),
        N(x + length),
        N(y - 7.0 * u)
    );
    let label = format!("{km} km (true at 35° N)");
    svg.open("g", &[("id", &"scale-bar")]);
    // A pale box keeps the bar readable over dense markers (the text is about 0.5 em
    // per character wide).
    #[expect(clippy::cast_precision_loss, reason = "a short label")]
    let label_px = label.chars().count() as f64 * 7.0 * u;
    svg.empty(
        "rect",
        &[
            ("x", &N(x - 6.0 * u)),
            ("y", &N(y - 30.0 * u)),
            ("width", &N(length.max(label_px) + 12.0 * u)),
            ("height", &N(36.0 * u)),
            ("rx", &N(3.0 * u)),
            ("fill", &"#ffffff"),
            ("fill-opacity", &"0.75"),
        ],
    );
    svg.empty(
        "path",
        &[
            ("d", &d),
            ("fill", &"none"),
            ("stroke", &"#1e1e1e"),
            ("stroke-width", &N(2.0 * u)),
        ],
    );
    svg.text(
        "text",
        &[
            ("x", &N(x)),
            ("y", &N(y - 12.0 * u)),
            ("font-size", &N(14.0 * u)),
        ],
        &label,
    );
    svg.close("g");
}

/// The publications behind the claims ("Source: ...") and the data credits along the
/// bottom.
pub(super) fn footer(svg: &mut Svg, scene: &Scene<'_>, layout: &Layout) {
    let u = layout.u;
    svg.text(
        "text",
        &[
            ("id", &"source"),
            ("x", &N(20.0 * u)),
            ("y", &N(layout.height - 33.0 * u)),
            ("font-size", &N(13.0 * u)),
            ("fill", &"#333333"),
        ],
        &super::heading::source_line(scene),
    );
    svg.text(
        "text",
        &[
            ("id", &"credits"),
            ("x", &N(20.0 * u)),
            ("y", &N(layout.height - 11.0 * u)),
            ("font-size", &N(13.0 * u)),
            ("fill", &"#555555"),
        ],
        CREDITS,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stale_row_reads_the_scenarios_freshness() {
        assert_eq!(
            status_legend(Status::Stale, 48),
            "stale: no report within 48 hours"
        );
        assert_eq!(
            status_legend(Status::Inferred, 48),
            format!("inferred: {}", Status::Inferred.definition())
        );
    }
}
