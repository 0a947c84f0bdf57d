//! `frontline import acled|areas FILE --into SCENARIO`: reads a dataset and prints the
//! draft claims it yields (each citing its record), optionally writing them as RON
//! (`--out`) or adding them to the scenario's files as one edit (`--apply`).

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};

use super::output::Output;
use super::{Format, argument_error, to_json};
use crate::edit::Workspace;
use crate::import::Imported;
use crate::import::acled::{AcledFile, import_acled};
use crate::import::actors::ActorMap;
use crate::import::areas::{AreasFile, import_areas};
use crate::io::sandbox::{self, FileKind};
use crate::io::{LoadError, load_scenario_file};
use crate::model::Scenario;

/// What `frontline import` reads.
#[derive(Debug, Subcommand)]
pub enum ImportWhat {
    /// Rows of an ACLED CSV (ACLED's downloads or `export --format acled`): one draft
    /// claim per row, with the row as its evidence.
    Acled(AcledArgs),
    /// Control polygons (GeoJSON or KML): `holds` draft claims for the places inside them,
    /// each with its feature as evidence.
    Areas(AreasArgs),
}

/// Options of `frontline import acled`.
#[derive(Debug, Args)]
pub struct AcledArgs {
    /// The ACLED CSV file.
    pub file: PathBuf,
    /// Take an ACLED actor as a faction (`NAME=FACTION`, the faction by id or name;
    /// `NAME=-` for none); before the built-in defaults. Repeatable.
    #[arg(long = "actor", value_name = "NAME=FACTION")]
    pub actors: Vec<String>,
    #[command(flatten)]
    pub target: Target,
}

/// Options of `frontline import areas`.
#[derive(Debug, Args)]
pub struct AreasArgs {
    /// The GeoJSON or KML file of control polygons.
    pub file: PathBuf,
    /// The property naming who holds a polygon (a faction id or name).
    #[arg(long, value_name = "F")]
    pub holder_field: String,
    /// The property dating a polygon (a date); without it, `--date` dates them all.
    #[arg(long, value_name = "D")]
    pub date_field: Option<String>,
    /// The date of a single snapshot (when there is no date field).
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// Who made the map: a source of the scenario (id or name), else a new one.
    #[arg(long, value_name = "S")]
    pub source: String,
    #[command(flatten)]
    pub target: Target,
}

/// Where imported drafts go.
#[derive(Debug, Args)]
pub struct Target {
    /// The scenario to match against (and to add to with `--apply`).
    #[arg(long, value_name = "SCENARIO")]
    pub into: PathBuf,
    /// Write the drafts as RON to this file (whole or not at all).
    #[arg(long, value_name = "DRAFT.ron")]
    pub out: Option<PathBuf>,
    /// Add the drafts to the scenario (to `added/<dataset>.ron`) as one edit.
    #[arg(long, conflicts_with = "out")]
    pub apply: bool,
    /// Output format of the drafts.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Print no messages on standard error; errors still are.
    #[arg(short, long)]
    pub quiet: bool,
    /// What the scenario and the dataset may read.
    #[command(flatten)]
    pub paths: super::args::PathArgs,
}

impl ImportWhat {
    /// The options every import has.
    pub fn target(&self) -> &Target {
        match self {
            Self::Acled(args) => &args.target,
            Self::Areas(args) => &args.target,
        }
    }

    fn file(&self) -> &Path {
        match self {
            Self::Acled(args) => &args.file,
            Self::Areas(args) => &args.file,
        }
    }
}

/// The JSON output: [`Imported`] with the format version (`docs/schemas/import.schema.json`).
#[derive(serde::Serialize)]
struct ImportJson<'a> {
    format_version: u32,
    #[serde(flatten)]
    imported: &'a Imported,
}

/// Runs `frontline import`: every draft or, at the first bad record, every error and
/// no change.
pub fn run(what: &ImportWhat) -> Result<Output, LoadError> {
    let target = what.target();
    let file = what.file();
    let mut workspace = if target.apply {
        Some(Workspace::open(&target.into)?)
    } else {
        None
    };
    let loaded;
    let scenario: &Scenario = match &workspace {
        Some(workspace) => workspace.scenario(),
        None => {
            loaded = load_scenario_file(&target.into)?;
            &loaded
        }
    };
    let limit = sandbox::max_file_size().unwrap_or(FileKind::Dataset.default_limit());
    let text = sandbox::read_file(file, FileKind::Dataset, limit).map_err(|err| {
        let name = file.display().to_string();
        argument_error("FILE", err.message("FILE", &name, "cannot read dataset"))
    })?;
    let (dataset, copy) = crate::import::dataset_path(&target.into, file);
    let name = file.display().to_string();
    let imported = match what {
        ImportWhat::Acled(args) => {
            let actors = ActorMap::new(scenario, &args.actors)?;
            let file = AcledFile {
                name: &name,
                dataset: &dataset,
                text: &text,
            };
            import_acled(scenario, file, &actors)?
        }
        ImportWhat::Areas(args) => {
            let file = AreasFile {
                name: &name,
                dataset: &dataset,
                text: &text,
                holder_field: &args.holder_field,
                date_field: args.date_field.as_deref(),
                date: args.date.as_deref(),
                source: &args.source,
            };
            import_areas(scenario, file)?
        }
    };
    let data = match target.format {
        Format::Json => to_json(&ImportJson {
            format_version: super::JSON_FORMAT_VERSION,
            imported: &imported,
        }),
        Format::Table => table(&imported),
    };
    let mut messages = String::new();
    if let Some(out) = &target.out {
        let ron = crate::io::file_ron(&imported)
            .map_err(|err| argument_error("--out", err.to_string()))?;
        crate::io::write_atomically(out, ron.as_bytes()).map_err(|err| {
            argument_error("--out", format!("cannot write {}: {err}", out.display()))
        })?;
        messages.push_str(&format!("wrote {}\n", out.display()));
    }
    if let Some(workspace) = &mut workspace {
        messages.push_str(&apply(workspace, &imported, copy.then_some(file))?);
    }
    Ok(Output {
        data: data.into_bytes(),
        messages,
    })
}

