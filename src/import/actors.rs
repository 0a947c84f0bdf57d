//! Which faction an ACLED actor is: the user's `--actor "NAME=FACTION"` mappings, then
//! built-in defaults for ACLED's names of the sides in Syria, then the scenario's own
//! faction names (what `export --format acled` writes).

use crate::io::{Diagnostic, LoadError, did_you_mean};
use crate::model::{Scenario, fold};

/// ACLED actor names (without their dates in parentheses) and the faction id each is
/// taken as, when the scenario has a faction of that id.
pub const DEFAULT_ACTORS: [(&str, &str); 14] = [
    ("Military Forces of Syria", "government"),
    ("Police Forces of Syria", "government"),
    ("Hayat Tahrir al-Sham", "rebels"),
    ("Military Operations Command", "rebels"),
    ("Southern Operations Room", "rebels"),
    ("SDF: Syrian Democratic Forces", "sdf"),
    ("Syrian Democratic Forces", "sdf"),
    ("Syrian National Army", "sna"),
    ("Hezbollah", "hezbollah"),
    ("Military Forces of Iran", "iran"),
    ("Military Forces of Russia", "russia"),
    ("Military Forces of Israel", "israel"),
    ("Military Forces of Turkey", "turkey"),
    ("Islamic State (Syria)", "isis"),
];

/// Words that map an actor to no faction (`--actor "Civilians (Syria)=-"`).
const NO_FACTION: [&str; 2] = ["-", "none"];

/// Actor names (folded) and the faction each maps to (`None`: no faction).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ActorMap {
    pairs: Vec<(String, Option<String>)>,
}

impl ActorMap {
    /// The user's mappings (`NAME=FACTION`, the faction by id, name or short label;
    /// `-` for none) before the defaults whose faction `scenario` has. An unknown
    /// faction is an error located at `<--actor>`, with the closest faction suggested.
    pub fn new(scenario: &Scenario, mappings: &[String]) -> Result<Self, LoadError> {
        let mut pairs = Vec::new();
        let mut diagnostics = Vec::new();
        for mapping in mappings {
            let Some((name, faction)) = mapping.rsplit_once('=') else {
                diagnostics.push(actor_error(format!(
                    "{mapping:?} is not NAME=FACTION (e.g. \"Hayat Tahrir al-Sham=rebels\")"
                )));
                continue;
            };
            match faction_of(scenario, faction.trim()) {
                Ok(faction) => pairs.push((folded(name), faction)),
                Err(message) => diagnostics.push(actor_error(message)),
            }
        }
        if !diagnostics.is_empty() {
            return Err(LoadError { diagnostics });
        }
        for (name, faction) in DEFAULT_ACTORS {
            if scenario.faction_index(faction).is_some() {
                pairs.push((folded(name), Some(faction.to_owned())));
            }
        }
        Ok(Self { pairs })
    }

    /// The faction `actor` is, `Ok(None)` for an empty actor or one mapped to none, or
    /// `Err` for an actor nothing maps.
    pub fn faction(&self, scenario: &Scenario, actor: &str) -> Result<Option<String>, String> {
        let actor = actor.trim();
        if actor.is_empty() {
            return Ok(None);
        }
        let key = folded(actor);
        if let Some((_, faction)) = self.pairs.iter().find(|(name, _)| *name == key) {
            return Ok(faction.clone());
        }
        match faction_of(scenario, actor) {
            Ok(found) => Ok(found),
            Err(_) => Err(format!(
                "unknown actor {actor:?}: map it with --actor \"{actor}=FACTION\" (or =- for none){}",
                did_you_mean(
                    actor,
                    scenario
                        .factions
                        .iter()
                        .map(|faction| faction.name.as_str())
                )
            )),
        }
    }
}

/// An actor name without its dates ("Military Forces of Syria (2000-2024)"), folded.
fn folded(name: &str) -> String {
    let name = name.trim();
    let bare = match name.rfind(" (") {
        Some(at) if name.ends_with(')') && name[at..].chars().any(|c| c.is_ascii_digit()) => {
            &name[..at]
        }
        _ => name,
    };
    fold(bare)
}

/// The faction id `text` names (id, name or short label, folded); `None` for `-`.
fn faction_of(scenario: &Scenario, text: &str) -> Result<Option<String>, String> {
    if NO_FACTION.contains(&text.to_ascii_lowercase().as_str()) {
        return Ok(None);
    }
    let key = fold(text);
    scenario
        .factions
        .iter()
        .find(|f| f.id == text || [&f.id, &f.name, &f.short].iter().any(|n| fold(n) == key))
        .map(|f| Some(f.id.clone()))
        .ok_or_else(|| {
            format!(
                "unknown faction {text:?}{}",
                did_you_mean(text, scenario.factions.iter().map(|f| f.id.as_str()))
            )
        })
}

fn actor_error(message: String) -> Diagnostic {
    Diagnostic {
        file: "<--actor>".to_owned(),
        line: 1,
        col: 1,
        message,
    }
}
