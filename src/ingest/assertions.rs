//! Assertion words in a sentence: the verb lexicon ([`super::verbs`]) compiled and
//! matched word by word, the longest pattern at each word, giving an [`Assertion`] and
//! on which side of the words its place stands ("captured X", "X fell").

use std::ops::Range;
use std::sync::LazyLock;

use super::sentences::{Sentence, Token};
use super::verbs::{Entry, LEXICON};
use crate::model::Assertion;

/// Where the assertion's place stands relative to the words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// After the words: "captured Homs".
    After,
    /// Before the words: "Homs fell".
    Before,
}

/// A lexicon match in a sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct Trigger {
    /// Token indices of the matched words.
    pub tokens: Range<usize>,
    /// Byte span of the matched words.
    pub range: Range<usize>,
    /// What the words assert.
    pub assertion: Assertion,
    /// Where the place stands.
    pub place: Place,
    /// The side named before the words is the one struck, not the actor
    /// ("rebels ... were subjected to shelling").
    pub passive: bool,
}
/// One element of a compiled pattern.
#[derive(Clone, Debug, PartialEq)]
enum Element {
    Words(Vec<&'static str>),
    Gap,
    Number,
}

static COMPILED: LazyLock<Vec<(Vec<Element>, &'static Entry)>> = LazyLock::new(|| {
    LEXICON
        .iter()
        .map(|entry| {
            let elements = entry
                .0
                .split(' ')
                .map(|part| match part {
                    "*" => Element::Gap,
                    "#" => Element::Number,
                    words => Element::Words(words.split('|').collect()),
                })
                .collect();
            (elements, entry)
        })
        .collect()
});

/// Every lexicon match in `sentence`, in text order, the longest at each word.
pub fn find(tokens: &[Token], sentence: &Sentence) -> Vec<Trigger> {
    // Words only: quotation marks are skipped, other punctuation ends a pattern.
    let words: Vec<usize> = sentence
        .tokens
        .clone()
        .filter(|&i| !tokens[i].is_quote())
        .collect();
    let mut found = Vec::new();
    let mut k = 0;
    while k < words.len() {
        let best = COMPILED
            .iter()
            .filter_map(|(elements, entry)| {
                match_at(tokens, &words, k, elements).map(|(len, n)| (len, n, entry))
            })
            .max_by_key(|(len, _, _)| *len);
        let Some((len, number, (_, make, place))) = best else {
            k += 1;
            continue;
        };
        let (first, last) = (words[k], words[k + len - 1]);
        found.push(Trigger {
            tokens: first..last + 1,
            range: tokens[first].range.start..tokens[last].range.end,
            assertion: make(number),
            place: *place,
            passive: tokens[first].folded == "subjected",
        });
        k += len;
    }
    found
}

/// How many words `elements` match from `words[k]`, and the number matched by `#`.
fn match_at(
    tokens: &[Token],
    words: &[usize],
    k: usize,
    elements: &[Element],
) -> Option<(usize, f64)> {
    let mut at = k;
    let mut number = 0.0;
    for (e, element) in elements.iter().enumerate() {
        match element {
            Element::Words(options) => {
                let token = &tokens[*words.get(at)?];
                if token.punct || !options.contains(&token.folded.as_str()) {
                    return None;
                }
                at += 1;
            }
            Element::Number => {
                let token = &tokens[*words.get(at)?];
                number = token.folded.parse().ok()?;
                at += 1;
            }
            Element::Gap => {
                let rest = &elements[e + 1..];
                let found = (0..=2).find_map(|skip| {
                    let gap_ok =
                        (at..at + skip).all(|g| words.get(g).is_some_and(|&i| !tokens[i].punct));
                    if !gap_ok {
                        return None;
                    }
                    match_at(tokens, words, at + skip, rest).map(|(len, n)| (skip + len, n))
                });
                let (len, n) = found?;
                return Some((
                    at + len - k,
                    if rest.contains(&Element::Number) {
                        n
                    } else {
                        number
                    },
                ));
            }
        }
    }
    Some((at - k, number))
}
