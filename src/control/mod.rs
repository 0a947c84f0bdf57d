//! The engine: resolves attributed claims into who controls every place, region and
//! route at a moment, under a perspective, with what-if assumptions, and explains why.
//!
//! [`Engine::new`] indexes each place's claims by time once; [`Engine::resolve`] then
//! only looks at the last few claims before the moment for each place, so the timeline
//! can call it every frame.

mod engine;
mod explain;
mod index;
mod place;
mod region;
mod routes;
mod status;
mod view;

pub use engine::{Engine, Resolution};
pub use explain::PlaceDetails;
pub use place::PlaceState;
pub use region::RegionState;
pub use routes::{Link, RouteState};
pub use status::Status;
pub use view::{Perspective, View, ViewError};
