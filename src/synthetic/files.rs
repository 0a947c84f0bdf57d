//! Writing a scenario to files: as one RON file, or as RON plus JSON-lines claims.

use crate::model::Scenario;

/// documents' texts beside it; returns the scenario file's path.
pub fn write_scenario_dir(
    scenario: &Scenario,
    dir: &std::path::Path,
) -> std::io::Result<std::path::PathBuf> {
    std::fs::create_dir_all(dir)?;
    let config = ron::ser::PrettyConfig::new().depth_limit(3);
    let text = crate::model::file_form::writing_file(|| {
        ron::Options::default().to_string_pretty(scenario, config)
    })
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
    let text = crate::model::file_form::writing_file(|| {
        ron::Options::default().to_string_pretty(
            &without_claims,
            ron::ser::PrettyConfig::new().depth_limit(3),
        )
    })
    .map_err(std::io::Error::other)?;
    let path = dir.join("bulk.ron");
    std::fs::write(&path, text)?;
    for document in &scenario.documents {
        std::fs::write(dir.join(&document.text_file), &document.text)?;
    }
    let claims = dir.join("claims.jsonl");
    let jsonl = crate::model::file_form::writing_file(|| crate::io::claims_jsonl(&scenario.claims))
        .map_err(std::io::Error::other)?;
    std::fs::write(&claims, jsonl)?;
    Ok((path, claims))
}
