//! The moment shown: the timeline moves the holders, a moment past the evidence is
//! clamped with a notice, and a chosen moment is shown to the second.

use egui_kittest::kittest::Queryable as _;
use frontline::control::Engine;
use frontline::ui::{Command, FrontlineApp};

use super::{harness, scenario};
use crate::common::mini_scenario;

#[test]
fn the_timeline_moves_the_holders() {
    let scenario = scenario();
    let (id, before, after) = if scenario.place_index("aleppo").is_some() {
        ("aleppo", "government", "rebels")
    } else {
        ("southtown", "army", "rebels")
    };
    let mut harness = harness(FrontlineApp::with_scenario(scenario));
    harness.run();
    assert_eq!(harness.state().controller_of(id), Some(after));
    let (start, _) = harness.state().world.time_span();
    harness
        .get_by_label("Time")
        .set_value_accesskit(start as f64);
    harness.run();
    assert_eq!(harness.state().now_secs(), start);
    assert_eq!(harness.state().controller_of(id), Some(before));
    // → steps to the next claim.
    harness.key_press(egui::Key::ArrowRight);
    harness.run();
    assert!(harness.state().now_secs() > start);
    harness.get_by_label_contains("As of");
    // Space plays; each frame moves the time on; Space again pauses.
    let before = harness.state().now_secs();
    harness.key_press(egui::Key::Space);
    harness.step();
    harness.step();
    harness.step();
    assert!(harness.state().playing);
    assert!(harness.state().now_secs() > before);
    harness.key_press(egui::Key::Space);
    harness.run();
    assert!(!harness.state().playing);
}

#[test]
fn a_moment_after_the_evidence_goes_stale_is_clamped_with_a_notice() {
    let engine = Engine::new(mini_scenario());
    let Some(range) = engine.moment_range() else {
        panic!("the fixture has claims");
    };
    let state = frontline::ui::State {
        time_secs: Some(range.last.unix_secs() + 30 * 86_400),
        ..frontline::ui::State::default()
    };
    let mut harness = harness(FrontlineApp::with_state(mini_scenario(), state));
    harness.run();
    assert_eq!(harness.state().now_secs(), range.last.unix_secs());
    harness
        .get_by_label("Showing 10 Dec 2024, 01:30: the scenario's evidence goes stale after that");
    // Choosing a moment the evidence speaks to drops the notice.
    harness
        .state_mut()
        .queue(Command::SetTime(range.last_claim.unix_secs()));
    harness.run();
    assert_eq!(harness.state().time_notice(), None);
    assert!(
        harness
            .query_by_label_contains("goes stale after that")
            .is_none()
    );
}

#[test]
fn a_chosen_moment_is_shown_to_the_second_never_rounded() {
    let scenario = frontline::io::default_scenario().unwrap_or_else(|err| panic!("{err}"));
    let offset = scenario.offset();
    let at =
        frontline::model::Moment::parse("2024-11-26", offset).unwrap_or_else(|e| panic!("{e}"));
    let state = frontline::ui::State {
        time_secs: Some(at.unix_secs()),
        ..frontline::ui::State::default()
    };
    let mut harness = harness(FrontlineApp::with_state(scenario, state));
    harness.run();
    // The end of a bare date is 23:59:59 local; the timeline slider once snapped it to
    // the next minute, the next day.
    assert_eq!(harness.state().now_secs(), at.unix_secs());
    harness.get_by_label_contains("Tuesday 26 November 2024, 23:59:59");
}
