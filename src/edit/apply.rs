//! Applying an edit: refused before anything changes when it would make the scenario
//! invalid, else done, giving the edit that undoes it. Claims are handled here, the
//! other kinds in [`super::items`].

use super::command::{Edit, EditError};
use super::{bulk, items};
use crate::io::check_claim;
use crate::model::{Claim, Scenario};

/// Applies `edit` to `scenario` and returns its inverse (applying which restores the
/// scenario exactly, claim order included). On an error the scenario is unchanged: a
/// [`Edit::Batch`] is applied whole or not at all.
pub fn apply(scenario: &mut Scenario, edit: Edit) -> Result<Edit, EditError> {
    match edit {
        Edit::AddClaim(claim) => insert_claim(scenario, claim, None),
        Edit::InsertClaim { claim, before } => insert_claim(scenario, claim, before),
        Edit::ChangeClaim { id, claim } => change_claim(scenario, id, claim),
        Edit::RemoveClaim { id } => remove_claim(scenario, &id),
        Edit::AddSource(source) => items::add_source(scenario, source),
        Edit::ChangeSource { id, source } => items::change_source(scenario, id, source),
        Edit::RemoveSource { id } => items::remove_source(scenario, &id),
        Edit::AddPlace(place) => items::add_place(scenario, place),
        Edit::ChangePlace { id, place } => items::change_place(scenario, id, place),
        Edit::RemovePlace { id } => items::remove_place(scenario, &id),
        Edit::AddDocument { document, text } => items::add_document(scenario, document, text),
        Edit::RemoveDocument { id } => items::remove_document(scenario, &id),
        Edit::AddFaction(faction) => items::add_faction(scenario, faction),
        Edit::RemoveFaction { id } => items::remove_faction(scenario, &id),
        Edit::Batch(edits) => batch(scenario, edits),
    }
}

/// Applies every edit or, at the first refused, undoes those already applied. A run
/// of claim additions or removals is applied at once ([`bulk`]), with the same result.
fn batch(scenario: &mut Scenario, edits: Vec<Edit>) -> Result<Edit, EditError> {
    let mut inverses = Vec::with_capacity(edits.len());
    let mut pending = edits.into_iter().peekable();
    let mut index = 0;
    while let Some(edit) = pending.next() {
        let applied = if bulk::is_insert(&edit) || bulk::is_remove(&edit) {
            let same_kind = if bulk::is_insert(&edit) {
                bulk::is_insert
            } else {
                bulk::is_remove
            };
            let mut run = vec![edit];
            while let Some(next) = pending.next_if(same_kind) {
                run.push(next);
            }
            let applied = run_of_claims(scenario, run, index);
            index += inverses_len(&applied);
            applied
        } else {
            let applied = apply(scenario, edit)
                .map(|inverse| vec![inverse])
                .map_err(|error| (index, error));
            index += 1;
            applied
        };
        match applied {
            Ok(done) => inverses.extend(done),
            Err((index, error)) => {
                undo_all(scenario, inverses);
                return Err(EditError::InBatch {
                    index,
                    error: Box::new(error),
                });
            }
        }
    }
    inverses.reverse();
    Ok(Edit::Batch(inverses))
}

/// How many edits an applied run was (one inverse each).
fn inverses_len(applied: &Result<Vec<Edit>, bulk::RunError>) -> usize {
    applied.as_ref().map_or(0, Vec::len)
}

/// Applies a run of claim additions or removals starting at the batch's edit
/// `first`: at once, or one by one when a claim of it goes before another of it.
/// On an error (with its index in the batch) the scenario is as before the run.
fn run_of_claims(
    scenario: &mut Scenario,
    run: Vec<Edit>,
    first: usize,
) -> Result<Vec<Edit>, bulk::RunError> {
    let at_batch = |(n, error): bulk::RunError| (first + n, error);
    if run.len() == 1 || bulk::goes_before_its_own(&run) {
        let mut inverses = Vec::with_capacity(run.len());
        for (n, edit) in run.into_iter().enumerate() {
            match apply(scenario, edit) {
                Ok(inverse) => inverses.push(inverse),
                Err(error) => {
                    undo_all(scenario, inverses);
                    return Err((first + n, error));
                }
            }
        }
        return Ok(inverses);
    }
    if run.first().is_some_and(bulk::is_remove) {
        bulk::remove_claims(scenario, run).map_err(at_batch)
    } else {
        bulk::insert_claims(scenario, run).map_err(at_batch)
    }
}

/// Applies inverses, newest first (each was just made from the scenario as it is, so
/// none is refused).
fn undo_all(scenario: &mut Scenario, inverses: Vec<Edit>) {
    for inverse in inverses.into_iter().rev() {
        let undone = apply(scenario, inverse);
        debug_assert!(undone.is_ok(), "an inverse was refused: {undone:?}");
    }
}

/// Where the claim with this id is (claims are in the file's order, not by id).
pub(super) fn claim_position(scenario: &Scenario, id: &str) -> Option<usize> {
    scenario.claims.iter().position(|claim| claim.id == id)
}

/// The claim as an edit gives it, or why it is refused.
fn checked(scenario: &Scenario, mut claim: Claim) -> Result<Claim, EditError> {
    claim.upgrade_v1_source();
    let problems = check_claim(scenario, &claim);
    if problems.is_empty() {
        Ok(claim)
    } else {
        Err(EditError::Invalid {
            kind: "claim",
            id: claim.id,
            problems,
        })
    }
}

fn insert_claim(
    scenario: &mut Scenario,
    claim: Claim,
    before: Option<String>,
) -> Result<Edit, EditError> {
    if claim.id.trim().is_empty() {
        return Err(EditError::EmptyId { kind: "claim" });
    }
    if claim_position(scenario, &claim.id).is_some() {
        return Err(EditError::DuplicateId {
            kind: "claim",
            id: claim.id,
        });
    }
    let at = match &before {
        None => scenario.claims.len(),
        Some(next) => claim_position(scenario, next).ok_or_else(|| EditError::NotFound {
            kind: "claim",
            id: next.clone(),
        })?,
    };
    let claim = checked(scenario, claim)?;
    let id = claim.id.clone();
    scenario.claims.insert(at, claim);
    Ok(Edit::RemoveClaim { id })
}

fn change_claim(scenario: &mut Scenario, id: String, claim: Claim) -> Result<Edit, EditError> {
    let Some(at) = claim_position(scenario, &id) else {
        return Err(EditError::NotFound { kind: "claim", id });
    };
    if claim.id != id {
        return Err(EditError::IdChanged {
            kind: "claim",
            id,
            new: claim.id,
        });
    }
    let claim = checked(scenario, claim)?;
    let old = std::mem::replace(&mut scenario.claims[at], claim);
    Ok(Edit::ChangeClaim { id, claim: old })
}

fn remove_claim(scenario: &mut Scenario, id: &str) -> Result<Edit, EditError> {
    let Some(at) = claim_position(scenario, id) else {
        return Err(EditError::NotFound {
            kind: "claim",
            id: id.to_owned(),
        });
    };
    let claim = scenario.claims.remove(at);
    let before = scenario.claims.get(at).map(|next| next.id.clone());
    Ok(Edit::InsertClaim { claim, before })
}
