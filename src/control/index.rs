//! Each place's claims, as compact facts sorted by time, built once per scenario.

use super::lookup::{Lookup, give_voice};
use super::membership::{allied, region_places};
use super::scope::{self, Entry, Target};
use super::voice::Voices;
use crate::model::{ControlEffect, Scenario, TimeSpan};

/// Faction index into `Scenario::factions`.
pub type FactionIx = u16;

/// How long fighting keeps a place contested after its reported interval ends.
pub const FIGHTING_LASTS_SECS: i64 = 24 * 3600;

/// How long a siege or a force at the edge keeps a place contested.
pub const SIEGE_LASTS_SECS: i64 = 7 * 24 * 3600;

/// The widest claim interval (a week): claims further back cannot overlap.
pub const MAX_SPAN_SECS: i64 = 7 * 24 * 3600;

/// What the engine needs of one claim, in compact form.
#[derive(Clone, Copy, Debug)]
pub struct ClaimFacts {
    /// When the claim takes effect (its interval's midpoint), Unix seconds.
    pub effective_secs: i64,
    /// The interval the claim refers to.
    pub span: TimeSpan,
    /// Its bearing on control, with faction indices.
    pub effect: ControlEffect<FactionIx>,
    /// For contesting claims: until when they keep the place contested.
    pub contested_until_secs: i64,
    /// True for fighting that a reported lull ends (not sieges).
    pub ended_by_lull: bool,
    /// True for a change of hands (captured, withdrew, handed over), which supersedes
    /// earlier "holds" claims and ends fighting; false for "holds".
    pub transition: bool,
    /// The faction said to have lost the subject (the counterpart of a capture, the
    /// actor of a withdrawal or handover).
    pub loser: Option<FactionIx>,
    /// Voice index (who said it and who relayed it): see [`Voices`].
    pub voice: u16,
    /// The best originator's reliability weight times credibility weight.
    pub weight: u32,
    /// True when the claim is about a region, not the place itself.
    pub region_level: bool,
}

/// Each place's claims (its own and its regions'), sorted by effective time, in one
/// flat array; built once per scenario.
#[derive(Clone)]
pub struct ControlIndex {
    /// Per claim, in scenario order.
    pub facts: Vec<ClaimFacts>,
    /// Per claim, its actor and counterpart factions (apart from `facts`, so that the
    /// map's look-up of a contested place's other side touches 8 bytes, not a cache line).
    pub sides: Vec<[Option<FactionIx>; 2]>,
    /// `entries[offsets[p]..offsets[p + 1]]` are place `p`'s claims.
    pub(super) offsets: Vec<u32>,
    pub(super) entries: Vec<u32>,
    pub(super) entry_secs: Vec<i64>,
    /// The facts of `entries`, copied in the same order, so resolving a place reads
    /// its claims from one run of memory instead of all over `facts`.
    pub(super) entry_facts: Vec<ClaimFacts>,
    /// Places of each region (governorates: their places; groupings: their members').
    pub region_places: Vec<Vec<u32>>,
    /// Each place's population (read for every region at every resolution; kept here
    /// in one array rather than read from the places).
    pub population: Vec<u64>,
    /// `allied[a][b]`: b's territory counts as a's for passage.
    pub allied: Vec<Vec<bool>>,
    /// Every (originators, relays) combination, with each source's side.
    pub voices: Voices,
    /// The scenario's freshness window: support older than this is stale.
    pub freshness_secs: i64,
    /// Every distinct effective time, sorted (the timeline's steps).
    pub event_secs: Vec<i64>,
}

