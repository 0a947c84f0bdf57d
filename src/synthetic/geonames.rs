//! The large scenario over real places from the shared GeoNames extracts.

use super::{Parts, SplitMix, SyntheticSize, assemble, generate_claims, governorates_and_all};
use crate::model::{KeyConnection, Place, PlaceKind, Route, RouteKind, Scenario};

/// The GeoNames files the large scenario takes its places from, in `../shared/data/`.
pub const GEONAMES_FILES: [&str; 2] = [
    "places_middle_east_geonames.csv",
    "places_world_geonames_cities500.csv",
];

/// Where the shared data is from the repository root: `../shared/data`.
pub fn shared_data_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data")
}

/// The benchmarks' large scenario: seed 1, 20,000 real places, `claims` claims over 30
/// days, read from [`shared_data_dir`].
pub fn benchmark_scenario(claims: usize) -> Result<Scenario, String> {
    let size = SyntheticSize {
        places: 20_000,
        claims,
        days: 30,
    };
    geonames_scenario(1, size, &shared_data_dir())
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
                    parent: None,
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
