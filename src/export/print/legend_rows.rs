//! The legend's rows: what it lists (the factions holding something on the map, statuses
//! with their definitions, territory method, road samples, sources), and one row laid
//! out in a column. `layout` flows them; `legend` draws them.

use super::text::{MIN_TEXT_PX, TextLine, block};
use crate::control::Status;
use crate::export::{
    NEUTRAL_RGB, ROAD_FRONT, ROAD_HELD, ROAD_SEVERED, Scene, TERRITORY_METHOD, status_legend,
};

/// What stands left of a legend row's text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Key {
    /// A section heading (larger text, no key).
    Heading,
    /// Plain text.
    Plain,
    /// Grey text: a caveat or an absence.
    Note,
    /// A colour swatch.
    Swatch([u8; 3]),
    /// A marker in a status's style.
    Marker(Status),
    /// A road sample, solid or dashed.
    Road { dashed: bool },
    /// The red × of a severed road.
    Severed,
}

/// A legend row before layout.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Row {
    pub key: Key,
    pub text: String,
}

/// A legend row laid out: its key's centre and its text lines.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct PlacedRow {
    pub key: Key,
    pub key_at: [f64; 2],
    pub lines: Vec<TextLine>,
}

/// The legend's rows for `scene`, most important first (a short legend drops the end).
pub(super) fn rows(scene: &Scene<'_>) -> Vec<Row> {
    let row = |key, text: &str| Row {
        key,
        text: text.to_owned(),
    };
    let scenario = scene.engine.scenario();
    let mut rows = vec![row(Key::Heading, "Who holds it")];
    for faction in scene
        .holding_factions()
        .iter()
        .filter_map(|&f| scenario.factions.get(usize::from(f)))
        .filter(|f| scene.layers.shows_faction(&f.id))
    {
        let colour = faction.rgb().unwrap_or(NEUTRAL_RGB);
        rows.push(row(Key::Swatch(colour), &faction.name));
    }
    rows.push(row(Key::Note, TERRITORY_METHOD));
    rows.push(row(Key::Heading, "How sure (marker styles)"));
    for status in Status::ALL {
        let text = status_legend(status, scenario.freshness_hours);
        rows.push(row(Key::Marker(status), &text));
    }
    if scene.layers.routes {
        rows.push(row(Key::Heading, "Roads"));
        rows.push(row(
            Key::Road { dashed: false },
            &format!("{ROAD_HELD}, in its colour"),
        ));
        rows.push(row(
            Key::Road { dashed: true },
            &format!("{ROAD_FRONT}: the ends are held by rivals"),
        ));
        if scene.layers.severed {
            rows.push(row(Key::Severed, ROAD_SEVERED));
        }
    }
    rows.push(row(Key::Heading, "Sources used"));
    let sources = scene.sources_used();
    for source in &sources {
        let text = format!(
            "{} ({}, {:?})",
            source.name,
            source.kind.label(),
            source.reliability
        );
        rows.push(row(Key::Plain, &text));
    }
    if sources.is_empty() {
        rows.push(row(Key::Note, "none up to this moment"));
    }
    rows
}

/// Body text size of the legend at text scale `t`.
pub(super) fn body_px(t: f64) -> f64 {
    (14.0 * t).max(MIN_TEXT_PX)
}

/// `row` laid out with its top left at `[x, top]` in a column `width` wide; returns it
/// and its height.
pub(super) fn place_row(row: &Row, [x, top]: [f64; 2], width: f64, t: f64) -> (PlacedRow, f64) {
    let body = body_px(t);
    let (size, indent, gap_above) = match row.key {
        Key::Heading => ((18.0 * t).max(MIN_TEXT_PX + 1.5), 0.0, 8.0 * t),
        Key::Plain | Key::Note => (body, 0.0, 0.0),
        _ => (body, 2.3 * body, 0.0),
    };
    // A caveat is worth more lines than a source's name before it is cut short.
    let most = if row.key == Key::Note { 8 } else { 4 };
    let (mut lines, height) = block(
        &row.text,
        [x + indent, top + gap_above],
        size,
        width - indent,
        most,
    );
    if row.key == Key::Note {
        lines = lines.into_iter().map(|l| l.fill("#555555")).collect();
    }
    let key_at = [
        x + 0.8 * body,
        top + gap_above + height.min(1.36 * size) / 2.0,
    ];
    let placed = PlacedRow {
        key: row.key,
        key_at,
        lines,
    };
    (placed, gap_above + height + 2.0 * t)
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

    #[test]
    fn road_samples_are_listed_while_roads_are_shown() {
        #![allow(clippy::unwrap_used)]
        let engine = crate::control::Engine::new(crate::io::default_scenario().unwrap());
        let view = crate::control::View::default();
        let at: jiff::Timestamp = "2024-12-07T23:59:59Z".parse().unwrap();
        let keys_with = |layers: &crate::layers::Layers| -> Vec<(Key, String)> {
            let scene = Scene::new(&engine, &view, layers, at);
            rows(&scene)
                .into_iter()
                .filter(|r| matches!(r.key, Key::Road { .. } | Key::Severed))
                .map(|r| (r.key, r.text))
                .collect()
        };
        let mut layers = crate::layers::Layers {
            routes: true,
            severed: true,
            ..Default::default()
        };
        let shown = keys_with(&layers);
        let has = |key: Key, words: &str| {
            shown
                .iter()
                .any(|(k, text)| *k == key && text.starts_with(words))
        };
        assert!(has(Key::Road { dashed: false }, ROAD_HELD), "{shown:?}");
        assert!(has(Key::Road { dashed: true }, ROAD_FRONT), "{shown:?}");
        assert!(has(Key::Severed, ROAD_SEVERED), "{shown:?}");
        layers.routes = false;
        assert!(
            keys_with(&layers).is_empty(),
            "no road samples without roads"
        );
    }
}
