//! Updating the index's arrays in place after a claim edit: a claim added at the end
//! is a push, a changed claim an overwrite, a place's rebuilt run a splice. Moving the
//! tail of a large array in memory it already has is several times faster than
//! copying it into new memory (which the system must first hand over, page by page).

use super::incremental::{GONE, Moves};
use super::index::{ClaimFacts, ControlIndex, ordered_statements};
use super::scope::{self, Entry};

/// Up to this many rebuilt places are spliced in place; more are copied.
pub const PLACES_IN_PLACE: usize = 64;

/// Up to this many touched claims are removed and inserted in place; more are copied.
const CLAIMS_IN_PLACE: usize = 16;

/// Updates a per-claim array: the items at `old_touched` go, `fresh[k]` comes at
/// `new_touched[k]`; untouched items keep their order.
pub fn claims<T: Copy>(
    items: &mut Vec<T>,
    old_touched: &[usize],
    new_touched: &[usize],
    fresh: &[T],
) {
    if old_touched == new_touched {
        for (&c, &item) in new_touched.iter().zip(fresh) {
            items[c] = item;
        }
    } else if old_touched.len() + new_touched.len() <= CLAIMS_IN_PLACE {
        for &c in old_touched.iter().rev() {
            items.remove(c);
        }
        // Ascending: everything before each position is already where it ends up.
        for (&c, &item) in new_touched.iter().zip(fresh) {
            items.insert(c, item);
        }
    } else {
        *items = merged(items, old_touched, new_touched, fresh);
    }
}

/// The new per-claim array: untouched items copied in order (in runs between touched
/// positions), `fresh[k]` at `new_touched[k]`.
fn merged<T: Copy>(old: &[T], old_touched: &[usize], new_touched: &[usize], fresh: &[T]) -> Vec<T> {
    let new_len = old.len() - old_touched.len() + new_touched.len();
    let mut out = Vec::with_capacity(new_len);
    let mut skip = old_touched.iter().peekable();
    let mut from = 0;
    let mut copy_old = |out: &mut Vec<T>, mut count: usize| {
        while count > 0 {
            while skip.next_if(|&&t| t == from).is_some() {
                from += 1;
            }
            let until = skip.peek().map_or(old.len(), |&&t| t);
            let n = count.min(until - from);
            out.extend_from_slice(&old[from..from + n]);
            from += n;
            count -= n;
        }
    };
    for (&j, &item) in new_touched.iter().zip(fresh) {
        let count = j - out.len();
        copy_old(&mut out, count);
        out.push(item);
    }
    let count = new_len - out.len();
    copy_old(&mut out, count);
    out
}

/// Moves the claim indices of every run, then rebuilds the runs of `moves.places`
/// (from their untouched claims and the touched ones `filed`) and splices each in,
/// last place first so earlier offsets stay put. `index.facts` is already updated.
pub fn runs(
    index: &mut ControlIndex,
    moves: &Moves,
    old_touched: &[usize],
    filed: &[(u32, u32, Entry)],
) {
    if let Some(table) = &moves.old_to_new {
        for c in &mut index.entries {
            *c = table[*c as usize];
        }
    }
    let kept = |c: u32| match moves.old_to_new {
        Some(_) => c != GONE,
        None => old_touched.binary_search(&(c as usize)).is_err(),
    };
    for &p in moves.places.iter().rev() {
        let p = p as usize;
        let (start, end) = (index.offsets[p] as usize, index.offsets[p + 1] as usize);
        let mut claims: Vec<(u32, ClaimFacts)> = (start..end)
            .filter(|&e| kept(index.entries[e]))
            .map(|e| (index.entries[e], index.entry_facts[e]))
            .collect();
        claims.extend(
            filed
                .iter()
                .filter(|&&(place, _, _)| place as usize == p)
                .map(|&(_, c, entry)| (c, scope::entry_facts(index.facts[c as usize], entry))),
        );
        let claims = ordered_statements(&index.voices, claims);
        let facts = &index.facts;
        index.entry_secs.splice(
            start..end,
            claims
                .iter()
                .map(|&(c, _)| facts[c as usize].effective_secs),
        );
        index
            .entries
            .splice(start..end, claims.iter().map(|&(c, _)| c));
        index
            .entry_facts
            .splice(start..end, claims.iter().map(|&(_, f)| f));
        let delta = claims.len() as i64 - (end - start) as i64;
        if delta != 0 {
            for offset in &mut index.offsets[p + 1..] {
                *offset = (i64::from(*offset) + delta) as u32;
            }
        }
    }
}
