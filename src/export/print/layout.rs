//! Where things go on the printed page: the heading band, the map, the legend (beside
//! the map on wide pages, below it on square and portrait ones) and the footer, with
//! every line of text measured from the font so none overlaps another or leaves the
//! picture.

use super::credits::CREDITS;
use super::legend_rows::{Key, PlacedRow, Row, body_px, place_row};
use super::text::{MIN_TEXT_PX, TextLine, block};

/// Pages narrower than this (width / height) put the legend below the map.
const LEGEND_BELOW_UNDER: f64 = 1.3;

/// The words of the heading band and the footer.
pub(super) struct PageText {
    pub title: String,
    pub subtitle: Option<String>,
    pub as_of: String,
    pub source: String,
}

/// The page laid out.
#[derive(Clone, Debug)]
pub(super) struct Layout {
    /// Scale of the map's symbols (markers, roads): 1 on a 1920 × 1080 page.
    pub u: f64,
    /// Scale of the text, never under 0.7 so small pictures stay legible.
    pub t: f64,
    /// The map's rectangle: left, top, width, height.
    pub map: [f64; 4],
    /// Title, subtitle and "as of" lines.
    pub heading: Vec<TextLine>,
    /// The "Source:" and credits lines.
    pub footer: Vec<TextLine>,
    /// The legend's rows, flowed into their column(s).
    pub legend: Vec<PlacedRow>,
}

impl Layout {
    /// Lays out a page of `(width, height)` pixels with these words and legend rows.
    pub fn new((width, height): (u32, u32), words: &PageText, rows: &[Row]) -> Self {
        let (w, h) = (f64::from(width), f64::from(height));
        let below = w / h < LEGEND_BELOW_UNDER;
        let u = if below {
            (w / 1000.0).min(h / 1250.0)
        } else {
            (w / 1920.0).min(h / 1080.0)
        };
        let t = u.max(0.7);
        let px = |design: f64| (design * t).max(MIN_TEXT_PX);
        let margin = 20.0 * t;
        let text_w = w - 2.0 * margin;

        let mut heading = Vec::new();
        let mut y = 10.0 * t;
        let add = |lines: &mut Vec<TextLine>, text: &str, size, fill, id, max, y: &mut f64| {
            let (block, height) = block(text, [margin, *y], size, text_w, max);
            for (i, line) in block.into_iter().enumerate() {
                let line = line.fill(fill);
                lines.push(if i == 0 { line.id(id) } else { line });
            }
            *y += height + 2.0 * t;
        };
        add(
            &mut heading,
            &words.title,
            px(28.0),
            "#1e1e1e",
            "title",
            2,
            &mut y,
        );
        if let Some(subtitle) = &words.subtitle {
            add(
                &mut heading,
                subtitle,
                px(18.0),
                "#333333",
                "subtitle",
                2,
                &mut y,
            );
        }
        add(
            &mut heading,
            &words.as_of,
            px(17.0),
            "#444444",
            "as-of",
            3,
            &mut y,
        );
        let title_h = y + 6.0 * t;

        let mut footer = Vec::new();
        let mut y = 0.0;
        add(
            &mut footer,
            &words.source,
            px(13.0),
            "#333333",
            "source",
            3,
            &mut y,
        );
        add(
            &mut footer,
            CREDITS,
            px(13.0),
            "#555555",
            "credits",
            3,
            &mut y,
        );
        let footer_h = y + 8.0 * t;
        for line in &mut footer {
            line.baseline += h - footer_h + 4.0 * t;
        }

        let available = h - title_h - footer_h;
        let (map, legend) = if below {
            let columns = (text_w / (330.0 * t)).floor().clamp(1.0, 3.0);
            let step = body_px(t) * 1.36;
            let most = (available * 0.45).max(step);
            // The shortest band that holds every row, else the tallest allowed.
            let mut band = (4.0 * step).min(most);
            while band < most && placed_count(rows, margin, text_w, band, columns, t) < rows.len() {
                band += step;
            }
            let band = band.min(most);
            let top = title_h + available - band - 8.0 * t;
            let area = [margin, top + 8.0 * t, text_w, band];
            (
                [0.0, title_h, w, available - band - 16.0 * t],
                flow(rows, area, columns, t),
            )
        } else {
            let panel = (470.0 * t).min(0.38 * w);
            let area = [
                w - panel + 18.0 * t,
                title_h + 4.0 * t,
                panel - 30.0 * t,
                available - 12.0 * t,
            ];
            (
                [0.0, title_h, w - panel, available],
                flow(rows, area, 1.0, t),
            )
        };
        Self {
            u,
            t,
            map,
            heading,
            footer,
            legend,
        }
    }

    /// Every line of text outside the map: heading, legend and footer.
    pub fn text_lines(&self) -> impl Iterator<Item = &TextLine> {
        self.heading
            .iter()
            .chain(self.legend.iter().flat_map(|row| &row.lines))
            .chain(&self.footer)
    }
}

/// How many of `rows` fit a band `height` high in `columns` columns.
fn placed_count(rows: &[Row], x: f64, width: f64, height: f64, columns: f64, t: f64) -> usize {
    place(rows, [x, 0.0, width, height], columns, t).1
}

/// `rows` flowed down `columns` columns of `area` (left, top, width, height), a heading
/// kept with the row after it; stops at the first row that does not fit. Returns the
/// rows placed, how many, and the bottom left of the last one.
fn place(
    rows: &[Row],
    [x, y, w, h]: [f64; 4],
    columns: f64,
    t: f64,
) -> (Vec<PlacedRow>, usize, [f64; 2]) {
    let gap = 24.0 * t;
    let column_w = (w - gap * (columns - 1.0)) / columns;
    let (mut column, mut top, mut placed) = (0.0, y, Vec::new());
    let mut i = 0;
    while i < rows.len() {
        let left = x + column * (column_w + gap);
        let (row, height) = place_row(&rows[i], [left, top], column_w, t);
        let next = match (rows[i].key, rows.get(i + 1)) {
            (Key::Heading, Some(next)) => place_row(next, [left, top], column_w, t).1,
            _ => 0.0,
        };
        if top + height + next > y + h {
            if top == y || column + 1.0 >= columns {
                break;
            }
            column += 1.0;
            top = y;
            continue;
        }
        placed.push(row);
        top += height;
        i += 1;
    }
    let left = x + column * (column_w + gap);
    (placed, i, [left, top])
}

/// [`place`], and when rows are left over, a last line saying how many.
fn flow(rows: &[Row], area: [f64; 4], columns: f64, t: f64) -> Vec<PlacedRow> {
    let (placed, count, _) = place(rows, area, columns, t);
    if count == rows.len() {
        return placed;
    }
    let note_h = body_px(t) * 1.36 + 2.0 * t;
    let [x, y, w, h] = area;
    let (placed, count, at) = place(rows, [x, y, w, (h - note_h).max(0.0)], columns, t);
    let gap = 24.0 * t;
    let column_w = (w - gap * (columns - 1.0)) / columns;
    let note = Row {
        key: Key::Note,
        text: format!("… {} more rows at a larger size", rows.len() - count),
    };
    let (mut note, _) = place_row(&note, at, column_w, t);
    note.lines.truncate(1);
    let mut placed = placed;
    placed.push(note);
    placed
}
