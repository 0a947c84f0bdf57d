//! The command line: `check`, `resolve`, `routes` and `export` over a scenario file or
//! the embedded default, and `open` of a snapshot. With no command, the caller opens
//! the window.

mod args;
mod export;
mod export_args;
mod format_from_path;
mod generate;
mod ids;
pub mod import;
pub mod ingest;
mod list;
mod migrate;
mod output;
mod report;
mod streams;
mod table;

use std::path::Path;
use std::process::ExitCode;

pub use args::{
    Cli, Command, ExportArgs, ExportFormatArg, Format, InputArgs, ListWhat, PathArgs, ViewArgs,
};
pub use format_from_path::{EXTENSIONS, export_format, formats_of_path};
pub use ids::resolve_id;
pub use output::{EXIT_WRITE_FAILED, Output, message, set_quiet, write_stderr, write_stdout};
pub use report::JSON_FORMAT_VERSION;

use crate::control::{Engine, View};
use crate::io::{Diagnostic, LoadError, default_scenario, load_scenario_file};
use crate::model::{Moment, Scenario};

/// Exit code for bad input (files, times, ids).
pub use crate::exit_code::BAD_INPUT as EXIT_BAD_INPUT;

/// Runs a command: its data to standard output, its messages to standard error
/// (unless `--quiet`), its errors to standard error with exit code 2. `open` without
/// `--print` opens the window on the snapshot.
pub fn run(command: &Command) -> ExitCode {
    set_quiet(command.quiet());
    if let Some(warning) = apply_path_args(command) {
        // Never silenced, not even by --quiet: the user must know files from others
        // are read without the usual limits on where.
        write_stderr(&warning);
    }
    if let Command::Open {
        snapshot,
        print: false,
        renderer,
        ..
    } = command
    {
        return match crate::export::Snapshot::load(snapshot) {
            Ok((loaded, scenario, warnings)) => {
                for warning in &warnings {
                    message(&format!("{warning}\n"));
                }
                let initial = crate::ui::Initial {
                    scenario_file: loaded.scenario_file(snapshot),
                    snapshot: loaded,
                    scenario,
                    warnings,
                };
                crate::ui::run_app_with(Some(initial), *renderer)
            }
            Err(err) => {
                write_stderr(&format!("{err}\n"));
                ExitCode::from(EXIT_BAD_INPUT)
            }
        };
    }
    match execute(command) {
        Ok(output) => {
            message(&output.messages);
            write_stdout(&output.data)
        }
        Err(err) => {
            write_stderr(&format!("{err}\n"));
            ExitCode::from(EXIT_BAD_INPUT)
        }
    }
}

/// Runs a command and returns its data followed by its messages, as text: what a
/// terminal would show. [`execute`] keeps them apart.
pub fn try_run(command: &Command) -> Result<String, LoadError> {
    let output = execute(command)?;
    Ok(String::from_utf8_lossy(&output.data).into_owned() + &output.messages)
}

/// Sets what scenarios may read from the command's `--allow-outside-paths` and
/// `--max-file-size` (for this process); returns the warning to show when the opt-out
/// is on.
pub fn apply_path_args(command: &Command) -> Option<String> {
    let paths = command.paths().cloned().unwrap_or_default();
    crate::io::sandbox::set_allow_outside_paths(paths.allow_outside_paths);
    crate::io::sandbox::set_max_file_size(paths.max_file_size);
    paths.allow_outside_paths.then(|| {
        "warning: --allow-outside-paths: the scenario may read any file (absolute paths, \
         `..` above its folder, links out of it); use it only for your own scenarios\n"
            .to_owned()
    })
}

