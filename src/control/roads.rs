//! The road network as place indices: each route's waypoints and each place's road
//! neighbours, looked up once per scenario instead of by id on every resolution.

use crate::model::Scenario;

/// Routes and road adjacency over place indices, in compressed rows.
#[derive(Clone, Debug, Default)]
pub struct Roads {
    /// Route `r`'s waypoints are `stops[route_starts[r]..route_starts[r + 1]]`.
    route_starts: Vec<usize>,
    /// Each waypoint's place index, `None` for an id no place has.
    stops: Vec<Option<u32>>,
    /// Place `p`'s neighbours are `neighbours[graph_starts[p]..graph_starts[p + 1]]`.
    graph_starts: Vec<usize>,
    /// Sorted, without repeats, per place.
    neighbours: Vec<u32>,
}

impl Roads {
    /// Looks up every waypoint of every route once.
    pub fn new(scenario: &Scenario) -> Self {
        let mut route_starts = Vec::with_capacity(scenario.routes.len() + 1);
        let mut stops = Vec::new();
        route_starts.push(0);
        for route in &scenario.routes {
            stops.extend(
                route
                    .waypoints
                    .iter()
                    .map(|id| scenario.place_index(id).and_then(|p| u32::try_from(p).ok())),
            );
            route_starts.push(stops.len());
        }
        let mut edges: Vec<(u32, u32)> = Vec::new();
        for pair in route_starts.windows(2) {
            let known: Vec<u32> = stops[pair[0]..pair[1]].iter().flatten().copied().collect();
            for step in known.windows(2) {
                edges.push((step[0], step[1]));
                edges.push((step[1], step[0]));
            }
        }
        edges.sort_unstable();
        edges.dedup();
        let mut graph_starts = vec![0; scenario.places.len() + 1];
        for &(from, _) in &edges {
            if let Some(count) = graph_starts.get_mut(from as usize + 1) {
                *count += 1;
            }
        }
        for p in 1..graph_starts.len() {
            graph_starts[p] += graph_starts[p - 1];
        }
        Self {
            route_starts,
            stops,
            graph_starts,
            neighbours: edges.into_iter().map(|(_, to)| to).collect(),
        }
    }

    /// Route `r`'s waypoints as place indices (`None` where the id is unknown).
    pub fn stops(&self, route: usize) -> &[Option<u32>] {
        match (
            self.route_starts.get(route),
            self.route_starts.get(route + 1),
        ) {
            (Some(&start), Some(&end)) => &self.stops[start..end],
            _ => &[],
        }
    }

    /// The places one road segment away from place `p`, sorted.
    pub fn neighbours(&self, place: usize) -> &[u32] {
        match (
            self.graph_starts.get(place),
            self.graph_starts.get(place + 1),
        ) {
            (Some(&start), Some(&end)) => &self.neighbours[start..end],
            _ => &[],
        }
    }

    /// Number of places the adjacency covers.
    pub fn places(&self) -> usize {
        self.graph_starts.len().saturating_sub(1)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn waypoints_and_neighbours_follow_the_routes() {
        let scenario = crate::io::default_scenario().unwrap();
        let roads = Roads::new(&scenario);
        assert_eq!(roads.places(), scenario.places.len());
        for (r, route) in scenario.routes.iter().enumerate() {
            let stops = roads.stops(r);
            assert_eq!(stops.len(), route.waypoints.len());
            for (stop, id) in stops.iter().zip(&route.waypoints) {
                assert_eq!(stop.map(|p| p as usize), scenario.place_index(id));
            }
            for pair in stops.windows(2) {
                if let [Some(a), Some(b)] = pair {
                    assert!(roads.neighbours(*a as usize).contains(b));
                    assert!(roads.neighbours(*b as usize).contains(a));
                }
            }
        }
        assert!(roads.stops(scenario.routes.len()).is_empty());
        let homs = scenario.place_index("homs").unwrap();
        let around = roads.neighbours(homs);
        assert!(!around.is_empty());
        assert!(around.windows(2).all(|w| w[0] < w[1]));
    }
}
