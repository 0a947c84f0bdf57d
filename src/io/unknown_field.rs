//! Unknown fields are errors (a misspelt `notes:` would otherwise be dropped
//! silently): ron's and serde_json's messages for them become
//! "unknown field `notes` in claim; did you mean `note`?", located at the field name.

use crate::suggest::closest;

/// The message for field `found` of the struct `outer` (its Rust name, as serde gives
/// it), which knows the fields `expected`.
pub(super) fn message(found: &str, expected: &[&str], outer: Option<&str>) -> String {
    let within = outer.map_or(String::new(), |outer| format!(" in {}", describe(outer)));
    let hint = match closest(found, expected.iter().copied()) {
        Some(near) => format!("; did you mean `{near}`?"),
        None if expected.is_empty() => "; it takes no fields".to_owned(),
        None => {
            let names: Vec<String> = expected.iter().map(|name| format!("`{name}`")).collect();
            format!("; expected one of {}", names.join(", "))
        }
    };
    format!("unknown field `{found}`{within}{hint}")
}

/// Plain words for a struct of the model.
fn describe(outer: &str) -> String {
    match outer {
        "Scenario" => "the scenario".to_owned(),
        "KeyConnection" => "key connection".to_owned(),
        "TimeRef" => "claim's `when`".to_owned(),
        "Scope" => "claim's `scope`".to_owned(),
        "AdvancedWithin" => "`AdvancedWithin`".to_owned(),
        other => other.to_lowercase(),
    }
}

/// The fields a format 2 claim may name: all but format 1's `source`.
pub(super) fn without_v1_source<'a>(expected: &[&'a str]) -> Vec<&'a str> {
    expected
        .iter()
        .copied()
        .filter(|&name| name != "source")
        .collect()
}

/// Whether the RON text declares `format_version: 1`.
pub(super) fn declares_format_1(text: &str) -> bool {
    text.match_indices("format_version").any(|(at, key)| {
        let rest = text[at + key.len()..].trim_start();
        rest.strip_prefix(':').is_some_and(|rest| {
            let rest = rest.trim_start();
            rest.strip_prefix('1')
                .is_some_and(|after| !after.starts_with(|c: char| c.is_ascii_alphanumeric()))
        })
    })
}

/// The byte offset of the field name `found` that ends at or before `end` (ron's error
/// position is just after the name, or at the colon after it); `end` when not found.
pub(super) fn field_start(text: &str, found: &str, end: usize) -> usize {
    let end = end.min(text.len());
    let mut end = end;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[..end].rfind(found).unwrap_or(end)
}

/// serde_json's "unknown field `x`, expected one of `a`, `b`" (or "expected `a`"),
/// as the unknown name and a [`message`] for a claim; `None` for any other message.
pub(super) fn from_json(json_message: &str) -> Option<(&str, String)> {
    let rest = json_message.strip_prefix("unknown field `")?;
    let (found, rest) = rest.split_once('`')?;
    // The message ends " at line L column C"; the names are between backticks.
    let expected: Vec<&str> = rest.split('`').skip(1).step_by(2).collect();
    Some((found, message(found, &expected, Some("Claim"))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_closest_field() {
        let claim = ["id", "counterpart", "note", "originators"];
        assert_eq!(
            message("counterparty", &claim, Some("Claim")),
            "unknown field `counterparty` in claim; did you mean `counterpart`?"
        );
        assert_eq!(
            message("notes", &claim, Some("Claim")),
            "unknown field `notes` in claim; did you mean `note`?"
        );
        assert_eq!(
            message("zzz", &["from", "to"], Some("KeyConnection")),
            "unknown field `zzz` in key connection; expected one of `from`, `to`"
        );
    }

    #[test]
    fn reads_serde_json_messages() {
        let json = "unknown field `counterparty`, expected one of `id`, `counterpart`, `note` at line 1 column 20";
        let (found, message) = from_json(json).unwrap();
        assert_eq!(found, "counterparty");
        assert_eq!(
            message,
            "unknown field `counterparty` in claim; did you mean `counterpart`?"
        );
        assert_eq!(from_json("missing field `id`"), None);
    }

    #[test]
    fn finds_the_declared_format() {
        assert!(declares_format_1("(\n  format_version: 1,\n"));
        assert!(declares_format_1("(format_version:1)"));
        assert!(!declares_format_1("(format_version: 2,"));
        assert!(!declares_format_1("(format_version: 12,"));
    }
}

#[cfg(test)]
mod parse_tests {
    use crate::model::Claim;

    #[test]
    fn ron_unknown_fields_are_located_at_their_name() {
        let text = "(\n  id: \"c\",\n  notes: Some(\"x\"),\n)";
        let err = crate::io::parse_ron::<Claim>("f.ron", text).unwrap_err();
        let diagnostic = &err.diagnostics[0];
        assert_eq!((diagnostic.line, diagnostic.col), (3, 3), "{err}");
        assert_eq!(
            diagnostic.message,
            "unknown field `notes` in claim; did you mean `note`?"
        );
    }
}
