//! Which places a claim's facts are filed under, and with what effect: a place claim
//! under its place; a region claim under the places its scope covers.

use rustc_hash::FxHashMap;

use super::index::{ClaimFacts, SIEGE_LASTS_SECS};
use crate::model::{Assertion, Claim, ControlEffect, Extent, Subject};

/// What a claim's facts are filed under.
#[derive(Clone, Debug)]
pub enum Target {
    /// One place.
    Place(usize),
    /// A region: `named` places (if any) take the full effect; the region's other
    /// places take `others`.
    Region {
        /// Region index.
        region: usize,
        /// Places the claim names (place indices).
        named: Vec<u32>,
        /// What the region's unnamed places take.
        others: Others,
    },
}

/// What a region claim does to the region's places it does not name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Others {
    /// The whole region: the full effect.
    Full,
    /// "Most of" it: control there is in question (contested like a siege), never flipped.
    Contested,
    /// "Part of" it, or a withdrawal that names no places: nothing.
    Untouched,
}

/// How one place takes a claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entry {
    /// The claim's own effect.
    Full,
    /// Contested for a siege's time instead of the claim's effect.
    Contested,
}

/// Where `claim` (with effect `effect`) is filed; `None` when it bears on no place.
pub fn target(
    claim: &Claim,
    effect: ControlEffect<u16>,
    places: &FxHashMap<&str, usize>,
    regions: &FxHashMap<&str, usize>,
) -> Option<Target> {
    match &claim.subject {
        Subject::Place(id) => places.get(id.as_str()).map(|&p| Target::Place(p)),
        // A statement about a whole region says nothing about each place in it.
        Subject::Region(_) if effect == ControlEffect::None => None,
        Subject::Region(id) => {
            let &region = regions.get(id.as_str())?;
            let named: Vec<u32> = claim
                .scope
                .places
                .iter()
                .filter_map(|p| places.get(p.as_str()).map(|&p| p as u32))
                .collect();
            // "Withdrew from the south" does not say from which places.
            let withdrawal = claim.assertion == Assertion::Withdrew
                || matches!(effect, ControlEffect::Leaves(_));
            let others = match claim.scope.extent {
                _ if withdrawal => Others::Untouched,
                Extent::All => Others::Full,
                Extent::Most => Others::Contested,
                Extent::Part => Others::Untouched,
            };
            Some(Target::Region {
                region,
                named,
                others,
            })
        }
        Subject::Route(_) | Subject::Faction(_) | Subject::Person(_) => None,
    }
}

/// Files claim `c` under each place its target covers, into `per_place`.
pub fn file(
    c: u32,
    target: &Target,
    region_places: &[Vec<u32>],
    per_place: &mut [Vec<(u32, Entry)>],
) {
    covered(target, region_places, |p, entry| {
        per_place[p as usize].push((c, entry));
    });
}

/// Calls `each(place, entry)` for every place `target` covers, and how it takes the claim.
pub fn covered(target: &Target, region_places: &[Vec<u32>], mut each: impl FnMut(u32, Entry)) {
    match target {
        Target::Place(p) => each(*p as u32, Entry::Full),
        Target::Region {
            region,
            named,
            others,
        } => {
            for &p in named {
                each(p, Entry::Full);
            }
            let entry = match others {
                Others::Full => Entry::Full,
                Others::Contested => Entry::Contested,
                Others::Untouched => return,
            };
            for &p in &region_places[*region] {
                if !named.contains(&p) {
                    each(p, entry);
                }
            }
        }
    }
}

/// The facts a place reads for a claim filed under it as `entry`.
pub fn entry_facts(facts: ClaimFacts, entry: Entry) -> ClaimFacts {
    match (entry, facts.effect) {
        (Entry::Full, _) => facts,
        // Fighting, sieges, lulls and denials over most of a region apply as they are.
        (
            Entry::Contested,
            ControlEffect::Contests | ControlEffect::Calms | ControlEffect::Denies(_),
        ) => facts,
        (Entry::Contested, _) => ClaimFacts {
            effect: ControlEffect::Contests,
            contested_until_secs: facts.span.end_secs.saturating_add(SIEGE_LASTS_SECS),
            ended_by_lull: false,
            transition: false,
            loser: None,
            ..facts
        },
    }
}
