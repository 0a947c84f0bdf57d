//! Claims: who said what about which place, region or side, when, in whose words.

use serde::{Deserialize, Serialize};

use super::{Credibility, Record, TimeRef};

/// One attributed statement: who said what about which place, region or route, and when.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    /// Stable id.
    pub id: String,

    /// What the claim is about.
    pub subject: Subject,

    /// What is asserted.
    pub assertion: Assertion,

    /// The faction that acts (captures, holds, withdraws, denies, strikes, deploys ...).
    #[serde(default, skip_serializing_if = "super::file_form::none")]
    pub actor: Option<String>,

    /// The other side: who lost it, who receives it, who is fought or struck.
    #[serde(default, skip_serializing_if = "super::file_form::none")]
    pub counterpart: Option<String>,

    /// Who made the statement: the source(s) the document attributes it to. A joint
    /// statement ("both sides claimed") has several, each keeping its own side and grade.
    #[serde(default)]
    pub originators: Vec<String>,

    /// Who passed the statement on, from the originator outward (e.g. a Telegram
    /// channel, then an agency). Relays never add independence.
    #[serde(default, skip_serializing_if = "super::file_form::empty")]
    pub via: Vec<String>,

    /// Format 1's single `source`; moved into `originators` when the file is loaded.
    #[serde(
        default,
        rename = "source",
        skip_serializing_if = "super::file_form::none",
        serialize_with = "super::file_form::text_or_empty",
        deserialize_with = "super::file_form::some_unless_empty"
    )]
    pub v1_source: Option<String>,

    /// For a claim about a region: how much of it the claim covers.
    #[serde(default, skip_serializing_if = "super::file_form::whole_region")]
    pub scope: Scope,

    /// The document the quote comes from (baseline claims have none).
    #[serde(default, skip_serializing_if = "super::file_form::none")]
    pub document: Option<String>,

    /// The exact words in the document; must occur verbatim in its text.
    #[serde(default, skip_serializing_if = "super::file_form::none")]
    pub quote: Option<String>,

    /// The dataset record the claim comes from, for claims imported from a dataset
    /// (an ACLED row, a control-map feature) rather than quoted from a document.
    #[serde(default, skip_serializing_if = "super::file_form::none")]
    pub record: Option<Record>,

    /// When the claim refers to.
    pub when: TimeRef,

    /// Admiralty-code information credibility 1-6.
    pub credibility: Credibility,

    /// The analyst's note (corrections, readings of ambiguous wording).
    #[serde(default, skip_serializing_if = "super::file_form::none")]
    pub note: Option<String>,
}

impl Claim {
    /// The first originator's id ("" if none; validation reports that).
    pub fn first_originator(&self) -> &str {
        self.originators.first().map_or("", String::as_str)
    }

    /// Moves a format 1 `source` into `originators`; false when the claim also names
    /// originators (then it is left as it is).
    pub fn upgrade_v1_source(&mut self) -> bool {
        if !self.originators.is_empty() {
            return self.v1_source.is_none();
        }
        if let Some(source) = self.v1_source.take() {
            self.originators.push(source);
        }
        true
    }

    /// Every source the claim names: its originators, then its relays.
    pub fn sources(&self) -> impl Iterator<Item = &str> {
        self.originators.iter().chain(&self.via).map(String::as_str)
    }
}

/// What a claim is about.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Subject {
    Place(String),
    Region(String),
    Route(String),
    /// A side as a whole ("the military is repositioning"): never colours the map.
    Faction(String),
    /// A person, by name ("Assad has fled"): never colours the map.
    Person(String),
}

impl Subject {
    /// The id of the place, region, route or faction, or the person's name.
    pub fn id(&self) -> &str {
        match self {
            Self::Place(id)
            | Self::Region(id)
            | Self::Route(id)
            | Self::Faction(id)
            | Self::Person(id) => id,
        }
    }

    /// True for subjects that are somewhere on the map (places, regions, routes).
    pub fn is_geographic(&self) -> bool {
        matches!(self, Self::Place(_) | Self::Region(_) | Self::Route(_))
    }
}

/// How much of a region a claim covers.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scope {
    /// All, most or part of the region.
    pub extent: Extent,
    /// The places the claim names or the analyst reads into it ("southern Quneitra").
    /// They take the claim's full effect; the region's other places do not.
    #[serde(default, skip_serializing_if = "super::file_form::empty")]
    pub places: Vec<String>,
}

impl Scope {
    /// The whole region, no places named (the default).
    pub fn is_all(&self) -> bool {
        self.extent == Extent::All && self.places.is_empty()
    }
}

/// How much of a region a claim covers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Extent {
    /// The whole region: every place takes the claim's effect.
    #[default]
    All,
    /// Most of it ("the majority of the south"): the named places take the effect;
    /// the others become contested, never flipped.
    Most,
    /// Part of it ("southern Quneitra"): only the named places take the effect.
    Part,
}

impl Extent {
    /// Plain words: "all of", "most of", "part of".
    pub fn label(self) -> &'static str {
        match self {
            Self::All => "all of",
            Self::Most => "most of",
            Self::Part => "part of",
        }
    }
}

