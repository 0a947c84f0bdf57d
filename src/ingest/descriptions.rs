//! Places named by description rather than by name: "the country" (the scenario's
//! country, its grouping of every governorate), "the Syrian issue" (the country by its
//! demonym), "the coastal bastion" (a grouping region by its adjective), "two border
//! crossings between Lebanon and Syria" or "the Lebanese border" (the grouping named
//! for that border), and "land connection to friends in Iraq" (the route named as
//! leading to that country).

use std::collections::HashMap;
use std::ops::Range;

use super::factions::DEMONYMS;
use super::mentions::Mention;
use super::sentences::{Sentence, Token};
use crate::model::{RegionKind, Scenario, Scope, Subject, fold};

/// Nouns that, after the country's demonym, mean the country's affairs.
const AFFAIRS: [&str; 8] = [
    "issue",
    "question",
    "crisis",
    "conflict",
    "war",
    "file",
    "situation",
    "problem",
];

/// Nouns for a road that leads somewhere ("land connection to ...").
const LINKS: [&str; 7] = [
    "connection",
    "route",
    "road",
    "link",
    "corridor",
    "lifeline",
    "highway",
];

/// Words allowed between "border" and the countries it lies between.
const BORDER_GLUE: [&str; 9] = [
    "crossings",
    "crossing",
    "points",
    "point",
    "between",
    "with",
    "and",
    "the",
    ",",
];

/// What the scenario's regions and routes can be called by description.
#[derive(Clone, Debug, Default)]
pub struct Descriptions {
    /// The grouping of every governorate: the country.
    country: Option<String>,
    /// The country's demonym, folded ("syrian").
    demonym: Option<String>,
    /// Adjectives of groupings ("coastal" → coast, "southern" → south).
    adjectives: HashMap<String, String>,
    /// A neighbour, folded, by name and by demonym → the grouping on its border.
    borders: HashMap<String, String>,
    /// A neighbour, folded → the route named as leading to it.
    routes: HashMap<String, String>,
}

/// The folded names a neighbour goes by: the word itself and its country or demonym.
fn neighbour_names(word: &str) -> Vec<String> {
    let mut names = vec![fold(word)];
    for (demonym, country) in DEMONYMS {
        if fold(demonym) == fold(word) {
            names.push(fold(country));
        } else if fold(country) == fold(word) {
            names.push(fold(demonym));
        }
    }
    names
}

impl Descriptions {
    /// What `scenario`'s groupings and routes can be called.
    pub fn new(scenario: &Scenario) -> Self {
        let mut found = Self::default();
        let groupings = scenario
            .regions
            .iter()
            .filter(|r| r.kind == RegionKind::Grouping);
        let country = groupings.clone().max_by_key(|r| r.members.len());
        if let Some(country) = country.filter(|r| r.members.len() >= 2) {
            found.country = Some(country.id.clone());
            let name = country.name.split('(').next().unwrap_or("").trim();
            found.demonym = DEMONYMS
                .iter()
                .find(|(_, c)| fold(c) == fold(name))
                .map(|(d, _)| fold(d));
        }
        for region in groupings {
            let bare = region.name.split('(').next().unwrap_or("").trim();
            let words: Vec<&str> = bare.split_whitespace().collect();
            if let [the, word] = words.as_slice()
                && fold(the) == "the"
                && word.starts_with(char::is_lowercase)
            {
                for suffix in ["al", "ern"] {
                    let adjective = format!("{}{suffix}", fold(word));
                    found.adjectives.insert(adjective, region.id.clone());
                }
            }
            let border = words.iter().position(|w| fold(w) == "border");
            if let Some(at) = border.filter(|&at| at > 0) {
                for name in neighbour_names(words[at - 1]) {
                    found.borders.insert(name, region.id.clone());
                }
            }
        }
        for route in &scenario.routes {
            let Some((_, to)) = route.name.split_once("(to ") else {
                continue;
            };
            let words: Vec<&str> = to.trim_end_matches(')').split_whitespace().collect();
            let Some(word) = words.iter().find(|w| w.starts_with(char::is_uppercase)) else {
                continue;
            };
            for name in neighbour_names(word) {
                found.routes.insert(name, route.id.clone());
            }
        }
        found
    }

