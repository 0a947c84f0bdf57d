//! Adding, changing and removing sources, documents and factions; each is refused
//! before anything changes when it would leave an unknown reference, a duplicate id,
//! or a claim that no longer checks. Collections stay sorted by id.

use super::command::{Edit, EditError, problem};
use crate::io::{FieldProblem, check_claim};
use crate::model::{Document, Faction, Scenario, Source, rgb_from_hex};

pub(super) use super::places::{add_place, change_place, remove_place};

/// Where an item with `id` is, or goes, in a list sorted by id.
pub(super) fn slot<T>(list: &[T], id: &str, key: impl Fn(&T) -> &str) -> Result<usize, usize> {
    list.binary_search_by(|item| key(item).cmp(id))
}

/// Refuses an empty id or one already in the list; else where the new item goes.
pub(super) fn free_slot<T>(
    list: &[T],
    kind: &'static str,
    id: &str,
    key: impl Fn(&T) -> &str,
) -> Result<usize, EditError> {
    if id.trim().is_empty() {
        return Err(EditError::EmptyId { kind });
    }
    slot(list, id, key)
        .err()
        .ok_or_else(|| EditError::DuplicateId {
            kind,
            id: id.to_owned(),
        })
}

/// Where the item with `id` is, or that there is none.
pub(super) fn found<T>(
    list: &[T],
    kind: &'static str,
    id: &str,
    key: impl Fn(&T) -> &str,
) -> Result<usize, EditError> {
    slot(list, id, key).map_err(|_| EditError::NotFound {
        kind,
        id: id.to_owned(),
    })
}

/// An error for problems, if there are any.
pub(super) fn refuse(
    kind: &'static str,
    id: &str,
    problems: Vec<FieldProblem>,
) -> Result<(), EditError> {
    if problems.is_empty() {
        Ok(())
    } else {
        Err(EditError::Invalid {
            kind,
            id: id.to_owned(),
            problems,
        })
    }
}

/// Refuses removing an item that `users` (ids of what refers to it) still use.
pub(super) fn unused(kind: &'static str, id: &str, users: Vec<String>) -> Result<(), EditError> {
    if users.is_empty() {
        return Ok(());
    }
    const SHOWN: usize = 5;
    let mut shown: Vec<String> = users.iter().take(SHOWN).cloned().collect();
    if users.len() > SHOWN {
        shown.push(format!("{} more", users.len() - SHOWN));
    }
    Err(EditError::InUse {
        kind,
        id: id.to_owned(),
        users: shown,
    })
}

/// Problems of the claims `uses` selects, were they checked against `scenario` now:
/// a change to something claims refer to must leave them valid.
pub(super) fn claims_still_valid(
    scenario: &Scenario,
    field: &str,
    uses: impl Fn(&crate::model::Claim) -> bool,
) -> Vec<FieldProblem> {
    scenario
        .claims
        .iter()
        .filter(|claim| uses(claim))
        .flat_map(|claim| {
            check_claim(scenario, claim).into_iter().map(|found| {
                problem(
                    field,
                    format!("claim {:?} would not check: {found}", claim.id),
                )
            })
        })
        .collect()
}

fn source_problems(scenario: &Scenario, source: &Source) -> Vec<FieldProblem> {
    let mut problems = Vec::new();
    if let Some(faction) = &source.affiliation
        && scenario.faction_index(faction).is_none()
    {
        problems.push(problem(
            "affiliation",
            format!("unknown faction {faction:?}"),
        ));
    }
    problems
}

pub(super) fn add_source(scenario: &mut Scenario, source: Source) -> Result<Edit, EditError> {
    let at = free_slot(&scenario.sources, "source", &source.id, |s| &s.id)?;
    refuse("source", &source.id, source_problems(scenario, &source))?;
    let id = source.id.clone();
    scenario.sources.insert(at, source);
    Ok(Edit::RemoveSource { id })
}

