use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Frontline: who holds what, according to whom.
#[derive(Debug, Parser)]
#[command(name = "frontline", version, about)]
pub struct Cli {
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
    /// Who holds every route segment, where routes are severed, and which key places
    /// each side still reaches.
    Routes {
        /// Scenario file (RON); the embedded default when omitted.
        file: Option<PathBuf>,
        #[command(flatten)]
        view: ViewArgs,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
}

/// The moment and the what-if assumptions.
#[derive(Debug, Args)]
pub struct ViewArgs {
    /// A date (2024-12-07: the end of that day in UTC) or an RFC 3339 time.
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
