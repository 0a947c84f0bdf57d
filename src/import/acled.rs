//! ACLED rows in: each row of an ACLED CSV (ACLED's own downloads, or what
//! `export --format acled` writes) becomes a draft claim whose evidence is the row.
//! Every row is read before anything is proposed: one bad row fails the whole import,
//! with each bad row located as `file:line:col`.

use super::actors::ActorMap;
use super::places::{Location, subject_of};
use super::{Imported, TakenIds};
use crate::export::formats::acled_codes::{assertion_of, precision_of};
use crate::ingest::{Proposals, slug};
use crate::io::datasets::{DatasetRow, csv_rows};
use crate::io::{Diagnostic, LoadError};
use crate::model::{
    Assertion, Claim, Credibility, Record, Scenario, Scope, SourceKind, TimeRef, fold,
};

/// The columns a row must have (others, ACLED's 31 among them, are ignored).
const REQUIRED: [&str; 11] = [
    "event_id_cnty",
    "event_date",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "location",
    "latitude",
    "longitude",
    "source",
];

/// The tag `export --format acled` writes with a claim's own assertion, which ACLED's
/// codes cannot always tell (a withdrawal from a handover, a siege from a clash).
pub const ASSERTION_TAG: &str = "frontline_assertion=";

/// An ACLED file to import.
#[derive(Clone, Copy, Debug)]
pub struct AcledFile<'a> {
    /// What errors call the file (its path as typed).
    pub name: &'a str,
    /// The path claims cite it by, relative to the scenario file.
    pub dataset: &'a str,
    /// Its text.
    pub text: &'a str,
}

/// One row's fields by column name.
struct Row<'r> {
    header: &'r [String],
    fields: &'r [String],
    record: &'r DatasetRow,
}

impl Row<'_> {
    fn get(&self, column: &str) -> &str {
        self.header
            .iter()
            .position(|c| c == column)
            .and_then(|i| self.fields.get(i))
            .map_or("", |f| f.trim())
    }

    /// The 1-based line and column (in characters) of the file where `column`'s field
    /// starts: a quoted field may hold line ends, so a row may span several lines.
    fn at(&self, column: &str) -> (usize, usize) {
        let index = self.header.iter().position(|c| c == column).unwrap_or(0);
        let (mut field, mut quoted) = (0, false);
        let mut start = self.record.text.len();
        for (at, c) in self.record.text.char_indices() {
            if field == index {
                start = at;
                break;
            }
            match c {
                '"' => quoted = !quoted,
                ',' if !quoted => field += 1,
                _ => {}
            }
        }
        if field != index {
            // Fewer fields than the header: the row's first character.
            start = 0;
        }
        let before = &self.record.text[..start];
        let lines = before.matches('\n').count();
        let line_start = before.rfind('\n').map_or(0, |at| at + 1);
        let line = usize::try_from(self.record.line).unwrap_or(usize::MAX);
        (
            line.saturating_add(lines),
            before[line_start..].chars().count() + 1,
        )
    }
}

/// Reads every row of `file` as a draft claim against `scenario`; `Err` with every bad
/// row's error when any row is bad (nothing is then proposed).
pub fn import_acled(
    scenario: &Scenario,
    file: AcledFile<'_>,
    actors: &ActorMap,
) -> Result<Imported, LoadError> {
    let whole = |line: u64, message: String| Diagnostic {
        file: file.name.to_owned(),
        line: line as usize,
        col: 1,
        message,
    };
    let (header, rows) = csv_rows(file.text).map_err(|err| LoadError {
        diagnostics: vec![whole(err.line, err.message)],
    })?;
    let missing: Vec<&str> = REQUIRED
        .into_iter()
        .filter(|c| !header.iter().any(|h| h == c))
        .collect();
    if !missing.is_empty() {
        let message = format!("not an ACLED table: no column {}", missing.join(", "));
        return Err(LoadError {
            diagnostics: vec![whole(1, message)],
        });
    }
    let mut proposals = Proposals::default();
    let mut drafts = Vec::new();
    let mut taken = TakenIds::of(scenario);
    let mut diagnostics = Vec::new();
    for (record, fields) in &rows {
        let row = Row {
            header: &header,
            fields,
            record,
        };
        match claim_of(
            scenario,
            file.dataset,
            &row,
            actors,
            &mut proposals,
            &mut taken,
        ) {
            Ok(claim) => drafts.push(claim),
            Err(problems) => diagnostics.extend(problems.into_iter().map(|(column, message)| {
                let (line, col) = row.at(column);
                Diagnostic {
                    file: file.name.to_owned(),
                    line,
                    col,
                    message: format!("row {}: {message}", record.row),
                }
            })),
        }
    }
    if !diagnostics.is_empty() {
        return Err(LoadError { diagnostics });
    }
    Ok(Imported {
        dataset: file.dataset.to_owned(),
        drafts,
        new_sources: proposals.new_sources,
        new_places: proposals.new_places,
    })
}

