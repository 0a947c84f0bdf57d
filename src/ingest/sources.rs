//! Who a phrase names as a source: a source the scenario knows (by name, folded, word
//! for word), the speaking side for "the rebels" or "both sides", or a new source
//! with a kind read from general news words ("Reuters" → news agency, "residents" →
//! eyewitness, "a Syria expert" → expert, "sources" → unnamed official ...).

use crate::model::{FactionKind, Reliability, Scenario, Source, SourceKind, fold};

use super::Proposals;

/// Words that give a new source its kind, checked in this order.
const KIND_WORDS: [(SourceKind, &[&str]); 11] = [
    (
        SourceKind::NewsAgency,
        &[
            "reuters",
            "afp",
            "ap",
            "associatedpress",
            "agencefrancepresse",
            "dpa",
            "anadolu",
            "xinhua",
            "tass",
            "efe",
            "ansa",
        ],
    ),
    (
        SourceKind::StateMedia,
        &[
            "sana",
            "statetelevision",
            "statetv",
            "statemedia",
            "staterun",
            "statenewsagency",
        ],
    ),
    (
        SourceKind::MonitoringGroup,
        &[
            "observatory",
            "monitor",
            "monitors",
            "monitoringgroup",
            "sohr",
            "acled",
        ],
    ),
    (
        SourceKind::SocialMediaChannel,
        &["telegram", "twitter", "facebook", "youtube", "instagram"],
    ),
    (
        SourceKind::NewsOutlet,
        &[
            "aljazeera",
            "alarabiya",
            "cnn",
            "bbc",
            "newspaper",
            "outlet",
            "broadcaster",
            "television",
            "tv",
            "daily",
            "magazine",
        ],
    ),
    (
        SourceKind::Expert,
        &[
            "expert",
            "analyst",
            "professor",
            "researcher",
            "scholar",
            "university",
            "institute",
            "fellow",
        ],
    ),
    (
        SourceKind::Diplomat,
        &["diplomat", "diplomats", "ambassador", "envoy"],
    ),
    (
        SourceKind::Eyewitness,
        &[
            "resident",
            "residents",
            "witness",
            "witnesses",
            "eyewitness",
            "eyewitnesses",
            "neighbors",
            "neighbours",
            "local",
            "locals",
            "activist",
            "activists",
            "doctor",
            "doctors",
        ],
    ),
    (
        SourceKind::UnnamedOfficial,
        &[
            "source",
            "sources",
            "insider",
            "insiders",
            "official",
            "officials",
            "people",
        ],
    ),
    (
        SourceKind::ForeignGovernment,
        &[
            "minister",
            "ministry",
            "spokesperson",
            "spokesman",
            "spokeswoman",
            "president",
            "authorities",
            "government",
            "presidency",
            "embassy",
        ],
    ),
    (
        SourceKind::PartyToFight,
        &[
            "commander",
            "commanders",
            "fighters",
            "militia",
            "militias",
            "rebels",
            "military",
            "army",
            "forces",
        ],
    ),
];

/// The kind a new source named by `words` (folded) has, if any word says.
pub fn kind_of(words: &[String]) -> Option<SourceKind> {
    let joined: String = words.concat();
    KIND_WORDS.iter().find_map(|(kind, keys)| {
        keys.iter()
            .any(|key| words.iter().any(|w| w == key) || (key.len() > 6 && joined.contains(key)))
            .then_some(*kind)
    })
}

/// The words of a source name, folded, without its leading article or a
/// parenthesised note ("a government spokesperson (Iraq)" → government, spokesperson).
pub fn name_words(name: &str) -> Vec<String> {
    let bare = name.split('(').next().unwrap_or("");
    let mut words: Vec<String> = bare
        .split(|c: char| c.is_whitespace() || c == ',')
        .map(fold)
        .filter(|w| !w.is_empty())
        .collect();
    if words
        .first()
        .is_some_and(|w| matches!(w.as_str(), "the" | "a" | "an"))
    {
        words.remove(0);
    }
    words
}

fn contains(haystack: &[String], needle: &[String]) -> bool {
    !needle.is_empty()
        && haystack
            .windows(needle.len())
            .any(|window| window == needle)
}

/// The known source `words` names: the same words, else the longest source name inside
/// them ("Syrian rebels" → "the rebels"), else the shortest source name they are a
/// part of (two words or more).
pub fn known<'a>(
    scenario: &'a Scenario,
    proposals: &'a Proposals,
    words: &[String],
) -> Option<&'a Source> {
    let all = || {
        scenario
            .sources
            .iter()
            .chain(&proposals.new_sources)
            .filter(|s| !s.is_context())
    };
    let named = |s: &&Source| name_words(&s.name);
    if let Some(source) = all().find(|s| named(s) == words) {
        return Some(source);
    }
    let inside = all()
        .filter(|s| contains(words, &named(s)))
        .max_by_key(|s| named(s).len());
    if inside.is_some() {
        return inside;
    }
    if words.len() < 2 {
        return None;
    }
    all()
        .filter(|s| contains(&named(s), words) && words.len() * 2 >= named(s).len())
        .min_by_key(|s| s.name.len())
}

/// The source that speaks for `faction`: a known party (or government) source with
/// that affiliation, the shortest-named; else a new one named after the faction.
pub fn party(scenario: &Scenario, proposals: &mut Proposals, faction: &str) -> String {
    let speaks = |s: &&Source| {
        s.affiliation.as_deref() == Some(faction)
            && matches!(
                s.kind,
                SourceKind::PartyToFight | SourceKind::ForeignGovernment
            )
    };
    let found = scenario
        .sources
        .iter()
        .chain(&proposals.new_sources)
        .filter(speaks)
        .min_by_key(|s| s.name.len());
    if let Some(source) = found {
        return source.id.clone();
    }
    let (name, kind) = match scenario
        .faction_index(faction)
        .map(|f| &scenario.factions[f])
    {
        Some(f) if f.kind == FactionKind::ForeignState => {
            (f.name.clone(), SourceKind::ForeignGovernment)
        }
        Some(f) => (f.name.clone(), SourceKind::PartyToFight),
        None => (faction.to_owned(), SourceKind::PartyToFight),
    };
    proposals.add_source(scenario, &name, kind, Some(faction.to_owned()))
}

/// A new source, graded F (cannot be judged) until an analyst grades it.
pub fn new_source(id: String, name: &str, kind: SourceKind, affiliation: Option<String>) -> Source {
    Source {
        id,
        name: name.to_owned(),
        kind,
        affiliation,
        reliability: Reliability::F,
        reliability_reason:
            "Proposed by `frontline ingest` from the article's words; not yet graded.".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(text: &str) -> Vec<String> {
        text.split_whitespace().map(fold).collect()
    }

    #[test]
    fn kinds_come_from_general_words() {
        assert_eq!(kind_of(&folded("Reuters")), Some(SourceKind::NewsAgency));
        assert_eq!(
            kind_of(&folded("the Syrian Observatory for Human Rights")),
            Some(SourceKind::MonitoringGroup)
        );
        assert_eq!(kind_of(&folded("residents")), Some(SourceKind::Eyewitness));
        assert_eq!(kind_of(&folded("a Syria expert")), Some(SourceKind::Expert));
        assert_eq!(
            kind_of(&folded("two security sources")),
            Some(SourceKind::UnnamedOfficial)
        );
        assert_eq!(kind_of(&folded("the weather")), None);
        assert_eq!(
            name_words("a government spokesperson (Iraq)"),
            folded("government spokesperson")
        );
    }
}
