//! Sources: who says something (outlets, officials, monitors), how reliable they are
//! and which side they belong to.

use serde::{Deserialize, Serialize};

/// Who a claim comes from, as the document names them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Stable id.
    pub id: String,

    /// The name as the document gives it, e.g. "rebel sources".
    pub name: String,

    /// What kind of source this is.
    pub kind: SourceKind,

    /// The faction this source speaks for or belongs to, for partisan sources.
    #[serde(default, skip_serializing_if = "super::file_form::none")]
    pub affiliation: Option<String>,

    /// Admiralty-code source reliability, A (reliable) to F (cannot be judged).
    pub reliability: Reliability,

    /// Why the source got its grade.
    pub reliability_reason: String,
}

impl Source {
    /// Baseline sources give the lines before the period and are always part of a perspective.
    pub fn is_baseline(&self) -> bool {
        self.kind == SourceKind::Baseline
    }

    /// Context sources (the baseline) set the scene; they never confirm anything.
    pub fn is_context(&self) -> bool {
        self.kind.is_context()
    }
}

/// The kind of source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// A side in the fight speaking for itself (rebels, the military).
    PartyToFight,
    StateMedia,
    /// A wire agency (Reuters, AFP): reports and relays.
    NewsAgency,
    /// A newspaper, broadcaster or website (CNN, Al Jazeera): reports and relays.
    NewsOutlet,
    /// A monitoring group (the Syrian Observatory for Human Rights).
    MonitoringGroup,
    /// Unnamed officials or sources ("three Syrian sources", "a security source").
    UnnamedOfficial,
    /// A social-media channel (a Telegram channel, an X account).
    SocialMediaChannel,
    Eyewitness,
    Diplomat,
    ForeignGovernment,
    Expert,
    /// The publication's own narration.
    Narration,
    /// General knowledge of the lines before the period; not from any document.
    Baseline,
}

impl SourceKind {
    /// Every kind, in declaration order.
    pub const ALL: [Self; 13] = [
        Self::PartyToFight,
        Self::StateMedia,
        Self::NewsAgency,
        Self::NewsOutlet,
        Self::MonitoringGroup,
        Self::UnnamedOfficial,
        Self::SocialMediaChannel,
        Self::Eyewitness,
        Self::Diplomat,
        Self::ForeignGovernment,
        Self::Expert,
        Self::Narration,
        Self::Baseline,
    ];

    /// The `snake_case` name used in files and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::PartyToFight => "party_to_fight",
            Self::StateMedia => "state_media",
            Self::NewsAgency => "news_agency",
            Self::NewsOutlet => "news_outlet",
            Self::MonitoringGroup => "monitoring_group",
            Self::UnnamedOfficial => "unnamed_official",
            Self::SocialMediaChannel => "social_media_channel",
            Self::Eyewitness => "eyewitness",
            Self::Diplomat => "diplomat",
            Self::ForeignGovernment => "foreign_government",
            Self::Expert => "expert",
            Self::Narration => "narration",
            Self::Baseline => "baseline",
        }
    }

    /// Plain words for the UI.
    pub fn label(self) -> &'static str {
        match self {
            Self::PartyToFight => "party to the fight",
            Self::StateMedia => "state media",
            Self::NewsAgency => "news agency",
            Self::NewsOutlet => "news outlet",
            Self::MonitoringGroup => "monitoring group",
            Self::UnnamedOfficial => "unnamed official or source",
            Self::SocialMediaChannel => "social-media channel",
            Self::Eyewitness => "eyewitness or resident",
            Self::Diplomat => "diplomat",
            Self::ForeignGovernment => "foreign government",
            Self::Expert => "expert",
            Self::Narration => "the publication's narration",
            Self::Baseline => "baseline (general knowledge)",
        }
    }

    /// True for kinds that only give context (the baseline): they never confirm.
    pub fn is_context(self) -> bool {
        self == Self::Baseline
    }

    /// Parses the `snake_case` name.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.as_str() == name)
    }
}

/// Admiralty-code (NATO) source reliability.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Reliability {
    /// Completely reliable.
    A,
    /// Usually reliable.
    B,
    /// Fairly reliable.
    C,
    /// Not usually reliable.
    D,
    /// Unreliable.
    E,
    /// Reliability cannot be judged.
    F,
}

impl Reliability {
    /// Every grade, best first.
    pub const ALL: [Self; 6] = [Self::A, Self::B, Self::C, Self::D, Self::E, Self::F];

    /// True when this grade is at least `min` (F, "cannot be judged", never is).
    pub fn at_least(self, min: Self) -> bool {
        self != Self::F && self <= min
    }

    /// Weight for breaking ties between disagreeing claims (A = 5 ... E = 1, F = 2).
    pub fn weight(self) -> u32 {
        match self {
            Self::A => 5,
            Self::B => 4,
            Self::C => 3,
            Self::D => 2,
            Self::E => 1,
            Self::F => 2,
        }
    }

    /// The Admiralty code's words for the grade.
    pub fn label(self) -> &'static str {
        match self {
            Self::A => "completely reliable",
            Self::B => "usually reliable",
            Self::C => "fairly reliable",
            Self::D => "not usually reliable",
            Self::E => "unreliable",
            Self::F => "reliability cannot be judged",
        }
    }

    /// Parses "A".."F" (either case).
    pub fn from_letter(letter: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|grade| format!("{grade:?}").eq_ignore_ascii_case(letter))
    }
}

/// Admiralty-code information credibility, 1 (confirmed) to 6 (cannot be judged).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Credibility(pub u8);

impl Credibility {
    /// True for 1..=6.
    pub fn is_valid(self) -> bool {
        (1..=6).contains(&self.0)
    }

    /// Weight for breaking ties (1 = 6 ... 5 = 2, 6 = 2).
    pub fn weight(self) -> u32 {
        match self.0 {
            1 => 6,
            2 => 5,
            3 => 4,
            4 => 3,
            _ => 2,
        }
    }

    /// The Admiralty code's words.
    pub fn label(self) -> &'static str {
        match self.0 {
            1 => "confirmed by other sources",
            2 => "probably true",
            3 => "possibly true",
            4 => "doubtful",
            5 => "improbable",
            _ => "truth cannot be judged",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grades_order_best_first() {
        assert!(Reliability::B.at_least(Reliability::C));
        assert!(Reliability::C.at_least(Reliability::C));
        assert!(!Reliability::D.at_least(Reliability::C));
        assert!(!Reliability::F.at_least(Reliability::E));
        assert_eq!(Reliability::from_letter("c"), Some(Reliability::C));
        assert_eq!(
            SourceKind::from_name("state_media"),
            Some(SourceKind::StateMedia)
        );
    }
}
