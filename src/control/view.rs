//! Views: whose claims count (a perspective) and which sources are hidden.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::model::{Reliability, Scenario, Source, SourceKind};
use crate::suggest::did_you_mean;

/// Whose account the map shows. Baseline sources (the lines before the period) are
/// part of every perspective; hide them explicitly to drop them.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Perspective {
    /// Every source.
    #[default]
    All,
    /// One source (by id).
    Source(String),
    /// One kind of source.
    Kind(SourceKind),
    /// Sources graded at least this reliable.
    MinGrade(Reliability),
}

impl Perspective {
    /// Parses `all`, `source:ID`, `kind:KIND` or `grade:C`, checking ids against the scenario.
    pub fn parse(text: &str, scenario: &Scenario) -> Result<Self, String> {
        let (head, arg) = text.split_once(':').unwrap_or((text, ""));
        match head {
            "all" if arg.is_empty() => Ok(Self::All),
            "source" => match scenario.source_index(arg) {
                Some(_) => Ok(Self::Source(arg.to_owned())),
                None => Err(format!(
                    "unknown source {arg:?}{}",
                    did_you_mean(arg, scenario.sources.iter().map(|s| s.id.as_str()))
                )),
            },
            "kind" => SourceKind::from_name(arg).map(Self::Kind).ok_or_else(|| {
                format!(
                    "unknown source kind {arg:?}{}",
                    did_you_mean(arg, SourceKind::ALL.iter().map(|k| k.as_str()))
                )
            }),
            "grade" => Reliability::from_letter(arg)
                .filter(|grade| *grade != Reliability::F)
                .map(Self::MinGrade)
                .ok_or_else(|| format!("grade {arg:?} is not one of A, B, C, D, E")),
            _ => Err(format!(
                "perspective {text:?} is not all, source:ID, kind:KIND or grade:A-E"
            )),
        }
    }

    /// The command-line form (`all`, `source:ID`, ...).
    pub fn to_arg(&self) -> String {
        match self {
            Self::All => "all".into(),
            Self::Source(id) => format!("source:{id}"),
            Self::Kind(kind) => format!("kind:{}", kind.as_str()),
            Self::MinGrade(grade) => format!("grade:{grade:?}"),
        }
    }

    /// Plain words: "all sources", "as rebel sources tell it", ...
    pub fn label(&self, scenario: &Scenario) -> String {
        match self {
            Self::All => "all sources".into(),
            Self::Source(id) => match scenario.source_index(id) {
                Some(i) => format!("as {} tells it", scenario.sources[i].name),
                None => format!("as {id} tells it"),
            },
            Self::Kind(kind) => format!("as {} tells it", kind.label()),
            Self::MinGrade(grade) => format!("sources graded {grade:?} or better"),
        }
    }

    /// True when claims from `source` count under this perspective.
    pub fn includes(&self, source: &Source) -> bool {
        source.is_baseline()
            || match self {
                Self::All => true,
                Self::Source(id) => &source.id == id,
                Self::Kind(kind) => source.kind == *kind,
                Self::MinGrade(grade) => source.reliability.at_least(*grade),
            }
    }
}

/// Everything that decides what the map shows besides the moment: the perspective,
/// sources hidden by hand, and what-if assumptions (place id → faction id).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct View {
    /// Whose account.
    pub perspective: Perspective,
    /// Source ids whose claims are ignored.
    #[serde(default)]
    pub hidden_sources: BTreeSet<String>,
    /// What-if: places assumed held by a faction.
    #[serde(default)]
    pub assume: BTreeMap<String, String>,
}

/// A view that names things the scenario does not have.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct ViewError {
    /// What is wrong, with a did-you-mean.
    pub message: String,
}

impl View {
    /// Parses `PLACE=FACTION` into the what-if map, checking both ids.
    pub fn add_assumption(&mut self, text: &str, scenario: &Scenario) -> Result<(), ViewError> {
        let Some((place, faction)) = text.split_once('=') else {
            return Err(ViewError {
                message: format!("{text:?} is not PLACE=FACTION"),
            });
        };
        let (place, faction) = (place.trim(), faction.trim());
        if scenario.place_index(place).is_none() {
            return Err(ViewError {
                message: format!(
                    "unknown place {place:?}{}",
                    did_you_mean(place, scenario.places.iter().map(|p| p.id.as_str()))
                ),
            });
        }
        if scenario.faction_index(faction).is_none() {
            return Err(ViewError {
                message: format!(
                    "unknown faction {faction:?}{}",
                    did_you_mean(faction, scenario.factions.iter().map(|f| f.id.as_str()))
                ),
            });
        }
        self.assume.insert(place.to_owned(), faction.to_owned());
        Ok(())
    }

    /// True when `claim` counts under this view: at least one of its originators is
    /// counted and not hidden, and none of its relays is hidden.
    pub fn counts_claim(&self, scenario: &Scenario, claim: &crate::model::Claim) -> bool {
        let counted = |id: &String| {
            !self.hidden_sources.contains(id)
                && scenario
                    .source_index(id)
                    .is_some_and(|s| self.perspective.includes(&scenario.sources[s]))
        };
        claim.originators.iter().any(counted)
            && !claim.via.iter().any(|id| self.hidden_sources.contains(id))
    }

    /// Which sources count, by source index.
    pub fn source_mask(&self, scenario: &Scenario) -> Vec<bool> {
        scenario
            .sources
            .iter()
            .map(|source| {
                !self.hidden_sources.contains(&source.id) && self.perspective.includes(source)
            })
            .collect()
    }
}
