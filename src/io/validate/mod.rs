//! Checking a parsed scenario: unique ids, references that resolve, values in range,
//! quotes found verbatim in their documents. Every problem is reported, located in
//! the scenario text (or the bulk claims file).

mod claim_dates;
mod claim_scope;
mod claims;
mod part;
mod sections;
mod value;

pub use part::validate_part;
pub use value::{ClaimChecker, FieldProblem, check_claim};

use rustc_hash::{FxHashMap, FxHashSet};

use super::problems::Problems;
use super::{Diagnostic, Locator, did_you_mean};
use crate::model::{RegionKind, Scenario};

/// Every problem in a parsed scenario, located in `text` (the file it came from).
/// Documents' texts must already be read.
pub fn validate(scenario: &Scenario, file: &str, text: &str) -> Vec<Diagnostic> {
    validate_with_bulk(scenario, file, text, None)
}

/// Claims that came from a bulk file rather than the scenario text: claims from index
/// `first` on, the `n`th of them on line `lines[n]` of `file`.
#[derive(Clone, Copy)]
pub struct BulkClaims<'a> {
    pub file: &'a str,
    pub first: usize,
    pub lines: &'a [usize],
}

/// [`validate`], with problems in bulk-imported claims located in their own file.
pub fn validate_with_bulk(
    scenario: &Scenario,
    file: &str,
    text: &str,
    bulk: Option<BulkClaims<'_>>,
) -> Vec<Diagnostic> {
    validate_loaded(scenario, file, text, bulk, &[])
}

/// [`validate_with_bulk`] when the texts of the documents `unread` (ids) could not be
/// read: that was reported once, at each one's `text_file`, so the quotes from them
/// are not checked (each would be one more "quote not found").
pub fn validate_loaded(
    scenario: &Scenario,
    file: &str,
    text: &str,
    bulk: Option<BulkClaims<'_>>,
    unread: &[String],
) -> Vec<Diagnostic> {
    let locator = Locator::new(text);
    let mut check = Checker {
        file,
        locator: &locator,
        problems: Problems::default(),
        bulk,
        unread,
    };
    check.header(scenario);
    check.factions(scenario);
    check.sources(scenario);
    check.documents(scenario);
    check.regions(scenario);
    check.places(scenario);
    check.routes(scenario);
    check.claims(scenario);
    check.into_diagnostics()
}

/// The ids of one collection.
struct Ids<'s> {
    ids: FxHashSet<&'s str>,
}

impl Ids<'_> {
    fn unknown(&self, id: &str, what: &str) -> Option<String> {
        (!self.ids.contains(id)).then(|| {
            format!(
                "unknown {what} {id:?}{}",
                did_you_mean(id, self.ids.iter().copied())
            )
        })
    }
}

/// Reports problems; one per thread when claims are checked in parallel.
struct Checker<'a> {
    file: &'a str,
    locator: &'a Locator<'a>,
    problems: Problems,
    bulk: Option<BulkClaims<'a>>,
    /// Documents (ids) whose text could not be read: their quotes are not checked.
    unread: &'a [String],
}

/// A position to report: in the scenario text, or a line of the bulk claims file.
#[derive(Clone, Copy)]
enum Pos {
    Text(usize),
    BulkLine(usize),
}

impl From<usize> for Pos {
    fn from(offset: usize) -> Self {
        Self::Text(offset)
    }
}

/// Where an item is written: found in the text only when a problem is reported, since
/// searching the text for every item is quadratic in the size of the file.
#[derive(Clone, Copy)]
enum At<'s> {
    /// A known byte offset.
    Offset(usize),
    /// A line of the bulk claims file.
    BulkLine(usize),
    /// The `nth` item with this id in a top-level list.
    Item {
        section: &'static str,
        id: &'s str,
        nth: usize,
    },
}

