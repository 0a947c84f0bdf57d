//! Who held each place from when to when, as rows: the timeline CSV (for pandas and
//! DuckDB) and the GeoPackage's `control_intervals` layer are both written from
//! [`interval_rows`], which reads [`Engine::control_intervals`].

use std::collections::BTreeSet;

use crate::control::{Engine, View};
use crate::export::ExportError;
use crate::model::Moment;

/// The timeline CSV's header.
pub const TIMELINE_COLUMNS: [&str; 6] = ["place", "from", "to", "controller", "status", "claims"];

/// One place's control over one interval, by id.
#[derive(Clone, Debug, PartialEq)]
pub struct IntervalRow {
    /// The place's index in the scenario.
    pub place: usize,
    /// The place's id.
    pub place_id: String,
    /// The place's name.
    pub name: String,
    /// The interval's first moment.
    pub from: Moment,
    /// The moment the next interval begins (or the end of the range).
    pub to: Moment,
    /// The controlling faction's id; `None` when no one is known to hold it.
    pub controller: Option<String>,
    /// The status word ([`crate::control::Status::as_str`]).
    pub status: &'static str,
    /// The claims that decided it (the strongest for the controller, the newest
    /// support, the strongest rival), by id.
    pub claims: Vec<String>,
    /// Their sources (originators and relays), by id, sorted.
    pub sources: Vec<String>,
}

/// Every place's control intervals from `from` to `to` under `view`, by place, then
/// time.
pub fn interval_rows(engine: &Engine, view: &View, from: Moment, to: Moment) -> Vec<IntervalRow> {
    let scenario = engine.scenario();
    engine
        .control_intervals(view, from.unix_secs(), to.unix_secs())
        .into_iter()
        .map(|interval| {
            let place = &scenario.places[interval.place];
            let state = interval.state;
            let mut claims: Vec<String> = Vec::new();
            let mut sources = BTreeSet::new();
            for c in [state.basis, state.support, state.rival]
                .into_iter()
                .flatten()
            {
                let Some(claim) = scenario.claims.get(c as usize) else {
                    continue;
                };
                if !claims.contains(&claim.id) {
                    claims.push(claim.id.clone());
                }
                sources.extend(claim.sources().map(str::to_owned));
            }
            IntervalRow {
                place: interval.place,
                place_id: place.id.clone(),
                name: place.name.clone(),
                from: Moment::from_unix_secs(interval.from_secs),
                to: Moment::from_unix_secs(interval.to_secs),
                controller: state
                    .controller
                    .and_then(|f| scenario.factions.get(usize::from(f)))
                    .map(|f| f.id.clone()),
                status: state.status.as_str(),
                claims,
                sources: sources.into_iter().collect(),
            }
        })
        .collect()
}

/// The intervals as CSV: place, from, to (RFC 3339 in the scenario's time zone),
/// controller (empty when none), status, claims (ids joined by `;`).
pub fn timeline_csv(
    engine: &Engine,
    view: &View,
    from: Moment,
    to: Moment,
) -> Result<String, ExportError> {
    let offset = engine.scenario().offset();
    let fail = |err: csv::Error| ExportError::encode("timeline", err);
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(TIMELINE_COLUMNS).map_err(fail)?;
    for row in interval_rows(engine, view, from, to) {
        writer
            .write_record([
                row.place_id.as_str(),
                &row.from.to_rfc3339(offset),
                &row.to.to_rfc3339(offset),
                row.controller.as_deref().unwrap_or_default(),
                row.status,
                &row.claims.join(";"),
            ])
            .map_err(fail)?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|err| ExportError::encode("timeline", err))?;
    String::from_utf8(bytes).map_err(|err| ExportError::encode("timeline", err))
}
