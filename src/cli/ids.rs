//! Ids typed on the command line: a place, faction or source may be given by its id,
//! its name, an alias or a short label, in any case and with or without accents
//! (`--assume Homs=Rebels`, `--assume deraa=rebels`, `--perspective source:Reuters`,
//! `--faction SDF`). Every flag goes through [`resolve_id`].

use super::argument_error;
use crate::io::{LoadError, did_you_mean};
use crate::model::{Scenario, fold};

/// One thing an id may name: its id and the other names it answers to.
pub struct Named<'a> {
    /// The id.
    pub id: &'a str,
    /// Its name, aliases, short label.
    pub names: Vec<&'a str>,
}

/// The id `text` stands for among `known` (a `what`, such as "place"): the id itself
/// if one is spelled exactly so, else the one item whose id, name or alias folds
/// ([`fold`]) to the same letters. Unknown or ambiguous text is an error located at
/// `flag`, listing the candidates.
pub fn resolve_id(
    flag: &str,
    what: &str,
    text: &str,
    known: &[Named<'_>],
) -> Result<String, LoadError> {
    let text = text.trim();
    if let Some(item) = known.iter().find(|item| item.id == text) {
        return Ok(item.id.to_owned());
    }
    let folded = fold(text);
    let mut matches: Vec<&Named<'_>> = known
        .iter()
        .filter(|item| {
            !folded.is_empty()
                && std::iter::once(item.id)
                    .chain(item.names.iter().copied())
                    .any(|name| fold(name) == folded)
        })
        .collect();
    matches.sort_by_key(|item| item.id);
    matches.dedup_by_key(|item| item.id);
    match matches.as_slice() {
        [item] => Ok(item.id.to_owned()),
        [] => Err(argument_error(
            flag,
            format!(
                "unknown {what} {text:?}{}",
                did_you_mean(text, known.iter().map(|item| item.id))
            ),
        )),
        several => Err(argument_error(
            flag,
            format!(
                "{text:?} could be the {what} {}; give its id",
                several
                    .iter()
                    .map(|item| match item.names.first() {
                        Some(name) => format!("{:?} ({name})", item.id),
                        None => format!("{:?}", item.id),
                    })
                    .collect::<Vec<_>>()
                    .join(" or ")
            ),
        )),
    }
}

/// The id of the place `text` names (id, name or alias).
pub fn place_id(scenario: &Scenario, flag: &str, text: &str) -> Result<String, LoadError> {
    let known: Vec<Named<'_>> = scenario
        .places
        .iter()
        .map(|place| Named {
            id: &place.id,
            names: std::iter::once(place.name.as_str())
                .chain(place.aliases.iter().map(String::as_str))
                .collect(),
        })
        .collect();
    resolve_id(flag, "place", text, &known)
}

/// The id of the faction `text` names (id, name or short label).
pub fn faction_id(scenario: &Scenario, flag: &str, text: &str) -> Result<String, LoadError> {
    let known: Vec<Named<'_>> = scenario
        .factions
        .iter()
        .map(|faction| Named {
            id: &faction.id,
            names: vec![&faction.name, &faction.short],
        })
        .collect();
    resolve_id(flag, "faction", text, &known)
}

/// The id of the source `text` names (id or name).
pub fn source_id(scenario: &Scenario, flag: &str, text: &str) -> Result<String, LoadError> {
    let known: Vec<Named<'_>> = scenario
        .sources
        .iter()
        .map(|source| Named {
            id: &source.id,
            names: vec![&source.name],
        })
        .collect();
    resolve_id(flag, "source", text, &known)
}

/// `--assume PLACE=FACTION` with both sides given by id or by name, as `place=faction`
/// ids for [`crate::control::View::add_assumption`].
pub fn assumption(scenario: &Scenario, text: &str) -> Result<String, LoadError> {
    let Some((place, faction)) = text.split_once('=') else {
        return Err(argument_error(
            "--assume",
            format!("{text:?} is not PLACE=FACTION"),
        ));
    };
    let place = place_id(scenario, "--assume", place)?;
    let faction = faction_id(scenario, "--assume", faction)?;
    Ok(format!("{place}={faction}"))
}

/// `--perspective` with its head in any case, a source given by id or name, a kind in
/// any case and a grade in either case, in the form
/// [`crate::control::Perspective::parse`] reads.
pub fn perspective(scenario: &Scenario, text: &str) -> Result<String, LoadError> {
    let text = text.trim();
    let (head, arg) = text.split_once(':').unwrap_or((text, ""));
    let head = head.trim().to_lowercase();
    let arg = arg.trim();
    Ok(match head.as_str() {
        "source" => format!("source:{}", source_id(scenario, "--perspective", arg)?),
        "kind" => format!("kind:{}", arg.to_lowercase()),
        "grade" => format!("grade:{}", arg.to_uppercase()),
        "all" if arg.is_empty() => head,
        _ => text.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known() -> Vec<Named<'static>> {
        vec![
            Named {
                id: "daraa",
                names: vec!["Daraa", "Deraa", "Dar‘ā"],
            },
            Named {
                id: "homs",
                names: vec!["Homs", "Hims"],
            },
            Named {
                id: "tell-abyad",
                names: vec!["Tell Abyad"],
            },
            Named {
                id: "tell-abyad-2",
                names: vec!["Tall Abyad", "Tell Abyad"],
            },
        ]
    }

    fn resolve(text: &str) -> Result<String, String> {
        resolve_id("--assume", "place", text, &known()).map_err(|err| err.to_string())
    }

    #[test]
    fn ids_names_and_aliases_in_any_case() {
        assert_eq!(resolve("homs"), Ok("homs".into()));
        assert_eq!(resolve("HOMS"), Ok("homs".into()));
        assert_eq!(resolve("Hims"), Ok("homs".into()));
        assert_eq!(resolve("deraa"), Ok("daraa".into()));
        assert_eq!(resolve("Dar'a"), Ok("daraa".into()));
        assert_eq!(resolve(" Tall Abyad "), Ok("tell-abyad-2".into()));
    }

    #[test]
    fn an_exact_id_wins_over_a_shared_name() {
        assert_eq!(resolve("tell-abyad"), Ok("tell-abyad".into()));
    }

    #[test]
    fn an_ambiguous_name_lists_the_candidates() {
        let Err(message) = resolve("tell abyad") else {
            panic!("two places are called Tell Abyad");
        };
        assert_eq!(
            message,
            "<--assume>:1:1: \"tell abyad\" could be the place \"tell-abyad\" (Tell Abyad) \
             or \"tell-abyad-2\" (Tall Abyad); give its id"
        );
    }

    #[test]
    fn an_unknown_name_suggests_an_id() {
        let Err(message) = resolve("homz") else {
            panic!("no place is called homz");
        };
        assert!(
            message.starts_with("<--assume>:1:1: unknown place \"homz\""),
            "{message}"
        );
        assert!(message.contains("homs"), "{message}");
        assert!(resolve("").is_err());
    }
}