impl Checker<'_> {
    /// The byte offset of `at`.
    fn offset(&self, at: At<'_>) -> Pos {
        match at {
            At::Offset(offset) => Pos::Text(offset),
            At::BulkLine(line) => Pos::BulkLine(line),
            At::Item { section, id, nth } => Pos::Text(self.locator.item_in(section, id, nth)),
        }
    }

    /// [`Locator::field_after`] from `at`.
    fn field_after(&self, at: At<'_>, field: &str, value: Option<&str>) -> Pos {
        match self.offset(at) {
            Pos::Text(offset) => Pos::Text(self.locator.field_after(offset, field, value)),
            line => line,
        }
    }

    /// The quoted `value` at or after `pos` (a bulk line stays as it is).
    fn value_after(&self, pos: Pos, value: &str) -> Pos {
        match pos {
            Pos::Text(offset) => Pos::Text(self.locator.value_after(offset, value)),
            line => line,
        }
    }

    fn report(&mut self, pos: impl Into<Pos>, message: String) {
        let (file, line, col) = match (pos.into(), self.bulk) {
            (Pos::BulkLine(line), Some(bulk)) => (bulk.file, line, 1),
            (Pos::Text(offset), _) | (Pos::BulkLine(offset), None) => {
                let (line, col) = self.locator.line_col(offset);
                (self.file, line, col)
            }
        };
        self.keep(Diagnostic {
            file: file.to_owned(),
            line,
            col,
            message,
        });
    }

    /// The problems listed, and one more counting those that were not.
    fn into_diagnostics(self) -> Vec<Diagnostic> {
        self.problems.into_diagnostics()
    }

    /// Lists `diagnostic`, or counts it once [`super::MAX_DIAGNOSTICS`] are listed.
    fn keep(&mut self, diagnostic: Diagnostic) {
        self.problems.push(diagnostic);
    }

    /// A checker like this one with no diagnostics yet (for another thread).
    fn fresh(&self) -> Self {
        Self {
            problems: Problems::default(),
            ..*self
        }
    }

    /// Collects a collection's ids, reporting duplicates; returns where each item is.
    fn ids<'s>(&mut self, section: &'static str, ids: Vec<&'s str>) -> (Ids<'s>, Vec<At<'s>>) {
        let (seen, items) = self.places_of(section, ids);
        let ids = seen
            .into_keys()
            .filter(|id| !id.trim().is_empty())
            .collect();
        (Ids { ids }, items)
    }

    /// [`Self::ids`] without the set of ids: reports duplicates and empty ids, and
    /// returns how often each id occurs and where each item is.
    fn places_of<'s>(
        &mut self,
        section: &'static str,
        ids: Vec<&'s str>,
    ) -> (FxHashMap<&'s str, usize>, Vec<At<'s>>) {
        let mut items = Vec::with_capacity(ids.len());
        let mut seen: FxHashMap<&'s str, usize> =
            FxHashMap::with_capacity_and_hasher(ids.len(), Default::default());
        let bulk = self.bulk.filter(|_| section == "claims");
        for (i, id) in ids.into_iter().enumerate() {
            let before = seen.entry(id).or_insert(0);
            let item = match bulk {
                Some(bulk) if i >= bulk.first => {
                    At::BulkLine(bulk.lines.get(i - bulk.first).copied().unwrap_or(1))
                }
                _ => At::Item {
                    section,
                    id,
                    nth: *before,
                },
            };
            *before += 1;
            if id.is_empty() || (id.starts_with(char::is_whitespace) && id.trim().is_empty()) {
                let offset = self.offset(item);
                self.report(offset, format!("empty id in {section}"));
            } else if *before > 1 {
                let offset = self.offset(item);
                self.report(offset, format!("duplicate id {id:?} in {section}"));
            }
            items.push(item);
        }
        (seen, items)
    }

    /// Reports `id` at the `field` of the item at `item` when it is not in `known`.
    fn reference(&mut self, item: At<'_>, field: &str, id: &str, known: &Ids<'_>, what: &str) {
        if let Some(message) = known.unknown(id, what) {
            let offset = self.field_after(item, field, Some(id));
            self.report(offset, message);
        }
    }
}

/// Ids of another collection, for references (duplicates are reported elsewhere).
fn known(ids: Vec<&str>) -> Ids<'_> {
    Ids {
        ids: ids.into_iter().collect(),
    }
}

fn ids<T>(items: &[T], id: impl Fn(&T) -> &String) -> Vec<&str> {
    items.iter().map(|item| id(item).as_str()).collect()
}

/// Ids of the regions that are governorates (places and groupings refer to these).
fn governorate_ids(scenario: &Scenario) -> Ids<'_> {
    known(
        scenario
            .regions
            .iter()
            .filter(|region| region.kind == RegionKind::Governorate)
            .map(|region| region.id.as_str())
            .collect(),
    )
}
