//! The print map: an SVG document (basemap, territory, governorates, routes, places,
//! labels, title, legend, scale bar, credits) and a PNG painted without a GPU.
//!
//! Modules depend one way: `map` lays out the page from `layout`, `legend`, `labels` and
//! `marks`, with `heading` for what the map says about itself; `raster` paints the geometry with `paint` (which draws markers with
//! `sprite`) and the text with the SVG overlay; `brush`, `frame`, `font`, `svg` and
//! `marker` are leaves.

mod brush;
mod font;
mod frame;
mod heading;
mod labels;
mod layout;
mod legend;
mod map;
mod marker;
mod marks;
mod paint;
mod raster;
mod sprite;
mod svg;

pub use frame::{Frame, default_bbox};
pub use map::{MapOptions, map_svg};
pub use raster::{encode_png, map_png, png_from_svg};
