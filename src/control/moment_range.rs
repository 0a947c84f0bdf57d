//! The moments a scenario's evidence speaks to, checked the same way by every command,
//! the window and every export.
//!
//! Evidence ages out [`crate::model::Scenario::freshness_secs`] after the last claim
//! takes effect: later than that, every place would be stale, so the moment is refused
//! (commands and exports) or clamped (the window). Any earlier moment is accepted:
//! before the first claim nothing is known yet, and saying so (every place unknown) is
//! an answer.

use super::Engine;
use crate::model::Moment;

/// The moments the evidence speaks to, and what they derive from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MomentRange {
    /// The latest moment accepted: the last claim plus the freshness window.
    pub last: Moment,
    /// When the first claim takes effect.
    pub first_claim: Moment,
    /// When the last claim takes effect.
    pub last_claim: Moment,
    /// The scenario's freshness window, seconds.
    pub freshness_secs: i64,
}

impl MomentRange {
    /// `at`, or the last moment accepted if `at` is later.
    pub fn clamp(&self, at: Moment) -> Moment {
        at.min(self.last)
    }
}

/// A moment after the scenario's evidence goes stale.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MomentOutOfRange {
    /// The moment refused.
    pub at: Moment,
    /// The range it missed.
    pub range: MomentRange,
    /// The scenario's time zone, to write the moments in.
    pub offset: jiff::tz::Offset,
}

impl MomentOutOfRange {
    /// Why, without the moment: "is after the scenario's evidence goes stale (...)".
    pub fn reason(&self) -> String {
        let range = &self.range;
        format!(
            "is after the scenario's evidence goes stale (last claim {}, freshness {} h: \
             stale after {})",
            range.last_claim.to_rfc3339(self.offset),
            range.freshness_secs / 3600,
            range.last.to_rfc3339(self.offset)
        )
    }

    /// The message for a moment the user typed as `text`: "2030-01-01
    /// (2030-01-01T23:59:59+03:00) is after ...".
    pub fn message_for(&self, text: &str) -> String {
        let exact = self.at.to_rfc3339(self.offset);
        if text == exact {
            format!("{text} {}", self.reason())
        } else {
            format!("{text} ({exact}) {}", self.reason())
        }
    }
}

impl std::fmt::Display for MomentOutOfRange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.at.to_rfc3339(self.offset), self.reason())
    }
}

impl std::error::Error for MomentOutOfRange {}

impl Engine {
    /// The moments the scenario's evidence speaks to: up to the last claim plus the
    /// freshness window. `None` without claims (then every moment is accepted).
    pub fn moment_range(&self) -> Option<MomentRange> {
        let (first, last) = self.time_range_secs()?;
        let freshness_secs = self.scenario().freshness_secs();
        Some(MomentRange {
            last: Moment::from_unix_secs(last.saturating_add(freshness_secs)),
            first_claim: Moment::from_unix_secs(first),
            last_claim: Moment::from_unix_secs(last),
            freshness_secs,
        })
    }

    /// `at` if it lies in [`Self::moment_range`], else why not.
    pub fn check_moment(&self, at: Moment) -> Result<Moment, MomentOutOfRange> {
        match self.moment_range() {
            Some(range) if range.clamp(at) != at => Err(MomentOutOfRange {
                at,
                range,
                offset: self.scenario().offset(),
            }),
            _ => Ok(at),
        }
    }

    /// `at`, or the last moment of [`Self::moment_range`] if `at` is later.
    pub fn clamp_moment(&self, at: Moment) -> Moment {
        self.moment_range().map_or(at, |range| range.clamp(at))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synthetic::{SyntheticSize, synthetic_scenario};

    #[test]
    fn moments_after_the_evidence_goes_stale_are_refused() {
        let size = SyntheticSize {
            places: 20,
            claims: 100,
            days: 5,
        };
        let engine = Engine::new(synthetic_scenario(1, size));
        let range = engine.moment_range().unwrap();
        let (first, last) = engine.time_range_secs().unwrap();
        let freshness = engine.scenario().freshness_secs();
        assert_eq!(freshness, 72 * 3600);
        assert_eq!(range.last.unix_secs(), last + freshness);
        assert_eq!(range.first_claim.unix_secs(), first);
        assert_eq!(engine.check_moment(range.last), Ok(range.last));
        let late = Moment::from_unix_secs(range.last.unix_secs() + 1);
        let err = engine.check_moment(late).unwrap_err();
        assert!(
            err.to_string()
                .contains("is after the scenario's evidence goes stale"),
            "{err}"
        );
        assert!(err.to_string().contains("freshness 72 h"), "{err}");
        assert_eq!(engine.clamp_moment(late), range.last);
        // Before the first claim nothing is known yet: accepted, and shown as such.
        let early = Moment::from_unix_secs(first - 30 * 86_400);
        assert_eq!(engine.check_moment(early), Ok(early));
        assert_eq!(engine.clamp_moment(early), early);
    }
}