pub(super) fn change_source(
    scenario: &mut Scenario,
    id: String,
    source: Source,
) -> Result<Edit, EditError> {
    let at = found(&scenario.sources, "source", &id, |s| &s.id)?;
    if source.id != id {
        let new = source.id;
        return Err(EditError::IdChanged {
            kind: "source",
            id,
            new,
        });
    }
    refuse("source", &id, source_problems(scenario, &source))?;
    // Tried in place, then put back if a claim naming the source no longer checks
    // (a source that stops being a baseline one needs its claims quoted).
    let old = std::mem::replace(&mut scenario.sources[at], source);
    let broken = claims_still_valid(scenario, "kind", |claim| claim.sources().any(|s| s == id));
    if !broken.is_empty() {
        scenario.sources[at] = old;
        return Err(EditError::Invalid {
            kind: "source",
            id,
            problems: broken,
        });
    }
    Ok(Edit::ChangeSource { id, source: old })
}

pub(super) fn remove_source(scenario: &mut Scenario, id: &str) -> Result<Edit, EditError> {
    let at = found(&scenario.sources, "source", id, |s| &s.id)?;
    let users = scenario
        .claims
        .iter()
        .filter(|claim| claim.sources().any(|source| source == id))
        .map(|claim| format!("claim {:?}", claim.id))
        .collect();
    unused("source", id, users)?;
    Ok(Edit::AddSource(scenario.sources.remove(at)))
}

pub(super) fn add_document(
    scenario: &mut Scenario,
    mut document: Document,
    text: String,
) -> Result<Edit, EditError> {
    let at = free_slot(&scenario.documents, "document", &document.id, |d| &d.id)?;
    let mut problems = Vec::new();
    if document.published.parse::<jiff::Timestamp>().is_err() {
        let message = format!("{:?} is not an RFC 3339 time", document.published);
        problems.push(problem("published", message));
    }
    if document.text_file.trim().is_empty() {
        problems.push(problem(
            "text_file",
            "a document needs the file its text is kept in",
        ));
    }
    refuse("document", &document.id, problems)?;
    document.text = text;
    let id = document.id.clone();
    scenario.documents.insert(at, document);
    Ok(Edit::RemoveDocument { id })
}

pub(super) fn remove_document(scenario: &mut Scenario, id: &str) -> Result<Edit, EditError> {
    let at = found(&scenario.documents, "document", id, |d| &d.id)?;
    let users = scenario
        .claims
        .iter()
        .filter(|claim| claim.document.as_deref() == Some(id))
        .map(|claim| format!("claim {:?}", claim.id))
        .collect();
    unused("document", id, users)?;
    let mut document = scenario.documents.remove(at);
    let text = std::mem::take(&mut document.text);
    Ok(Edit::AddDocument { document, text })
}

pub(super) fn add_faction(scenario: &mut Scenario, faction: Faction) -> Result<Edit, EditError> {
    let at = free_slot(&scenario.factions, "faction", &faction.id, |f| &f.id)?;
    let mut problems = Vec::new();
    if rgb_from_hex(&faction.color).is_none() {
        problems.push(problem(
            "color",
            format!("{:?} is not #rrggbb", faction.color),
        ));
    }
    for ally in &faction.allies {
        if scenario.faction_index(ally).is_none() {
            problems.push(problem("allies", format!("unknown faction {ally:?}")));
        }
    }
    refuse("faction", &faction.id, problems)?;
    let id = faction.id.clone();
    scenario.factions.insert(at, faction);
    Ok(Edit::RemoveFaction { id })
}

pub(super) fn remove_faction(scenario: &mut Scenario, id: &str) -> Result<Edit, EditError> {
    let at = found(&scenario.factions, "faction", id, |f| &f.id)?;
    let is = |faction: &Option<String>| faction.as_deref() == Some(id);
    let claims = scenario.claims.iter().filter(|claim| {
        is(&claim.actor)
            || is(&claim.counterpart)
            || claim.subject == crate::model::Subject::Faction(id.to_owned())
    });
    let users = claims
        .map(|claim| format!("claim {:?}", claim.id))
        .chain(
            scenario
                .sources
                .iter()
                .filter(|source| is(&source.affiliation))
                .map(|source| format!("source {:?}", source.id)),
        )
        .chain(
            scenario
                .factions
                .iter()
                .filter(|faction| faction.allies.iter().any(|ally| ally == id))
                .map(|faction| format!("faction {:?}", faction.id)),
        )
        .collect();
    unused("faction", id, users)?;
    Ok(Edit::AddFaction(scenario.factions.remove(at)))
}
