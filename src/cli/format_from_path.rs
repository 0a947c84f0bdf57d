//! `export`'s format from the `--out` file's extension, when `--format` is not given.

use std::path::Path;

use super::{ExportFormatArg, argument_error};
use crate::io::LoadError;

/// Each extension `export --out` understands (lower case, without the dot) and the
/// format it means; an extension listed for several formats is ambiguous and needs
/// `--format`. The first extension of a format names its file on standard output.
pub const EXTENSIONS: &[(&str, ExportFormatArg)] = &[
    ("png", ExportFormatArg::Png),
    ("svg", ExportFormatArg::Svg),
    ("geojson", ExportFormatArg::Geojson),
    ("json", ExportFormatArg::Geojson),
    ("gpkg", ExportFormatArg::Gpkg),
    ("ron", ExportFormatArg::Ron),
    ("md", ExportFormatArg::Md),
    // ACLED rows and the timeline are both CSV: `.csv` needs --format.
    ("csv", ExportFormatArg::Acled),
    ("csv", ExportFormatArg::Timeline),
];
/// The formats `path`'s extension may mean (none for an unknown or missing one).
pub fn formats_of_path(path: &Path) -> Vec<ExportFormatArg> {
    let Some(extension) = path.extension().and_then(|e| e.to_str()) else {
        return Vec::new();
    };
    let extension = extension.to_ascii_lowercase();
    let mut formats: Vec<ExportFormatArg> = EXTENSIONS
        .iter()
        .filter(|(known, _)| *known == extension)
        .map(|(_, format)| *format)
        .collect();
    formats.dedup();
    formats
}

/// The usual extension of `format`'s files.
pub fn extension_of(format: ExportFormatArg) -> &'static str {
    EXTENSIONS
        .iter()
        .find(|(_, known)| *known == format)
        .map_or("out", |(extension, _)| extension)
}

/// The format to write: `--format` when given, else the one `out`'s extension names.
/// Standard output (`-`), an unknown extension or one several formats share, without
/// `--format`, is an error located at `--out`.
pub fn export_format(
    format: Option<ExportFormatArg>,
    out: &Path,
) -> Result<ExportFormatArg, LoadError> {
    if let Some(format) = format {
        return Ok(format);
    }
    if out == Path::new("-") {
        return Err(argument_error(
            "--out",
            "writing to standard output needs --format",
        ));
    }
    let formats = formats_of_path(out);
    match formats.as_slice() {
        [format] => Ok(*format),
        [] => Err(argument_error(
            "--out",
            format!(
                "cannot tell the format from {:?}; give --format, or end the file in one of {}",
                out.display().to_string(),
                EXTENSIONS
                    .iter()
                    .map(|(extension, _)| format!(".{extension}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        )),
        several => Err(argument_error(
            "--out",
            format!(
                "{:?} could be any of {}; give --format",
                out.display().to_string(),
                several
                    .iter()
                    .map(|format| format!("{format:?}").to_lowercase())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions_name_formats() {
        let format = |out: &str| export_format(None, Path::new(out)).ok();
        assert_eq!(format("map.png"), Some(ExportFormatArg::Png));
        assert_eq!(format("dir/MAP.SVG"), Some(ExportFormatArg::Svg));
        assert_eq!(format("a.geojson"), Some(ExportFormatArg::Geojson));
        assert_eq!(format("a.json"), Some(ExportFormatArg::Geojson));
        assert_eq!(format("a.ron"), Some(ExportFormatArg::Ron));
        assert_eq!(format("brief.md"), Some(ExportFormatArg::Md));
        assert_eq!(format("layers.gpkg"), Some(ExportFormatArg::Gpkg));
        // ACLED rows and the timeline are both CSV.
        assert_eq!(format("claims.csv"), None);
        assert_eq!(format("notes.txt"), None);
        assert_eq!(format("noextension"), None);
        assert_eq!(format("-"), None);
    }

    #[test]
    fn an_explicit_format_wins() {
        let format = export_format(Some(ExportFormatArg::Svg), Path::new("map.png"));
        assert_eq!(format.ok(), Some(ExportFormatArg::Svg));
        let format = export_format(Some(ExportFormatArg::Md), Path::new("-"));
        assert_eq!(format.ok(), Some(ExportFormatArg::Md));
    }

    #[test]
    fn an_unknown_extension_is_located_at_out() {
        let Err(err) = export_format(None, Path::new("notes.txt")) else {
            panic!("notes.txt has no format");
        };
        let text = err.to_string();
        assert!(
            text.starts_with("<--out>:1:1: cannot tell the format"),
            "{text}"
        );
        assert!(text.contains(".png"), "{text}");
    }

    #[test]
    fn every_format_has_an_extension() {
        for format in crate::export::ExportFormat::ALL {
            assert_ne!(extension_of(format), "out", "{format:?}");
        }
    }
}
