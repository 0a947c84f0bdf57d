//! Claims against their documents' publication: a document cannot report what
//! happened after it was published, and an undated (reported) claim is dated by its
//! document's publication.

use super::claims::Known;
use super::{At, Checker};
use crate::model::{Claim, Precision, TimeSpan};

impl Checker<'_> {
    /// Checks the claim's dates (`span`, already parsed) against its document.
    pub(super) fn dating(
        &mut self,
        claim: &Claim,
        span: TimeSpan,
        item: At<'_>,
        known: &Known<'_>,
    ) {
        let published = claim
            .document
            .as_deref()
            .and_then(|document| Some((document, *known.published.get(document)?)));
        if claim.when.precision == Precision::Reported {
            let Some((document, (published_text, published_secs))) = published else {
                // A dataset record's date is when it was reported.
                if claim.document.is_none() && claim.record.is_none() {
                    let at = self.field_after(item, "precision", None);
                    self.report(
                        at,
                        format!(
                            "claim {:?} is undated (`precision: reported`) but names no document: its `at` must be a document's publication (or a dataset record's date)",
                            claim.id
                        ),
                    );
                }
                return;
            };
            // An unparsable publication is reported with the documents.
            if published_secs.is_some_and(|secs| secs != span.end_secs) {
                let at = self.field_after(item, "at", Some(&claim.when.at));
                self.report(
                    at,
                    format!(
                        "an undated (reported) claim takes effect when its document {document:?} was published: write `at: {published_text:?}`"
                    ),
                );
            }
            return;
        }
        let Some((document, (published_text, Some(published_secs)))) = published else {
            return;
        };
        if span.start_secs > published_secs {
            let at = self.field_after(item, "at", Some(&claim.when.at));
            self.report(
                at,
                format!(
                    "claim {:?} is dated {:?} ({}), after its document {document:?} was published ({published_text})",
                    claim.id,
                    claim.when.at,
                    claim.when.precision.label()
                ),
            );
        }
    }
}
