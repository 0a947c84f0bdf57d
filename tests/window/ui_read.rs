//! Reading the map, time and what-if in the window, driven through egui_kittest: the
//! map's key, the timeline's date entry and its list of changes, Compare on the map,
//! the what-if control's place and order, the perspective line and population.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use frontline::control::{Status, View};
use frontline::export::{ROAD_FRONT, ROAD_HELD, ROAD_SEVERED, TERRITORY_METHOD, status_legend};
use frontline::model::{Moment, Scenario};
use frontline::ui::{Command, FrontlineApp};

fn scenario() -> Scenario {
    frontline::io::default_scenario().expect("the built-in scenario loads")
}

fn harness() -> Harness<'static, FrontlineApp> {
    let app = FrontlineApp::with_scenario(scenario());
    let mut harness = Harness::builder()
        .with_size([1400.0, 900.0])
        .with_max_steps(60)
        .build_eframe(|_cc| app);
    harness.run();
    harness
}

fn map_width(harness: &Harness<'_, FrontlineApp>) -> f32 {
    harness
        .state()
        .map_view
        .map_rect()
        .expect("the map is drawn")
        .width()
}

#[test]
fn the_key_lists_every_status_road_style_and_the_territory_method() {
    let mut harness = harness();
    let freshness = harness.state().world.scenario().freshness_hours;
    let width = map_width(&harness);
    let confirmed = status_legend(Status::Confirmed, freshness);
    assert!(
        harness.query_by_label(&confirmed).is_none(),
        "collapsed at first"
    );
    let territory_before = harness.query_all_by_label(TERRITORY_METHOD).count();
    harness.get_by_label("Key").click();
    harness.run();
    for status in Status::ALL {
        harness.get_by_label(&status_legend(status, freshness));
    }
    for words in [ROAD_HELD, ROAD_FRONT, ROAD_SEVERED] {
        harness.get_by_label(words);
    }
    assert_eq!(
        harness.query_all_by_label(TERRITORY_METHOD).count(),
        territory_before + 1,
        "the key states the territory method"
    );
    // The key floats over the map: the map keeps its width.
    assert!((map_width(&harness) - width).abs() < 0.5);
    harness.get_by_label("Key").click();
    harness.run();
    assert!(
        harness.query_by_label(&confirmed).is_none(),
        "collapses again"
    );
}

/// Replaces the timeline entry's text with `text` and presses Enter.
fn enter_time(harness: &mut Harness<'_, FrontlineApp>, text: &str) {
    harness
        .get_by_role_and_label(Role::TextInput, "Go to")
        .focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_role_and_label(Role::TextInput, "Go to")
        .type_text(text);
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
}

#[test]
fn typing_a_date_moves_the_time_and_a_bad_one_says_why_and_keeps_it() {
    let mut harness = harness();
    let (start, end) = harness.state().world.time_span();
    let offset = harness.state().world.scenario().offset();
    let before = harness.state().now_secs();
    let date = frontline::ui::format::local_date(start + (end - start) / 2, offset);
    let text = date.to_string();
    enter_time(&mut harness, &text);
    let expected = Moment::end_of_date(date, offset).unwrap().unix_secs();
    assert_ne!(expected, before);
    assert_eq!(harness.state().now_secs(), expected, "{text}");
    assert!(harness.state().panels.time_entry.error.is_none());

    for bad in ["2024-13-45", "next tuesday", "2030-01-01"] {
        enter_time(&mut harness, bad);
        assert_eq!(harness.state().now_secs(), expected, "{bad} moved the time");
        harness.get_by_label_contains("Not changed: ");
        assert!(harness.state().panels.time_entry.error.is_some(), "{bad}");
    }
    // A good moment clears the message.
    enter_time(&mut harness, &format!("{text}T12:00"));
    assert!(harness.state().panels.time_entry.error.is_none());
    assert!(harness.query_by_label_contains("Not changed: ").is_none());
    assert_eq!(
        harness.state().now_secs(),
        Moment::parse(&format!("{text}T12:00"), offset)
            .unwrap()
            .unix_secs()
    );
}

