//! Standard input and output in place of files: `-` as the scenario FILE reads the
//! scenario from standard input, `export --out -` writes the export to standard output.

use std::path::Path;

use super::format_from_path::{export_format, extension_of};
use super::output::Output;
use super::{ExportArgs, ExportFormatArg, argument_error, export};
use crate::io::sandbox::{self, FileKind, ReadPolicy};
use crate::io::{LoadError, load_scenario_in};
use crate::model::Scenario;

/// What diagnostics call a scenario read from standard input.
pub const STDIN_NAME: &str = "<stdin>";

/// True for the path `-`, which stands for standard input or output.
pub fn is_stdin(path: &Path) -> bool {
    path == Path::new("-")
}

/// Reads a scenario from standard input (within the scenario size limit); the
/// documents and region geometry it names are read relative to `base_dir`, which is
/// also its root: they must be inside it (see [`crate::io::sandbox`]).
pub fn load_scenario_stdin(base_dir: &Path) -> Result<Scenario, LoadError> {
    let policy = ReadPolicy::with_root(base_dir.to_path_buf());
    let text = sandbox::read_stdin(FileKind::Scenario, policy.limit(FileKind::Scenario))
        .map_err(|err| err.whole_file(STDIN_NAME, "scenario"))?;
    load_scenario_in(STDIN_NAME, &text, &policy)
}

/// `frontline export`: to the `--out` file, or with `--out -` through a temporary file
/// to standard output (binary formats too). Returns what it wrote.
pub fn export(args: &ExportArgs) -> Result<Output, LoadError> {
    let format = export_format(args.format, &args.out)?;
    if format == ExportFormatArg::Ron && args.file.as_deref().is_some_and(is_stdin) {
        return Err(argument_error(
            "--format",
            "a RON snapshot names its scenario file, so the scenario cannot come from \
             standard input; give the file",
        ));
    }
    if !is_stdin(&args.out) {
        return export::export(args).map(Output::message);
    }
    if args.every.is_some() {
        return Err(argument_error(
            "--out",
            "a timelapse writes numbered files; give --out NAME.png rather than -",
        ));
    }
    let folder = tempfile::tempdir()
        .map_err(|err| argument_error("--out", format!("cannot make a temporary folder: {err}")))?;
    let mut to_file = args.clone();
    to_file.format = Some(format);
    to_file.out = folder
        .path()
        .join(format!("frontline.{}", extension_of(format)));
    export::export(&to_file)?;
    let bytes = std::fs::read(&to_file.out)
        .map_err(|err| argument_error("--out", format!("cannot read back the export: {err}")))?;
    Ok(Output::data(bytes))
}
