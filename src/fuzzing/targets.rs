//! The target functions behind [`super::Target::run`], each with its invariants.

use clap::Parser as _;
use jiff::tz::Offset;

use super::inputs::{self, MAIN_FILE, MINI_FILE, MINI_TEXT};
use super::{Violation, check_located};
use crate::cli::{Cli, Command};
use crate::export::Snapshot;
use crate::ingest::ArticleInput;
use crate::io::{BulkClaims, load_scenario_str};
use crate::model::{Moment, Scenario};

/// The name claims inputs are parsed under.
const CLAIMS_FILE: &str = "claims.jsonl";

/// The name snapshot inputs are parsed under.
const SNAPSHOT_FILE: &str = "view.ron";

/// Text inputs: bytes that are not UTF-8 never reach the parsers (files are read as
/// UTF-8 and refused before parsing), so they are skipped.
fn text(data: &[u8]) -> Option<&str> {
    std::str::from_utf8(data).ok()
}

/// Scenario text with its files: loads, or fails with located diagnostics; what loads
/// is written as RON, reloads, and equals itself.
pub(super) fn scenario_ron(data: &[u8]) -> Result<(), Violation> {
    let Some(text) = text(data) else {
        return Ok(());
    };
    let files = inputs::split_files(text);
    let read = |relative: &str| inputs::read_sibling(&files, relative);
    let main = files.first().map_or("", |(_, text)| text.as_str());
    let scenario = match load_scenario_str(MAIN_FILE, main, &read) {
        Ok(scenario) => scenario,
        Err(err) => {
            let named: Vec<(&str, &str)> = files
                .iter()
                .map(|(name, text)| (name.as_str(), text.as_str()))
                .collect();
            return check_located(&err, &named);
        }
    };
    round_trip(scenario, &read)
}

/// Writes `scenario` as RON and reloads it: the same scenario must come back. Included
/// items are written into the main file, so `includes` is dropped first.
fn round_trip(
    mut scenario: Scenario,
    read: &dyn Fn(&str) -> std::io::Result<String>,
) -> Result<(), Violation> {
    scenario.includes.clear();
    let written = crate::io::scenario_to_ron(&scenario)
        .map_err(|err| format!("a loaded scenario cannot be written: {err}"))?;
    let reloaded = load_scenario_str(MAIN_FILE, &written, read)
        .map_err(|err| format!("a written scenario does not reload:\n{err}\n---\n{written}"))?;
    if reloaded != scenario {
        return Err(format!(
            "a written scenario reloads different:\n---\n{written}"
        ));
    }
    Ok(())
}

/// JSON-lines claims: parse or fail located; parsed claims write and reparse equal,
/// and added to the mini scenario they validate or fail located.
pub(super) fn claims_jsonl(data: &[u8]) -> Result<(), Violation> {
    let Some(text) = text(data) else {
        return Ok(());
    };
    let (mut claims, lines) = match crate::io::parse_claims_jsonl(CLAIMS_FILE, text) {
        Ok(parsed) => parsed,
        Err(err) => return check_located(&err, &[(CLAIMS_FILE, text)]),
    };
    if lines.len() != claims.len() || lines.windows(2).any(|pair| pair[0] >= pair[1]) {
        return Err(format!("claim lines {lines:?} for {} claims", claims.len()));
    }
    let written = crate::io::claims_jsonl(&claims)
        .map_err(|err| format!("parsed claims cannot be written: {err}"))?;
    let (again, _) = crate::io::parse_claims_jsonl(CLAIMS_FILE, &written)
        .map_err(|err| format!("written claims do not reparse: {err}\n---\n{written}"))?;
    if again != claims {
        return Err(format!("written claims reparse different:\n---\n{written}"));
    }
    let mut scenario = inputs::mini_scenario()?.clone();
    let first = scenario.claims.len();
    for claim in &mut claims {
        claim.upgrade_v1_source();
    }
    scenario.claims.extend(claims);
    let bulk = BulkClaims {
        file: CLAIMS_FILE,
        first,
        lines: &lines,
    };
    let diagnostics = crate::io::validate_with_bulk(&scenario, MINI_FILE, MINI_TEXT, Some(bulk));
    if diagnostics.is_empty() {
        return Ok(());
    }
    let err = crate::io::LoadError { diagnostics };
    check_located(&err, &[(CLAIMS_FILE, text), (MINI_FILE, MINI_TEXT)])
}

