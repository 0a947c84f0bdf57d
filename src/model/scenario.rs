//! The scenario: everything one file (and its includes) holds, and its clock settings
//! (time zone and freshness window).

use serde::{Deserialize, Serialize};

use super::{Claim, Document, Faction, Place, Region, Route, Source};

/// The scenario file format version this build writes. Version 1 files still load:
/// they are converted when read (see [`Scenario::upgrade_from_v1`]).
pub const FORMAT_VERSION: u32 = 2;

/// How long evidence stays current when a scenario does not say (hours).
pub const DEFAULT_FRESHNESS_HOURS: u32 = 72;

fn default_freshness_hours() -> u32 {
    DEFAULT_FRESHNESS_HOURS
}

/// Everything a scenario file holds. Collections other than claims are sorted by id
/// once loaded; claims keep the order of the file (usually the document's order).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Must equal [`FORMAT_VERSION`].
    pub format_version: u32,

    /// Stable id of the scenario.
    pub id: String,

    /// Title for windows and exports.
    pub title: String,

    /// What the scenario covers and where its data comes from.
    #[serde(default, skip_serializing_if = "super::file_form::blank")]
    pub description: String,

    /// The local UTC offset that dates in claims are read in, e.g. "+03:00".
    pub utc_offset: String,

    /// How long evidence stays current, in hours: a place whose newest supporting
    /// claim is older is stale, and no moment later than the last claim plus this
    /// can be resolved.
    #[serde(
        default = "default_freshness_hours",
        skip_serializing_if = "super::file_form::default_freshness"
    )]
    pub freshness_hours: u32,

    /// Files holding more of the scenario (sources, documents, places, claims), relative
    /// to this one; a path ending in `/` includes every `.ron` file in that folder, in
    /// name order. See `io::ScenarioPart`.
    #[serde(default, skip_serializing_if = "super::file_form::empty")]
    pub includes: Vec<String>,

    /// GeoJSON file with governorate polygons, relative to the scenario (joined by admin1 code).
    #[serde(default, skip_serializing_if = "super::file_form::none")]
    pub region_geometry: Option<String>,

    /// The sides.
    pub factions: Vec<Faction>,

    /// Who makes claims.
    pub sources: Vec<Source>,

    /// The documents claims quote.
    pub documents: Vec<Document>,

    /// Governorates and groupings.
    pub regions: Vec<Region>,

    /// Places.
    pub places: Vec<Place>,

    /// Roads.
    #[serde(default, skip_serializing_if = "super::file_form::empty")]
    pub routes: Vec<Route>,

    /// Pairs of places whose road link the route analysis reports on.
    #[serde(default, skip_serializing_if = "super::file_form::empty")]
    pub key_connections: Vec<KeyConnection>,

    /// The claims.
    pub claims: Vec<Claim>,
}

/// A pair of places whose road link matters ("Damascus to the coast").
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyConnection {
    /// Place id.
    pub from: String,
    /// Place id.
    pub to: String,
    /// Why it matters, in plain words.
    #[serde(default, skip_serializing_if = "super::file_form::blank")]
    pub why: String,
}

macro_rules! index_of {
    ($name:ident, $field:ident) => {
        /// Index of the item with this id (collections are sorted by id once loaded).
        pub fn $name(&self, id: &str) -> Option<usize> {
            self.$field
                .binary_search_by(|item| item.id.as_str().cmp(id))
                .ok()
        }
    };
}

impl Scenario {
    index_of!(faction_index, factions);
    index_of!(source_index, sources);
    index_of!(document_index, documents);
    index_of!(region_index, regions);
    index_of!(place_index, places);
    index_of!(route_index, routes);

    /// Sorts every collection but the claims by id, so lookups can bisect
    /// and output is stable.
    pub fn sort_by_id(&mut self) {
        self.factions.sort_by(|a, b| a.id.cmp(&b.id));
        self.sources.sort_by(|a, b| a.id.cmp(&b.id));
        self.documents.sort_by(|a, b| a.id.cmp(&b.id));
        self.regions.sort_by(|a, b| a.id.cmp(&b.id));
        self.places.sort_by(|a, b| a.id.cmp(&b.id));
        self.routes.sort_by(|a, b| a.id.cmp(&b.id));
    }

    /// The display name of a claim's subject (place or region), or its id.
    pub fn subject_name<'a>(&'a self, subject: &'a super::Subject) -> &'a str {
        let id = subject.id();
        let name = match subject {
            super::Subject::Place(_) => self.place_index(id).map(|p| &self.places[p].name),
            super::Subject::Region(_) => self.region_index(id).map(|r| &self.regions[r].name),
            super::Subject::Route(_) => self.route_index(id).map(|r| &self.routes[r].name),
            super::Subject::Faction(_) => self.faction_index(id).map(|f| &self.factions[f].name),
            super::Subject::Person(name) => Some(name),
        };
        name.map_or(id, String::as_str)
    }

    /// The short label of the faction with this id, or "" for none.
    pub fn faction_short(&self, id: Option<&str>) -> &str {
        id.and_then(|id| self.faction_index(id))
            .map_or("", |f| self.factions[f].short.as_str())
    }

    /// The source with this id, by a scan (works before sorting).
    pub fn source_by_id(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|source| source.id == id)
    }

    /// How long evidence stays current, in seconds.
    pub fn freshness_secs(&self) -> i64 {
        i64::from(self.freshness_hours) * 3600
    }

    /// Converts a format 1 scenario in place (each claim's `source` becomes its only
    /// originator) and marks it format 2. Returns the ids of claims whose `source`
    /// cannot be converted: in a format 2 file, or beside `originators`.
    pub fn upgrade_from_v1(&mut self) -> Vec<String> {
        let v1 = self.format_version == 1;
        let mut wrong = Vec::new();
        for claim in &mut self.claims {
            if claim.v1_source.is_some() && !(v1 && claim.upgrade_v1_source()) {
                wrong.push(claim.id.clone());
            }
        }
        if v1 {
            self.format_version = FORMAT_VERSION;
        }
        wrong
    }

    /// The scenario's UTC offset, or UTC when it does not parse (validation reports that).
    pub fn offset(&self) -> jiff::tz::Offset {
        parse_offset(&self.utc_offset).unwrap_or(jiff::tz::Offset::UTC)
    }
}

/// Parses "+03:00" / "-05:30" / "Z".
pub fn parse_offset(text: &str) -> Option<jiff::tz::Offset> {
    if text == "Z" {
        return Some(jiff::tz::Offset::UTC);
    }
    let (sign, rest) = match text.as_bytes().first()? {
        b'+' => (1, &text[1..]),
        b'-' => (-1, &text[1..]),
        _ => return None,
    };
    let (hours, minutes) = rest.split_once(':')?;
    let hours: i32 = hours.parse().ok()?;
    let minutes: i32 = minutes.parse().ok()?;
    if hours > 14 || minutes > 59 || rest.len() != 5 {
        return None;
    }
    jiff::tz::Offset::from_seconds(sign * (hours * 3600 + minutes * 60)).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_parse() {
        assert_eq!(parse_offset("+03:00").unwrap().seconds(), 3 * 3600);
        assert_eq!(
            parse_offset("-05:30").unwrap().seconds(),
            -(5 * 3600 + 1800)
        );
        assert!(parse_offset("3").is_none());
        assert!(parse_offset("+3:00").is_none());
    }
}
