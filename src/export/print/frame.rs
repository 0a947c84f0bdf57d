//! From lon/lat to the pixels of a picture: the projected extent fitted to a rectangle.

use ::geo::BoundingRect;

use crate::geo::{Basemap, Projection};
use crate::model::Scenario;

/// Degrees added around Syria's outline for the default extent.
const MARGIN_DEG: f64 = 0.3;

/// The default extent (W, S, E, N): Syria's outline plus a margin, or the places'
/// bounding box when the basemap lacks Syria.
pub fn default_bbox(basemap: &Basemap, scenario: &Scenario) -> [f64; 4] {
    let rect = basemap.syria_outline().and_then(|mp| mp.bounding_rect());
    let [w, s, e, n] = match rect {
        Some(r) => [r.min().x, r.min().y, r.max().x, r.max().y],
        None => scenario.places.iter().fold(
            [
                f64::INFINITY,
                f64::INFINITY,
                f64::NEG_INFINITY,
                f64::NEG_INFINITY,
            ],
            |b, p| {
                [
                    b[0].min(p.lon),
                    b[1].min(p.lat),
                    b[2].max(p.lon),
                    b[3].max(p.lat),
                ]
            },
        ),
    };
    if !(w.is_finite() && s.is_finite() && e.is_finite() && n.is_finite()) {
        return [35.5, 32.0, 42.5, 37.5];
    }
    [
        w - MARGIN_DEG,
        s - MARGIN_DEG,
        e + MARGIN_DEG,
        n + MARGIN_DEG,
    ]
}

/// Maps lon/lat to pixels in a rectangle of the picture, keeping the projection's aspect.
/// The extent grows on one axis to fill the rectangle, around the same centre.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    projection: Projection,
    /// Plot x at the rectangle's left edge.
    x0: f64,
    /// Plot y at the rectangle's top edge.
    y1: f64,
    /// Pixels per plot unit.
    scale: f64,
    /// The rectangle: left, top, width, height in pixels.
    pub rect: [f64; 4],
}

impl Frame {
    /// Fits the lon/lat extent `bbox` (W, S, E, N) into `rect` (left, top, width, height).
    pub fn fit(bbox: [f64; 4], rect: [f64; 4]) -> Self {
        let projection = Projection::syria();
        let [x_min, y_min] = projection.plot_from_lonlat([bbox[0], bbox[1]]);
        let [x_max, y_max] = projection.plot_from_lonlat([bbox[2], bbox[3]]);
        let (width, height) = ((x_max - x_min).max(1e-9), (y_max - y_min).max(1e-9));
        let scale = (rect[2] / width).min(rect[3] / height);
        let (cx, cy) = ((x_min + x_max) / 2.0, (y_min + y_max) / 2.0);
        Self {
            projection,
            x0: cx - rect[2] / scale / 2.0,
            y1: cy + rect[3] / scale / 2.0,
            scale,
            rect,
        }
    }

    /// Pixel position of `[lon, lat]`.
    pub fn px(&self, lonlat: [f64; 2]) -> [f64; 2] {
        self.px_from_plot(self.projection.plot_from_lonlat(lonlat))
    }

    /// Pixel position of a point in the projection's plot coordinates.
    pub fn px_from_plot(&self, [x, y]: [f64; 2]) -> [f64; 2] {
        [
            self.rect[0] + (x - self.x0) * self.scale,
            self.rect[1] + (self.y1 - y) * self.scale,
        ]
    }

    /// Kilometres per pixel (true at the projection's reference latitude).
    pub fn km_per_px(&self) -> f64 {
        self.projection.km_per_plot_unit() / self.scale
    }

    /// The lon/lat extent (W, S, E, N) the rectangle actually shows.
    pub fn bbox_lonlat(&self) -> [f64; 4] {
        let x1 = self.x0 + self.rect[2] / self.scale;
        let y0 = self.y1 - self.rect[3] / self.scale;
        let [w, s] = self.projection.lonlat_from_plot([self.x0, y0]);
        let [e, n] = self.projection.lonlat_from_plot([x1, self.y1]);
        [w, s, e, n]
    }

    /// False when the segment `[a, b]` lies wholly beyond one side of the rectangle grown
    /// by `margin_px`, so nothing of it, drawn that wide, can show.
    pub fn may_show_segment(&self, [a, b]: [[f64; 2]; 2], margin_px: f64) -> bool {
        let [l, t, w, h] = self.rect;
        let (left, top) = (l - margin_px, t - margin_px);
        let (right, bottom) = (l + w + margin_px, t + h + margin_px);
        !(a[0].max(b[0]) < left
            || a[0].min(b[0]) > right
            || a[1].max(b[1]) < top
            || a[1].min(b[1]) > bottom)
    }

    /// True when the pixel lies inside the rectangle.
    pub fn contains(&self, p: [f64; 2]) -> bool {
        let [l, t, w, h] = self.rect;
        p[0] >= l && p[0] <= l + w && p[1] >= t && p[1] <= t + h
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fits_and_centres_the_extent() {
        let frame = Frame::fit([36.0, 33.0, 38.0, 35.0], [10.0, 20.0, 400.0, 200.0]);
        let [x, y] = frame.px([37.0, 34.0]);
        assert!((x - 210.0).abs() < 1e-9 && (y - 120.0).abs() < 1e-9);
        let [w, s, e, n] = frame.bbox_lonlat();
        assert!(w < 36.0 && e > 38.0, "grown east-west to fill the width");
        assert!((s - 33.0).abs() < 1e-9 && (n - 35.0).abs() < 1e-9);
        assert!(frame.px([36.0, 35.0])[1] - 20.0 < 1e-9, "north is up");
        assert!((frame.km_per_px() - 111.32 * 2.0 / 200.0).abs() < 1e-9);
    }
}
