//! The map's scale bar, in its lower left corner: a round number of kilometres about a
//! fifth of the map's width, true at the projection's reference latitude (35° N) as on
//! the print map. Named for screen readers ("Scale bar: 50 km").

use egui::{FontId, Rect, Sense, Shape, Stroke, pos2, vec2};

use crate::geo::projection::round_scale_km;

/// The bar aims at this share of the map's width (the print map's share).
const SHARE_OF_WIDTH: f64 = 0.18;

/// The bar's label: "50 km", or "0.5 km" when zoomed far in.
pub fn scale_words(km: f64) -> String {
    format!("{km} km")
}

/// Draws the scale bar in the lower left corner of `map`, where one screen point is
/// `km_per_point` kilometres. Nothing when the map is too small to hold it.
pub fn scale_bar_ui(ui: &mut egui::Ui, map: Rect, km_per_point: f64) {
    if !(km_per_point.is_finite() && km_per_point > 0.0)
        || map.width() < 160.0
        || map.height() < 80.0
    {
        return;
    }
    let km = round_scale_km(f64::from(map.width()) * SHARE_OF_WIDTH * km_per_point);
    let length = (km / km_per_point) as f32;
    let words = scale_words(km);
    let color = ui.visuals().text_color();
    let painter = ui.painter_at(map);
    let galley = painter.layout_no_wrap(words.clone(), FontId::proportional(12.0), color);
    let origin = map.left_bottom() + vec2(14.0, -12.0);
    let text_top = origin.y - 8.0 - galley.size().y;
    let back = Rect::from_min_max(
        pos2(origin.x - 6.0, text_top - 4.0),
        pos2(origin.x + length.max(galley.size().x) + 6.0, origin.y + 5.0),
    );
    let fill = ui.visuals().extreme_bg_color.gamma_multiply(0.8);
    painter.rect_filled(back, 3.0, fill);
    let stroke = Stroke::new(1.5, color);
    painter.add(Shape::line(
        vec![
            origin - vec2(0.0, 6.0),
            origin,
            origin + vec2(length, 0.0),
            origin + vec2(length, -6.0),
        ],
        stroke,
    ));
    painter.galley(pos2(origin.x, text_top), galley, color);
    let response = ui.interact(back, ui.scope_id().with("scale bar"), Sense::hover());
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Label, true, format!("Scale bar: {words}"))
    });
    response.on_hover_text("True at 35° N; the map stretches east and west away from it.");
}
