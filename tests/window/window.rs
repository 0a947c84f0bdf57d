//! The real binary in a virtual X display: it opens a window and draws a map.
//! Needs Xvfb and xwd (installed by scripts/test.sh); skipped, loudly, where absent
//! outside CI. The display itself is `crate::desktop`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests may unwrap.

use crate::desktop::{Desktop, Screen, can_run};

#[test]
fn the_binary_opens_a_window_that_draws_a_map() {
    if !can_run() {
        return;
    }
    let desktop = Desktop::start(0, &[]);
    // Markers and territory in both sides' colours: the map was drawn.
    let (government, rebels) = desktop.wait_for_map(|(g, r)| g > 200 && r > 200);
    assert!(government > 200 && rebels > 200);
}

/// Writes a snapshot of the default scenario at the end of 7 December; with
/// `hide_government`, the government's places, territory and the roads are hidden.
fn write_snapshot(path: &std::path::Path, hide_government: bool) {
    let mut layers = frontline::layers::Layers::default();
    if hide_government {
        layers.hidden_factions.insert("government".into());
        layers.routes = false;
        layers.severed = false;
    }
    let text = frontline::export::Snapshot {
        format_version: frontline::export::snapshot::SNAPSHOT_FORMAT_VERSION,
        scenario_path: None,
        scenario_hash: frontline::export::fnv1a64_hex(
            frontline::io::default_scenario_text().as_bytes(),
        ),
        at: "2024-12-07T20:59:59Z".into(),
        view: frontline::control::View::default(),
        layers,
        bbox_lonlat: None,
    }
    .to_ron()
    .unwrap();
    std::fs::write(path, text).unwrap();
}

/// Runs `frontline open SNAPSHOT --renderer RENDERER` in a fresh display and returns
/// the counts of government and rebel pixels once the map is drawn.
fn open_in_window(renderer: &str, snapshot: &std::path::Path, n: u32) -> (usize, usize) {
    let args = [
        "open".as_ref(),
        snapshot.as_os_str(),
        "--renderer".as_ref(),
        renderer.as_ref(),
    ];
    // Stale places (most of the government's on 7 December) are drawn faint: fewer
    // pixels of the pure faction colours than confirmed ones.
    Desktop::start(n + 1, &args).wait_for_map(|(g, r)| g + r > 400)
}

#[test]
fn open_shows_a_snapshot_in_the_window_with_either_renderer() {
    if !can_run() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (all, hidden) = (dir.path().join("all.ron"), dir.path().join("hidden.ron"));
    write_snapshot(&all, false);
    write_snapshot(&hidden, true);
    let shown = open_in_window("glow", &all, 0);
    eprintln!("glow, all layers: government/rebel pixels {shown:?}");
    for (n, renderer) in ["glow", "wgpu"].into_iter().enumerate() {
        let without = open_in_window(renderer, &hidden, n as u32 + 1);
        eprintln!("{renderer}, government hidden: government/rebel pixels {without:?}");
        // The snapshot's layers reached the window: far fewer government pixels.
        assert!(
            without.0 * 3 < shown.0,
            "{renderer}: the government is still drawn: {without:?} vs {shown:?}"
        );
    }
}

#[test]
fn frontline_file_shows_a_snapshot_in_the_window() {
    if !can_run() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (all, hidden) = (dir.path().join("all.ron"), dir.path().join("hidden.ron"));
    write_snapshot(&all, false);
    write_snapshot(&hidden, true);
    // `frontline --renderer glow FILE`: no command.
    let shown_in = |snapshot: &std::path::Path, n: u32| {
        let args = ["--renderer".as_ref(), "glow".as_ref(), snapshot.as_os_str()];
        Desktop::start(n, &args).wait_for_map(|(g, r)| g + r > 400)
    };
    let shown = shown_in(&all, 5);
    let without = shown_in(&hidden, 6);
    eprintln!("frontline FILE: government/rebel pixels {shown:?}, government hidden {without:?}");
    // The snapshot's view reached the window: far fewer government pixels.
    assert!(
        without.0 * 3 < shown.0,
        "the government is still drawn: {without:?} vs {shown:?}"
    );
}

/// The columns of `screen` that show the map's own colours (sea or land outside
/// Syria), from the leftmost to the rightmost: the map's width in pixels.
fn map_width_px(screen: &Screen) -> usize {
    let colours = [
        frontline::ui::theme::map_sea(),
        frontline::ui::theme::map_land(),
    ]
    .map(|c| [c.r(), c.g(), c.b()]);
    let mut columns = (usize::MAX, 0);
    for (i, p) in screen.rgb.iter().enumerate() {
        if colours
            .iter()
            .any(|c| (0..3).all(|k| p[k].abs_diff(c[k]) <= 4))
        {
            let x = i % screen.width;
            columns = (columns.0.min(x), columns.1.max(x));
        }
    }
    if columns.0 > columns.1 {
        return 0;
    }
    columns.1 - columns.0 + 1
}

#[test]
fn a_1024_by_700_screen_keeps_half_the_window_for_the_map() {
    if !can_run() {
        return;
    }
    let desktop = Desktop::start_sized(7, &[], [1024, 700]);
    desktop.wait_for_map(|(g, r)| g > 100 && r > 100);
    let screen = desktop.screen().unwrap();
    let width = map_width_px(&screen);
    eprintln!("at 1024x700 the map is {width} px wide");
    assert!(
        width >= 512,
        "the map is {width} px wide in a 1024 px window"
    );
    assert!(width < 1024, "the side panels are shown too: {width} px");
}
