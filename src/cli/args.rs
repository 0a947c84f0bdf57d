//! The command line's arguments (clap derive). Each flag is declared where it acts:
//! `--renderer` for the window, `--no-cache` for commands that load scenarios,
//! `--quiet` for commands that print messages.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

pub use super::export_args::{ExportArgs, ExportFormatArg};

/// Frontline: who holds what, according to whom.
#[derive(Debug, Parser)]
#[command(
    name = "frontline",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// How the window is drawn: glow (OpenGL, the default; fastest under software
    /// rendering) or wgpu. Also FRONTLINE_RENDERER; else the View > Renderer choice.
    #[arg(long, value_enum)]
    pub renderer: Option<crate::ui::Renderer>,
    /// Parse scenario files every time: neither read nor write the binary cache of
    /// large loaded scenarios (also FRONTLINE_NO_CACHE=1; FRONTLINE_CACHE_DIR moves it).
    #[arg(long)]
    pub no_cache: bool,
    /// A scenario (RON) or a view snapshot to open in the window; the default scenario
    /// when omitted. A file that does not load is reported here, before any window.
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// What to do; without a command the window opens on FILE or the default scenario.
    #[command(subcommand)]
    pub command: Option<Command>,
}

impl Cli {
    /// Parses `args` as [`Parser::try_parse_from`] does, and refuses a FILE named like a
    /// command (`frontline --renderer glow check`): flags before a command are the
    /// window's, and the command would otherwise be taken for a file to open.
    pub fn try_parse_checked<I, T>(args: I) -> Result<Self, clap::Error>
    where
        I: IntoIterator<Item = T>,
        T: Into<std::ffi::OsString> + Clone,
    {
        use clap::CommandFactory as _;
        let cli = Self::try_parse_from(args)?;
        if cli.command.is_none()
            && let Some(name) = cli.file.as_deref().and_then(|file| file.to_str())
            && Self::command().find_subcommand(name).is_some()
        {
            return Err(Self::command().error(
                clap::error::ErrorKind::ArgumentConflict,
                format!(
                    "`{name}` is a command: --renderer and --no-cache before it are the \
                     window's; give the command's own flags after it"
                ),
            ));
        }
        Ok(cli)
    }
}

/// Where a command's scenario comes from, beyond its FILE argument.
#[derive(Clone, Debug, Default, Args)]
pub struct InputArgs {
    /// Folder that the relative paths (documents, region geometry) of a scenario read
    /// from standard input (FILE `-`) start from; the current folder by default.
    #[arg(long, value_name = "DIR")]
    pub base_dir: Option<PathBuf>,
    /// Parse scenario files every time: neither read nor write the binary cache of
    /// large loaded scenarios (also FRONTLINE_NO_CACHE=1; FRONTLINE_CACHE_DIR moves it).
    #[arg(long)]
    pub no_cache: bool,
    /// What the scenario may read.
    #[command(flatten)]
    pub paths: PathArgs,
}

