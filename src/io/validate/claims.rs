//! Checks of the claims: ids, references, roles, times, credibility and quotes. At a
//! million claims this is most of validation, so claims are checked in one chunk per
//! core, each with its own diagnostics, joined in claim order.

use rustc_hash::FxHashMap;

use super::{At, Checker, Ids, ids, known};
use crate::io::quote_miss::closest_passage;
use crate::io::quotes::QuoteIndex;
use crate::model::{Assertion, Claim, RegionKind, Scenario, Subject};

/// What claims are checked against, shared by every thread.
pub(super) struct Known<'s> {
    pub(super) factions: Ids<'s>,
    pub(super) sources: Ids<'s>,
    pub(super) documents: Ids<'s>,
    pub(super) places: Ids<'s>,
    pub(super) regions: Ids<'s>,
    pub(super) routes: Ids<'s>,
    /// Whether each source (the first with its id) is a baseline source.
    pub(super) baseline: FxHashMap<&'s str, bool>,
    pub(super) offset: jiff::tz::Offset,
    pub(super) quotes: QuoteIndex<'s>,
    /// Each document (the first with its id) and its publication in Unix seconds,
    /// `None` when it does not parse (reported with the documents).
    pub(super) published: FxHashMap<&'s str, (&'s str, Option<i64>)>,
    /// The governorates each region is made of (a governorate is made of itself).
    pub(super) region_governorates: FxHashMap<&'s str, Vec<&'s str>>,
    /// Each place's governorate (the first place with its id).
    pub(super) place_governorate: FxHashMap<&'s str, &'s str>,
}

impl<'s> Known<'s> {
    /// What a claim in `scenario` may refer to.
    pub(super) fn of(scenario: &'s Scenario) -> Self {
        let mut baseline = FxHashMap::default();
        for source in &scenario.sources {
            baseline
                .entry(source.id.as_str())
                .or_insert_with(|| source.is_baseline());
        }
        let mut published = FxHashMap::default();
        for document in &scenario.documents {
            let secs = document
                .published
                .parse::<jiff::Timestamp>()
                .ok()
                .map(|instant| instant.as_second());
            published
                .entry(document.id.as_str())
                .or_insert((document.published.as_str(), secs));
        }
        let mut region_governorates = FxHashMap::default();
        for region in &scenario.regions {
            let governorates = match region.kind {
                RegionKind::Governorate => vec![region.id.as_str()],
                RegionKind::Grouping => region.members.iter().map(String::as_str).collect(),
            };
            region_governorates
                .entry(region.id.as_str())
                .or_insert(governorates);
        }
        let mut place_governorate = FxHashMap::default();
        for place in &scenario.places {
            place_governorate
                .entry(place.id.as_str())
                .or_insert(place.governorate.as_str());
        }
        Known {
            factions: known(ids(&scenario.factions, |f| &f.id)),
            sources: known(ids(&scenario.sources, |s| &s.id)),
            documents: known(ids(&scenario.documents, |d| &d.id)),
            places: known(ids(&scenario.places, |p| &p.id)),
            regions: known(ids(&scenario.regions, |r| &r.id)),
            routes: known(ids(&scenario.routes, |r| &r.id)),
            baseline,
            offset: scenario.offset(),
            quotes: QuoteIndex::new(&scenario.documents),
            published,
            region_governorates,
            place_governorate,
        }
    }
}

impl<'s> Known<'s> {
    /// [`Self::of`] for checking one claim: quotes are found by scanning their
    /// document once rather than by indexing it.
    pub(super) fn for_one_claim(scenario: &'s Scenario) -> Self {
        Self {
            quotes: QuoteIndex::direct(&scenario.documents),
            ..Self::of(scenario)
        }
    }
}

