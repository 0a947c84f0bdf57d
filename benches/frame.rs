//! A whole frame of the real app, headless: `FrontlineApp::ui` inside egui's
//! `Context::run_ui`, then `Context::tessellate` (everything but the GPU upload and
//! draw), at 1600x900 points. For the default scenario and the large one (1M claims over
//! 20k real places): idle (nothing changes), scrubbing (a new moment every frame, as
//! when dragging the timeline) and hovering (the pointer moves over the map).
//!
//! Besides criterion's estimate of the mean, every frame's time is recorded and the
//! median and 95th percentile per case are printed at the end (`FRAME ...` lines), since
//! the target is on the 95th percentile.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use eframe::App as _;
use frontline::model::Scenario;
use frontline::synthetic::benchmark_scenario;
use frontline::ui::{Command, FrontlineApp};

static FRAMES: Mutex<Vec<(String, Vec<Duration>)>> = Mutex::new(Vec::new());

const SCREEN: egui::Vec2 = egui::vec2(1600.0, 900.0);

struct Headless {
    ctx: egui::Context,
    app: FrontlineApp,
    frame: eframe::Frame,
    t: f64,
}

impl Headless {
    fn new(scenario: Scenario) -> Self {
        let mut headless = Self {
            ctx: egui::Context::default(),
            app: FrontlineApp::with_scenario(scenario),
            frame: eframe::Frame::_new_kittest(),
            t: 0.0,
        };
        // Fonts, layout caches, textures: the first frames are not the steady state.
        for _ in 0..5 {
            headless.frame(Vec::new());
        }
        headless
    }

    /// One frame with these input events; returns the number of triangles, so the
    /// tessellation is not optimised away.
    fn frame(&mut self, events: Vec<egui::Event>) -> usize {
        self.t += 1.0 / 60.0;
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, SCREEN)),
            time: Some(self.t),
            predicted_dt: 1.0 / 60.0,
            events,
            ..Default::default()
        };
        let (app, frame) = (&mut self.app, &mut self.frame);
        let output = self.ctx.run_ui(input, |ui| app.ui(ui, frame));
        let primitives = self.ctx.tessellate(output.shapes, output.pixels_per_point);
        primitives.len()
    }
}

fn scenarios() -> Vec<(&'static str, Scenario)> {
    let default = frontline::io::default_scenario().unwrap_or_else(|err| panic!("{err}"));
    let large = benchmark_scenario(1_000_000).unwrap_or_else(|message| panic!("{message}"));
    vec![("default", default), ("large_1m", large)]
}

/// Runs `one` per iteration and keeps each frame's time for the percentiles.
fn bench_frames(
    c: &mut Criterion,
    name: String,
    headless: &mut Headless,
    mut one: impl FnMut(&mut Headless, u64) -> usize,
) {
    let mut times = Vec::new();
    let mut n = 0u64;
    c.bench_function(&name, |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                n += 1;
                let start = Instant::now();
                std::hint::black_box(one(headless, n));
                let took = start.elapsed();
                times.push(took);
                total += took;
            }
            total
        });
    });
    if let Ok(mut frames) = FRAMES.lock() {
        frames.push((name, times));
    }
}

fn frames(c: &mut Criterion) {
    for (name, scenario) in scenarios() {
        let (first, last) = {
            let engine = frontline::control::Engine::new(scenario.clone());
            engine.time_range_secs().unwrap_or((0, 0))
        };
        let mut headless = Headless::new(scenario);
        bench_frames(c, format!("frame/{name}/idle"), &mut headless, |h, _| {
            h.frame(Vec::new())
        });
        bench_frames(c, format!("frame/{name}/scrub"), &mut headless, |h, n| {
            // Across the whole timeline in 600 frames, back and forth.
            let step = (n % 1200) as i64;
            let step = if step < 600 { step } else { 1200 - step };
            h.app
                .queue(Command::SetTime(first + (last - first) * step / 600));
            h.frame(Vec::new())
        });
        bench_frames(c, format!("frame/{name}/hover"), &mut headless, |h, n| {
            // A slow sweep across the middle of the window, where the map is.
            let i = (n % 400) as f32;
            let pos = egui::pos2(400.0 + i * 2.0, 300.0 + (i * 0.7) % 300.0);
            h.frame(vec![egui::Event::PointerMoved(pos)])
        });
    }
    report();
}

fn report() {
    let Ok(frames) = FRAMES.lock() else { return };
    for (name, times) in frames.iter() {
        let mut ms: Vec<f64> = times.iter().map(|t| t.as_secs_f64() * 1e3).collect();
        ms.sort_by(f64::total_cmp);
        let at = |q: f64| ms[((ms.len() - 1) as f64 * q).round() as usize];
        if !ms.is_empty() {
            println!(
                "FRAME {name}: frames {} median {:.3} ms p95 {:.3} ms max {:.3} ms",
                ms.len(),
                at(0.5),
                at(0.95),
                at(1.0)
            );
        }
    }
    if let Some(rss) = max_rss_kib() {
        println!("FRAME peak RSS of this process: {} MiB", rss / 1024);
    }
}

/// The process's peak resident set (VmHWM), in KiB, on Linux.
fn max_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))?
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    targets = frames
}
criterion_main!(benches);
