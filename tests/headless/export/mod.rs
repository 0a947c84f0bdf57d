//! `frontline export` and `frontline open`, run as a user would: on the small fixture
//! (known places and colours) and on the embedded default scenario (generic checks).
//! This file holds what the export tests share; each format has its own module.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests may unwrap.

mod acled;
mod bad_input;
mod documents;
mod geojson;
mod picture;
mod print;

use std::path::{Path, PathBuf};

use resvg::tiny_skia::Pixmap;

use crate::common::frontline;

const MINI: &str = "tests/fixtures/mini.ron";
const AT: &str = "2024-12-07";
const ARMY: [u8; 3] = [0xc0, 0x39, 0x2b];
const REBELS: [u8; 3] = [0x27, 0xae, 0x60];

/// Runs `frontline` and expects success.
fn ok(args: &[&str]) -> String {
    let (code, stdout, stderr) = frontline(args);
    assert_eq!(code, 0, "{args:?}: {stderr}");
    stdout
}

fn export(file: Option<&str>, format: &str, out: &Path, extra: &[&str]) {
    let mut args = vec!["export"];
    args.extend(file);
    args.extend([
        "--at",
        AT,
        "--format",
        format,
        "--out",
        out.to_str().unwrap(),
    ]);
    args.extend(extra);
    ok(&args);
}

fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    let be = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    (be(16), be(20))
}

/// The translate(x y) of the marker group of `place` in an exported SVG.
fn marker_position(svg: &str, place: &str) -> (f32, f32) {
    let group = format!("id=\"place-{place}\"");
    let start = svg
        .find(&group)
        .unwrap_or_else(|| panic!("no marker for {place}"));
    let rest = &svg[start..];
    let t = rest.find("translate(").unwrap() + "translate(".len();
    let end = rest[t..].find(')').unwrap();
    let mut numbers = rest[t..t + end]
        .split(' ')
        .map(|n| n.parse::<f32>().unwrap());
    (numbers.next().unwrap(), numbers.next().unwrap())
}

/// Mean colour of the 3x3 pixels around (x, y).
fn colour_at(pixmap: &Pixmap, (x, y): (f32, f32)) -> [i32; 3] {
    let mut sum = [0i32; 3];
    for dy in -1..=1 {
        for dx in -1..=1 {
            let p = pixmap
                .pixel(
                    (x.round() as i32 + dx) as u32,
                    (y.round() as i32 + dy) as u32,
                )
                .unwrap();
            sum[0] += i32::from(p.red());
            sum[1] += i32::from(p.green());
            sum[2] += i32::from(p.blue());
        }
    }
    sum.map(|s| s / 9)
}

fn close_to(colour: [i32; 3], expected: [u8; 3]) -> bool {
    colour
        .iter()
        .zip(expected)
        .all(|(c, e)| (c - i32::from(e)).abs() <= 3)
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}
