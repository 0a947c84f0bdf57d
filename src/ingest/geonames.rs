//! The embedded GeoNames extract of Syrian places (`assets/gazetteer/syria-geonames.tsv`,
//! GeoNames, CC BY 4.0): its rows and their names, folded, parsed and indexed once per
//! process.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::sentences::{Token, tokenize};

/// The embedded GeoNames extract (see `scripts/gen_gazetteer.py`).
const GEONAMES_TSV: &str = include_str!("../../assets/gazetteer/syria-geonames.tsv");

/// One row of the GeoNames extract.
#[derive(Clone, Debug, PartialEq)]
pub struct GeoRecord {
    /// GeoNames id.
    pub geonames_id: u64,
    /// Preferred name.
    pub name: String,
    /// WGS84 latitude.
    pub lat: f64,
    /// WGS84 longitude.
    pub lon: f64,
    /// GeoNames admin1 code, e.g. "SY.06".
    pub admin1: String,
    /// Population (0 when unknown).
    pub population: u64,
    /// GeoNames feature code (PPLC, PPLA, PPLA2, PPL ...).
    pub feature_code: String,
}

/// The embedded GeoNames extract, parsed and indexed once per process.
#[derive(Debug, Default)]
pub struct GeoNamesIndex {
    /// The rows, in file order.
    pub records: Vec<GeoRecord>,
    /// Folded name (words run together) → the rows with that name and its word count.
    pub names: HashMap<String, Vec<(usize, usize)>>,
    /// The most words any name has.
    pub longest: usize,
}

static GEONAMES: OnceLock<GeoNamesIndex> = OnceLock::new();

/// The GeoNames index, built on first use.
pub fn geonames() -> &'static GeoNamesIndex {
    GEONAMES.get_or_init(|| {
        let mut index = GeoNamesIndex::default();
        for line in GEONAMES_TSV.lines().filter(|line| !line.starts_with('#')) {
            let Some((record, names)) = parse_record(line) else {
                continue;
            };
            let row = index.records.len();
            index.records.push(record);
            for name in names {
                let (key, words) = key_of(name);
                if key.len() < 3 {
                    continue;
                }
                let rows = index.names.entry(key).or_default();
                if !rows.iter().any(|&(r, _)| r == row) {
                    rows.push((row, words));
                }
                index.longest = index.longest.max(words);
            }
        }
        index
    })
}

/// A name folded with its words run together, and how many words it has.
pub fn key_of(name: &str) -> (String, usize) {
    let words: Vec<Token> = tokenize(name).into_iter().filter(|t| !t.punct).collect();
    (
        words.iter().map(|t| t.folded.as_str()).collect(),
        words.len(),
    )
}

/// One TSV row: the record and all its names (name, ASCII name, alternates).
fn parse_record(line: &str) -> Option<(GeoRecord, Vec<&str>)> {
    let fields: Vec<&str> = line.split('\t').collect();
    if fields.len() < 8 {
        return None;
    }
    let record = GeoRecord {
        geonames_id: fields[0].parse().ok()?,
        name: fields[1].to_owned(),
        lat: fields[3].parse().ok()?,
        lon: fields[4].parse().ok()?,
        admin1: fields[5].to_owned(),
        population: fields[6].parse().unwrap_or(0),
        feature_code: fields[7].to_owned(),
    };
    let mut names = vec![fields[1], fields[2]];
    if let Some(alternates) = fields.get(8) {
        names.extend(alternates.split('|').filter(|name| !name.is_empty()));
    }
    Some((record, names))
}
