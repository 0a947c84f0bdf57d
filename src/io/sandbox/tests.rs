#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::*;

fn policy(root: &Path) -> ReadPolicy {
    ReadPolicy {
        root: canonical(root),
        allow_outside: false,
        max_bytes: None,
    }
}

#[test]
fn paths_stay_inside_the_root() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("root");
    std::fs::create_dir_all(root.join("scenarios")).unwrap();
    std::fs::create_dir_all(root.join("documents")).unwrap();
    std::fs::write(root.join("documents/d.txt"), "text").unwrap();
    std::fs::write(dir.path().join("secret.txt"), "secret").unwrap();
    let base = root.join("scenarios");
    let inside = policy(&root);
    assert_eq!(
        inside
            .read_inside(&base, "../documents/d.txt", FileKind::Document)
            .unwrap(),
        "text"
    );
    let absolute = dir.path().join("secret.txt").display().to_string();
    assert!(matches!(
        inside.resolve(&base, &absolute),
        Err(PathError::Absolute)
    ));
    assert!(matches!(
        inside.resolve(&base, "../../secret.txt"),
        Err(PathError::Escapes { .. })
    ));
    // `..` that comes back inside is fine.
    assert!(
        inside
            .resolve(&base, "../scenarios/../documents/d.txt")
            .is_ok()
    );
    let open = ReadPolicy {
        allow_outside: true,
        ..policy(&root)
    };
    assert_eq!(
        open.read_inside(&base, &absolute, FileKind::Document)
            .unwrap(),
        "secret"
    );
}

#[cfg(unix)]
#[test]
fn links_out_of_the_root_are_refused_and_links_inside_followed() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("root");
    std::fs::create_dir_all(&root).unwrap();
    std::fs::write(root.join("real.txt"), "real").unwrap();
    std::fs::write(dir.path().join("secret.txt"), "secret").unwrap();
    std::os::unix::fs::symlink(dir.path().join("secret.txt"), root.join("out.txt")).unwrap();
    std::os::unix::fs::symlink(root.join("real.txt"), root.join("in.txt")).unwrap();
    let inside = policy(&root);
    assert!(matches!(
        inside.resolve(&root, "out.txt"),
        Err(PathError::LinksOut { .. })
    ));
    assert_eq!(
        inside
            .read_inside(&root, "in.txt", FileKind::Document)
            .unwrap(),
        "real"
    );
}

#[test]
fn only_regular_files_within_the_limit_are_read() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("big.txt"), "x".repeat(2000)).unwrap();
    std::fs::create_dir(dir.path().join("folder")).unwrap();
    let small = ReadPolicy {
        max_bytes: Some(1000),
        ..policy(dir.path())
    };
    let err = small
        .read_inside(dir.path(), "big.txt", FileKind::Document)
        .unwrap_err();
    assert!(
        err.to_string().contains("1000-byte limit for documents"),
        "{err}"
    );
    assert!(matches!(
        policy(dir.path()).read_inside(dir.path(), "folder", FileKind::Document),
        Err(PathError::Folder)
    ));
    #[cfg(unix)]
    assert!(matches!(
        read_file(Path::new("/dev/zero"), FileKind::Document, 1000),
        Err(PathError::NotRegular)
    ));
}

#[test]
fn reading_stops_past_the_limit() {
    let err = read::read_at_most(&[7u8; 2000][..], FileKind::Geometry, 1000, 0).unwrap_err();
    assert!(matches!(err, PathError::TooLarge { size: None, .. }));
    assert_eq!(
        read::read_at_most(&[7u8; 1000][..], FileKind::Geometry, 1000, 0)
            .unwrap()
            .len(),
        1000
    );
}

#[test]
fn the_root_is_marked_or_the_scenarios_own_folder() {
    let dir = tempfile::tempdir().unwrap();
    let base = canonical(dir.path());
    std::fs::create_dir_all(base.join("a/scenarios")).unwrap();
    std::fs::create_dir_all(base.join("b/deep/er")).unwrap();
    // A folder's name widens nothing.
    assert_eq!(
        find_root(&base.join("a/scenarios/s.ron")),
        base.join("a/scenarios")
    );
    assert_eq!(
        find_root(&base.join("b/deep/er/s.ron")),
        base.join("b/deep/er")
    );
    std::fs::write(base.join("b").join(ROOT_MARKER), "").unwrap();
    assert_eq!(find_root(&base.join("b/deep/er/s.ron")), base.join("b"));
    assert_eq!(find_root(Path::new("s.ron")), canonical(Path::new(".")));
}
