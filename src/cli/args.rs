use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Frontline: who holds what, according to whom.
#[derive(Debug, Parser)]
#[command(name = "frontline", version, about)]
pub struct Cli {
    /// How the window is drawn: glow (OpenGL, the default; fastest under software
    /// rendering) or wgpu. Also FRONTLINE_RENDERER; else the View > Renderer choice.
    #[arg(long, value_enum, global = true)]
    pub renderer: Option<crate::ui::Renderer>,
    /// Parse scenario files every time: neither read nor write the binary cache of
    /// large loaded scenarios (also FRONTLINE_NO_CACHE=1; FRONTLINE_CACHE_DIR moves it).
    #[arg(long, global = true)]
    pub no_cache: bool,
    /// What to do; without a command the window opens on the default scenario.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate a scenario: exit 0, or 2 with every error found.
    Check {
        /// Scenario file (RON); the embedded default when omitted.
        file: Option<PathBuf>,
        /// Bulk claims to add: JSON lines, one claim per line (much faster than RON
        /// at hundreds of thousands of claims).
        #[arg(long, value_name = "FILE.jsonl")]
        claims: Option<PathBuf>,
    },
    /// Who holds every place and region at a moment.
    Resolve {
        /// Scenario file (RON); the embedded default when omitted.
        file: Option<PathBuf>,
        #[command(flatten)]
        view: ViewArgs,
        /// Whose account: all, source:ID, kind:KIND or grade:A-E.
        #[arg(long)]
        perspective: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Who holds every route segment, where routes are severed and for whom, and whether
    /// each side can still travel between the key places through its own or allied ground.
    Routes {
        /// Scenario file (RON); the embedded default when omitted.
        file: Option<PathBuf>,
        #[command(flatten)]
        view: ViewArgs,
        /// Whose account: all, source:ID, kind:KIND or grade:A-E.
        #[arg(long)]
        perspective: Option<String>,
        /// Answer connectivity for this faction only (by id); by default, for every
        /// faction that holds at least one place.
        #[arg(long, value_name = "ID")]
        faction: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Write what the map shows (moment, perspective, layers, what-if, extent) to a
    /// file: a PNG or SVG map, GeoJSON, a RON snapshot, a Markdown brief or CSV claims.
    Export(ExportArgs),
    /// Rewrite a scenario (format 1 or 2) as format 2 RON: collections sorted by id,
    /// one item per line, defaults left out. Comments other than the file's leading
    /// ones are not kept.
    Migrate {
        /// The scenario file (RON).
        file: PathBuf,
        /// Where to write it (whole or not at all); standard output when omitted or `-`.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Read a news article and print the draft claims it yields (places, sides,
    /// attributions, assertions, dates), with why and how sure.
    Ingest(crate::cli::ingest::IngestArgs),
    /// Reopen a RON snapshot written by `export --format ron`.
    Open {
        /// The snapshot file.
        snapshot: PathBuf,
        /// Print the snapshot's resolution instead of opening the window.
        #[arg(long)]
        print: bool,
        /// Output format of --print.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
}

/// Options of `frontline export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Scenario file (RON); the embedded default when omitted.
    pub file: Option<PathBuf>,
    /// A date (2024-12-07: the end of that day, 23:59:59, in the scenario's time zone),
    /// a local time (2024-12-07T18:00, in that zone) or RFC 3339 with an offset.
    #[arg(long, required_unless_present = "every")]
    pub at: Option<String>,
    /// What to write.
    #[arg(long, value_enum)]
    pub format: ExportFormatArg,
    /// The file to write (a timelapse numbers its frames beside it: NAME-0001.png, ...).
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
    /// First moment of a timelapse.
    #[arg(long, value_name = "TIME", requires = "every")]
    pub from: Option<String>,
    /// Last moment of a timelapse.
    #[arg(long, value_name = "TIME", requires = "every")]
    pub to: Option<String>,
}

/// What `export` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormatArg {
    /// The map as a PNG picture.
    Png,
    /// The map as SVG (font embedded).
    Svg,
    /// GeoJSON (RFC 7946).
    Geojson,
    /// A RON snapshot for `frontline open`.
    Ron,
    /// A Markdown brief with citations.
    Md,
    /// The claims as ACLED-like CSV.
    Csv,
}

/// The moment and the what-if assumptions.
#[derive(Debug, Args)]
pub struct ViewArgs {
    /// A date (2024-12-07: the end of that day, 23:59:59, in the scenario's time zone),
    /// a local time (2024-12-07T18:00, in that zone) or RFC 3339 with an offset.
    #[arg(long)]
    pub at: String,
    /// What-if: PLACE=FACTION (repeatable).
    #[arg(long, value_name = "PLACE=FACTION")]
    pub assume: Vec<String>,
}

/// Output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned text for people.
    Table,
    /// The stable JSON contract (see README).
    Json,
}

#[cfg(test)]
mod tests {
    use clap::Parser as _;

    use super::*;
    use crate::ui::Renderer;

    #[test]
    fn renderer_is_a_top_level_option() {
        let parse = |args: &[&str]| Cli::try_parse_from(args).map(|cli| cli.renderer);
        assert_eq!(parse(&["frontline"]).ok(), Some(None));
        assert_eq!(
            parse(&["frontline", "--renderer", "glow"]).ok(),
            Some(Some(Renderer::Glow))
        );
        assert_eq!(
            parse(&["frontline", "--renderer", "wgpu"]).ok(),
            Some(Some(Renderer::Wgpu))
        );
        // Global: it may follow `open SNAPSHOT` too.
        let cli = Cli::try_parse_from(["frontline", "open", "s.ron", "--renderer", "wgpu"]);
        assert!(matches!(
            cli,
            Ok(Cli {
                renderer: Some(Renderer::Wgpu),
                command: Some(Command::Open { .. }),
                ..
            })
        ));
        let err = parse(&["frontline", "--renderer", "vulkan"]).err();
        assert!(err.is_some_and(|e| e.to_string().contains("glow")));
    }
}
