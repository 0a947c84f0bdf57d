//! Seeded synthetic scenarios for property tests and benchmarks: places on a grid
//! over Syria, a few factions and sources, and random claims of every kind.

use crate::model::{
    Assertion, Claim, Credibility, Document, Faction, FactionKind, KeyConnection, Place, PlaceKind,
    Precision, Region, RegionKind, Reliability, Route, RouteKind, Scenario, Source, SourceKind,
    Subject, TimeRef,
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
        region_geometry: None,
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
            published: "2024-12-07T12:00:00Z".into(),
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
                source: source_id.to_owned(),
                document,
                quote,
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

/// The GeoNames files the large scenario takes its places from, in `../shared/data/`.
pub const GEONAMES_FILES: [&str; 2] = [
    "places_middle_east_geonames.csv",
    "places_world_geonames_cities500.csv",
];

/// Where the shared data is from the repository root: `../shared/data`.
pub fn shared_data_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data")
}

/// A large scenario over real places: every Middle East place in the GeoNames extract
/// (9,366), then the world's cities of 500+ people nearest to Syria until there are
/// `size.places`; governorates are their admin1 areas; a road joins each place to its
/// two nearest neighbours; claims are seeded as in [`synthetic_scenario`] (one in a
/// thousand about a whole governorate). Fails with a clear message when the files are
/// not in `data_dir`.
pub fn geonames_scenario(
    seed: u64,
    size: SyntheticSize,
    data_dir: &std::path::Path,
) -> Result<Scenario, String> {
    let mut rows = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (file, middle_east) in GEONAMES_FILES.iter().zip([true, false]) {
        let path = data_dir.join(file);
        let mut reader = csv::Reader::from_path(&path).map_err(|err| {
            format!(
                "cannot read {} ({err}); the large benchmark scenario needs the shared \
                 GeoNames extracts in ../shared/data/",
                path.display()
            )
        })?;
        let headers = reader.headers().map_err(|err| err.to_string())?.clone();
        let column = |name: &str| {
            headers
                .iter()
                .position(|h| h == name)
                .ok_or_else(|| format!("{}: no column {name:?}", path.display()))
        };
        let [id, name, lat, lon, country, admin1, population] = [
            "geonameid",
            "name",
            "lat",
            "lon",
            "country",
            "admin1_code",
            "population",
        ]
        .map(column);
        let (id, name, lat, lon, country, admin1, population) =
            (id?, name?, lat?, lon?, country?, admin1?, population?);
        for record in reader.records() {
            let record = record.map_err(|err| format!("{}: {err}", path.display()))?;
            let field = |i: usize| record.get(i).unwrap_or("");
            let Ok(geonames_id) = field(id).parse::<u64>() else {
                continue;
            };
            let (Ok(lat), Ok(lon)) = (field(lat).parse::<f64>(), field(lon).parse::<f64>()) else {
                continue;
            };
            if !seen.insert(geonames_id) {
                continue;
            }
            // The Middle East file writes admin1 as "TR.34", the world file as "34".
            let admin1 = field(admin1);
            let governorate = if admin1.contains('.') {
                admin1.to_owned()
            } else {
                format!("{}.{admin1}", field(country))
            };
            // Middle East places first, then the world's by distance from Syria.
            let distance = if middle_east {
                -1.0
            } else {
                (lon - 38.0).powi(2) + (lat - 35.0).powi(2)
            };
            rows.push((
                distance,
                geonames_id,
                Place {
                    id: format!("g{geonames_id}"),
                    name: field(name).to_owned(),
                    aliases: Vec::new(),
                    lon,
                    lat,
                    population: field(population).parse().unwrap_or(0),
                    kind: PlaceKind::Town,
                    governorate: format!("adm-{governorate}"),
                    geonames_id: Some(geonames_id),
                },
            ));
        }
    }
    rows.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    rows.truncate(size.places);
    let mut places: Vec<Place> = rows.into_iter().map(|(_, _, place)| place).collect();
    places.sort_by(|a, b| a.id.cmp(&b.id));

    let mut governorates: Vec<String> = places.iter().map(|p| p.governorate.clone()).collect();
    governorates.sort_unstable();
    governorates.dedup();
    let regions = governorates_and_all(&governorates, |g| g.trim_start_matches("adm-").to_owned());

    let routes = neighbour_routes(&places);
    // Road links between the five most populous places.
    let mut big: Vec<&Place> = places.iter().collect();
    big.sort_by(|a, b| b.population.cmp(&a.population).then(a.id.cmp(&b.id)));
    let key_connections = big
        .iter()
        .take(5)
        .zip(big.iter().skip(1).take(4))
        .map(|(from, to)| KeyConnection {
            from: from.id.clone(),
            to: to.id.clone(),
            why: "the largest cities".into(),
        })
        .collect();

    let mut rng = SplitMix(seed);
    let place_ids: Vec<&str> = places.iter().map(|p| p.id.as_str()).collect();
    let region_ids: Vec<&str> = governorates.iter().map(String::as_str).collect();
    let (claims, text) = generate_claims(&mut rng, size, &place_ids, &region_ids, 1000);
    Ok(assemble(
        format!("geonames-{seed}-{}", size.claims),
        format!(
            "{} claims over {} real places (seed {seed})",
            size.claims,
            places.len()
        ),
        Parts {
            regions,
            places,
            routes,
            key_connections,
            claims,
            text,
        },
    ))
}

