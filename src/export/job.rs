//! An export job (a viewpoint, a format and where the result goes) and running it,
//! timelapses included.

use std::path::{Path, PathBuf};

use super::formats::acled::claims_csv;
use super::formats::geojson::{geojson_layer_text, geojson_text};
use super::formats::gis::GisLayer;
use super::formats::gpkg::gpkg_bytes;
use super::formats::snapshot::{Snapshot, scenario_identity};
use super::formats::timeline::{interval_rows, timeline_csv};
use super::{
    ExportError, ExportFormat, MapOptions, Scene, brief_markdown, map_png, map_svg,
    map_svg_outlined,
};
use crate::control::Engine;
use crate::geo::Basemap;
use crate::io::{LoadError, write_atomically};
use crate::model::Moment;
use crate::viewpoint::Viewpoint;

/// Most frames a timelapse may write.
pub const MAX_FRAMES: i64 = 2_000;

/// A timelapse: frames every `step_secs` from the viewpoint's moment up to `to`, one
/// numbered file each.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Timelapse {
    /// Last frame at the latest.
    pub to: Moment,
    /// Seconds between frames.
    pub step_secs: i64,
}

/// A whole export request: what is on screen, and how to write it.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportJob {
    /// The scenario file, or `None` for the embedded default (recorded in snapshots).
    pub scenario_file: Option<PathBuf>,
    /// The moment, view, layers and extent; a timelapse's first frame.
    pub viewpoint: Viewpoint,
    /// More frames after the first; `None` for one file.
    pub timelapse: Option<Timelapse>,
    /// What to write.
    pub format: ExportFormat,
    /// Where; for a timelapse, frame `n` goes to `STEM-000n.EXT` beside it.
    pub out: PathBuf,
    /// Picture size in pixels.
    pub size: (u32, u32),
    /// The brief's "what changed since"; `None` for the first claim.
    pub since: Option<Moment>,
}

/// What some formats take besides the job; the defaults suit every format.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ExportOptions {
    /// GeoJSON: one file per layer (`NAME-places.geojson`, ...), one geometry type each.
    pub split: bool,
    /// ACLED: also the claims that only state who holds a place (`holds`, the baseline).
    pub include_states: bool,
    /// The range of the GeoPackage's `control_intervals` layer and the timeline CSV
    /// (the timeline's default: the first claim to the viewpoint's moment).
    pub span: Option<(Moment, Moment)>,
    /// The print map's heading instead of the scenario's title (`--title`).
    pub title: Option<String>,
    /// A line under the print map's heading (`--subtitle`).
    pub subtitle: Option<String>,
    /// The SVG's text as outlines (`--text-to-path`).
    pub text_to_path: bool,
}

/// [`run_job_with`] with the default options.
pub fn run_job(engine: &Engine, job: &ExportJob) -> Result<String, ExportError> {
    run_job_with(engine, job, &ExportOptions::default())
}

/// Checks the whole job, then writes its files; returns a line per file written.
pub fn run_job_with(
    engine: &Engine,
    job: &ExportJob,
    options: &ExportOptions,
) -> Result<String, ExportError> {
    let moments = moments(engine, job)?;
    let since = match job.since {
        Some(since) => {
            check_moment(engine, "--since", since)?;
            if moments.iter().any(|&at| since > at) {
                return Err(ExportError::setting(
                    "--since",
                    "must not be later than --at",
                ));
            }
            since
        }
        None => first_claim(engine),
    };
    let span = span(engine, job, options)?;
    let offset = engine.scenario().offset();
    check_writable(&job.out)?;
    let basemap =
        Basemap::embedded().map_err(|err| LoadError::whole_file("<basemap>", err.to_string()))?;
    let hash = match job.format {
        ExportFormat::Geojson | ExportFormat::Gpkg => {
            scenario_identity(job.scenario_file.as_deref())?.1
        }
        _ => String::new(),
    };
    let numbered = moments.len() > 1 || job.timelapse.is_some();
    let context = Context {
        engine,
        job,
        options,
        basemap: &basemap,
        since,
        span,
        scenario_hash: &hash,
    };
    let mut report = String::new();
    for (i, &at) in moments.iter().enumerate() {
        for (path, bytes) in render(&context, at)? {
            let path = if numbered {
                frame_path(&path, i + 1)
            } else {
                path
            };
            write_atomically(&path, &bytes).map_err(|err| ExportError::Write {
                path: path.clone(),
                reason: err.to_string(),
            })?;
            report.push_str(&format!(
                "wrote {} ({})\n",
                path.display(),
                at.to_rfc3339(offset)
            ));
        }
    }
    Ok(report)
}

