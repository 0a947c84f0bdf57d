//! A binary cache of loaded scenarios: the validated, sorted scenario in postcard,
//! served again only while every input has the same bytes (the scenario text, the
//! bulk claims, each document and the region geometry, each by length and 128-bit
//! XXH3). Parsing a million claims takes seconds; reading them back, well under one.
//!
//! One entry per scenario path (and claims path), so editing a file replaces its
//! entry rather than adding one. A missing, truncated, corrupt or stale entry is a
//! miss: the scenario is parsed as usual and the entry rewritten (atomically). Errors
//! in the cache folder never stop a load.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use serde::{Deserialize, Serialize};

use crate::model::{Claim, Document, Scenario};

/// Bump when the model's types, this file's layout or what validation rejects change
/// (version 2: unknown fields and format 2's checks; version 3: includes; version 4:
/// dataset records).
const CACHE_VERSION: u32 = 4;

/// First bytes of every cache file.
const MAGIC: [u8; 8] = *b"FRONTLC\0";

/// Set by [`disable_cache`] (the CLI's `--no-cache`).
static DISABLED: AtomicBool = AtomicBool::new(false);

/// Turns the cache off for this process, whatever the environment says.
pub fn disable_cache() {
    DISABLED.store(true, Ordering::Relaxed);
}

/// Where loaded scenarios are cached, if anywhere, and from what input size.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cache {
    dir: Option<PathBuf>,
    min_bytes: usize,
}

impl Cache {
    /// Inputs (scenario plus claims text) smaller than this load faster than the
    /// cache would serve them, and are not cached.
    pub const MIN_BYTES: usize = 1 << 20;

    /// No cache.
    pub fn off() -> Self {
        Self {
            dir: None,
            min_bytes: usize::MAX,
        }
    }

    /// A cache in `dir` (created when first written) for inputs of at least `min_bytes`.
    pub fn in_dir(dir: impl Into<PathBuf>, min_bytes: usize) -> Self {
        Self {
            dir: Some(dir.into()),
            min_bytes,
        }
    }

    /// The cache the CLI and the window use: none after [`disable_cache`] or when
    /// `FRONTLINE_NO_CACHE` is set (to anything but "" or "0"); else in
    /// `FRONTLINE_CACHE_DIR`, `$XDG_CACHE_HOME/frontline` or the platform's cache
    /// folder ([`platform_cache_dir`]).
    pub fn from_env() -> Self {
        let var = |name: &str| std::env::var_os(name).filter(|value| !value.is_empty());
        let off = DISABLED.load(Ordering::Relaxed)
            || var("FRONTLINE_NO_CACHE").is_some_and(|value| value != "0");
        let dir = var("FRONTLINE_CACHE_DIR")
            .map(PathBuf::from)
            .or_else(|| {
                var("XDG_CACHE_HOME")
                    .map(PathBuf::from)
                    .filter(|dir| dir.is_absolute())
                    .map(|dir| dir.join("frontline"))
            })
            .or_else(platform_cache_dir);
        match dir {
            Some(dir) if !off => Self::in_dir(dir, Self::MIN_BYTES),
            _ => Self::off(),
        }
    }

    /// The cache folder, if caching is on.
    pub fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }

    /// The entry for this scenario (and claims) file, if inputs of `bytes` are cached.
    pub(super) fn entry(
        &self,
        scenario: &Path,
        claims: Option<&Path>,
        bytes: usize,
    ) -> Option<PathBuf> {
        let dir = self.dir.as_ref().filter(|_| bytes >= self.min_bytes)?;
        let absolute =
            |path: &Path| std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        let mut name = absolute(scenario).into_os_string().into_encoded_bytes();
        if let Some(claims) = claims {
            name.push(0);
            name.extend(absolute(claims).into_os_string().into_encoded_bytes());
        }
        Some(dir.join(format!("{:032x}.bin", xxhash_rust::xxh3::xxh3_128(&name))))
    }
}

/// Frontline's folder in the platform's cache folder: `~/.cache/frontline` on Linux,
/// `~/Library/Caches/frontline` on macOS, `%LOCALAPPDATA%\frontline\cache` on
/// Windows; none without a home folder.
fn platform_cache_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "frontline").map(|dirs| dirs.cache_dir().to_owned())
}

