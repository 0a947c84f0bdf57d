//! Place labels that do not overlap each other or bigger places' markers, and the UNDOF
//! zone's label.

use egui::{FontId, Rect, Ui, vec2};
use egui_plot::PlotTransform;

use super::projector::screen_from_plot;
use super::scene::MapScene;
use super::screen::LabelSpot;
use crate::model::Scenario;
use crate::ui::theme;

/// At most this many place labels are drawn at once.
const MAX_LABELS: usize = 80;

/// Place label font size, points.
const LABEL_SIZE: f32 = 12.0;

/// Labels places in the statics' order (capital, governorate seats, claimed places, then by
/// population; see [`crate::geo::label_priority`]), skipping any label that would overlap one already
/// placed or a `reserved` rectangle; zooming in spreads places apart, so more labels fit.
pub fn place_labels(
    ui: &Ui,
    transform: &PlotTransform,
    scene: &MapScene,
    scenario: &Scenario,
    reserved: &[Rect],
) -> Vec<LabelSpot> {
    let frame = *transform.frame();
    let painter = ui.painter();
    let font = FontId::proportional(LABEL_SIZE);
    let mut placed: Vec<Rect> = reserved.to_vec();
    let mut spots = Vec::new();
    // A label must not hide the marker of a place labelled before it (a bigger one): the
    // markers seen so far go into a screen grid, so the test is cheap with 20k places.
    let mut earlier = MarkerGrid::new(frame.expand(super::radius::MAX_RADIUS));
    let mut count = 0;
    for marker in scene
        .label_order
        .iter()
        .filter_map(|&m| scene.markers.get(m))
    {
        if count >= MAX_LABELS {
            break;
        }
        let center = screen_from_plot(transform, marker.pos);
        let marker_rect = Rect::from_center_size(center, vec2(2.0, 2.0) * marker.radius);
        let candidate = frame.contains(center);
        // The smallest rectangle any label of this place covers: if it is already
        // blocked, the label is, and its text need not be laid out.
        let least = Rect::from_min_max(
            center + vec2(marker.radius + 1.5, -1.5),
            center + vec2(marker.radius + 4.5, 1.5),
        );
        let blocked = |rect: Rect, earlier: &MarkerGrid| {
            !frame.contains_rect(rect)
                || earlier.hides(rect, marker.place)
                || placed.iter().any(|r| r.intersects(rect))
        };
        let label = scenario
            .places
            .get(marker.place)
            .filter(|_| candidate && !blocked(least, &earlier))
            .and_then(|place| {
                let galley =
                    painter.layout_no_wrap(place.name.clone(), font.clone(), theme::map_ink());
                let origin = center + vec2(marker.radius + 3.0, -galley.size().y / 2.0);
                let rect = Rect::from_min_size(origin, galley.size()).expand(1.5);
                (!blocked(rect, &earlier)).then_some((galley, origin, rect))
            });
        earlier.insert(marker_rect, marker.place);
        let Some((galley, origin, rect)) = label else {
            continue;
        };
        placed.push(rect);
        count += 1;
        spots.push(LabelSpot {
            text: galley.text().to_owned(),
            origin,
            rect,
            size: LABEL_SIZE,
            color: theme::map_ink(),
        });
    }
    spots
}

/// Marker rectangles bucketed by screen cell, for overlap tests.
struct MarkerGrid {
    area: Rect,
    columns: usize,
    rows: usize,
    cells: Vec<Vec<(usize, Rect)>>,
}

impl MarkerGrid {
    const CELL: f32 = 32.0;

    fn new(area: Rect) -> Self {
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "screen sizes are small and positive"
        )]
        let count = |len: f32| ((len / Self::CELL).ceil().max(1.0) as usize).min(1024);
        let (columns, rows) = (count(area.width()), count(area.height()));
        Self {
            area,
            columns,
            rows,
            cells: vec![Vec::new(); columns * rows],
        }
    }

    /// The cells `rect` touches, as column and row ranges (empty outside the area).
    fn span(
        &self,
        rect: Rect,
    ) -> Option<(
        std::ops::RangeInclusive<usize>,
        std::ops::RangeInclusive<usize>,
    )> {
        let rect = rect.intersect(self.area);
        if rect.width() < 0.0 || rect.height() < 0.0 {
            return None;
        }
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "clamped to the grid"
        )]
        let cell = |v: f32, n: usize| ((v / Self::CELL).floor().max(0.0) as usize).min(n - 1);
        let (min, max) = (rect.min - self.area.min, rect.max - self.area.min);
        Some((
            cell(min.x, self.columns)..=cell(max.x, self.columns),
            cell(min.y, self.rows)..=cell(max.y, self.rows),
        ))
    }

    fn insert(&mut self, rect: Rect, place: usize) {
        let Some((columns, rows)) = self.span(rect) else {
            return;
        };
        for row in rows {
            for column in columns.clone() {
                self.cells[row * self.columns + column].push((place, rect));
            }
        }
    }

    /// Whether `rect` overlaps a marker of a place other than `place`.
    fn hides(&self, rect: Rect, place: usize) -> bool {
        let Some((columns, rows)) = self.span(rect) else {
            return false;
        };
        rows.into_iter().any(|row| {
            columns.clone().any(|column| {
                self.cells[row * self.columns + column]
                    .iter()
                    .any(|(p, r)| *p != place && r.intersects(rect))
            })
        })
    }
}

/// "UNDOF zone", west of the zone (Quneitra sits on its east side), if it fits on screen;
/// place labels keep out of its rectangle.
pub fn undof_label(ui: &Ui, transform: &PlotTransform, scene: &MapScene) -> Option<LabelSpot> {
    let xy = scene.base()?.undof_label?;
    let anchor = screen_from_plot(transform, xy);
    let galley = ui.painter().layout_no_wrap(
        "UNDOF zone".to_owned(),
        FontId::proportional(UNDOF_LABEL_SIZE),
        theme::map_undof(),
    );
    let size = galley.size();
    let origin = anchor - vec2(size.x + 8.0, size.y / 2.0);
    let rect = Rect::from_min_size(origin, size).expand(1.5);
    if !transform.frame().contains_rect(rect) {
        return None;
    }
    Some(LabelSpot {
        text: galley.text().to_owned(),
        origin,
        rect,
        size: UNDOF_LABEL_SIZE,
        color: theme::map_undof(),
    })
}

/// The UNDOF label's font size, points.
const UNDOF_LABEL_SIZE: f32 = 11.0;
