//! Every colour the UI uses comes from here.

use egui::Color32;

use crate::control::Status;
use crate::model::Scenario;

/// A faction's colour from the scenario, or grey when it does not parse.
pub fn faction_color(scenario: &Scenario, faction: Option<u16>) -> Color32 {
    faction
        .and_then(|f| scenario.factions.get(f as usize))
        .and_then(|f| f.rgb())
        .map_or(unknown_color(), |[r, g, b]| Color32::from_rgb(r, g, b))
}

/// Places no claim covers.
pub fn unknown_color() -> Color32 {
    Color32::from_gray(140)
}

/// How strongly a status is drawn (1 = solid).
pub fn status_alpha(status: Status) -> f32 {
    match status {
        Status::Confirmed | Status::Assumed | Status::Contested => 1.0,
        Status::Claimed => 0.9,
        Status::Inferred | Status::Stale => 0.45,
        Status::Unknown => 0.6,
    }
}

/// How opaque a stale place's fill is (faint, like inferred).
pub const STALE_FILL_ALPHA: f32 = 0.45;

/// The dashed outline of a stale place: no report within the freshness window.
pub fn stale_outline() -> Color32 {
    Color32::from_gray(110)
}

/// The sea behind the map.
pub fn map_sea() -> Color32 {
    Color32::from_rgb(170, 198, 222)
}

/// Land outside Syria.
pub fn map_land() -> Color32 {
    Color32::from_rgb(226, 222, 212)
}

/// Syria's land, under the territory.
pub fn map_syria_land() -> Color32 {
    Color32::from_rgb(244, 241, 232)
}

/// Lakes.
pub fn map_lake() -> Color32 {
    Color32::from_rgb(160, 192, 220)
}

/// Country borders.
pub fn map_border() -> Color32 {
    Color32::from_gray(90)
}

/// Governorate boundaries.
pub fn map_governorate() -> Color32 {
    Color32::from_gray(150)
}

/// The UNDOF zone's hatching, outline and label.
pub fn map_undof() -> Color32 {
    Color32::from_rgb(40, 100, 190)
}

/// Route segments on a front line (ends held by different sides or unknown).
pub fn route_front() -> Color32 {
    Color32::from_gray(120)
}

/// The outline of route segments that cut a faction's road.
pub fn route_severed() -> Color32 {
    Color32::from_rgb(220, 30, 30)
}

/// Marker outlines and place labels.
pub fn map_ink() -> Color32 {
    Color32::from_gray(30)
}

/// The halo around the selected place.
pub fn map_selected() -> Color32 {
    Color32::from_rgb(255, 200, 0)
}

/// How opaque territory is at full status alpha.
pub const TERRITORY_ALPHA: f32 = 0.38;

/// The ring around places that changed hands since the date compared with.
pub fn map_changed() -> Color32 {
    Color32::from_rgb(255, 200, 0)
}
