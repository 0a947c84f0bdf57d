use serde::{Deserialize, Serialize};

use super::{Credibility, TimeRef};

/// One attributed statement: who said what about which place, region or route, and when.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// Stable id.
    pub id: String,

    /// What the claim is about.
    pub subject: Subject,

    /// What is asserted.
    pub assertion: Assertion,

    /// The faction that acts (captures, holds, withdraws, denies, strikes, deploys ...).
    #[serde(default)]
    pub actor: Option<String>,

    /// The other side: who lost it, who receives it, who is fought or struck.
    #[serde(default)]
    pub counterpart: Option<String>,

    /// The source the document attributes the claim to.
    pub source: String,

    /// The document the quote comes from (baseline claims have none).
    #[serde(default)]
    pub document: Option<String>,

    /// The exact words in the document; must occur verbatim in its text.
    #[serde(default)]
    pub quote: Option<String>,

    /// When the claim refers to.
    pub when: TimeRef,

    /// Admiralty-code information credibility 1-6.
    pub credibility: Credibility,

    /// The analyst's note (corrections, readings of ambiguous wording).
    #[serde(default)]
    pub note: Option<String>,
}

/// What a claim is about.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Subject {
    Place(String),
    Region(String),
    Route(String),
}

impl Subject {
    /// The id of the place, region or route.
    pub fn id(&self) -> &str {
        match self {
            Self::Place(id) | Self::Region(id) | Self::Route(id) => id,
        }
    }
}

/// What a claim asserts about its subject.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Assertion {
    /// The actor holds the subject.
    Holds,
    /// The actor captured the subject (from the counterpart).
    Captured,
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
    /// The actor struck the subject.
    StrikeOn,
    /// People evacuated from the subject.
    EvacuationFrom,
    /// The actor deployed forces to the subject.
    ForcesDeployed,
    /// The actor agreed to hand the subject over to the counterpart.
    NegotiatedHandover,
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
            Self::Statement => "statement on".into(),
        }
    }

    /// True for assertions that need an acting faction.
    pub fn needs_actor(&self) -> bool {
        matches!(
            self,
            Self::Holds
                | Self::Captured
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
            (Self::Holds | Self::Captured, Some(actor)) => ControlEffect::Sets(actor),
            (Self::Withdrew | Self::NegotiatedHandover, Some(actor)) => match counterpart {
                Some(receiver) => ControlEffect::Sets(receiver),
                None => ControlEffect::Leaves(actor),
            },
            (Self::DeniesLoss, Some(actor)) => ControlEffect::Denies(actor),
            (Self::FightingAt | Self::Besieges | Self::AtEdge, _) => ControlEffect::Contests,
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