#[test]
fn the_step_list_names_the_place_that_changed_hands() {
    let mut harness = harness();
    let engine = &harness.state().world.engine;
    let scenario = engine.scenario();
    let view = View::default();
    // A moment a claim takes effect at which a few places' holders differ from a
    // second before (not the baseline's first moment, when every place gets one),
    // found by resolving on both sides of it.
    let (t, p, before, after) = engine
        .event_secs()
        .iter()
        .find_map(|&t| {
            let (then, now) = (
                engine.resolve_secs(&view, t - 1),
                engine.resolve_secs(&view, t),
            );
            let moved: Vec<usize> = (0..now.places.len())
                .filter(|&p| then.places[p].controller != now.places[p].controller)
                .collect();
            let &p = moved.first()?;
            (moved.len() <= 8).then_some((
                t,
                p,
                then.places[p].controller,
                now.places[p].controller,
            ))
        })
        .expect("some claim changes a holder in the built-in scenario");
    let short = |f: Option<u16>| {
        f.map_or("no one".to_owned(), |f| {
            scenario.factions[usize::from(f)].short.clone()
        })
    };
    let arrow = frontline::ui::format::arrow(&harness.ctx);
    let name = &scenario.places[p].name;
    let expected = format!("{name}: {} {arrow} {}", short(before), short(after));
    harness.state_mut().queue(Command::SetTime(t));
    harness.run();
    harness.get_by_label_contains(&expected);
    // A second before, that step is not the one shown.
    harness.state_mut().queue(Command::SetTime(t - 1));
    harness.run();
    assert!(harness.query_by_label_contains(&expected).is_none());
}

#[test]
fn compare_rings_the_changes_and_switches_the_map_before_and_after() {
    let mut harness = harness();
    harness.get_by_label("Compare with another date").click();
    harness.run();
    let changed = harness.state().map_view.highlight.clone();
    assert!(!changed.is_empty(), "places changed hands since the start");
    let p = changed[0];
    let colour = |harness: &Harness<'_, FrontlineApp>| {
        let marker = harness.state().map_view.scene().marker_of(p).cloned();
        marker.map(|m| m.color)
    };
    let after = colour(&harness);
    harness.get_by_label("Before").click();
    harness.run();
    let before = colour(&harness);
    assert_ne!(before, after, "the map shows the comparison date");
    harness.get_by_label_contains("Before: the map shows");
    harness.get_by_label("After").click();
    harness.run();
    assert_eq!(colour(&harness), after);
    // Closed, nothing is ringed.
    harness.get_by_label("Compare with another date").click();
    harness.run();
    assert!(harness.state().map_view.highlight.is_empty());
}

#[test]
fn what_if_sits_above_the_claims_and_offers_a_likely_taker_first() {
    let mut harness = harness();
    let p = harness.state().place_index("homs").unwrap();
    harness.state_mut().queue(Command::Select(Some(p)));
    harness.run();
    let assume = harness.get_by_label("Assume Homs held").rect();
    let claims = harness.get_by_label_contains("Claims (").rect();
    assert!(assume.top() < claims.top(), "{assume:?} vs {claims:?}");
    let holder = harness.state().world.controller(p);
    let Some((place, picked)) = harness.state().panels.assume_pick else {
        panic!("a faction is offered");
    };
    assert_eq!(place, p);
    assert_ne!(Some(picked), holder, "not the current holder first");
    let app = harness.state();
    let takers = app.world.engine.likely_takers(&app.world.resolution, p);
    assert_eq!(takers.first().map(|&f| usize::from(f)), Some(picked));
    harness.get_by_label("Assume Homs held").click();
    harness.run();
    let id = harness.state().world.scenario().factions[picked].id.clone();
    assert_eq!(harness.state().controller_of("homs"), Some(id.as_str()));
}