/// What a claim asserts about its subject.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Assertion {
    /// The actor holds the subject.
    Holds,
    /// The actor captured the subject (from the counterpart).
    Captured,
    /// The actor declared the subject under its control ("declared the city free"):
    /// a capture stated as a declaration.
    DeclaredControl,
    /// The actor's forces entered the subject: presence, not control, so it is contested.
    Entered,
    /// The actor is retreating from the subject: control is in question.
    Retreating,
    /// The actor advanced to within `km` of the subject.
    AdvancedWithin { km: f64 },
    /// The actor is at the edge ("at the walls") of the subject.
    AtEdge,
    /// The actor besieges the subject.
    Besieges,
    /// Fighting at the subject between the actor and the counterpart.
    FightingAt,
    /// Fighting at the subject paused.
    Lull,
    /// The actor withdrew or repositioned from the subject (to the counterpart, if named).
    Withdrew,
    /// The actor denies, or does not acknowledge, losing the subject.
    DeniesLoss,
    /// The actor struck the subject; the counterpart is the side struck.
    StrikeOn,
    /// People evacuated from the subject.
    EvacuationFrom,
    /// The actor deployed forces to the subject.
    ForcesDeployed,
    /// The actor agreed to hand the subject over to the counterpart.
    NegotiatedHandover,
    /// The actor denies a statement (not a loss of ground: see `DeniesLoss`).
    Denial,
    /// Any other attributed statement about the subject, with no bearing on control.
    Statement,
}

/// How a claim bears on who controls its subject.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ControlEffect<F> {
    /// The faction controls the subject from then on.
    Sets(F),
    /// The faction no longer controls it, and no one is said to have taken over.
    Leaves(F),
    /// Fighting or a siege makes control uncertain for a while.
    Contests,
    /// Fighting stopped.
    Calms,
    /// The faction says it did not lose the subject.
    Denies(F),
    /// No bearing on control (strikes, evacuations, deployments, statements).
    None,
}

impl Assertion {
    /// Plain words for the assertion, e.g. "captured".
    pub fn label(&self) -> String {
        match self {
            Self::Holds => "holds".into(),
            Self::Captured => "captured".into(),
            Self::DeclaredControl => "declared control of".into(),
            Self::Entered => "entered".into(),
            Self::Retreating => "is retreating from".into(),
            Self::AdvancedWithin { km } => format!("advanced to within {km} km of"),
            Self::AtEdge => "at the edge of".into(),
            Self::Besieges => "besieging".into(),
            Self::FightingAt => "fighting at".into(),
            Self::Lull => "fighting paused at".into(),
            Self::Withdrew => "withdrew or repositioned from".into(),
            Self::DeniesLoss => "denies or does not acknowledge losing".into(),
            Self::StrikeOn => "struck".into(),
            Self::EvacuationFrom => "evacuation from".into(),
            Self::ForcesDeployed => "deployed forces to".into(),
            Self::NegotiatedHandover => "agreed to hand over".into(),
            Self::Denial => "denies a statement on".into(),
            Self::Statement => "statement on".into(),
        }
    }

    /// True for a change of hands (captured, declared, withdrew, handed over), which
    /// supersedes earlier "holds" claims and ends fighting.
    pub fn is_transition(&self) -> bool {
        matches!(
            self,
            Self::Captured | Self::DeclaredControl | Self::Withdrew | Self::NegotiatedHandover
        )
    }

    /// True for assertions that need an acting faction.
    pub fn needs_actor(&self) -> bool {
        matches!(
            self,
            Self::Holds
                | Self::Captured
                | Self::DeclaredControl
                | Self::Entered
                | Self::Retreating
                | Self::Denial
                | Self::AdvancedWithin { .. }
                | Self::AtEdge
                | Self::Besieges
                | Self::Withdrew
                | Self::DeniesLoss
                | Self::NegotiatedHandover
        )
    }

    /// How this assertion, made with these factions, bears on control.
    pub fn effect<F: Copy>(&self, actor: Option<F>, counterpart: Option<F>) -> ControlEffect<F> {
        match (self, actor) {
            (Self::Holds | Self::Captured | Self::DeclaredControl, Some(actor)) => {
                ControlEffect::Sets(actor)
            }
            (Self::Withdrew | Self::NegotiatedHandover, Some(actor)) => match counterpart {
                Some(receiver) => ControlEffect::Sets(receiver),
                None => ControlEffect::Leaves(actor),
            },
            (Self::DeniesLoss, Some(actor)) => ControlEffect::Denies(actor),
            (
                Self::FightingAt | Self::Besieges | Self::AtEdge | Self::Entered | Self::Retreating,
                _,
            ) => ControlEffect::Contests,
            (Self::Lull, _) => ControlEffect::Calms,
            _ => ControlEffect::None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn effects_follow_the_roles() {
        assert_eq!(
            Assertion::Captured.effect(Some(1), Some(2)),
            ControlEffect::Sets(1)
        );
        assert_eq!(
            Assertion::NegotiatedHandover.effect(Some(2), Some(1)),
            ControlEffect::Sets(1)
        );
        assert_eq!(
            Assertion::Withdrew.effect(Some(2), None),
            ControlEffect::Leaves(2)
        );
        assert_eq!(
            Assertion::StrikeOn.effect(Some(2), Some(1)),
            ControlEffect::<i32>::None
        );
        assert_eq!(
            Assertion::Besieges.effect(Some(1), None),
            ControlEffect::Contests
        );
    }
}
