//! The one font exports use, compiled into the binary so every machine draws the same
//! text: a subset of Noto Sans Regular (SIL Open Font License 1.1, see
//! `assets/fonts/OFL.txt`) made by `scripts/gen_font.py`, which covers every character of
//! every place name and alias (Ḩamāh, Al Qardāḩah, ...) and the Latin ranges. The window
//! uses the same file (`crate::ui::fonts`).

/// The font file's bytes.
pub const FONT_TTF: &[u8] = include_bytes!("../../../assets/fonts/FrontlineNotoSans-Regular.ttf");

/// The family name SVGs ask for (the subset's own family name); their `@font-face` rule
/// binds it to [`FONT_TTF`]. Renderers without the rule fall back to `sans-serif`, which
/// the PNG renderer maps to the same font.
pub const FONT_FAMILY: &str = "Frontline Noto Sans";

/// The `font-family` attribute value of every text.
pub fn font_family_attr() -> String {
    format!("'{FONT_FAMILY}', sans-serif")
}

/// A `<style>` element embedding the font as a data URI, so the SVG shows the same
/// text in any viewer that reads `@font-face`: only the glyphs of the characters in
/// `used` ([`super::subset_font`]), or the whole font should subsetting fail.
pub fn font_face_style(used: &str) -> String {
    let font = super::subset::subset_font(FONT_TTF, used).unwrap_or_else(|_| FONT_TTF.to_vec());
    format!(
        "<defs><style type=\"text/css\">@font-face {{ font-family: '{FONT_FAMILY}'; \
         src: url(data:font/ttf;base64,{}) format('truetype'); }}</style></defs>\n",
        base64(&font)
    )
}

/// Standard base64 with padding (RFC 4648).
pub fn base64(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// Advances and vertical extent of [`FONT_TTF`], in ems, read once from the font.
struct FontMetrics {
    /// Advance width of each character the font maps.
    advances: std::collections::HashMap<char, f64>,
    /// Advance of the missing-glyph box, for characters the font lacks.
    notdef: f64,
    /// Height above the baseline.
    ascent: f64,
    /// Depth below the baseline (positive).
    descent: f64,
}

fn font_metrics() -> &'static FontMetrics {
    static METRICS: std::sync::OnceLock<FontMetrics> = std::sync::OnceLock::new();
    METRICS.get_or_init(|| {
        use skrifa::MetadataProvider as _;
        use skrifa::instance::{LocationRef, Size};
        let Ok(font) = skrifa::FontRef::new(FONT_TTF) else {
            // The font is compiled in; a test reads it. Fall back to half an em.
            return FontMetrics {
                advances: Default::default(),
                notdef: 0.5,
                ascent: 1.07,
                descent: 0.29,
            };
        };
        let location = LocationRef::default();
        let metrics = font.metrics(Size::unscaled(), location);
        let em = f64::from(metrics.units_per_em.max(1));
        let glyphs = font.glyph_metrics(Size::unscaled(), location);
        let advance = |gid| f64::from(glyphs.advance_width(gid).unwrap_or(0.0)) / em;
        let advances = font
            .charmap()
            .mappings()
            .filter_map(|(c, gid)| Some((char::from_u32(c)?, advance(gid))))
            .collect();
        FontMetrics {
            advances,
            notdef: advance(skrifa::GlyphId::NOTDEF),
            ascent: f64::from(metrics.ascent) / em,
            descent: f64::from(-metrics.descent) / em,
        }
    })
}

/// Width of `text` at `size` pixels: the sum of the font's glyph advances (no kerning or
/// shaping; combining marks have no advance in the font).
pub fn text_width(text: &str, size: f64) -> f64 {
    let metrics = font_metrics();
    text.chars()
        .map(|c| metrics.advances.get(&c).copied().unwrap_or(metrics.notdef))
        .sum::<f64>()
        * size
}

/// Height above the baseline of a line of text at `size` pixels (the font's ascender).
pub fn ascent(size: f64) -> f64 {
    font_metrics().ascent * size
}

/// Depth below the baseline of a line at `size` pixels (the font's descender).
pub fn descent(size: f64) -> f64 {
    font_metrics().descent * size
}

/// Distance between baselines of a text block at `size` pixels.
pub fn line_height(size: f64) -> f64 {
    ascent(size) + descent(size)
}

/// Splits `text` into lines no wider than `width` pixels at `size`.
pub fn wrap(text: &str, size: f64, width: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_owned()
        } else {
            format!("{line} {word}")
        };
        if !line.is_empty() && text_width(&candidate, size) > width {
            lines.push(std::mem::replace(&mut line, word.to_owned()));
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc_4648() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }

    #[test]
    fn widths_are_the_fonts_advances() {
        // Noto Sans: "i" is narrower than "m", and a word is the sum of its letters.
        assert!(text_width("i", 10.0) < text_width("m", 10.0) / 2.0);
        let sum = text_width("Ha", 14.0) + text_width("ma", 14.0);
        assert!((text_width("Hama", 14.0) - sum).abs() < 1e-9);
        assert!((text_width("Hama", 28.0) - 2.0 * text_width("Hama", 14.0)).abs() < 1e-9);
        assert!(ascent(10.0) > 7.0 && descent(10.0) > 1.0);
    }

    #[test]
    fn wraps_to_width() {
        let lines = wrap("one two three four five six", 10.0, 60.0);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| text_width(l, 10.0) <= 60.0));
        assert_eq!(lines.join(" "), "one two three four five six");
    }
}
