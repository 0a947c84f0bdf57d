//! Loading a scenario file (and bulk claims) from disk: every file read under the
//! scenario's [`ReadPolicy`], large scenarios served from the cache.

use std::path::Path;

use super::LoadError;
use super::cache::{self, Cache, Inputs, Key};
use super::load::load_with_bulk;
use super::sandbox::{self, FileKind, ReadPolicy};
use crate::model::Scenario;

/// Reads a scenario file and the documents beside it, and validates it all.
/// Nothing is returned unless everything is right. Large scenarios are served from
/// the cache ([`Cache::from_env`]) while none of their files changed. The files it
/// names are read under [`ReadPolicy::for_file`].
pub fn load_scenario_file(path: &Path) -> Result<Scenario, LoadError> {
    load_scenario_cached(path, None, &Cache::from_env())
}

/// Reads a scenario file and appends the claims of a bulk JSON-lines file (one claim
/// per line, the same fields as in the scenario; see [`super::bulk`]), then validates
/// it all, locating problems in whichever file they are. Cached like
/// [`load_scenario_file`].
pub fn load_scenario_with_claims(path: &Path, claims: &Path) -> Result<Scenario, LoadError> {
    load_scenario_cached(path, Some(claims), &Cache::from_env())
}

/// [`load_scenario_file`] (or [`load_scenario_with_claims`] with `claims`) with an
/// explicit cache: a hit when an entry was made from the same bytes of every input,
/// else a parse that, when it succeeds, rewrites the entry. Errors are the parse's.
pub fn load_scenario_cached(
    path: &Path,
    claims: Option<&Path>,
    cache: &Cache,
) -> Result<Scenario, LoadError> {
    load_scenario_with_policy(path, claims, cache, &ReadPolicy::for_file(path))
}

/// [`load_scenario_cached`] under an explicit policy. The scenario and the bulk
/// claims are the user's choice, so only the file rules (regular, size) apply to
/// them; the files the scenario names must also be inside `policy.root`.
pub fn load_scenario_with_policy(
    path: &Path,
    claims: Option<&Path>,
    cache: &Cache,
    policy: &ReadPolicy,
) -> Result<Scenario, LoadError> {
    let name = path.display().to_string();
    let scenario_limit = policy.limit(FileKind::Scenario);
    let claims_limit = policy.limit(FileKind::Claims);
    // Checked before the cache hashes them: a device would never end.
    let scenario_size = sandbox::file_size(path, FileKind::Scenario, scenario_limit)
        .map_err(|err| err.whole_file(&name, "scenario"))?;
    let claims_size = match claims {
        Some(claims) => sandbox::file_size(claims, FileKind::Claims, claims_limit)
            .map_err(|err| err.whole_file(&claims.display().to_string(), "claims"))?,
        None => 0,
    };
    let folder = sandbox::canonical(path.parent().unwrap_or(Path::new(".")));
    let read_sibling = |relative: &str, kind: FileKind| policy.read_inside(&folder, relative, kind);
    let list = |relative: &str| policy.list_inside(&folder, relative);
    let siblings = super::include::Siblings {
        read: &read_sibling,
        list: Some(&list),
    };
    let bytes = usize::try_from(scenario_size.saturating_add(claims_size)).unwrap_or(usize::MAX);
    let entry = cache.entry(path, claims, bytes);
    // A hit reads the inputs only to hash them, none past the length it was made
    // from; any problem reading them is left to the parse below, which reports it.
    let read_unchanged = |relative: &str, len: u64| {
        let limit = len.min(policy.max_bytes.unwrap_or(u64::MAX));
        let file = policy.resolve(&folder, relative).ok()?;
        sandbox::read_file(&file, FileKind::Document, limit).ok()
    };
    if let Some(entry) = &entry
        && let Some(scenario) = Key::of_file(path)
        && let Some(claims_key) = claims.map_or(Some(None), |claims| Key::of_file(claims).map(Some))
        && let Some(hit) = cache::lookup(entry, scenario, claims_key, &read_unchanged)
    {
        return Ok(hit);
    }
    let text = sandbox::read_file(path, FileKind::Scenario, scenario_limit)
        .map_err(|err| err.whole_file(&name, "scenario"))?;
    let claims_file = match claims {
        Some(claims) => {
            let claims_name = claims.display().to_string();
            let claims_text = sandbox::read_file(claims, FileKind::Claims, claims_limit)
                .map_err(|err| err.whole_file(&claims_name, "claims"))?;
            Some((claims_name, claims_text))
        }
        None => None,
    };
    // The keys of what is parsed, not of what was hashed above: the files may have
    // changed in between.
    let keys = entry.as_ref().map(|_| {
        (
            Key::of(text.as_bytes()),
            claims_file
                .as_ref()
                .map(|(_, text)| Key::of(text.as_bytes())),
        )
    });
    let bulk = claims_file
        .as_ref()
        .map(|(name, text)| (name.as_str(), text.as_str()));
    let loaded = load_with_bulk(&name, &text, &siblings, bulk)?;
    let (scenario, geometry) = (loaded.scenario, loaded.geometry);
    if let (Some(entry), Some((scenario_key, claims_key))) = (&entry, keys) {
        // Drop the texts first: at a million claims they are hundreds of megabytes.
        drop(claims_file);
        drop(text);
        let mut siblings: Vec<(String, Key)> = scenario
            .documents
            .iter()
            .map(|document| {
                (
                    document.text_file.clone(),
                    Key::of(document.text.as_bytes()),
                )
            })
            .chain(
                scenario
                    .region_geometry
                    .clone()
                    .zip(geometry)
                    .map(|(path, text)| (path, Key::of(text.as_bytes()))),
            )
            .chain(
                loaded
                    .datasets
                    .iter()
                    .map(|(path, text)| (path.clone(), Key::of(text.as_bytes()))),
            )
            // Included files are checked like documents; an included folder cannot be
            // read as a file, so a scenario that includes one is never a hit.
            .chain(
                loaded
                    .files
                    .iter()
                    .map(|file| (file.relative.clone(), Key::of(file.text.as_bytes()))),
            )
            .chain(
                scenario
                    .includes
                    .iter()
                    .filter(|entry| entry.ends_with('/'))
                    .map(|entry| (entry.clone(), Key::of(entry.as_bytes()))),
            )
            .collect();
        siblings.sort();
        siblings.dedup();
        let inputs = Inputs {
            scenario: scenario_key,
            claims: claims_key,
            siblings,
        };
        cache::store(entry, inputs, &scenario);
    }
    Ok(scenario)
}
