//! Place and region names: every name and alias the scenario knows, plus the GeoNames
//! names of Syrian places (embedded `assets/gazetteer/syria-geonames.tsv`, GeoNames,
//! CC BY 4.0), all folded for case and diacritics and looked up a few words at a time.

use std::collections::HashMap;

use super::sentences::{Token, tokenize};
use crate::model::{Place, PlaceKind, Scenario, fold};

/// The embedded GeoNames extract (see `scripts/gen_gazetteer.py`).
const GEONAMES_TSV: &str = include_str!("../../assets/gazetteer/syria-geonames.tsv");

/// What a name stands for.
#[derive(Clone, Debug, PartialEq)]
pub enum NameTarget {
    /// A place of the scenario, by id.
    Place(String),
    /// A GeoNames place the scenario lacks (index into [`Gazetteer::geonames`]).
    GeoNames(usize),
    /// A region of the scenario, by id.
    Region(String),
}

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

/// Every name the extractor recognises, folded.
#[derive(Clone, Debug, Default)]
pub struct Gazetteer {
    /// Folded name (words run together) → what it names and how many words it has.
    names: HashMap<String, (NameTarget, usize)>,
    /// Lower-case region names that need "the" before them ("the south" → south).
    pub groupings: HashMap<String, String>,
    /// The most words any name has.
    pub longest: usize,
    /// The GeoNames rows the scenario lacks.
    pub geonames: Vec<GeoRecord>,
    /// The scenario's capital, for "the capital".
    pub capital: Option<String>,
    /// Place id → the governorate it is the namesake seat of (Daraa → daraa-governorate).
    pub namesakes: HashMap<String, String>,
}

impl Gazetteer {
    /// Builds the gazetteer of `scenario`'s places and regions and the GeoNames extract.
    pub fn new(scenario: &Scenario) -> Self {
        let mut gazetteer = Self::default();
        let mut by_geonames: HashMap<u64, &str> = HashMap::new();
        for place in &scenario.places {
            for name in std::iter::once(&place.name).chain(&place.aliases) {
                gazetteer.insert(name, NameTarget::Place(place.id.clone()));
            }
            if let Some(id) = place.geonames_id {
                by_geonames.insert(id, &place.id);
            }
            if place.kind == PlaceKind::Capital && gazetteer.capital.is_none() {
                gazetteer.capital = Some(place.id.clone());
            }
        }
        for region in &scenario.regions {
            let bare = region.name.split('(').next().unwrap_or("").trim();
            let bare = bare.strip_prefix("The ").unwrap_or(bare);
            if bare.split_whitespace().count() > 2 || bare.is_empty() {
                continue;
            }
            if bare.starts_with(char::is_lowercase) {
                gazetteer.groupings.insert(fold(bare), region.id.clone());
            } else if region.members.is_empty() {
                // A governorate: its name is its seat's too, so it only counts as the
                // region with "province" or "governorate" after it (see mentions).
                for place in &scenario.places {
                    if place.governorate == region.id && fold(&place.name) == fold(bare) {
                        gazetteer
                            .namesakes
                            .insert(place.id.clone(), region.id.clone());
                    }
                }
            } else {
                gazetteer.insert(bare, NameTarget::Region(region.id.clone()));
            }
        }
        for record in GEONAMES_TSV.lines().filter(|line| !line.starts_with('#')) {
            let Some((record, names)) = parse_record(record) else {
                continue;
            };
            let target = match by_geonames.get(&record.geonames_id) {
                Some(id) => NameTarget::Place((*id).to_owned()),
                None => {
                    gazetteer.geonames.push(record);
                    NameTarget::GeoNames(gazetteer.geonames.len() - 1)
                }
            };
            for name in names {
                gazetteer.insert(name, target.clone());
            }
        }
        gazetteer
    }

