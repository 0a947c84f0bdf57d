//! Finding many quotes in long documents: validation checks that every claim's quote
//! occurs verbatim in its document, and a scan of the text per quote is quadratic
//! (a million claims quoting a document of tens of megabytes). Each long document is
//! indexed once by the 8-byte windows starting at every [`STRIDE`]th byte; a quote is
//! looked up by its rarest run of [`STRIDE`] consecutive windows (one of which lines
//! up with the stride wherever the quote occurs) and confirmed by comparing bytes, so
//! the answer is exactly `str::find`'s.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::model::Document;

/// Bytes per indexed window.
const WINDOW: usize = 8;

/// Every how many bytes a window is indexed: a quarter of the work and memory of
/// indexing every window, for quotes of at least `WINDOW + STRIDE - 1` bytes.
const STRIDE: usize = 4;

/// Documents shorter than this are searched directly.
const INDEX_FROM_BYTES: usize = 64 * 1024;

/// Quote lookups over a scenario's documents.
pub struct QuoteIndex<'d> {
    documents: &'d [Document],
    /// The first document with each id (as a scan would find it).
    by_id: HashMap<&'d str, usize>,
    /// Built on first use, per document (by whichever thread needs it first).
    texts: Vec<OnceLock<TextIndex<'d>>>,
    /// Never index: for a few lookups (checking one edited claim), one scan of the
    /// text is far cheaper than indexing a long document.
    direct: bool,
}

impl<'d> QuoteIndex<'d> {
    /// Prepares lookups; no text is indexed yet.
    pub fn new(documents: &'d [Document]) -> Self {
        let mut by_id = HashMap::with_capacity(documents.len());
        for (i, document) in documents.iter().enumerate() {
            by_id.entry(document.id.as_str()).or_insert(i);
        }
        Self {
            documents,
            by_id,
            texts: documents.iter().map(|_| OnceLock::new()).collect(),
            direct: false,
        }
    }

    /// Lookups that scan the text each time instead of indexing it: for checking one
    /// claim (an edit), where indexing a document of tens of megabytes would cost
    /// a hundred times more than the one scan.
    pub fn direct(documents: &'d [Document]) -> Self {
        Self {
            direct: true,
            ..Self::new(documents)
        }
    }

    /// Whether `quote` occurs verbatim in document `id` (like [`Document::find_quote`]);
    /// `None` when there is no such document.
    pub fn contains(&self, id: &str, quote: &str) -> Option<bool> {
        let &i = self.by_id.get(id)?;
        let document = &self.documents[i];
        if quote.is_empty() {
            return Some(false);
        }
        if self.direct
            || document.text.len() < INDEX_FROM_BYTES
            || quote.len() < WINDOW + STRIDE - 1
        {
            return Some(document.find_quote(quote).is_some());
        }
        let index = self.texts[i].get_or_init(|| TextIndex::new(&document.text));
        Some(index.contains(quote.as_bytes()))
    }
}

/// How many starts of a closest passage one anchor of a quote may propose.
const MAX_CANDIDATES_PER_ANCHOR: usize = 10_000;

impl<'d> QuoteIndex<'d> {
    /// For a quote that is not found: the text of document `id` and where passages
    /// like the quote might start, wherever one of a few 8-byte pieces of the quote
    /// (its start, quarters and end) occurs. `None` when there is no such document.
    pub fn candidate_starts(&self, id: &str, quote: &str) -> Option<(&'d str, Vec<usize>)> {
        let &i = self.by_id.get(id)?;
        let text = self.documents[i].text.as_str();
        let quote = quote.as_bytes();
        let width = WINDOW.min(quote.len());
        if width == 0 {
            return Some((text, Vec::new()));
        }
        let last = quote.len() - width;
        let mut anchors = vec![0, last / 4, last / 2, last * 3 / 4, last];
        anchors.dedup();
        let indexed = text.len() >= INDEX_FROM_BYTES && quote.len() >= WINDOW + STRIDE - 1;
        let mut starts = Vec::new();
        for anchor in anchors {
            let before = starts.len();
            if indexed {
                let index = self.texts[i].get_or_init(|| TextIndex::new(text));
                // One of STRIDE consecutive windows lines up with the indexing stride.
                for k in anchor.min(last + 1 - STRIDE)..anchor.min(last + 1 - STRIDE) + STRIDE {
                    let window = &quote[k..k + WINDOW];
                    for &at in index.bucket(window) {
                        let at = at as usize;
                        if at >= k && index.text.get(at..at + WINDOW) == Some(window) {
                            starts.push(at - k);
                        }
                    }
                }
            } else {
                let piece = &quote[anchor..anchor + width];
                starts.extend(
                    text.as_bytes()
                        .windows(width)
                        .enumerate()
                        .filter(|(_, window)| *window == piece)
                        .filter_map(|(at, _)| at.checked_sub(anchor))
                        .take(MAX_CANDIDATES_PER_ANCHOR),
                );
            }
            starts.truncate(before + MAX_CANDIDATES_PER_ANCHOR);
        }
        starts.sort_unstable();
        starts.dedup();
        Some((text, starts))
    }
}

