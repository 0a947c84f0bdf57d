//! Following a claim edit without indexing every claim again: the untouched claims
//! keep their facts (their indices shift past a removed or inserted claim), only the
//! touched claims are read, and only the places they are filed under get their runs
//! rebuilt; every other place's run is copied. The result is the index a full build
//! of the edited scenario gives, except that voices are numbered in the order they
//! were met (a voice no claim uses any more stays): resolution only compares voices.

mod runs;

use rustc_hash::FxHashSet;

use super::index::{ClaimFacts, ControlIndex};
use super::lookup::{Lookup, give_voice};
use super::scope::{self, Entry, Target};
use super::splice;
use crate::edit::ClaimChanges;
use crate::model::Scenario;
use runs::Runs;

/// No claim: an untouched claim's new index in [`Moves::old_to_new`] is never this.
pub(super) const GONE: u32 = u32::MAX;

/// The claims an edit touched, by id: those to find before the edit (changed or
/// removed) and after it (added or changed). An added claim is not looked for before
/// the edit, nor a removed one after it: ids are unique, so each can only be there
/// if the same batch also removed or added it (and then it is in both lists).
pub struct TouchedIds<'a> {
    before: Ids<'a>,
    after: Ids<'a>,
}

impl<'a> TouchedIds<'a> {
    /// The claims `changes` touches.
    pub fn new(changes: &'a ClaimChanges) -> Self {
        let ids = |lists: [&'a [String]; 2]| {
            let mut ids: Vec<&str> = lists
                .iter()
                .flat_map(|l| l.iter())
                .map(String::as_str)
                .collect();
            ids.sort_unstable();
            ids.dedup();
            Ids::new(ids)
        };
        Self {
            before: ids([&changes.changed, &changes.removed]),
            after: ids([&changes.added, &changes.changed]),
        }
    }

    /// True when no claim is touched.
    pub fn is_empty(&self) -> bool {
        self.before.len == 0 && self.after.len == 0
    }
}

/// Claim ids to find: compared directly when few, hashed when many.
struct Ids<'a> {
    few: Vec<&'a str>,
    many: FxHashSet<&'a str>,
    len: usize,
}

/// Up to this many ids are compared directly (no hashing of every claim id).
const FEW_IDS: usize = 8;

impl<'a> Ids<'a> {
    fn new(ids: Vec<&'a str>) -> Self {
        let len = ids.len();
        if len <= FEW_IDS {
            Self {
                few: ids,
                many: FxHashSet::default(),
                len,
            }
        } else {
            Self {
                few: Vec::new(),
                many: ids.into_iter().collect(),
                len,
            }
        }
    }

    fn contains(&self, id: &str) -> bool {
        if self.len <= FEW_IDS {
            self.few.contains(&id)
        } else {
            self.many.contains(id)
        }
    }

    /// Positions of these claims in `scenario`, ascending. Searched from the end (an
    /// added claim is usually last) and no further than the last one found.
    fn positions(&self, scenario: &Scenario) -> Vec<usize> {
        let mut found = Vec::new();
        if self.len == 0 {
            return found;
        }
        for (c, claim) in scenario.claims.iter().enumerate().rev() {
            if self.contains(&claim.id) {
                found.push(c);
                if found.len() == self.len {
                    break;
                }
            }
        }
        found.reverse();
        found
    }
}

/// What the index needs of the scenario before the edit: where the touched claims
/// were, the places they were filed under, and when they took effect.
pub struct Before {
    old_touched: Vec<usize>,
    places: Vec<u32>,
    secs: Vec<i64>,
    claims: usize,
}

/// How claim indices and per-place runs changed, for patching what was derived from
/// the old index (timelines).
pub struct Moves {
    /// Per old claim: its new index, [`GONE`] for a touched one; `None` when no
    /// untouched claim moved (claims changed in place or added at the end).
    pub old_to_new: Option<Vec<u32>>,
    /// Places whose runs were rebuilt, ascending.
    pub places: Vec<u32>,
    /// True when the edit added voices: masks made before it are not comparable.
    pub voices_grew: bool,
}

impl Moves {
    /// The new index of old claim `c`, if it was not touched.
    pub fn claim(&self, c: u32) -> Option<u32> {
        match &self.old_to_new {
            Some(table) => table.get(c as usize).copied().filter(|&n| n != GONE),
            None => Some(c),
        }
    }
}

impl ControlIndex {
    /// Notes what [`Self::after_claim_edit`] needs of `scenario` before the edit.
    pub fn before_claim_edit(&self, scenario: &Scenario, ids: &TouchedIds) -> Before {
        let old_touched = ids.before.positions(scenario);
        let lookup = Lookup::new(scenario);
        let mut places = Vec::new();
        for &c in &old_touched {
            if let (_, Some(target)) = lookup.claim(scenario, &scenario.claims[c]) {
                scope::covered(&target, &self.region_places, |p, _| places.push(p));
            }
        }
        let secs = old_touched
            .iter()
            .filter_map(|&c| self.facts.get(c))
            .map(|f| f.effective_secs)
            .collect();
        Before {
            old_touched,
            places,
            secs,
            claims: scenario.claims.len(),
        }
    }

