//! Dataset records re-checked when an edit adds or changes a claim citing one: the
//! record must still be what its dataset (beside the scenario file) holds, as a quote
//! must be in its document. Loading checks every record; an edit checks those it
//! brings in, so a claim edited after its dataset changed on disk is refused.

use super::command::{Edit, EditError};
use crate::io::{FieldProblem, RecordChecker};

/// Refuses `edit` if a claim it adds or changes cites a record its dataset does not
/// hold (the refusal of the first such claim, inside a batch named by its index).
pub(super) fn check_records(checker: &mut RecordChecker, edit: &Edit) -> Result<(), EditError> {
    if !cites_records(edit) {
        return Ok(());
    }
    check_with(checker, edit)
}

/// True when `edit` adds or changes a claim that cites a record.
fn cites_records(edit: &Edit) -> bool {
    match edit {
        Edit::AddClaim(claim)
        | Edit::InsertClaim { claim, .. }
        | Edit::ChangeClaim { claim, .. } => claim.record.is_some(),
        Edit::Batch(edits) => edits.iter().any(cites_records),
        _ => false,
    }
}

fn check_with(checker: &mut RecordChecker, edit: &Edit) -> Result<(), EditError> {
    match edit {
        Edit::AddClaim(claim)
        | Edit::InsertClaim { claim, .. }
        | Edit::ChangeClaim { claim, .. } => {
            let Some(record) = &claim.record else {
                return Ok(());
            };
            match checker.problem(record) {
                None => Ok(()),
                Some(message) => Err(EditError::Invalid {
                    kind: "claim",
                    id: claim.id.clone(),
                    problems: vec![FieldProblem {
                        field: "record".into(),
                        message,
                    }],
                }),
            }
        }
        Edit::Batch(edits) => {
            for (index, edit) in edits.iter().enumerate() {
                check_with(checker, edit).map_err(|error| EditError::InBatch {
                    index,
                    error: Box::new(error),
                })?;
            }
            Ok(())
        }
        _ => Ok(()),
    }
}
