//! Checking values that have no file yet: one claim, as an edit proposes it, against
//! a scenario in memory. The claim is checked exactly as a loaded one would be; each
//! problem names the field it is in.

use std::fmt;

use super::claims::Known;
use super::{At, Checker};
use crate::io::{Locator, Problems};
use crate::model::file_form::writing_file;
use crate::model::{Claim, Scenario};

/// One problem with a value: the field it is in and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct FieldProblem {
    /// The claim's field, e.g. "originators"; "claim" for the claim as a whole.
    pub field: String,
    /// What is wrong, in plain words.
    pub message: String,
}

impl fmt::Display for FieldProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}`: {}", self.field, self.message)
    }
}

/// Every problem `claim` would have in `scenario`, but for its id's uniqueness (which
/// the caller knows better): unknown subject, factions, originators, relays, document
/// or scope places, a quote not verbatim in its document, dates, roles, credibility.
pub fn check_claim(scenario: &Scenario, claim: &Claim) -> Vec<FieldProblem> {
    ClaimChecker::new(scenario).check(claim)
}

/// [`check_claim`] for many claims against one scenario: what claims may refer to is
/// gathered once, not once per claim (an import checks thousands).
pub struct ClaimChecker<'s> {
    known: Known<'s>,
}

impl<'s> ClaimChecker<'s> {
    /// A checker of claims proposed for `scenario`.
    pub fn new(scenario: &'s Scenario) -> Self {
        Self {
            known: Known::for_one_claim(scenario),
        }
    }

    /// Every problem `claim` would have in the scenario, as [`check_claim`] says.
    pub fn check(&self, claim: &Claim) -> Vec<FieldProblem> {
        // The claim written one field a line: a problem's line says which field it is in.
        let config = ron::ser::PrettyConfig::new().depth_limit(1);
        let text = writing_file(|| ron::ser::to_string_pretty(claim, config)).unwrap_or_default();
        let locator = Locator::new(&text);
        let mut check = Checker {
            file: "",
            locator: &locator,
            problems: Problems::default(),
            bulk: None,
            unread: &[],
        };
        check.claim(claim, At::Offset(0), &self.known);
        let lines: Vec<&str> = text.lines().collect();
        let mut problems: Vec<FieldProblem> = check
            .into_diagnostics()
            .into_iter()
            .map(|diagnostic| FieldProblem {
                field: field_on(lines.get(diagnostic.line.saturating_sub(1)).copied()),
                message: diagnostic.message,
            })
            .collect();
        problems.sort();
        problems.dedup();
        problems
    }
}

/// The field written on a line like `    originators: ["x"],`, or "claim".
fn field_on(line: Option<&str>) -> String {
    line.and_then(|line| line.trim_start().split_once(':'))
        .map(|(name, _)| name)
        .filter(|name| !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_'))
        .unwrap_or("claim")
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_read_from_their_lines() {
        assert_eq!(field_on(Some("    via: [\"a\"],")), "via");
        assert_eq!(field_on(Some("(")), "claim");
        assert_eq!(field_on(None), "claim");
    }
}
