//! `frontline list sources|places|factions`: a scenario's ids and what they stand for,
//! sorted by id, as a table or as JSON (`docs/schemas/list.schema.json`).

use std::fmt::Write as _;

use serde::Serialize;

use super::report::JSON_FORMAT_VERSION;
use super::{Format, ListWhat, to_json};
use crate::model::Scenario;

/// Output of `frontline list`: one of the three lists.
#[derive(Debug, Serialize)]
pub struct ListReport {
    /// The version of this JSON contract.
    pub format_version: u32,
    /// `list sources`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sources: Option<Vec<SourceRow>>,
    /// `list places`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub places: Option<Vec<PlaceRow>>,
    /// `list factions`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub factions: Option<Vec<FactionRow>>,
}

/// One source.
#[derive(Debug, Serialize)]
pub struct SourceRow {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its kind (`news_agency`, `party_to_fight`, ...).
    pub kind: String,
    /// Its reliability grade, A to F.
    pub grade: String,
    /// The faction it speaks for, if any.
    pub affiliation: Option<String>,
}

/// One place.
#[derive(Debug, Serialize)]
pub struct PlaceRow {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its kind (`city`, `town`, ...).
    pub kind: String,
    /// The id of its governorate region.
    pub governorate: String,
    /// Other spellings it is known by.
    pub aliases: Vec<String>,
}

/// One faction.
#[derive(Debug, Serialize)]
pub struct FactionRow {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its short label.
    pub short: String,
    /// Its kind (`government`, `rebel_coalition`, ...).
    pub kind: String,
}

/// The snake_case name serde gives a unit enum variant.
fn serde_name(value: &impl Serialize) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(name)) => name,
        _ => String::new(),
    }
}

/// The list of `what` in `scenario`, sorted by id.
pub fn list_report(scenario: &Scenario, what: ListWhat) -> ListReport {
    let mut report = ListReport {
        format_version: JSON_FORMAT_VERSION,
        sources: None,
        places: None,
        factions: None,
    };
    match what {
        ListWhat::Sources => {
            let mut rows: Vec<SourceRow> = scenario
                .sources
                .iter()
                .map(|source| SourceRow {
                    id: source.id.clone(),
                    name: source.name.clone(),
                    kind: source.kind.as_str().to_owned(),
                    grade: format!("{:?}", source.reliability),
                    affiliation: source.affiliation.clone(),
                })
                .collect();
            rows.sort_by(|a, b| a.id.cmp(&b.id));
            report.sources = Some(rows);
        }
        ListWhat::Places => {
            let mut rows: Vec<PlaceRow> = scenario
                .places
                .iter()
                .map(|place| PlaceRow {
                    id: place.id.clone(),
                    name: place.name.clone(),
                    kind: serde_name(&place.kind),
                    governorate: place.governorate.clone(),
                    aliases: place.aliases.clone(),
                })
                .collect();
            rows.sort_by(|a, b| a.id.cmp(&b.id));
            report.places = Some(rows);
        }
        ListWhat::Factions => {
            let mut rows: Vec<FactionRow> = scenario
                .factions
                .iter()
                .map(|faction| FactionRow {
                    id: faction.id.clone(),
                    name: faction.name.clone(),
                    short: faction.short.clone(),
                    kind: serde_name(&faction.kind),
                })
                .collect();
            rows.sort_by(|a, b| a.id.cmp(&b.id));
            report.factions = Some(rows);
        }
    }
    report
}

/// `list` in `format`.
pub fn list(scenario: &Scenario, what: ListWhat, format: Format) -> String {
    let report = list_report(scenario, what);
    match format {
        Format::Json => to_json(&report),
        Format::Table => list_table(&report),
    }
}

/// Rows of cells as aligned columns, the last column unpadded.
fn columns(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|cell| cell.chars().count()).collect();
    for row in rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    let header: Vec<String> = header.iter().map(|cell| (*cell).to_owned()).collect();
    for row in std::iter::once(&header).chain(rows) {
        let mut line = String::new();
        for (i, (cell, width)) in row.iter().zip(&widths).enumerate() {
            if i + 1 == row.len() {
                line.push_str(cell);
            } else {
                let _ = write!(line, "{cell:<width$}  ");
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// `list` as a table.
fn list_table(report: &ListReport) -> String {
    if let Some(sources) = &report.sources {
        let rows: Vec<Vec<String>> = sources
            .iter()
            .map(|s| {
                vec![
                    s.id.clone(),
                    s.grade.clone(),
                    s.kind.clone(),
                    s.affiliation.clone().unwrap_or_else(|| "-".into()),
                    s.name.clone(),
                ]
            })
            .collect();
        return columns(&["id", "grade", "kind", "affiliation", "name"], &rows);
    }
    if let Some(places) = &report.places {
        let rows: Vec<Vec<String>> = places
            .iter()
            .map(|p| {
                vec![
                    p.id.clone(),
                    p.kind.clone(),
                    p.governorate.clone(),
                    p.name.clone(),
                    p.aliases.join(", "),
                ]
            })
            .collect();
        return columns(&["id", "kind", "governorate", "name", "aliases"], &rows);
    }
    let rows: Vec<Vec<String>> = report
        .factions
        .iter()
        .flatten()
        .map(|f| {
            vec![
                f.id.clone(),
                f.short.clone(),
                f.kind.clone(),
                f.name.clone(),
            ]
        })
        .collect();
    columns(&["id", "short", "kind", "name"], &rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_align_and_leave_the_last_unpadded() {
        let rows = vec![
            vec!["a".to_owned(), "long value".to_owned(), "x".to_owned()],
            vec!["bbb".to_owned(), "v".to_owned(), String::new()],
        ];
        assert_eq!(
            columns(&["id", "value", "last"], &rows),
            "id   value       last\na    long value  x\nbbb  v\n"
        );
    }
}
