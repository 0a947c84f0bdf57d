//! `frontline export` and `frontline open`: command-line arguments to an export job,
//! and snapshots back to a view.

use std::path::Path;

use super::{
    ExportArgs, Format, argument_error, export_format, load_input, moment_from_arg, report, table,
    to_json, view_of,
};
use crate::control::Engine;
use crate::export::{
    ExportJob, ExportOptions, Snapshot, Timelapse, parse_bbox, parse_every, parse_size,
    run_job_with,
};
use crate::io::LoadError;
use crate::layers::Layers;
use crate::viewpoint::Viewpoint;

/// Checks every argument, then writes the export; returns what it wrote.
pub fn export(args: &ExportArgs) -> Result<String, LoadError> {
    let engine = Engine::new(load_input(args.file.as_deref(), &args.input)?);
    let scenario = engine.scenario();
    let instant = |flag: &str, text: &str| moment_from_arg(&engine, flag, text);
    let span = match (&args.from, &args.to) {
        (Some(from), Some(to)) => Some((instant("--from", from)?, instant("--to", to)?)),
        _ => None,
    };
    let (at, timelapse, span) = match (&args.every, &args.at, span) {
        (Some(every), _, Some((from, to))) => (
            from,
            Some(Timelapse {
                to,
                step_secs: parse_every(every).map_err(|m| argument_error("--every", m))?,
            }),
            None,
        ),
        (None, Some(at), span) => (instant("--at", at)?, None, span),
        (None, None, Some((from, to))) => (to, None, Some((from, to))),
        _ => {
            return Err(argument_error(
                "--at",
                "give --at TIME, or --every STEP --from TIME --to TIME for a timelapse",
            ));
        }
    };
    let view = view_of(scenario, &args.assume, args.perspective.as_deref())?;
    let layers = match &args.layers {
        Some(list) => Layers::parse_list(list).map_err(|m| argument_error("--layers", m))?,
        None => Layers::default(),
    };
    let bbox_lonlat = match &args.bbox {
        Some(text) => Some(parse_bbox(text).map_err(|m| argument_error("--bbox", m))?),
        None => None,
    };
    let size = match &args.size {
        Some(text) => parse_size(text).map_err(|m| argument_error("--size", m))?,
        None => (1920, 1080),
    };
    let since = match &args.since {
        Some(text) => Some(instant("--since", text)?),
        None => None,
    };
    let job = ExportJob {
        scenario_file: args.file.clone(),
        viewpoint: Viewpoint {
            at,
            view,
            layers,
            bbox_lonlat,
        },
        timelapse,
        format: export_format(args.format, &args.out)?,
        out: args.out.clone(),
        size,
        since,
    };
    let options = ExportOptions {
        split: args.split,
        include_states: args.include_states,
        span,
        title: args.title.clone(),
        subtitle: args.subtitle.clone(),
        text_to_path: args.text_to_path,
    };
    Ok(run_job_with(&engine, &job, &options)?)
}

/// Loads a snapshot, printing its warnings to stderr; returns the engine, the view and
/// the moment it records.
pub fn open_snapshot(path: &Path) -> Result<(Engine, Snapshot), LoadError> {
    let (snapshot, scenario, warnings) = Snapshot::load(path)?;
    for warning in warnings {
        super::message(&format!("{warning}\n"));
    }
    Ok((Engine::new(scenario), snapshot))
}

/// `open --print`: the snapshot's resolution, as `resolve` prints it.
pub fn print_snapshot(path: &Path, format: Format) -> Result<String, LoadError> {
    let (engine, snapshot) = open_snapshot(path)?;
    let name = path.display().to_string();
    let viewpoint = snapshot
        .viewpoint(engine.scenario().offset())
        .map_err(|message| LoadError::whole_file(&name, message))?;
    let at = engine
        .check_moment(viewpoint.at)
        .map_err(|err| LoadError::whole_file(&name, format!("at {err}")))?;
    let resolution = engine.resolve_secs(&viewpoint.view, at.unix_secs());
    let report = report::resolve_report(&engine, &viewpoint.view, &resolution);
    Ok(match format {
        Format::Json => to_json(&report),
        Format::Table => table::resolve_table(&report),
    })
}
