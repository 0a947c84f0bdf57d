//! The map's geometry drawn straight onto a pixmap with tiny-skia, in the same order and
//! styles as the SVG's map group: sea, countries, lakes, territory, governorates, roads
//! and markers. Text is left to the SVG overlay (see `raster`).

use ::geo::MultiPolygon;
use resvg::tiny_skia::{
    FillRule, LineCap, Mask, Path, PathBuilder, Pixmap, Rect, Stroke, Transform,
};

use super::brush::{paint, stroke};
use super::frame::Frame;
use super::map::{BORDER, GOVERNORATE, LAKE, LAND, SEA, SYRIA, TERRITORY_OPACITY};
use super::marks::{Lines, SEVERED_RGB, route_lines, severed_arms};
use super::sprite;
use crate::export::Scene;
use crate::geo::Basemap;

/// Every ring of a lon/lat multipolygon as a closed contour in the frame's pixels.
fn polygons_path(polygons: &MultiPolygon<f64>, frame: &Frame) -> Option<Path> {
    let mut pb = PathBuilder::new();
    for polygon in &polygons.0 {
        for ring in std::iter::once(polygon.exterior()).chain(polygon.interiors()) {
            contour(&mut pb, ring.0.iter().map(|c| frame.px([c.x, c.y])));
        }
    }
    pb.finish()
}

/// Points closer than this to the last point kept are dropped: the basemap's outlines
/// have many vertices per pixel at the print scale, which cost time and show nothing.
const MIN_STEP_PX: f64 = 0.35;

/// Adds a closed contour through `points`, leaving out steps under [`MIN_STEP_PX`].
fn contour(pb: &mut PathBuilder, points: impl Iterator<Item = [f64; 2]>) {
    let mut last: Option<[f64; 2]> = None;
    for [x, y] in points {
        match last {
            None => pb.move_to(x as f32, y as f32),
            Some([lx, ly]) if (x - lx).abs() + (y - ly).abs() < MIN_STEP_PX => continue,
            Some(_) => pb.line_to(x as f32, y as f32),
        }
        last = Some([x, y]);
    }
    if last.is_some() {
        pb.close();
    }
}

/// Line segments as one path of two-point contours.
pub(super) fn segments_path(segments: &[[[f64; 2]; 2]]) -> Option<Path> {
    let mut pb = PathBuilder::with_capacity(segments.len() * 2, segments.len() * 2);
    for [a, b] in segments {
        pb.move_to(a[0] as f32, a[1] as f32);
        pb.line_to(b[0] as f32, b[1] as f32);
    }
    pb.finish()
}

/// A mask of the map's rectangle, which clips everything drawn on the map.
fn rect_mask(pixmap: &Pixmap, frame: &Frame) -> Option<Mask> {
    let [l, t, w, h] = frame.rect.map(|v| v as f32);
    let rect = PathBuilder::from_rect(Rect::from_xywh(l, t, w, h)?);
    let mut mask = Mask::new(pixmap.width(), pixmap.height())?;
    mask.fill_path(&rect, FillRule::Winding, true, Transform::identity());
    Some(mask)
}

/// Draws the map's geometry of `scene` onto `pixmap`, clipped to the frame.
pub(super) fn map(
    pixmap: &mut Pixmap,
    scene: &Scene<'_>,
    basemap: &Basemap,
    frame: &Frame,
    u: f64,
) {
    std::thread::scope(|threads| {
        // The Voronoi cells take long to make: another thread makes them while this one
        // draws the basemap.
        let cells = threads.spawn(|| {
            if scene.layers.territory {
                scene.territory_cells(basemap)
            } else {
                Vec::new()
            }
        });
        // So are the roads' outlines, on a third thread.
        let roads = threads.spawn(|| roads(scene, frame, u));
        let Some(clip) = rect_mask(pixmap, frame) else {
            return;
        };
        basemap_fills(pixmap, basemap, frame, u, scene.layers.borders, &clip);
        territory(
            pixmap,
            scene,
            basemap,
            frame,
            &clip,
            &cells.join().unwrap_or_default(),
        );
        if scene.layers.governorates {
            let dashed = stroke(u, Some([5.0 * u, 3.0 * u]), LineCap::Butt);
            for area in basemap.governorates.iter().chain(&basemap.undof) {
                if let Some(path) = polygons_path(&area.polygons, frame) {
                    let colour = paint(GOVERNORATE, 1.0);
                    pixmap.stroke_path(&path, &colour, &dashed, Transform::identity(), Some(&clip));
                }
            }
        }
        draw_roads(pixmap, &roads.join().unwrap_or_default(), &clip);
        sprite::places(pixmap, scene, frame, u);
    });
}