impl Checker<'_> {
    pub(super) fn claims(&mut self, scenario: &Scenario) {
        let known = Known::of(scenario);
        self.claims_against(&scenario.claims, &known);
    }

    /// Checks `claims` (ids, then each claim) against what `known` holds, located in
    /// this checker's text: the scenario's own claims, or an included file's.
    pub(super) fn claims_against(&mut self, claims: &[Claim], known: &Known<'_>) {
        let (_, items) = self.places_of("claims", ids(claims, |c| &c.id));
        let claims: Vec<(&Claim, At<'_>)> = claims.iter().zip(items).collect();
        let found = crate::parallel::map_chunks(&claims, |_, chunk| {
            let mut check = self.fresh();
            for &(claim, item) in chunk {
                check.claim(claim, item, known);
            }
            check.problems
        });
        for problems in found {
            self.problems.append(problems);
        }
    }

    pub(super) fn claim(&mut self, claim: &Claim, item: At<'_>, known: &Known<'_>) {
        let known_ids = match &claim.subject {
            Subject::Place(_) => Some((&known.places, "place")),
            Subject::Region(_) => Some((&known.regions, "region")),
            Subject::Route(_) => Some((&known.routes, "route")),
            Subject::Faction(_) => Some((&known.factions, "faction")),
            Subject::Person(_) => None,
        };
        if let Some((ids, what)) = known_ids {
            self.reference(item, "subject", claim.subject.id(), ids, what);
        }
        if let Subject::Person(name) = &claim.subject
            && name.trim().is_empty()
        {
            let at = self.field_after(item, "subject", None);
            self.report(at, "a Person subject needs the person's name".to_owned());
        }
        self.scope(claim, item, known);
        for faction in claim.actor.iter().chain(&claim.counterpart) {
            self.reference(item, "actor", faction, &known.factions, "faction");
        }
        if claim.assertion.needs_actor() && claim.actor.is_none() {
            let at = self.field_after(item, "assertion", None);
            self.report(
                at,
                format!(
                    "{:?} needs an actor (the faction that acts)",
                    claim.assertion
                ),
            );
        }
        if let Assertion::AdvancedWithin { km } = claim.assertion
            && !(km.is_finite() && km >= 0.0)
        {
            let at = self.field_after(item, "assertion", None);
            self.report(at, format!("distance {km} km must be zero or more"));
        }
        if claim.originators.is_empty() {
            let at = self.field_after(item, "originators", None);
            self.report(
                at,
                format!(
                    "claim {:?} names no originator (who made the statement)",
                    claim.id
                ),
            );
        }
        for source in &claim.originators {
            self.reference(item, "originators", source, &known.sources, "source");
        }
        for source in &claim.via {
            self.reference(item, "via", source, &known.sources, "source");
            if claim.originators.contains(source) {
                let at = self.field_after(item, "via", None);
                let at = self.value_after(at, source);
                self.report(
                    at,
                    format!(
                        "source {source:?} is both an originator and a relay (`via`): a relay only passes on what others said"
                    ),
                );
            }
        }
        self.quote(claim, item, known);
        match claim.when.span(known.offset) {
            Ok(span) => self.dating(claim, span, item, known),
            Err(message) => {
                let at = self.field_after(item, "at", Some(&claim.when.at));
                self.report(at, message);
            }
        }
        if !claim.credibility.is_valid() {
            let at = self.field_after(item, "credibility", None);
            self.report(
                at,
                format!("credibility {} is outside 1..6", claim.credibility.0),
            );
        }
    }

    fn quote(&mut self, claim: &Claim, item: At<'_>, known: &Known<'_>) {
        let is_baseline = known
            .baseline
            .get(claim.first_originator())
            .copied()
            .unwrap_or(false);
        if claim.record.is_some() && (claim.document.is_some() || claim.quote.is_some()) {
            self.report(
                self.offset(item),
                format!(
                    "claim {:?} cites both a document and a dataset record: its evidence is one or the other",
                    claim.id
                ),
            );
        }
        match (&claim.document, &claim.quote) {
            (Some(document), Some(quote)) => {
                self.reference(item, "document", document, &known.documents, "document");
                let unread = self.unread.iter().any(|id| id == document);
                let found = unread || known.quotes.contains(document, quote).unwrap_or(true);
                if !found {
                    let at = self.field_after(item, "quote", Some(quote));
                    let closest = known
                        .quotes
                        .candidate_starts(document, quote)
                        .and_then(|(text, starts)| {
                            closest_passage(text, quote, &starts).map(|miss| miss.describe(text))
                        })
                        .unwrap_or_else(|| format!("no passage is close to {quote:?}"));
                    self.report(
                        at,
                        format!("quote not found verbatim in document {document:?}: {closest}"),
                    );
                }
            }
            (None, None) if claim.record.is_some() => {}
            (None, None) if is_baseline => {}
            (None, None) => self.report(
                self.offset(item),
                format!(
                    "claim {:?} needs a document and a quote, or a dataset record (only baseline sources may omit them)",
                    claim.id
                ),
            ),
            (Some(_), None) => self.report(
                self.offset(item),
                format!("claim {:?} has a document but no quote", claim.id),
            ),
            (None, Some(_)) => self.report(
                self.offset(item),
                format!("claim {:?} has a quote but no document", claim.id),
            ),
        }
    }
}
