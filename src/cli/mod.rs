//! The command line: `check`, `resolve`, `routes` and `export` over a scenario file or
//! the embedded default, and `open` of a snapshot. With no command, the caller opens
//! the window.

mod args;
mod export;
pub mod ingest;
mod migrate;
mod report;
mod table;

use std::path::Path;
use std::process::ExitCode;

pub use args::{Cli, Command, ExportArgs, ExportFormatArg, Format, ViewArgs};

use crate::control::{Engine, View};
use crate::io::{Diagnostic, LoadError, default_scenario, load_scenario_file};
use crate::model::{Moment, Scenario};

/// Exit code for bad input (files, times, ids).
pub const EXIT_BAD_INPUT: u8 = 2;

/// Runs a command, printing results to stdout and errors to stderr. `open` without
/// `--print` opens the window on the snapshot, drawn by `renderer` (see
/// [`crate::ui::choose_renderer`]).
pub fn run(command: &Command, renderer: Option<crate::ui::Renderer>) -> ExitCode {
    if let Command::Open {
        snapshot,
        print: false,
        ..
    } = command
    {
        return match crate::export::Snapshot::load(snapshot) {
            Ok((loaded, scenario, warnings)) => {
                for warning in &warnings {
                    eprintln!("{warning}");
                }
                let initial = crate::ui::Initial {
                    scenario_file: loaded.scenario_file(snapshot),
                    snapshot: loaded,
                    scenario,
                    warnings,
                };
                crate::ui::run_app_with(Some(initial), renderer)
            }
            Err(err) => {
                eprintln!("{err}");
                ExitCode::from(EXIT_BAD_INPUT)
            }
        };
    }
    match try_run(command) {
        Ok(output) => {
            print!("{output}");
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("{err}");
            ExitCode::from(EXIT_BAD_INPUT)
        }
    }
}

/// Runs a command and returns what it prints, or the errors to report.
pub fn try_run(command: &Command) -> Result<String, LoadError> {
    match command {
        Command::Check { file, claims } => {
            let scenario = match (file.as_deref(), claims.as_deref()) {
                (Some(file), Some(claims)) => crate::io::load_scenario_with_claims(file, claims)?,
                (None, Some(_)) => {
                    return Err(LoadError::whole_file(
                        "--claims",
                        "--claims needs a scenario file to add the claims to",
                    ));
                }
                (file, None) => load(file)?,
            };
            Ok(format!(
                "ok: {} ({} places, {} regions, {} routes, {} sources, {} claims)\n",
                scenario.title,
                scenario.places.len(),
                scenario.regions.len(),
                scenario.routes.len(),
                scenario.sources.len(),
                scenario.claims.len()
            ))
        }
        Command::Resolve {
            file,
            view,
            perspective,
            format,
        } => {
            let engine = Engine::new(load(file.as_deref())?);
            let (at, mut view_state) = view_from_args(&engine, view)?;
            if let Some(text) = perspective {
                view_state.perspective =
                    crate::control::Perspective::parse(text, engine.scenario())
                        .map_err(|message| argument_error("--perspective", message))?;
            }
            let resolution = engine.resolve_secs(&view_state, at.unix_secs());
            let report = report::resolve_report(&engine, &view_state, &resolution);
            Ok(match format {
                Format::Json => to_json(&report),
                Format::Table => table::resolve_table(&report),
            })
        }
        Command::Routes {
            file,
            view,
            perspective,
            faction,
            format,
        } => {
            let engine = Engine::new(load(file.as_deref())?);
            let (at, mut view_state) = view_from_args(&engine, view)?;
            if let Some(text) = perspective {
                view_state.perspective =
                    crate::control::Perspective::parse(text, engine.scenario())
                        .map_err(|message| argument_error("--perspective", message))?;
            }
            let factions = faction
                .as_deref()
                .map(|id| faction_from_arg(engine.scenario(), id))
                .transpose()?;
            let resolution = engine.resolve_secs(&view_state, at.unix_secs());
            let report = report::routes_report(&engine, &view_state, &resolution, factions);
            Ok(match format {
                Format::Json => to_json(&report),
                Format::Table => table::routes_table(&report),
            })
        }
        Command::Export(args) => export::export(args),
        Command::Open {
            snapshot, format, ..
        } => export::print_snapshot(snapshot, *format),
        Command::Migrate { file, out } => migrate::migrate(file, out.as_deref()),
        Command::Ingest(args) => ingest::run(args),
    }
}

/// Loads `file`, or the embedded default scenario without one.
pub fn load(file: Option<&Path>) -> Result<Scenario, LoadError> {
    match file {
        Some(path) => load_scenario_file(path),
        None => default_scenario(),
    }
}

fn view_from_args(engine: &Engine, args: &ViewArgs) -> Result<(Moment, View), LoadError> {
    let scenario = engine.scenario();
    let at = moment_from_arg(engine, "--at", &args.at)?;
    let mut view = View::default();
    for assumption in &args.assume {
        view.add_assumption(assumption, scenario)
            .map_err(|err| argument_error("--assume", err.message))?;
    }
    Ok((at, view))
}

/// The faction index of `--faction ID`, or an error with a did-you-mean.
fn faction_from_arg(scenario: &Scenario, id: &str) -> Result<u16, LoadError> {
    scenario
        .faction_index(id)
        .and_then(|f| u16::try_from(f).ok())
        .ok_or_else(|| {
            argument_error(
                "--faction",
                format!(
                    "unknown faction {id:?}{}",
                    crate::io::did_you_mean(id, scenario.factions.iter().map(|f| f.id.as_str()))
                ),
            )
        })
}

/// The moment typed for `flag`, read in the scenario's time zone
/// ([`Moment::parse`]) and checked against its evidence ([`Engine::check_moment`]).
pub fn moment_from_arg(engine: &Engine, flag: &str, text: &str) -> Result<Moment, LoadError> {
    let at = Moment::parse(text, engine.scenario().offset())
        .map_err(|message| argument_error(flag, message))?;
    engine
        .check_moment(at)
        .map_err(|err| argument_error(flag, err.message_for(text)))
}

/// An error in a command-line argument, located as `<--flag>:1:1`.
fn argument_error(flag: &str, message: impl Into<String>) -> LoadError {
    LoadError {
        diagnostics: vec![Diagnostic {
            file: format!("<{flag}>"),
            line: 1,
            col: 1,
            message: message.into(),
        }],
    }
}

fn to_json(value: &impl serde::Serialize) -> String {
    match serde_json::to_string_pretty(value) {
        Ok(text) => text + "\n",
        Err(err) => format!("{{\"error\": {:?}}}\n", err.to_string()),
    }
}
