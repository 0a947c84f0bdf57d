//! RON snapshots: everything needed to reopen a view exactly (scenario path and content
//! hash, moment, perspective, hidden sources, what-if, layers, extent).
//!
//! `frontline open SNAPSHOT.ron` and the window's File > Open read them with
//! [`Snapshot::load`], which warns when the scenario changed since.

use std::path::{Path, PathBuf};

use jiff::tz::Offset;
use serde::{Deserialize, Serialize};

use crate::control::{Perspective, View};
use crate::io::{LoadError, default_scenario, default_scenario_text, load_scenario_file};
use crate::layers::Layers;
use crate::model::{Moment, Scenario};
use crate::viewpoint::Viewpoint;

/// The snapshot format version this build reads and writes.
pub const SNAPSHOT_FORMAT_VERSION: u32 = 1;

/// One view of one scenario, as saved in a `.ron` snapshot: a [`Viewpoint`] plus the
/// scenario's identity, in file form ([`Snapshot::new`], [`Snapshot::viewpoint`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    /// Must equal [`SNAPSHOT_FORMAT_VERSION`].
    pub format_version: u32,
    /// Absolute path of the scenario file; `None` for the embedded default.
    pub scenario_path: Option<String>,
    /// FNV-1a 64 of the scenario file's bytes, in hex ([`fnv1a64_hex`]).
    pub scenario_hash: String,
    /// The moment, RFC 3339 in the scenario's time zone
    /// (`2024-12-07T23:59:59+03:00`); read with [`Moment::parse`], so a bare date or a
    /// local time written by hand means what it means on the command line.
    pub at: String,
    /// Perspective, hidden sources and what-if.
    pub view: View,
    /// Layers shown.
    #[serde(default)]
    pub layers: Layers,
    /// The camera: the extent shown, W, S, E, N in degrees (`None`: the default extent).
    #[serde(default)]
    pub bbox_lonlat: Option<[f64; 4]>,
}

/// The largest file [`Snapshot::is_snapshot_file`] looks into.
pub const SNAPSHOT_MAX_BYTES: u64 = 1 << 20;

/// True when `text` reads as a scenario (it has a scenario's `id`, `title` and
/// `utc_offset`, which snapshots lack): for saying so when it is given as a snapshot.
fn looks_like_scenario(text: &str) -> bool {
    #[derive(Deserialize)]
    #[allow(dead_code)]
    struct Probe {
        id: String,
        title: String,
        utc_offset: String,
    }
    ron::Options::default().from_str::<Probe>(text).is_ok()
}

/// FNV-1a 64-bit hash of `bytes` as 16 hex digits: a cheap, stable fingerprint.
pub fn fnv1a64_hex(bytes: &[u8]) -> String {
    use std::hash::Hasher;
    let mut hasher = fnv::FnvHasher::default();
    hasher.write(bytes);
    format!("{:016x}", hasher.finish())
}

/// The path a snapshot records for a scenario file (absolute when it can be made so),
/// and the hash of the file's bytes; the embedded default without a file.
pub fn scenario_identity(file: Option<&Path>) -> Result<(Option<String>, String), LoadError> {
    let Some(path) = file else {
        return Ok((None, fnv1a64_hex(default_scenario_text().as_bytes())));
    };
    let name = path.display().to_string();
    let kind = crate::io::FileKind::Scenario;
    let limit = crate::io::sandbox::max_file_size().unwrap_or(kind.default_limit());
    let bytes = crate::io::sandbox::read_bytes(path, kind, limit)
        .map_err(|err| err.whole_file(&name, "scenario"))?;
    let absolute = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    Ok((Some(absolute.display().to_string()), fnv1a64_hex(&bytes)))
}

impl Snapshot {
    /// The snapshot of `viewpoint` over the scenario `identity` ([`scenario_identity`]),
    /// its moment written in `offset` (the scenario's time zone).
    pub fn new(identity: (Option<String>, String), viewpoint: &Viewpoint, offset: Offset) -> Self {
        let (scenario_path, scenario_hash) = identity;
        Self {
            format_version: SNAPSHOT_FORMAT_VERSION,
            scenario_path,
            scenario_hash,
            at: viewpoint.at.to_rfc3339(offset),
            view: viewpoint.view.clone(),
            layers: viewpoint.layers.clone(),
            bbox_lonlat: viewpoint.bbox_lonlat,
        }
    }

    /// What the snapshot shows, with a time written without an offset read in
    /// `offset` (the scenario's time zone).
    pub fn viewpoint(&self, offset: Offset) -> Result<Viewpoint, String> {
        Ok(Viewpoint {
            at: self.at(offset)?,
            view: self.view.clone(),
            layers: self.layers.clone(),
            bbox_lonlat: self.bbox_lonlat,
        })
    }

