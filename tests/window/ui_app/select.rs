//! Selecting places: by a click on the map, from the app, and by searching an alias.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use frontline::ui::{Command, FrontlineApp};

use super::{harness, pick, scenario};

fn click_at(harness: &mut Harness<'_, FrontlineApp>, pos: egui::Pos2) {
    harness.hover_at(pos);
    harness.drag_at(pos);
    harness.drop_at(pos);
    harness.run();
}

#[test]
fn clicking_a_city_shows_its_claims_and_empty_map_clears() {
    let scenario = scenario();
    let id = pick(&scenario, &["aleppo", "northtown"]);
    let p = scenario.place_index(id).unwrap_or_default();
    let (lon, lat) = (scenario.places[p].lon, scenario.places[p].lat);
    let mut harness = harness(FrontlineApp::with_scenario(scenario.clone()));
    harness.run();
    let pos = harness
        .state()
        .map_view
        .screen_pos_of(lon, lat)
        .expect("the place is on the map");
    click_at(&mut harness, pos);
    assert_eq!(harness.state().selected, Some(p));
    harness.get_by_label_contains("Claims (");
    // Empty map: the grid point farthest from every place, inside the map's box.
    let far = (0..60)
        .flat_map(|i| (0..40).map(move |j| (36.0 + f64::from(i) * 0.1, 32.5 + f64::from(j) * 0.1)))
        .max_by(|a, b| {
            let d = |(x, y): (f64, f64)| {
                scenario
                    .places
                    .iter()
                    .map(|pl| (pl.lon - x).hypot(pl.lat - y))
                    .fold(f64::INFINITY, f64::min)
            };
            d(*a).total_cmp(&d(*b))
        })
        .unwrap_or((40.5, 35.5));
    let Some(pos) = harness.state().map_view.screen_pos_of(far.0, far.1) else {
        panic!("{far:?} should be on the map");
    };
    click_at(&mut harness, pos);
    assert_eq!(harness.state().selected, None);
}

#[test]
fn selecting_a_place_lists_its_claims_with_quotes() {
    let scenario = scenario();
    let id = pick(&scenario, &["aleppo", "northtown"]);
    let p = scenario.place_index(id).unwrap_or_default();
    let mut harness = harness(FrontlineApp::with_scenario(scenario.clone()));
    harness.state_mut().queue(Command::Select(Some(p)));
    harness.run();
    let details = {
        let app = harness.state();
        app.world
            .engine
            .place_details(&app.view(), &app.world.resolution, p)
    };
    assert!(!details.claims.is_empty(), "{id} should have claims");
    harness.get_by_label(&format!("Claims ({})", details.claims.len()));
    let quoted = details.claims.iter().find_map(|&c| {
        scenario.claims[c]
            .quote
            .clone()
            .filter(|_| scenario.claims[c].document.is_some())
    });
    if let Some(quote) = quoted {
        harness.get_by_label(&format!("“{quote}”")).click();
        harness.run();
        assert!(harness.state().panels.document.is_some());
        harness.get_by_label_contains("Document: ");
    }
}

#[test]
fn searching_an_alias_selects_and_centres_the_place() {
    let scenario = scenario();
    let (query, id) = if scenario.place_index("daraa").is_some() {
        ("Deraa", "daraa")
    } else {
        ("Nortown", "northtown")
    };
    let p = scenario.place_index(id).unwrap_or_default();
    let mut harness = harness(FrontlineApp::with_scenario(scenario.clone()));
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    harness.run();
    let search = harness.get_by_role_and_label(Role::TextInput, "Search places");
    assert!(search.is_focused(), "Ctrl+F focuses the search box");
    search.type_text(query);
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    let app = harness.state();
    assert_eq!(app.selected, Some(p));
    let bounds = app.state.camera.bounds_lonlat.unwrap_or_default();
    let place = &scenario.places[p];
    assert!(bounds[0] < place.lon && place.lon < bounds[2]);
    assert!(bounds[1] < place.lat && place.lat < bounds[3]);
}
