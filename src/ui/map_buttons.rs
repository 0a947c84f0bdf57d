//! Buttons drawn over the map: zoom, and hiding or showing the side panels.

use super::command::Command;
use super::state::State;

/// Small buttons on the map's left and right edges hiding or showing the side panels.
pub(super) fn panel_buttons_ui(
    ui: &mut egui::Ui,
    map: egui::Rect,
    state: &State,
    out: &mut Vec<Command>,
) {
    let size = egui::vec2(20.0, 28.0);
    let left = egui::Rect::from_min_size(map.left_top() + egui::vec2(4.0, 8.0), size);
    let (text, hint) = if state.show_controls {
        ("«", "Hide the left panel")
    } else {
        ("»", "Show the left panel")
    };
    if icon_button(ui.put(left, egui::Button::new(text)), hint).clicked() {
        out.push(Command::ShowControls(!state.show_controls));
    }
    let right = egui::Rect::from_min_size(
        map.right_bottom() + egui::vec2(-4.0 - size.x, -8.0 - size.y),
        size,
    );
    let (text, hint) = if state.show_sidebar {
        ("»", "Hide the right panel")
    } else {
        ("«", "Show the right panel")
    };
    if icon_button(ui.put(right, egui::Button::new(text)), hint).clicked() {
        out.push(Command::ShowSidebar(!state.show_sidebar));
    }
}

/// A button showing a sign: `hint` is its tooltip and its name for screen readers.
fn icon_button(response: egui::Response, hint: &str) -> egui::Response {
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, hint));
    response.on_hover_text(hint)
}

/// The zoom buttons in the map's top right corner.
pub(super) fn zoom_buttons_ui(ui: &mut egui::Ui, map: egui::Rect, out: &mut Vec<Command>) {
    let size = egui::vec2(28.0, 28.0);
    let top_right = map.right_top() + egui::vec2(-8.0 - size.x, 8.0);
    let rect = egui::Rect::from_min_size(top_right, egui::vec2(size.x, 2.0 * size.y + 4.0));
    ui.scope_builder(egui::UiBuilder::new().max_rect(rect), |ui| {
        ui.spacing_mut().item_spacing.y = 4.0;
        let zoom = super::apply::BUTTON_ZOOM;
        for (text, hint, factor) in [("+", "Zoom in", zoom), ("−", "Zoom out", 1.0 / zoom)] {
            let button = egui::Button::new(egui::RichText::new(text).size(18.0)).min_size(size);
            if icon_button(ui.add(button), hint).clicked() {
                out.push(Command::Zoom(factor));
            }
        }
    });
}