    /// The snapshot as RON: fields in a fixed order, sets and maps sorted.
    pub fn to_ron(&self) -> Result<String, String> {
        let config = ron::ser::PrettyConfig::new().indentor("    ".to_owned());
        ron::ser::to_string_pretty(self, config)
            .map(|text| {
                format!("// Frontline view snapshot: open with `frontline open FILE`.\n{text}\n")
            })
            .map_err(|err| format!("cannot write the snapshot: {err}"))
    }

    /// Parses snapshot text; `name` locates errors.
    pub fn from_ron(name: &str, text: &str) -> Result<Self, LoadError> {
        let snapshot: Self = crate::io::parse_ron(name, text)?;
        if snapshot.format_version != SNAPSHOT_FORMAT_VERSION {
            return Err(LoadError::whole_file(
                name,
                format!(
                    "snapshot format_version {} is not {SNAPSHOT_FORMAT_VERSION}",
                    snapshot.format_version
                ),
            ));
        }
        Ok(snapshot)
    }

    /// The moment, with a time written without an offset read in `offset` (the
    /// scenario's time zone).
    pub fn at(&self, offset: Offset) -> Result<Moment, String> {
        Moment::parse(&self.at, offset).map_err(|err| format!("at: {err}"))
    }

    /// The scenario file the snapshot at `path` refers to (a relative path is taken
    /// from the snapshot's folder); `None` for the embedded default.
    pub fn scenario_file(&self, path: &Path) -> Option<PathBuf> {
        self.scenario_path.as_ref().map(|recorded| {
            let recorded = PathBuf::from(recorded);
            match path.parent() {
                Some(folder) if recorded.is_relative() => folder.join(recorded),
                _ => recorded,
            }
        })
    }

    /// True when the file at `path` is a view snapshot rather than a scenario: it reads
    /// as RON with a `scenario_hash` field, which scenarios do not have. Snapshots are a
    /// few kilobytes; a file over [`SNAPSHOT_MAX_BYTES`] is a scenario and is not parsed
    /// here (a million-claim scenario would otherwise be parsed twice).
    pub fn is_snapshot_file(path: &Path) -> bool {
        #[derive(Deserialize)]
        struct Probe {
            #[allow(dead_code)]
            scenario_hash: String,
        }
        // Only a regular file, and never past the limit: a device never ends.
        crate::io::sandbox::read_file(path, crate::io::FileKind::Scenario, SNAPSHOT_MAX_BYTES)
            .ok()
            .is_some_and(|text| ron::Options::default().from_str::<Probe>(&text).is_ok())
    }

