//! Reviewing what ingest drafted from an article, or what an import drafted from a
//! dataset: which drafts are accepted, rejected or still open, and the one batch edit
//! that adds the accepted ones with the article (none for a dataset: its claims cite
//! their records) and the new sources and places they need. Nothing here draws; see
//! [`super::panels::drafts`].

use std::collections::BTreeSet;

use crate::edit::Edit;
use crate::ingest::Drafts;
use crate::model::{Claim, Scenario, Subject};

/// What the analyst decided about a draft.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Decision {
    /// Not decided yet.
    #[default]
    Open,
    /// To be added.
    Accepted,
    /// Not to be added.
    Rejected,
}

/// An article's drafts under review.
#[derive(Clone, Debug, PartialEq)]
pub struct Review {
    /// What ingest found (drafts edited in the claim editor are changed in place).
    pub drafts: Drafts,
    /// One decision per draft.
    pub decisions: Vec<Decision>,
    /// "Accept all above" this confidence.
    pub min_confidence: f32,
    /// For drafts imported from a dataset: its path as the claims cite it. Then
    /// `drafts.document` only names the review (no document is added).
    pub dataset: Option<String>,
}

impl Review {
    /// A review of `drafts`, every draft open.
    pub fn new(drafts: Drafts) -> Self {
        let decisions = vec![Decision::Open; drafts.drafts.len()];
        Self {
            drafts,
            decisions,
            min_confidence: 0.6,
            dataset: None,
        }
    }

    /// A review of drafts imported from a dataset, every draft open and sure (each is
    /// a record of the dataset, not a reading of words).
    pub fn of_import(imported: crate::import::Imported) -> Self {
        let title = format!("import of {}", imported.dataset);
        let drafts = imported
            .drafts
            .into_iter()
            .map(|claim| crate::ingest::Draft {
                claim,
                span: 0..0,
                why: Vec::new(),
                confidence: 1.0,
            })
            .collect();
        let stem = std::path::Path::new(&imported.dataset)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let document = crate::model::Document {
            id: format!("import-{}", crate::ingest::slug(&stem)),
            title,
            publisher: String::new(),
            published: String::new(),
            url: None,
            text_file: String::new(),
            text: String::new(),
        };
        Self {
            dataset: Some(imported.dataset),
            ..Self::new(Drafts {
                document,
                drafts,
                new_sources: imported.new_sources,
                new_places: imported.new_places,
            })
        }
    }

    /// Accepts every open draft at or above the confidence threshold.
    pub fn accept_above(&mut self) {
        for (draft, decision) in self.drafts.drafts.iter().zip(&mut self.decisions) {
            if *decision == Decision::Open && draft.confidence >= self.min_confidence {
                *decision = Decision::Accepted;
            }
        }
    }

    /// How many drafts are accepted.
    pub fn accepted_count(&self) -> usize {
        self.decisions
            .iter()
            .filter(|d| **d == Decision::Accepted)
            .count()
    }

    /// The included file the article's items go to, relative to the main file.
    pub fn added_file(&self) -> String {
        format!("added/{}.ron", self.drafts.document.id)
    }

    /// The scenario as it would be with the article, its new sources and places (not
    /// the claims): what a draft being edited is checked against.
    pub fn preview(&self, scenario: &Scenario) -> Scenario {
        let mut preview = scenario.clone();
        if self.dataset.is_none() {
            preview.documents.push(self.document());
        }
        preview
            .sources
            .extend(self.drafts.new_sources.iter().cloned());
        preview
            .places
            .extend(self.drafts.new_places.iter().cloned());
        preview
    }

    /// The article as a document, its text beside the added file.
    fn document(&self) -> crate::model::Document {
        let mut document = self.drafts.document.clone();
        document.text_file = format!("added/{}.txt", document.id);
        document
    }

