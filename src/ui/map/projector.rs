//! Between plot coordinates (the projected map) and screen points, for one frame's
//! plot transform: the map's only conversion each way (as walkers' `Projector`).

use egui::Pos2;
use egui_plot::{PlotPoint, PlotTransform};

/// A plot-coordinate point on screen.
pub fn screen_from_plot(transform: &PlotTransform, [x, y]: [f64; 2]) -> Pos2 {
    transform.position_from_point(&PlotPoint::new(x, y))
}

/// The plot-coordinate point under a screen position: the inverse of
/// [`screen_from_plot`].
pub fn plot_from_screen(transform: &PlotTransform, pos: Pos2) -> [f64; 2] {
    let point = transform.value_from_position(pos);
    [point.x, point.y]
}

#[cfg(test)]
mod tests {
    use egui_plot::PlotBounds;

    use super::*;

    #[test]
    fn plot_from_screen_inverts_screen_from_plot() {
        let frame = egui::Rect::from_min_size(egui::pos2(40.0, 30.0), egui::vec2(800.0, 500.0));
        let bounds = PlotBounds::from_min_max([35.5, 32.0], [42.5, 37.5]);
        let transform = PlotTransform::new(frame, bounds, egui::Vec2b::new(false, false));
        for xy in [[35.5, 32.0], [36.3, 33.5], [42.5, 37.5], [38.99, 35.01]] {
            let pos = screen_from_plot(&transform, xy);
            assert!(frame.expand(0.5).contains(pos), "{xy:?} at {pos:?}");
            let back = plot_from_screen(&transform, pos);
            // Screen points are f32: a 800-point-wide frame over 7 degrees is exact to
            // about 1e-6 of a degree.
            assert!(
                (back[0] - xy[0]).abs() < 1e-5 && (back[1] - xy[1]).abs() < 1e-5,
                "{xy:?} came back as {back:?}"
            );
        }
        // North is up: a larger y is higher on screen.
        let south = screen_from_plot(&transform, [38.0, 33.0]);
        let north = screen_from_plot(&transform, [38.0, 36.0]);
        assert!(north.y < south.y);
    }
}
