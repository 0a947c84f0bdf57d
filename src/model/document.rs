//! Documents that claims quote: articles, statements and reports, with their
//! publication time and where their text is.

use serde::{Deserialize, Serialize};

/// A published text that claims quote from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// Stable id.
    pub id: String,

    /// Headline or title.
    pub title: String,

    /// Who published it.
    pub publisher: String,

    /// Publication time, RFC 3339.
    pub published: String,

    /// Where it was published, if known.
    #[serde(default, skip_serializing_if = "super::file_form::none")]
    pub url: Option<String>,

    /// File with the full text, relative to the scenario file.
    pub text_file: String,

    /// The full text, read from `text_file` when the scenario is loaded.
    #[serde(skip)]
    pub text: String,
}

impl Document {
    /// Byte range of `quote` in the text, if it occurs verbatim.
    pub fn find_quote(&self, quote: &str) -> Option<std::ops::Range<usize>> {
        if quote.is_empty() {
            return None;
        }
        self.text
            .find(quote)
            .map(|start| start..start + quote.len())
    }

    /// The sentence around a byte range: from the previous sentence end to the next.
    pub fn sentence_around(&self, range: std::ops::Range<usize>) -> std::ops::Range<usize> {
        let is_end = |c: char| matches!(c, '.' | '\n' | '!' | '?');
        let start = self.text[..range.start].rfind(is_end).map_or(0, |i| i + 1);
        let end = self.text[range.end..]
            .find(is_end)
            .map_or(self.text.len(), |i| range.end + i + 1);
        let start = start + (self.text[start..].len() - self.text[start..].trim_start().len());
        start..end.max(range.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_quote_and_sentence() {
        let doc = Document {
            id: "d".into(),
            title: "t".into(),
            publisher: "p".into(),
            published: "2024-12-07T00:00:00Z".into(),
            url: None,
            text_file: "d.txt".into(),
            text: "First one. The rebels took Hama. Last.".into(),
        };
        let range = doc.find_quote("took Hama").unwrap();
        assert_eq!(&doc.text[range.clone()], "took Hama");
        assert_eq!(
            &doc.text[doc.sentence_around(range)],
            "The rebels took Hama."
        );
        assert_eq!(doc.find_quote("took Homs"), None);
    }
}
