//! Seeded synthetic scenarios for property tests and benchmarks: places on a grid
//! over Syria, a few factions and sources, and random claims of every kind; a large
//! scenario over real GeoNames places ([`geonames_scenario`]); and writing either to
//! files ([`write_scenario_dir`], [`write_bulk_dir`]).

mod files;
mod geonames;

pub use files::{write_bulk_dir, write_scenario_dir};
pub use geonames::{GEONAMES_FILES, benchmark_scenario, geonames_scenario, shared_data_dir};

use crate::model::{
    Assertion, Claim, Credibility, Document, Faction, FactionKind, KeyConnection, Place, PlaceKind,
    Precision, Region, RegionKind, Reliability, Route, Scenario, Source, SourceKind, Subject,
    TimeRef,
};

/// How big a synthetic scenario is.
#[derive(Clone, Copy, Debug)]
pub struct SyntheticSize {
    pub places: usize,
    pub claims: usize,
    /// Days the claims are spread over, from 2024-11-20.
    pub days: u32,
}

/// A small deterministic generator (SplitMix64), so no seed ever changes meaning.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const FACTIONS: [(&str, FactionKind, &str); 3] = [
    ("government", FactionKind::Government, "#c0392b"),
    ("rebels", FactionKind::RebelCoalition, "#27ae60"),
    ("sdf", FactionKind::KurdishLedAutonomous, "#f1c40f"),
];

/// (id, kind, affiliation index, grade)
const SOURCES: [(&str, SourceKind, Option<usize>, Reliability); 5] = [
    ("baseline", SourceKind::Baseline, None, Reliability::E),
    (
        "state-media",
        SourceKind::StateMedia,
        Some(0),
        Reliability::D,
    ),
    (
        "rebel-sources",
        SourceKind::PartyToFight,
        Some(1),
        Reliability::D,
    ),
    ("agency", SourceKind::NewsAgency, None, Reliability::B),
    ("residents", SourceKind::Eyewitness, None, Reliability::C),
];

/// A synthetic scenario from `seed`. Quotes are verbatim in one document.
pub fn synthetic_scenario(seed: u64, size: SyntheticSize) -> Scenario {
    let mut rng = SplitMix(seed);
    let governorates = 4;
    let names: Vec<String> = (0..governorates).map(|g| format!("gov-{g}")).collect();
    let regions = governorates_and_all(&names, |g| {
        format!("Governorate {}", g.trim_start_matches("gov-"))
    });
    let places: Vec<Place> = (0..size.places)
        .map(|p| Place {
            id: format!("p{p:06}"),
            name: format!("Place {p}"),
            aliases: Vec::new(),
            lon: 36.0 + (rng.below(6000) as f64) / 1000.0,
            lat: 32.5 + (rng.below(4500) as f64) / 1000.0,
            population: rng.below(3) as u64 * rng.below(100_000) as u64,
            kind: PlaceKind::Town,
            governorate: format!("gov-{}", p % governorates),
            geonames_id: None,
            parent: None,
        })
        .collect();
    let place_ids: Vec<&str> = places.iter().map(|p| p.id.as_str()).collect();
    let region_ids: Vec<&str> = regions.iter().map(|r| r.id.as_str()).collect();
    let (claims, text) = generate_claims(&mut rng, size, &place_ids, &region_ids, 20);
    assemble(
        format!("synthetic-{seed}"),
        format!("Synthetic scenario {seed}"),
        Parts {
            regions,
            places,
            routes: Vec::new(),
            key_connections: Vec::new(),
            claims,
            text,
        },
    )
}

/// Everything but the fixed factions, sources and document.
struct Parts {
    regions: Vec<Region>,
    places: Vec<Place>,
    routes: Vec<Route>,
    key_connections: Vec<KeyConnection>,
    claims: Vec<Claim>,
    text: String,
}

fn assemble(id: String, title: String, parts: Parts) -> Scenario {
    let Parts {
        regions,
        places,
        routes,
        key_connections,
        claims,
        text,
    } = parts;
    let mut scenario = Scenario {
        format_version: crate::model::FORMAT_VERSION,
        id,
        title,
        description: "Generated for tests and benchmarks.".into(),
        utc_offset: "+03:00".into(),
        freshness_hours: crate::model::DEFAULT_FRESHNESS_HOURS,
        region_geometry: None,
        includes: Vec::new(),
        factions: FACTIONS
            .iter()
            .map(|(id, kind, color)| Faction {
                id: (*id).into(),
                name: (*id).into(),
                short: (*id).into(),
                color: (*color).into(),
                kind: *kind,
                allies: Vec::new(),
            })
            .collect(),
        sources: SOURCES
            .iter()
            .map(|(id, kind, affiliation, reliability)| Source {
                id: (*id).into(),
                name: (*id).into(),
                kind: *kind,
                affiliation: affiliation.map(|f| FACTIONS[f].0.to_owned()),
                reliability: *reliability,
                reliability_reason: "synthetic".into(),
            })
            .collect(),
        documents: vec![Document {
            id: "doc".into(),
            title: "Synthetic document".into(),
            publisher: "Frontline".into(),
            published: published_after(&claims),
            url: None,
            text_file: "synthetic.txt".into(),
            text,
        }],
        regions,
        places,
        routes,
        key_connections,
        claims,
    };
    scenario.sort_by_id();
    scenario
}

