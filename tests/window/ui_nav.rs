//! Navigation in the window, driven through egui_kittest: the wheel, the zoom buttons,
//! search focus, the shortcuts window, Esc, Home and End, fitting Syria and small
//! windows.

use egui::{Event, Key, Modifiers, MouseWheelSource, MouseWheelUnit, Pos2, TouchPhase, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use frontline::model::Scenario;
use frontline::ui::FrontlineApp;

fn scenario() -> Scenario {
    match frontline::io::default_scenario() {
        Ok(scenario) => scenario,
        Err(err) => panic!("the built-in scenario must load: {err}"),
    }
}

fn harness_sized(size: [f32; 2]) -> Harness<'static, FrontlineApp> {
    let app = FrontlineApp::with_scenario(scenario());
    let mut harness = Harness::builder()
        .with_size(size)
        .with_max_steps(60)
        .build_eframe(|_cc| app);
    harness.run();
    harness
}

fn harness() -> Harness<'static, FrontlineApp> {
    harness_sized([1400.0, 900.0])
}

fn map_rect(harness: &Harness<'_, FrontlineApp>) -> egui::Rect {
    match harness.state().map_view.map_rect() {
        Some(rect) => rect,
        None => panic!("the map should be drawn"),
    }
}

/// The lon/lat under screen position `pos` in the last frame.
fn lonlat_at(harness: &Harness<'_, FrontlineApp>, pos: Pos2) -> [f64; 2] {
    let Some(transform) = harness.state().map_view.last_transform() else {
        panic!("the map should be drawn");
    };
    let xy = transform.value_from_position(pos);
    frontline::geo::Projection::syria().lonlat_from_plot([xy.x, xy.y])
}

fn visible_width(harness: &Harness<'_, FrontlineApp>) -> f64 {
    let Some([w, _, e, _]) = harness.state().state.camera.bounds_lonlat else {
        panic!("the camera should be set");
    };
    e - w
}

fn wheel(harness: &mut Harness<'_, FrontlineApp>, delta: egui::Vec2, modifiers: Modifiers) {
    harness.event(Event::MouseWheel {
        unit: MouseWheelUnit::Point,
        delta,
        phase: TouchPhase::Move,
        source: MouseWheelSource::Unknown,
        modifiers,
    });
    harness.run();
}

#[test]
fn the_wheel_zooms_about_the_pointer() {
    let mut harness = harness();
    let rect = map_rect(&harness);
    let pos = rect.center() + vec2(rect.width() * 0.2, -rect.height() * 0.15);
    harness.hover_at(pos);
    harness.run();
    let before = visible_width(&harness);
    let under = lonlat_at(&harness, pos);

    wheel(&mut harness, vec2(0.0, 120.0), Modifiers::NONE);
    let zoomed = visible_width(&harness);
    assert!(zoomed < before * 0.8, "zoomed in: {before} -> {zoomed}");
    let Some(now) = harness.state().map_view.screen_pos_of(under[0], under[1]) else {
        panic!("the point should still be on the map");
    };
    assert!(now.distance(pos) < 2.0, "{now:?} should stay at {pos:?}");

    wheel(&mut harness, vec2(0.0, -120.0), Modifiers::NONE);
    let back = visible_width(&harness);
    assert!((back - before).abs() < before * 0.05, "{before} -> {back}");

    // Shift+wheel pans: the width stays, the box moves.
    let west = harness.state().state.camera.bounds_lonlat.map(|b| b[0]);
    wheel(&mut harness, vec2(0.0, 120.0), Modifiers::SHIFT);
    assert!((visible_width(&harness) - back).abs() < back * 0.01);
    assert_ne!(
        harness.state().state.camera.bounds_lonlat.map(|b| b[0]),
        west
    );
}

#[test]
fn the_zoom_buttons_and_keys_zoom() {
    let mut harness = harness();
    let before = visible_width(&harness);
    harness.get_by_label("Zoom in").click();
    harness.run();
    let zoomed = visible_width(&harness);
    assert!(zoomed < before * 0.8, "{before} -> {zoomed}");
    harness.get_by_label("Zoom out").click();
    harness.run();
    assert!((visible_width(&harness) - before).abs() < before * 0.02);
    harness.key_press(Key::Minus);
    harness.run();
    assert!(visible_width(&harness) > before * 1.2);
}

