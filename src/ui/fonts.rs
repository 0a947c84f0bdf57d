//! The window's text font: the bundled Noto Sans subset (SIL OFL 1.1, see
//! `assets/fonts/`), which has every letter of every place name (Ḩamāh, Al Qardāḩah), put
//! first among egui's proportional fonts; egui's own fonts stay as fallbacks (emoji, icons).

use egui::epaint::text::{FontInsert, FontPriority, InsertFontFamily};
use egui::{FontData, FontFamily};

/// The name egui knows the font by.
pub const FONT_NAME: &str = "Frontline Noto Sans";

/// The font file's bytes: the same file the print map embeds.
pub const FONT_TTF: &[u8] = include_bytes!("../../assets/fonts/FrontlineNotoSans-Regular.ttf");

/// Makes the bundled font egui's first proportional font (call once at startup).
pub fn install_fonts(ctx: &egui::Context) {
    ctx.add_font(FontInsert {
        name: FONT_NAME.to_owned(),
        data: FontData::from_static(FONT_TTF),
        families: vec![InsertFontFamily {
            family: FontFamily::Proportional,
            priority: FontPriority::Highest,
        }],
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_font_comes_first_for_proportional_text() {
        let ctx = egui::Context::default();
        install_fonts(&ctx);
        let mut output = ctx.run_ui(egui::RawInput::default(), |_| {});
        output.textures_delta.clear();
        let fonts = ctx.fonts(|f| f.definitions().clone());
        let first = fonts
            .families
            .get(&FontFamily::Proportional)
            .and_then(|names| names.first().cloned());
        assert_eq!(first.as_deref(), Some(FONT_NAME));
        assert!(fonts.font_data.contains_key(FONT_NAME));
    }
}
