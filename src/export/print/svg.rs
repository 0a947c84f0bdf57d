//! A small SVG writer: elements with escaped attributes and text, numbers rounded
//! to hundredths so the output is compact and stable.

use std::fmt::{self, Display, Write as _};

use ::geo::MultiPolygon;

use super::frame::Frame;

/// A number written with at most two decimals and no trailing zeros.
#[derive(Clone, Copy, Debug)]
pub struct N(pub f64);

impl Display for N {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let rounded = (self.0 * 100.0).round() / 100.0;
        let text = format!("{rounded:.2}");
        let text = text.trim_end_matches('0').trim_end_matches('.');
        f.write_str(if text == "-0" { "0" } else { text })
    }
}

/// `#rrggbb`.
pub fn hex([r, g, b]: [u8; 3]) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// Escapes `&`, `<`, `>`, `"` and `'` for XML text and attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if c.is_control() && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// An SVG document being written.
pub struct Svg {
    out: String,
    /// Every character written as text, for the embedded font's subset.
    used: std::collections::BTreeSet<char>,
}

/// An attribute: a name and any displayable value.
pub type Attr<'a> = (&'a str, &'a dyn Display);

impl Svg {
    /// Starts a `width` × `height` pixel document.
    pub fn new(width: u32, height: u32) -> Self {
        let mut out = String::with_capacity(1 << 16);
        out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        let _ = writeln!(
            out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"{width}\" \
             height=\"{height}\" viewBox=\"0 0 {width} {height}\">"
        );
        Self {
            out,
            used: Default::default(),
        }
    }

    fn tag(&mut self, name: &str, attrs: &[Attr<'_>]) {
        self.out.push('<');
        self.out.push_str(name);
        for (key, value) in attrs {
            let _ = write!(self.out, " {key}=\"{}\"", escape(&value.to_string()));
        }
    }

    /// `<name attrs>`; close it with [`Svg::close`].
    pub fn open(&mut self, name: &str, attrs: &[Attr<'_>]) {
        self.tag(name, attrs);
        self.out.push_str(">\n");
    }

    /// `</name>`.
    pub fn close(&mut self, name: &str) {
        let _ = writeln!(self.out, "</{name}>");
    }

    /// `<name attrs/>`.
    pub fn empty(&mut self, name: &str, attrs: &[Attr<'_>]) {
        self.tag(name, attrs);
        self.out.push_str("/>\n");
    }

    /// `<name attrs>text</name>` with the text escaped.
    pub fn text(&mut self, name: &str, attrs: &[Attr<'_>], text: &str) {
        self.tag(name, attrs);
        self.used.extend(text.chars());
        let _ = writeln!(self.out, ">{}</{name}>", escape(text));
    }

    /// The characters written as text so far.
    pub fn used_chars(&self) -> String {
        self.used.iter().collect()
    }

    /// Where the next markup goes, for [`Svg::insert`].
    pub fn position(&self) -> usize {
        self.out.len()
    }

    /// Inserts trusted markup at a [`Svg::position`] taken earlier.
    pub fn insert(&mut self, at: usize, markup: &str) {
        self.out.insert_str(at.min(self.out.len()), markup);
    }

    /// Inserts trusted markup as it is (styles, definitions).
    pub fn raw(&mut self, markup: &str) {
        self.out.push_str(markup);
    }

    /// Ends the document and returns its text.
    pub fn finish(mut self) -> String {
        self.out.push_str("</svg>\n");
        self.out
    }
}

/// Path data of a lon/lat multipolygon in the frame's pixels (use `fill-rule="evenodd"`).
pub fn path_data(polygons: &MultiPolygon<f64>, frame: &Frame) -> String {
    let mut d = String::new();
    for polygon in &polygons.0 {
        for ring in std::iter::once(polygon.exterior()).chain(polygon.interiors()) {
            let mut last = None;
            for (i, c) in ring.0.iter().enumerate() {
                let [x, y] = frame.px([c.x, c.y]);
                let point = (N(x).to_string(), N(y).to_string());
                if last.as_ref() == Some(&point) {
                    continue;
                }
                let _ = write!(
                    d,
                    "{}{} {}",
                    if i == 0 { "M" } else { "L" },
                    point.0,
                    point.1
                );
                last = Some(point);
            }
            if !ring.0.is_empty() {
                d.push('Z');
            }
        }
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_short_and_stable() {
        assert_eq!(N(1.0).to_string(), "1");
        assert_eq!(N(1.256).to_string(), "1.26");
        assert_eq!(N(-0.001).to_string(), "0");
        assert_eq!(N(10.5).to_string(), "10.5");
    }

    #[test]
    fn escapes_markup() {
        let mut svg = Svg::new(10, 10);
        svg.text(
            "text",
            &[("x", &N(1.0)), ("class", &"a\"b")],
            "Tom & <Jerry>",
        );
        let out = svg.finish();
        assert!(out.contains(r#"<text x="1" class="a&quot;b">Tom &amp; &lt;Jerry&gt;</text>"#));
    }
}
