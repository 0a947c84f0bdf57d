//! The side panels and what they change on the map: layers, perspective, what-if,
//! hidden sources, and compare.

use egui_kittest::kittest::Queryable as _;
use frontline::control::{Engine, Perspective, View};
use frontline::ui::{Command, FrontlineApp};

use super::{harness, scenario};
use crate::common::mini_scenario;

#[test]
fn a_layer_toggle_removes_that_layer() {
    let mut harness = harness(FrontlineApp::with_scenario(scenario()));
    harness.run();
    let generation = harness.state().world.generation;
    harness.get_by_label("Routes").click();
    harness.run();
    assert!(!harness.state().state.layers.routes);
    assert!(harness.state().world.generation > generation);

    let (faction_id, label) = {
        let app = harness.state();
        let scenario = app.world.scenario();
        let f = scenario.faction_index("rebels").unwrap_or_default();
        let held = app
            .world
            .resolution
            .places
            .iter()
            .filter(|s| s.controller.map(usize::from) == Some(f))
            .count();
        let faction = &scenario.factions[f];
        (faction.id.clone(), format!("{} ({held})", faction.name))
    };
    harness.get_by_label(&label).click();
    harness.run();
    assert!(
        harness
            .state()
            .state
            .layers
            .hidden_factions
            .contains(&faction_id)
    );
}

#[test]
fn a_perspective_change_recolours_a_place() {
    let scenario = scenario();
    // Find a place and two sources whose accounts give it different holders.
    let engine = Engine::new(scenario.clone());
    let end = engine.time_range_secs().map_or(0, |r| r.1);
    let controllers = |source: &str| {
        let view = View {
            perspective: Perspective::Source(source.to_owned()),
            ..View::default()
        };
        engine.resolve_secs(&view, end).places
    };
    let sources: Vec<_> = scenario
        .sources
        .iter()
        .filter(|s| !s.is_baseline())
        .collect();
    let differing = sources.iter().find_map(|a| {
        let first = controllers(&a.id);
        sources.iter().find_map(|b| {
            let second = controllers(&b.id);
            (0..first.len())
                .find(|&p| first[p].controller != second[p].controller)
                .map(|p| (a, b, p))
        })
    });
    let Some((a, b, p)) = differing else {
        panic!("no two sources disagree about a place");
    };
    let mut harness = harness(FrontlineApp::with_scenario(scenario.clone()));
    harness
        .state_mut()
        .queue(Command::SetPerspective(Perspective::Source(a.id.clone())));
    harness.run();
    let held_by_a = harness.state().world.resolution.places[p].controller;
    // Switch source through the combo box.
    harness.get_by_label("Source").click();
    harness.run();
    harness.get_by_label(&b.name).scroll_to_me();
    harness.run();
    harness.get_by_label(&b.name).click();
    harness.run();
    assert_eq!(
        harness.state().state.perspective,
        Perspective::Source(b.id.clone())
    );
    assert_ne!(
        harness.state().world.resolution.places[p].controller,
        held_by_a
    );
    harness.get_by_label_contains(&format!("as {} tells it", b.name));
}

#[test]
fn what_if_shows_a_banner_and_resets() {
    let scenario = mini_scenario();
    let p = scenario.place_index("southtown").unwrap_or_default();
    let mut harness = harness(FrontlineApp::with_scenario(scenario));
    harness.state_mut().queue(Command::Select(Some(p)));
    harness.run();
    harness.get_by_label("Assume Southtown held").click();
    harness.run();
    assert_eq!(harness.state().controller_of("southtown"), Some("army"));
    harness.get_by_label_contains("What-if: Southtown assumed held by The army");
    harness.get_by_label_contains("Southtown to Northtown:");
    harness.get_by_label("Reset").click();
    harness.run();
    assert!(harness.state().assume.is_empty());
    assert_eq!(harness.state().controller_of("southtown"), Some("rebels"));
}

#[test]
fn hiding_a_source_drops_its_claims_from_the_map() {
    let mut harness = harness(FrontlineApp::with_scenario(mini_scenario()));
    harness.run();
    assert_eq!(harness.state().controller_of("southtown"), Some("rebels"));
    harness.get_by_label("observers (2 claims)").click();
    harness.run();
    assert!(harness.state().state.hidden_sources.contains("observers"));
    assert_eq!(harness.state().controller_of("southtown"), Some("army"));
}

#[test]
fn compare_lists_the_places_that_changed_hands() {
    let scenario = scenario();
    let (id, name) = if scenario.place_index("aleppo").is_some() {
        ("aleppo", "Aleppo")
    } else {
        ("southtown", "Southtown")
    };
    let mut harness = harness(FrontlineApp::with_scenario(scenario));
    harness.run();
    let (start, end) = harness.state().world.time_span();
    assert_ne!(start, end);
    harness.get_by_label("Compare with another date").click();
    harness.run();
    // The comparison defaults to the start of the timeline.
    harness.get_by_label_contains("places changed hands since");
    let short = |f: &str| {
        let scenario = harness.state().world.scenario();
        scenario
            .faction_index(f)
            .map(|i| scenario.factions[i].short.clone())
            .unwrap_or_default()
    };
    let (before, after) = if id == "aleppo" {
        ("government", "rebels")
    } else {
        ("army", "rebels")
    };
    let arrow = frontline::ui::format::arrow(&harness.ctx);
    let label = format!("{name}: {} {arrow} {}", short(before), short(after));
    harness.get_by_label(&label).click();
    harness.run();
    assert_eq!(harness.state().selected, harness.state().place_index(id));
}
