//! Which places each region holds and which factions count as one side: read once
//! when the index is built.

use crate::model::{RegionKind, Scenario};

/// Per region, its places (governorates: their places; groupings: their members').
pub fn region_places(scenario: &Scenario, place_governorate: &[Option<u32>]) -> Vec<Vec<u32>> {
    let mut by_governorate: Vec<Vec<u32>> = vec![Vec::new(); scenario.regions.len()];
    for (p, governorate) in place_governorate.iter().enumerate() {
        if let Some(g) = governorate {
            by_governorate[*g as usize].push(p as u32);
        }
    }
    scenario
        .regions
        .iter()
        .enumerate()
        .map(|(r, region)| match region.kind {
            RegionKind::Governorate => by_governorate[r].clone(),
            RegionKind::Grouping => {
                let mut places: Vec<u32> = region
                    .members
                    .iter()
                    .filter_map(|m| scenario.region_index(m))
                    .flat_map(|g| by_governorate[g].iter().copied())
                    .collect();
                places.sort_unstable();
                places.dedup();
                places
            }
        })
        .collect()
}

/// `allied[a][b]`: b's territory counts as a's (each faction with itself; alliances
/// both ways).
pub fn allied(scenario: &Scenario) -> Vec<Vec<bool>> {
    let n = scenario.factions.len();
    let mut allied = vec![vec![false; n]; n];
    for (a, faction) in scenario.factions.iter().enumerate() {
        allied[a][a] = true;
        for ally in &faction.allies {
            if let Some(b) = scenario.faction_index(ally) {
                // Alliances are mutual for passage.
                allied[a][b] = true;
                allied[b][a] = true;
            }
        }
    }
    allied
}
