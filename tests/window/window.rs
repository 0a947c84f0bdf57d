//! The real binary in a virtual X display: it opens a window and draws a map.
//! Needs Xvfb and xwd (installed by scripts/test.sh); skipped, loudly, where absent
//! outside CI.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests may unwrap.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::binary;

/// Kills the child when dropped, so a failing test leaves no process behind.
struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn have(tool: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// An X window dump (XWD, ZPixmap, 24/32 bits per pixel) as RGB pixels.
struct Screen {
    width: usize,
    height: usize,
    rgb: Vec<[u8; 3]>,
}

fn parse_xwd(bytes: &[u8]) -> Option<Screen> {
    let field = |i: usize| -> Option<u32> {
        let b = bytes.get(i * 4..i * 4 + 4)?;
        Some(u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    };
    let header_size = field(0)? as usize;
    let (width, height) = (field(4)? as usize, field(5)? as usize);
    let msb_first = field(7)? == 1;
    let bits_per_pixel = field(11)?;
    let bytes_per_line = field(12)? as usize;
    let (red, green, blue) = (field(14)?, field(15)?, field(16)?);
    let colours = field(19)? as usize;
    if bits_per_pixel != 32 {
        return None;
    }
    let pixels = bytes.get(header_size + colours * 12..)?;
    let channel = |value: u32, mask: u32| ((value & mask) >> mask.trailing_zeros()) as u8;
    let mut rgb = Vec::with_capacity(width * height);
    for y in 0..height {
        for x in 0..width {
            let b = pixels.get(y * bytes_per_line + x * 4..y * bytes_per_line + x * 4 + 4)?;
            let value = if msb_first {
                u32::from_be_bytes([b[0], b[1], b[2], b[3]])
            } else {
                u32::from_le_bytes([b[0], b[1], b[2], b[3]])
            };
            rgb.push([
                channel(value, red),
                channel(value, green),
                channel(value, blue),
            ]);
        }
    }
    Some(Screen { width, height, rgb })
}

fn count_near(screen: &Screen, colour: [u8; 3]) -> usize {
    screen
        .rgb
        .iter()
        .filter(|p| (0..3).all(|i| p[i].abs_diff(colour[i]) <= 12))
        .count()
}

/// True when the virtual display can run; otherwise says why (and fails under CI).
fn can_run() -> bool {
    if have("Xvfb") && have("xwd") {
        return true;
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "CI must have Xvfb and xwd (scripts/test.sh installs them)"
    );
    eprintln!("SKIPPED: Xvfb or xwd missing; run scripts/test.sh as root to install them");
    false
}

/// A virtual display running the binary with `args`, with fresh settings folders:
/// the window opens as a new user would see it. Both processes end on drop.
struct Desktop {
    display: String,
    size: [usize; 2],
    _app: Killed,
    _xvfb: Killed,
    _config: tempfile::TempDir,
}

impl Desktop {
    fn start(n: u32, args: &[&std::ffi::OsStr]) -> Self {
        Self::start_sized(n, args, [1280, 800])
    }

    /// A display of `size` pixels: the window is clamped to it (eframe keeps windows
    /// within the monitor), as on a small laptop screen.
    fn start_sized(n: u32, args: &[&std::ffi::OsStr], size: [usize; 2]) -> Self {
        let display = format!(":{}", 90 + n * 100 + std::process::id() % 100);
        let screen = format!("{}x{}x24", size[0], size[1]);
        let xvfb = Killed(
            Command::new("Xvfb")
                .args([
                    display.as_str(),
                    "-screen",
                    "0",
                    screen.as_str(),
                    "-nolisten",
                    "tcp",
                ])
                .stderr(Stdio::null())
                .spawn()
                .unwrap(),
        );
        std::thread::sleep(Duration::from_millis(700));
        let config = tempfile::tempdir().unwrap();
        let app = Killed(
            Command::new(binary())
                .args(args)
                .env("DISPLAY", &display)
                .env_remove("WAYLAND_DISPLAY")
                .env_remove("FRONTLINE_RENDERER")
                .env("LIBGL_ALWAYS_SOFTWARE", "1")
                .env("XDG_DATA_HOME", config.path())
                .env("XDG_CONFIG_HOME", config.path())
                .env("HOME", config.path())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap(),
        );
        Self {
            display,
            size,
            _app: app,
            _xvfb: xvfb,
            _config: config,
        }
    }

    fn screen(&self) -> Option<Screen> {
        let dump = Command::new("xwd")
            .args(["-root", "-silent", "-display", self.display.as_str()])
            .output()
            .unwrap();
        parse_xwd(&dump.stdout)
    }

    /// Government and rebel pixels once `drawn` says the map is there (then one more
    /// frame, so it has settled); panics after 90 s.
    fn wait_for_map(&self, drawn: impl Fn((usize, usize)) -> bool) -> (usize, usize) {
        let scenario = frontline::io::default_scenario().unwrap();
        let colour = |id: &str| {
            scenario.factions[scenario.faction_index(id).unwrap()]
                .rgb()
                .unwrap()
        };
        let (government, rebels) = (colour("government"), colour("rebels"));
        let counts = |screen: &Screen| (count_near(screen, government), count_near(screen, rebels));
        let deadline = Instant::now() + Duration::from_secs(90);
        let mut last = (0, 0);
        while Instant::now() < deadline {
            std::thread::sleep(Duration::from_secs(2));
            let Some(screen) = self.screen() else {
                continue;
            };
            assert_eq!([screen.width, screen.height], self.size);
            last = counts(&screen);
            if drawn(last) {
                std::thread::sleep(Duration::from_secs(1));
                return self.screen().map_or(last, |screen| counts(&screen));
            }
        }
        panic!("no map drawn within 90 s: government/rebel pixels {last:?}");
    }
}

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