fn ctrl_f_then_type(harness: &mut Harness<'_, FrontlineApp>, text: &str) {
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.event(Event::Text(text.to_owned()));
    harness.run();
}

#[test]
fn ctrl_f_keeps_what_is_typed_and_replaces_the_old_query() {
    let mut harness = harness();
    // Typed in the same frame as Ctrl+F: nothing is lost.
    ctrl_f_then_type(&mut harness, "Dam");
    assert_eq!(harness.state().panels.search, "Dam");
    harness.event(Event::Text("ascus".to_owned()));
    harness.run();
    assert_eq!(harness.state().panels.search, "Damascus");
    // Ctrl+F again selects the query: typing replaces it.
    ctrl_f_then_type(&mut harness, "Homs");
    assert_eq!(harness.state().panels.search, "Homs");
    // Typed in the frame after.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    harness.event(Event::Text("Ham".to_owned()));
    harness.run();
    assert_eq!(harness.state().panels.search, "Ham");
    // The × button clears it.
    harness.get_by_label("×").click();
    harness.run();
    assert_eq!(harness.state().panels.search, "");
}

#[test]
fn f1_lists_the_shortcuts_and_esc_closes_the_top_window() {
    let mut harness = harness();
    harness.key_press(Key::F1);
    harness.run();
    assert!(harness.state().panels.keys_open);
    harness.get_by_label("Keyboard and mouse");
    for keys in ["Ctrl+F", "Home / End", "F1", "Esc", "Space", "+ / −"] {
        harness.get_by_label(keys);
    }
    harness.get_by_label("Zoom about the pointer");
    // Two windows: Esc closes the one on top, then the other.
    harness.state_mut().queue(frontline::ui::Command::ShowAbout);
    harness.run();
    assert!(harness.state().panels.about_open);
    harness.key_press(Key::Escape);
    harness.run();
    assert!(!harness.state().panels.about_open, "About was on top");
    assert!(harness.state().panels.keys_open);
    harness.key_press(Key::Escape);
    harness.run();
    assert!(!harness.state().panels.keys_open);
    // The Export window too.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run();
    assert!(harness.state().exports.window_open);
    harness.key_press(Key::Escape);
    harness.run();
    assert!(!harness.state().exports.window_open);
}

#[test]
fn home_and_end_go_to_the_ends_of_the_timeline() {
    let mut harness = harness();
    let (start, end) = harness.state().world.time_span();
    harness.key_press(Key::Home);
    harness.run();
    assert_eq!(harness.state().now_secs(), start);
    harness.key_press(Key::End);
    harness.run();
    assert_eq!(harness.state().now_secs(), end);
    // Not while a text field has the focus: there they move the cursor.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    harness.key_press(Key::Home);
    harness.run();
    assert_eq!(harness.state().now_secs(), end);
}

/// Asserts every point of Syria's outline is on the map, and Syria fills it well.
fn assert_syria_fits(harness: &Harness<'_, FrontlineApp>) {
    let rect = map_rect(harness);
    let buttons = [
        harness.get_by_label("Zoom in").rect(),
        harness.get_by_label("Zoom out").rect(),
    ];
    let app = harness.state();
    let Some(outline) = app.world.basemap.syria_outline() else {
        panic!("the basemap should have Syria");
    };
    let mut seen = egui::Rect::NOTHING;
    for polygon in &outline.0 {
        for point in polygon.exterior().points() {
            let Some(pos) = app.map_view.screen_pos_of(point.x(), point.y()) else {
                panic!("the map should be drawn");
            };
            assert!(
                rect.contains(pos),
                "({}, {}) at {pos:?} is outside the map {rect:?}",
                point.x(),
                point.y()
            );
            assert!(
                !buttons.iter().any(|b| b.expand(2.0).contains(pos)),
                "({}, {}) is under a zoom button",
                point.x(),
                point.y()
            );
            seen.extend_with(pos);
        }
    }
    let fill = (seen.width() / rect.width()).max(seen.height() / rect.height());
    assert!(fill > 0.7, "Syria should fill the map: {fill}");
}

