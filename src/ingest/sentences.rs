//! Sentences and tokens: byte spans into the article, so every quote a draft makes is
//! a slice of the text and verbatim by construction.

use std::ops::Range;

use crate::model::fold;

/// One word or one punctuation mark that matters for clause boundaries.
#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    /// Byte span in the article (a possessive "’s" is left out of it).
    pub range: Range<usize>,
    /// Folded form ([`fold`]): lower case, no accents, no apostrophes or hyphens.
    pub folded: String,
    /// The word starts with a capital letter.
    pub capitalised: bool,
    /// A punctuation mark (`,` `;` `:` `(` `)` `“` `”` `"`), not a word.
    pub punct: bool,
    /// The word ended in a possessive "’s" (left out of `range`).
    pub possessive: bool,
}

impl Token {
    /// True for the punctuation marks that end a clause (`,` `;` `:` `(` `)`).
    pub fn is_clause_break(&self) -> bool {
        self.punct && matches!(self.folded.as_str(), "," | ";" | ":" | "(" | ")")
    }

    /// True for an opening or closing quotation mark.
    pub fn is_quote(&self) -> bool {
        self.punct && matches!(self.folded.as_str(), "“" | "”" | "\"")
    }
}

/// A sentence: its byte span and the indices of its tokens.
#[derive(Clone, Debug, PartialEq)]
pub struct Sentence {
    /// Byte span, trimmed of surrounding white space.
    pub range: Range<usize>,
    /// Indices into the article's token list.
    pub tokens: Range<usize>,
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if c.is_alphanumeric() {
            let mut j = i + 1;
            while j < chars.len() {
                let c = chars[j].1;
                let joins = is_joiner(c)
                    && chars
                        .get(j + 1)
                        .is_some_and(|&(_, next)| next.is_alphanumeric());
                if c.is_alphanumeric() || joins {
                    j += 1;
                } else {
                    break;
                }
            }
            let end = chars.get(j).map_or(text.len(), |&(at, _)| at);
            tokens.push(word_token(text, start..end));
            i = j;
        } else {
            if matches!(c, ',' | ';' | ':' | '(' | ')' | '“' | '”' | '"') {
                tokens.push(Token {
                    range: start..start + c.len_utf8(),
                    folded: c.to_string(),
                    capitalised: false,
                    punct: true,
                    possessive: false,
                });
            }
            i += 1;
        }
    }
    tokens
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | '-' | '‑')
}

fn word_token(text: &str, range: Range<usize>) -> Token {
    let word = &text[range.clone()];
    let stem = ["’s", "'s"]
        .iter()
        .find_map(|suffix| word.strip_suffix(suffix))
        .filter(|stem| !stem.is_empty());
    let (range, possessive) = match stem {
        Some(stem) => (range.start..range.start + stem.len(), true),
        None => (range, false),
    };
    let word = &text[range.clone()];
    Token {
        folded: fold(word),
        capitalised: word.chars().next().is_some_and(char::is_uppercase),
        punct: false,
        possessive,
        range,
    }
}

/// Words before a full stop that do not end a sentence.
const ABBREVIATIONS: [&str; 12] = [
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "st", "sgt", "maj", "capt", "no",
];

/// Splits `text` into sentences (at `.` `!` `?` before white space, and at line ends)
/// and gives each the indices of its tokens.
pub fn sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut spans = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (at, c) in text.char_indices() {
        let end = match c {
            '\n' => Some(at),
            '.' | '!' | '?' => {
                let mut after = at + 1;
                while let Some(next) = text[after..].chars().next() {
                    if matches!(next, '”' | '"' | '’' | ')') {
                        after += next.len_utf8();
                    } else {
                        break;
                    }
                }
                let boundary = after >= text.len() || bytes[after].is_ascii_whitespace();
                (boundary && !is_abbreviation(&text[start..at])).then_some(after)
            }
            _ => None,
        };
        if let Some(end) = end
            && end > start
        {
            spans.push(start..end);
            start = end;
        }
    }
    spans.push(start..text.len());
    let mut sentences = Vec::new();
    let mut first = 0;
    for span in spans {
        let trimmed = trim(text, span);
        if trimmed.is_empty() {
            continue;
        }
        while first < tokens.len() && tokens[first].range.start < trimmed.start {
            first += 1;
        }
        let mut last = first;
        while last < tokens.len() && tokens[last].range.end <= trimmed.end {
            last += 1;
        }
        sentences.push(Sentence {
            range: trimmed,
            tokens: first..last,
        });
        first = last;
    }
    sentences
}

fn is_abbreviation(before: &str) -> bool {
    let word: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic() || *c == '.')
        .collect();
    let word: String = word.chars().rev().collect();
    let bare = word.trim_matches('.');
    (bare.chars().count() == 1 && bare.chars().all(char::is_uppercase))
        || word.contains('.')
        || ABBREVIATIONS.contains(&bare.to_lowercase().as_str())
}

fn trim(text: &str, span: Range<usize>) -> Range<usize> {
    let slice = &text[span.clone()];
    let start = span.start + (slice.len() - slice.trim_start().len());
    let end = span.start + slice.trim_end().len();
    start..end.max(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_sentences_and_keeps_quotes() {
        let text = "“The key is homs.” The U.S. said so. Rebels’ gains, Syria’s army.\nNext";
        let tokens = tokenize(text);
        let found: Vec<&str> = sentences(text, &tokens)
            .iter()
            .map(|s| &text[s.range.clone()])
            .collect();
        assert_eq!(
            found,
            [
                "“The key is homs.”",
                "The U.S. said so.",
                "Rebels’ gains, Syria’s army.",
                "Next"
            ]
        );
    }

    #[test]
    fn tokens_fold_and_drop_possessives() {
        let text = "Deir al-Zor, Syria’s Dar'a";
        let tokens = tokenize(text);
        let folded: Vec<&str> = tokens.iter().map(|t| t.folded.as_str()).collect();
        assert_eq!(folded, ["deir", "alzor", ",", "syria", "dara"]);
        assert!(tokens[3].possessive);
        assert_eq!(&text[tokens[3].range.clone()], "Syria");
    }
}
