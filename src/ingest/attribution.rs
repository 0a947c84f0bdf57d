//! Who says it: "according to X", "X said/claimed/stated/announced/reported ...",
//! "“...,” said X", "X, citing Y" (Y originates, X relays), "... who spoke to Reuters"
//! / "told Reuters" (relay via Reuters), "X wrote on Telegram" (relay via the
//! channel), "Both sides claimed" (one originator per side named), and pronouns ("He
//! claimed") for the last speaker. Each attribution covers part of its sentence.

use std::ops::Range;

use super::Proposals;
use super::factions::FactionMention;
use super::phrases::{backward_phrase, forward_phrase};
use super::sentences::{Sentence, Token};
use super::sources::party;
use crate::model::Scenario;

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
pub(super) const SPEECH: [&str; 30] = [
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

/// Words that open a fronted time clause ("After a night of strikes, X said ...").
const FRONTED: [&str; 5] = ["after", "before", "following", "amid", "during"];

/// What the attribution finder carries from sentence to sentence.
pub struct Speakers<'a> {
    /// The scenario whose sources are matched.
    pub scenario: &'a Scenario,
    /// The last sources that spoke, for "he", "she", "it", "they".
    pub last: Option<(Vec<String>, Option<String>, bool)>,
    /// Every source heard so far, in order, for "the local" or "the witness".
    pub heard: Vec<String>,
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
            let opener = tokens[start].folded.as_str();
            let fronted = np.start > start + 1
                && tokens[np.start - 1].is_clause_break()
                && FRONTED.contains(&opener);
            attribution.covers = if backward {
                sentence.range.start..tokens[verb].range.end
            } else if np.start == start + 1 && opener == "with" {
                // "With X reporting A, MAIN": X reports A; the main clause is not X's.
                let comma = (verb + 1..end).find(|&i| tokens[i].is_clause_break());
                tokens[np.start].range.start
                    ..comma.map_or(sentence.range.end, |i| tokens[i].range.start)
            } else if fronted {
                // "After A, X said that B": X's account covers the fronted clause too.
                sentence.range.clone()
            } else {
                tokens[np.start].range.start..sentence.range.end
            };
            attribution.evidence = tokens[np.start].range.start..tokens[verb].range.end;
            attribution
        } else if verb > start
            && (tokens[verb - 1].is_clause_break() || tokens[verb - 1].is_quote())
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
            self.heard.push(id.clone());
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
}
