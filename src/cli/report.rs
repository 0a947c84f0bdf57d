//! The JSON contract of `resolve` and `routes` (documented in the README).

use std::collections::BTreeMap;

use serde::Serialize;

use crate::control::{Engine, Resolution, View};
use crate::model::Moment;

/// The version of the JSON contract of `resolve`, `routes`, `open --print` and `list`
/// (`format_version` in each; see `docs/schemas/`). Bumped when a field changes meaning
/// or goes away; adding a field does not bump it.
pub const JSON_FORMAT_VERSION: u32 = 1;

/// Output of `frontline resolve`.
#[derive(Debug, Serialize)]
pub struct ResolveReport {
    /// [`JSON_FORMAT_VERSION`].
    pub format_version: u32,
    pub at: String,
    pub perspective: String,
    /// True under a what-if: the answer is hypothetical.
    pub hypothetical: bool,
    /// The what-if assumptions: place id to faction id (empty without a what-if).
    pub assume: BTreeMap<String, String>,
    /// The assumptions in words for the table ("Homs held by Rebels"); not in the JSON,
    /// which has the ids in `assume`.
    #[serde(skip)]
    pub what_if: Vec<String>,
    pub places: Vec<PlaceRow>,
    pub regions: Vec<RegionRow>,
}

/// One place in [`ResolveReport`].
#[derive(Debug, Serialize)]
pub struct PlaceRow {
    pub id: String,
    pub name: String,
    pub controller: Option<String>,
    pub status: &'static str,
    pub claims: usize,
    pub sources: Vec<String>,
    /// Ids of the claims that decided the status, in scenario order.
    pub deciding: Vec<String>,
    /// Plain sentences without claim ids (they are in `deciding`).
    pub explanation: String,
}

/// One region in [`ResolveReport`].
#[derive(Debug, Serialize)]
pub struct RegionRow {
    pub id: String,
    pub name: String,
    pub dominant: Option<String>,
    /// Faction id → share of the population (of the places, when no population is known).
    pub shares: BTreeMap<String, f64>,
    /// Faction id → share of the places.
    pub shares_by_count: BTreeMap<String, f64>,
}

/// Output of `frontline routes`.
#[derive(Debug, Serialize)]
pub struct RoutesReport {
    /// [`JSON_FORMAT_VERSION`].
    pub format_version: u32,
    pub at: String,
    pub perspective: String,
    /// True under a what-if: the answer is hypothetical.
    pub hypothetical: bool,
    /// The what-if assumptions: place id to faction id (empty without a what-if).
    pub assume: BTreeMap<String, String>,
    /// The assumptions in words for the table ("Homs held by Rebels"); not in the JSON,
    /// which has the ids in `assume`.
    #[serde(skip)]
    pub what_if: Vec<String>,
    pub routes: Vec<RouteRow>,
    pub connectivity: Vec<LinkRow>,
}

/// One route in [`RoutesReport`].
#[derive(Debug, Serialize)]
pub struct RouteRow {
    pub id: String,
    pub name: String,
    pub segments: Vec<SegmentRow>,
    pub severed_for: Vec<String>,
}

/// One segment of a route.
#[derive(Debug, Serialize)]
pub struct SegmentRow {
    pub from: String,
    pub to: String,
    pub holder: Option<String>,
    /// True when the ends are not held by one faction.
    pub front_line: bool,
    /// Factions whose road is cut at this segment (their passable ground ends here), sorted.
    pub severs_for: Vec<String>,
}

/// One key connection for one faction.
#[derive(Debug, Serialize)]
pub struct LinkRow {
    pub faction: String,
    pub from: String,
    pub to: String,
    pub connected: bool,
}

/// Builds the `resolve` report.
pub fn resolve_report(engine: &Engine, view: &View, resolution: &Resolution) -> ResolveReport {
    let scenario = engine.scenario();
    let faction_id = |f: Option<u16>| f.map(|f| scenario.factions[f as usize].id.clone());
    let shares = |values: &[(u16, f64)]| -> BTreeMap<String, f64> {
        values
            .iter()
            .map(|&(f, share)| (scenario.factions[f as usize].id.clone(), round(share)))
            .collect()
    };
    ResolveReport {
        format_version: JSON_FORMAT_VERSION,
        at: Moment::from_unix_secs(resolution.at_secs).to_rfc3339(scenario.offset()),
        perspective: view.perspective.to_arg(),
        hypothetical: !view.assume.is_empty(),
        assume: view.assume.clone(),
        what_if: crate::viewpoint::what_if_words(&view.assume, scenario),
        places: scenario
            .places
            .iter()
            .enumerate()
            .map(|(p, place)| {
                let state = resolution.places[p];
                let details = engine.place_details(view, resolution, p);
                PlaceRow {
                    id: place.id.clone(),
                    name: place.name.clone(),
                    controller: faction_id(state.controller),
                    status: state.status.as_str(),
                    claims: details.claims.len(),
                    sources: details.sources,
                    deciding: details
                        .deciding
                        .iter()
                        .map(|&c| scenario.claims[c].id.clone())
                        .collect(),
                    explanation: details.explanation,
                }
            })
            .collect(),
        regions: scenario
            .regions
            .iter()
            .zip(&resolution.regions)
            .map(|(region, state)| RegionRow {
                id: region.id.clone(),
                name: region.name.clone(),
                dominant: faction_id(state.dominant),
                shares: shares(state.shares()),
                shares_by_count: shares(&state.by_count),
            })
            .collect(),
    }
}

/// Builds the `routes` report; connectivity for `faction` only, or for every faction
/// holding a place.
pub fn routes_report(
    engine: &Engine,
    view: &View,
    resolution: &Resolution,
    faction: Option<u16>,
) -> RoutesReport {
    let scenario = engine.scenario();
    let faction_id = |f: u16| scenario.factions[f as usize].id.clone();
    let links = match faction {
        Some(f) => engine.connectivity_for(resolution, &[f]),
        None => engine.connectivity(resolution),
    };
    RoutesReport {
        format_version: JSON_FORMAT_VERSION,
        at: Moment::from_unix_secs(resolution.at_secs).to_rfc3339(scenario.offset()),
        perspective: view.perspective.to_arg(),
        hypothetical: !view.assume.is_empty(),
        assume: view.assume.clone(),
        what_if: crate::viewpoint::what_if_words(&view.assume, scenario),
        routes: scenario
            .routes
            .iter()
            .zip(engine.routes(resolution))
            .map(|(route, state)| RouteRow {
                id: route.id.clone(),
                name: route.name.clone(),
                segments: route
                    .waypoints
                    .windows(2)
                    .zip(&state.segments)
                    .enumerate()
                    .map(|(i, (pair, holder))| SegmentRow {
                        from: pair[0].clone(),
                        to: pair[1].clone(),
                        holder: holder.map(faction_id),
                        front_line: state.is_front(i),
                        severs_for: state.severed_at(i).map(faction_id).collect(),
                    })
                    .collect(),
                severed_for: state.severed_for.iter().map(|&f| faction_id(f)).collect(),
            })
            .collect(),
        connectivity: links
            .into_iter()
            .map(|link| LinkRow {
                faction: faction_id(link.faction),
                from: scenario.places[link.from].id.clone(),
                to: scenario.places[link.to].id.clone(),
                connected: link.connected,
            })
            .collect(),
    }
}

/// Six decimals: enough for shares, and stable across platforms.
fn round(value: f64) -> f64 {
    (value * 1e6).round() / 1e6
}