#[test]
fn fit_shows_all_of_syria() {
    for size in [
        [1400.0, 900.0],
        [1024.0, 700.0],
        [1920.0, 1080.0],
        [1280.0, 800.0],
        [2400.0, 900.0],
    ] {
        let mut harness = harness_sized(size);
        assert_syria_fits(&harness);
        // Zoomed in elsewhere first.
        harness.key_press(Key::Plus);
        harness.key_press(Key::Plus);
        harness.run();
        harness.key_press(Key::F);
        harness.run();
        assert_syria_fits(&harness);
    }
}

#[test]
fn a_fitted_map_stays_fitted_when_the_window_changes_size() {
    let mut harness = harness_sized([1400.0, 900.0]);
    harness.set_size(vec2(1000.0, 900.0));
    harness.run();
    assert_syria_fits(&harness);
    harness.set_size(vec2(1600.0, 700.0));
    harness.run();
    assert_syria_fits(&harness);
    // Once the user has moved the map, a resize keeps what they chose.
    harness.key_press(Key::Plus);
    harness.run();
    let zoomed = visible_width(&harness);
    harness.set_size(vec2(1500.0, 700.0));
    harness.run();
    assert!(visible_width(&harness) < zoomed * 1.2);
}

#[test]
fn a_small_window_keeps_half_of_it_for_the_map() {
    for size in [[1024.0, 700.0], [800.0, 600.0], [1400.0, 900.0]] {
        let harness = harness_sized(size);
        let rect = map_rect(&harness);
        assert!(
            rect.width() >= size[0] / 2.0,
            "at {size:?} the map is {} wide",
            rect.width()
        );
        assert_syria_fits(&harness);
    }
}

#[test]
fn the_side_panels_hide_and_show() {
    let mut harness = harness_sized([1024.0, 700.0]);
    let wide = map_rect(&harness).width();
    harness.get_by_label("Hide the left panel").click();
    harness.run();
    assert!(!harness.state().state.show_controls);
    harness.get_by_label("Hide the right panel").click();
    harness.run();
    assert!(!harness.state().state.show_sidebar);
    let wider = map_rect(&harness).width();
    assert!(wider > wide + 300.0, "{wide} -> {wider}");
    assert_syria_fits(&harness);
    harness.get_by_label("Show the left panel").click();
    harness.run();
    assert!(harness.state().state.show_controls);
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Right panel").click();
    harness.run();
    assert!(harness.state().state.show_sidebar);
}

#[test]
fn the_what_if_banner_wraps_in_a_small_window() {
    let mut harness = harness_sized([800.0, 600.0]);
    let (p, f) = {
        let scenario = harness.state().world.scenario();
        let p = scenario.place_index("homs").unwrap_or_default();
        (p, scenario.faction_index("rebels").unwrap_or_default())
    };
    harness
        .state_mut()
        .queue(frontline::ui::Command::Assume(p, f));
    harness.run();
    let banner = harness.get_by_label_contains("What-if: ").rect();
    assert!(banner.height() < 60.0, "{banner:?}");
    assert!(banner.width() > 150.0, "{banner:?}");
}

/// The kilometres the scale bar names, from its accessible label "Scale bar: 50 km".
fn scale_bar_km(harness: &Harness<'_, FrontlineApp>) -> f64 {
    let node = harness.get_by_label_contains("Scale bar: ");
    // A Role::Label widget carries its words as the node's value.
    let Some(label) = node.accesskit_node().value() else {
        panic!("the scale bar should be named");
    };
    let Some(km) = label
        .strip_prefix("Scale bar: ")
        .and_then(|rest| rest.strip_suffix(" km"))
        .and_then(|n| n.parse::<f64>().ok())
    else {
        panic!("not a scale: {label:?}");
    };
    km
}

/// The map's width in km along its middle, measured from the lon/lat at its edges (true
/// at 35° N, as the bar says).
fn map_width_km(harness: &Harness<'_, FrontlineApp>) -> f64 {
    let rect = map_rect(harness);
    let west = lonlat_at(harness, rect.left_center());
    let east = lonlat_at(harness, rect.right_center());
    (east[0] - west[0]) * 111.32 * 35f64.to_radians().cos()
}

