//! Speaker phrases: the words before a speech verb ("Western diplomats said") or after
//! it ("said X, a Y"), and the sources they name: a known source, a pronoun for the
//! last speaker, "both sides", a side's own spokesman, or a new source of a kind read
//! from its words.

use std::ops::Range;

use super::Proposals;
use super::attribution::{Attribution, SPEECH, Speakers};
use super::factions::FactionMention;
use super::sentences::{Sentence, Token};
use super::sources::{kind_of, known, party};
use crate::model::{FactionKind, Source, SourceKind};

/// Words skipped between a speaker and the verb ("did not", "went on to").
const AUXILIARY: [&str; 16] = [
    "did",
    "not",
    "has",
    "have",
    "had",
    "was",
    "were",
    "is",
    "also",
    "to",
    "on",
    "went",
    "later",
    "further",
    "would",
    "reportedly",
];

/// Words that end a speaker phrase.
const BOUNDARY: [&str; 19] = [
    "that",
    "which",
    "who",
    "whom",
    "when",
    "while",
    "as",
    "after",
    "before",
    "because",
    "although",
    "though",
    "but",
    "with",
    "since",
    "if",
    "however",
    "according",
    "by",
];

impl<'a> Speakers<'a> {
    /// The sources a speaker phrase names, if it names any.
    pub(super) fn resolve(
        &mut self,
        tokens: &[Token],
        np: Range<usize>,
        sentence: &Sentence,
        factions: &[FactionMention],
        proposals: &mut Proposals,
    ) -> Option<Attribution> {
        if np.is_empty() {
            return None;
        }
        let mut words: Vec<String> = tokens[np.clone()]
            .iter()
            .filter(|t| !t.punct)
            .map(|t| t.folded.clone())
            .collect();
        if words
            .first()
            .is_some_and(|w| matches!(w.as_str(), "the" | "a" | "an"))
        {
            words.remove(0);
        }
        let inside: Vec<&FactionMention> = factions
            .iter()
            .filter(|f| f.tokens.start >= np.start && f.tokens.end <= np.end)
            .collect();
        let (originators, affiliation, is_known) = match words.as_slice() {
            [w] if matches!(w.as_str(), "he" | "she" | "it" | "they" | "we") => {
                self.last.clone()?
            }
            [both, sides]
                if matches!(both.as_str(), "both" | "two")
                    && matches!(sides.as_str(), "sides" | "parties") =>
            {
                let mut sides: Vec<&str> = Vec::new();
                for f in factions.iter().filter(|f| f.tokens.start >= np.end) {
                    if !sides.contains(&f.faction.as_str()) {
                        sides.push(&f.faction);
                    }
                }
                if sides.len() < 2 {
                    return None;
                }
                let ids: Vec<String> = sides
                    .iter()
                    .take(2)
                    .map(|side| party(self.scenario, proposals, side))
                    .collect();
                let is_known = ids
                    .iter()
                    .all(|id| self.scenario.source_by_id(id).is_some());
                (ids, None, is_known)
            }
            _ => {
                let definite = tokens[np.start].folded == "the";
                if let Some(source) = known(self.scenario, proposals, &words) {
                    let is_known = self.scenario.source_by_id(&source.id).is_some();
                    (
                        vec![source.id.clone()],
                        source.affiliation.clone(),
                        is_known,
                    )
                } else if let Some(source) =
                    definite.then(|| self.earlier(proposals, &words)).flatten()
                {
                    let is_known = self.scenario.source_by_id(&source.id).is_some();
                    (
                        vec![source.id.clone()],
                        source.affiliation.clone(),
                        is_known,
                    )
                } else {
                    let faction = inside.first().map(|f| f.faction.clone());
                    let id = match (kind_of(&words), &faction) {
                        (None | Some(SourceKind::PartyToFight), Some(side)) => {
                            party(self.scenario, proposals, side)
                        }
                        (Some(kind), _) => {
                            // A side's own officials speak for a party, not a foreign state.
                            let foreign = faction
                                .as_deref()
                                .and_then(|f| self.scenario.faction_index(f))
                                .is_none_or(|f| {
                                    self.scenario.factions[f].kind == FactionKind::ForeignState
                                });
                            let kind = if kind == SourceKind::ForeignGovernment && !foreign {
                                SourceKind::PartyToFight
                            } else {
                                kind
                            };
                            let name = proposals.text_of(tokens, np.clone());
                            proposals.add_source(self.scenario, &name, kind, faction.clone())
                        }
                        (None, None) => return None,
                    };
                    (vec![id], faction, false)
                }
            }
        };
        self.last = Some((originators.clone(), affiliation.clone(), is_known));
        self.heard.extend(originators.iter().cloned());
        Some(Attribution {
            originators,
            via: Vec::new(),
            affiliation,
            covers: sentence.range.clone(),
            evidence: tokens[np.start].range.start..tokens[np.end - 1].range.end,
            known: is_known,
        })
    }

    /// "the local", "the witness": a definite phrase of one word that gives a kind of
    /// source refers back to the last source of that kind heard in the article.
    fn earlier<'p>(&self, proposals: &'p Proposals, words: &[String]) -> Option<&'p Source>
    where
        'a: 'p,
    {
        let [_] = words else { return None };
        let kind = kind_of(words)?;
        self.heard.iter().rev().find_map(|id| {
            self.scenario
                .source_by_id(id)
                .or_else(|| proposals.new_sources.iter().find(|s| &s.id == id))
                .filter(|s| s.kind == kind)
        })
    }
}

/// The speaker phrase ending before `verb`: back over auxiliaries, then words up to a
/// clause boundary (at most ten).
pub(super) fn backward_phrase(tokens: &[Token], start: usize, verb: usize) -> Range<usize> {
    let mut end = verb;
    while end > start
        && AUXILIARY.contains(&tokens[end - 1].folded.as_str())
        && !tokens[end - 1].punct
    {
        end -= 1;
    }
    let mut begin = end;
    while begin > start && end - begin < 10 {
        let token = &tokens[begin - 1];
        if token.punct
            || BOUNDARY.contains(&token.folded.as_str())
            || SPEECH.contains(&token.folded.as_str())
        {
            break;
        }
        begin -= 1;
    }
    begin..end
}

/// The phrase starting at `from`, up to a clause boundary or a sentence's end.
pub(super) fn forward_phrase(
    tokens: &[Token],
    from: usize,
    end: usize,
    max: usize,
) -> Range<usize> {
    let mut stop = from;
    while stop < end && stop - from < max {
        let token = &tokens[stop];
        let comma_in_apposition = token.folded == "," && max > 10;
        if (token.punct && !comma_in_apposition)
            || (stop > from && BOUNDARY.contains(&token.folded.as_str()))
        {
            break;
        }
        stop += 1;
    }
    from..stop
}
