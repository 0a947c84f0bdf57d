//! Route segments by holder, where each route is cut and for whom, and whether each
//! faction can still travel between the key places: the one rule every view draws from.

use std::collections::VecDeque;

use super::PlaceState;
use super::index::{ControlIndex, FactionIx};
use super::roads::Roads;
use crate::model::Scenario;

/// Who holds each segment of a route, and where and for whom it is cut.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RouteState {
    /// Holder of segment `i` (waypoint `i` to `i + 1`): the faction holding both ends,
    /// or `None` on a front line.
    pub segments: Vec<Option<FactionIx>>,
    /// Factions holding two or more waypoints that the route no longer joins through
    /// their own (or allied) territory, sorted.
    pub severed_for: Vec<FactionIx>,
    /// Where the route is cut: `(segment, faction)` for each segment, between two of the
    /// faction's waypoints, where the faction's passable ground ends (one end passable
    /// for it, the other not); sorted. Every faction in `severed_for` has at least two.
    pub cuts: Vec<(u32, FactionIx)>,
}

impl RouteState {
    /// True when segment `i` is on a front line (its ends are not held by one faction).
    pub fn is_front(&self, segment: usize) -> bool {
        matches!(self.segments.get(segment), Some(None))
    }

    /// True when segment `i` is where the route is cut for some faction.
    pub fn severs(&self, segment: usize) -> bool {
        self.severed_at(segment).next().is_some()
    }

    /// The factions whose road segment `i` cuts, sorted.
    pub fn severed_at(&self, segment: usize) -> impl Iterator<Item = FactionIx> + '_ {
        let segment = u32::try_from(segment).unwrap_or(u32::MAX);
        let start = self.cuts.partition_point(|&(s, _)| s < segment);
        self.cuts[start..]
            .iter()
            .take_while(move |&&(s, _)| s == segment)
            .map(|&(_, f)| f)
    }
}

/// Whether a faction can travel between two key places through its own or allied
/// territory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    /// The faction asked about (it need not hold either end).
    pub faction: FactionIx,
    /// Place index.
    pub from: usize,
    /// Place index.
    pub to: usize,
    /// True when both ends and a road path between them are the faction's or its
    /// allies'.
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
        state.cuts.clear();
        // A faction's road can only be cut between two of its waypoints with another
        // in between: roads of two waypoints, or held by one side, never are.
        if holders.len() < 3 || holders.windows(2).all(|w| w[0] == w[1]) {
            continue;
        }
        for &f in holders.iter().flatten() {
            if !state.severed_for.contains(&f) && add_cuts(index, &holders, f, &mut state.cuts) {
                state.severed_for.push(f);
            }
        }
        state.severed_for.sort_unstable();
        state.cuts.sort_unstable();
    }
}

/// Adds the segments where `f`'s passable ground ends between its first and last
/// waypoints to `cuts`; true when there are any (the route is severed for `f`).
fn add_cuts(
    index: &ControlIndex,
    holders: &[Option<FactionIx>],
    f: FactionIx,
    cuts: &mut Vec<(u32, FactionIx)>,
) -> bool {
    let passable = |h: &Option<FactionIx>| h.is_some_and(|h| index.allied[f as usize][h as usize]);
    let first = holders.iter().position(|h| *h == Some(f));
    let last = holders.iter().rposition(|h| *h == Some(f));
    let (Some(first), Some(last)) = (first, last) else {
        return false;
    };
    let before = cuts.len();
    for i in first..last {
        if passable(&holders[i]) != passable(&holders[i + 1]) {
            cuts.push((u32::try_from(i).unwrap_or(u32::MAX), f));
        }
    }
    cuts.len() > before
}

