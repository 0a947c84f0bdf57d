//! ACLED's codes for what a claim asserts: disorder type, event type and sub-event
//! type, actor type (`inter`) codes, and time precision. The table is in the README
//! ("Using Frontline with other tools").

use crate::model::{Assertion, Claim, FactionKind, Precision};

/// `disorder_type`, `event_type`, `sub_event_type` of an event.
pub type EventCodes = (&'static str, &'static str, &'static str);

const VIOLENCE: &str = "Political violence";
const STRATEGIC: &str = "Strategic developments";

/// Words in a strike's quote or note that make it shelling rather than an air strike.
const SHELLING_WORDS: [&str; 6] = [
    "shell",
    "artillery",
    "missile",
    "rocket",
    "mortar",
    "barrage",
];

/// The ACLED codes of a claim; `actor_kind` is the acting faction's kind.
pub fn event_codes(claim: &Claim, actor_kind: Option<FactionKind>) -> EventCodes {
    match claim.assertion {
        Assertion::Captured | Assertion::DeclaredControl => {
            if actor_kind == Some(FactionKind::Government) {
                (VIOLENCE, "Battles", "Government regains territory")
            } else {
                (VIOLENCE, "Battles", "Non-state actor overtakes territory")
            }
        }
        Assertion::NegotiatedHandover | Assertion::Withdrew => {
            (STRATEGIC, STRATEGIC, "Non-violent transfer of territory")
        }
        Assertion::StrikeOn => {
            let words = format!(
                "{} {}",
                claim.quote.as_deref().unwrap_or_default(),
                claim.note.as_deref().unwrap_or_default()
            )
            .to_lowercase();
            let sub = if SHELLING_WORDS.iter().any(|w| words.contains(w)) {
                "Shelling/artillery/missile attack"
            } else {
                "Air/drone strike"
            };
            (VIOLENCE, "Explosions/Remote violence", sub)
        }
        Assertion::FightingAt | Assertion::Besieges | Assertion::AtEdge | Assertion::Entered => {
            (VIOLENCE, "Battles", "Armed clash")
        }
        Assertion::ForcesDeployed => (STRATEGIC, STRATEGIC, "Headquarters or base established"),
        Assertion::Holds
        | Assertion::Retreating
        | Assertion::AdvancedWithin { .. }
        | Assertion::Lull
        | Assertion::DeniesLoss
        | Assertion::EvacuationFrom
        | Assertion::Denial
        | Assertion::Statement => (STRATEGIC, STRATEGIC, "Other"),
    }
}

/// ACLED's actor type: 1 state forces, 2 rebel groups, 3 political militias,
/// 8 external/other forces.
pub fn inter_code(kind: FactionKind) -> u8 {
    match kind {
        FactionKind::Government => 1,
        FactionKind::RebelCoalition | FactionKind::KurdishLedAutonomous => 2,
        FactionKind::Militia => 3,
        FactionKind::ForeignState | FactionKind::Other => 8,
    }
}

/// ACLED's interaction: the two actor types, lower first (`12`); one actor alone is
/// its type then 0 (`20`); no actor, empty.
pub fn interaction(inter1: Option<u8>, inter2: Option<u8>) -> String {
    match (inter1, inter2) {
        (Some(a), Some(b)) => format!("{}{}", a.min(b), a.max(b)),
        (Some(a), None) | (None, Some(a)) => format!("{a}0"),
        (None, None) => String::new(),
    }
}

/// ACLED's time precision: 1 for a known day (or finer), 2 for a known week, 3 for an
/// undated report (some time in the week up to it).
pub fn time_precision(precision: Precision) -> u8 {
    match precision {
        Precision::Week => 2,
        Precision::Reported => 3,
        _ => 1,
    }
}

/// The reverse of [`event_codes`]: the assertion an ACLED event of this type and
/// sub-event type makes. Where several assertions share the codes, the one ACLED's
/// wording names (a withdrawal or handover is a transfer; an attack from afar a
/// strike); events with no bearing on control (protests, riots, violence against
/// civilians, "Other") are statements.
pub fn assertion_of(event_type: &str, sub_event_type: &str) -> Assertion {
    match (event_type.trim(), sub_event_type.trim()) {
        ("Battles", "Non-state actor overtakes territory" | "Government regains territory") => {
            Assertion::Captured
        }
        ("Battles", _) => Assertion::FightingAt,
        (STRATEGIC, "Non-violent transfer of territory") => Assertion::Withdrew,
        (STRATEGIC, "Headquarters or base established") => Assertion::ForcesDeployed,
        ("Explosions/Remote violence", _) => Assertion::StrikeOn,
        _ => Assertion::Statement,
    }
}

/// The reverse of [`time_precision`].
pub fn precision_of(time_precision: u8) -> Option<Precision> {
    match time_precision {
        1 => Some(Precision::Day),
        2 => Some(Precision::Week),
        3 => Some(Precision::Reported),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every assertion's codes read back as an assertion with the same codes.
    #[test]
    fn reverse_codes_agree() {
        let scenario = crate::io::default_scenario().unwrap();
        for claim in &scenario.claims {
            let kind = claim
                .actor
                .as_deref()
                .and_then(|id| scenario.faction_index(id))
                .map(|f| scenario.factions[f].kind);
            let codes = event_codes(claim, kind);
            let mut back = claim.clone();
            back.assertion = assertion_of(codes.1, codes.2);
            if matches!(back.assertion, Assertion::Holds | Assertion::Statement) {
                continue;
            }
            assert_eq!(event_codes(&back, kind), codes, "{}", claim.id);
        }
        for p in [1, 2, 3] {
            assert_eq!(precision_of(p).map(time_precision), Some(p));
        }
    }
}
