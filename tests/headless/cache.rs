//! The binary cache of loaded scenarios: a hit gives the scenario a parse gives; any
//! changed input byte misses; damaged entries fall back to parsing; a disabled cache
//! writes nothing. Every test uses its own temporary cache folder.
//!
//! A hit leaves the entry file as it was; a miss rewrites it atomically (a new file
//! renamed over it), so the entry's inode tells which happened.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests may unwrap.

use std::os::unix::fs::MetadataExt as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use frontline::control::{Engine, View};
use frontline::io::{Cache, load_scenario_cached};
use frontline::model::Scenario;
use frontline::synthetic::{SyntheticSize, synthetic_scenario, write_bulk_dir, write_scenario_dir};

use crate::common::binary;

/// The Syria scenario, its document and its region geometry, laid out in `dir` as in
/// `assets/`; returns the scenario's path.
fn syria_in(dir: &Path) -> PathBuf {
    let assets = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets");
    for (folder, file) in [
        ("scenarios", "syria-2024-12.ron"),
        ("documents", "syria-2024-12-07.txt"),
        ("geo", "governorates.geojson"),
    ] {
        std::fs::create_dir_all(dir.join(folder)).unwrap();
        std::fs::copy(assets.join(folder).join(file), dir.join(folder).join(file)).unwrap();
    }
    // A copy of assets/ keeps its root marker, which lets the scenario read ../documents.
    std::fs::copy(assets.join("frontline-root"), dir.join("frontline-root")).unwrap();
    dir.join("scenarios/syria-2024-12.ron")
}

/// The one entry in `cache` (there must be exactly one).
fn entry(cache: &Path) -> PathBuf {
    let entries: Vec<PathBuf> = std::fs::read_dir(cache)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(entries.len(), 1, "{entries:?}");
    entries[0].clone()
}

fn inode(path: &Path) -> u64 {
    std::fs::metadata(path).unwrap().ino()
}

fn load(path: &Path, claims: Option<&Path>, cache: &Cache) -> Scenario {
    load_scenario_cached(path, claims, cache).unwrap_or_else(|err| panic!("{err}"))
}

#[test]
fn a_hit_gives_the_parsed_scenario_and_resolution() {
    let dir = tempfile::tempdir().unwrap();
    let path = syria_in(dir.path());
    let cache = Cache::in_dir(dir.path().join("cache"), 0);
    let parsed = load(&path, None, &Cache::off());
    let first = load(&path, None, &cache);
    let written = entry(&dir.path().join("cache"));
    let hit = load(&path, None, &cache);
    assert_eq!(inode(&written), inode(&entry(&dir.path().join("cache"))));
    assert_eq!(first, parsed);
    assert_eq!(hit, parsed);
    assert!(!hit.documents[0].text.is_empty());

    let at = frontline::model::Moment::parse("2024-12-08", parsed.offset()).unwrap();
    let view = View::default();
    let (parsed, hit) = (Engine::new(parsed), Engine::new(hit));
    let at = at.unix_secs();
    assert_eq!(parsed.resolve_secs(&view, at), hit.resolve_secs(&view, at));
    assert_eq!(parsed.event_secs(), hit.event_secs());
}

/// Loads, changes one input with `change`, loads again: the second load must miss
/// (rewrite the entry) and see the change.
fn changed_input_misses(
    path: &Path,
    claims: Option<&Path>,
    cache_dir: &Path,
    changed: &Path,
    change: impl Fn(&mut Vec<u8>),
) {
    let cache = Cache::in_dir(cache_dir, 0);
    load(path, claims, &cache);
    let before = inode(&entry(cache_dir));
    let mut bytes = std::fs::read(changed).unwrap();
    change(&mut bytes);
    std::fs::write(changed, bytes).unwrap();
    let loaded = load(path, claims, &cache);
    assert_ne!(
        before,
        inode(&entry(cache_dir)),
        "{changed:?} changed, yet a hit"
    );
    assert_eq!(loaded, load(path, claims, &Cache::off()));
    // And the rewritten entry serves the new inputs.
    let after = inode(&entry(cache_dir));
    assert_eq!(load(path, claims, &cache), loaded);
    assert_eq!(after, inode(&entry(cache_dir)));
}

#[test]
fn any_changed_scenario_document_or_geometry_byte_misses() {
    let dir = tempfile::tempdir().unwrap();
    let path = syria_in(dir.path());
    let cache = dir.path().join("cache");
    changed_input_misses(&path, None, &cache, &path, |bytes| {
        let text = String::from_utf8(bytes.clone()).unwrap();
        *bytes = text.replacen("title: \"", "title: \"X", 1).into_bytes();
    });
    let document = dir.path().join("documents/syria-2024-12-07.txt");
    changed_input_misses(&path, None, &cache, &document, |bytes| bytes.push(b'.'));
    let geometry = dir.path().join("geo/governorates.geojson");
    changed_input_misses(&path, None, &cache, &geometry, |bytes| bytes.push(b' '));
}

