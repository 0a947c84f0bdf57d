//! The export formats, each with the name `--format` takes, its file extension and a
//! description; the command line (`clap::ValueEnum`) and the window's format picker
//! both list them from here, so a new format is added in one place.

use clap::ValueEnum;
use clap::builder::PossibleValue;

/// What an export writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ExportFormat {
    /// The map as a PNG picture.
    Png,
    /// The map as SVG, with the font embedded.
    Svg,
    /// Places, road segments, territory and governorates as GeoJSON.
    Geojson,
    /// The same layers as a GeoPackage, plus the places' control intervals.
    Gpkg,
    /// A snapshot that `frontline open` reopens.
    Ron,
    /// The Markdown brief.
    Md,
    /// The counted claims as ACLED event rows (CSV).
    Acled,
    /// Each place's control intervals as CSV.
    Timeline,
}

impl ExportFormat {
    /// Every format, in the order menus and `--help` list them.
    pub const ALL: [Self; 8] = [
        Self::Png,
        Self::Svg,
        Self::Geojson,
        Self::Gpkg,
        Self::Ron,
        Self::Md,
        Self::Acled,
        Self::Timeline,
    ];

    /// The name `--format` takes.
    pub fn name(self) -> &'static str {
        match self {
            Self::Png => "png",
            Self::Svg => "svg",
            Self::Geojson => "geojson",
            Self::Gpkg => "gpkg",
            Self::Ron => "ron",
            Self::Md => "md",
            Self::Acled => "acled",
            Self::Timeline => "timeline",
        }
    }

    /// Other names `--format` accepts (`csv` was the ACLED export's first name).
    pub fn aliases(self) -> &'static [&'static str] {
        match self {
            Self::Acled => &["csv"],
            _ => &[],
        }
    }

    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Png => "png",
            Self::Svg => "svg",
            Self::Geojson => "geojson",
            Self::Gpkg => "gpkg",
            Self::Ron => "ron",
            Self::Md => "md",
            Self::Acled | Self::Timeline => "csv",
        }
    }

    /// One line for `--help` and the window's format picker.
    pub fn description(self) -> &'static str {
        match self {
            Self::Png => "PNG map picture",
            Self::Svg => "SVG map (font embedded)",
            Self::Geojson => "GeoJSON (places, roads, territory, governorates)",
            Self::Gpkg => "GeoPackage for QGIS (one layer per kind, control intervals)",
            Self::Ron => "RON snapshot of this view, for `frontline open`",
            Self::Md => "Markdown brief with citations",
            Self::Acled => "ACLED-style event CSV of the counted claims",
            Self::Timeline => "Timeline CSV: who held each place from when to when",
        }
    }

    /// True for the map pictures (PNG, SVG), which take a picture size.
    pub fn is_picture(self) -> bool {
        matches!(self, Self::Png | Self::Svg)
    }

    /// True for formats a timelapse (`--every`) writes one dated file per step of.
    pub fn has_frames(self) -> bool {
        matches!(self, Self::Png | Self::Svg | Self::Geojson)
    }
}

impl ValueEnum for ExportFormat {
    fn value_variants<'a>() -> &'a [Self] {
        &Self::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(
            PossibleValue::new(self.name())
                .help(self.description())
                .aliases(self.aliases().iter().copied()),
        )
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn names_and_aliases_parse() {
        for format in ExportFormat::ALL {
            assert_eq!(ExportFormat::from_str(format.name(), false), Ok(format));
        }
        assert_eq!(
            ExportFormat::from_str("csv", false),
            Ok(ExportFormat::Acled)
        );
        assert!(ExportFormat::from_str("shp", false).is_err());
    }
}
