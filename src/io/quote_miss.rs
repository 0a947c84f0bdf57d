//! When a quote is not in its document: the closest passage, and the first character
//! where the two differ (a curly apostrophe, a changed word), so the analyst sees what
//! to fix instead of rereading the whole document.

/// How many bytes the end of the passage may sit away from the end of the quote: the
/// two differ in length when a character differs in its UTF-8 length (' and ’) or a
/// word was changed for a longer or shorter one.
const END_SLACK: usize = 16;

/// The closest passage to a quote and where it differs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuoteMiss {
    /// Byte offset of the passage in the document's text.
    pub start: usize,
    /// 0-based index (in characters) of the first character that differs.
    pub differs_at: usize,
    /// The quote's character there.
    pub quote_char: Option<char>,
    /// The document's character there (`None` where the document ends).
    pub text_char: Option<char>,
}

/// The best of the candidate passage `starts` in `text` for `quote`: the one that
/// agrees with the quote longest from its start, plus at its end (so a difference in
/// the first words does not hide a passage that is otherwise the quote). `None` when
/// there are no candidates or the quote is in the text at one of them.
pub fn closest_passage(text: &str, quote: &str, starts: &[usize]) -> Option<QuoteMiss> {
    let mut best: Option<(usize, usize, usize)> = None; // (score, start, prefix)
    for &start in starts {
        let mut start = start.min(text.len());
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        let prefix = common_prefix(&text.as_bytes()[start..], quote.as_bytes());
        let prefix = floor_char_boundary(quote, prefix);
        let ends = quote.len().saturating_sub(END_SLACK)..=quote.len() + END_SLACK;
        let suffix = ends
            .filter_map(|len| text.as_bytes().get(start..start + len))
            .map(|passage| common_suffix(passage, quote.as_bytes()))
            .max()
            .unwrap_or(0);
        let score = prefix + suffix.min(quote.len() - prefix);
        if best.is_none_or(|(best_score, _, _)| score > best_score) {
            best = Some((score, start, prefix));
        }
    }
    let (_, start, prefix) = best?;
    if prefix == quote.len() {
        return None;
    }
    Some(QuoteMiss {
        start,
        differs_at: quote[..prefix].chars().count(),
        quote_char: quote[prefix..].chars().next(),
        text_char: text[start + prefix..].chars().next(),
    })
}

impl QuoteMiss {
    /// "the closest passage (line 5, col 12) differs at character 17: the quote has
    /// "'" (U+0027), the document has "’" (U+2019)".
    pub fn describe(&self, text: &str) -> String {
        let before = &text[..self.start];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let col = before[line_start..].chars().count() + 1;
        let document_has = match self.text_char {
            Some(c) => format!("the document has {}", shown(c)),
            None => "the document ends there".to_owned(),
        };
        let quote_has = self.quote_char.map_or_else(
            || "the quote ends".to_owned(),
            |c| format!("the quote has {}", shown(c)),
        );
        format!(
            "the closest passage (line {line}, col {col}) differs at character {}: {quote_has}, {document_has}",
            self.differs_at + 1
        )
    }
}

/// `"x" (U+0078)`, with invisible characters escaped.
fn shown(c: char) -> String {
    let visible = if c.is_control() || (c.is_whitespace() && c != ' ') {
        c.escape_default().to_string()
    } else {
        c.to_string()
    };
    format!("\"{visible}\" (U+{:04X})", u32::from(c))
}

fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    a.iter().zip(b).take_while(|(x, y)| x == y).count()
}

fn common_suffix(a: &[u8], b: &[u8]) -> usize {
    a.iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

/// The largest char boundary of `text` at or below `at`.
fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::quotes::QuoteIndex;
    use crate::model::Document;

    fn document(text: String) -> Vec<Document> {
        vec![Document {
            id: "d".into(),
            title: "t".into(),
            publisher: "p".into(),
            published: "2024-12-07T00:00:00Z".into(),
            url: None,
            text_file: "d.txt".into(),
            text,
        }]
    }

    fn describe(documents: &[Document], quote: &str) -> Option<String> {
        let index = QuoteIndex::new(documents);
        let (text, starts) = index.candidate_starts("d", quote)?;
        closest_passage(text, quote, &starts).map(|miss| miss.describe(text))
    }

    const TEXT: &str = "Opening line.\nThe army said it still holds Homs.\n    The rebels’ advance on Hama continued, the rebels’ commander said.\n";

    #[test]
    fn a_straight_apostrophe_for_a_curly_one() {
        let documents = document(TEXT.to_owned());
        assert_eq!(
            describe(&documents, "The rebels' advance on Hama").as_deref(),
            Some(
                "the closest passage (line 3, col 5) differs at character 11: the quote has \"'\" (U+0027), the document has \"’\" (U+2019)"
            )
        );
    }

    #[test]
    fn a_changed_word_and_a_changed_first_word() {
        let documents = document(TEXT.to_owned());
        assert_eq!(
            describe(&documents, "The army says it still holds Homs").as_deref(),
            Some(
                "the closest passage (line 2, col 1) differs at character 12: the quote has \"y\" (U+0079), the document has \"i\" (U+0069)"
            )
        );
        // The first word differs: the rest of the quote still finds the passage.
        assert_eq!(
            describe(&documents, "Our army said it still holds Homs").as_deref(),
            Some(
                "the closest passage (line 2, col 1) differs at character 1: the quote has \"O\" (U+004F), the document has \"T\" (U+0054)"
            )
        );
        // The quote runs past the end of the document.
        let past_the_end = describe(&documents, "commander said.\nMore").unwrap();
        assert!(
            past_the_end.ends_with(
                "differs at character 17: the quote has \"M\" (U+004D), the document ends there"
            ),
            "{past_the_end}"
        );
        assert_eq!(describe(&documents, "nothing like it at all"), None);
    }

    #[test]
    fn long_indexed_documents_find_the_same_passage() {
        let mut text = String::new();
        for i in 0..5_000 {
            text.push_str(&format!("Filler sentence number {i} about nothing. "));
        }
        let offset = text.len();
        text.push_str("The rebels’ advance on Hama continued.");
        let documents = document(text);
        let index = QuoteIndex::new(&documents);
        let quote = "The rebels' advance on Hama continued.";
        let (text, starts) = index.candidate_starts("d", quote).unwrap();
        let miss = closest_passage(text, quote, &starts).unwrap();
        assert_eq!(miss.start, offset);
        assert_eq!(miss.differs_at, 10);
        assert_eq!(miss.text_char, Some('’'));
    }
}
