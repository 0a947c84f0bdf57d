//! One export request, checked whole before anything is written, then written file by
//! file through [`write_atomically`].

use std::path::{Path, PathBuf};

use super::snapshot::{Snapshot, scenario_identity};
use super::{
    MapOptions, Scene, argument_error, brief_markdown, claims_csv, geojson_text, map_png, map_svg,
};
use crate::control::Engine;
use crate::geo::Basemap;
use crate::io::{LoadError, write_atomically};
use crate::model::Moment;
use crate::viewpoint::Viewpoint;

/// Most frames a timelapse may write.
pub const MAX_FRAMES: i64 = 2_000;

/// What to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    /// The map as a PNG picture.
    Png,
    /// The map as SVG, with the font embedded.
    Svg,
    /// Places, route segments, territory and governorates as GeoJSON.
    Geojson,
    /// A snapshot that `frontline open` reopens.
    Ron,
    /// The Markdown brief.
    Md,
    /// The claims as ACLED-like CSV.
    Csv,
}

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

/// Checks the whole job, then writes its files; returns a line per file written.
pub fn run_job(engine: &Engine, job: &ExportJob) -> Result<String, LoadError> {
    let moments = moments(engine, job)?;
    let since = match job.since {
        Some(since) => {
            check_moment(engine, "--since", since)?;
            if moments.iter().any(|&at| since > at) {
                return Err(argument_error("--since", "must not be later than --at"));
            }
            since
        }
        None => engine
            .moment_range()
            .map_or(Moment::from_unix_secs(0), |range| range.first_claim),
    };
    let offset = engine.scenario().offset();
    check_writable(&job.out)?;
    let basemap =
        Basemap::embedded().map_err(|err| LoadError::whole_file("<basemap>", err.to_string()))?;
    let numbered = moments.len() > 1 || job.timelapse.is_some();
    let mut report = String::new();
    for (i, &at) in moments.iter().enumerate() {
        let path = if numbered {
            frame_path(&job.out, i + 1)
        } else {
            job.out.clone()
        };
        let bytes = render(engine, job, &basemap, at, since)?;
        write_atomically(&path, &bytes).map_err(|err| {
            argument_error("--out", format!("cannot write {}: {err}", path.display()))
        })?;
        report.push_str(&format!(
            "wrote {} ({})\n",
            path.display(),
            at.to_rfc3339(offset)
        ));
    }
    Ok(report)
}

/// `at` if the scenario's evidence speaks to it ([`Engine::check_moment`]), else an
/// error located at `flag`.
fn check_moment(engine: &Engine, flag: &str, at: Moment) -> Result<Moment, LoadError> {
    engine
        .check_moment(at)
        .map_err(|err| argument_error(flag, err.to_string()))
}

/// The moments to render, each checked against the scenario's time range.
fn moments(engine: &Engine, job: &ExportJob) -> Result<Vec<Moment>, LoadError> {
    let from = job.viewpoint.at;
    let Some(Timelapse { to, step_secs }) = job.timelapse else {
        return Ok(vec![check_moment(engine, "--at", from)?]);
    };
    if !matches!(job.format, ExportFormat::Png | ExportFormat::Svg) {
        return Err(argument_error(
            "--every",
            "a timelapse writes png or svg frames",
        ));
    }
    check_moment(engine, "--from", from)?;
    check_moment(engine, "--to", to)?;
    let (first, last) = (from.unix_secs(), to.unix_secs());
    if first > last {
        return Err(argument_error("--from", "must not be later than --to"));
    }
    if (last - first) / step_secs.max(1) >= MAX_FRAMES {
        return Err(argument_error(
            "--every",
            format!("more than {MAX_FRAMES} frames; use a longer step"),
        ));
    }
    Ok((first..=last)
        .step_by(usize::try_from(step_secs.max(1)).unwrap_or(usize::MAX))
        .map(Moment::from_unix_secs)
        .collect())
}

/// The bytes of one file of the job at `at`.
fn render(
    engine: &Engine,
    job: &ExportJob,
    basemap: &Basemap,
    at: Moment,
    since: Moment,
) -> Result<Vec<u8>, LoadError> {
    let viewpoint = &job.viewpoint;
    let scene = Scene::new(engine, &viewpoint.view, &viewpoint.layers, at.timestamp());
    let options = MapOptions {
        bbox_lonlat: viewpoint.bbox_lonlat,
        size: job.size,
        embed_font: true,
    };
    let failed = |message: String| argument_error("--format", message);
    Ok(match job.format {
        ExportFormat::Svg => map_svg(&scene, basemap, &options).into_bytes(),
        ExportFormat::Png => map_png(&scene, basemap, &options).map_err(failed)?,
        ExportFormat::Geojson => geojson_text(&scene, basemap).into_bytes(),
        ExportFormat::Md => brief_markdown(&scene, since.timestamp()).into_bytes(),
        ExportFormat::Csv => claims_csv(engine, &viewpoint.view, at.unix_secs())
            .map_err(failed)?
            .into_bytes(),
        ExportFormat::Ron => {
            let identity = scenario_identity(job.scenario_file.as_deref())?;
            let frame = Viewpoint {
                at,
                ..viewpoint.clone()
            };
            let snapshot = Snapshot::new(identity, &frame, engine.scenario().offset());
            snapshot.to_ron().map_err(failed)?.into_bytes()
        }
    })
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
fn check_writable(out: &Path) -> Result<(), LoadError> {
    let error = |message: String| argument_error("--out", message);
    if out.is_dir() {
        return Err(error(format!("{} is a folder, not a file", out.display())));
    }
    let folder = match out.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    tempfile::NamedTempFile::new_in(folder)
        .map(drop)
        .map_err(|err| error(format!("cannot write in {}: {err}", folder.display())))
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