    /// Updates this index, built or updated for the scenario before the edit, to
    /// `scenario`, which differs from it only in the claims `ids` (noted in `before`).
    /// In place where that is cheap (few claims and places touched), else by copying.
    /// `None`, with the index unchanged, when the claims do not line up (the edit was
    /// not claims only): index it again.
    pub fn after_claim_edit(
        &mut self,
        before: Before,
        scenario: &Scenario,
        ids: &TouchedIds,
    ) -> Option<Moves> {
        let new_touched = ids.after.positions(scenario);
        let kept = before.claims.checked_sub(before.old_touched.len())?;
        if before.claims != self.facts.len()
            || scenario.claims.len().checked_sub(new_touched.len())? != kept
            || scenario.places.len() + 1 != self.offsets.len()
        {
            return None;
        }
        let lookup = Lookup::new(scenario);
        let voices_before = self.voices.voices.len();
        let mut fresh = Vec::with_capacity(new_touched.len());
        let mut sides = Vec::with_capacity(new_touched.len());
        let mut filed: Vec<(u32, u32, Entry)> = Vec::new();
        for &c in &new_touched {
            let claim = &scenario.claims[c];
            let (mut fact, target) = lookup.claim(scenario, claim);
            give_voice(&mut self.voices, scenario, claim, &mut fact);
            if let Some(target) = target {
                file_touched(c as u32, &target, &self.region_places, &mut filed);
            }
            fresh.push(fact);
            sides.push(lookup.sides(claim));
        }
        let shifted = before.old_touched != new_touched;
        let old_to_new = shifted.then(|| {
            old_to_new(
                before.claims,
                &before.old_touched,
                scenario.claims.len(),
                &new_touched,
            )
        });
        splice::claims(&mut self.facts, &before.old_touched, &new_touched, &fresh);
        splice::claims(&mut self.sides, &before.old_touched, &new_touched, &sides);

        let mut places: Vec<u32> = before.places;
        places.extend(filed.iter().map(|&(p, _, _)| p));
        places.sort_unstable();
        places.dedup();
        let moves = Moves {
            old_to_new,
            places,
            voices_grew: self.voices.voices.len() != voices_before,
        };
        if moves.places.len() <= splice::PLACES_IN_PLACE {
            splice::runs(self, &moves, &before.old_touched, &filed);
        } else {
            let runs = Runs::merge(
                self,
                &moves,
                &before.old_touched,
                &self.facts,
                &filed,
                &self.voices,
            );
            self.offsets = runs.offsets;
            self.entries = runs.entries;
            self.entry_secs = runs.entry_secs;
            self.entry_facts = runs.entry_facts;
        }
        self.event_secs = event_secs(&self.event_secs, &before.secs, &fresh, &self.facts);
        Some(moves)
    }
}

/// Files a touched claim as (place, claim, entry) rows.
fn file_touched(
    c: u32,
    target: &Target,
    region_places: &[Vec<u32>],
    filed: &mut Vec<(u32, u32, Entry)>,
) {
    scope::covered(target, region_places, |p, entry| filed.push((p, c, entry)));
}

/// Per old claim, its new index ([`GONE`] if touched): untouched claims keep their
/// order, so the k-th untouched old claim is the k-th untouched new one.
fn old_to_new(
    old_len: usize,
    old_touched: &[usize],
    new_len: usize,
    new_touched: &[usize],
) -> Vec<u32> {
    let mut table = vec![GONE; old_len];
    let (mut old_skip, mut new_skip) =
        (old_touched.iter().peekable(), new_touched.iter().peekable());
    let (mut i, mut j) = (0, 0);
    loop {
        while old_skip.next_if(|&&t| t == i).is_some() {
            i += 1;
        }
        while new_skip.next_if(|&&t| t == j).is_some() {
            j += 1;
        }
        if i >= old_len || j >= new_len {
            return table;
        }
        table[i] = j as u32;
        i += 1;
        j += 1;
    }
}

/// The distinct effective times after the edit: the touched claims' old times go
/// unless another claim still has them, their new times come.
fn event_secs(
    old: &[i64],
    removed: &[i64],
    fresh: &[ClaimFacts],
    facts: &[ClaimFacts],
) -> Vec<i64> {
    let mut events = old.to_vec();
    let mut gone: Vec<i64> = removed.to_vec();
    gone.sort_unstable();
    gone.dedup();
    gone.retain(|secs| !fresh.iter().any(|f| f.effective_secs == *secs));
    if !gone.is_empty() {
        let mut still = vec![false; gone.len()];
        for f in facts {
            if let Ok(k) = gone.binary_search(&f.effective_secs) {
                still[k] = true;
            }
        }
        let gone: Vec<i64> = gone
            .into_iter()
            .zip(still)
            .filter(|(_, s)| !s)
            .map(|(g, _)| g)
            .collect();
        events.retain(|secs| gone.binary_search(secs).is_err());
    }
    for f in fresh {
        if let Err(at) = events.binary_search(&f.effective_secs) {
            events.insert(at, f.effective_secs);
        }
    }
    events
}
