//! Place and region names: every name and alias the scenario knows, plus the GeoNames
//! names of Syrian places (embedded `assets/gazetteer/syria-geonames.tsv`, GeoNames,
//! CC BY 4.0), all folded for case and diacritics and looked up a few words at a time.
//! The GeoNames part is parsed and indexed once per process; the scenario's part is
//! built per call (it is small, and the scenario may change between calls).

use std::collections::HashMap;

use super::geonames::{geonames, key_of};
use super::sentences::Token;
use crate::model::{Place, PlaceKind, Scenario, fold};

/// What a name stands for.
#[derive(Clone, Debug, PartialEq)]
pub enum NameTarget {
    /// A place of the scenario, by id.
    Place(String),
    /// A GeoNames place the scenario lacks (a row of the embedded extract).
    GeoNames(usize),
    /// A region of the scenario, by id.
    Region(String),
}

/// Every name the extractor recognises, folded: the scenario's, built per call, and
/// the GeoNames extract's, shared.
#[derive(Clone, Debug, Default)]
pub struct Gazetteer {
    /// Folded scenario name (words run together) → what it names and its word count.
    names: HashMap<String, (NameTarget, usize)>,
    /// GeoNames id → the scenario place that has it.
    by_geonames: HashMap<u64, String>,
    /// Lower-case region names that need "the" before them ("the south" → south).
    pub groupings: HashMap<String, String>,
    /// The most words any name has.
    pub longest: usize,
    /// The scenario's capital, for "the capital".
    pub capital: Option<String>,
    /// Place id → the governorate it is the namesake seat of (Daraa → daraa-governorate).
    pub namesakes: HashMap<String, String>,
}

impl Gazetteer {
    /// Builds the gazetteer of `scenario`'s places and regions over the GeoNames extract.
    pub fn new(scenario: &Scenario) -> Self {
        let mut gazetteer = Self {
            longest: geonames().longest,
            ..Self::default()
        };
        for place in &scenario.places {
            for name in std::iter::once(&place.name).chain(&place.aliases) {
                gazetteer.insert(name, NameTarget::Place(place.id.clone()));
            }
            if let Some(id) = place.geonames_id {
                gazetteer.by_geonames.insert(id, place.id.clone());
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
        gazetteer
    }

    /// Adds a scenario name; the first one wins.
    fn insert(&mut self, name: &str, target: NameTarget) {
        let (key, words) = key_of(name);
        if key.len() >= 3 && !self.names.contains_key(&key) {
            self.longest = self.longest.max(words);
            self.names.insert(key, (target, words));
        }
    }

    /// What the folded `key` of `words` words names: a scenario name first, then a
    /// GeoNames name of a scenario place (the first in the extract), then the most
    /// populous GeoNames place the scenario lacks.
    fn lookup(&self, key: &str, words: usize) -> Option<NameTarget> {
        if let Some((target, n)) = self.names.get(key) {
            return (*n == words).then(|| target.clone());
        }
        let index = geonames();
        let rows = index.names.get(key)?;
        let rows = rows.iter().filter(|&&(_, n)| n == words).map(|&(r, _)| r);
        let known = rows
            .clone()
            .find_map(|r| self.by_geonames.get(&index.records[r].geonames_id));
        if let Some(id) = known {
            return Some(NameTarget::Place(id.clone()));
        }
        let mut best: Option<usize> = None;
        for row in rows {
            if best.is_none_or(|b| index.records[row].population > index.records[b].population) {
                best = Some(row);
            }
        }
        best.map(NameTarget::GeoNames)
    }

    /// How many GeoNames rows name no scenario place.
    pub fn lacking(&self) -> usize {
        let records = &geonames().records;
        records
            .iter()
            .filter(|r| !self.by_geonames.contains_key(&r.geonames_id))
            .count()
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
            if let Some(target) = self.lookup(&key, n + 1) {
                best = Some((target, n + 1));
            }
        }
        best
    }

    /// A new scenario place for the GeoNames row `index`, in the governorate whose
    /// admin1 code it has, named as the text names it (`as_written` becomes an alias).
    pub fn propose(&self, scenario: &Scenario, index: usize, as_written: &str) -> Option<Place> {
        let record = geonames().records.get(index)?;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::sentences::tokenize;
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
        assert_eq!(
            gazetteer.lacking(),
            0,
            "the scenario has every GeoNames place"
        );
    }
}
