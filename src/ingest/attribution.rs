//! Who says it: "according to X", "X said/claimed/stated/announced/reported ...",
//! "“...,” said X", "X, citing Y" (Y originates, X relays), "... who spoke to Reuters"
//! / "told Reuters" (relay via Reuters), "X wrote on Telegram" (relay via the
//! channel), "Both sides claimed" (one originator per side named), and pronouns ("He
//! claimed") for the last speaker. Each attribution covers part of its sentence.

use std::ops::Range;

use super::Proposals;
use super::factions::FactionMention;
use super::sentences::{Sentence, Token};
use super::sources::{kind_of, known, party};
use crate::model::{FactionKind, Scenario, SourceKind};

/// Who a stretch of a sentence is attributed to.
#[derive(Clone, Debug, PartialEq)]
pub struct Attribution {
    /// Source ids (known or proposed) that made the statement.
    pub originators: Vec<String>,
    /// Source ids that passed it on, originator outward.
    pub via: Vec<String>,
    /// The side the (first) originator speaks for.
    pub affiliation: Option<String>,
    /// Byte span of the sentence the attribution covers.
    pub covers: Range<usize>,
    /// Byte span of the attributing words.
    pub evidence: Range<usize>,
    /// True when every originator is a source the scenario already has.
    pub known: bool,
}

/// Verbs that introduce what a source says.
const SPEECH: [&str; 30] = [
    "said",
    "says",
    "say",
    "saying",
    "stated",
    "states",
    "claimed",
    "claims",
    "claim",
    "claiming",
    "announced",
    "announces",
    "announcing",
    "reported",
    "reports",
    "reporting",
    "told",
    "tells",
    "wrote",
    "writes",
    "added",
    "confirmed",
    "confirms",
    "denied",
    "denies",
    "insisted",
    "warned",
    "acknowledge",
    "acknowledged",
    "called",
];

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

const RELAYS: [&[&str]; 8] = [
    &["who", "spoke", "to"],
    &["who", "told"],
    &["spoke", "to"],
    &["speaking", "to"],
    &["told"],
    &["as", "quoted", "by"],
    &["quoted", "by"],
    &["in", "an", "interview", "with"],
];

const PLATFORMS: [&str; 5] = ["telegram", "twitter", "facebook", "youtube", "instagram"];

/// What the attribution finder carries from sentence to sentence.
pub struct Speakers<'a> {
    /// The scenario whose sources are matched.
    pub scenario: &'a Scenario,
    /// The last sources that spoke, for "he", "she", "it", "they".
    pub last: Option<(Vec<String>, Option<String>, bool)>,
}

