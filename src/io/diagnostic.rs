use std::fmt;

/// The most problems a load lists; the rest are counted in one last diagnostic, so a
/// file with a problem on each of millions of lines costs neither memory nor a
/// terminal's worth of output (a 10-million-line claims file of `{}` used 2.4 GB).
pub const MAX_DIAGNOSTICS: usize = 200;

/// The diagnostic closing a list cut at [`MAX_DIAGNOSTICS`]: `more` problems not listed,
/// located at the first of them.
pub fn more_problems(file: &str, line: usize, col: usize, more: usize) -> Diagnostic {
    Diagnostic {
        file: file.to_owned(),
        line,
        col,
        message: format!(
            "{more} more problems from here on are not listed (only the first {MAX_DIAGNOSTICS} are)"
        ),
    }
}

/// One problem in an input file, with where it is.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Diagnostic {
    /// The file (or `<command line>`) the problem is in.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub col: usize,
    /// What is wrong, in plain words.
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.col, self.message
        )
    }
}

/// Every problem found while loading a file; the file was not loaded.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct LoadError {
    /// The problems, in file order.
    pub diagnostics: Vec<Diagnostic>,
}

impl LoadError {
    /// One problem at the start of `file` (for files that cannot be read at all).
    pub fn whole_file(file: &str, message: impl Into<String>) -> Self {
        Self {
            diagnostics: vec![Diagnostic {
                file: file.to_owned(),
                line: 1,
                col: 1,
                message: message.into(),
            }],
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, diagnostic) in self.diagnostics.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{diagnostic}")?;
        }
        Ok(())
    }
}

/// " (did you mean \"x\"?)" for the closest known id, or "" when nothing is close.
pub fn did_you_mean<'a>(unknown: &str, known: impl IntoIterator<Item = &'a str>) -> String {
    match closest(unknown, known) {
        Some(candidate) => format!(" (did you mean {candidate:?}?)"),
        None => String::new(),
    }
}

/// The known name closest to `unknown` (Jaro-Winkler above 0.8), if any is close.
pub fn closest<'a>(unknown: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    known
        .into_iter()
        .map(|candidate| (strsim::jaro_winkler(unknown, candidate), candidate))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, candidate)| candidate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_ids_only() {
        let known = ["homs", "hama", "damascus"];
        assert_eq!(did_you_mean("homz", known), " (did you mean \"homs\"?)");
        assert_eq!(did_you_mean("xyzzy", known), "");
    }
}
