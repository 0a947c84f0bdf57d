//! Regions: governorates and other areas whose control is resolved from their places.

use serde::{Deserialize, Serialize};

/// A governorate, or a named grouping of governorates ("the south").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Region {
    /// Stable id, e.g. "daraa-gov" or "south".
    pub id: String,

    /// Display name.
    pub name: String,

    /// Governorate or grouping.
    pub kind: RegionKind,

    /// GeoNames admin1 code (e.g. "SY.06") joining a governorate to its polygon and places.
    #[serde(default, skip_serializing_if = "super::file_form::none")]
    pub admin1_code: Option<String>,

    /// For groupings: the ids of the governorates it is made of.
    #[serde(default, skip_serializing_if = "super::file_form::empty")]
    pub members: Vec<String>,
}

/// Whether a region is a governorate or a grouping of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RegionKind {
    Governorate,
    Grouping,
}
