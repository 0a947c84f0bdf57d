//! Adding articles and claims from the window: ingest's drafts reviewed and added as
//! one step, and the claim editor opened on a new claim, a claim or a draft, and
//! saved.

use super::FrontlineApp;
use super::claim_editor::{ClaimEditor, EditorTarget};
use super::review::{Decision, Review};
use crate::edit::Edit;
use crate::ingest::ArticleInput;
use crate::model::{Claim, Moment};

impl FrontlineApp {
    /// Runs ingest on `article` against the scenario and opens its drafts for review.
    pub fn read_article(&mut self, article: &ArticleInput) {
        let drafts = crate::ingest::ingest(self.world.scenario(), article);
        self.notice = Some(format!(
            "Read {}: {} drafts",
            drafts.document.id,
            drafts.drafts.len()
        ));
        self.panels.review = Some(Review::new(drafts));
        self.panels.article.open = false;
    }

    /// Imports the rows of an ACLED CSV (inside the scenario's folder) as drafts and
    /// opens them for review; errors (every bad row, located) open in their window.
    pub fn import_acled(&mut self, path: &std::path::Path) {
        let scenario_path = self.workspace.path().to_owned();
        match crate::import::acled_in_folder(self.world.scenario(), &scenario_path, path) {
            Ok(imported) => {
                self.notice = Some(format!(
                    "Read {}: {} drafts",
                    imported.dataset,
                    imported.drafts.len()
                ));
                self.panels.review = Some(Review::of_import(imported));
            }
            Err(err) => self
                .panels
                .show_load_error("Cannot import the ACLED file", &err),
        }
    }

    /// Adds the reviewed article with its accepted drafts, in one undo step (into
    /// `added/<document id>.ron`); the review closes when it worked.
    pub fn add_accepted(&mut self) {
        let Some(review) = &self.panels.review else {
            return;
        };
        let Some(batch) = review.batch(self.world.scenario()) else {
            self.notice = Some("No draft is accepted".into());
            return;
        };
        let added_file = review.added_file();
        // Sending new items to the article's file changes the includes; a refused
        // batch must leave the workspace as it was.
        let before = self.workspace.clone();
        self.workspace.set_added_file(&added_file);
        if self.edit(batch).is_ok() {
            self.panels.review = None;
            self.panels.editor = None;
        } else {
            self.workspace = before;
        }
    }

    /// Opens the claim editor on claim `c`, or on a new claim.
    pub fn open_claim_editor(&mut self, c: Option<usize>) {
        let scenario = self.world.scenario();
        let editor = match c.and_then(|c| scenario.claims.get(c)) {
            Some(claim) => ClaimEditor::new(EditorTarget::Claim(claim.id.clone()), claim.clone()),
            None => {
                let offset = scenario.offset();
                let today = Moment::from_unix_secs(self.now_secs())
                    .local_date(offset)
                    .to_string();
                ClaimEditor::new_claim(scenario, &today)
            }
        };
        self.panels.editor = Some(editor);
    }

    /// Opens the claim editor on draft `n` of the review.
    pub fn open_draft_editor(&mut self, n: usize) {
        let Some(draft) = self
            .panels
            .review
            .as_ref()
            .and_then(|r| r.drafts.drafts.get(n))
        else {
            return;
        };
        self.panels.editor = Some(ClaimEditor::new(
            EditorTarget::Draft(n),
            draft.claim.clone(),
        ));
    }

    /// The claim editor's OK: adds or changes the claim (one undo step), or changes
    /// the draft and accepts it. The editor closes when it worked.
    pub fn save_claim(&mut self, target: EditorTarget, claim: Claim) {
        let worked = match target {
            EditorTarget::New => self.edit(Edit::AddClaim(claim)).is_ok(),
            EditorTarget::Claim(id) => self.edit(Edit::ChangeClaim { id, claim }).is_ok(),
            EditorTarget::Draft(n) => {
                let review = self.panels.review.as_mut();
                match review
                    .and_then(|r| Some((r.drafts.drafts.get_mut(n)?, r.decisions.get_mut(n)?)))
                {
                    Some((draft, decision)) => {
                        draft.claim = claim;
                        *decision = Decision::Accepted;
                        true
                    }
                    None => false,
                }
            }
        };
        if worked {
            self.panels.editor = None;
        }
    }
}