/// A row's problems: the column each is in, and what is wrong.
type Problems = Vec<(&'static str, String)>;

/// The draft claim of one row.
fn claim_of(
    scenario: &Scenario,
    dataset: &str,
    row: &Row<'_>,
    actors: &ActorMap,
    proposals: &mut Proposals,
    taken: &mut TakenIds,
) -> Result<Claim, Problems> {
    let mut problems: Problems = Vec::new();
    let assertion = assertion_in(row).unwrap_or_else(|message| {
        problems.push(("tags", message));
        Assertion::Statement
    });
    let mut faction = |column: &'static str| {
        actors
            .faction(scenario, row.get(column))
            .unwrap_or_else(|message| {
                problems.push((column, message));
                None
            })
    };
    let actor = faction("actor1");
    let counterpart = faction("actor2");
    if assertion.needs_actor() && actor.is_none() && !problems.iter().any(|(c, _)| *c == "actor1") {
        problems.push(("actor1", format!("{assertion:?} needs an acting faction")));
    }
    let when = when_of(row).unwrap_or_else(|(column, message)| {
        problems.push((column, message));
        TimeRef {
            at: String::new(),
            precision: crate::model::Precision::Day,
        }
    });
    let lat_lon = match (row.get("latitude"), row.get("longitude")) {
        ("", "") => None,
        (lat, lon) => match (lat.parse::<f64>(), lon.parse::<f64>()) {
            (Ok(lat), Ok(lon)) if lat.abs() <= 90.0 && lon.abs() <= 180.0 => Some((lat, lon)),
            _ => {
                problems.push(("latitude", format!("no coordinates in {lat:?}, {lon:?}")));
                None
            }
        },
    };
    let location = Location {
        name: row.get("location"),
        admin1: row.get("admin1"),
        lat_lon,
        region_level: row.get("geo_precision") == "3",
        road_level: row.get("geo_precision") == "2",
    };
    let subject = subject_of(scenario, location, proposals);
    if subject.is_none() {
        problems.push((
            "location",
            format!(
                "unknown location {:?} and no coordinates to place it",
                location.name
            ),
        ));
    }
    let originators = sources_of(scenario, row.get("source"), proposals);
    if originators.is_empty() {
        problems.push(("source", "no source".to_owned()));
    }
    let (Some(subject), true) = (subject, problems.is_empty()) else {
        return Err(problems);
    };
    let event_id = row.get("event_id_cnty");
    let base = format!("acled-{}", slug(event_id));
    let id = taken.unique(&base);
    let notes = row.get("notes");
    Ok(Claim {
        id,
        subject,
        assertion,
        actor,
        counterpart,
        originators,
        via: Vec::new(),
        v1_source: None,
        scope: Scope::default(),
        document: None,
        quote: None,
        record: Some(Record {
            dataset: dataset.to_owned(),
            row: row.record.row.clone(),
            text: row.record.text.clone(),
        }),
        when,
        credibility: Credibility(3),
        note: (!notes.is_empty()).then(|| format!("ACLED {event_id}: {notes}")),
    })
}

/// The row's assertion: Frontline's own, when the tags carry it, else ACLED's codes read
/// back ([`assertion_of`]).
fn assertion_in(row: &Row<'_>) -> Result<Assertion, String> {
    let tagged = row
        .get("tags")
        .split(';')
        .find_map(|tag| tag.trim().strip_prefix(ASSERTION_TAG));
    match tagged {
        Some(text) => crate::io::parse_ron::<Assertion>("tags", text)
            .map_err(|_| format!("{ASSERTION_TAG}{text} is not an assertion")),
        None => Ok(assertion_of(
            row.get("event_type"),
            row.get("sub_event_type"),
        )),
    }
}

/// The row's date (`2024-12-06` or ACLED's `06 December 2024`) and precision.
fn when_of(row: &Row<'_>) -> Result<TimeRef, (&'static str, String)> {
    let text = row.get("event_date");
    let date = text
        .parse::<jiff::civil::Date>()
        .or_else(|_| jiff::civil::Date::strptime("%d %B %Y", text))
        .map_err(|_| {
            (
                "event_date",
                format!("event_date {text:?} is not a date (2024-12-06 or 06 December 2024)"),
            )
        })?;
    let code = row.get("time_precision");
    let precision = code.parse::<u8>().ok().and_then(precision_of).ok_or((
        "time_precision",
        format!("time_precision {code:?} is not 1, 2 or 3"),
    ))?;
    Ok(TimeRef {
        at: date.to_string(),
        precision,
    })
}

/// The publications a row names (split on `;`), as source ids: a known source by id
/// or name, else a news outlet proposed under that name.
fn sources_of(scenario: &Scenario, text: &str, proposals: &mut Proposals) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for name in text.split(';').map(str::trim).filter(|n| !n.is_empty()) {
        let key = fold(name);
        let id = match scenario
            .sources
            .iter()
            .find(|s| s.id == name || fold(&s.name) == key)
        {
            Some(source) => source.id.clone(),
            None => proposals.add_source(scenario, name, SourceKind::NewsOutlet, None),
        };
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    ids
}
