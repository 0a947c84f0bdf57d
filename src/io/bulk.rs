//! Bulk claims: JSON lines, one claim per line with the same fields as in a scenario
//! file (`{"id":"c1","subject":{"Place":"homs"},"assertion":"Captured",...}`). RON is
//! about five times slower to parse than JSON, which matters at a million claims;
//! `frontline check SCENARIO --claims FILE.jsonl` loads a scenario with them.

use super::problems::Problems;
use super::{Diagnostic, LoadError};
use crate::model::Claim;

/// Below this many bytes, JSON lines are parsed on one thread.
const SPLIT_FROM_BYTES: usize = 1 << 20;

/// Parses JSON-lines claims (blank lines are skipped); returns them with the line
/// each came from, or every line that does not parse. Large files are parsed in two
/// halves on two threads.
pub fn parse_claims_jsonl(name: &str, text: &str) -> Result<(Vec<Claim>, Vec<usize>), LoadError> {
    let middle = text.len() / 2;
    let split = text.as_bytes()[middle..]
        .iter()
        .position(|&b| b == b'\n')
        .map(|at| middle + at + 1)
        .filter(|_| text.len() >= SPLIT_FROM_BYTES);
    let Some(split) = split else {
        return parse_lines(name, text, 0).finish();
    };
    let (first, second) = text.split_at(split);
    let first_lines = first.bytes().filter(|&b| b == b'\n').count();
    let (a, b) = std::thread::scope(|scope| {
        let second = scope.spawn(|| parse_lines(name, second, first_lines));
        let first = parse_lines(name, first, 0);
        (first, second.join())
    });
    let b = b.unwrap_or_else(|_| parse_lines(name, second, first_lines));
    a.then(b).finish()
}

/// The claims of some lines and their problems, the first [`super::MAX_DIAGNOSTICS`] listed.
struct Parsed {
    claims: Vec<Claim>,
    lines: Vec<usize>,
    problems: Problems,
}

impl Parsed {
    /// These lines followed by `next`'s.
    fn then(mut self, next: Self) -> Self {
        self.claims.extend(next.claims);
        self.lines.extend(next.lines);
        self.problems.append(next.problems);
        self
    }

    /// The claims, or the problems (the unlisted ones counted in a last diagnostic).
    fn finish(self) -> Result<(Vec<Claim>, Vec<usize>), LoadError> {
        if self.problems.is_empty() {
            Ok((self.claims, self.lines))
        } else {
            Err(LoadError {
                diagnostics: self.problems.into_diagnostics(),
            })
        }
    }
}

/// Parses the lines of `text`, numbering them from `first_line + 1`.
fn parse_lines(name: &str, text: &str, first_line: usize) -> Parsed {
    let mut claims = Vec::new();
    let mut lines = Vec::new();
    let mut problems = Problems::default();
    for (i, line) in text.lines().enumerate() {
        let line_number = first_line + i + 1;
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Claim>(line) {
            Ok(claim) => {
                claims.push(claim);
                lines.push(line_number);
            }
            Err(err) if problems.is_full() => {
                problems.count_at(name, line_number, err.column().max(1));
            }
            Err(err) => {
                let mut col = err.column().max(1);
                let json_message = err.to_string();
                let message = match super::unknown_field::from_json(&json_message) {
                    Some((found, message)) => {
                        // Point at the field's name (serde_json points past it).
                        let start = super::unknown_field::field_start(line, found, col);
                        col = line[..start].chars().count() + 1;
                        message
                    }
                    None => format!("not a claim: {err}"),
                };
                problems.push(Diagnostic {
                    file: name.to_owned(),
                    line: line_number,
                    col,
                    message,
                });
            }
        }
    }
    Parsed {
        claims,
        lines,
        problems,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synthetic::{SyntheticSize, synthetic_scenario};

    #[test]
    fn two_halves_parse_like_one_with_the_same_line_numbers() {
        let size = SyntheticSize {
            places: 50,
            claims: 6000,
            days: 10,
        };
        let claims = synthetic_scenario(2, size).claims;
        let mut text = claims_jsonl(&claims).unwrap();
        text.insert(0, '\n');
        assert!(text.len() > SPLIT_FROM_BYTES);
        let (parsed, lines) = parse_claims_jsonl("c", &text).unwrap();
        assert_eq!(parsed, claims);
        assert_eq!(lines, (2..claims.len() + 2).collect::<Vec<_>>());

        // A bad line in each half, reported at its own line.
        let mut bad: Vec<&str> = text.lines().collect();
        let last = bad.len() - 1;
        bad[3] = "{";
        bad[last] = "nope";
        let err = parse_claims_jsonl("c", &bad.join("\n")).unwrap_err();
        let at: Vec<usize> = err.diagnostics.iter().map(|d| d.line).collect();
        assert_eq!(at, [4, last + 1]);
        assert_eq!(
            err,
            parse_lines("c", &bad.join("\n"), 0).finish().unwrap_err()
        );
    }
}