/// What every file of a job is rendered with.
struct Context<'a> {
    engine: &'a Engine,
    job: &'a ExportJob,
    options: &'a ExportOptions,
    basemap: &'a Basemap,
    since: Moment,
    span: Option<(Moment, Moment)>,
    scenario_hash: &'a str,
}

/// When the first claim takes effect (the epoch without claims).
fn first_claim(engine: &Engine) -> Moment {
    engine
        .moment_range()
        .map_or(Moment::from_unix_secs(0), |range| range.first_claim)
}

/// The checked interval range: the options' span, or for the timeline the first claim
/// to the viewpoint's moment.
fn span(
    engine: &Engine,
    job: &ExportJob,
    options: &ExportOptions,
) -> Result<Option<(Moment, Moment)>, ExportError> {
    let Some((from, to)) = options.span.or(match job.format {
        ExportFormat::Timeline => Some((first_claim(engine), job.viewpoint.at)),
        _ => None,
    }) else {
        return Ok(None);
    };
    check_moment(engine, "--from", from)?;
    check_moment(engine, "--to", to)?;
    if from > to {
        return Err(ExportError::setting(
            "--from",
            "must not be later than --to",
        ));
    }
    Ok(Some((from, to)))
}

/// `at` if the scenario's evidence speaks to it ([`Engine::check_moment`]), else an
/// error about `flag`.
fn check_moment(engine: &Engine, flag: &'static str, at: Moment) -> Result<Moment, ExportError> {
    engine
        .check_moment(at)
        .map_err(|err| ExportError::setting(flag, err.to_string()))
}

/// The moments to render, each checked against the scenario's time range.
fn moments(engine: &Engine, job: &ExportJob) -> Result<Vec<Moment>, ExportError> {
    let from = job.viewpoint.at;
    let Some(Timelapse { to, step_secs }) = job.timelapse else {
        return Ok(vec![check_moment(engine, "--at", from)?]);
    };
    if !job.format.has_frames() {
        return Err(ExportError::setting(
            "--every",
            "a timelapse writes png, svg or geojson frames",
        ));
    }
    check_moment(engine, "--from", from)?;
    check_moment(engine, "--to", to)?;
    let (first, last) = (from.unix_secs(), to.unix_secs());
    if first > last {
        return Err(ExportError::setting(
            "--from",
            "must not be later than --to",
        ));
    }
    if (last - first) / step_secs.max(1) >= MAX_FRAMES {
        return Err(ExportError::setting(
            "--every",
            format!("more than {MAX_FRAMES} frames; use a longer step"),
        ));
    }
    Ok((first..=last)
        .step_by(usize::try_from(step_secs.max(1)).unwrap_or(usize::MAX))
        .map(Moment::from_unix_secs)
        .collect())
}

/// `dir/map.geojson` → `dir/map-places.geojson`.
pub fn layer_path(out: &Path, layer: &str) -> PathBuf {
    let stem = out
        .file_stem()
        .map_or("layer".into(), |s| s.to_string_lossy());
    let name = match out.extension() {
        Some(ext) => format!("{stem}-{layer}.{}", ext.to_string_lossy()),
        None => format!("{stem}-{layer}"),
    };
    out.with_file_name(name)
}

