//! Hit testing: an R-tree over the shown places in plot coordinates, so a click or hover
//! looks at the few places near the pointer instead of scanning them all.

use rstar::RTree;
use rstar::primitives::GeomWithData;

/// A place's position (plot coordinates) with its place index.
type Entry = GeomWithData<[f64; 2], usize>;

/// Nearest-place lookup over the shown places.
#[derive(Default)]
pub struct PlaceIndex {
    tree: RTree<Entry>,
}

impl PlaceIndex {
    /// Indexes `(place, [x, y])` pairs (plot coordinates); non-finite positions are skipped.
    pub fn new(places: impl Iterator<Item = (usize, [f64; 2])>) -> Self {
        let entries = places
            .filter(|(_, [x, y])| x.is_finite() && y.is_finite())
            .map(|(p, xy)| GeomWithData::new(xy, p))
            .collect();
        Self {
            tree: RTree::bulk_load(entries),
        }
    }

    /// Number of indexed places.
    pub fn len(&self) -> usize {
        self.tree.size()
    }

    /// True when no place is indexed.
    pub fn is_empty(&self) -> bool {
        self.tree.size() == 0
    }

    /// The place nearest to `xy` within `radius` (plot units), if any. Ties go to the
    /// smaller place index so the answer does not depend on the tree's layout.
    pub fn nearest_within(&self, xy: [f64; 2], radius: f64) -> Option<usize> {
        self.nearest_within_where(xy, radius, |_| true)
    }

    /// Like [`Self::nearest_within`], among the places `keep` accepts (the shown ones).
    pub fn nearest_within_where(
        &self,
        xy: [f64; 2],
        radius: f64,
        keep: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        if !(radius.is_finite() && radius >= 0.0 && xy[0].is_finite() && xy[1].is_finite()) {
            return None;
        }
        let dist_sq = |e: &Entry| {
            let [x, y] = *e.geom();
            (x - xy[0]).powi(2) + (y - xy[1]).powi(2)
        };
        self.tree
            .locate_within_distance(xy, radius * radius)
            .filter(|e| keep(e.data))
            .map(|e| (dist_sq(e), e.data))
            .min_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)))
            .map(|(_, p)| p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> PlaceIndex {
        PlaceIndex::new(
            [
                (0, [0.0, 0.0]),
                (1, [1.0, 0.0]),
                (2, [0.0, 1.0]),
                (7, [10.0, 10.0]),
            ]
            .into_iter(),
        )
    }

    #[test]
    fn finds_the_nearest_place_within_the_radius() {
        let index = index();
        assert_eq!(index.len(), 4);
        assert_eq!(index.nearest_within([0.9, 0.1], 0.5), Some(1));
        assert_eq!(index.nearest_within([0.1, 0.2], 0.5), Some(0));
        assert_eq!(index.nearest_within([9.8, 10.1], 0.5), Some(7));
        // Within a large radius the nearest wins, not the first.
        assert_eq!(index.nearest_within([0.2, 0.9], 5.0), Some(2));
    }

    #[test]
    fn finds_nothing_outside_the_radius() {
        let index = index();
        assert_eq!(index.nearest_within([5.0, 5.0], 0.5), None);
        assert_eq!(index.nearest_within([1.6, 0.0], 0.5), None);
        assert_eq!(index.nearest_within([0.0, 0.0], f64::NAN), None);
        assert!(
            PlaceIndex::default()
                .nearest_within([0.0, 0.0], 1.0)
                .is_none()
        );
    }

    #[test]
    fn equidistant_places_resolve_to_the_smaller_index() {
        let index = PlaceIndex::new([(5, [1.0, 0.0]), (3, [-1.0, 0.0])].into_iter());
        assert_eq!(index.nearest_within([0.0, 0.0], 2.0), Some(3));
    }

    #[test]
    fn a_filter_skips_places_to_the_next_nearest() {
        let index = index();
        assert_eq!(
            index.nearest_within_where([0.9, 0.1], 5.0, |p| p != 1),
            Some(0)
        );
        assert_eq!(
            index.nearest_within_where([0.9, 0.1], 0.5, |p| p != 1),
            None
        );
    }
}
