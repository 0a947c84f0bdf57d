//! The camera: fitting Syria, and converting the visible box to and from lon/lat.

use egui_plot::PlotBounds;

use crate::geo::Projection;

/// Margin around Syria when fitting, as a fraction of its size.
const FIT_MARGIN: f64 = 0.06;

/// Syria's lon/lat box `[west, south, east, north]` if the basemap lacks the outline.
pub const SYRIA_LONLAT: [f64; 4] = [35.7, 32.3, 42.4, 37.3];

/// Plot bounds showing the plot box `bbox` (`[min x, min y, max x, max y]`) with a margin.
pub fn fit_bounds(bbox: [f64; 4]) -> PlotBounds {
    let [x0, y0, x1, y1] = bbox;
    let (dx, dy) = ((x1 - x0) * FIT_MARGIN, (y1 - y0) * FIT_MARGIN);
    PlotBounds::from_min_max([x0 - dx, y0 - dy], [x1 + dx, y1 + dy])
}

/// `bounds` grown along one axis so that it fills a frame of `width / height == aspect` at
/// equal scale on both axes (the plot would otherwise shrink y to keep the data aspect).
pub fn expand_to_aspect(mut bounds: PlotBounds, aspect: f64) -> PlotBounds {
    let (w, h) = (bounds.width(), bounds.height());
    if !(aspect.is_finite() && aspect > 0.0 && w > 0.0 && h > 0.0) {
        return bounds;
    }
    if w / h < aspect {
        bounds.expand_x((h * aspect - w) / 2.0);
    } else {
        bounds.expand_y((w / aspect - h) / 2.0);
    }
    bounds
}

/// Plot bounds from a lon/lat box `[west, south, east, north]`, if it is a real box.
pub fn bounds_from_lonlat(projection: &Projection, lonlat: [f64; 4]) -> Option<PlotBounds> {
    let [w, s, e, n] = lonlat;
    let min = projection.plot_from_lonlat([w, s]);
    let max = projection.plot_from_lonlat([e, n]);
    let bounds = PlotBounds::from_min_max(min, max);
    (bounds.is_valid() && max[0] > min[0] && max[1] > min[1]).then_some(bounds)
}

/// The lon/lat box `[west, south, east, north]` of plot bounds.
pub fn lonlat_from_bounds(projection: &Projection, bounds: &PlotBounds) -> [f64; 4] {
    let [w, s] = projection.lonlat_from_plot(bounds.min());
    let [e, n] = projection.lonlat_from_plot(bounds.max());
    [w, s, e, n]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lonlat_bounds_round_trip() {
        let p = Projection::syria();
        let b = bounds_from_lonlat(&p, SYRIA_LONLAT);
        let back = b.map(|b| lonlat_from_bounds(&p, &b));
        let back = back.unwrap_or_default();
        for (a, b) in back.iter().zip(SYRIA_LONLAT) {
            assert!((a - b).abs() < 1e-9, "{back:?}");
        }
        assert!(bounds_from_lonlat(&p, [40.0, 30.0, 30.0, 35.0]).is_none());
        let fit = fit_bounds([0.0, 0.0, 10.0, 5.0]);
        assert!(fit.min()[0] < 0.0 && fit.max()[1] > 5.0);
        let wide = expand_to_aspect(PlotBounds::from_min_max([0.0, 0.0], [2.0, 2.0]), 2.0);
        assert_eq!((wide.min(), wide.max()), ([-1.0, 0.0], [3.0, 2.0]));
        let tall = expand_to_aspect(PlotBounds::from_min_max([0.0, 0.0], [2.0, 2.0]), 0.5);
        assert_eq!((tall.min(), tall.max()), ([0.0, -1.0], [2.0, 3.0]));
    }
}
