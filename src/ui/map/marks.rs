//! Place markers and route segments: what each looks like, decided from the resolution.

use egui::Color32;

use crate::control::{PlaceState, RouteState, Status};
use crate::geo::Projection;
use crate::model::Scenario;
use crate::ui::theme;

/// Smallest marker radius in screen points (places with no population figure).
pub const MIN_RADIUS: f32 = 3.0;
/// Largest marker radius in screen points.
pub const MAX_RADIUS: f32 = 14.0;

/// How a marker is drawn, by the place's status.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkerStyle {
    /// Solid fill with a dark outline.
    Confirmed,
    /// A hollow ring in the controller's colour.
    Claimed,
    /// Two halves: the controller's colour and the rival's, with a red outline.
    Contested {
        /// The rival faction's colour.
        rival: Color32,
    },
    /// A faint fill.
    Inferred,
    /// Grey.
    Unknown,
    /// Solid fill with a dashed white outline.
    Assumed,
}

/// One place's marker.
#[derive(Clone, Debug, PartialEq)]
pub struct Marker {
    /// Place index.
    pub place: usize,
    /// Position in plot coordinates.
    pub pos: [f64; 2],
    /// Radius in screen points.
    pub radius: f32,
    /// The controller's colour (grey when unknown).
    pub color: Color32,
    /// How to draw it.
    pub style: MarkerStyle,
    /// Population, for labelling order.
    pub population: u64,
}

/// A marker's radius in screen points: grows with the square root of the population.
pub fn radius_for_population(population: u64) -> f32 {
    #[expect(clippy::cast_precision_loss, reason = "populations are far below 2^52")]
    let root = (population as f64).sqrt() as f32;
    (MIN_RADIUS + root * 0.007).min(MAX_RADIUS)
}

/// The markers of the places marked `visible`, in place order.
pub fn markers(
    scenario: &Scenario,
    states: &[PlaceState],
    visible: &[bool],
    projection: &Projection,
) -> Vec<Marker> {
    scenario
        .places
        .iter()
        .zip(states)
        .enumerate()
        .filter(|(p, _)| visible.get(*p).copied().unwrap_or(false))
        .map(|(p, (place, state))| {
            let color = theme::faction_color(scenario, state.controller);
            let style = match state.status {
                Status::Confirmed => MarkerStyle::Confirmed,
                Status::Claimed => MarkerStyle::Claimed,
                Status::Contested => MarkerStyle::Contested {
                    rival: theme::faction_color(scenario, rival_faction(scenario, state)),
                },
                Status::Inferred => MarkerStyle::Inferred,
                Status::Unknown => MarkerStyle::Unknown,
                Status::Assumed => MarkerStyle::Assumed,
            };
            Marker {
                place: p,
                pos: projection.plot_from_lonlat([place.lon, place.lat]),
                radius: radius_for_population(place.population),
                color,
                style,
                population: place.population,
            }
        })
        .collect()
}

/// The faction on the other side of a contested place: the rival claim's actor, or its
/// counterpart when the actor is the controller.
pub fn rival_faction(scenario: &Scenario, state: &PlaceState) -> Option<u16> {
    let claim = scenario.claims.get(state.rival? as usize)?;
    let index = |id: &Option<String>| {
        id.as_deref()
            .and_then(|id| scenario.faction_index(id))
            .and_then(|f| u16::try_from(f).ok())
    };
    [index(&claim.actor), index(&claim.counterpart)]
        .into_iter()
        .flatten()
        .find(|&f| Some(f) != state.controller)
}

/// One stretch of road between two consecutive waypoints.
#[derive(Clone, Debug, PartialEq)]
pub struct RouteSegment {
    /// Route index.
    pub route: usize,
    /// Ends in plot coordinates.
    pub ends: [[f64; 2]; 2],
    /// The holder's colour, or the front-line grey.
    pub color: Color32,
    /// Front line: drawn dashed.
    pub front: bool,
    /// Cuts the road of a faction holding both sides: drawn thick with a red outline.
    pub severing: bool,
}

/// Every route's segments; `severed` marks those that cut a faction's road.
pub fn route_segments(
    scenario: &Scenario,
    places: &[PlaceState],
    states: &[RouteState],
    severed: bool,
    projection: &Projection,
) -> Vec<RouteSegment> {
    let mut out = Vec::new();
    for (r, (route, state)) in scenario.routes.iter().zip(states).enumerate() {
        let stops: Vec<Option<usize>> = route
            .waypoints
            .iter()
            .map(|id| scenario.place_index(id))
            .collect();
        let holders: Vec<Option<u16>> = stops
            .iter()
            .map(|p| p.and_then(|p| places.get(p)).and_then(|s| s.controller))
            .collect();
        let position = |p: Option<usize>| {
            let place = scenario.places.get(p?)?;
            Some(projection.plot_from_lonlat([place.lon, place.lat]))
        };
        for (i, (pair, holder)) in stops.windows(2).zip(&state.segments).enumerate() {
            let (Some(a), Some(b)) = (position(pair[0]), position(pair[1])) else {
                continue;
            };
            out.push(RouteSegment {
                route: r,
                ends: [a, b],
                color: match holder {
                    Some(_) => theme::faction_color(scenario, *holder),
                    None => theme::route_front(),
                },
                front: holder.is_none(),
                severing: severed && severs(scenario, &holders, &state.severed_for, i),
            });
        }
    }
    out
}

/// Whether segment `i` (waypoint `i` to `i + 1`) lies between waypoints held by a faction
/// the route is severed for, with an end that faction cannot pass.
fn severs(scenario: &Scenario, holders: &[Option<u16>], severed_for: &[u16], i: usize) -> bool {
    severed_for.iter().any(|&f| {
        let passable = |h: Option<u16>| h.is_some_and(|h| h == f || allied(scenario, f, h));
        let first = holders.iter().position(|h| *h == Some(f));
        let last = holders.iter().rposition(|h| *h == Some(f));
        let (Some(first), Some(last)) = (first, last) else {
            return false;
        };
        let ends = [
            holders.get(i).copied().flatten(),
            holders.get(i + 1).copied().flatten(),
        ];
        first <= i && i < last && !ends.into_iter().all(passable)
    })
}

/// Whether faction `f` lists `g` as an ally.
fn allied(scenario: &Scenario, f: u16, g: u16) -> bool {
    let (Some(f), Some(g)) = (
        scenario.factions.get(usize::from(f)),
        scenario.factions.get(usize::from(g)),
    ) else {
        return false;
    };
    f.allies.contains(&g.id)
}
