//! Place markers and route segments: what each looks like, decided from the resolution.

use egui::Color32;

use super::statics::SceneStatics;
use crate::control::{Engine, PlaceState, Roads, RouteState, Status};
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

/// The markers of the places marked `visible`, in place order, into `out` (its memory
/// is reused from one moment to the next).
pub fn markers_into(
    engine: &Engine,
    statics: &SceneStatics,
    (states, visible): (&[PlaceState], &[bool]),
    out: &mut Vec<Marker>,
) {
    out.clear();
    for (p, state) in states.iter().enumerate() {
        if !visible.get(p).copied().unwrap_or(false) {
            continue;
        }
        let style = match state.status {
            Status::Confirmed => MarkerStyle::Confirmed,
            Status::Claimed => MarkerStyle::Claimed,
            Status::Contested => MarkerStyle::Contested {
                rival: statics.color(engine.rival_faction(state)),
            },
            Status::Inferred | Status::Stale => MarkerStyle::Inferred,
            Status::Unknown => MarkerStyle::Unknown,
            Status::Assumed => MarkerStyle::Assumed,
        };
        out.push(Marker {
            place: p,
            pos: statics.positions.get(p).copied().unwrap_or([f64::NAN; 2]),
            radius: statics.radii.get(p).copied().unwrap_or(MIN_RADIUS),
            color: statics.color(state.controller),
            style,
            population: statics.populations.get(p).copied().unwrap_or(0),
        });
    }
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
    statics: &SceneStatics,
    roads: &Roads,
    (places, states): (&[PlaceState], &[RouteState]),
    severed: bool,
) -> Vec<RouteSegment> {
    let mut holders: Vec<Option<u16>> = Vec::new();
    let mut holders_of = usize::MAX;
    statics
        .segments
        .iter()
        .filter_map(|segment| {
            let (route, i) = (segment.route as usize, segment.index as usize);
            let state = states.get(route)?;
            let holder = *state.segments.get(i)?;
            let severing = severed && !state.severed_for.is_empty() && {
                if holders_of != route {
                    holders.clear();
                    holders.extend(
                        roads
                            .stops(route)
                            .iter()
                            .map(|p| p.and_then(|p| places.get(p as usize)?.controller)),
                    );
                    holders_of = route;
                }
                severs(scenario, &holders, &state.severed_for, i)
            };
            Some(RouteSegment {
                route,
                ends: segment.ends,
                color: match holder {
                    Some(_) => statics.color(holder),
                    None => theme::route_front(),
                },
                front: holder.is_none(),
                severing,
            })
        })
        .collect()
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