/// A road from each place to each of its two nearest neighbours (each pair once).
fn neighbour_routes(places: &[Place]) -> Vec<Route> {
    let points: Vec<rstar::primitives::GeomWithData<[f64; 2], usize>> = places
        .iter()
        .enumerate()
        .map(|(i, p)| rstar::primitives::GeomWithData::new([p.lon, p.lat], i))
        .collect();
    let tree = rstar::RTree::bulk_load(points);
    let mut pairs = std::collections::BTreeSet::new();
    for (i, place) in places.iter().enumerate() {
        for neighbour in tree
            .nearest_neighbor_iter(&[place.lon, place.lat])
            .filter(|n| n.data != i)
            .take(2)
        {
            pairs.insert((i.min(neighbour.data), i.max(neighbour.data)));
        }
    }
    pairs
        .into_iter()
        .map(|(a, b)| Route {
            id: format!("road-{}-{}", places[a].id, places[b].id),
            reference: String::new(),
            name: format!("{} – {}", places[a].name, places[b].name),
            waypoints: vec![places[a].id.clone(), places[b].id.clone()],
            kind: RouteKind::Road,
            provenance: "nearest neighbours (synthetic)".into(),
        })
        .collect()
}

/// Writes `scenario` as `scenario.ron` in `dir` (claims one per line), with its
/// documents' texts beside it; returns the scenario file's path.
pub fn write_scenario_dir(
    scenario: &Scenario,
    dir: &std::path::Path,
) -> std::io::Result<std::path::PathBuf> {
    std::fs::create_dir_all(dir)?;
    let config = ron::ser::PrettyConfig::new().depth_limit(3);
    let text = ron::Options::default()
        .to_string_pretty(scenario, config)
        .map_err(std::io::Error::other)?;
    let path = dir.join("scenario.ron");
    std::fs::write(&path, text)?;
    for document in &scenario.documents {
        std::fs::write(dir.join(&document.text_file), &document.text)?;
    }
    Ok(path)
}

/// Writes `scenario` for a bulk load: `bulk.ron` without its claims, and the claims as
/// JSON lines in `claims.jsonl` (documents beside them); returns both paths.
pub fn write_bulk_dir(
    scenario: &Scenario,
    dir: &std::path::Path,
) -> std::io::Result<(std::path::PathBuf, std::path::PathBuf)> {
    std::fs::create_dir_all(dir)?;
    let without_claims = Scenario {
        claims: Vec::new(),
        ..scenario.clone()
    };
    let text = ron::Options::default()
        .to_string_pretty(
            &without_claims,
            ron::ser::PrettyConfig::new().depth_limit(3),
        )
        .map_err(std::io::Error::other)?;
    let path = dir.join("bulk.ron");
    std::fs::write(&path, text)?;
    for document in &scenario.documents {
        std::fs::write(dir.join(&document.text_file), &document.text)?;
    }
    let claims = dir.join("claims.jsonl");
    let jsonl = crate::io::claims_jsonl(&scenario.claims).map_err(std::io::Error::other)?;
    std::fs::write(&claims, jsonl)?;
    Ok((path, claims))
}

/// One governorate region per id (named by `name`), then the grouping "all" of them.
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