    /// Adds `name`. The first scenario name wins; any scenario name (or GeoNames
    /// alternate of a scenario place) beats a GeoNames-only place, and between
    /// GeoNames-only places the more populous keeps the name.
    fn insert(&mut self, name: &str, target: NameTarget) {
        let words: Vec<Token> = tokenize(name).into_iter().filter(|t| !t.punct).collect();
        let key: String = words.iter().map(|t| t.folded.as_str()).collect();
        if key.len() < 3 {
            return;
        }
        let replace = match (self.names.get(&key), &target) {
            (None, _) => true,
            (Some((NameTarget::GeoNames(old), _)), NameTarget::GeoNames(new)) => {
                self.geonames[*new].population > self.geonames[*old].population
            }
            (Some((NameTarget::GeoNames(_), _)), _) => true,
            (Some(_), _) => false,
        };
        if replace {
            self.longest = self.longest.max(words.len());
            self.names.insert(key, (target, words.len()));
        }
    }

    /// The longest name starting at `tokens[at]` (a capitalised word), with its length
    /// in tokens. Punctuation ends a name.
    pub fn longest_at(&self, tokens: &[Token], at: usize) -> Option<(NameTarget, usize)> {
        if !tokens.get(at).is_some_and(|t| t.capitalised && !t.punct) {
            return None;
        }
        let mut key = String::new();
        let mut best = None;
        for (n, token) in tokens[at..].iter().take(self.longest).enumerate() {
            if token.punct || (n > 0 && tokens[at + n - 1].possessive) {
                break;
            }
            key.push_str(&token.folded);
            if let Some((target, words)) = self.names.get(&key)
                && *words == n + 1
            {
                best = Some((target.clone(), n + 1));
            }
        }
        best
    }

    /// A new scenario place for the GeoNames row `index`, in the governorate whose
    /// admin1 code it has, named as the text names it (`as_written` becomes an alias).
    pub fn propose(&self, scenario: &Scenario, index: usize, as_written: &str) -> Option<Place> {
        let record = self.geonames.get(index)?;
        let governorate = scenario
            .regions
            .iter()
            .find(|r| r.admin1_code.as_deref() == Some(record.admin1.as_str()))
            .map_or_else(String::new, |r| r.id.clone());
        let kind = match record.feature_code.as_str() {
            "PPLC" => PlaceKind::Capital,
            "PPLA" => PlaceKind::GovernorateSeat,
            _ if record.population >= 100_000 => PlaceKind::City,
            _ if record.population >= 5_000 || record.feature_code.starts_with("PPLA") => {
                PlaceKind::Town
            }
            _ => PlaceKind::Village,
        };
        let aliases = (as_written != record.name)
            .then(|| as_written.to_owned())
            .into_iter()
            .collect();
        Some(Place {
            id: super::slug(&record.name),
            name: record.name.clone(),
            aliases,
            lon: record.lon,
            lat: record.lat,
            population: record.population,
            kind,
            governorate,
            geonames_id: Some(record.geonames_id),
            parent: None,
        })
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::default_scenario;

    #[test]
    fn finds_transliterations_and_alternates() {
        let Ok(scenario) = default_scenario() else {
            panic!("default scenario loads");
        };
        let gazetteer = Gazetteer::new(&scenario);
        for (text, id) in [
            ("Deraa", "daraa"),
            ("Dar'a", "daraa"),
            ("Deir al-Zor", "deir-ez-zor"),
            ("Deir el-Zor", "deir-ez-zor"),
            ("Suweida", "as-suwayda"),
            ("Sednaya", "saydnaya"),
            ("Ḩamāh", "hama"),
        ] {
            let tokens = tokenize(text);
            let found = gazetteer.longest_at(&tokens, 0).map(|(target, _)| target);
            assert_eq!(found, Some(NameTarget::Place(id.into())), "{text}");
        }
        assert_eq!(gazetteer.capital.as_deref(), Some("damascus"));
        assert_eq!(
            gazetteer.groupings.get("south").map(String::as_str),
            Some("south")
        );
        assert!(
            gazetteer.geonames.is_empty(),
            "the scenario has every GeoNames place"
        );
    }
}