/// The files of the job at `at`: their paths (before frame numbering) and bytes.
fn render(context: &Context<'_>, at: Moment) -> Result<Vec<(PathBuf, Vec<u8>)>, ExportError> {
    let Context {
        engine,
        job,
        options,
        basemap,
        ..
    } = *context;
    let viewpoint = &job.viewpoint;
    let scene = Scene::new(engine, &viewpoint.view, &viewpoint.layers, at.timestamp());
    let map_options = MapOptions {
        bbox_lonlat: viewpoint.bbox_lonlat,
        size: job.size,
        embed_font: true,
        title: options.title.clone(),
        subtitle: options.subtitle.clone(),
        text_to_path: options.text_to_path,
    };
    let one = |bytes: Vec<u8>| Ok(vec![(job.out.clone(), bytes)]);
    match job.format {
        ExportFormat::Svg if map_options.text_to_path => {
            one(map_svg_outlined(&scene, basemap, &map_options)
                .map_err(|e| ExportError::encode("svg", e))?
                .into_bytes())
        }
        ExportFormat::Svg => one(map_svg(&scene, basemap, &map_options).into_bytes()),
        ExportFormat::Png => {
            one(map_png(&scene, basemap, &map_options)
                .map_err(|e| ExportError::encode("png", e))?)
        }
        ExportFormat::Geojson if options.split => Ok(GisLayer::ALL
            .into_iter()
            .map(|layer| {
                let text = geojson_layer_text(&scene, basemap, layer, context.scenario_hash);
                (layer_path(&job.out, layer.name()), text.into_bytes())
            })
            .collect()),
        ExportFormat::Geojson => {
            one(geojson_text(&scene, basemap, context.scenario_hash).into_bytes())
        }
        ExportFormat::Gpkg => {
            let rows = context
                .span
                .map(|(from, to)| interval_rows(engine, &viewpoint.view, from, to));
            one(gpkg_bytes(&scene, basemap, rows.as_deref())?)
        }
        ExportFormat::Md => one(brief_markdown(&scene, context.since.timestamp()).into_bytes()),
        ExportFormat::Acled => one(claims_csv(
            engine,
            &viewpoint.view,
            at.unix_secs(),
            options.include_states,
        )?
        .into_bytes()),
        ExportFormat::Timeline => {
            let (from, to) = context.span.unwrap_or((at, at));
            one(timeline_csv(engine, &viewpoint.view, from, to)?.into_bytes())
        }
        ExportFormat::Ron => {
            let identity = scenario_identity(job.scenario_file.as_deref())?;
            let frame = Viewpoint {
                at,
                ..viewpoint.clone()
            };
            let snapshot = Snapshot::new(identity, &frame, engine.scenario().offset());
            one(snapshot
                .to_ron()
                .map_err(|e| ExportError::encode("ron", e))?
                .into_bytes())
        }
    }
}

/// `dir/name.png` → `dir/name-0007.png`.
pub fn frame_path(out: &Path, n: usize) -> PathBuf {
    let stem = out
        .file_stem()
        .map_or("frame".into(), |s| s.to_string_lossy());
    let name = match out.extension() {
        Some(ext) => format!("{stem}-{n:04}.{}", ext.to_string_lossy()),
        None => format!("{stem}-{n:04}"),
    };
    out.with_file_name(name)
}

/// Fails unless a file can be created in `out`'s folder and `out` is not a folder.
fn check_writable(out: &Path) -> Result<(), ExportError> {
    if out.is_dir() {
        return Err(ExportError::setting(
            "--out",
            format!("{} is a folder, not a file", out.display()),
        ));
    }
    let folder = match out.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    tempfile::NamedTempFile::new_in(folder)
        .map(drop)
        .map_err(|err| {
            ExportError::setting(
                "--out",
                format!("cannot write in {}: {err}", folder.display()),
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_are_numbered_beside_the_output() {
        assert_eq!(
            frame_path(Path::new("out/map.png"), 7),
            PathBuf::from("out/map-0007.png")
        );
        assert_eq!(frame_path(Path::new("map"), 12), PathBuf::from("map-0012"));
    }
}
