//! The virtual display: the real binary in Xvfb, with fresh settings folders, and the
//! screen read back with xwd. Needs Xvfb and xwd (installed by scripts/test.sh);
//! `can_run` says where they are missing (and fails under CI).

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
pub(crate) struct Screen {
    pub(crate) width: usize,
    pub(crate) height: usize,
    pub(crate) rgb: Vec<[u8; 3]>,
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
pub(crate) fn can_run() -> bool {
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
pub(crate) struct Desktop {
    display: String,
    size: [usize; 2],
    _app: Killed,
    _xvfb: Killed,
    _config: tempfile::TempDir,
}

impl Desktop {
    pub(crate) fn start(n: u32, args: &[&std::ffi::OsStr]) -> Self {
        Self::start_sized(n, args, [1280, 800])
    }

    /// A display of `size` pixels: the window is clamped to it (eframe keeps windows
    /// within the monitor), as on a small laptop screen.
    pub(crate) fn start_sized(n: u32, args: &[&std::ffi::OsStr], size: [usize; 2]) -> Self {
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

    pub(crate) fn screen(&self) -> Option<Screen> {
        let dump = Command::new("xwd")
            .args(["-root", "-silent", "-display", self.display.as_str()])
            .output()
            .unwrap();
        parse_xwd(&dump.stdout)
    }

    /// Government and rebel pixels once `drawn` says the map is there (then one more
    /// frame, so it has settled); panics after 90 s.
    pub(crate) fn wait_for_map(&self, drawn: impl Fn((usize, usize)) -> bool) -> (usize, usize) {
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