impl ControlIndex {
    /// Indexes a loaded (sorted, validated) scenario. References that do not resolve
    /// are skipped, since validation has reported them.
    pub fn build(scenario: &Scenario) -> Self {
        let lookup = Lookup::new(scenario);
        // Each claim's facts and subject, on every core (a million claims: most of
        // the index's time).
        let (mut facts, targets): (Vec<ClaimFacts>, Vec<Option<Target>>) =
            crate::parallel::map(&scenario.claims, |claim| lookup.claim(scenario, claim))
                .into_iter()
                .unzip();

        // Claims with several originators or with relays: their voice, and the best
        // originator's weight (one pass, since interning is sequential).
        let mut voices = Voices::new(
            scenario,
            scenario
                .sources
                .iter()
                .map(|s| lookup.faction(&s.affiliation))
                .collect(),
        );
        for (claim, fact) in scenario.claims.iter().zip(&mut facts) {
            give_voice(&mut voices, scenario, claim, fact);
        }

        let place_governorate: Vec<Option<u32>> = scenario
            .places
            .iter()
            .map(|p| {
                lookup
                    .regions
                    .get(p.governorate.as_str())
                    .map(|&i| i as u32)
            })
            .collect();
        let region_places = region_places(scenario, &place_governorate);

        let mut per_place: Vec<Vec<(u32, Entry)>> = vec![Vec::new(); scenario.places.len()];
        for (c, target) in targets.iter().enumerate() {
            if let Some(target) = target {
                scope::file(c as u32, target, &region_places, &mut per_place);
            }
        }
        let mut offsets = Vec::with_capacity(per_place.len() + 1);
        let mut entries = Vec::new();
        let mut entry_facts = Vec::new();
        offsets.push(0);
        for claims in per_place {
            let claims: Vec<(u32, ClaimFacts)> = claims
                .into_iter()
                .map(|(c, entry)| (c, scope::entry_facts(facts[c as usize], entry)))
                .collect();
            let claims = ordered_statements(&voices, claims);
            entries.extend(claims.iter().map(|&(c, _)| c));
            entry_facts.extend(claims.iter().map(|&(_, fact)| fact));
            offsets.push(entries.len() as u32);
        }
        let entry_secs = entries
            .iter()
            .map(|&c| facts[c as usize].effective_secs)
            .collect();

        let mut event_secs: Vec<i64> = facts.iter().map(|f| f.effective_secs).collect();
        event_secs.sort_unstable();
        event_secs.dedup();

        let sides = crate::parallel::map(&scenario.claims, |claim| lookup.sides(claim));

        Self {
            facts,
            sides,
            offsets,
            entries,
            entry_secs,
            entry_facts,
            region_places,
            population: scenario.places.iter().map(|p| p.population).collect(),
            allied: allied(scenario),
            voices,
            freshness_secs: scenario.freshness_secs(),
            event_secs,
        }
    }

    /// Place `p`'s claims that take effect at or before `at_secs`, oldest first.
    pub fn claims_until(&self, place: usize, at_secs: i64) -> &[u32] {
        let start = self.offsets[place] as usize;
        let end = self.offsets[place + 1] as usize;
        let until = self.entry_secs[start..end].partition_point(|&secs| secs <= at_secs);
        &self.entries[start..start + until]
    }

    /// [`Self::claims_until`] with each claim's facts, in the same order.
    pub fn facts_until(&self, place: usize, at_secs: i64) -> (&[u32], &[ClaimFacts]) {
        let start = self.offsets[place] as usize;
        let end = self.offsets[place + 1] as usize;
        let until = self.entry_secs[start..end].partition_point(|&secs| secs <= at_secs);
        (
            &self.entries[start..start + until],
            &self.entry_facts[start..start + until],
        )
    }
}

/// Sorts a place's claims by effective time; claims at the same moment in the order
/// their statements were first reported, each statement's reports together. So a
/// statement reported again sits next to its first report, and adding reports of it
/// moves no other claim.
pub(super) fn ordered_statements(
    voices: &Voices,
    mut claims: Vec<(u32, ClaimFacts)>,
) -> Vec<(u32, ClaimFacts)> {
    let key = |fact: &ClaimFacts| (fact.effective_secs, statement_key(voices, fact));
    claims.sort_unstable_by_key(|&(c, fact)| (key(&fact), c));
    let mut first_report = 0;
    let mut keyed: Vec<(i64, u32, u32, ClaimFacts)> = Vec::with_capacity(claims.len());
    for (i, &(c, fact)) in claims.iter().enumerate() {
        if i == 0 || key(&claims[i - 1].1) != key(&fact) {
            first_report = c;
        }
        keyed.push((fact.effective_secs, first_report, c, fact));
    }
    keyed.sort_unstable_by_key(|&(secs, first, c, _)| (secs, first, c));
    claims.clear();
    claims.extend(keyed.into_iter().map(|(_, _, c, fact)| (c, fact)));
    claims
}

/// What a claim says, for finding reports of the same statement.
fn statement_key(voices: &Voices, fact: &ClaimFacts) -> (u16, u8, u16, i64, i64, bool) {
    let speakers = voices
        .voices
        .get(fact.voice as usize)
        .map_or(fact.voice, |v| v.speakers);
    let (effect, faction) = match fact.effect {
        ControlEffect::Sets(f) => (0, f),
        ControlEffect::Leaves(f) => (1, f),
        ControlEffect::Denies(f) => (2, f),
        ControlEffect::Contests => (3, 0),
        ControlEffect::Calms => (4, 0),
        ControlEffect::None => (5, 0),
    };
    (
        speakers,
        effect,
        faction,
        fact.span.start_secs,
        fact.span.end_secs,
        fact.region_level,
    )
}
