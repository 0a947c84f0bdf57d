//! The map's plot coordinates: an equirectangular projection whose aspect is corrected for one
//! reference latitude.
//!
//! `x = lon · cos(lat0)`, `y = lat`, both in degrees. At `lat0` one plot unit is one degree of
//! latitude, about [`KM_PER_DEGREE_LAT`] km, in both directions, so circles stay round near the
//! reference latitude. The projection is linear, so straight lines and polygon topology are kept
//! and areas scale by the constant factor `cos(lat0)`.

use ::geo::{Coord, MapCoords, MultiPolygon};

/// Mean length of one degree of latitude in kilometres.
pub const KM_PER_DEGREE_LAT: f64 = 111.32;

/// Equirectangular projection with the x axis scaled by `cos(lat0)`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Projection {
    /// Reference latitude in degrees where the scale is true in both axes.
    pub lat0_deg: f64,
}

impl Default for Projection {
    /// The projection for Syria ([`Projection::syria`]).
    fn default() -> Self {
        Self::syria()
    }
}

impl Projection {
    /// A projection with reference latitude `lat0_deg` (keep it well inside ±90°).
    pub const fn new(lat0_deg: f64) -> Self {
        Self { lat0_deg }
    }

    /// The projection used for the Syria map: `lat0 = 35°`, the country's middle.
    pub const fn syria() -> Self {
        Self::new(35.0)
    }

    /// `cos(lat0)`: the factor applied to longitudes.
    pub fn x_scale(&self) -> f64 {
        self.lat0_deg.to_radians().cos()
    }

    /// Plot coordinates `[x, y]` of the point `[lon, lat]` (degrees).
    pub fn plot_from_lonlat(&self, lonlat: [f64; 2]) -> [f64; 2] {
        [lonlat[0] * self.x_scale(), lonlat[1]]
    }

    /// `[lon, lat]` of the plot point `[x, y]`; the inverse of [`Self::plot_from_lonlat`].
    pub fn lonlat_from_plot(&self, xy: [f64; 2]) -> [f64; 2] {
        [xy[0] / self.x_scale(), xy[1]]
    }

    /// Kilometres per plot unit at the reference latitude (for scale bars).
    ///
    /// Exact along y everywhere and along x at `lat0`; along x at latitude φ the true value is
    /// this times `cos φ / cos lat0`.
    pub fn km_per_plot_unit(&self) -> f64 {
        KM_PER_DEGREE_LAT
    }

    /// Projects every vertex of a lon/lat multipolygon into plot coordinates.
    pub fn plot_from_lonlat_polygons(&self, mp: &MultiPolygon<f64>) -> MultiPolygon<f64> {
        let s = self.x_scale();
        mp.map_coords(|c| Coord { x: c.x * s, y: c.y })
    }

    /// Maps every vertex of a plot-coordinate multipolygon back to lon/lat.
    pub fn lonlat_from_plot_polygons(&self, mp: &MultiPolygon<f64>) -> MultiPolygon<f64> {
        let s = self.x_scale();
        mp.map_coords(|c| Coord { x: c.x / s, y: c.y })
    }
}

/// The scale bar's length: the largest 1, 2 or 5 times a power of ten kilometres not
/// above `target_km` (the window's and the print map's bars use round numbers).
pub fn round_scale_km(target_km: f64) -> f64 {
    if !(target_km.is_finite() && target_km > 0.0) {
        return 1.0;
    }
    let magnitude = 10f64.powf(target_km.log10().floor());
    [5.0, 2.0, 1.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|&km| km <= target_km)
        .unwrap_or(magnitude)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ::geo::{Area, polygon};

    #[test]
    fn scale_bars_use_round_lengths_not_above_the_target() {
        for (target, km) in [
            (0.7, 0.5),
            (1.0, 1.0),
            (3.9, 2.0),
            (74.0, 50.0),
            (180.0, 100.0),
        ] {
            assert!((round_scale_km(target) - km).abs() < 1e-9, "{target}");
        }
        assert!((round_scale_km(f64::NAN) - 1.0).abs() < 1e-9);
    }

    #[test]
    fn geo_projection_round_trip() {
        let p = Projection::syria();
        for lon in [-180.0, -10.5, 0.0, 35.72496, 42.37782, 179.9] {
            for lat in [-60.0, 0.0, 32.31317, 37.32487, 80.0] {
                let back = p.lonlat_from_plot(p.plot_from_lonlat([lon, lat]));
                assert!((back[0] - lon).abs() < 1e-12, "{lon} -> {}", back[0]);
                assert_eq!(back[1], lat);
            }
        }
    }

    #[test]
    fn geo_projection_scales_x_by_cos_lat0() {
        let p = Projection::syria();
        let [x, y] = p.plot_from_lonlat([36.0, 35.0]);
        assert!((x - 36.0 * 35f64.to_radians().cos()).abs() < 1e-12);
        assert_eq!(y, 35.0);
        assert_eq!(
            Projection::new(0.0).plot_from_lonlat([36.0, 35.0]),
            [36.0, 35.0]
        );
        assert_eq!(Projection::default(), p);
        assert!((p.km_per_plot_unit() - 111.32).abs() < 1e-12);
    }

    #[test]
    fn geo_projection_polygons_round_trip_and_scale_area() {
        let p = Projection::syria();
        let mp = MultiPolygon::new(vec![polygon![
            (x: 36.0, y: 33.0), (x: 37.0, y: 33.0), (x: 37.0, y: 34.0), (x: 36.0, y: 33.0)
        ]]);
        let projected = p.plot_from_lonlat_polygons(&mp);
        let ratio = projected.unsigned_area() / mp.unsigned_area();
        assert!((ratio - p.x_scale()).abs() < 1e-12);
        let back = p.lonlat_from_plot_polygons(&projected);
        assert!((back.unsigned_area() - mp.unsigned_area()).abs() < 1e-12);
    }
}