impl Speakers<'_> {
    /// Every attribution in `sentence`.
    pub fn find(
        &mut self,
        tokens: &[Token],
        sentence: &Sentence,
        factions: &[FactionMention],
        proposals: &mut Proposals,
    ) -> Vec<Attribution> {
        let (start, end) = (sentence.tokens.start, sentence.tokens.end);
        let word = |i: usize| {
            tokens
                .get(i)
                .filter(|t| i < end && !t.punct)
                .map(|t| t.folded.as_str())
        };
        let mut found: Vec<Attribution> = Vec::new();
        let mut i = start;
        while i < end {
            let w = word(i).unwrap_or("");
            if w == "according" && word(i + 1) == Some("to") {
                let np = forward_phrase(tokens, i + 2, end, 10);
                if let Some(mut attribution) =
                    self.resolve(tokens, np.clone(), sentence, factions, proposals)
                {
                    attribution.covers = sentence.range.clone();
                    attribution.evidence = tokens[i].range.start..tokens[np.end - 1].range.end;
                    self.relay(tokens, np.end, end, &mut attribution, proposals);
                    found.push(attribution);
                }
                i = np.end.max(i + 2);
                continue;
            }
            if w == "citing" {
                let np = forward_phrase(tokens, i + 1, end, 10);
                if let Some(mut cited) =
                    self.resolve(tokens, np.clone(), sentence, factions, proposals)
                {
                    if let Some(relay) = found.pop() {
                        cited.via = relay.originators.into_iter().chain(relay.via).collect();
                    }
                    cited.covers = sentence.range.clone();
                    cited.evidence = tokens[i].range.start..tokens[np.end - 1].range.end;
                    found.push(cited);
                }
                i = np.end.max(i + 1);
                continue;
            }
            let is_speech =
                SPEECH.contains(&w) && (w != "called" || matches!(word(i + 1), Some("on" | "for")));
            if is_speech
                && let Some(attribution) = self.speech(tokens, i, sentence, factions, proposals)
            {
                found.push(attribution);
            }
            i += 1;
        }
        self.merge_relays(&mut found, sentence, proposals);
        found
    }

    /// "X said ..., state television reported": a media source that reports a whole
    /// sentence in which someone else speaks relays that speaker.
    fn merge_relays(
        &self,
        found: &mut Vec<Attribution>,
        sentence: &Sentence,
        proposals: &Proposals,
    ) {
        let media = |id: &String| {
            self.scenario
                .source_by_id(id)
                .or_else(|| proposals.new_sources.iter().find(|s| &s.id == id))
                .map(|s| s.kind)
                .is_some_and(|kind| {
                    matches!(
                        kind,
                        SourceKind::NewsAgency
                            | SourceKind::NewsOutlet
                            | SourceKind::StateMedia
                            | SourceKind::SocialMediaChannel
                    )
                })
        };
        let Some(last) = found.last() else { return };
        let reports_all = last.covers.start == sentence.range.start && found.len() >= 2;
        if reports_all && last.originators.iter().all(media) {
            let Some(relay) = found.pop() else { return };
            for earlier in found.iter_mut() {
                for id in relay.originators.iter().chain(&relay.via) {
                    if !earlier.via.contains(id) && !earlier.originators.contains(id) {
                        earlier.via.push(id.clone());
                    }
                }
            }
        }
    }

    /// The attribution a speech verb at `verb` makes, if its speaker is a source.
    fn speech(
        &mut self,
        tokens: &[Token],
        verb: usize,
        sentence: &Sentence,
        factions: &[FactionMention],
        proposals: &mut Proposals,
    ) -> Option<Attribution> {
        let (start, end) = (sentence.tokens.start, sentence.tokens.end);
        let np = backward_phrase(tokens, start, verb);
        let before = np
            .start
            .checked_sub(1)
            .filter(|b| *b >= start)
            .map(|b| &tokens[b]);
        let after_quote = before.is_some_and(|t| t.is_quote() || t.is_clause_break())
            && tokens[start..np.start].iter().any(Token::is_quote);
        let mut attribution = if !np.is_empty() {
            let mut attribution =
                self.resolve(tokens, np.clone(), sentence, factions, proposals)?;
            let rest = tokens[verb + 1..end].iter().filter(|t| !t.punct).count();
            let backward = after_quote || rest <= 4;
            attribution.covers = if backward {
                sentence.range.start..tokens[verb].range.end
            } else {
                tokens[np.start].range.start..sentence.range.end
            };
            attribution.evidence = tokens[np.start].range.start..tokens[verb].range.end;
            attribution
        } else if verb > start
            && tokens[verb - 1].is_clause_break()
            && !tokens[verb].folded.ends_with("ing")
        {
            // "“...,” said X, a Y": the speaker follows the verb.
            let np = forward_phrase(tokens, verb + 1, end, 16);
            let mut attribution =
                self.resolve(tokens, np.clone(), sentence, factions, proposals)?;
            attribution.covers = sentence.range.start..tokens[verb].range.end;
            attribution.evidence = tokens[verb].range.start..tokens[np.end - 1].range.end;
            attribution
        } else {
            // "..., claiming to have taken X": the side named last before the verb speaks.
            let side = factions.iter().rev().find(|f| f.tokens.end <= verb)?;
            let id = party(self.scenario, proposals, &side.faction);
            let known = self.scenario.source_by_id(&id).is_some();
            self.last = Some((vec![id.clone()], Some(side.faction.clone()), known));
            Attribution {
                originators: vec![id],
                via: Vec::new(),
                affiliation: Some(side.faction.clone()),
                covers: tokens[verb].range.start..sentence.range.end,
                evidence: side.range.start..tokens[verb].range.end,
                known,
            }
        };
        self.relay(tokens, verb + 1, end, &mut attribution, proposals);
        Some(attribution)
    }

    /// Adds a relay named after `from` ("who spoke to Reuters", "on Telegram").
    fn relay(
        &mut self,
        tokens: &[Token],
        from: usize,
        end: usize,
        attribution: &mut Attribution,
        proposals: &mut Proposals,
    ) {
        let word = |i: usize| {
            tokens
                .get(i)
                .filter(|t| i < end && !t.punct)
                .map(|t| t.folded.as_str())
        };
        let mut at = from;
        if tokens[from.saturating_sub(1)].folded == "told" {
            at = from.saturating_sub(1);
        }
        let mut relay = None;
        for pattern in RELAYS {
            if pattern
                .iter()
                .enumerate()
                .all(|(k, w)| word(at + k) == Some(*w))
            {
                relay = Some(at + pattern.len());
                break;
            }
        }
        if word(from) == Some("on") && word(from + 1).is_some_and(|w| PLATFORMS.contains(&w)) {
            relay = Some(from + 1);
        }
        let Some(np_start) = relay else { return };
        let np = forward_phrase(tokens, np_start, end, 4);
        let words: Vec<String> = tokens[np.clone()]
            .iter()
            .filter(|t| !t.punct)
            .map(|t| t.folded.clone())
            .collect();
        if np.is_empty() || !tokens[np.start].capitalised {
            return;
        }
        let id = match known(self.scenario, proposals, &words) {
            Some(source) => source.id.clone(),
            None => {
                let kind = match kind_of(&words) {
                    Some(
                        kind @ (SourceKind::NewsAgency
                        | SourceKind::NewsOutlet
                        | SourceKind::SocialMediaChannel),
                    ) => kind,
                    _ if PLATFORMS.contains(&words[0].as_str()) => SourceKind::SocialMediaChannel,
                    _ => SourceKind::NewsOutlet,
                };
                let name = proposals.text_of(tokens, np.clone());
                proposals.add_source(self.scenario, &name, kind, None)
            }
        };
        if !attribution.originators.contains(&id) && !attribution.via.contains(&id) {
            attribution.via.push(id);
        }
    }

    /// The sources a speaker phrase names, if it names any.
    fn resolve(
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
                if let Some(source) = known(self.scenario, proposals, &words) {
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
        Some(Attribution {
            originators,
            via: Vec::new(),
            affiliation,
            covers: sentence.range.clone(),
            evidence: tokens[np.start].range.start..tokens[np.end - 1].range.end,
            known: is_known,
        })
    }
}

/// The speaker phrase ending before `verb`: back over auxiliaries, then words up to a
/// clause boundary (at most ten).
fn backward_phrase(tokens: &[Token], start: usize, verb: usize) -> Range<usize> {
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
fn forward_phrase(tokens: &[Token], from: usize, end: usize, max: usize) -> Range<usize> {
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
