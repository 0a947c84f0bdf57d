//! The pure geometry layer of the map: no UI code lives here.
//!
//! - [`basemap`](crate::geo::basemap): the embedded Natural Earth layers (countries, Syria's governorates, the UNDOF
//!   zone, lakes) as lon/lat [`Area`](crate::geo::Area)s.
//! - [`projection`](crate::geo::projection): lon/lat ⇄ plot coordinates (equirectangular, aspect corrected at a
//!   reference latitude).
//! - [`mesh`](crate::geo::mesh): earcut triangulation of polygons into (tagged) triangle meshes for filling.
//! - [`territory`](crate::geo::territory): Voronoi cells around places clipped to an outline, dissolved per key.
//!
//! All geometry is `f64`; lon/lat in WGS84 degrees unless a function says plot coordinates.

pub mod basemap;
mod cell;
pub mod mesh;
pub mod projection;
pub mod territory;

pub use basemap::{Area, Basemap, GeoError};
pub use mesh::{TaggedMesh, TriangleMesh};
pub use projection::Projection;
pub use territory::{convex_cells, dissolve_by_key, voronoi_cells};
