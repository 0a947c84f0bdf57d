//! Plain sentences a journalist can paste: who said what, about whom, when, in whose
//! words. No claim ids: callers keep those as separate fields.

use jiff::Timestamp;

use super::index::FactionIx;
pub use super::words::capitalised;
use super::words::{in_sentence, is_plural, speaks_for, with_article};
use crate::model::{Assertion, Claim, Precision, RegionKind, Scenario, Source};

/// Writes sentences about a scenario's factions, sources and claims.
pub struct Prose<'a> {
    scenario: &'a Scenario,
}

impl<'a> Prose<'a> {
    /// Prose over `scenario`.
    pub fn new(scenario: &'a Scenario) -> Self {
        Self { scenario }
    }

    /// A faction's name as it reads inside a sentence: "the Rebel coalition (HTS-led)",
    /// "Hezbollah", "Iran", "the army" (from "The army").
    pub fn faction(&self, faction: FactionIx) -> String {
        self.scenario
            .factions
            .get(usize::from(faction))
            .map_or_else(
                || "an unknown side".to_owned(),
                |f| with_article(&f.name, f.kind),
            )
    }

    /// [`Self::faction`] by id.
    pub fn faction_by_id(&self, id: Option<&str>) -> Option<String> {
        let f = self.scenario.faction_index(id?)?;
        FactionIx::try_from(f).ok().map(|f| self.faction(f))
    }