#[test]
fn the_perspective_line_names_hidden_sources_and_population_is_pre_war() {
    let mut harness = harness();
    harness.get_by_label("Map: all sources");
    let source = harness
        .state()
        .world
        .scenario()
        .sources
        .iter()
        .find(|s| !s.is_baseline())
        .cloned()
        .unwrap();
    harness
        .state_mut()
        .queue(Command::HideSource(source.id.clone(), true));
    harness.run();
    harness.get_by_label(&format!("Map: all sources except {}", source.name));
    let p = harness.state().place_index("damascus").unwrap();
    harness.state_mut().queue(Command::Select(Some(p)));
    harness.run();
    let population = harness.state().world.scenario().places[p].population;
    assert!(population >= 1000);
    harness.get_by_label(&format!(
        "Population: {} (pre-war, GeoNames)",
        frontline::ui::format::thousands(population)
    ));
}

#[test]
fn playing_runs_at_the_chosen_speed_and_loops_when_asked() {
    let mut harness = harness();
    let (start, end) = harness.state().world.time_span();
    // 100 hours a second passes the last minute of the span within a frame or two.
    for command in [
        Command::SetPlaySpeed(100.0),
        Command::SetTime(end - 60),
        Command::TogglePlay,
    ] {
        harness.state_mut().queue(command);
    }
    harness.run_steps(5);
    assert_eq!(harness.state().now_secs(), end, "stops at the end");
    assert!(!harness.state().playing);
    assert!((harness.state().state.play_hours_per_sec - 100.0).abs() < 1e-9);
    for command in [
        Command::SetPlayLoop(true),
        Command::SetTime(end - 60),
        Command::TogglePlay,
    ] {
        harness.state_mut().queue(command);
    }
    harness.run_steps(5);
    let now = harness.state().now_secs();
    assert!(harness.state().playing, "still playing after the end");
    assert!(now < end - 60 && now >= start, "looped to the start: {now}");
    harness.state_mut().queue(Command::TogglePlay);
    harness.run_steps(2);
}

/// The short vertical lines painted inside `area`: the timeline's ticks.
fn ticks_in(shapes: &[egui::epaint::ClippedShape], area: egui::Rect) -> Vec<f32> {
    fn walk(shape: &egui::Shape, area: egui::Rect, out: &mut Vec<f32>) {
        match shape {
            egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| walk(s, area, out)),
            egui::Shape::LineSegment { points: [a, b], .. }
                if (a.x - b.x).abs() < 0.01
                    && ((b.y - a.y).abs() - 4.0).abs() < 0.01
                    && area.contains(*a)
                    && area.contains(*b) =>
            {
                out.push(a.x);
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    for clipped in shapes {
        walk(&clipped.shape, area, &mut out);
    }
    out.sort_by(f32::total_cmp);
    out
}

#[test]
fn the_timeline_has_a_tick_at_each_moment_a_claim_takes_effect() {
    let harness = harness();
    let rail = harness.get_by_label("Time").rect();
    let (start, end) = harness.state().world.time_span();
    let events: Vec<i64> = harness
        .state()
        .world
        .engine
        .event_secs()
        .iter()
        .copied()
        .filter(|t| (start..=end).contains(t))
        .collect();
    assert!(events.len() >= 5, "{events:?}");
    let ticks = ticks_in(&harness.output().shapes, rail.expand(3.0));
    // Where a moment lies along the rail (the handle's inset makes up to ~8 points).
    let x_of =
        |t: i64| rail.left() + rail.width() * ((t - start) as f64 / (end - start) as f64) as f32;
    for &t in &events {
        let x = x_of(t);
        assert!(
            ticks.iter().any(|&tick| (tick - x).abs() < 10.0),
            "no tick near {t} (x {x}): {ticks:?}"
        );
    }
    for &tick in &ticks {
        assert!(
            events.iter().any(|&t| (x_of(t) - tick).abs() < 10.0),
            "a tick at {tick} where no claim takes effect"
        );
    }
}
