//! Who holds how much of each region, from the states of its places.

use super::PlaceState;
use super::index::{ControlIndex, FactionIx};
use crate::model::Scenario;

/// Who holds how much of a region.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RegionState {
    /// The faction holding the largest share by population (by count when the
    /// region's places have no population figures).
    pub dominant: Option<FactionIx>,
    /// Share of the region's population held by each faction, sorted by faction.
    pub by_population: Vec<(FactionIx, f64)>,
    /// Share of the region's places held by each faction, sorted by faction.
    pub by_count: Vec<(FactionIx, f64)>,
}

impl RegionState {
    /// The shares the map and exports show: by population, or by count when the
    /// region has no population figures.
    pub fn shares(&self) -> &[(FactionIx, f64)] {
        if self.by_population.is_empty() {
            &self.by_count
        } else {
            &self.by_population
        }
    }
}

/// Shares of every region, given the places' states.
pub fn resolve_regions(
    scenario: &Scenario,
    index: &ControlIndex,
    places: &[PlaceState],
) -> Vec<RegionState> {
    let factions = scenario.factions.len();
    let mut population = vec![0u64; factions];
    let mut count = vec![0u32; factions];
    index
        .region_places
        .iter()
        .map(|members| {
            population.iter_mut().for_each(|p| *p = 0);
            count.iter_mut().for_each(|c| *c = 0);
            let mut total_population = 0u64;
            for &p in members {
                let people = index.population[p as usize];
                total_population += people;
                if let Some(f) = places[p as usize].controller {
                    population[f as usize] += people;
                    count[f as usize] += 1;
                }
            }
            let shares = |values: &[u64], total: u64| -> Vec<(FactionIx, f64)> {
                if total == 0 {
                    return Vec::new();
                }
                values
                    .iter()
                    .enumerate()
                    .filter(|(_, v)| **v > 0)
                    .map(|(f, v)| (f as FactionIx, *v as f64 / total as f64))
                    .collect()
            };
            let counts: Vec<u64> = count.iter().map(|&c| u64::from(c)).collect();
            let state = RegionState {
                dominant: None,
                by_population: shares(&population, total_population),
                by_count: shares(&counts, members.len() as u64),
            };
            let dominant = state
                .shares()
                .iter()
                .copied()
                .reduce(|best, next| if next.1 > best.1 { next } else { best })
                .map(|(f, _)| f);
            RegionState { dominant, ..state }
        })
        .collect()
}
