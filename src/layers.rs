//! Which map layers are shown: shared by the window, exports and snapshots.
//!
//! On the command line a layer set is a comma-separated list of the layers to show
//! (`territory,routes,places,labels`); layers not listed are hidden.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::control::Status;
use crate::suggest::did_you_mean;

/// Which layers are shown. Field names match the window's persisted settings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Layers {
    /// Faction ids whose places and territory are hidden.
    pub hidden_factions: BTreeSet<String>,
    /// Status names ([`Status::as_str`]) whose places are hidden.
    pub hidden_statuses: BTreeSet<String>,
    /// Roads, coloured by who holds each segment.
    pub routes: bool,
    /// Marks where a road is severed.
    pub severed: bool,
    /// Territory estimated near each place ([`crate::geo::TERRITORY_METHOD`]).
    pub territory: bool,
    /// Governorate outlines.
    pub governorates: bool,
    /// Country borders.
    pub borders: bool,
    /// Place names.
    pub labels: bool,
}

impl Default for Layers {
    fn default() -> Self {
        Self {
            hidden_factions: BTreeSet::new(),
            hidden_statuses: BTreeSet::new(),
            routes: true,
            severed: true,
            territory: true,
            governorates: true,
            borders: true,
            labels: true,
        }
    }
}

/// The layer names of [`Layers::parse_list`], in the order [`Layers::to_list`] writes them.
/// `places` stands for the place markers (off = every status hidden).
pub const LAYER_NAMES: [&str; 7] = [
    "territory",
    "governorates",
    "borders",
    "routes",
    "severed",
    "places",
    "labels",
];

impl Layers {
    /// Parses a comma-separated list of the layers to show; unlisted layers are hidden.
    /// Unknown names are an error with a did-you-mean.
    pub fn parse_list(text: &str) -> Result<Self, String> {
        let mut shown = BTreeSet::new();
        for name in text.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            if !LAYER_NAMES.contains(&name) {
                return Err(format!(
                    "unknown layer {name:?}{}; layers are {}",
                    did_you_mean(name, LAYER_NAMES),
                    LAYER_NAMES.join(", ")
                ));
            }
            shown.insert(name);
        }
        let on = |name: &str| shown.contains(name);
        let hidden_statuses = if on("places") {
            BTreeSet::new()
        } else {
            Status::ALL.iter().map(|s| s.as_str().to_owned()).collect()
        };
        Ok(Self {
            hidden_factions: BTreeSet::new(),
            hidden_statuses,
            routes: on("routes"),
            severed: on("severed"),
            territory: on("territory"),
            governorates: on("governorates"),
            borders: on("borders"),
            labels: on("labels"),
        })
    }

    /// The shown layers as a comma-separated list that [`Layers::parse_list`] reads back
    /// (hidden factions and single statuses are not part of it).
    pub fn to_list(&self) -> String {
        LAYER_NAMES
            .iter()
            .copied()
            .filter(|name| self.shows(name))
            .collect::<Vec<_>>()
            .join(",")
    }

    /// True when the named layer of [`LAYER_NAMES`] is shown.
    pub fn shows(&self, name: &str) -> bool {
        match name {
            "territory" => self.territory,
            "governorates" => self.governorates,
            "borders" => self.borders,
            "routes" => self.routes,
            "severed" => self.severed,
            "places" => Status::ALL
                .iter()
                .any(|s| !self.hidden_statuses.contains(s.as_str())),
            "labels" => self.labels,
            _ => false,
        }
    }

    /// True when a place with this controller (faction id) and status is drawn.
    pub fn shows_place(&self, controller: Option<&str>, status: Status) -> bool {
        !self.hidden_statuses.contains(status.as_str())
            && controller.is_none_or(|f| !self.hidden_factions.contains(f))
    }

    /// True when the faction's territory is drawn.
    pub fn shows_faction(&self, faction: &str) -> bool {
        !self.hidden_factions.contains(faction)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_round_trip() {
        let all = Layers::default();
        assert_eq!(Layers::parse_list(&all.to_list()).unwrap(), all);
        let some = Layers::parse_list("routes, labels").unwrap();
        assert!(some.routes && some.labels && !some.territory && !some.borders);
        assert!(!some.shows("places"));
        assert_eq!(some.to_list(), "routes,labels");
        assert_eq!(Layers::parse_list(&some.to_list()).unwrap(), some);
    }

    #[test]
    fn unknown_layers_suggest_a_name() {
        let err = Layers::parse_list("territory,rutes").unwrap_err();
        assert!(err.contains("did you mean \"routes\""), "{err}");
    }

    #[test]
    fn hidden_factions_hide_places() {
        let mut layers = Layers::default();
        layers.hidden_factions.insert("army".into());
        assert!(!layers.shows_place(Some("army"), Status::Confirmed));
        assert!(layers.shows_place(None, Status::Unknown));
        layers.hidden_statuses.insert("unknown".into());
        assert!(!layers.shows_place(None, Status::Unknown));
    }
}