/// A snapshot: parses or fails located; what parses writes and reparses to the same
/// text, and is checked and resolved against the default scenario as `open --print`
/// does.
pub(super) fn snapshot_ron(data: &[u8]) -> Result<(), Violation> {
    let Some(text) = text(data) else {
        return Ok(());
    };
    let snapshot = match Snapshot::from_ron(SNAPSHOT_FILE, text) {
        Ok(snapshot) => snapshot,
        Err(err) => return check_located(&err, &[(SNAPSHOT_FILE, text)]),
    };
    let written = snapshot.to_ron()?;
    let again = Snapshot::from_ron(SNAPSHOT_FILE, &written)
        .map_err(|err| format!("a written snapshot does not reparse: {err}\n---\n{written}"))?;
    if again.to_ron()? != written {
        return Err(format!("a written snapshot reparses different:\n{written}"));
    }
    let engine = inputs::default_engine()?;
    let scenario = engine.scenario();
    let Ok(viewpoint) = snapshot.viewpoint(scenario.offset()) else {
        return Ok(());
    };
    // The checks of `Snapshot::load`: a view it refuses is never resolved.
    if crate::control::Perspective::parse(&snapshot.view.perspective.to_arg(), scenario).is_err() {
        return Ok(());
    }
    let mut check = crate::control::View::default();
    for (place, faction) in &snapshot.view.assume {
        if check
            .add_assumption(&format!("{place}={faction}"), scenario)
            .is_err()
        {
            return Ok(());
        }
    }
    let Ok(at) = engine.check_moment(viewpoint.at) else {
        return Ok(());
    };
    engine.resolve_secs(&viewpoint.view, at.unix_secs());
    Ok(())
}

/// Article text read against the default scenario, published at noon on
/// 8 December 2024: every span and piece of evidence lies on the text's character
/// boundaries, and confidences are in 0..=1.
pub(super) fn ingest_article(data: &[u8]) -> Result<(), Violation> {
    let Some(text) = text(data) else {
        return Ok(());
    };
    let engine = inputs::default_engine()?;
    let published = Moment::parse("2024-12-08T12:00:00+03:00", Offset::UTC)?;
    let article = ArticleInput {
        text: text.to_owned(),
        published,
        publisher: Some("Fuzz News".to_owned()),
        url: None,
        title: None,
    };
    let drafts = crate::ingest::ingest(engine.scenario(), &article);
    let in_text = |range: &std::ops::Range<usize>| text.get(range.clone()).is_some();
    for draft in &drafts.drafts {
        if !in_text(&draft.span) {
            return Err(format!("draft span {:?} is not in the text", draft.span));
        }
        if !(0.0..=1.0).contains(&draft.confidence) {
            return Err(format!(
                "draft confidence {} outside 0..=1",
                draft.confidence
            ));
        }
        if let Some(evidence) = draft.why.iter().find(|evidence| !in_text(&evidence.range)) {
            return Err(format!("evidence {:?} is not in the text", evidence.range));
        }
    }
    Ok(())
}

/// Arguments, one per line after the program name: clap refuses them with exit code 0
/// (help, version) or 2, or the command runs; `check`, `resolve`, `routes`, `list` and
/// `completions` on the embedded scenario are run (the rest read or write files) and
/// either succeed or fail located (exit code 2).
pub(super) fn cli_args(data: &[u8]) -> Result<(), Violation> {
    let Some(text) = text(data) else {
        return Ok(());
    };
    let args = std::iter::once("frontline").chain(text.lines());
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.render();
            return match err.exit_code() {
                0 | 2 => Ok(()),
                code => Err(format!("clap exits with {code}: {err}")),
            };
        }
    };
    let Some(command) = cli.command else {
        return Ok(());
    };
    if !reads_embedded_only(&command) {
        return Ok(());
    }
    match crate::cli::execute(&command) {
        Ok(_) => Ok(()),
        Err(err) => {
            for diagnostic in &err.diagnostics {
                if diagnostic.file.is_empty() || diagnostic.line == 0 || diagnostic.col == 0 {
                    return Err(format!("unlocated command-line error: {diagnostic}"));
                }
            }
            if err.diagnostics.is_empty() {
                Err("a command-line error with no diagnostic".to_owned())
            } else {
                Ok(())
            }
        }
    }
}

/// Whether `command` reads nothing but the embedded scenario and writes no file.
fn reads_embedded_only(command: &Command) -> bool {
    match command {
        Command::Check { file, claims, .. } => file.is_none() && claims.is_none(),
        Command::Resolve { file, .. }
        | Command::Routes { file, .. }
        | Command::List { file, .. } => file.is_none(),
        Command::Completions { .. } => true,
        _ => false,
    }
}

/// A typed moment, the first byte choosing the offset (UTC, +03:00, -09:30): parses or
/// is refused; a parsed moment written as RFC 3339 reparses to itself.
pub(super) fn moment_parse(data: &[u8]) -> Result<(), Violation> {
    let Some((&first, rest)) = data.split_first() else {
        return Ok(());
    };
    let Some(text) = text(rest) else {
        return Ok(());
    };
    let offset = match first % 3 {
        0 => Offset::UTC,
        1 => Offset::from_seconds(3 * 3600).map_err(|err| err.to_string())?,
        _ => Offset::from_seconds(-(9 * 3600 + 1800)).map_err(|err| err.to_string())?,
    };
    let Ok(moment) = Moment::parse(text, offset) else {
        return Ok(());
    };
    let written = moment.to_rfc3339(offset);
    let _ = moment.words(offset);
    match Moment::parse(&written, offset) {
        Ok(again) if again == moment => Ok(()),
        Ok(again) => Err(format!(
            "{text:?} -> {written:?} -> {again:?}, not {moment:?}"
        )),
        Err(err) => Err(format!("{text:?} -> {written:?} does not reparse: {err}")),
    }
}
