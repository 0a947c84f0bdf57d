//! Where a sentence names a place or a region: gazetteer names, "the capital",
//! "the south", "Deraa province", "southern Quneitra" (part of the governorate),
//! "the majority of the south" (most of it) and facilities ("Saydnaya Military
//! Prison", "Damascus airport", "X air base"), which are proposed as new places.

use std::ops::Range;

use super::Proposals;
use super::gazetteer::{Gazetteer, NameTarget};
use super::sentences::{Sentence, Token};
use crate::model::{Extent, Place, PlaceKind, Scenario, Scope, Subject};

/// One place or region named in the text.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// Token indices.
    pub tokens: Range<usize>,
    /// Byte span of the words that name it.
    pub range: Range<usize>,
    /// The place or region.
    pub subject: Subject,
    /// How much of a region ("southern X": part; "the majority of": most).
    pub scope: Scope,
    /// True when the place is proposed by this ingest (not yet in the scenario).
    pub proposed: bool,
}

const FACILITIES: [(&[&str], PlaceKind); 9] = [
    (&["military", "prison"], PlaceKind::Prison),
    (&["prison"], PlaceKind::Prison),
    (&["international", "airport"], PlaceKind::Airport),
    (&["military", "airport"], PlaceKind::Airport),
    (&["airport"], PlaceKind::Airport),
    (&["air", "base"], PlaceKind::Base),
    (&["airbase"], PlaceKind::Base),
    (&["military", "base"], PlaceKind::Base),
    (&["naval", "base"], PlaceKind::Base),
];

const DIRECTIONS: [&str; 9] = [
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
];

/// Every place and region `sentence` names, in text order.
pub fn find(
    text: &str,
    tokens: &[Token],
    sentence: &Sentence,
    gazetteer: &Gazetteer,
    scenario: &Scenario,
    proposals: &mut Proposals,
) -> Vec<Mention> {
    let mut mentions: Vec<Mention> = Vec::new();
    let mut i = sentence.tokens.start;
    let end = sentence.tokens.end;
    let word = |at: usize| tokens.get(at).filter(|t| at < end && !t.punct);
    let is = |at: usize, w: &str| word(at).is_some_and(|t| t.folded == w);
    while i < end {
        if is(i, "the") {
            let mut j = i + 1;
            while is(j, "whole") || is(j, "entire") {
                j += 1;
            }
            if let Some(region) = word(j).and_then(|t| gazetteer.groupings.get(&t.folded)) {
                let locator = i > 0
                    && is(i - 1, "in")
                    && mentions.last().is_some_and(|m| m.tokens.end + 1 == i);
                if !locator {
                    mentions.push(region_mention(tokens, i..j + 1, region, Extent::All));
                }
                i = j + 1;
                continue;
            }
            if is(j, "capital")
                && !is(j + 1, "of")
                && let Some(capital) = &gazetteer.capital
            {
                mentions.push(Mention {
                    tokens: i..j + 1,
                    range: tokens[i].range.start..tokens[j].range.end,
                    subject: Subject::Place(capital.clone()),
                    scope: Scope::default(),
                    proposed: false,
                });
                i = j + 1;
                continue;
            }
        }
        let Some((target, len)) = gazetteer.longest_at(&tokens[..end], i) else {
            i += 1;
            continue;
        };
        let span = i..i + len;
        let written = &text[tokens[i].range.start..tokens[i + len - 1].range.end];
        let (place_id, proposed) = match target {
            NameTarget::Region(id) => {
                mentions.push(region_mention(tokens, span.clone(), &id, Extent::All));
                i = span.end;
                continue;
            }
            NameTarget::Place(id) => (id, false),
            NameTarget::GeoNames(index) => {
                let Some(place) = gazetteer.propose(scenario, index, written) else {
                    i = span.end;
                    continue;
                };
                (proposals.add_place(place), true)
            }
        };
        let mention = place_suffixes(
            text, tokens, end, span, &place_id, proposed, scenario, gazetteer, proposals,
        );
        i = mention.tokens.end;
        mentions.push(mention);
    }
    for mention in &mut mentions {
        if matches!(mention.subject, Subject::Region(_)) && mention.scope.extent == Extent::All {
            mention.scope.extent =
                extent_before(tokens, sentence.tokens.start, mention.tokens.start);
        }
    }
    mentions
}