#[test]
fn a_changed_claims_byte_misses() {
    let dir = tempfile::tempdir().unwrap();
    let scenario = synthetic_scenario(3, small());
    let (ron, jsonl) = write_bulk_dir(&scenario, dir.path()).unwrap();
    let cache = dir.path().join("cache");
    changed_input_misses(&ron, Some(&jsonl), &cache, &jsonl, |bytes| {
        let text = String::from_utf8(bytes.clone()).unwrap();
        *bytes = text
            .replacen("\"credibility\":", "\"credibility\": ", 1)
            .into_bytes();
    });
    changed_input_misses(&ron, Some(&jsonl), &cache, &jsonl, |bytes| {
        let text = String::from_utf8(bytes.clone()).unwrap();
        let field = text.find("\"credibility\":").unwrap();
        let claim = field + text[field..].find(|c: char| c.is_ascii_digit()).unwrap();
        bytes[claim] = if bytes[claim] == b'1' { b'2' } else { b'1' };
    });
    let loaded = load(&ron, Some(&jsonl), &Cache::in_dir(&cache, 0));
    assert_ne!(loaded, scenario, "the credibility change must show");
}

fn small() -> SyntheticSize {
    SyntheticSize {
        places: 40,
        claims: 300,
        days: 10,
    }
}

#[test]
fn damaged_entries_fall_back_and_are_rewritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = syria_in(dir.path());
    let cache_dir = dir.path().join("cache");
    let cache = Cache::in_dir(&cache_dir, 0);
    let parsed = load(&path, None, &Cache::off());
    load(&path, None, &cache);
    let entry = entry(&cache_dir);
    let good = std::fs::read(&entry).unwrap();
    let damages: Vec<Vec<u8>> = vec![
        good[..good.len() / 2].to_vec(),
        good[..3].to_vec(),
        Vec::new(),
        {
            let mut flipped = good.clone();
            let middle = flipped.len() * 3 / 4;
            flipped[middle] ^= 0x55;
            flipped
        },
        {
            let mut header = good.clone();
            header[0] = 0xff;
            header
        },
        b"not a cache at all".to_vec(),
    ];
    for damaged in damages {
        std::fs::write(&entry, &damaged).unwrap();
        assert_eq!(load(&path, None, &cache), parsed);
        assert_eq!(std::fs::read(&entry).unwrap(), good, "not rewritten");
    }
}

#[test]
fn a_cache_folder_that_cannot_be_written_does_not_stop_loading() {
    let dir = tempfile::tempdir().unwrap();
    let path = syria_in(dir.path());
    let file = dir.path().join("a-file");
    std::fs::write(&file, "in the way").unwrap();
    let cache = Cache::in_dir(file.join("cache"), 0);
    assert_eq!(load(&path, None, &cache), load(&path, None, &Cache::off()));
}

#[test]
fn small_inputs_and_a_disabled_cache_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = syria_in(dir.path());
    let cache_dir = dir.path().join("cache");
    load(&path, None, &Cache::in_dir(&cache_dir, 10 << 20));
    assert!(!cache_dir.exists());
    load(&path, None, &Cache::off());
    assert!(!cache_dir.exists());
}

#[test]
fn the_cli_caches_large_scenarios_unless_told_not_to() {
    let dir = tempfile::tempdir().unwrap();
    let size = SyntheticSize {
        places: 200,
        claims: 3000,
        days: 10,
    };
    let path = write_scenario_dir(&synthetic_scenario(5, size), &dir.path().join("s")).unwrap();
    assert!(std::fs::metadata(&path).unwrap().len() as usize >= Cache::MIN_BYTES);
    let check = |cache_dir: &Path, extra: &[&str], env: &[(&str, &str)]| {
        let output = Command::new(binary())
            .arg("check")
            .arg(&path)
            .args(extra)
            .env_remove("FRONTLINE_NO_CACHE")
            .env("FRONTLINE_CACHE_DIR", cache_dir)
            .envs(env.iter().copied())
            .output()
            .unwrap();
        assert!(output.status.success(), "{output:?}");
        String::from_utf8(output.stdout).unwrap()
    };
    let off = dir.path().join("off");
    let no_cache = check(&off, &["--no-cache"], &[]);
    check(&off, &[], &[("FRONTLINE_NO_CACHE", "1")]);
    assert!(!off.exists());
    let on = dir.path().join("on");
    let cold = check(&on, &[], &[]);
    let written = inode(&entry(&on));
    let warm = check(&on, &[], &[]);
    assert_eq!(written, inode(&entry(&on)), "the second check missed");
    assert_eq!(cold, no_cache);
    assert_eq!(warm, no_cache);
}