    fn source(&self, id: &str) -> Option<&'a Source> {
        self.scenario
            .source_index(id)
            .map(|s| &self.scenario.sources[s])
    }

    /// Who says it ("three Syrian sources who spoke to Reuters"), whether the verb after
    /// it takes the plural, and whom they told, from the relays ("Reuters", "Reuters
    /// (relayed by a Telegram channel)").
    fn speaker(&self, claim: &Claim) -> (String, bool, Option<String>) {
        let name = |id: &String| {
            self.source(id)
                .map_or_else(|| id.clone(), |s| in_sentence(&s.name))
        };
        let names: Vec<String> = claim.originators.iter().map(name).collect();
        let plural = names.len() > 1 || names.first().is_some_and(|n| is_plural(n));
        let speaker = match names.as_slice() {
            [] => "an unnamed source".to_owned(),
            [one] => one.clone(),
            [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
        };
        let relays: Vec<String> = claim.via.iter().map(name).collect();
        let told = match relays.as_slice() {
            [] => None,
            [first] => Some(first.clone()),
            [first, more @ ..] => Some(format!("{first} (relayed by {})", more.join(", "))),
        };
        (speaker, plural, told)
    }

    /// What the claim says happened, with its actor named: "the Syrian government
    /// (Assad) struck positions of the Rebel coalition (HTS-led) at Homs".
    pub fn clause(&self, claim: &Claim) -> String {
        let actor = self.faction_by_id(claim.actor.as_deref());
        self.clause_with(claim, actor.as_deref())
    }

    /// [`Self::clause`] with the actor written as `actor` ("they", a name, or none).
    fn clause_with(&self, claim: &Claim, actor: Option<&str>) -> String {
        let subject = self.subject(claim);
        let other = self.faction_by_id(claim.counterpart.as_deref());
        let who = actor.unwrap_or("an unnamed side");
        match (&claim.assertion, other) {
            (Assertion::Holds, _) => format!("{who} held {subject}"),
            (Assertion::Captured, Some(other)) => {
                format!("{who} captured {subject} from {other}")
            }
            (Assertion::Captured, None) => format!("{who} captured {subject}"),
            (Assertion::DeclaredControl, _) => format!("{who} declared control of {subject}"),
            (Assertion::Entered, _) => format!("{who} entered {subject}"),
            (Assertion::Retreating, _) => format!("{who} began retreating from {subject}"),
            (Assertion::AdvancedWithin { km }, _) => {
                format!("{who} advanced to within {km} km of {subject}")
            }
            (Assertion::AtEdge, _) => format!("{who} reached the edge of {subject}"),
            (Assertion::Besieges, _) => format!("{who} besieged {subject}"),
            (Assertion::FightingAt, Some(other)) if actor.is_some() => {
                format!("{who} fought {other} at {subject}")
            }
            (Assertion::FightingAt, _) => format!("there was fighting at {subject}"),
            (Assertion::Lull, _) => format!("fighting paused at {subject}"),
            (Assertion::Withdrew, Some(other)) => {
                format!("{who} withdrew from {subject}, leaving it to {other}")
            }
            (Assertion::Withdrew, None) => format!("{who} withdrew or repositioned from {subject}"),
            (Assertion::DeniesLoss, _) => {
                format!("{who} denied or did not acknowledge losing {subject}")
            }
            // The counterpart of a strike is the side struck, not the place.
            (Assertion::StrikeOn, Some(other)) => {
                format!("{who} struck positions of {other} at {subject}")
            }
            (Assertion::StrikeOn, None) => format!("{who} struck {subject}"),
            (Assertion::EvacuationFrom, _) if actor.is_some() => {
                format!("{who} evacuated people from {subject}")
            }
            (Assertion::EvacuationFrom, _) => format!("people evacuated from {subject}"),
            (Assertion::ForcesDeployed, _) => format!("{who} deployed forces to {subject}"),
            (Assertion::NegotiatedHandover, Some(other)) => {
                format!("{who} agreed to hand {subject} over to {other}")
            }
            (Assertion::NegotiatedHandover, None) => format!("{who} agreed to hand over {subject}"),
            (Assertion::Denial, _) => format!("{who} denied a statement about {subject}"),
            (Assertion::Statement, _) => match actor {
                Some(actor) => format!("a statement about {actor} and {subject}"),
                None => format!("a statement about {subject}"),
            },
        }
    }

    /// When, as a date in the scenario's offset: "on Friday 6 December", "on the night of
    /// Friday 6 December", "in the week around 30 November", "by 7 December (undated; as
    /// reported)".
    pub fn when(&self, claim: &Claim) -> String {
        let Ok(span) = claim.when.span(self.scenario.offset()) else {
            return format!("at {}", claim.when.at);
        };
        let precision = claim.when.precision;
        let secs = match precision {
            Precision::Week => span.effective_secs,
            Precision::Reported => span.end_secs,
            _ => span.start_secs,
        };
        let day = self.date(secs, "%A %-d %B");
        match precision {
            Precision::Exact | Precision::Hour => {
                format!("on {day}, {}", self.date(secs, "%H:%M"))
            }
            Precision::Morning => format!("on the morning of {day}"),
            Precision::Afternoon => format!("on the afternoon of {day}"),
            Precision::Evening => format!("on the evening of {day}"),
            Precision::Night => format!("on the night of {day}"),
            Precision::Day => format!("on {day}"),
            Precision::Week => format!("in the week around {}", self.date(secs, "%-d %B")),
            Precision::Reported => {
                format!("by {} (undated; as reported)", self.date(secs, "%-d %B"))
            }
        }
    }

    /// A moment as local civil time, formatted with strftime `format`.
    pub fn date(&self, secs: i64, format: &str) -> String {
        let at = Timestamp::from_second(secs).unwrap_or(Timestamp::UNIX_EPOCH);
        self.scenario
            .offset()
            .to_datetime(at)
            .strftime(format)
            .to_string()
    }

    /// The quote and the day it was published: "(“…”, reported 7 December)", or "(general
    /// knowledge, no document)" for the baseline.
    pub fn evidence(&self, claim: &Claim) -> String {
        let published = claim
            .document
            .as_deref()
            .and_then(|d| self.scenario.document_index(d))
            .and_then(|d| {
                self.scenario.documents[d]
                    .published
                    .parse::<Timestamp>()
                    .ok()
            })
            .map(|at| format!("reported {}", self.date(at.as_second(), "%-d %B")));
        let quote = claim
            .quote
            .as_deref()
            .map(|q| format!("“{}”", q.replace('\n', " ")));
        let parts: Vec<String> = quote.into_iter().chain(published).collect();
        if parts.is_empty() {
            "(general knowledge, no document)".to_owned()
        } else {
            format!("({})", parts.join(", "))
        }
    }

    /// The claim's subject's name as it reads inside a sentence.
    fn subject(&self, claim: &Claim) -> String {
        let name = in_sentence(self.scenario.subject_name(&claim.subject));
        // "Aleppo governorate", not "Aleppo", which is also a city.
        let governorate = match &claim.subject {
            crate::model::Subject::Region(id) => self
                .scenario
                .region_index(id)
                .is_some_and(|r| self.scenario.regions[r].kind == RegionKind::Governorate),
            _ => false,
        };
        if governorate && !name.to_lowercase().contains("governorate") {
            format!("{name} governorate")
        } else {
            name
        }
    }

    /// One side's account of a claim, as a sentence fragment: "the rebels say they
    /// captured Deir ez-Zor from the Syrian government (Assad) in the week around
    /// 4 December (“…”, reported 7 December)".
    pub fn account(&self, claim: &Claim) -> String {
        if self
            .source(claim.first_originator())
            .is_some_and(Source::is_baseline)
        {
            return format!(
                "{} {}, by general knowledge of the lines before the period (no document)",
                self.clause(claim),
                self.when(claim)
            );
        }
        let (speaker, plural, told) = self.speaker(claim);
        let own_side = self
            .source(claim.first_originator())
            .is_some_and(|s| speaks_for(s, claim.actor.as_deref()));
        // "the rebels say", or with a relay "three Syrian sources told Reuters that".
        let says = match &told {
            Some(relay) => format!("{speaker} told {relay} that"),
            None => format!("{speaker} {}", if plural { "say" } else { "says" }),
        };
        let when = self.when(claim);
        let said = match &claim.assertion {
            Assertion::Statement => {
                let about = self.subject(claim);
                match &told {
                    Some(relay) => format!("{speaker} told {relay} about {about} {when}"),
                    None => format!("{says} of {about} {when}"),
                }
            }
            // A side's own denial reads as what it did, not what it says it did.
            Assertion::DeniesLoss | Assertion::Denial if own_side => {
                let who = match &told {
                    Some(relay) => format!("{speaker}, according to {relay},"),
                    None => speaker.clone(),
                };
                format!("{} {when}", self.clause_with(claim, Some(&who)))
            }
            _ => {
                let actor = if own_side {
                    Some(if plural { "they" } else { "it" }.to_owned())
                } else {
                    self.faction_by_id(claim.actor.as_deref())
                };
                format!(
                    "{says} {} {when}",
                    self.clause_with(claim, actor.as_deref())
                )
            }
        };
        format!("{said} {}", self.evidence(claim))
    }

    /// The claim's source with its kind and grade, then what it says and when, without the
    /// quote: "the rebels (party to the fight, graded D): the Rebel coalition (HTS-led)
    /// captured Aleppo from the Syrian government (Assad) in the week around 30 November".
    pub fn citation(&self, claim: &Claim) -> String {
        let (speaker, _, told) = self.speaker(claim);
        let speaker = match told {
            Some(relay) => format!("{speaker}, via {relay}"),
            None => speaker,
        };
        let grade = self
            .source(claim.first_originator())
            .map(|s| format!(" ({}, graded {:?})", s.kind.label(), s.reliability))
            .unwrap_or_default();
        format!(
            "{speaker}{grade}: {} {}",
            self.clause(claim),
            self.when(claim)
        )
    }
}
