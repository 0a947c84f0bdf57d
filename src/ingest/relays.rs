//! Relays: who passes a statement on. "... who spoke to Reuters", "told Reuters",
//! "as quoted by X", "in an interview with X", "X wrote on Telegram", and a media
//! source that reports a whole sentence in which someone else speaks.

use super::Proposals;
use super::attribution::{Attribution, Speakers};
use super::phrases::forward_phrase;
use super::sentences::{Sentence, Token};
use super::sources::{kind_of, known};
use crate::model::SourceKind;

/// Words after a speaker that name who passed the statement on.
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

/// Social media platforms ("on Telegram"): the channel relays.
const PLATFORMS: [&str; 5] = ["telegram", "twitter", "facebook", "youtube", "instagram"];

impl Speakers<'_> {
    /// "X said ..., state television reported": a media source that reports a whole
    /// sentence in which someone else speaks relays that speaker.
    pub(super) fn merge_relays(
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
    /// Adds a relay named after `from` ("who spoke to Reuters", "on Telegram").
    pub(super) fn relay(
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
}
