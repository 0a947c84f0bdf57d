//! Saving under real kills: a child process (this test binary, running the ignored
//! test [`child_saves_until_killed`]) edits and saves a scenario of 100,000 claims over
//! and over, and the parent kills it with SIGKILL at random moments of its saves. After
//! every kill the files hold either the whole old version or the whole new one, never a
//! mix of the two files or a torn file, and the recovery file restores the edits of a
//! save that did not finish.
//!
//! `FRONTLINE_KILLS` sets the number of kills and `FRONTLINE_KILL_CLAIMS` the claims
//! (default: 3 kills of a 100,000-claim scenario, about 35 s in a debug build;
//! `scripts/kill_saves.sh` runs 40 or more in a release build).

use std::io::{BufRead as _, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use frontline::edit::{Edit, Workspace};
use frontline::io::{ScenarioPart, file_ron, find_recovery_in, restore, scenario_to_ron};
use frontline::model::Scenario;
use frontline::synthetic::{SyntheticSize, synthetic_scenario};

use crate::common::next_random;

/// Where the child works: the scenario folder, then the recovery folder.
const CHILD_ENV: &str = "FRONTLINE_SAVE_KILL_CHILD";
/// A number from the environment, or `default`.
fn from_env(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default)
}

/// The id of the claim round `round` adds to the main file.
fn added_id(round: usize) -> String {
    format!("kill-{round}")
}

/// The id of the claim round `round` removes from the included file.
fn removed_id(part_claims: &[String], round: usize) -> &str {
    &part_claims[round]
}

/// The main file (everything but the claims) and `part.ron` (the claims) in `dir`.
fn write_scenario(dir: &Path) -> (PathBuf, Vec<String>) {
    let mut scenario = synthetic_scenario(
        11,
        SyntheticSize {
            places: 300,
            claims: from_env("FRONTLINE_KILL_CLAIMS", 100_000),
            days: 30,
        },
    );
    for document in &scenario.documents {
        std::fs::write(dir.join(&document.text_file), &document.text).unwrap();
    }
    let claims = std::mem::take(&mut scenario.claims);
    let ids = claims.iter().map(|c| c.id.clone()).collect();
    scenario.includes = vec!["part.ron".into()];
    let main = dir.join("main.ron");
    std::fs::write(&main, scenario_to_ron(&scenario).unwrap()).unwrap();
    let part = ScenarioPart {
        claims,
        ..Default::default()
    };
    std::fs::write(dir.join("part.ron"), file_ron(&part).unwrap()).unwrap();
    (main, ids)
}

/// Rounds saved whole: `kill-0 … kill-(n-1)` are in the main file and the first `n`
/// claims of the included file are gone, and nothing is half of a round.
fn rounds_saved(scenario: &Scenario, part_claims: &[String]) -> usize {
    let has = |id: &str| scenario.claims.iter().any(|c| c.id == id);
    let added = (0..).take_while(|&r| has(&added_id(r))).count();
    let removed = (0..part_claims.len())
        .take_while(|&r| !has(removed_id(part_claims, r)))
        .count();
    assert_eq!(
        added, removed,
        "a torn save: {added} rounds added to the main file, {removed} removed from part.ron"
    );
    assert!(!has(&added_id(added + 1)), "rounds saved out of order");
    added
}

/// The child: opens the scenario (finishing a save a kill interrupted), then edits
/// both files, autosaves the edits and saves, round after round, until killed.
#[test]
#[ignore = "run by a_save_killed_at_random_moments_leaves_old_or_new_files"]
fn child_saves_until_killed() {
    let Ok(dirs) = std::env::var(CHILD_ENV) else {
        return;
    };
    let (dir, recovery) = dirs.split_once('\n').unwrap();
    let main = Path::new(dir).join("main.ron");
    let ids: Vec<String> = std::fs::read_to_string(Path::new(dir).join("ids.txt"))
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect();
    let mut workspace = Workspace::open(&main).unwrap();
    let template = workspace.scenario().claims[0].clone();
    for round in rounds_saved(workspace.scenario(), &ids).. {
        let mut added = template.clone();
        added.id = added_id(round);
        workspace.apply(Edit::AddClaim(added)).unwrap();
        workspace
            .apply(Edit::RemoveClaim {
                id: removed_id(&ids, round).to_owned(),
            })
            .unwrap();
        frontline::io::autosave(&workspace, Path::new(recovery)).unwrap();
        println!("saving {round}");
        let start = Instant::now();
        workspace.save(Some(Path::new(recovery))).unwrap();
        println!("saved {round} {}", start.elapsed().as_millis());
    }
}

#[test]
fn a_save_killed_at_random_moments_leaves_old_or_new_files() {
    let kills = from_env("FRONTLINE_KILLS", 3);
    let dir = tempfile::tempdir().unwrap();
    let recovery = tempfile::tempdir().unwrap();
    let (main, ids) = write_scenario(dir.path());
    std::fs::write(dir.path().join("ids.txt"), ids.join("\n")).unwrap();
    let mut random = 0x5eed_u64;
    let mut save_ms = None;
    let (mut old_kept, mut new_kept) = (0, 0);
    let child_errors = dir.path().join("child-errors.txt");
    let errors = || std::fs::read_to_string(&child_errors).unwrap_or_default();
    for kill in 0..kills {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "save_kill::child_saves_until_killed",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(
                CHILD_ENV,
                format!("{}\n{}", dir.path().display(), recovery.path().display()),
            )
            .stdout(Stdio::piped())
            .stderr(std::fs::File::create(&child_errors).unwrap())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        // Learn how long a save takes from the first one, then kill in the middle of
        // a save: at a random moment between its start and a little after its end.
        let mut in_flight = None;
        while let Some(Ok(line)) = lines.next() {
            if let Some(round) = line.strip_prefix("saving ") {
                in_flight = Some(round.parse::<usize>().unwrap());
                if let Some(ms) = save_ms {
                    let delay = next_random(&mut random) % (ms * 6 / 5 + 1);
                    std::thread::sleep(Duration::from_millis(delay));
                    break;
                }
            } else if let Some(rest) = line.strip_prefix("saved ") {
                let ms: u64 = rest.split(' ').nth(1).unwrap().parse().unwrap();
                save_ms = Some(ms.max(1));
            }
        }
        child.kill().unwrap();
        let status = child.wait().unwrap();
        assert!(
            !status.success(),
            "kill {kill}: the child ended by itself: {status}\n{}",
            errors()
        );
        let Some(round) = in_flight else {
            panic!("kill {kill}: the child never started a save:\n{}", errors());
        };

        let reopened = Workspace::open(&main).unwrap();
        let saved = rounds_saved(reopened.scenario(), &ids);
        assert!(
            saved == round || saved == round + 1,
            "kill {kill} during the save of round {round}: {saved} rounds on disk"
        );
        if saved == round {
            old_kept += 1;
            // The save did not finish: the recovery file has its edits.
            let found = find_recovery_in(recovery.path(), &main).unwrap().unwrap();
            let restored = restore(&found).unwrap();
            assert_eq!(rounds_saved(restored.scenario(), &ids), round + 1);
        } else {
            new_kept += 1;
        }
    }
    eprintln!("{kills} kills: {old_kept} left the old version, {new_kept} the new one");
}