/// Runs a command and returns its data and messages, or the errors to report. Its
/// path flags apply ([`apply_path_args`]); [`run`] shows their warning.
pub fn execute(command: &Command) -> Result<Output, LoadError> {
    apply_path_args(command);
    match command {
        Command::Check {
            file,
            input,
            claims,
        } => {
            let scenario = match (file.as_deref(), claims.as_deref()) {
                (Some(file), Some(_)) if streams::is_stdin(file) => {
                    return Err(LoadError::whole_file(
                        "--claims",
                        "--claims needs a scenario file, not standard input",
                    ));
                }
                (Some(file), Some(claims)) => crate::io::load_scenario_with_claims(file, claims)?,
                (None, Some(_)) => {
                    return Err(LoadError::whole_file(
                        "--claims",
                        "--claims needs a scenario file to add the claims to",
                    ));
                }
                (file, None) => load_input(file, input)?,
            };
            Ok(Output::data(format!(
                "ok: {} ({} places, {} regions, {} routes, {} sources, {} claims)\n",
                scenario.title,
                scenario.places.len(),
                scenario.regions.len(),
                scenario.routes.len(),
                scenario.sources.len(),
                scenario.claims.len()
            )))
        }
        Command::Resolve {
            file,
            input,
            view,
            perspective,
            format,
        } => {
            let engine = Engine::new(load_input(file.as_deref(), input)?);
            let (at, view_state) = view_from_args(&engine, view, perspective.as_deref())?;
            let resolution = engine.resolve_secs(&view_state, at.unix_secs());
            let report = report::resolve_report(&engine, &view_state, &resolution);
            Ok(Output::data(match format {
                Format::Json => to_json(&report),
                Format::Table => table::resolve_table(&report),
            }))
        }
        Command::Routes {
            file,
            input,
            view,
            perspective,
            faction,
            format,
        } => {
            let engine = Engine::new(load_input(file.as_deref(), input)?);
            let (at, view_state) = view_from_args(&engine, view, perspective.as_deref())?;
            let factions = faction
                .as_deref()
                .map(|id| faction_from_arg(engine.scenario(), id))
                .transpose()?;
            let resolution = engine.resolve_secs(&view_state, at.unix_secs());
            let report = report::routes_report(&engine, &view_state, &resolution, factions);
            Ok(Output::data(match format {
                Format::Json => to_json(&report),
                Format::Table => table::routes_table(&report),
            }))
        }
        Command::Export(args) => streams::export(args),
        Command::Open {
            snapshot, format, ..
        } => export::print_snapshot(snapshot, *format).map(Output::data),
        Command::Migrate { file, out, .. } => {
            let text = migrate::migrate(file, out.as_deref())?;
            Ok(match out.as_deref() {
                Some(out) if !streams::is_stdin(out) => Output::message(text),
                _ => Output::data(text),
            })
        }
        Command::List {
            what,
            file,
            input,
            format,
        } => {
            let scenario = load_input(file.as_deref(), input)?;
            Ok(Output::data(list::list(&scenario, *what, *format)))
        }
        Command::Ingest(args) => ingest::run(args).map(Output::data),
        Command::Import(what) => import::run(what),
        Command::Completions { shell } => Ok(generate::completions(*shell)),
        Command::Man { out, .. } => generate::man(out.as_deref()),
    }
}

/// Loads `file` (standard input for `-`, its relative paths read from `--base-dir`),
/// or the embedded default scenario without one.
pub fn load_input(file: Option<&Path>, input: &InputArgs) -> Result<Scenario, LoadError> {
    match (file, input.base_dir.as_deref()) {
        (Some(file), base_dir) if streams::is_stdin(file) => {
            streams::load_scenario_stdin(base_dir.unwrap_or(Path::new(".")))
        }
        (_, Some(_)) => Err(argument_error(
            "--base-dir",
            "--base-dir is for a scenario read from standard input (FILE `-`)",
        )),
        (file, None) => load(file),
    }
}

/// Loads `file`, or the embedded default scenario without one.
pub fn load(file: Option<&Path>) -> Result<Scenario, LoadError> {
    match file {
        Some(path) => load_scenario_file(path),
        None => default_scenario(),
    }
}

/// The moment, what-if assumptions and perspective typed on the command line; places,
/// factions and sources by id or by name ([`ids`]).
fn view_from_args(
    engine: &Engine,
    args: &ViewArgs,
    perspective: Option<&str>,
) -> Result<(Moment, View), LoadError> {
    let at = moment_from_arg(engine, "--at", &args.at)?;
    let view = view_of(engine.scenario(), &args.assume, perspective)?;
    Ok((at, view))
}

/// A view with `assumptions` (`PLACE=FACTION`) and `perspective`, names resolved to ids.
pub fn view_of(
    scenario: &Scenario,
    assumptions: &[String],
    perspective: Option<&str>,
) -> Result<View, LoadError> {
    let mut view = View::default();
    if let Some(text) = perspective {
        let text = ids::perspective(scenario, text)?;
        view.perspective = crate::control::Perspective::parse(&text, scenario)
            .map_err(|message| argument_error("--perspective", message))?;
    }
    for assumption in assumptions {
        let assumption = ids::assumption(scenario, assumption)?;
        view.add_assumption(&assumption, scenario)
            .map_err(|err| argument_error("--assume", err.message))?;
    }
    Ok(view)
}

/// The faction index of `--faction`, given by id, name or short label.
fn faction_from_arg(scenario: &Scenario, text: &str) -> Result<u16, LoadError> {
    let id = ids::faction_id(scenario, "--faction", text)?;
    scenario
        .faction_index(&id)
        .and_then(|f| u16::try_from(f).ok())
        .ok_or_else(|| argument_error("--faction", format!("unknown faction {id:?}")))
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
