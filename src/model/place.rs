//! Places: cities, towns and facilities on the map, and the name folding they are
//! matched by.

use serde::{Deserialize, Serialize};

/// A point on the map whose control the scenario tracks.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    /// Stable id, e.g. "homs".
    pub id: String,

    /// Display name, e.g. "Homs".
    pub name: String,

    /// Other spellings, including the article's (Deraa, Dar'a, ...). Search uses them.
    #[serde(default, skip_serializing_if = "super::file_form::empty")]
    pub aliases: Vec<String>,

    /// WGS84 longitude in degrees.
    pub lon: f64,

    /// WGS84 latitude in degrees.
    pub lat: f64,

    /// Population (GeoNames; old pre-war figures, often 0 for small seats).
    #[serde(default, skip_serializing_if = "super::file_form::zero")]
    pub population: u64,

    /// What the place is.
    pub kind: PlaceKind,

    /// Id of the governorate region the place belongs to.
    pub governorate: String,

    /// GeoNames id where known.
    #[serde(default, skip_serializing_if = "super::file_form::none")]
    pub geonames_id: Option<u64>,

    /// For a facility (an airport, a prison, a base): the place it belongs to. Taking
    /// the facility does not take its parent.
    #[serde(default, skip_serializing_if = "super::file_form::none")]
    pub parent: Option<String>,
}

impl Place {
    /// True when `query` matches the name or an alias, ignoring case and accents' absence.
    pub fn matches_name(&self, query: &str) -> bool {
        let query = fold(query);
        !query.is_empty()
            && std::iter::once(&self.name)
                .chain(&self.aliases)
                .any(|name| fold(name).contains(&query))
    }
}

/// The letters and digits of `text` in lower-case ASCII: transliterated
/// ([`deunicode`]: diacritics dropped, ʿayn and hamza marks and other scripts spelled
/// in Latin letters), with apostrophes, hyphens, spaces and other marks removed, so
/// that spellings that transliterations disagree on compare equal.
pub fn fold(text: &str) -> String {
    deunicode::deunicode(text)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// What kind of place it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceKind {
    Capital,
    GovernorateSeat,
    City,
    Town,
    Village,
    BorderCrossing,
    Base,
    Prison,
    Airport,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_matches_transliterations() {
        assert_eq!(fold("Dar‘ā"), "dara");
        assert_eq!(fold("Deir ez-Zor"), "deirezzor");
        assert_eq!(fold("Ḩamāh"), "hamah");
        assert_eq!(fold("ḨAMĀH"), "hamah");
        assert_eq!(fold("ʿAyn al-ʿArab"), "aynalarab");
        assert_eq!(fold("Dar'a"), fold("Dar‘ā"));
        assert_eq!(fold("Al-Ḩasakah"), "alhasakah");
        assert_eq!(fold("Ḑumayr"), "dumayr");
        assert_eq!(fold("Şūrān"), "suran");
        assert_eq!(fold("Ẕarʿā 2"), "zara2");
    }
}
