//! The About window: what the app is and where its data comes from.

/// Draws the About window while `open`.
pub fn window(ctx: &egui::Context, open: &mut bool) {
    egui::Window::new("About Frontline")
        .id(super::window_id("about"))
        .open(open)
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            ui.label(concat!("Frontline ", env!("CARGO_PKG_VERSION")));
            ui.label(
                "Attributed claims about a war, resolved into who holds every place, \
                 region and route at any moment, under any perspective, with the reasons.",
            );
            ui.separator();
            ui.label("Data credits:");
            ui.horizontal_wrapped(|ui| {
                ui.label("Place names and coordinates: GeoNames, CC BY 4.0 —");
                ui.hyperlink_to("geonames.org", "https://www.geonames.org/");
            });
            ui.horizontal_wrapped(|ui| {
                ui.label("Borders, governorates and lakes: Natural Earth, public domain —");
                ui.hyperlink_to("naturalearthdata.com", "https://www.naturalearthdata.com/");
            });
            ui.label(
                "Highways: hand-written from general knowledge; approximate, \
                 not surveyed.",
            );
        });
}
