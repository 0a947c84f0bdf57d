//! The window's text font: the bundled Noto Sans subset (SIL OFL 1.1, see
//! `assets/fonts/`), which has every letter of every place name (Ḩamāh, Al Qardāḩah), put
//! first among egui's proportional fonts; egui's own fonts stay as fallbacks (emoji, icons).
//! It is also the last monospace font, for the letters Hack lacks: diagnostics and ids
//! show names typed or read from files in monospace.

use egui::epaint::text::{FontInsert, FontPriority, InsertFontFamily};
use egui::{FontData, FontFamily};

/// The name egui knows the font by.
pub const FONT_NAME: &str = "Frontline Noto Sans";

/// The font file's bytes: the print map's copy, so the binary holds the font once.
pub const FONT_TTF: &[u8] = crate::export::FONT_TTF;

/// The in-app file dialog's icons (🗀 🗋 ⬆ ⟲ 💾 and 📂), from egui's emoji fonts.
const ICON_FONTS: [(&str, &[u8]); 2] = [
    (
        "Frontline file icons",
        include_bytes!("../../assets/fonts/FrontlineFileIcons.ttf"),
    ),
    (
        "Frontline folder icon",
        include_bytes!("../../assets/fonts/FrontlineFolderIcon.ttf"),
    ),
];

/// Makes the bundled font egui's first proportional font and its last monospace one,
/// and the file dialog's icons the last proportional font (call once at startup).
pub fn install_fonts(ctx: &egui::Context) {
    ctx.add_font(FontInsert {
        name: FONT_NAME.to_owned(),
        data: FontData::from_static(FONT_TTF),
        families: vec![
            InsertFontFamily {
                family: FontFamily::Proportional,
                priority: FontPriority::Highest,
            },
            // Monkey finding (seed 53, step 5367): "Ḩamāh" typed into a claim showed
            // in the problems window's monospace text, which Hack cannot draw.
            InsertFontFamily {
                family: FontFamily::Monospace,
                priority: FontPriority::Lowest,
            },
        ],
    });
    for (name, bytes) in ICON_FONTS {
        ctx.add_font(FontInsert {
            name: name.to_owned(),
            data: FontData::from_static(bytes),
            families: vec![InsertFontFamily {
                family: FontFamily::Proportional,
                priority: FontPriority::Lowest,
            }],
        });
    }
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
        let last = fonts
            .families
            .get(&FontFamily::Proportional)
            .and_then(|names| names.last().cloned());
        assert_eq!(last.as_deref(), Some(ICON_FONTS[1].0));
    }

    #[test]
    fn monospace_text_draws_every_letter_of_the_place_names() {
        let ctx = egui::Context::default();
        install_fonts(&ctx);
        let mut output = ctx.run_ui(egui::RawInput::default(), |_| {});
        output.textures_delta.clear();
        let monospace = egui::FontId::monospace(12.0);
        for name in ["Ḩamāh", "Al Qardāḩah", "Dar‘ā", "Ţarţūs"] {
            assert!(
                ctx.fonts_mut(|fonts| fonts.has_glyphs(&monospace, name)),
                "{name} in monospace"
            );
        }
        let first = ctx.fonts(|f| {
            f.definitions()
                .families
                .get(&FontFamily::Monospace)
                .and_then(|names| names.first().cloned())
        });
        assert_eq!(
            first.as_deref(),
            Some("Hack"),
            "Hack stays first for monospace"
        );
    }
}
