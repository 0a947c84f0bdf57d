//! A line of text placed on the page, with the box it takes measured from the font, so
//! the layout can keep lines apart and inside the picture.

use super::font::{ascent, descent, line_height, text_width, wrap};
use super::svg::{N, Svg};

/// The smallest text on a print map, in pixels: the footer and legend at 640 × 360.
pub(super) const MIN_TEXT_PX: f64 = 9.5;

/// One line of text: left end of its baseline, size, colour and words.
#[derive(Clone, Debug, PartialEq)]
pub struct TextLine {
    /// Left end of the baseline.
    pub x: f64,
    /// The baseline's height.
    pub baseline: f64,
    /// Font size in pixels.
    pub size: f64,
    /// The words.
    pub text: String,
    /// Fill colour (`#rrggbb`).
    pub fill: &'static str,
    /// The element's id, for the lines tests and stylesheets look for.
    pub id: Option<&'static str>,
}

impl TextLine {
    /// A dark line at `[x, baseline]`.
    pub(super) fn new(x: f64, baseline: f64, size: f64, text: impl Into<String>) -> Self {
        Self {
            x,
            baseline,
            size,
            text: text.into(),
            fill: "#1e1e1e",
            id: None,
        }
    }

    /// The same line in another colour.
    pub(super) fn fill(mut self, fill: &'static str) -> Self {
        self.fill = fill;
        self
    }

    /// The same line with an id.
    pub(super) fn id(mut self, id: &'static str) -> Self {
        self.id = Some(id);
        self
    }

    /// The box the line takes: left, top, right, bottom (the font's ascender to its
    /// descender, the advances' width).
    pub fn bbox(&self) -> [f64; 4] {
        [
            self.x,
            self.baseline - ascent(self.size),
            self.x + text_width(&self.text, self.size),
            self.baseline + descent(self.size),
        ]
    }

    /// Writes the line as a `<text>` element. Its measured width goes with it as
    /// `textLength`, so a renderer that draws another font (Inkscape ignores the
    /// embedded one and draws DejaVu Sans, which is wider) still fits the line in the
    /// box the layout gave it.
    pub(super) fn write(&self, svg: &mut Svg) {
        let (x, y, size) = (N(self.x), N(self.baseline), N(self.size));
        let length = N(text_width(&self.text, self.size));
        let mut attrs: Vec<super::svg::Attr<'_>> = Vec::with_capacity(7);
        if let Some(id) = &self.id {
            attrs.push(("id", id));
        }
        attrs.extend([
            ("x", &x as &dyn std::fmt::Display),
            ("y", &y),
            ("font-size", &size),
            ("fill", &self.fill),
            ("textLength", &length),
            ("lengthAdjust", &"spacingAndGlyphs"),
        ]);
        svg.text("text", &attrs, &self.text);
    }
}

/// `text` wrapped to `width` at `size`, as lines from the baseline `top + ascent` down,
/// at most `max_lines` (the last ends with "…" when words are left over). Returns the
/// lines and the height they take.
pub(super) fn block(
    text: &str,
    [x, top]: [f64; 2],
    size: f64,
    width: f64,
    max_lines: usize,
) -> (Vec<TextLine>, f64) {
    let mut lines = wrap(text, size, width);
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            while !last.is_empty() && text_width(&format!("{last} …"), size) > width {
                let cut = last.rfind(' ').unwrap_or(0);
                last.truncate(cut);
            }
            last.push_str(" …");
        }
    }
    let step = line_height(size);
    let placed: Vec<TextLine> = lines
        .into_iter()
        .enumerate()
        .map(|(i, line)| {
            #[expect(clippy::cast_precision_loss, reason = "a few lines")]
            let baseline = top + ascent(size) + step * i as f64;
            TextLine::new(x, baseline, size, line)
        })
        .collect();
    #[expect(clippy::cast_precision_loss, reason = "a few lines")]
    let height = step * placed.len() as f64;
    (placed, height)
}

/// True when two boxes `[left, top, right, bottom]` share interior points (more than a
/// rounding error: stacked lines touch exactly).
pub fn boxes_overlap(a: &[f64; 4], b: &[f64; 4]) -> bool {
    const EPS: f64 = 1e-6;
    a[0] < b[2] - EPS && b[0] < a[2] - EPS && a[1] < b[3] - EPS && b[1] < a[3] - EPS
}
