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
        Status::Inferred => 0.45,
        Status::Unknown => 0.6,
    }
}