    /// The batch adding the article, the new sources and places the accepted drafts
    /// name, and the accepted drafts as claims (ids made unique in `scenario`); `None`
    /// when nothing is accepted.
    pub fn batch(&self, scenario: &Scenario) -> Option<Edit> {
        let accepted: Vec<&Claim> = self
            .drafts
            .drafts
            .iter()
            .zip(&self.decisions)
            .filter(|(_, decision)| **decision == Decision::Accepted)
            .map(|(draft, _)| &draft.claim)
            .collect();
        if accepted.is_empty() {
            return None;
        }
        let named: BTreeSet<&str> = accepted.iter().flat_map(|c| named_ids(c)).collect();
        let document = self.document();
        let mut edits = Vec::new();
        if self.dataset.is_none() {
            edits.push(Edit::AddDocument {
                text: document.text.clone(),
                document,
            });
        }
        edits.extend(
            self.drafts
                .new_sources
                .iter()
                .filter(|s| named.contains(s.id.as_str()))
                .map(|s| Edit::AddSource(s.clone())),
        );
        edits.extend(
            self.drafts
                .new_places
                .iter()
                .filter(|p| named.contains(p.id.as_str()))
                .map(|p| Edit::AddPlace(p.clone())),
        );
        let mut taken: BTreeSet<String> = scenario.claims.iter().map(|c| c.id.clone()).collect();
        for claim in accepted {
            let mut claim = claim.clone();
            claim.id = unique_id(&claim.id, &taken);
            taken.insert(claim.id.clone());
            edits.push(Edit::AddClaim(claim));
        }
        Some(Edit::Batch(edits))
    }
}

/// The ids a claim refers to (places, sources): which proposals it needs.
fn named_ids(claim: &Claim) -> Vec<&str> {
    let mut ids: Vec<&str> = claim.sources().collect();
    if let Subject::Place(id) = &claim.subject {
        ids.push(id);
    }
    ids.extend(claim.scope.places.iter().map(String::as_str));
    ids
}

/// `id`, or `id-2`, `id-3` ... if taken.
fn unique_id(id: &str, taken: &BTreeSet<String>) -> String {
    let mut candidate = id.to_owned();
    let mut n = 2;
    while taken.contains(&candidate) {
        candidate = format!("{id}-{n}");
        n += 1;
    }
    candidate
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use crate::ingest::{ArticleInput, ingest};
    use crate::model::Moment;

    fn mini() -> Scenario {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini.ron");
        crate::io::load_scenario_file(&path).unwrap()
    }

    #[test]
    fn the_batch_adds_the_article_then_the_accepted_claims_with_unique_ids() {
        let mut scenario = mini();
        let article = ArticleInput {
            text: "Observers said the rebels captured Hamlet on Saturday. \
                   The army said it withdrew from Midtown on Saturday."
                .into(),
            published: Moment::parse("2024-12-08T10:00", scenario.offset()).unwrap(),
            publisher: Some("Wire".into()),
            url: None,
            title: None,
        };
        let mut review = Review::new(ingest(&scenario, &article));
        assert_eq!(review.batch(&scenario), None, "nothing accepted yet");
        review.min_confidence = 0.0;
        review.accept_above();
        assert_eq!(review.accepted_count(), review.drafts.drafts.len());
        // A claim already has the first draft's id: the accepted one gets another.
        let mut taken = scenario.claims[0].clone();
        taken.id = review.drafts.drafts[0].claim.id.clone();
        scenario.claims.push(taken);
        let Some(Edit::Batch(edits)) = review.batch(&scenario) else {
            panic!("a batch");
        };
        let Some(Edit::AddDocument { document, text }) = edits.first() else {
            panic!("the article comes first");
        };
        assert_eq!(text, &article.text);
        assert_eq!(document.text_file, format!("added/{}.txt", document.id));
        assert_eq!(review.added_file(), format!("added/{}.ron", document.id));
        let ids: Vec<&str> = edits
            .iter()
            .filter_map(|edit| match edit {
                Edit::AddClaim(claim) => Some(claim.id.as_str()),
                _ => None,
            })
            .collect();
        let first = &review.drafts.drafts[0].claim.id;
        assert_eq!(ids.len(), review.drafts.drafts.len());
        assert_eq!(ids[0], format!("{first}-2"));
    }
}
