//! The static basemap as draw batches: country and lake fills, borders, governorate
//! boundaries and the hatched UNDOF zone, all in plot coordinates. Built once per basemap.

use ::geo::{BooleanOps, BoundingRect, Centroid, LineString, MultiLineString, MultiPolygon};
use egui::Stroke;

use super::batch::{FillBatch, Polyline, bbox_of};
use crate::geo::basemap::SYRIA_ISO_A3;
use crate::geo::{Basemap, Projection, TriangleMesh};
use crate::ui::theme;

/// Distance between the UNDOF zone's hatch lines, in plot units (degrees of latitude).
const HATCH_STEP: f64 = 0.02;

/// The basemap's batches in drawing order within each list.
#[derive(Clone, Debug, Default)]
pub struct BaseBatches {
    /// Country fills (Syria lighter) then lakes.
    pub fills: Vec<FillBatch>,
    /// Country borders.
    pub borders: Vec<Polyline>,
    /// Governorate boundaries.
    pub governorates: Vec<Polyline>,
    /// The UNDOF zone's outline and hatching.
    pub undof: Vec<Polyline>,
    /// Where to write "UNDOF zone" (plot coordinates).
    pub undof_label: Option<[f64; 2]>,
    /// Syria's bounding box `[min x, min y, max x, max y]` in plot coordinates.
    pub syria_bbox: Option<[f64; 4]>,
}

impl BaseBatches {
    /// Projects and triangulates the basemap.
    pub fn build(basemap: &Basemap, projection: &Projection) -> Self {
        let mut out = Self::default();
        for country in &basemap.countries {
            let color = if country.code == SYRIA_ISO_A3 {
                theme::map_syria_land()
            } else {
                theme::map_land()
            };
            let plot = projection.plot_from_lonlat_polygons(&country.polygons);
            out.fills.push(fill(&plot, color));
            if country.code == SYRIA_ISO_A3 {
                out.syria_bbox = plot
                    .bounding_rect()
                    .map(|r| [r.min().x, r.min().y, r.max().x, r.max().y]);
            }
            let border = Stroke::new(1.2, theme::map_border());
            out.borders.extend(rings(&plot, border));
        }
        for lake in &basemap.lakes {
            let plot = projection.plot_from_lonlat_polygons(&lake.polygons);
            out.fills.push(fill(&plot, theme::map_lake()));
        }
        for governorate in &basemap.governorates {
            let plot = projection.plot_from_lonlat_polygons(&governorate.polygons);
            let stroke = Stroke::new(0.8, theme::map_governorate());
            out.governorates.extend(rings(&plot, stroke));
        }
        if let Some(undof) = &basemap.undof {
            let plot = projection.plot_from_lonlat_polygons(&undof.polygons);
            out.undof = rings(&plot, Stroke::new(1.2, theme::map_undof()));
            out.undof.extend(hatches(&plot));
            out.undof_label = plot.centroid().map(|c| [c.x(), c.y()]);
        }
        out
    }
}

/// One fill batch for a projected multipolygon.
fn fill(plot: &MultiPolygon<f64>, color: egui::Color32) -> FillBatch {
    let mesh = TriangleMesh::from_multipolygon(plot);
    let bbox = bbox_of(mesh.vertices.iter().copied());
    FillBatch { mesh, color, bbox }
}

/// Every ring (exteriors and holes) of a multipolygon as a closed polyline.
fn rings(plot: &MultiPolygon<f64>, stroke: Stroke) -> Vec<Polyline> {
    plot.0
        .iter()
        .flat_map(|p| std::iter::once(p.exterior()).chain(p.interiors()))
        .map(|ring| Polyline::new(ring.coords().map(|c| [c.x, c.y]).collect(), stroke, false))
        .collect()
}

/// Diagonal hatch lines across a multipolygon, clipped to it.
fn hatches(plot: &MultiPolygon<f64>) -> Vec<Polyline> {
    let Some(rect) = plot.bounding_rect() else {
        return Vec::new();
    };
    let (min, max) = (rect.min(), rect.max());
    let span = (max.x - min.x) + (max.y - min.y);
    let lines: Vec<LineString<f64>> = (0..)
        .map(|i| f64::from(i) * HATCH_STEP)
        .take_while(|&offset| offset <= span)
        .map(|offset| {
            // The line x - y = min.x - max.y + offset, from the bottom edge to the top edge.
            let start = min.x - (max.y - min.y) + offset;
            LineString::from(vec![(start, min.y), (start + (max.y - min.y), max.y)])
        })
        .collect();
    let stroke = Stroke::new(0.8, theme::map_undof().gamma_multiply(0.7));
    plot.clip(&MultiLineString::new(lines), false)
        .0
        .iter()
        .map(|ls| Polyline::new(ls.coords().map(|c| [c.x, c.y]).collect(), stroke, false))
        .collect()
}