    /// Adds to `mentions` the places `sentence` describes; a description replaces the
    /// names inside it ("between Lebanon and Syria" is the border, not Syria).
    pub fn find(&self, tokens: &[Token], sentence: &Sentence, mentions: &mut Vec<Mention>) {
        let end = sentence.tokens.end;
        let word = |at: usize| {
            tokens
                .get(at)
                .filter(|t| at < end && !t.punct)
                .map(|t| t.folded.as_str())
        };
        let mut found: Vec<(Range<usize>, Subject)> = Vec::new();
        for i in sentence.tokens.clone() {
            let country = self.country.clone().map(Subject::Region);
            match (word(i), word(i + 1), word(i + 2)) {
                (Some("the"), Some("country"), next) if next != Some("of") => {
                    found.extend(country.map(|c| (i..i + 2, c)));
                }
                (Some("the"), Some(demonym), Some(noun))
                    if self.demonym.as_deref() == Some(demonym) && AFFAIRS.contains(&noun) =>
                {
                    found.extend(country.map(|c| (i..i + 3, c)));
                }
                (Some("the"), Some(adjective), Some(_)) if !tokens[i + 2].capitalised => {
                    if let Some(region) = self.adjectives.get(adjective) {
                        found.push((i..i + 2, Subject::Region(region.clone())));
                    }
                }
                (Some("border" | "borders" | "frontier"), _, _) => {
                    found.extend(self.border(tokens, i, end));
                }
                (Some(link), Some("to"), _) if LINKS.contains(&link) => {
                    found.extend(self.route(tokens, i, end));
                }
                _ => {}
            }
        }
        for (span, subject) in found {
            mentions.retain(|m| m.tokens.end <= span.start || m.tokens.start >= span.end);
            let at = mentions.partition_point(|m| m.tokens.start < span.start);
            let mention = Mention {
                range: tokens[span.start].range.start..tokens[span.end - 1].range.end,
                tokens: span,
                subject,
                scope: Scope::default(),
                proposed: false,
            };
            mentions.insert(at, mention);
        }
    }

    /// "the Lebanese border", "border crossings between Lebanon and Syria", "the border
    /// with Lebanon": the grouping on that border, over the words that name it.
    fn border(&self, tokens: &[Token], at: usize, end: usize) -> Option<(Range<usize>, Subject)> {
        if let Some(region) = at
            .checked_sub(1)
            .and_then(|b| self.borders.get(&tokens[b].folded))
        {
            return Some((at - 1..at + 1, Subject::Region(region.clone())));
        }
        let mut region = None;
        let mut last = at;
        for (k, token) in tokens.iter().enumerate().take(end).skip(at + 1) {
            if token.capitalised && !token.punct {
                if let Some(r) = self.borders.get(&token.folded) {
                    region = Some(r.clone());
                }
                last = k;
            } else if !BORDER_GLUE.contains(&token.folded.as_str()) {
                break;
            }
        }
        region.map(|r| (at..last + 1, Subject::Region(r)))
    }

    /// "land connection to friends in Iraq": the route to that country, from the noun
    /// (and "land" or "supply" before it) to the country's name.
    fn route(&self, tokens: &[Token], at: usize, end: usize) -> Option<(Range<usize>, Subject)> {
        let start = match at.checked_sub(1).map(|b| tokens[b].folded.as_str()) {
            Some("land" | "supply" | "main" | "key") => at - 1,
            _ => at,
        };
        (at + 2..(at + 6).min(end))
            .take_while(|&k| !tokens[k].punct)
            .find_map(|k| {
                let route = self.routes.get(&tokens[k].folded)?;
                tokens[k]
                    .capitalised
                    .then(|| (start..k + 1, Subject::Route(route.clone())))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::sentences::{sentences, tokenize};
    use crate::io::default_scenario;

    fn described(text: &str) -> Vec<(String, Subject)> {
        let Ok(scenario) = default_scenario() else {
            panic!("default scenario loads");
        };
        let tokens = tokenize(text);
        let mut mentions = Vec::new();
        for sentence in sentences(text, &tokens) {
            Descriptions::new(&scenario).find(&tokens, &sentence, &mut mentions);
        }
        mentions
            .into_iter()
            .map(|m| (text[m.range].to_owned(), m.subject))
            .collect()
    }

    #[test]
    fn descriptions_name_regions_and_routes() {
        let region = |id: &str| Subject::Region(id.into());
        assert_eq!(
            described("Russia told its citizens to leave the country on Friday."),
            [("the country".to_owned(), region("syria"))]
        );
        assert_eq!(
            described("Israel hit two border crossings between Lebanon and Syria on Friday."),
            [(
                "border crossings between Lebanon and Syria".to_owned(),
                region("lebanon-border")
            )]
        );
        assert_eq!(
            described("The land connection to friends in Iraq is cut. The coastal bastion held."),
            [
                (
                    "land connection to friends in Iraq".to_owned(),
                    Subject::Route("deir-ez-zor-al-bukamal".into())
                ),
                ("The coastal".to_owned(), region("coast"))
            ]
        );
        assert_eq!(
            described("They met to talk about the Syrian issue."),
            [("the Syrian issue".to_owned(), region("syria"))]
        );
        assert!(described("The country of origin. The coastal Latakia.").is_empty());
    }
}