/// Adds the drafts to the scenario's files as one edit (copying the dataset beside the
/// scenario first when it is outside its folder); the message saying what changed.
fn apply(
    workspace: &mut Workspace,
    imported: &Imported,
    copy_from: Option<&Path>,
) -> Result<String, LoadError> {
    let Some(batch) = imported.batch() else {
        return Ok("nothing to import\n".to_owned());
    };
    let folder = workspace
        .path()
        .parent()
        .unwrap_or(Path::new("."))
        .to_owned();
    let stem = crate::ingest::slug(
        Path::new(&imported.dataset)
            .file_stem()
            .map(|s| s.to_string_lossy())
            .unwrap_or_default()
            .as_ref(),
    );
    if let Some(source) = copy_from {
        copy_dataset(source, &folder.join(&imported.dataset))?;
    }
    workspace.set_added_file(&format!("added/import-{stem}.ron"));
    workspace
        .apply(batch)
        .map_err(|err| argument_error("--apply", err.to_string()))?;
    crate::io::save(workspace).map_err(|err| argument_error("--apply", err.to_string()))?;
    Ok(format!(
        "added {} claims, {} sources and {} places to {} (evidence: {})\n",
        imported.drafts.len(),
        imported.new_sources.len(),
        imported.new_places.len(),
        workspace.path().display(),
        imported.dataset
    ))
}

/// Copies the dataset to `to` beside the scenario, unless the same bytes are there; a
/// different file there is an error (claims may cite it).
fn copy_dataset(source: &Path, to: &Path) -> Result<(), LoadError> {
    let bytes = std::fs::read(source).map_err(|err| {
        argument_error("FILE", format!("cannot read {}: {err}", source.display()))
    })?;
    match std::fs::read(to) {
        Ok(existing) if existing == bytes => return Ok(()),
        Ok(_) => {
            return Err(argument_error(
                "--apply",
                format!(
                    "{} exists and differs from {}: rename one of them",
                    to.display(),
                    source.display()
                ),
            ));
        }
        Err(_) => {}
    }
    if let Some(parent) = to.parent() {
        std::fs::create_dir_all(parent).map_err(|err| {
            argument_error(
                "--apply",
                format!("cannot create {}: {err}", parent.display()),
            )
        })?;
    }
    crate::io::write_atomically(to, &bytes)
        .map_err(|err| argument_error("--apply", format!("cannot write {}: {err}", to.display())))
}

/// One line per draft: id, subject, assertion, actor, counterpart, originators, when.
fn table(imported: &Imported) -> String {
    let mut out = format!(
        "dataset {}, {} drafts, {} new sources, {} new places\n",
        imported.dataset,
        imported.drafts.len(),
        imported.new_sources.len(),
        imported.new_places.len()
    );
    out.push_str(&format!(
        "{:<28} {:<24} {:<28} {:<12} {:<12} {:<24} when\n",
        "id", "subject", "assertion", "actor", "counterpart", "originators"
    ));
    for claim in &imported.drafts {
        out.push_str(&format!(
            "{:<28} {:<24} {:<28} {:<12} {:<12} {:<24} {} {}\n",
            claim.id,
            claim.subject.id(),
            claim.assertion.label(),
            claim.actor.as_deref().unwrap_or("-"),
            claim.counterpart.as_deref().unwrap_or("-"),
            claim.originators.join("+"),
            claim.when.at,
            claim.when.precision.label()
        ));
    }
    for source in &imported.new_sources {
        out.push_str(&format!("new source {}: {:?}\n", source.id, source.name));
    }
    for place in &imported.new_places {
        out.push_str(&format!(
            "new place {}: {:?} at {:.5}, {:.5} (in {})\n",
            place.id, place.name, place.lat, place.lon, place.governorate
        ));
    }
    out
}
