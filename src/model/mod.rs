//! The scenario's domain model: factions, places, regions, routes, sources,
//! documents and dated, attributed claims.
//!
//! These types are both the file format (serde + RON) and what the engine reads.
//! Nothing here knows about the window.

mod claim;
mod document;
mod faction;
pub mod file_form;
mod moment;
mod place;
mod record;
mod region;
mod route;
mod scenario;
mod source;
mod time;

pub use claim::{Assertion, Claim, ControlEffect, Extent, Scope, Subject};
pub use document::Document;
pub use faction::{Faction, FactionKind, rgb_from_hex};
pub use moment::{ACCEPTED_FORMS, Moment, utc_offset_words};
pub use place::{Place, PlaceKind, fold};
pub use record::Record;
pub use region::{Region, RegionKind};
pub use route::{Route, RouteKind};
pub use scenario::{
    DEFAULT_FRESHNESS_HOURS, FORMAT_VERSION, KeyConnection, Scenario, parse_offset,
};
pub use source::{Credibility, Reliability, Source, SourceKind};
pub use time::{Precision, TimeRef, TimeSpan};