/// For each key connection and each faction of `factions`, whether that faction reaches
/// one end from the other by road through its own or allied places (both ends
/// included), whoever holds the start. Sorted by start, end and faction (the ids' order,
/// since places and factions are sorted by id); repeated connections appear once.
pub fn connectivity(
    scenario: &Scenario,
    index: &ControlIndex,
    roads: &Roads,
    places: &[PlaceState],
    factions: &[FactionIx],
) -> Vec<Link> {
    let mut links: Vec<Link> = Vec::new();
    for connection in &scenario.key_connections {
        let (Some(from), Some(to)) = (
            scenario.place_index(&connection.from),
            scenario.place_index(&connection.to),
        ) else {
            continue;
        };
        for &faction in factions {
            let Some(allies) = index.allied.get(faction as usize) else {
                continue;
            };
            let passable = |p: usize| {
                places[p]
                    .controller
                    .is_some_and(|h| allies.get(h as usize).copied().unwrap_or(false))
            };
            links.push(Link {
                faction,
                from,
                to,
                connected: reachable(roads, from, to, passable),
            });
        }
    }
    links.sort_by_key(|l| (l.from, l.to, l.faction));
    links.dedup();
    links
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use crate::control::{Engine, View};

    /// A moment typed as on the command line, in the default scenario's zone (UTC+03:00).
    fn parse_instant(text: &str) -> Result<jiff::Timestamp, String> {
        crate::model::Moment::parse(text, jiff::tz::Offset::constant(3))
            .map(crate::model::Moment::timestamp)
    }

    fn engine() -> Engine {
        Engine::new(crate::io::default_scenario().unwrap())
    }

    fn faction(engine: &Engine, id: &str) -> FactionIx {
        FactionIx::try_from(engine.scenario().faction_index(id).unwrap()).unwrap()
    }

    #[test]
    fn a_fallen_homs_cuts_the_m5_on_both_sides_of_it_for_the_government() {
        let engine = engine();
        let scenario = engine.scenario();
        let mut view = View::default();
        view.add_assumption("homs=rebels", scenario).unwrap();
        let resolution = engine.resolve(&view, parse_instant("2024-12-07").unwrap());
        let m5 = scenario.route_index("m5").unwrap();
        let state = &engine.routes(&resolution)[m5];
        let government = faction(&engine, "government");
        assert!(state.severed_for.contains(&government));
        let homs = scenario.routes[m5]
            .waypoints
            .iter()
            .position(|w| w == "homs")
            .unwrap();
        let cut: Vec<usize> = (0..state.segments.len())
            .filter(|&i| state.severed_at(i).any(|f| f == government))
            .collect();
        assert!(cut.contains(&(homs - 1)), "{cut:?}");
        assert!(cut.contains(&homs), "{cut:?}");
        assert!(cut.iter().all(|&i| state.severs(i)));
        assert!(state.cuts.windows(2).all(|w| w[0] < w[1]), "sorted");
        for f in &state.severed_for {
            assert!(state.cuts.iter().filter(|(_, g)| g == f).count() >= 2);
        }
    }

    #[test]
    fn every_faction_holding_ground_gets_an_answer_for_every_connection() {
        let engine = engine();
        let scenario = engine.scenario();
        let resolution = engine.resolve(&View::default(), parse_instant("2024-12-07").unwrap());
        let links = engine.connectivity(&resolution);
        let rebels = faction(&engine, "rebels");
        let damascus = scenario.place_index("damascus").unwrap();
        let tartus = scenario.place_index("tartus").unwrap();
        // The rebels do not hold Damascus, yet are answered: they cannot travel there.
        let theirs = links
            .iter()
            .find(|l| l.faction == rebels && l.from == damascus && l.to == tartus)
            .expect("an answer for a faction not holding the start");
        assert!(!theirs.connected);
        let government = faction(&engine, "government");
        assert!(
            links
                .iter()
                .any(|l| l.faction == government && l.from == damascus && l.connected)
        );
        let holders: std::collections::BTreeSet<FactionIx> = resolution
            .places
            .iter()
            .filter_map(|s| s.controller)
            .collect();
        let asked: std::collections::BTreeSet<FactionIx> =
            links.iter().map(|l| l.faction).collect();
        assert_eq!(asked, holders);
        let mut sorted = links.clone();
        sorted.sort_by_key(|l| (l.from, l.to, l.faction));
        assert_eq!(links, sorted);
        let only = engine.connectivity_for(&resolution, &[rebels]);
        assert_eq!(only.len(), scenario.key_connections.len());
        assert!(only.iter().all(|l| l.faction == rebels));
    }
}
