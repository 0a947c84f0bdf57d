//! The flat per-place arrays of the index after an edit: untouched places' runs
//! copied with their claim indices moved, touched places' runs rebuilt.

use rustc_hash::FxHashMap;

use super::Moves;
use crate::control::index::{ClaimFacts, ControlIndex, ordered_statements};
use crate::control::scope::{self, Entry};

/// The flat per-place arrays of the new index.
pub(super) struct Runs {
    pub(super) offsets: Vec<u32>,
    pub(super) entries: Vec<u32>,
    pub(super) entry_secs: Vec<i64>,
    pub(super) entry_facts: Vec<ClaimFacts>,
}

impl Runs {
    /// Copies the untouched places' runs (claim indices moved) and rebuilds the runs
    /// of `moves.places` from their untouched claims and the touched ones `filed`.
    pub(super) fn merge(
        old: &ControlIndex,
        moves: &Moves,
        old_touched: &[usize],
        facts: &[ClaimFacts],
        filed: &[(u32, u32, Entry)],
        voices: &crate::control::voice::Voices,
    ) -> Self {
        let places = old.offsets.len() - 1;
        let mut by_place: FxHashMap<u32, Vec<(u32, Entry)>> = FxHashMap::default();
        for &(p, c, entry) in filed {
            by_place.entry(p).or_default().push((c, entry));
        }
        let extra: usize = filed.len();
        let mut runs = Self {
            offsets: Vec::with_capacity(places + 1),
            entries: Vec::with_capacity(old.entries.len() + extra),
            entry_secs: Vec::with_capacity(old.entries.len() + extra),
            entry_facts: Vec::with_capacity(old.entries.len() + extra),
        };
        runs.offsets.push(0);
        let kept = |c: u32| -> Option<u32> {
            match &moves.old_to_new {
                Some(_) => moves.claim(c),
                None => old_touched
                    .binary_search(&(c as usize))
                    .is_err()
                    .then_some(c),
            }
        };
        let mut next = 0usize;
        for &p in &moves.places {
            let p = p as usize;
            runs.copy(old, moves, next..p);
            let (start, end) = (old.offsets[p] as usize, old.offsets[p + 1] as usize);
            let mut claims: Vec<(u32, ClaimFacts)> = (start..end)
                .filter_map(|e| Some((kept(old.entries[e])?, old.entry_facts[e])))
                .collect();
            if let Some(touched) = by_place.get(&(p as u32)) {
                claims.extend(
                    touched
                        .iter()
                        .map(|&(c, entry)| (c, scope::entry_facts(facts[c as usize], entry))),
                );
            }
            let claims = ordered_statements(voices, claims);
            runs.entries.extend(claims.iter().map(|&(c, _)| c));
            runs.entry_secs.extend(
                claims
                    .iter()
                    .map(|&(c, _)| facts[c as usize].effective_secs),
            );
            runs.entry_facts.extend(claims.iter().map(|&(_, f)| f));
            runs.offsets.push(runs.entries.len() as u32);
            next = p + 1;
        }
        runs.copy(old, moves, next..places);
        runs
    }

    /// Appends the old runs of `places`, untouched, with claim indices moved.
    fn copy(&mut self, old: &ControlIndex, moves: &Moves, places: std::ops::Range<usize>) {
        if places.is_empty() {
            return;
        }
        let (start, end) = (
            old.offsets[places.start] as usize,
            old.offsets[places.end] as usize,
        );
        let shift = self.entries.len() as i64 - start as i64;
        self.offsets.extend(
            old.offsets[places.start + 1..=places.end]
                .iter()
                .map(|&o| (i64::from(o) + shift) as u32),
        );
        match &moves.old_to_new {
            None => self.entries.extend_from_slice(&old.entries[start..end]),
            Some(table) => self
                .entries
                .extend(old.entries[start..end].iter().map(|&c| table[c as usize])),
        }
        self.entry_secs
            .extend_from_slice(&old.entry_secs[start..end]);
        self.entry_facts
            .extend_from_slice(&old.entry_facts[start..end]);
    }
}
