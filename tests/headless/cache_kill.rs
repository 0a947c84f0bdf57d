//! The cache under killed writers: `frontline check` of a large scenario is killed
//! with SIGKILL at random moments while it parses and writes its cache entry. An
//! entry is only ever renamed into place whole, so the next load either hits a good
//! entry or parses again, and what it gives equals a parse. Temporaries a killed
//! writer leaves are removed by a later writer once they are old.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant, SystemTime};

use frontline::io::{Cache, load_scenario_cached};
use frontline::synthetic::{SyntheticSize, synthetic_scenario, write_scenario_dir};

use crate::common::{binary, next_random};

/// Runs `frontline check` on `path` with the cache in `cache_dir`, killing it after
/// `kill_after` (`None`: lets it finish).
fn check(path: &Path, cache_dir: &Path, kill_after: Option<Duration>) {
    let mut child = Command::new(binary())
        .arg("check")
        .arg(path)
        .env_remove("FRONTLINE_NO_CACHE")
        .env("FRONTLINE_CACHE_DIR", cache_dir)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    match kill_after {
        Some(delay) => {
            std::thread::sleep(delay);
            let _ = child.kill();
            let _ = child.wait();
        }
        None => assert!(child.wait().unwrap().success()),
    }
}

#[test]
fn a_cache_writer_killed_at_random_moments_never_leaves_a_wrong_entry() {
    let dir = tempfile::tempdir().unwrap();
    let size = SyntheticSize {
        places: 300,
        claims: 20_000,
        days: 20,
    };
    let path = write_scenario_dir(&synthetic_scenario(9, size), &dir.path().join("s")).unwrap();
    let parsed = load_scenario_cached(&path, None, &Cache::off()).unwrap();
    let cache_dir = dir.path().join("cache");
    let start = Instant::now();
    check(&path, &dir.path().join("timing"), None);
    let whole_ms = start.elapsed().as_millis() as u64;

    let mut random = 0x0c0f_fee5_u64;
    for kill in 0..6 {
        let delay = Duration::from_millis(next_random(&mut random) % (whole_ms + 1));
        // Each kill starts from no entry, so that every one is a writer.
        let _ = std::fs::remove_dir_all(&cache_dir);
        check(&path, &cache_dir, Some(delay));
        let cache = Cache::in_dir(&cache_dir, 0);
        let loaded = load_scenario_cached(&path, None, &cache).unwrap();
        assert_eq!(loaded, parsed, "kill {kill} after {delay:?}");
        // Now the entry is whole: a hit gives the same.
        let again = load_scenario_cached(&path, None, &cache).unwrap();
        assert_eq!(again, parsed, "kill {kill}: the entry written after it");
    }
}

#[test]
fn temporaries_of_killed_writers_are_removed_once_old() {
    let dir = tempfile::tempdir().unwrap();
    let size = SyntheticSize {
        places: 40,
        claims: 300,
        days: 10,
    };
    let path = write_scenario_dir(&synthetic_scenario(2, size), &dir.path().join("s")).unwrap();
    let cache_dir = dir.path().join("cache");
    std::fs::create_dir_all(&cache_dir).unwrap();
    let old = cache_dir.join(".tmpKILLED");
    let young = cache_dir.join(".tmpWRITING");
    for file in [&old, &young] {
        std::fs::write(file, b"half an entry").unwrap();
    }
    let hour_ago = SystemTime::now() - Duration::from_secs(3600);
    std::fs::File::options()
        .write(true)
        .open(&old)
        .unwrap()
        .set_modified(hour_ago)
        .unwrap();
    load_scenario_cached(&path, None, &Cache::in_dir(&cache_dir, 0)).unwrap();
    assert!(!old.exists(), "a killed writer's temporary stays");
    assert!(young.exists(), "a live writer's temporary was removed");
}
