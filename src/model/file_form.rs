//! Whether the model is being written as a file a person reads (RON), where defaults
//! are left out, or as a binary cache (postcard), which has no field names and so must
//! write every field. `skip_serializing_if` predicates ask this.

use std::cell::Cell;

thread_local! {
    static WRITING_FILE: Cell<bool> = const { Cell::new(false) };
}

/// Runs `write` with default fields left out of what it serializes on this thread.
pub fn writing_file<T>(write: impl FnOnce() -> T) -> T {
    let before = WRITING_FILE.with(|flag| flag.replace(true));
    let out = write();
    WRITING_FILE.with(|flag| flag.set(before));
    out
}

fn in_file() -> bool {
    WRITING_FILE.with(Cell::get)
}

/// Leave out a `None` when writing a file.
pub fn none<T>(value: &Option<T>) -> bool {
    in_file() && value.is_none()
}

/// Leave out an empty list when writing a file.
pub fn empty<T>(value: &[T]) -> bool {
    in_file() && value.is_empty()
}

/// Leave out a zero (a population not known) when writing a file.
pub fn zero(value: &u64) -> bool {
    in_file() && *value == 0
}

/// Leave out an empty text when writing a file.
pub fn blank(value: &str) -> bool {
    in_file() && value.is_empty()
}

/// Leave out the default freshness when writing a file.
pub fn default_freshness(hours: &u32) -> bool {
    in_file() && *hours == super::DEFAULT_FRESHNESS_HOURS
}

/// Leave out a scope that is the whole region when writing a file.
pub fn whole_region(scope: &super::Scope) -> bool {
    in_file() && scope.is_all()
}

/// Writes an optional text as a plain string, `""` for none: format 1 wrote `source`
/// as a plain string, and the binary cache must read back what it wrote.
pub fn text_or_empty<S: serde::Serializer>(
    value: &Option<String>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(value.as_deref().unwrap_or(""))
}

/// Reads what [`text_or_empty`] writes.
pub fn some_unless_empty<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<String>, D::Error> {
    let text: String = serde::Deserialize::deserialize(deserializer)?;
    Ok((!text.is_empty()).then_some(text))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn defaults_are_left_out_of_files_only() {
        let empty: Vec<u8> = Vec::new();
        assert!(!none::<u8>(&None));
        assert!(!super::empty(&empty));
        assert!(writing_file(|| none::<u8>(&None) && super::empty(&empty)));
        assert!(!writing_file(|| none(&Some(1))));
        assert!(!none::<u8>(&None), "the flag is restored");
    }
}
