//! Convex Voronoi cells built by half-plane clipping, with vertices that neighbouring cells
//! share bit for bit.
//!
//! A cell is a list of vertices, each with the [`Line`] its outgoing edge lies on. Every vertex is
//! the crossing of its two edges' lines, computed by [`Cutter::intersect`] from the unordered
//! pair of lines, so two cells meeting at an edge produce the same coordinates for it.

/// A line bounding a cell: a side of the bounding box or the bisector of two sites (`i < j`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Line {
    /// 0: x = min x, 1: y = min y, 2: x = max x, 3: y = max y.
    Side(u8),
    Bisector(usize, usize),
}

/// The sites (plot coordinates) and the box the cells start from.
pub(crate) struct Cutter<'a> {
    /// Distinct sites in plot coordinates, indexed like the triangulation's vertices.
    pub(crate) sites: &'a [[f64; 2]],
    /// Lower-left corner of the starting box.
    pub(crate) min: [f64; 2],
    /// Upper-right corner of the starting box.
    pub(crate) max: [f64; 2],
}

impl Cutter<'_> {
    /// `(d, c)` with the line being `d · p = c`.
    fn equation(&self, line: Line) -> ([f64; 2], f64) {
        match line {
            Line::Side(0) => ([1.0, 0.0], self.min[0]),
            Line::Side(1) => ([0.0, 1.0], self.min[1]),
            Line::Side(2) => ([1.0, 0.0], self.max[0]),
            Line::Side(_) => ([0.0, 1.0], self.max[1]),
            Line::Bisector(i, j) => {
                let (a, b) = (self.sites[i], self.sites[j]);
                let d = [b[0] - a[0], b[1] - a[1]];
                let m = [(a[0] + b[0]) / 2.0, (a[1] + b[1]) / 2.0];
                (d, d[0] * m[0] + d[1] * m[1])
            }
        }
    }

    /// Where two lines cross, computed the same way whatever the argument order; clamped to
    /// the box. `None` if they are parallel.
    fn intersect(&self, l1: Line, l2: Line) -> Option<[f64; 2]> {
        let (l1, l2) = if l1 <= l2 { (l1, l2) } else { (l2, l1) };
        let (d1, c1) = self.equation(l1);
        let (d2, c2) = self.equation(l2);
        let p = match l1 {
            // Keep points on a box side exactly on it.
            Line::Side(0 | 2) if d2[1] != 0.0 => [c1, (c2 - d2[0] * c1) / d2[1]],
            Line::Side(1 | 3) if d2[0] != 0.0 => [(c2 - d2[1] * c1) / d2[0], c1],
            _ => {
                let det = d1[0] * d2[1] - d1[1] * d2[0];
                if det == 0.0 || !det.is_finite() {
                    return None;
                }
                [
                    (c1 * d2[1] - c2 * d1[1]) / det,
                    (d1[0] * c2 - d2[0] * c1) / det,
                ]
            }
        };
        let clamp = |v: f64, k: usize| v.clamp(self.min[k], self.max[k]);
        (p[0].is_finite() && p[1].is_finite()).then(|| [clamp(p[0], 0), clamp(p[1], 1)])
    }

    /// The box as a cell: corners counter-clockwise, each with the line its outgoing edge is on.
    pub(crate) fn initial_cell(&self) -> Vec<([f64; 2], Line)> {
        let (lo, hi) = (self.min, self.max);
        vec![
            (lo, Line::Side(1)),
            ([hi[0], lo[1]], Line::Side(2)),
            (hi, Line::Side(3)),
            ([lo[0], hi[1]], Line::Side(0)),
        ]
    }

    /// Keeps the part of the convex `cell` closer to site `s` than to site `n`.
    pub(crate) fn clip(
        &self,
        cell: &[([f64; 2], Line)],
        s: usize,
        n: usize,
    ) -> Vec<([f64; 2], Line)> {
        let h = Line::Bisector(s.min(n), s.max(n));
        let (d, c) = self.equation(h);
        let inside = |p: [f64; 2]| {
            let v = d[0] * p[0] + d[1] * p[1];
            if s < n { v <= c } else { v >= c }
        };
        let mut out = Vec::with_capacity(cell.len() + 1);
        for (i, &(p, line)) in cell.iter().enumerate() {
            let Some(&(q, _)) = cell.get((i + 1) % cell.len()) else {
                continue;
            };
            match (inside(p), inside(q)) {
                (true, true) => out.push((p, line)),
                (true, false) => {
                    out.push((p, line));
                    out.push((self.intersect(line, h).unwrap_or(p), h));
                }
                (false, true) => out.push((self.intersect(line, h).unwrap_or(q), line)),
                (false, false) => {}
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    const SITES: [[f64; 2]; 3] = [[1.0, 1.0], [3.0, 2.0], [2.0, 3.7]];

    fn cutter() -> Cutter<'static> {
        Cutter {
            sites: &SITES,
            min: [0.0, 0.0],
            max: [4.0, 4.0],
        }
    }

    #[test]
    fn geo_cell_intersection_ignores_argument_order() {
        let c = cutter();
        let (b01, b12, b02) = (
            Line::Bisector(0, 1),
            Line::Bisector(1, 2),
            Line::Bisector(0, 2),
        );
        assert_eq!(c.intersect(b01, b12), c.intersect(b12, b01));
        assert_eq!(
            c.intersect(b01, Line::Side(1)),
            c.intersect(Line::Side(1), b01)
        );
        assert!(c.intersect(Line::Side(0), Line::Side(2)).is_none());
        let p = c.intersect(b01, b02).unwrap();
        let q = c.intersect(b12, b02).unwrap();
        assert!(
            (p[0] - q[0]).abs() < 1e-12 && (p[1] - q[1]).abs() < 1e-12,
            "circumcentre"
        );
        assert_eq!(
            c.intersect(Line::Side(0), b01).unwrap()[0],
            0.0,
            "exactly on the side"
        );
    }

    fn area(cell: &[([f64; 2], Line)]) -> f64 {
        let n = cell.len();
        let twice: f64 = (0..n)
            .map(|i| {
                let (p, q) = (cell[i].0, cell[(i + 1) % n].0);
                p[0] * q[1] - q[0] * p[1]
            })
            .sum();
        twice / 2.0
    }

    #[test]
    fn geo_cell_clip_keeps_the_near_side() {
        // The bisector of sites 0 and 1 is 2x + y = 5.5: it cuts the 4x4 box at (2.75, 0), (0.75, 4).
        let c = cutter();
        let near = c.clip(&c.initial_cell(), 0, 1);
        let far = c.clip(&c.initial_cell(), 1, 0);
        assert!((area(&near) - 7.0).abs() < 1e-12 && (area(&far) - 9.0).abs() < 1e-12);
        assert!(near.iter().all(|(p, _)| 2.0 * p[0] + p[1] <= 5.5 + 1e-12));
        let shared = |cell: &[([f64; 2], Line)]| {
            let mut v: Vec<_> = cell
                .iter()
                .filter(|(p, _)| 2.0 * p[0] + p[1] == 5.5)
                .map(|(p, _)| *p)
                .collect();
            v.sort_by(|a, b| a[0].total_cmp(&b[0]));
            v
        };
        assert_eq!(
            shared(&near),
            shared(&far),
            "both cells share the cut edge bit for bit"
        );
        assert_eq!(shared(&near).len(), 2);
    }
}
