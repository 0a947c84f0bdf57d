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
/// text in any viewer.
pub fn font_face_style() -> String {
    format!(
        "<defs><style type=\"text/css\">@font-face {{ font-family: '{FONT_FAMILY}'; \
         src: url(data:font/ttf;base64,{}) format('truetype'); }}</style></defs>\n",
        base64(FONT_TTF)
    )
}

/// Standard base64 with padding (RFC 4648).
pub fn base64(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// Width of `text` at `size` pixels, estimated from Noto Sans's advances by letter class
/// (for label placement and wrapping; no shaping). Combining marks take no room.
pub fn text_width(text: &str, size: f64) -> f64 {
    text.chars()
        .map(|c| match c {
            '\u{300}'..='\u{36f}' => 0.0,
            'i' | 'l' | 'j' | '\'' | '.' | ',' | ':' | ';' | '!' | '|' | ' ' | '‘' | '’' => {
                0.27
            }
            'f' | 'r' | 't' | '-' | '(' | ')' => 0.37,
            'm' | 'w' | 'M' | 'W' => 0.88,
            c if c.is_uppercase() || c.is_ascii_digit() => 0.64,
            _ => 0.55,
        })
        .sum::<f64>()
        * size
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
    fn wraps_to_width() {
        let lines = wrap("one two three four five six", 10.0, 60.0);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| text_width(l, 10.0) <= 60.0));
        assert_eq!(lines.join(" "), "one two three four five six");
    }
}
