//! Image snapshots of the whole window, rendered by wgpu (Mesa's lavapipe/llvmpipe on
//! machines without a GPU). The references live in `tests/snapshots/`; refresh them
//! with `UPDATE_SNAPSHOTS=1 cargo test --test ui_snapshots`.
//!
//! Each snapshot starts from fixed settings (no persisted state), the embedded default
//! scenario and a fixed moment, so it depends neither on the machine nor on the date.
//! The threshold is tolerant: software rasterisers differ slightly in anti-aliasing.

use egui_kittest::{Harness, SnapshotOptions};
use frontline::control::Perspective;
use frontline::ui::{Command, FrontlineApp, State};

/// The fixed window size of every snapshot.
const SIZE: [f32; 2] = [1400.0, 900.0];

/// A moment as Unix seconds.
fn secs(text: &str) -> i64 {
    text.parse::<jiff::Timestamp>()
        .map(|ts| ts.as_second())
        .unwrap_or_else(|err| panic!("{text}: {err}"))
}

/// The app on the default scenario with default settings, at `at`.
fn app(at: &str) -> FrontlineApp {
    let scenario = match frontline::io::default_scenario() {
        Ok(scenario) => scenario,
        Err(err) => panic!("the default scenario must load: {err}"),
    };
    let state = State {
        time_secs: Some(secs(at)),
        perspective: Perspective::All,
        dark: true,
        ..State::default()
    };
    FrontlineApp::with_state(scenario, state)
}

fn harness(app: FrontlineApp) -> Harness<'static, FrontlineApp> {
    Harness::builder()
        .with_size(SIZE)
        .with_pixels_per_point(1.0)
        .with_max_steps(40)
        .wgpu()
        .build_eframe(|_cc| app)
}

/// Tolerant comparison: per-pixel colour distance and a share of differing pixels.
fn options() -> SnapshotOptions {
    SnapshotOptions::new()
        .threshold(2.0)
        .max_failed_pixels(6_000)
}

fn select(harness: &mut Harness<'_, FrontlineApp>, id: &str) {
    let p = harness
        .state()
        .place_index(id)
        .unwrap_or_else(|| panic!("{id} is not in the default scenario"));
    harness.state_mut().queue(Command::Select(Some(p)));
    harness.run();
}

#[test]
fn window_after_the_offensive_with_a_city_selected() {
    let mut harness = harness(app("2024-12-07T23:59:59+03:00"));
    harness.run();
    select(&mut harness, "aleppo");
    harness.snapshot_options("window_aleppo_2024-12-07", &options());
}

#[test]
fn window_before_the_offensive() {
    let mut harness = harness(app("2024-11-26T23:59:59+03:00"));
    harness.run();
    harness.snapshot_options("window_before_2024-11-26", &options());
}

#[test]
fn window_with_the_homs_what_if_banner() {
    let mut harness = harness(app("2024-12-07T23:59:59+03:00"));
    harness.run();
    let (p, f) = {
        let app = harness.state();
        let p = app.place_index("homs").unwrap_or_default();
        let f = app.world.faction_index("rebels").unwrap_or_default();
        (p, f)
    };
    harness.state_mut().queue(Command::Select(Some(p)));
    harness.state_mut().queue(Command::Assume(p, f));
    harness.run();
    assert_eq!(harness.state().controller_of("homs"), Some("rebels"));
    harness.snapshot_options("window_homs_what_if", &options());
}

#[test]
fn window_with_the_key_open_and_compare_showing_before() {
    let mut harness = harness(app("2024-12-07T23:59:59+03:00"));
    harness.run();
    harness
        .state_mut()
        .queue(Command::SetCompareDate(Some(jiff::civil::date(
            2024, 11, 26,
        ))));
    harness.run();
    use egui_kittest::kittest::Queryable as _;
    harness.get_by_label("Key").click();
    harness.run();
    harness.get_by_label("Compare with another date").click();
    harness.run();
    harness.get_by_label("Before").click();
    harness.run();
    assert!(harness.state().panels.compare.before);
    harness.snapshot_options("window_key_and_compare_before", &options());
}
