//! The options of `frontline export`, apart from the other commands' (they are most
//! of the command line's flags).

use std::path::PathBuf;

use clap::Args;

use super::args::InputArgs;

/// Options of `frontline export`.
#[derive(Clone, Debug, Args)]
pub struct ExportArgs {
    /// Scenario file (RON), `-` for standard input; the embedded default when omitted.
    pub file: Option<PathBuf>,
    /// Where the scenario comes from.
    #[command(flatten)]
    pub input: InputArgs,
    /// Print no messages ("wrote ...") on standard error; errors still are.
    #[arg(short, long)]
    pub quiet: bool,
    /// A date (2024-12-07: the end of that day, 23:59:59, in the scenario's time zone),
    /// a local time (2024-12-07T18:00, in that zone) or RFC 3339 with an offset.
    /// With --from/--to and no --at, the layers show --to.
    #[arg(long, required_unless_present_any = ["every", "from"])]
    pub at: Option<String>,
    /// What to write; by default, what the --out extension says (.png, .svg,
    /// .geojson or .json, .ron, .md, .csv).
    #[arg(long, value_enum)]
    pub format: Option<ExportFormatArg>,
    /// The file to write, `-` for standard output (with --format). A timelapse numbers
    /// its frames beside it: NAME-0001.png, ...
    #[arg(long)]
    pub out: PathBuf,
    /// Whose account: all, source:ID, kind:KIND or grade:A-E.
    #[arg(long)]
    pub perspective: Option<String>,
    /// What-if: PLACE=FACTION (repeatable).
    #[arg(long, value_name = "PLACE=FACTION")]
    pub assume: Vec<String>,
    /// Layers to show, comma-separated: territory, governorates, borders, routes,
    /// severed, places, labels (default: all).
    #[arg(long, value_name = "LIST")]
    pub layers: Option<String>,
    /// Extent in degrees: west, south, east, north (default: Syria).
    #[arg(long, value_name = "W,S,E,N", allow_hyphen_values = true)]
    pub bbox: Option<String>,
    /// Picture size in pixels (default 1920x1080).
    #[arg(long, value_name = "WxH")]
    pub size: Option<String>,
    /// The brief's "what changed since" moment (default: the start of the scenario).
    #[arg(long, value_name = "TIME")]
    pub since: Option<String>,
    /// Timelapse step (1d, 12h, 30m): one numbered file per step from --from to --to.
    #[arg(long, value_name = "STEP", requires_all = ["from", "to"], conflicts_with = "at")]
    pub every: Option<String>,
    /// First moment of a timelapse, or of the control intervals (gpkg's
    /// `control_intervals` layer, the timeline CSV).
    #[arg(long, value_name = "TIME", requires = "to")]
    pub from: Option<String>,
    /// Last moment of a timelapse or of the control intervals.
    #[arg(long, value_name = "TIME", requires = "from")]
    pub to: Option<String>,
    /// GeoJSON: one file per layer (NAME-places.geojson, -roads, -territory,
    /// -governorates), each of one geometry type.
    #[arg(long)]
    pub split: bool,
    /// ACLED: also the claims that only state who holds a place (the baseline, `holds`).
    #[arg(long)]
    pub include_states: bool,
    /// The map's heading (SVG, PNG) instead of the scenario's title.
    #[arg(long)]
    pub title: Option<String>,
    /// A line under the map's heading (SVG, PNG).
    #[arg(long)]
    pub subtitle: Option<String>,
    /// SVG: text drawn as outlines rather than embedded-font text, so every viewer
    /// (librsvg, Inkscape, browsers) shows the same glyphs; the text is no longer
    /// selectable.
    #[arg(long)]
    pub text_to_path: bool,
}

/// What `export` writes: the export side's formats, with their names and aliases.
pub type ExportFormatArg = crate::export::ExportFormat;
