//! Which side a sentence talks about: general news words for the sides ("rebels",
//! "insurgents", "opposition", "HTS" → the rebel coalition; "army", "military",
//! "regime", "Assad's" → the government; "Kurdish-led", "SDF" → the Kurdish-led
//! forces), demonyms ("Israeli" → Israel), and the scenario's own faction names.

use std::ops::Range;

use super::sentences::{Sentence, Token, tokenize};
use crate::model::{FactionKind, Scenario, fold};

/// A side named in the text.
#[derive(Clone, Debug, PartialEq)]
pub struct FactionMention {
    /// Token indices.
    pub tokens: Range<usize>,
    /// Byte span.
    pub range: Range<usize>,
    /// The scenario's faction id.
    pub faction: String,
}

/// Words for a side that has a role in most civil wars.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Role {
    Rebels,
    Government,
    KurdishLed,
}

const ROLE_WORDS: [(&str, Role); 28] = [
    ("rebel", Role::Rebels),
    ("rebels", Role::Rebels),
    ("insurgent", Role::Rebels),
    ("insurgents", Role::Rebels),
    ("opposition", Role::Rebels),
    ("HTS", Role::Rebels),
    ("Hayat Tahrir al-Sham", Role::Rebels),
    ("jihadists", Role::Rebels),
    ("militants", Role::Rebels),
    ("government", Role::Government),
    ("government forces", Role::Government),
    ("government-aligned", Role::Government),
    ("regime", Role::Government),
    ("army", Role::Government),
    ("military", Role::Government),
    ("troops", Role::Government),
    ("soldiers", Role::Government),
    ("presidency", Role::Government),
    ("loyalists", Role::Government),
    ("Assad", Role::Government),
    ("pro-Assad", Role::Government),
    ("Bashar al-Assad", Role::Government),
    ("SDF", Role::KurdishLed),
    ("Syrian Democratic Forces", Role::KurdishLed),
    ("Kurdish", Role::KurdishLed),
    ("Kurdish-led", Role::KurdishLed),
    ("Kurdish fighters", Role::KurdishLed),
    ("Kurdish forces", Role::KurdishLed),
];

/// Demonyms and the country names they stand for.
const DEMONYMS: [(&str, &str); 9] = [
    ("Russian", "Russia"),
    ("Iranian", "Iran"),
    ("Israeli", "Israel"),
    ("Turkish", "Turkey"),
    ("Qatari", "Qatar"),
    ("Iraqi", "Iraq"),
    ("Lebanese", "Lebanon"),
    ("American", "United States"),
    ("Jordanian", "Jordan"),
];

/// Folded word sequences → faction id, longest first.
#[derive(Clone, Debug, Default)]
pub struct FactionLexicon {
    entries: Vec<(Vec<String>, String)>,
}

fn words(phrase: &str) -> Vec<String> {
    tokenize(phrase)
        .into_iter()
        .filter(|t| !t.punct)
        .map(|t| t.folded)
        .collect()
}

impl FactionLexicon {
    /// The lexicon for `scenario`'s factions.
    pub fn new(scenario: &Scenario) -> Self {
        let mut entries = Vec::new();
        let by_role = |role: Role| {
            let (id, kind) = match role {
                Role::Rebels => ("rebels", FactionKind::RebelCoalition),
                Role::Government => ("government", FactionKind::Government),
                Role::KurdishLed => ("sdf", FactionKind::KurdishLedAutonomous),
            };
            scenario
                .factions
                .iter()
                .find(|f| f.id == id)
                .or_else(|| scenario.factions.iter().find(|f| f.kind == kind))
                .map(|f| f.id.clone())
        };
        for (phrase, role) in ROLE_WORDS {
            if let Some(id) = by_role(role) {
                entries.push((words(phrase), id));
            }
        }
        let by_name = |name: &str| {
            let name = fold(name);
            scenario
                .factions
                .iter()
                .find(|f| fold(&f.id) == name || fold(&f.short) == name || fold(&f.name) == name)
                .map(|f| f.id.clone())
        };
        for faction in &scenario.factions {
            let name = faction.name.split('(').next().unwrap_or("").trim();
            let mut phrases = vec![name.to_owned(), faction.short.clone()];
            // "Iran-backed Iraqi militias" is also "Iraqi militias" and "Iraqi militia".
            let qualified: Vec<&str> = name.split_whitespace().collect();
            if qualified.len() >= 3 && qualified[0].ends_with("-backed") {
                let bare = qualified[1..].join(" ");
                phrases.push(bare.trim_end_matches('s').to_owned());
                phrases.push(bare);
            }
            for phrase in phrases.iter().filter(|p| !p.contains('.')) {
                let phrase_words = words(phrase);
                if !phrase_words.is_empty() {
                    entries.push((phrase_words, faction.id.clone()));
                }
            }
        }
        for (demonym, country) in DEMONYMS {
            if let Some(id) = by_name(country) {
                entries.push((words(demonym), id));
            }
        }
        entries.sort_by_key(|entry| std::cmp::Reverse(entry.0.len()));
        Self { entries }
    }

    /// Every side `sentence` names, in text order (longest phrase first at each word).
    pub fn find(&self, tokens: &[Token], sentence: &Sentence) -> Vec<FactionMention> {
        let mut found = Vec::new();
        let mut i = sentence.tokens.start;
        while i < sentence.tokens.end {
            let matched = self.entries.iter().find(|(phrase, _)| {
                phrase.iter().enumerate().all(|(k, w)| {
                    tokens
                        .get(i + k)
                        .is_some_and(|t| i + k < sentence.tokens.end && !t.punct && &t.folded == w)
                })
            });
            match matched {
                Some((phrase, id)) => {
                    let end = i + phrase.len();
                    found.push(FactionMention {
                        tokens: i..end,
                        range: tokens[i].range.start..tokens[end - 1].range.end,
                        faction: id.clone(),
                    });
                    i = end;
                }
                None => i += 1,
            }
        }
        found
    }
}
