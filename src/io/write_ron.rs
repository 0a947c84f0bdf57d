//! Writing a scenario as a format 2 RON file that people read and diff: collections
//! sorted by id (claims keep their order), one item per line, defaults left out.

use crate::model::file_form::writing_file;
use crate::model::{FORMAT_VERSION, Scenario};

/// A scenario could not be written as RON.
#[derive(Debug, thiserror::Error)]
#[error("cannot write the scenario as RON: {0}")]
pub struct WriteRonError(#[from] ron::Error);

/// The scenario as format 2 RON: stable (the same scenario always gives the same
/// bytes), each faction, source, document, region, place, route and claim on a line
/// of its own, fields at their defaults left out. A format 1 `source` still on a claim
/// becomes its originator.
pub fn scenario_to_ron(scenario: &Scenario) -> Result<String, WriteRonError> {
    let mut scenario = scenario.clone();
    scenario.sort_by_id();
    scenario.format_version = FORMAT_VERSION;
    for claim in &mut scenario.claims {
        claim.upgrade_v1_source();
    }
    file_ron(&scenario)
}

/// Any part of a scenario as [`scenario_to_ron`] writes it: one item a line, fields at
/// their defaults left out, apostrophes plain, a final newline.
pub fn file_ron<T: serde::Serialize>(value: &T) -> Result<String, WriteRonError> {
    let config = ron::ser::PrettyConfig::new()
        .depth_limit(2)
        .indentor("    ")
        .new_line("\n");
    let text = writing_file(|| ron::Options::default().to_string_pretty(value, config))?;
    let mut text = without_escaped_apostrophes(&text);
    if !text.ends_with('\n') {
        text.push('\n');
    }
    Ok(text)
}

/// ron escapes `'` in strings as `\'`, which RON reads either way: apostrophes are
/// common in quotes, so write them plain (as Rust's `{:?}` does, which is also how
/// errors find values in the text).
fn without_escaped_apostrophes(ron: &str) -> String {
    let mut out = String::with_capacity(ron.len());
    let mut chars = ron.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('\'') => out.push('\''),
            Some(next) => {
                out.push(c);
                out.push(next);
            }
            None => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apostrophes_are_written_plain() {
        assert_eq!(
            without_escaped_apostrophes(r#"("it\'s", "a \\\' b", "\\n")"#),
            r#"("it's", "a \\' b", "\\n")"#
        );
        let text = "it's a \\' \"quoted\"";
        let written = ron::to_string(&text).unwrap();
        let read: String = ron::from_str(&without_escaped_apostrophes(&written)).unwrap();
        assert_eq!(read, text);
    }
}