/// The length and hash of some bytes: what an input must still have for a hit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub(super) struct Key {
    len: u64,
    hash: u128,
}

impl Key {
    /// The key of `bytes`.
    pub(super) fn of(bytes: &[u8]) -> Self {
        Self {
            len: bytes.len() as u64,
            hash: xxhash_rust::xxh3::xxh3_128(bytes),
        }
    }

    /// The key of a file's bytes, read in pieces (so a hit never holds, or checks
    /// the UTF-8 of, hundreds of megabytes of text it does not parse).
    pub(super) fn of_file(path: &Path) -> Option<Self> {
        use std::io::Read as _;
        let mut file = std::fs::File::open(path).ok()?;
        let mut hasher = xxhash_rust::xxh3::Xxh3::new();
        let mut buffer = vec![0u8; 1 << 20];
        let mut len = 0u64;
        loop {
            match file.read(&mut buffer) {
                Ok(0) => break,
                Ok(n) => {
                    hasher.update(&buffer[..n]);
                    len += n as u64;
                }
                Err(err) if err.kind() == std::io::ErrorKind::Interrupted => {}
                Err(_) => return None,
            }
        }
        Some(Self {
            len,
            hash: hasher.digest128(),
        })
    }
}

/// The inputs an entry was made from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct Inputs {
    /// The scenario text.
    pub scenario: Key,
    /// The bulk claims text, if any.
    pub claims: Option<Key>,
    /// Files the scenario refers to (documents, geometry), by their relative path.
    pub siblings: Vec<(String, Key)>,
}

#[derive(Serialize, Deserialize)]
struct Header {
    magic: [u8; 8],
    version: u32,
    crate_version: String,
    inputs: Inputs,
    payload: Key,
}

/// The scenario in `entry` if it was made from these inputs (the siblings are read
/// with `read_sibling`, given each one's relative path and its length then, and
/// compared); `None` for any miss or damage.
pub(super) fn lookup(
    entry: &Path,
    scenario: Key,
    claims: Option<Key>,
    read_sibling: &dyn Fn(&str, u64) -> Option<String>,
) -> Option<Scenario> {
    let bytes = std::fs::read(entry).ok()?;
    let header_len = u32::from_le_bytes(bytes.get(..4)?.try_into().ok()?) as usize;
    let header: Header = postcard::from_bytes(bytes.get(4..4 + header_len)?).ok()?;
    let payload = bytes.get(4 + header_len..)?;
    let fresh = header.magic == MAGIC
        && header.version == CACHE_VERSION
        && header.crate_version == env!("CARGO_PKG_VERSION")
        && header.inputs.scenario == scenario
        && header.inputs.claims == claims
        && header.payload == Key::of(payload);
    if !fresh {
        return None;
    }
    let mut texts = std::collections::BTreeMap::new();
    for (path, key) in &header.inputs.siblings {
        let text = read_sibling(path, key.len)?;
        if Key::of(text.as_bytes()) != *key {
            return None;
        }
        texts.insert(path.as_str(), text);
    }
    let mut scenario = decode(payload)?;
    for document in &mut scenario.documents {
        document.text = texts.get(document.text_file.as_str())?.clone();
    }
    Some(scenario)
}

/// Writes `scenario`, made from `inputs`, to `entry`; failures are ignored (the next
/// load parses again).
pub(super) fn store(entry: &Path, inputs: Inputs, scenario: &Scenario) {
    let Some(payload) = encode(scenario) else {
        return;
    };
    let header = Header {
        magic: MAGIC,
        version: CACHE_VERSION,
        crate_version: env!("CARGO_PKG_VERSION").to_owned(),
        inputs,
        payload: Key::of(&payload),
    };
    let Ok(header) = postcard::to_stdvec(&header) else {
        return;
    };
    let mut bytes = Vec::with_capacity(4 + header.len() + payload.len());
    bytes.extend((header.len() as u32).to_le_bytes());
    bytes.extend(header);
    bytes.extend(payload);
    if let Some(dir) = entry.parent()
        && std::fs::create_dir_all(dir).is_ok()
    {
        remove_stale_temporaries(dir);
        // A cache that cannot be written is no cache; the load itself succeeded.
        let _ = super::write_atomically(entry, &bytes);
    }
}

