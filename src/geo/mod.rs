//! The pure geometry layer of the map: no UI code lives here.
//!
//! - [`basemap`](crate::geo::basemap): the embedded Natural Earth layers (countries, Syria's governorates, the UNDOF
//!   zone, lakes) as lon/lat [`Area`](crate::geo::Area)s.
//! - [`projection`](crate::geo::projection): lon/lat ⇄ plot coordinates (equirectangular, aspect corrected at a
//!   reference latitude).
//! - [`mesh`](crate::geo::mesh): earcut triangulation of polygons into (tagged) triangle meshes for filling.
//! - [`territory`](crate::geo::territory): Voronoi cells around places clipped to an outline, dissolved per key.
//! - [`reach`](crate::geo::reach): those cells cut to a radius around each place (the territory the
//!   map draws; farther ground is unassessed).
//! - [`label_priority`](crate::geo::label_priority): which place names the window and the print map label first.
//!
//! All geometry is `f64`; lon/lat in WGS84 degrees unless a function says plot coordinates.

pub mod basemap;
mod cell;
pub mod label_priority;
pub mod mesh;
pub mod projection;
pub mod reach;
pub mod territory;

pub use basemap::{Area, Basemap, GeoError};
pub use mesh::{TaggedMesh, TriangleMesh};
pub use projection::Projection;
pub use reach::{MAX_REACH_KM, TERRITORY_METHOD, capped_cells, capped_convex_cells, reach_km};
pub use territory::{convex_cells, dissolve_by_key, voronoi_cells};
