//! The problems of one load, capped: the first [`MAX_DIAGNOSTICS`] are listed and the
//! rest only counted, so a file with a problem on each of millions of lines costs
//! neither memory nor a terminal's worth of output (a 10-million-line claims file of
//! `{}` used 2.4 GB before the cap).

use super::Diagnostic;

/// The most problems a load lists; the rest are counted in one last diagnostic.
pub const MAX_DIAGNOSTICS: usize = 200;

/// Problems in the order found: the first [`MAX_DIAGNOSTICS`] listed, the others
/// counted, located at the first of them. Parts found apart (two halves of a file,
/// chunks checked on several threads) are joined in order with [`Self::append`].
#[derive(Debug, Default)]
pub struct Problems {
    listed: Vec<Diagnostic>,
    /// Problems not listed: where the first is (its message is not kept), and how many.
    more: Option<(Diagnostic, usize)>,
}

impl Problems {
    /// Whether nothing was found.
    pub fn is_empty(&self) -> bool {
        self.listed.is_empty() && self.more.is_none()
    }

    /// Whether the next problem would only be counted (so its message need not be built).
    pub fn is_full(&self) -> bool {
        self.listed.len() >= MAX_DIAGNOSTICS || self.more.is_some()
    }

    /// Lists `diagnostic`, or counts it once the list is full.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        if self.is_full() {
            self.more.get_or_insert((diagnostic, 0)).1 += 1;
        } else {
            self.listed.push(diagnostic);
        }
    }

    /// Counts a problem at `file:line:col` that will not be listed (the list is full).
    pub fn count_at(&mut self, file: &str, line: usize, col: usize) {
        let first = || Diagnostic {
            file: file.to_owned(),
            line,
            col,
            message: String::new(),
        };
        self.more.get_or_insert_with(|| (first(), 0)).1 += 1;
    }

    /// These problems followed by `next`'s.
    pub fn append(&mut self, next: Self) {
        for diagnostic in next.listed {
            self.push(diagnostic);
        }
        if let Some((first, count)) = next.more {
            self.more.get_or_insert((first, 0)).1 += count;
        }
    }

    /// The listed problems and, when some were not listed, a last one counting them.
    pub fn into_diagnostics(self) -> Vec<Diagnostic> {
        let mut diagnostics = self.listed;
        if let Some((first, count)) = self.more {
            diagnostics.push(Diagnostic {
                message: format!(
                    "{count} more problems from here on are not listed (only the first {MAX_DIAGNOSTICS} are)"
                ),
                ..first
            });
        }
        diagnostics
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(line: usize) -> Diagnostic {
        Diagnostic {
            file: "f.jsonl".into(),
            line,
            col: 1,
            message: format!("problem {line}"),
        }
    }

    /// `count` problems on lines `from..`, pushed one by one.
    fn found(from: usize, count: usize) -> Problems {
        let mut problems = Problems::default();
        for line in from..from + count {
            problems.push(at(line));
        }
        problems
    }

    #[test]
    fn lists_the_first_and_counts_the_rest_from_the_first_unlisted() {
        let diagnostics = found(1, MAX_DIAGNOSTICS + 5).into_diagnostics();
        assert_eq!(diagnostics.len(), MAX_DIAGNOSTICS + 1);
        assert_eq!(diagnostics[MAX_DIAGNOSTICS - 1], at(MAX_DIAGNOSTICS));
        let last = &diagnostics[MAX_DIAGNOSTICS];
        assert_eq!(last.line, MAX_DIAGNOSTICS + 1);
        assert!(last.message.starts_with("5 more problems"), "{last}");
    }

    #[test]
    fn joining_parts_in_order_equals_finding_them_in_one_go() {
        for (first, second) in [(3, 4), (150, 100), (250, 2), (0, 300), (201, 0)] {
            let mut joined = found(1, first);
            joined.append(found(first + 1, second));
            assert_eq!(
                joined.into_diagnostics(),
                found(1, first + second).into_diagnostics(),
                "{first} then {second}"
            );
        }
    }

    #[test]
    fn a_counted_problem_is_located_but_never_listed() {
        let mut problems = found(1, MAX_DIAGNOSTICS);
        assert!(problems.is_full());
        problems.count_at("f.jsonl", 900, 7);
        problems.push(at(901));
        let diagnostics = problems.into_diagnostics();
        let last = diagnostics
            .last()
            .map(|d| (d.line, d.col, d.message.clone()));
        assert_eq!(
            last,
            Some((
                900,
                7,
                format!(
                    "2 more problems from here on are not listed (only the first {MAX_DIAGNOSTICS} are)"
                )
            ))
        );
        assert!(Problems::default().is_empty());
    }
}
