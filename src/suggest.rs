//! "Did you mean …?": the known name closest to a misspelt one, for ids, fields and
//! flags everywhere (loading, the command line, layers and perspectives).

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
