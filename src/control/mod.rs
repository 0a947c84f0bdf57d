//! The engine: resolves attributed claims into who controls every place, region and
//! route at a moment, under a perspective, with what-if assumptions, and explains why.
//!
//! [`Engine::new`] indexes each place's claims by time once, and interns each claim's
//! voice (originators and relays): a view counts claims per voice. The first resolution
//! under a view walks every place's claims while a background thread resolves every
//! place at every moment its state can change (a timeline per place); from then on
//! [`Engine::resolve`] is a binary search per place, so the timeline slider can call it
//! every frame even with a million claims. The evidence rules (corroboration,
//! freshness, region scope) are in `docs/control-rules.md`.

mod cache;
mod changes;
mod engine;
mod evidence;
mod explain;
mod follow;
mod incremental;
mod index;
mod intervals;
mod lookup;
mod membership;
mod moment_range;
mod place;
mod prose;
#[cfg(test)]
mod prose_tests;
mod region;
mod roads;
mod routes;
mod scope;
mod splice;
mod status;
mod timeline;
mod view;
mod voice;
mod words;

pub use changes::{HolderChange, StepChanges};
pub use engine::{Engine, Resolution};
pub use explain::PlaceDetails;
pub use intervals::ControlInterval;
pub use moment_range::{MomentOutOfRange, MomentRange};
pub use place::PlaceState;
pub use region::RegionState;
pub use roads::Roads;
pub use routes::{Link, RouteState};
pub use status::Status;
pub use view::{Perspective, View, ViewError};