/// A place name with what may follow or precede it: a facility word, "province", or a
/// direction ("southern") that makes it part of its governorate.
#[allow(clippy::too_many_arguments)]
fn place_suffixes(
    text: &str,
    tokens: &[Token],
    end: usize,
    span: Range<usize>,
    place_id: &str,
    proposed: bool,
    scenario: &Scenario,
    gazetteer: &Gazetteer,
    proposals: &mut Proposals,
) -> Mention {
    let folded = |at: usize| {
        tokens
            .get(at)
            .filter(|_| at < end)
            .map(|t| t.folded.as_str())
    };
    let place = scenario
        .place_index(place_id)
        .map(|p| &scenario.places[p])
        .or_else(|| proposals.new_places.iter().find(|p| p.id == place_id));
    let governorate = gazetteer.namesakes.get(place_id).cloned().or_else(|| {
        place
            .map(|p| p.governorate.clone())
            .filter(|g| !g.is_empty())
    });
    for (words, kind) in FACILITIES {
        let matched = words
            .iter()
            .enumerate()
            .all(|(k, w)| folded(span.end + k) == Some(*w));
        if let (true, Some(parent)) = (matched, place) {
            let last = span.end + words.len() - 1;
            let name = &text[tokens[span.start].range.start..tokens[last].range.end];
            let facility = Place {
                id: super::slug(name),
                name: name.to_owned(),
                aliases: Vec::new(),
                lon: parent.lon,
                lat: parent.lat,
                population: 0,
                kind,
                governorate: parent.governorate.clone(),
                geonames_id: None,
                parent: Some(parent.id.clone()),
            };
            let id = proposals.add_place(facility);
            return Mention {
                tokens: span.start..last + 1,
                range: tokens[span.start].range.start..tokens[last].range.end,
                subject: Subject::Place(id),
                scope: Scope::default(),
                proposed: true,
            };
        }
    }
    if matches!(folded(span.end), Some("province" | "governorate"))
        && let Some(region) = &governorate
    {
        return region_mention(tokens, span.start..span.end + 1, region, Extent::All);
    }
    let before = span.start.checked_sub(1);
    if let Some(before) = before.filter(|b| DIRECTIONS.contains(&tokens[*b].folded.as_str()))
        && let Some(region) = gazetteer.namesakes.get(place_id)
    {
        return region_mention(tokens, before..span.end, region, Extent::Part);
    }
    Mention {
        range: tokens[span.start].range.start..tokens[span.end - 1].range.end,
        tokens: span,
        subject: Subject::Place(place_id.to_owned()),
        scope: Scope::default(),
        proposed,
    }
}

fn region_mention(tokens: &[Token], span: Range<usize>, region: &str, extent: Extent) -> Mention {
    Mention {
        range: tokens[span.start].range.start..tokens[span.end - 1].range.end,
        tokens: span,
        subject: Subject::Region(region.to_owned()),
        scope: Scope {
            extent,
            places: Vec::new(),
        },
        proposed: false,
    }
}

/// "the majority of", "most of", "nearly the whole" → most; "parts of" → part.
fn extent_before(tokens: &[Token], first: usize, at: usize) -> Extent {
    let from = at.saturating_sub(4).max(first);
    for token in &tokens[from..at] {
        match token.folded.as_str() {
            "majority" | "most" | "nearly" | "almost" | "much" | "bulk" => return Extent::Most,
            "part" | "parts" | "areas" | "pockets" => return Extent::Part,
            _ => {}
        }
    }
    Extent::All
}