/// The 8-byte windows at every [`STRIDE`]th byte of a text, bucketed by hash (counting
/// sort into flat arrays).
struct TextIndex<'t> {
    text: &'t [u8],
    bits: u32,
    /// `positions[starts[h]..starts[h + 1]]` are the windows hashing to `h`, ascending.
    starts: Vec<u32>,
    positions: Vec<u32>,
}

impl<'t> TextIndex<'t> {
    fn new(text: &'t str) -> Self {
        let text = text.as_bytes();
        let windows = text.len().saturating_sub(WINDOW - 1).div_ceil(STRIDE);
        let bits = (usize::BITS - windows.leading_zeros()).clamp(10, 26);
        let mut starts = vec![0u32; (1 << bits) + 1];
        for w in (0..windows).map(|w| w * STRIDE) {
            starts[hash(&text[w..w + WINDOW], bits) + 1] += 1;
        }
        for h in 1..starts.len() {
            starts[h] += starts[h - 1];
        }
        let mut fill = starts.clone();
        let mut positions = vec![0u32; windows];
        for w in (0..windows).map(|w| w * STRIDE) {
            let h = hash(&text[w..w + WINDOW], bits);
            positions[fill[h] as usize] = w as u32;
            fill[h] += 1;
        }
        Self {
            text,
            bits,
            starts,
            positions,
        }
    }

    fn bucket(&self, window: &[u8]) -> &[u32] {
        let h = hash(window, self.bits);
        &self.positions[self.starts[h] as usize..self.starts[h + 1] as usize]
    }

    /// Whether `quote` (at least `WINDOW + STRIDE - 1` bytes) occurs in the text.
    fn contains(&self, quote: &[u8]) -> bool {
        // Wherever the quote occurs, one of any STRIDE consecutive windows of it starts
        // at an indexed position: anchor on the run with the fewest candidates.
        let buckets: Vec<&[u32]> = (0..=quote.len() - WINDOW)
            .map(|k| self.bucket(&quote[k..k + WINDOW]))
            .collect();
        let Some(first) = (0..=buckets.len() - STRIDE).min_by_key(|&k| {
            buckets[k..k + STRIDE]
                .iter()
                .map(|b| b.len())
                .sum::<usize>()
        }) else {
            return false;
        };
        (first..first + STRIDE).any(|skip| {
            buckets[skip].iter().any(|&at| {
                (at as usize)
                    .checked_sub(skip)
                    .and_then(|start| self.text.get(start..start + quote.len()))
                    .is_some_and(|candidate| candidate == quote)
            })
        })
    }
}

fn hash(window: &[u8], bits: u32) -> usize {
    let mut bytes = [0u8; WINDOW];
    bytes.copy_from_slice(window);
    (u64::from_le_bytes(bytes).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - bits)) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_find_on_long_text() {
        let mut text = String::new();
        for i in 0..20_000 {
            text.push_str(&format!("Claim {i} says so. Ḩamāh fell {}. ", i % 7));
        }
        let documents = vec![Document {
            id: "d".into(),
            title: "t".into(),
            publisher: "p".into(),
            published: "2024-12-07T00:00:00Z".into(),
            url: None,
            text_file: "d.txt".into(),
            text,
        }];
        let index = QuoteIndex::new(&documents);
        let direct = QuoteIndex::direct(&documents);
        for quote in [
            "Claim 0 says so.",
            "Claim 19999 says so. Ḩamāh fell 6.",
            "Claim 20000 says so.",
            "says so. Ḩamāh fell 3. Claim 11",
            "fell 8",
            "Claim",
            "",
            "so.  Claim",
        ] {
            assert_eq!(
                index.contains("d", quote),
                Some(documents[0].find_quote(quote).is_some()),
                "{quote:?}"
            );
            assert_eq!(direct.contains("d", quote), index.contains("d", quote));
        }
        assert_eq!(index.contains("nowhere", "Claim"), None);
        assert!(
            direct.texts[0].get().is_none(),
            "a direct lookup indexes nothing"
        );
        // Every alignment of the quote with the indexing stride, and every length.
        let text = &documents[0].text;
        for start in (0..24).chain(text.len() - 24..text.len()) {
            for len in 1..48 {
                let Some(quote) = text.get(start..start + len) else {
                    continue;
                };
                assert_eq!(index.contains("d", quote), Some(true), "{quote:?}");
                if len % 4 != 0 {
                    continue;
                }
                let changed = quote.replace('1', "9");
                assert_eq!(
                    index.contains("d", &changed),
                    Some(documents[0].find_quote(&changed).is_some()),
                    "{changed:?}"
                );
            }
        }
    }
}