/// What a scenario may read (see README, "Opening files from others").
#[derive(Clone, Debug, Default, Args)]
pub struct PathArgs {
    /// Let the scenario read files outside its folder (absolute paths, `..` above it,
    /// links out of it): only for your own scenarios. A warning says it is on.
    #[arg(long)]
    pub allow_outside_paths: bool,
    /// One size limit, in bytes, for every file read (default: 64 MiB per document
    /// and for region geometry, 256 MiB per scenario or included file, 2 GiB for bulk
    /// claims).
    #[arg(long, value_name = "BYTES")]
    pub max_file_size: Option<u64>,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate a scenario: exit 0, or 2 with every error found.
    Check {
        /// Scenario file (RON), `-` for standard input; the embedded default when omitted.
        file: Option<PathBuf>,
        #[command(flatten)]
        input: InputArgs,
        /// Bulk claims to add: JSON lines, one claim per line (much faster than RON
        /// at hundreds of thousands of claims).
        #[arg(long, value_name = "FILE.jsonl")]
        claims: Option<PathBuf>,
    },
    /// Who holds every place and region at a moment.
    Resolve {
        /// Scenario file (RON), `-` for standard input; the embedded default when omitted.
        file: Option<PathBuf>,
        #[command(flatten)]
        input: InputArgs,
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
        /// Scenario file (RON), `-` for standard input; the embedded default when omitted.
        file: Option<PathBuf>,
        #[command(flatten)]
        input: InputArgs,
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
        /// Parse the scenario even if a cached copy is fresh (see `check --no-cache`).
        #[arg(long)]
        no_cache: bool,
        /// What the scenario may read.
        #[command(flatten)]
        paths: PathArgs,
        /// Print no messages ("wrote ...") on standard error; errors still are.
        #[arg(short, long)]
        quiet: bool,
    },
    /// Read a news article and print the draft claims it yields (places, sides,
    /// attributions, assertions, dates), with why and how sure.
    Ingest(crate::cli::ingest::IngestArgs),
    /// Read a dataset (ACLED rows, control polygons) as draft claims that cite its
    /// records; `--apply` adds them to the scenario as one edit.
    #[command(subcommand)]
    Import(crate::cli::import::ImportWhat),
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
        /// How the window is drawn (see `frontline --help`).
        #[arg(long, value_enum, conflicts_with = "print")]
        renderer: Option<crate::ui::Renderer>,
        /// Parse the snapshot's scenario even if a cached copy is fresh.
        #[arg(long)]
        no_cache: bool,
        /// What the snapshot and its scenario may read.
        #[command(flatten)]
        paths: PathArgs,
        /// Print no warnings about the snapshot on standard error; errors still are.
        #[arg(short, long)]
        quiet: bool,
    },
    /// List a scenario's sources, places or factions, sorted by id.
    List {
        /// What to list.
        #[arg(value_enum)]
        what: ListWhat,
        /// Scenario file (RON), `-` for standard input; the embedded default when omitted.
        file: Option<PathBuf>,
        #[command(flatten)]
        input: InputArgs,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Print a completion script for a shell (source it from the shell's startup file).
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff) to standard output, or write one page per
    /// command into a folder.
    Man {
        /// Folder to write frontline.1, frontline-resolve.1, ... into; `-` for
        /// standard output.
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// Print no messages ("wrote ...") on standard error; errors still are.
        #[arg(short, long)]
        quiet: bool,
    },
}

impl Command {
    /// True when the command was told not to use the cache of loaded scenarios.
    pub fn no_cache(&self) -> bool {
        match self {
            Self::Check { input, .. }
            | Self::Resolve { input, .. }
            | Self::Routes { input, .. }
            | Self::List { input, .. } => input.no_cache,
            Self::Export(args) => args.input.no_cache,
            Self::Migrate { no_cache, .. } | Self::Open { no_cache, .. } => *no_cache,
            Self::Ingest(_) | Self::Import(_) | Self::Completions { .. } | Self::Man { .. } => {
                false
            }
        }
    }

    /// The command's limits on what scenarios read; `None` for commands that read none.
    pub fn paths(&self) -> Option<&PathArgs> {
        match self {
            Self::Check { input, .. }
            | Self::Resolve { input, .. }
            | Self::Routes { input, .. }
            | Self::List { input, .. } => Some(&input.paths),
            Self::Export(args) => Some(&args.input.paths),
            Self::Migrate { paths, .. } | Self::Open { paths, .. } => Some(paths),
            Self::Ingest(args) => Some(&args.paths),
            Self::Import(what) => Some(&what.target().paths),
            Self::Completions { .. } | Self::Man { .. } => None,
        }
    }

    /// True when the command was told to print no messages on standard error.
    pub fn quiet(&self) -> bool {
        match self {
            Self::Export(args) => args.quiet,
            Self::Import(what) => what.target().quiet,
            Self::Migrate { quiet, .. } | Self::Open { quiet, .. } | Self::Man { quiet, .. } => {
                *quiet
            }
            _ => false,
        }
    }
}

/// What `frontline list` lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ListWhat {
    /// Sources: id, name, kind, reliability grade, affiliation.
    Sources,
    /// Places: id, name, kind, governorate, aliases.
    Places,
    /// Factions: id, name, short label, kind.
    Factions,
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
mod tests;
