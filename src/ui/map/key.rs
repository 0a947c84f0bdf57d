//! The map's key, over its top left corner: the marker styles by status, the road
//! styles and the territory caveat, in the print legend's words
//! ([`crate::export::status_legend`]) and drawn by the map's own drawing functions, so
//! the key cannot show a style the map does not use. Collapsed by default; it floats
//! over the map and never takes width from it.

use egui::{Color32, Rect, Shape, vec2};

use super::draw::{push_segment, severed_underlay};
use super::draw_marks::draw_marker;
use super::marks::{Marker, MarkerStyle, RouteSegment};
use crate::control::Status;
use crate::export::{ROAD_FRONT, ROAD_HELD, ROAD_SEVERED, status_legend};
use crate::ui::theme;

/// The sample colour of the key's markers and roads: a blue no status style uses, so
/// "inferred" (faint) differs from "unknown" (grey), as in the print legend.
const SAMPLE: Color32 = Color32::from_rgb(0x3b, 0x6e, 0xa8);
/// The rival's colour in the contested sample.
const RIVAL: Color32 = Color32::from_rgb(0xe8, 0xe8, 0xe8);
/// The key's width, points.
const WIDTH: f32 = 250.0;

/// Draws the key in the top left corner of `map` (below the panel button).
pub fn key_ui(ui: &mut egui::Ui, map: Rect, freshness_hours: u32) {
    let top_left = map.left_top() + vec2(4.0, 42.0);
    let room = vec2(WIDTH.min(map.width() - 48.0), map.height() - 54.0);
    if room.x < 120.0 || room.y < 40.0 {
        return;
    }
    let rect = Rect::from_min_size(top_left, room);
    ui.scope_builder(egui::UiBuilder::new().max_rect(rect), |ui| {
        egui::Frame::popup(ui.style()).show(ui, |ui| {
            ui.set_max_width(room.x - 16.0);
            egui::CollapsingHeader::new("Key")
                .id_salt("map key")
                .default_open(false)
                .show(ui, |ui| {
                    egui::ScrollArea::vertical()
                        .max_height(room.y - 60.0)
                        .show(ui, |ui| rows_ui(ui, freshness_hours));
                });
        });
    });
}

/// The key's rows: statuses, roads, territory.
fn rows_ui(ui: &mut egui::Ui, freshness_hours: u32) {
    ui.strong("How sure (markers)");
    for status in Status::ALL {
        row_ui(
            ui,
            &status_legend(status, freshness_hours),
            |shapes, rect| {
                let marker = Marker {
                    place: 0,
                    pos: [0.0, 0.0],
                    radius: 6.5,
                    color: SAMPLE,
                    style: MarkerStyle::of(status, RIVAL),
                    population: 0,
                };
                draw_marker(shapes, rect.center(), &marker);
            },
        );
    }
    ui.strong("Roads");
    let road = |front: bool, severing: bool| RouteSegment {
        route: 0,
        ends: [[0.0; 2]; 2],
        color: if front { theme::route_front() } else { SAMPLE },
        front,
        severing,
    };
    let samples = [
        (ROAD_HELD, road(false, false)),
        (ROAD_FRONT, road(true, false)),
        (ROAD_SEVERED, road(false, true)),
    ];
    for (words, segment) in samples {
        row_ui(ui, words, |shapes, rect| {
            let points = [rect.left_center(), rect.right_center()];
            if segment.severing {
                shapes.push(severed_underlay(points));
            }
            push_segment(shapes, points, &segment);
        });
    }
    ui.strong("Territory");
    ui.add(egui::Label::new(egui::RichText::new(crate::geo::TERRITORY_METHOD).small()).wrap());
}

/// One row: a sample drawn by `sample` in a small box, then the words, wrapped.
fn row_ui(ui: &mut egui::Ui, words: &str, sample: impl FnOnce(&mut Vec<Shape>, Rect)) {
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(vec2(24.0, 18.0), egui::Sense::hover());
        let backdrop = Rect::from_center_size(rect.center(), vec2(24.0, 18.0));
        let mut shapes = vec![Shape::rect_filled(backdrop, 2.0, theme::map_syria_land())];
        sample(&mut shapes, rect.shrink2(vec2(2.0, 0.0)));
        ui.painter().extend(shapes);
        ui.add(egui::Label::new(words).wrap());
    });
}
