/// Pure geometry: the embedded basemap, the map projection, triangle meshes and territory cells.
pub mod geo;