    /// Reads a snapshot and its scenario, checking the view against the scenario.
    /// Returns warnings (the scenario changed since; hidden sources it lacks).
    pub fn load(path: &Path) -> Result<(Self, Scenario, Vec<String>), LoadError> {
        let name = path.display().to_string();
        let kind = crate::io::FileKind::Scenario;
        let limit = crate::io::sandbox::max_file_size().unwrap_or(kind.default_limit());
        let text = crate::io::sandbox::read_file(path, kind, limit)
            .map_err(|err| err.whole_file(&name, "snapshot"))?;
        let snapshot = match Self::from_ron(&name, &text) {
            Ok(snapshot) => snapshot,
            Err(_) if looks_like_scenario(&text) => {
                return Err(LoadError::whole_file(
                    &name,
                    format!(
                        "{name} is a scenario, not a snapshot: open it in the window with \
                         `frontline {name}`, or print who holds what with \
                         `frontline resolve {name} --at DATE`"
                    ),
                ));
            }
            Err(err) => return Err(err),
        };
        let scenario_file = snapshot.scenario_file(path);
        let scenario = match &scenario_file {
            Some(file) => {
                let is_recorded = |bytes: &[u8]| fnv1a64_hex(bytes) == snapshot.scenario_hash;
                crate::io::sandbox::check_recorded_scenario(
                    path,
                    &name,
                    &text,
                    file,
                    &is_recorded,
                )?;
                load_scenario_file(file)?
            }
            None => default_scenario()?,
        };
        let mut warnings = Vec::new();
        let (_, hash) = scenario_identity(scenario_file.as_deref())?;
        if hash != snapshot.scenario_hash {
            warnings.push(format!(
                "{name}: warning: the scenario {} changed since the snapshot was taken \
                 (hash {} now {hash}); the view may differ",
                scenario_file
                    .as_ref()
                    .map_or("(embedded default)".to_owned(), |f| f.display().to_string()),
                snapshot.scenario_hash
            ));
        }
        let problem = |message: String| LoadError::whole_file(&name, message);
        snapshot.at(scenario.offset()).map_err(problem)?;
        Perspective::parse(&snapshot.view.perspective.to_arg(), &scenario).map_err(problem)?;
        let mut check = View::default();
        for (place, faction) in &snapshot.view.assume {
            check
                .add_assumption(&format!("{place}={faction}"), &scenario)
                .map_err(|err| problem(err.message))?;
        }
        for source in &snapshot.view.hidden_sources {
            if scenario.source_index(source).is_none() {
                warnings.push(format!(
                    "{name}: warning: hidden source {source:?} is not in the scenario"
                ));
            }
        }
        Ok((snapshot, scenario, warnings))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a64_matches_reference_values() {
        assert_eq!(fnv1a64_hex(b""), "cbf29ce484222325");
        assert_eq!(fnv1a64_hex(b"a"), "af63dc4c8601ec8c");
        assert_eq!(fnv1a64_hex(b"foobar"), "85944171f73967e8");
    }

    #[test]
    fn ron_round_trips_and_is_stable() {
        let mut view = View {
            perspective: Perspective::Source("observers".into()),
            ..View::default()
        };
        view.assume.insert("midtown".into(), "rebels".into());
        view.hidden_sources.insert("army-said".into());
        let mut layers = Layers::default();
        layers.hidden_factions.insert("army".into());
        layers.labels = false;
        let snapshot = Snapshot {
            format_version: SNAPSHOT_FORMAT_VERSION,
            scenario_path: Some("/tmp/mini.ron".into()),
            scenario_hash: fnv1a64_hex(b"x"),
            at: "2024-12-07T23:59:59+03:00".into(),
            view,
            layers,
            bbox_lonlat: Some([35.5, 32.25, 42.5, 37.5]),
        };
        let text = snapshot.to_ron().unwrap();
        assert_eq!(Snapshot::from_ron("s.ron", &text).unwrap(), snapshot);
        assert_eq!(snapshot.clone().to_ron().unwrap(), text);
        let bad = text.replace("format_version: 1", "format_version: 9");
        assert!(Snapshot::from_ron("s.ron", &bad).is_err());
        let err = Snapshot::from_ron("s.ron", "(format_version: 1,\n oops)").unwrap_err();
        assert!(err.to_string().starts_with("s.ron:2:"), "{err}");
    }

    #[test]
    fn a_snapshot_is_a_viewpoint_with_its_time_in_the_scenario_zone() {
        let mut viewpoint = Viewpoint::at(Moment::from_unix_secs(1_733_605_199));
        viewpoint
            .view
            .assume
            .insert("midtown".into(), "rebels".into());
        viewpoint.layers.labels = false;
        viewpoint.bbox_lonlat = Some([35.5, 32.25, 42.5, 37.5]);
        let offset = Offset::constant(3);
        let identity = (None, fnv1a64_hex(b"x"));
        let snapshot = Snapshot::new(identity, &viewpoint, offset);
        assert_eq!(snapshot.at, "2024-12-07T23:59:59+03:00");
        assert_eq!(snapshot.viewpoint(offset), Ok(viewpoint.clone()));
        // Written by hand: a bare date means the end of that day in the scenario's zone.
        let by_hand = Snapshot {
            at: "2024-12-07".into(),
            ..snapshot
        };
        assert_eq!(by_hand.viewpoint(offset), Ok(viewpoint));
    }

    #[test]
    fn snapshots_are_told_from_scenarios() {
        let dir = tempfile::tempdir().unwrap();
        let snapshot = Snapshot {
            format_version: SNAPSHOT_FORMAT_VERSION,
            scenario_path: None,
            scenario_hash: fnv1a64_hex(b"x"),
            at: "2024-12-07T23:59:59Z".into(),
            view: View::default(),
            layers: Layers::default(),
            bbox_lonlat: None,
        };
        let path = dir.path().join("s.ron");
        std::fs::write(&path, snapshot.to_ron().unwrap()).unwrap();
        assert!(Snapshot::is_snapshot_file(&path));
        let scenario = dir.path().join("scenario.ron");
        std::fs::write(&scenario, default_scenario_text()).unwrap();
        assert!(!Snapshot::is_snapshot_file(&scenario));
        assert!(!Snapshot::is_snapshot_file(&dir.path().join("missing.ron")));
        // Past the size any snapshot has, a file is taken for a scenario unread.
        let padded = dir.path().join("padded.ron");
        let mut text = snapshot.to_ron().unwrap();
        text.push_str(&" ".repeat(usize::try_from(SNAPSHOT_MAX_BYTES).unwrap()));
        std::fs::write(&padded, text).unwrap();
        assert!(!Snapshot::is_snapshot_file(&padded));
    }
}
