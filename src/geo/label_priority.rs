//! Which place names a map labels first, shared by the window and the print map: at
//! country scale the capital, the governorate seats and the places the claims are about
//! come before bigger but less telling places, so Damascus, As-Suwayda and As-Sanamayn
//! are named before desert hamlets.
//!
//! Labels are placed greedily in this order where they fit, so the order is the rule; how a
//! label is drawn stays with each map.

use std::collections::BTreeSet;

use crate::model::{PlaceKind, Scenario};

/// How much a place's name matters, most first; ties go to the more populous place, then
/// to the earlier place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum LabelTier {
    /// The capital.
    Capital,
    /// A governorate's seat.
    GovernorateSeat,
    /// A place some claim names (as its subject or in its scope).
    Claimed,
    /// Any other place.
    Other,
}

/// The ids of the places some claim of `scenario` names, as subject or in its scope.
pub fn claimed_places(scenario: &Scenario) -> BTreeSet<&str> {
    let mut ids = BTreeSet::new();
    for claim in &scenario.claims {
        if let crate::model::Subject::Place(id) = &claim.subject {
            ids.insert(id.as_str());
        }
        ids.extend(claim.scope.places.iter().map(String::as_str));
    }
    ids
}

/// Each place's [`LabelTier`], indexed like `scenario.places`.
pub fn label_tiers(scenario: &Scenario) -> Vec<LabelTier> {
    let claimed = claimed_places(scenario);
    scenario
        .places
        .iter()
        .map(|place| match place.kind {
            PlaceKind::Capital => LabelTier::Capital,
            PlaceKind::GovernorateSeat => LabelTier::GovernorateSeat,
            _ if claimed.contains(place.id.as_str()) => LabelTier::Claimed,
            _ => LabelTier::Other,
        })
        .collect()
}

/// Every place index of `scenario` in labelling order: by [`LabelTier`], then population
/// (largest first), then index.
pub fn label_order(scenario: &Scenario) -> Vec<usize> {
    let tiers = label_tiers(scenario);
    let mut order: Vec<usize> = (0..scenario.places.len()).collect();
    order.sort_by_key(|&p| {
        (
            tiers[p],
            std::cmp::Reverse(scenario.places[p].population),
            p,
        )
    });
    order
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn geo_label_priority_puts_seats_and_claimed_places_before_big_ones() {
        let scenario = crate::io::default_scenario().unwrap();
        let order = label_order(&scenario);
        assert_eq!(order.len(), scenario.places.len());
        let rank = |id: &str| {
            order
                .iter()
                .position(|&p| scenario.places[p].id == id)
                .unwrap()
        };
        assert_eq!(rank("damascus"), 0);
        let seats = scenario
            .places
            .iter()
            .filter(|p| p.kind == PlaceKind::GovernorateSeat)
            .count();
        assert!(rank("as-suwayda") <= seats);
        let claimed = claimed_places(&scenario).len();
        assert!(rank("as-sanamayn") <= seats + claimed);
    }
}