/// Sea, countries with their borders, and lakes.
fn basemap_fills(
    pixmap: &mut Pixmap,
    basemap: &Basemap,
    frame: &Frame,
    u: f64,
    borders: bool,
    clip: &Mask,
) {
    let identity = Transform::identity();
    let [l, t, w, h] = frame.rect.map(|v| v as f32);
    if let Some(rect) = Rect::from_xywh(l, t, w, h) {
        pixmap.fill_path(
            &PathBuilder::from_rect(rect),
            &paint(SEA, 1.0),
            FillRule::Winding,
            identity,
            Some(clip),
        );
    }
    for country in &basemap.countries {
        let Some(path) = polygons_path(&country.polygons, frame) else {
            continue;
        };
        let fill = if country.code == crate::geo::basemap::SYRIA_ISO_A3 {
            SYRIA
        } else {
            LAND
        };
        pixmap.fill_path(
            &path,
            &paint(fill, 1.0),
            FillRule::EvenOdd,
            identity,
            Some(clip),
        );
        if borders {
            let border = stroke(1.2 * u, None, LineCap::Butt);
            pixmap.stroke_path(&path, &paint(BORDER, 1.0), &border, identity, Some(clip));
        }
    }
    for lake in &basemap.lakes {
        if let Some(path) = polygons_path(&lake.polygons, frame) {
            pixmap.fill_path(
                &path,
                &paint(LAKE, 1.0),
                FillRule::EvenOdd,
                identity,
                Some(clip),
            );
        }
    }
}

/// A road style's segments ready to draw: an outline to fill, stroked (and dashed) in
/// advance off the main thread, or for hairlines the path and stroke.
struct Road {
    rgb: [u8; 3],
    path: Path,
    hairline: Option<Stroke>,
}

/// The roads, one path per style, then the red × of severed routes, as [`Road`]s.
fn roads(scene: &Scene<'_>, frame: &Frame, u: f64) -> Vec<Road> {
    let (mut lines, severed_at) = route_lines(scene, frame, u);
    lines.push(Lines {
        rgb: SEVERED_RGB,
        width_px: 3.0 * u,
        dash_px: None,
        segments: severed_at
            .iter()
            .flat_map(|&at| severed_arms(at, u))
            .collect(),
    });
    let mut roads = Vec::new();
    for line in &lines {
        let Some(path) = segments_path(&line.segments) else {
            continue;
        };
        let style = stroke(line.width_px, line.dash_px, LineCap::Round);
        if line.width_px < 1.0 {
            roads.push(Road {
                rgb: line.rgb,
                path,
                hairline: Some(style),
            });
            continue;
        }
        // What `stroke_path` does for a wide stroke: dash, stroke, fill the outline.
        let dashed = match &style.dash {
            Some(dash) => path.dash(dash, 1.0),
            None => Some(path),
        };
        if let Some(outline) = dashed.and_then(|path| path.stroke(&style, 1.0)) {
            roads.push(Road {
                rgb: line.rgb,
                path: outline,
                hairline: None,
            });
        }
    }
    roads
}

/// Draws [`roads`]' output.
fn draw_roads(pixmap: &mut Pixmap, roads: &[Road], clip: &Mask) {
    let identity = Transform::identity();
    for road in roads {
        let colour = paint(road.rgb, 1.0);
        match &road.hairline {
            Some(style) => pixmap.stroke_path(&road.path, &colour, style, identity, Some(clip)),
            None => pixmap.fill_path(&road.path, &colour, FillRule::Winding, identity, Some(clip)),
        }
    }
}

/// Each shown faction's Voronoi cells filled as one path, masked by Syria's outline:
/// the cells partition the plane, so this shows the dissolved, clipped territory.
fn territory(
    pixmap: &mut Pixmap,
    scene: &Scene<'_>,
    basemap: &Basemap,
    frame: &Frame,
    clip: &Mask,
    cells: &[(u16, Vec<Vec<[f64; 2]>>)],
) {
    if cells.is_empty() {
        return;
    }
    let Some(outline) = basemap
        .syria_outline()
        .and_then(|o| polygons_path(o, frame))
    else {
        return;
    };
    let mut mask = clip.clone();
    mask.intersect_path(&outline, FillRule::EvenOdd, true, Transform::identity());
    for (faction, cells) in cells {
        let mut pb = PathBuilder::new();
        for cell in cells {
            contour(&mut pb, cell.iter().map(|&p| frame.px_from_plot(p)));
        }
        let Some(path) = pb.finish() else {
            continue;
        };
        let colour = paint(scene.rgb(Some(*faction)), TERRITORY_OPACITY);
        pixmap.fill_path(
            &path,
            &colour,
            FillRule::Winding,
            Transform::identity(),
            Some(&mask),
        );
    }
}
