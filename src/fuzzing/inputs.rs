//! What the targets read besides their input: the files a scenario input carries with
//! it, the files built into the binary, and the scenarios loaded once per process.

use std::sync::OnceLock;

use crate::control::Engine;
use crate::model::Scenario;

/// The name the main file of a scenario input is loaded under.
pub const MAIN_FILE: &str = "fuzz.ron";

/// The line that starts another file in a scenario input: `//~ PATH`.
const FILE_MARKER: &str = "//~ ";

/// Files any scenario input may refer to without carrying them: the documents and
/// geometry of the embedded default scenario and of `tests/fixtures/mini.ron`.
const BUILT_IN: &[(&str, &str)] = &[
    ("mini.txt", include_str!("../../tests/fixtures/mini.txt")),
    (
        "../documents/syria-2024-12-07.txt",
        include_str!("../../assets/documents/syria-2024-12-07.txt"),
    ),
    (
        "../geo/governorates.geojson",
        include_str!("../../assets/geo/governorates.geojson"),
    ),
];

/// The mini scenario the claims target adds its claims to.
pub(super) const MINI_TEXT: &str = include_str!("../../tests/fixtures/mini.ron");

/// The name the mini scenario is loaded under.
pub(super) const MINI_FILE: &str = "mini.ron";

/// Splits a scenario input into files: the text before the first line `//~ PATH` is the
/// main file ([`MAIN_FILE`]); each such line starts the file PATH (relative to the main
/// file, as `includes` and `text_file` name it), up to the next one.
pub fn split_files(text: &str) -> Vec<(String, String)> {
    let mut files = vec![(MAIN_FILE.to_owned(), String::new())];
    for line in text.split_inclusive('\n') {
        if let Some(path) = line.strip_prefix(FILE_MARKER) {
            files.push((path.trim_end().to_owned(), String::new()));
        } else if let Some((_, body)) = files.last_mut() {
            body.push_str(line);
        }
    }
    files
}

/// Reads `relative` from the input's own files, else from the built-in ones.
pub(super) fn read_sibling(files: &[(String, String)], relative: &str) -> std::io::Result<String> {
    files
        .iter()
        .skip(1)
        .find(|(path, _)| path == relative)
        .map(|(_, text)| text.clone())
        .or_else(|| {
            BUILT_IN
                .iter()
                .find(|(path, _)| *path == relative)
                .map(|(_, text)| (*text).to_owned())
        })
        .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::NotFound, relative.to_owned()))
}

/// The embedded default scenario and its engine, loaded once per process.
pub(super) fn default_engine() -> Result<&'static Engine, String> {
    static ENGINE: OnceLock<Result<Engine, String>> = OnceLock::new();
    ENGINE
        .get_or_init(|| {
            crate::io::default_scenario()
                .map(Engine::new)
                .map_err(|err| format!("the default scenario does not load: {err}"))
        })
        .as_ref()
        .map_err(Clone::clone)
}

/// The mini scenario, loaded once per process.
pub(super) fn mini_scenario() -> Result<&'static Scenario, String> {
    static MINI: OnceLock<Result<Scenario, String>> = OnceLock::new();
    MINI.get_or_init(|| {
        crate::io::load_scenario_str(MINI_FILE, MINI_TEXT, &|relative| {
            read_sibling(&[], relative)
        })
        .map_err(|err| format!("the mini scenario does not load: {err}"))
    })
    .as_ref()
    .map_err(Clone::clone)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scenario_input_splits_into_its_files() {
        let files = split_files("(a)\n//~ part.ron\n(b)\n//~ doc.txt\ntext");
        let names: Vec<&str> = files.iter().map(|(name, _)| name.as_str()).collect();
        assert_eq!(names, [MAIN_FILE, "part.ron", "doc.txt"]);
        assert_eq!(files[0].1, "(a)\n");
        assert_eq!(files[2].1, "text");
        assert_eq!(
            read_sibling(&files, "part.ron").ok().as_deref(),
            Some("(b)\n")
        );
        assert!(read_sibling(&files, "mini.txt").is_ok());
        assert!(read_sibling(&files, "nowhere.txt").is_err());
    }
}
