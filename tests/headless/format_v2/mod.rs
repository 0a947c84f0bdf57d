//! Scenario format 2: the checks of its new fields, quotes that point at the closest
//! passage, and `frontline migrate`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests may unwrap.

mod migrate;
mod unknown_fields;
mod validation;

use frontline::io::{LoadError, load_scenario_str};

/// The test fixture (format 1).
const MINI: &str = include_str!("../../fixtures/mini.ron");
const MINI_TEXT: &str = include_str!("../../fixtures/mini.txt");

/// The fixture written as format 2: each claim's `source` becomes its originators.
fn mini_v2() -> String {
    let mut text = MINI.replacen("format_version: 1", "format_version: 2", 1);
    for source in ["baseline", "rebels-said", "army-said", "observers"] {
        text = text.replace(
            &format!("source: \"{source}\""),
            &format!("originators: [\"{source}\"]"),
        );
    }
    text
}

/// `mini_v2()` with `from` replaced (once) by `to`.
fn v2_replaced(from: &str, to: &str) -> String {
    let text = mini_v2();
    assert!(text.contains(from), "fixture lacks {from}");
    text.replacen(from, to, 1)
}

/// Loads fixture-like text with the fixture's document beside it.
fn load(text: &str) -> Result<frontline::model::Scenario, LoadError> {
    load_scenario_str("mini.ron", text, &|relative| match relative {
        "mini.txt" => Ok(MINI_TEXT.to_owned()),
        _ => Err(std::io::Error::new(
            std::io::ErrorKind::NotFound,
            relative.to_owned(),
        )),
    })
}

/// The one error loading `text` gives, as `line:col: message` (without the file).
fn only_error(text: &str) -> (usize, usize, String) {
    let err = load(text).expect_err("the text should not load");
    assert_eq!(err.diagnostics.len(), 1, "{err}");
    let diagnostic = &err.diagnostics[0];
    assert_eq!(diagnostic.file, "mini.ron");
    (diagnostic.line, diagnostic.col, diagnostic.message.clone())
}

/// 1-based line and column of the first `needle` in `text`.
fn position_of(text: &str, needle: &str) -> (usize, usize) {
    let offset = text.find(needle).unwrap();
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    (
        text[..offset].matches('\n').count() + 1,
        text[line_start..offset].chars().count() + 1,
    )
}

#[test]
fn the_v2_fixture_loads() {
    let scenario = load(&mini_v2()).unwrap();
    assert_eq!(scenario.claims[1].originators, ["rebels-said"]);
}
