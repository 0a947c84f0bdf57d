//! Routes: roads between places, whose state follows the places on them.

use serde::{Deserialize, Serialize};

/// A road as an ordered chain of places.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Route {
    /// Stable id, e.g. "m5".
    pub id: String,

    /// Road reference, e.g. "M5".
    pub reference: String,

    /// Display name, e.g. "M5 Aleppo–Damascus–Jordan".
    pub name: String,

    /// Place ids in order along the road.
    pub waypoints: Vec<String>,

    /// What kind of road it is.
    pub kind: RouteKind,

    /// Where the geometry comes from and how far to trust it.
    pub provenance: String,
}

/// The kind of road.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RouteKind {
    Motorway,
    Highway,
    Road,
}
