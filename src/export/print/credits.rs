//! The data credits every print map carries, in its footer and its PNG metadata.

/// Data credits printed on every map.
pub const CREDITS: &str = "Places: GeoNames (geonames.org), CC BY 4.0 · Borders, governorates, \
     lakes: Natural Earth, public domain · Highways: schematic, town to town · Made with Frontline";
