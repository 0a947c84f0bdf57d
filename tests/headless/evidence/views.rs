//! Perspective switches: the first resolution under an unseen view walks.

use frontline::control::{Engine, View};

#[test]
fn the_first_resolution_under_a_new_view_equals_the_timelines() {
    use frontline::synthetic::{SyntheticSize, synthetic_scenario};
    let size = SyntheticSize {
        places: 40,
        claims: 600,
        days: 12,
    };
    let engine = Engine::new(synthetic_scenario(3, size));
    let start_secs = 1_732_050_000;
    for (n, source) in engine.scenario().sources.iter().enumerate() {
        let mut view = View::default();
        view.hidden_sources.insert(source.id.clone());
        let at_secs = start_secs + (n as i64 * 61 + 5) * 3600;
        // Unseen view: answered by walking while its timeline builds in the background.
        let first = engine.resolve_secs(&view, at_secs);
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
        while !engine.has_timeline(&view) && std::time::Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        assert!(
            engine.has_timeline(&view),
            "the background build never finished"
        );
        assert_eq!(engine.resolve_secs(&view, at_secs), first);
    }
}