/// Random claims about `places` and (one in `region_one_in`) `regions`, and the one
/// document text that quotes them all verbatim.
fn generate_claims(
    rng: &mut SplitMix,
    size: SyntheticSize,
    places: &[&str],
    regions: &[&str],
    region_one_in: usize,
) -> (Vec<Claim>, String) {
    let mut text = String::new();
    let claims: Vec<Claim> = (0..size.claims)
        .map(|c| {
            let source = rng.below(SOURCES.len());
            let (source_id, _, _, _) = SOURCES[source];
            let subject = if rng.below(region_one_in) == 0 {
                Subject::Region(regions[rng.below(regions.len())].to_owned())
            } else {
                Subject::Place(places[rng.below(places.len())].to_owned())
            };
            let assertion = assertion(rng);
            let actor = FACTIONS[rng.below(FACTIONS.len())].0.to_owned();
            let counterpart =
                (rng.below(2) == 0).then(|| FACTIONS[rng.below(FACTIONS.len())].0.to_owned());
            let day = rng.below(size.days.max(1) as usize);
            let hour = rng.below(24);
            let precision = [
                Precision::Exact,
                Precision::Day,
                Precision::Evening,
                Precision::Night,
                Precision::Week,
            ][rng.below(5)];
            let at = jiff::civil::date(2024, 11, 20)
                .checked_add(jiff::Span::new().days(day as i64))
                .unwrap_or(jiff::civil::date(2024, 11, 20));
            let at = match precision {
                Precision::Exact => format!("{at}T{hour:02}:00"),
                _ => at.to_string(),
            };
            let (document, quote) = if source_id == "baseline" {
                (None, None)
            } else {
                let quote = format!("Claim {c} says so.");
                text.push_str(&quote);
                text.push(' ');
                (Some("doc".to_owned()), Some(quote))
            };
            Claim {
                id: format!("c{c:07}"),
                subject,
                assertion,
                actor: Some(actor),
                counterpart,
                originators: vec![source_id.to_owned()],
                via: Vec::new(),
                v1_source: None,
                scope: crate::model::Scope::default(),
                document,
                quote,
                record: None,
                when: TimeRef { at, precision },
                credibility: Credibility(1 + rng.below(6) as u8),
                note: None,
            }
        })
        .collect();
    (claims, text)
}

fn assertion(rng: &mut SplitMix) -> Assertion {
    match rng.below(12) {
        0..=2 => Assertion::Captured,
        3..=4 => Assertion::Holds,
        5 => Assertion::Withdrew,
        6 => Assertion::DeniesLoss,
        7 => Assertion::FightingAt,
        8 => Assertion::Besieges,
        9 => Assertion::Lull,
        10 => Assertion::NegotiatedHandover,
        _ => Assertion::StrikeOn,
    }
}
/// One governorate region per id (named by `name`), then the grouping "all" of them.
/// A publication time after every claim (with a week's margin for "about a week"),
/// so that the scenario validates: no claim may postdate its document.
fn published_after(claims: &[Claim]) -> String {
    let last = claims
        .iter()
        .filter_map(|claim| claim.when.at.get(..10)?.parse::<jiff::civil::Date>().ok())
        .max()
        .unwrap_or(jiff::civil::date(2024, 12, 7));
    let day = last.checked_add(jiff::Span::new().days(8)).unwrap_or(last);
    format!("{day}T12:00:00Z")
}

fn governorates_and_all(ids: &[String], name: impl Fn(&str) -> String) -> Vec<Region> {
    ids.iter()
        .map(|id| Region {
            id: id.clone(),
            name: name(id),
            kind: RegionKind::Governorate,
            admin1_code: None,
            members: Vec::new(),
        })
        .chain(std::iter::once(Region {
            id: "all".into(),
            name: "Everywhere".into(),
            kind: RegionKind::Grouping,
            admin1_code: None,
            members: ids.to_vec(),
        }))
        .collect()
}
