use std::collections::VecDeque;

use super::PlaceState;
use super::index::{ControlIndex, FactionIx};
use crate::model::Scenario;

/// Who holds each segment of a route, and for whom it is cut.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RouteState {
    /// Holder of segment `i` (waypoint `i` to `i + 1`): the faction holding both ends,
    /// or `None` on a front line.
    pub segments: Vec<Option<FactionIx>>,
    /// Factions holding two or more waypoints that the route no longer joins through
    /// their own (or allied) territory, sorted.
    pub severed_for: Vec<FactionIx>,
}

/// Whether a faction can travel between two key places through its own or allied
/// territory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    /// The faction holding `from`.
    pub faction: FactionIx,
    /// Place index.
    pub from: usize,
    /// Place index.
    pub to: usize,
    /// True when a road path exists through the faction's or its allies' places.
    pub connected: bool,
}

/// Each route's segment holders and where it is severed.
pub fn resolve_routes(
    scenario: &Scenario,
    index: &ControlIndex,
    places: &[PlaceState],
) -> Vec<RouteState> {
    scenario
        .routes
        .iter()
        .map(|route| {
            let holders: Vec<Option<FactionIx>> = route
                .waypoints
                .iter()
                .map(|id| scenario.place_index(id).and_then(|p| places[p].controller))
                .collect();
            let segments = holders
                .windows(2)
                .map(|pair| match pair {
                    [Some(a), Some(b)] if a == b => Some(*a),
                    _ => None,
                })
                .collect();
            let mut severed_for: Vec<FactionIx> = holders
                .iter()
                .flatten()
                .copied()
                .filter(|&f| is_severed_for(index, &holders, f))
                .collect();
            severed_for.sort_unstable();
            severed_for.dedup();
            RouteState {
                segments,
                severed_for,
            }
        })
        .collect()
}

/// True when `f` holds waypoints on both sides of a stretch it cannot pass.
fn is_severed_for(index: &ControlIndex, holders: &[Option<FactionIx>], f: FactionIx) -> bool {
    let passable = |h: &Option<FactionIx>| h.is_some_and(|h| index.allied[f as usize][h as usize]);
    let held: Vec<usize> = (0..holders.len())
        .filter(|&i| holders[i] == Some(f))
        .collect();
    let (Some(&first), Some(&last)) = (held.first(), held.last()) else {
        return false;
    };
    !holders[first..=last].iter().all(passable)
}

/// For each key connection, whether the holder of its start reaches its end by road.
pub fn connectivity(scenario: &Scenario, index: &ControlIndex, places: &[PlaceState]) -> Vec<Link> {
    let graph = road_graph(scenario);
    scenario
        .key_connections
        .iter()
        .filter_map(|connection| {
            let from = scenario.place_index(&connection.from)?;
            let to = scenario.place_index(&connection.to)?;
            let faction = places[from].controller?;
            let passable = |p: usize| {
                places[p]
                    .controller
                    .is_some_and(|h| index.allied[faction as usize][h as usize])
            };
            Some(Link {
                faction,
                from,
                to,
                connected: reachable(&graph, from, to, passable),
            })
        })
        .collect()
}

/// Adjacency lists over place indices, from every route's consecutive waypoints.
fn road_graph(scenario: &Scenario) -> Vec<Vec<usize>> {
    let mut graph = vec![Vec::new(); scenario.places.len()];
    for route in &scenario.routes {
        let stops: Vec<usize> = route
            .waypoints
            .iter()
            .filter_map(|id| scenario.place_index(id))
            .collect();
        for pair in stops.windows(2) {
            graph[pair[0]].push(pair[1]);
            graph[pair[1]].push(pair[0]);
        }
    }
    for neighbours in &mut graph {
        neighbours.sort_unstable();
        neighbours.dedup();
    }
    graph
}

fn reachable(
    graph: &[Vec<usize>],
    from: usize,
    to: usize,
    passable: impl Fn(usize) -> bool,
) -> bool {
    if !passable(from) || !passable(to) {
        return false;
    }
    let mut seen = vec![false; graph.len()];
    let mut queue = VecDeque::from([from]);
    seen[from] = true;
    while let Some(p) = queue.pop_front() {
        if p == to {
            return true;
        }
        for &next in &graph[p] {
            if !seen[next] && passable(next) {
                seen[next] = true;
                queue.push_back(next);
            }
        }
    }
    false
}