/// How old a temporary file in the cache folder must be to count as left by a killed
/// writer (a live writer renames its temporary within seconds).
const STALE_TEMPORARY: std::time::Duration = std::time::Duration::from_secs(600);

/// Removes the temporaries (`.tmp*`, from [`super::write_atomically`]) that writers
/// killed before their rename left in the cache folder.
fn remove_stale_temporaries(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let now = std::time::SystemTime::now();
    for entry in entries.flatten() {
        let stale = entry
            .metadata()
            .and_then(|meta| meta.modified())
            .is_ok_and(|modified| {
                now.duration_since(modified)
                    .is_ok_and(|age| age > STALE_TEMPORARY)
            });
        if stale && entry.file_name().to_string_lossy().starts_with(".tmp") {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Claims are encoded in this many chunks, decoded on as many threads.
const CHUNKS: usize = 2;

/// The scenario without claims, then the claims in [`CHUNKS`] chunks, each a
/// little-endian `u64` length and postcard bytes.
fn encode(scenario: &Scenario) -> Option<Vec<u8>> {
    // Document texts are not serialized (they are read from their files).
    let without_claims = Scenario {
        format_version: scenario.format_version,
        id: scenario.id.clone(),
        title: scenario.title.clone(),
        description: scenario.description.clone(),
        utc_offset: scenario.utc_offset.clone(),
        freshness_hours: scenario.freshness_hours,
        region_geometry: scenario.region_geometry.clone(),
        includes: scenario.includes.clone(),
        factions: scenario.factions.clone(),
        sources: scenario.sources.clone(),
        documents: scenario
            .documents
            .iter()
            .map(|document| Document {
                id: document.id.clone(),
                title: document.title.clone(),
                publisher: document.publisher.clone(),
                published: document.published.clone(),
                url: document.url.clone(),
                text_file: document.text_file.clone(),
                text: String::new(),
            })
            .collect(),
        regions: scenario.regions.clone(),
        places: scenario.places.clone(),
        routes: scenario.routes.clone(),
        key_connections: scenario.key_connections.clone(),
        claims: Vec::new(),
    };
    let per_chunk = scenario.claims.len().div_ceil(CHUNKS).max(1);
    let chunks: Vec<Option<Vec<u8>>> = std::thread::scope(|scope| {
        let handles: Vec<_> = scenario
            .claims
            .chunks(per_chunk)
            .map(|chunk| scope.spawn(move || postcard::to_stdvec(chunk).ok()))
            .collect();
        handles
            .into_iter()
            .map(|handle| handle.join().ok().flatten())
            .collect()
    });
    let mut out = Vec::new();
    for part in std::iter::once(postcard::to_stdvec(&without_claims).ok()).chain(chunks) {
        let part = part?;
        out.extend((part.len() as u64).to_le_bytes());
        out.extend(part);
    }
    Some(out)
}

fn decode(mut payload: &[u8]) -> Option<Scenario> {
    let mut parts = Vec::new();
    while !payload.is_empty() {
        let len = u64::from_le_bytes(payload.get(..8)?.try_into().ok()?) as usize;
        parts.push(payload.get(8..8usize.checked_add(len)?)?);
        payload = &payload[8 + len..];
    }
    let (first, chunks) = parts.split_first()?;
    let mut scenario: Scenario = postcard::from_bytes(first).ok()?;
    let claims: Vec<Option<Vec<Claim>>> = std::thread::scope(|scope| {
        let handles: Vec<_> = chunks
            .iter()
            .map(|chunk| scope.spawn(move || postcard::from_bytes::<Vec<Claim>>(chunk).ok()))
            .collect();
        handles
            .into_iter()
            .map(|handle| handle.join().ok().flatten())
            .collect()
    });
    for chunk in claims {
        scenario.claims.extend(chunk?);
    }
    Some(scenario)
}
