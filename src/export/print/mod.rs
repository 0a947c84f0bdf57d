//! The print map: an SVG document (basemap, territory, governorates, routes, places,
//! labels, title, legend, scale bar, credits) and a PNG painted without a GPU.
//!
//! Modules depend one way: `map` lays out the page with `layout` (which flows the
//! `legend_rows` and measures every line with `text` and `font`), places names with
//! `labels`, draws `marks` and `furniture`, with `heading` for what the map says about
//! itself; `raster` paints the geometry with `paint` (which draws markers with `sprite`)
//! and the text with the SVG overlay; `brush`, `credits`, `frame`, `font`, `subset`,
//! `svg` and `marker` are leaves.

mod brush;
mod credits;
mod font;
mod frame;
mod furniture;
mod heading;
mod labels;
mod layout;
mod legend;
mod legend_rows;
mod map;
mod marker;
mod marks;
mod paint;
mod raster;
mod sprite;
mod subset;
mod svg;
mod text;

pub use font::FONT_TTF;
pub use frame::{Frame, default_bbox};
pub use map::{MapOptions, map_svg, map_svg_outlined, map_text_lines};
pub use raster::{encode_png, map_png, png_from_svg};
pub use subset::subset_font;
pub use text::{TextLine, boxes_overlap};
