//! A claim's scope: how much of a region it covers, and which of the region's places
//! it names.

use super::claims::Known;
use super::{At, Checker};
use crate::model::{Claim, Extent, Subject};

impl Checker<'_> {
    /// Scopes only on region subjects, places only with `most` or `part`, and the
    /// places known and in the region.
    pub(super) fn scope(&mut self, claim: &Claim, item: At<'_>, known: &Known<'_>) {
        let scope = &claim.scope;
        if scope.is_all() {
            return;
        }
        let Subject::Region(region) = &claim.subject else {
            let at = self.field_after(item, "scope", None);
            self.report(
                at,
                format!(
                    "claim {:?} has a scope, but only claims about a region have one (this one is about {})",
                    claim.id,
                    subject_kind(&claim.subject)
                ),
            );
            return;
        };
        if scope.extent == Extent::All {
            let at = self.field_after(item, "scope", None);
            self.report(
                at,
                "`extent: all` covers the whole region: list places only with most or part"
                    .to_owned(),
            );
        }
        let governorates = known.region_governorates.get(region.as_str());
        let places_at = self.field_after(item, "places", None);
        for place in &scope.places {
            if let Some(message) = known.places.unknown(place, "place") {
                let at = self.value_after(places_at, place);
                self.report(at, message);
                continue;
            }
            let (Some(governorates), Some(governorate)) =
                (governorates, known.place_governorate.get(place.as_str()))
            else {
                continue;
            };
            if !governorates.contains(governorate) {
                let at = self.value_after(places_at, place);
                self.report(
                    at,
                    format!(
                        "place {place:?} is in {governorate:?}, not in region {region:?}: a scope lists places of the claim's region"
                    ),
                );
            }
        }
    }
}

/// "a place", "a route", ... for messages.
fn subject_kind(subject: &Subject) -> &'static str {
    match subject {
        Subject::Place(_) => "a place",
        Subject::Region(_) => "a region",
        Subject::Route(_) => "a route",
        Subject::Faction(_) => "a faction",
        Subject::Person(_) => "a person",
    }
}
