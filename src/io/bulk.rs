//! Bulk claims: JSON lines, one claim per line with the same fields as in a scenario
//! file (`{"id":"c1","subject":{"Place":"homs"},"assertion":"Captured",...}`). RON is
//! about five times slower to parse than JSON, which matters at a million claims;
//! `frontline check SCENARIO --claims FILE.jsonl` loads a scenario with them.

use super::{Diagnostic, LoadError};
use crate::model::Claim;

/// Parses JSON-lines claims (blank lines are skipped); returns them with the line
/// each came from, or every line that does not parse.
pub fn parse_claims_jsonl(name: &str, text: &str) -> Result<(Vec<Claim>, Vec<usize>), LoadError> {
    let mut claims = Vec::new();
    let mut lines = Vec::new();
    let mut diagnostics = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Claim>(line) {
            Ok(claim) => {
                claims.push(claim);
                lines.push(i + 1);
            }
            Err(err) => diagnostics.push(Diagnostic {
                file: name.to_owned(),
                line: i + 1,
                col: err.column().max(1),
                message: format!("not a claim: {err}"),
            }),
        }
    }
    if diagnostics.is_empty() {
        Ok((claims, lines))
    } else {
        Err(LoadError { diagnostics })
    }
}

/// Writes claims as JSON lines.
pub fn claims_jsonl(claims: &[Claim]) -> Result<String, serde_json::Error> {
    let mut out = String::new();
    for claim in claims {
        out.push_str(&serde_json::to_string(claim)?);
        out.push('\n');
    }
    Ok(out)
}
