//! What the window tests share: the app in a kittest harness with the real window's
//! fonts, and waiting for the app's background work (opening, exporting).

use egui_kittest::Harness;
use frontline::ui::FrontlineApp;

/// `app` in a 1400x900 harness (at most 40 steps a run) with the fonts the real window
/// installs, so a glyph none of them has fails the test; run once.
pub fn window(app: FrontlineApp) -> Harness<'static, FrontlineApp> {
    let mut harness = Harness::builder()
        .with_size([1400.0, 900.0])
        .with_max_steps(40)
        .build_eframe(|cc| {
            frontline::ui::fonts::install_fonts(&cc.egui_ctx);
            app
        });
    harness.run();
    harness
}

/// Steps the app until `done` holds (at most ~60 s), or fails with `message`.
pub fn wait_until(
    harness: &mut Harness<'_, FrontlineApp>,
    message: &str,
    done: impl Fn(&FrontlineApp) -> bool,
) {
    for _ in 0..1200 {
        harness.step();
        if done(harness.state()) {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    panic!("{message}");
}
