use std::collections::VecDeque;

use super::PlaceState;
use super::index::{ControlIndex, FactionIx};
use super::roads::Roads;
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

/// Each route's segment holders and where it is severed, written into `out` (one per
/// route), reusing its vectors: scrubbing at country scale would otherwise free and
/// allocate tens of thousands of small vectors per frame.
pub fn resolve_routes_into(
    index: &ControlIndex,
    roads: &Roads,
    places: &[PlaceState],
    routes: usize,
    out: &mut Vec<RouteState>,
) {
    out.resize_with(routes, RouteState::default);
    let mut holders: Vec<Option<FactionIx>> = Vec::new();
    for (r, state) in out.iter_mut().enumerate() {
        holders.clear();
        holders.extend(
            roads
                .stops(r)
                .iter()
                .map(|p| p.and_then(|p| places.get(p as usize)?.controller)),
        );
        state.segments.clear();
        state
            .segments
            .extend(holders.windows(2).map(|pair| match pair {
                [Some(a), Some(b)] if a == b => Some(*a),
                _ => None,
            }));
        state.severed_for.clear();
        // A faction's road can only be cut between two of its waypoints with another
        // in between: roads of two waypoints, or held by one side, never are.
        if holders.len() < 3 || holders.windows(2).all(|w| w[0] == w[1]) {
            continue;
        }
        for &f in holders.iter().flatten() {
            if !state.severed_for.contains(&f) && is_severed_for(index, &holders, f) {
                state.severed_for.push(f);
            }
        }
        state.severed_for.sort_unstable();
    }
}

/// True when `f` holds waypoints on both sides of a stretch it cannot pass.
fn is_severed_for(index: &ControlIndex, holders: &[Option<FactionIx>], f: FactionIx) -> bool {
    let passable = |h: &Option<FactionIx>| h.is_some_and(|h| index.allied[f as usize][h as usize]);
    let first = holders.iter().position(|h| *h == Some(f));
    let last = holders.iter().rposition(|h| *h == Some(f));
    let (Some(first), Some(last)) = (first, last) else {
        return false;
    };
    !holders[first..=last].iter().all(passable)
}

/// For each key connection, whether the holder of its start reaches its end by road.
pub fn connectivity(
    scenario: &Scenario,
    index: &ControlIndex,
    roads: &Roads,
    places: &[PlaceState],
) -> Vec<Link> {
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
                connected: reachable(roads, from, to, passable),
            })
        })
        .collect()
}

fn reachable(roads: &Roads, from: usize, to: usize, passable: impl Fn(usize) -> bool) -> bool {
    if !passable(from) || !passable(to) {
        return false;
    }
    let mut seen = vec![false; roads.places()];
    let mut queue = VecDeque::from([from]);
    seen[from] = true;
    while let Some(p) = queue.pop_front() {
        if p == to {
            return true;
        }
        for next in roads.neighbours(p).iter().map(|&n| n as usize) {
            if !seen[next] && passable(next) {
                seen[next] = true;
                queue.push_back(next);
            }
        }
    }
    false
}
