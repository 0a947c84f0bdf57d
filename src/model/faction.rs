//! Factions: the sides that hold places, with their colours and kinds.

use serde::{Deserialize, Serialize};

/// A side in the fight, or an outside power that acts in it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Faction {
    /// Stable id, referenced by claims and sources.
    pub id: String,

    /// Full name, e.g. "Syrian government (Assad)".
    pub name: String,

    /// Short label for legends, e.g. "Govt".
    pub short: String,

    /// Display colour as `#rrggbb`.
    pub color: String,

    /// What kind of actor this is.
    pub kind: FactionKind,

    /// Factions whose territory this one may pass through (routes, connectivity).
    #[serde(default, skip_serializing_if = "super::file_form::empty")]
    pub allies: Vec<String>,
}

impl Faction {
    /// The colour as RGB bytes, or `None` when it is not `#rrggbb`.
    pub fn rgb(&self) -> Option<[u8; 3]> {
        rgb_from_hex(&self.color)
    }
}

/// Parses `#rrggbb`.
pub fn rgb_from_hex(hex: &str) -> Option<[u8; 3]> {
    let digits = hex.strip_prefix('#')?;
    if digits.len() != 6 || !digits.is_ascii() {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(&digits[i..i + 2], 16).ok();
    Some([byte(0)?, byte(2)?, byte(4)?])
}

/// The kind of actor a faction is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FactionKind {
    Government,
    RebelCoalition,
    KurdishLedAutonomous,
    ForeignState,
    Militia,
    Other,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_hex_colours() {
        assert_eq!(rgb_from_hex("#ff8000"), Some([255, 128, 0]));
        assert_eq!(rgb_from_hex("ff8000"), None);
        assert_eq!(rgb_from_hex("#ff80"), None);
        assert_eq!(rgb_from_hex("#gg8000"), None);
    }
}