#[test]
fn the_scale_bar_names_a_round_distance_that_follows_the_zoom() {
    let mut harness = harness();
    let round = |km: f64| {
        let mantissa = km / 10f64.powf(km.log10().floor());
        [1.0, 2.0, 5.0].iter().any(|m| (mantissa - m).abs() < 1e-6)
    };
    let before = scale_bar_km(&harness);
    let share = before / map_width_km(&harness);
    assert!(
        round(before),
        "{before} km is not 1, 2 or 5 times a power of ten"
    );
    assert!(
        (0.06..=0.2).contains(&share),
        "{before} km is {share} of the map"
    );
    for _ in 0..3 {
        harness.get_by_label("Zoom in").click();
        harness.run();
    }
    let zoomed = scale_bar_km(&harness);
    let share = zoomed / map_width_km(&harness);
    assert!(zoomed < before, "zoomed in: {before} km -> {zoomed} km");
    assert!(
        round(zoomed) && (0.06..=0.2).contains(&share),
        "{zoomed} km, {share}"
    );
}

#[test]
fn at_country_scale_the_capital_and_every_governorate_seat_are_labelled() {
    let harness = harness();
    let scenario = scenario();
    let labels = harness.state().map_view.label_texts();
    let tiers = frontline::geo::label_priority::label_tiers(&scenario);
    let important: Vec<&str> = scenario
        .places
        .iter()
        .zip(&tiers)
        .filter(|(_, tier)| {
            matches!(
                tier,
                frontline::geo::label_priority::LabelTier::Capital
                    | frontline::geo::label_priority::LabelTier::GovernorateSeat
            )
        })
        .map(|(place, _)| place.name.as_str())
        .collect();
    assert!(important.len() >= 10, "seats: {important:?}");
    for name in &important {
        assert!(
            labels.iter().any(|l| l == name),
            "{name} unlabelled: {labels:?}"
        );
    }
    // Claimed places come before the rest: a place no claim names is labelled only if
    // it is labelled after every claimed one (the order is the rule).
    let position = |name: &str| labels.iter().position(|l| l == name);
    let claimed_names: Vec<&str> = scenario
        .places
        .iter()
        .zip(&tiers)
        .filter(|(_, t)| **t == frontline::geo::label_priority::LabelTier::Claimed)
        .map(|(p, _)| p.name.as_str())
        .collect();
    let last_claimed = claimed_names.iter().filter_map(|n| position(n)).max();
    let first_other = scenario
        .places
        .iter()
        .zip(&tiers)
        .filter(|(_, t)| **t == frontline::geo::label_priority::LabelTier::Other)
        .filter_map(|(p, _)| position(&p.name))
        .min();
    if let (Some(claimed), Some(other)) = (last_claimed, first_other) {
        assert!(
            claimed < other,
            "an unclaimed place labelled before a claimed one"
        );
    }
}

#[test]
fn the_map_keeps_its_width_whatever_is_selected_and_when_the_banner_appears() {
    let mut harness = harness_sized([1024.0, 700.0]);
    let width = map_rect(&harness).width();
    // One place held by each faction that holds any, so every faction name (the
    // longest included) shows in the sidebar once.
    let picks: Vec<usize> = {
        let state = harness.state();
        let resolution = &state.world.resolution;
        let factions = state.world.scenario().factions.len();
        (0..factions)
            .filter_map(|f| {
                resolution
                    .places
                    .iter()
                    .position(|p| p.controller.map(usize::from) == Some(f))
            })
            .collect()
    };
    assert!(picks.len() >= 3, "{picks:?}");
    for p in picks {
        harness
            .state_mut()
            .queue(frontline::ui::Command::Select(Some(p)));
        harness.run();
        let now = map_rect(&harness).width();
        assert!((now - width).abs() < 1.0, "place {p}: {width} -> {now}");
    }
    let (p, f) = {
        let scenario = harness.state().world.scenario();
        let p = scenario.place_index("homs").unwrap_or_default();
        (p, scenario.faction_index("rebels").unwrap_or_default())
    };
    harness
        .state_mut()
        .queue(frontline::ui::Command::Assume(p, f));
    harness.run();
    let now = map_rect(&harness).width();
    assert!((now - width).abs() < 1.0, "banner: {width} -> {now}");
}
