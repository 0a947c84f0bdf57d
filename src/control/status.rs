//! How sure the map can be of a place's controller: the statuses a place resolves to.

use serde::{Deserialize, Serialize};

/// How sure the map can be of a place's controller.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Corroborated by a source independent of the controller, or acknowledged by the loser.
    Confirmed,
    /// Asserted only by the controller's own side.
    Claimed,
    /// Sources disagree, or fighting is reported at the moment.
    Contested,
    /// Only a claim about a whole region, or the baseline, covers the place.
    Inferred,
    /// The newest supporting evidence is older than the scenario's freshness window.
    Stale,
    /// No claim covers the place.
    #[default]
    Unknown,
    /// Set by a what-if assumption, not by any claim.
    Assumed,
}

impl Status {
    /// Every status, in legend order.
    pub const ALL: [Self; 7] = [
        Self::Confirmed,
        Self::Claimed,
        Self::Contested,
        Self::Inferred,
        Self::Stale,
        Self::Unknown,
        Self::Assumed,
    ];

    /// The word used in files and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Confirmed => "confirmed",
            Self::Claimed => "claimed",
            Self::Contested => "contested",
            Self::Inferred => "inferred",
            Self::Stale => "stale",
            Self::Unknown => "unknown",
            Self::Assumed => "assumed",
        }
    }

    /// The definition shown in legends.
    pub fn definition(self) -> &'static str {
        match self {
            Self::Confirmed => {
                "corroborated by an independent source, or acknowledged by the side that lost it"
            }
            Self::Claimed => "asserted only by the controlling side",
            Self::Contested => "sources disagree, or fighting is reported",
            Self::Inferred => "only a claim about the whole region, or the baseline, covers it",
            Self::Stale => "no supporting report within the freshness window",
            Self::Unknown => "no claim covers it",
            Self::Assumed => "what-if assumption, not a claim",
        }
    }
}
