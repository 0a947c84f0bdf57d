//! A full disk: a small tmpfs mounted for the test (as root; skipped with a message
//! where mounting is not allowed) and filled to the last byte. Saving and autosaving
//! fail with a message naming the file and the cause; the old files stay whole, no
//! temporary is left behind, and the edits stay in memory until a later save works.

use std::path::{Path, PathBuf};
use std::process::Command;

use frontline::edit::{Edit, Workspace};
use frontline::io::{SaveError, load_project};

use crate::common::split_fixture;
use crate::save::{new_claim, read, temporaries};

/// A tmpfs of `size` mounted on a temporary folder, unmounted when dropped.
struct SmallDisk {
    dir: tempfile::TempDir,
}

impl SmallDisk {
    fn mount(size: &str) -> Option<Self> {
        let dir = tempfile::tempdir().unwrap();
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir.path())
            .output()
            .is_ok_and(|out| out.status.success());
        mounted.then_some(Self { dir })
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.dir.path()).status();
    }
}

/// Fills the disk holding `dir` to the last byte; returns the filler file.
fn fill(dir: &Path) -> PathBuf {
    use std::io::Write as _;
    let filler = dir.join("filler");
    let mut file = std::fs::File::create(&filler).unwrap();
    let block = vec![0u8; 4096];
    while file.write_all(&block).is_ok() {}
    // The last partial block, byte by byte.
    while file.write_all(&[0]).is_ok() {}
    filler
}

#[test]
fn a_full_disk_fails_the_save_and_the_autosave_and_loses_nothing() {
    let Some(disk) = SmallDisk::mount("2m") else {
        eprintln!("skipped: mounting a tmpfs needs root (CAP_SYS_ADMIN)");
        return;
    };
    let main = split_fixture(disk.path());
    let part = disk.path().join("part.ron");
    let recovery = disk.path().join("recovery");
    std::fs::create_dir(&recovery).unwrap();
    let before = (read(&main), read(&part));
    let mut workspace = Workspace::open(&main).unwrap();
    for n in 0..20 {
        workspace
            .apply(Edit::AddClaim(new_claim(&format!("c-full-{n}"))))
            .unwrap();
    }
    workspace
        .apply(Edit::RemoveClaim {
            id: "c-mid-fighting".into(),
        })
        .unwrap();
    let edited = workspace.scenario().clone();
    let filler = fill(disk.path());

    let err = workspace.save(Some(&recovery)).unwrap_err();
    let SaveError::Write { path, source } = &err else {
        panic!("not a write error: {err}");
    };
    assert_eq!(source.raw_os_error(), Some(28), "{err}"); // ENOSPC
    assert!(path.starts_with(disk.path()), "{err}");
    assert!(err.to_string().contains("No space left"), "{err}");
    assert_eq!(
        (read(&main), read(&part)),
        before,
        "a failed save changed the files"
    );
    let left = temporaries(disk.path());
    assert!(
        left.is_empty(),
        "temporaries left on the full disk: {left:?}"
    );
    assert!(workspace.is_dirty());
    assert_eq!(workspace.scenario(), &edited);

    let err = frontline::io::autosave(&workspace, &recovery).unwrap_err();
    assert!(err.to_string().contains("No space left"), "{err}");

    // Space again: the same workspace saves, and the files hold the edits.
    std::fs::remove_file(filler).unwrap();
    workspace.save(Some(&recovery)).unwrap();
    assert_eq!(load_project(&main).unwrap().scenario, edited);
}
