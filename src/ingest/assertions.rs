//! The verb lexicon: general English news phrasings → an [`Assertion`], and on which
//! side of the words its place stands ("captured X", "X fell"). Patterns are folded
//! words; `a|b` is either word, `*` up to two words, `#` a number (kilometres).

use std::ops::Range;
use std::sync::LazyLock;

use super::sentences::{Sentence, Token};
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

type Entry = (&'static str, fn(f64) -> Assertion, Place);

const fn entry(pattern: &'static str, make: fn(f64) -> Assertion, place: Place) -> Entry {
    (pattern, make, place)
}

/// The lexicon, longest patterns preferred at each word.
const LEXICON: [Entry; 53] = [
    entry(
        "took|taken|taking|take|gained|gain|seized|seizing|wrested control of",
        |_| Assertion::Captured,
        Place::After,
    ),
    entry(
        "took|taken|taking|take over",
        |_| Assertion::Captured,
        Place::After,
    ),
    entry(
        "captured|capture|capturing|captures|seized|seize|seizing|seizes",
        |_| Assertion::Captured,
        Place::After,
    ),
    entry(
        "conquered|conquer|conquering|overran|overrun|overrunning",
        |_| Assertion::Captured,
        Place::After,
    ),
    entry("took|taken|taking", |_| Assertion::Captured, Place::After),
    entry(
        "expanded|extended|expanding * territory to|into",
        |_| Assertion::Captured,
        Place::After,
    ),
    entry(
        "drove|pushed * out of",
        |_| Assertion::Captured,
        Place::After,
    ),
    entry(
        "fall|capture|seizure|takeover of",
        |_| Assertion::Captured,
        Place::After,
    ),
    entry(
        "fell|falls|fallen|falling",
        |_| Assertion::Captured,
        Place::Before,
    ),
    entry(
        "was|were|been captured|seized|taken|overrun",
        |_| Assertion::Captured,
        Place::Before,
    ),
    entry(
        "declared * free|liberated",
        |_| Assertion::DeclaredControl,
        Place::After,
    ),
    entry(
        "declared|announced control of",
        |_| Assertion::DeclaredControl,
        Place::After,
    ),
    entry(
        "liberated|liberating|liberate",
        |_| Assertion::DeclaredControl,
        Place::After,
    ),
    entry(
        "entered|enter|entering|enters|stormed|storming",
        |_| Assertion::Entered,
        Place::After,
    ),
    entry(
        "advanced|advancing|pushed|pushing|moved|broke into",
        |_| Assertion::Entered,
        Place::After,
    ),
    entry(
        "invasion|incursion of|into",
        |_| Assertion::Entered,
        Place::After,
    ),
    entry(
        "at|reached the walls|gates|edge|edges|outskirts of",
        |_| Assertion::AtEdge,
        Place::After,
    ),
    entry("on the outskirts of", |_| Assertion::AtEdge, Place::After),
    entry(
        "within # km|kilometers|kilometres of",
        Assertion::advanced_within,
        Place::After,
    ),
    entry(
        "within # miles of",
        |n| Assertion::advanced_within(n * 1.609),
        Place::After,
    ),
    entry(
        "besieged|besieging|besiege|encircled|encircling|surrounded",
        |_| Assertion::Besieges,
        Place::After,
    ),
    entry("siege of|to", |_| Assertion::Besieges, Place::After),
    entry(
        "fighting|clashes|battles * paused|stopped|halted|subsided|eased",
        |_| Assertion::Lull,
        Place::After,
    ),
    entry(
        "lull|ceasefire|truce|calm in",
        |_| Assertion::Lull,
        Place::After,
    ),
    entry(
        "paused|lull|ceasefire|truce",
        |_| Assertion::Lull,
        Place::After,
    ),
    entry(
        "subjected to * shelling|fire|bombardment",
        |_| Assertion::FightingAt,
        Place::After,
    ),
    entry(
        "fighting|clashes|clashed|battles|shelling|shelled",
        |_| Assertion::FightingAt,
        Place::After,
    ),
    entry("battle for|over", |_| Assertion::FightingAt, Place::After),
    entry(
        "withdrew|withdrawn|withdrawing|withdraw",
        |_| Assertion::Withdrew,
        Place::After,
    ),
    entry(
        "pulled out|back of|from",
        |_| Assertion::Withdrew,
        Place::After,
    ),
    entry("retreated from", |_| Assertion::Withdrew, Place::After),
    entry(
        "repositioning|repositioned|reposition|redeploying|redeployed|regrouping",
        |_| Assertion::Retreating,
        Place::After,
    ),
    entry("forced to retreat", |_| Assertion::Retreating, Place::After),
    entry(
        "retreating|retreat",
        |_| Assertion::Retreating,
        Place::After,
    ),
    entry(
        "did not acknowledge * losses|loss|losing",
        |_| Assertion::DeniesLoss,
        Place::After,
    ),
    entry(
        "did not acknowledge",
        |_| Assertion::DeniesLoss,
        Place::After,
    ),
    entry(
        "denied|denies|deny * losing|lost|losses|fall",
        |_| Assertion::DeniesLoss,
        Place::After,
    ),
    entry("denied|denies|deny", |_| Assertion::Denial, Place::After),
    entry(
        "airstrikes|airstrike|bombed|bombing|bombarded|bombardment|targeted|struck",
        |_| Assertion::StrikeOn,
        Place::After,
    ),
    entry(
        "air|drone|missile strikes|strike|raids on",
        |_| Assertion::StrikeOn,
        Place::After,
    ),
    entry(
        "air|drone|missile strikes|strike|raids",
        |_| Assertion::StrikeOn,
        Place::After,
    ),
    entry(
        "evacuated|evacuating|fled|fleeing",
        |_| Assertion::EvacuationFrom,
        Place::After,
    ),
    entry(
        "evacuation|exodus of|from",
        |_| Assertion::EvacuationFrom,
        Place::After,
    ),
    entry(
        "reinforcements",
        |_| Assertion::ForcesDeployed,
        Place::After,
    ),
    entry(
        "sent|moved|deployed|dispatched * forces|troops|fighters|reinforcements to|into",
        |_| Assertion::ForcesDeployed,
        Place::After,
    ),
    entry(
        "drew|moved|came closer to protect|defend",
        |_| Assertion::ForcesDeployed,
        Place::After,
    ),
    entry(
        "erecting|erected * checkpoints",
        |_| Assertion::ForcesDeployed,
        Place::After,
    ),
    entry(
        "set|setting up * checkpoints",
        |_| Assertion::ForcesDeployed,
        Place::After,
    ),
    entry(
        "strongholds|stronghold|bastion of",
        |_| Assertion::Holds,
        Place::After,
    ),
    entry("dig|dug|digging in", |_| Assertion::Holds, Place::After),
    entry("held|controlled by", |_| Assertion::Holds, Place::Before),
    entry(
        "agreed * to leave|withdraw|hand|surrender|evacuate",
        |_| Assertion::NegotiatedHandover,
        Place::After,
    ),
    entry(
        "handed|hand|handing over",
        |_| Assertion::NegotiatedHandover,
        Place::After,
    ),
];

trait Within {
    fn advanced_within(km: f64) -> Assertion;
}

impl Within for Assertion {
    fn advanced_within(km: f64) -> Assertion {
        Assertion::AdvancedWithin { km }
    }
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
