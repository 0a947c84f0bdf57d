//! Ingest: text in, draft claims out. A rule-based, deterministic, offline extractor
//! that reads a news article and proposes claims (with the words that support each,
//! and how sure it is), new sources and new places for an analyst to accept.
//!
//! The pipeline, per sentence ([`sentences`]): place and region names ([`mentions`],
//! [`gazetteer`]), sides ([`factions`]), who says it ([`attribution`], [`sources`]),
//! what is asserted ([`assertions`]) and when ([`dates`]); [`extract`] ties them into
//! drafts. Drafts are never claims until accepted. Nothing here knows about the window.

pub mod assertions;
pub mod attribution;
pub mod dates;
mod document;
pub mod draft;
pub mod extract;
pub mod factions;
pub mod gazetteer;
pub mod mentions;
pub mod sentences;
pub mod sources;

use std::ops::Range;

use serde::Serialize;

use crate::model::{Claim, Document, Moment, Place, Scenario, Source, SourceKind, fold};

pub use document::document_for;

/// The article to read.
#[derive(Clone, Debug, PartialEq)]
pub struct ArticleInput {
    /// The full text.
    pub text: String,
    /// When it was published (relative dates are read from it).
    pub published: Moment,
    /// Who published it, if known.
    pub publisher: Option<String>,
    /// Where it was published, if known.
    pub url: Option<String>,
    /// Its headline, if known (else the first line when it reads as one).
    pub title: Option<String>,
}

/// What an article yields: its document, the drafts, and what they need that the
/// scenario lacks.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Drafts {
    /// The article as a document of the scenario.
    pub document: Document,
    /// The proposed claims, in text order.
    pub drafts: Vec<Draft>,
    /// Sources the drafts name that the scenario lacks.
    pub new_sources: Vec<Source>,
    /// Places the drafts name that the scenario lacks (GeoNames places, facilities).
    pub new_places: Vec<Place>,
}

/// A proposed claim, with why and how sure.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Draft {
    /// The claim as it would be accepted (its quote is `text[span]`).
    pub claim: Claim,
    /// Byte span of the quote in the article.
    pub span: Range<usize>,
    /// The words that made the draft.
    pub why: Vec<Evidence>,
    /// How sure, 0..1; see [`extract::confidence`].
    pub confidence: f32,
}

/// Words of the article that support a draft.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Evidence {
    /// What the words are evidence of.
    pub kind: EvidenceKind,
    /// Byte span in the article.
    pub range: Range<usize>,
    /// The words.
    pub text: String,
    /// What they were read as ("place daraa", "source rebel-sources").
    pub meaning: String,
}

/// What a piece of evidence shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceKind {
    /// A place or region name.
    Place,
    /// The subject carried over from the previous sentence.
    Topic,
    /// A side.
    Faction,
    /// Who says it.
    Attribution,
    /// The assertion's words.
    Verb,
    /// A date or time of day.
    Time,
    /// Words that make it hypothetical ("would", "if"): downgraded to a statement.
    Hedge,
}

/// New sources and places proposed while reading, without duplicates.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Proposals {
    /// Proposed sources.
    pub new_sources: Vec<Source>,
    /// Proposed places.
    pub new_places: Vec<Place>,
    text: String,
}

impl Proposals {
    /// Adds `place` unless a place with its id is proposed already; returns the id.
    pub fn add_place(&mut self, place: Place) -> String {
        let id = place.id.clone();
        if !self.new_places.iter().any(|p| p.id == id) {
            self.new_places.push(place);
        }
        id
    }

    /// Adds a source named `name` (or finds the proposed one of that name); returns its
    /// id, unique among the scenario's sources.
    pub fn add_source(
        &mut self,
        scenario: &Scenario,
        name: &str,
        kind: SourceKind,
        affiliation: Option<String>,
    ) -> String {
        if let Some(source) = self
            .new_sources
            .iter()
            .find(|s| fold(&s.name) == fold(name))
        {
            return source.id.clone();
        }
        let bare = name.trim_start_matches(|c: char| !c.is_alphanumeric());
        let bare = ["the ", "The ", "a ", "A ", "an ", "An "]
            .iter()
            .find_map(|article| bare.strip_prefix(article))
            .unwrap_or(bare);
        let base = slug(bare);
        let taken = |id: &str| {
            scenario.source_by_id(id).is_some() || self.new_sources.iter().any(|s| s.id == id)
        };
        let mut id = base.clone();
        let mut n = 2;
        while taken(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.new_sources
            .push(sources::new_source(id.clone(), name, kind, affiliation));
        id
    }

    /// The article's words over token indices `span`.
    pub fn text_of(&self, tokens: &[sentences::Token], span: Range<usize>) -> String {
        let (Some(first), Some(last)) = (
            tokens.get(span.start),
            span.end.checked_sub(1).and_then(|l| tokens.get(l)),
        ) else {
            return String::new();
        };
        self.text
            .get(first.range.start..last.range.end)
            .unwrap_or("")
            .to_owned()
    }
}

/// Lower-case ASCII id words joined by hyphens ("Saydnaya Military Prison" →
/// "saydnaya-military-prison").
pub fn slug(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars() {
        let folded = fold(&c.to_string());
        match folded.chars().next() {
            Some(c) if c.is_ascii_alphanumeric() => slug.push(c),
            _ if !slug.ends_with('-') && !slug.is_empty() && !matches!(c, '\'' | '’' | '‘') => {
                slug.push('-')
            }
            _ => {}
        }
    }
    slug.trim_end_matches('-').to_owned()
}

/// Reads `article` against `scenario`: its places, regions, sides and sources.
pub fn ingest(scenario: &Scenario, article: &ArticleInput) -> Drafts {
    let document = document_for(scenario, article);
    let mut proposals = Proposals {
        text: article.text.clone(),
        ..Proposals::default()
    };
    let drafts = extract::extract(scenario, article, &document.id, &mut proposals);
    Drafts {
        document,
        drafts,
        new_sources: proposals.new_sources,
        new_places: proposals.new_places,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_ascii_ids() {
        assert_eq!(slug("Saydnaya Military Prison"), "saydnaya-military-prison");
        assert_eq!(slug("Dar'a"), "dara");
        assert_eq!(slug("Ḩamāh airport"), "hamah-airport");
    }
}
