//! Byte offsets in a file turned into 1-based lines and columns for diagnostics.

/// Finds where things are in a file's text, to give errors a line and column
/// after serde has parsed the file (serde keeps no positions).
pub struct Locator<'a> {
    text: &'a str,
    /// Indexed when the first position is asked for: a valid file never needs it, and
    /// at a million claims it is tens of millions of lines.
    line_starts: std::sync::OnceLock<Vec<usize>>,
}

impl<'a> Locator<'a> {
    /// Prepares to locate things in `text`.
    pub fn new(text: &'a str) -> Self {
        Self {
            text,
            line_starts: std::sync::OnceLock::new(),
        }
    }

    /// Where each line starts (indexed on first use).
    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(self.text.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        })
    }

    /// 1-based line and column of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let line_starts = self.line_starts();
        let line = line_starts.partition_point(|&start| start <= offset);
        let start = line_starts[line.saturating_sub(1)];
        let col = self.text[start..offset.min(self.text.len())]
            .chars()
            .count()
            + 1;
        (line, col)
    }

    /// Byte offset of a 1-based line and column (counted in characters); the end of
    /// the text when past it.
    pub fn offset_of(&self, line: usize, col: usize) -> usize {
        let line_starts = self.line_starts();
        let Some(&start) = line_starts.get(line.saturating_sub(1)) else {
            return self.text.len();
        };
        self.text[start..]
            .char_indices()
            .nth(col.saturating_sub(1))
            .map_or(self.text.len(), |(i, _)| start + i)
    }

    /// Byte offset of the top-level field `name: [`, or 0.
    pub fn section(&self, name: &str) -> usize {
        let field = format!("{name}:");
        self.text
            .match_indices(&field)
            .find(|(offset, _)| {
                let before = &self.text[..*offset];
                let after = self.text[offset + field.len()..].trim_start();
                before.ends_with(|c: char| c.is_whitespace() || c == '(') && after.starts_with('[')
            })
            .map_or(0, |(offset, _)| offset)
    }

    /// Byte offset of the `nth` (0-based) item written with `id: "<id>"` in the
    /// top-level list `section`; the section's start when not found.
    pub fn item_in(&self, section: &str, id: &str, nth: usize) -> usize {
        let start = self.section(section);
        self.item_from(start, id, nth).unwrap_or(start)
    }

    /// Byte offset of the `nth` (0-based) item written with `id: "<id>"` at or after `from`.
    pub fn item_from(&self, from: usize, id: &str, nth: usize) -> Option<usize> {
        let needle = format!("{id:?}");
        let mut found = 0;
        for (relative, _) in self.text[from.min(self.text.len())..].match_indices(&needle) {
            let offset = from + relative;
            // Only `id: "<id>"`, not `source_id:` or a reference to the id elsewhere.
            let before = self.text[..offset].trim_end();
            let is_own_id = before
                .strip_suffix(':')
                .and_then(|field| field.trim_end().strip_suffix("id"))
                .is_some_and(|prefix| {
                    prefix
                        .chars()
                        .last()
                        .is_none_or(|c| !(c.is_alphanumeric() || c == '_'))
                });
            if is_own_id {
                if found == nth {
                    return Some(offset);
                }
                found += 1;
            }
        }
        None
    }

    /// Byte offset of the quoted `value` at or after `from`, or `from`.
    pub fn value_after(&self, from: usize, value: &str) -> usize {
        let from = from.min(self.text.len());
        let quoted = format!("{value:?}");
        self.text[from..].find(&quoted).map_or(from, |i| from + i)
    }

    /// Byte offset of `field: <value>` at or after `from`, or of the quoted `value`
    /// alone; falls back to `from`.
    pub fn field_after(&self, from: usize, field: &str, value: Option<&str>) -> usize {
        let rest = &self.text[from.min(self.text.len())..];
        if let Some(value) = value {
            let quoted = format!("{value:?}");
            if let Some(i) = rest.find(&quoted) {
                return from + i;
            }
        }
        let field = format!("{field}:");
        rest.find(&field).map_or(from, |i| from + i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_items_and_fields() {
        let text = "(\n  places: [\n    (id: \"homs\", name: \"Homs\", governorate: \"x\"),\n    (id: \"hama\", geonames_id: Some(1)),\n  ],\n)";
        let locator = Locator::new(text);
        let homs = locator.item_in("places", "homs", 0);
        assert_eq!(locator.line_col(homs), (3, 10));
        let hama = locator.item_in("places", "hama", 0);
        assert_eq!(locator.line_col(hama).0, 4);
        let governorate = locator.field_after(homs, "governorate", Some("x"));
        assert_eq!(locator.line_col(governorate), (3, 45));
        assert_eq!(locator.item_from(0, "nowhere", 0), None);
        assert_eq!(locator.section("places"), 4);
    }
}
