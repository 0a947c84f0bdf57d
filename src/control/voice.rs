//! Voices: each distinct (originators, relays) combination of the scenario's claims,
//! interned once, so a view's mask and a claim's independence are per voice.

use rustc_hash::FxHashMap;

use super::View;
use super::index::FactionIx;
use crate::model::{Claim, Scenario};

/// Who made a statement and who passed it on, as source indices.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Voice {
    /// The sources that made the statement, sorted, without repeats.
    pub originators: Vec<u16>,
    /// The sources that relayed it, originator outward.
    pub via: Vec<u16>,
    /// The voice of the same originators with no relays: claims that share it, their
    /// effect and their moment are one statement, however often it is reported.
    pub speakers: u16,
    /// True when every originator is a context source (the baseline): such a voice
    /// never confirms and only infers.
    pub context_only: bool,
    /// The best reliability weight among the originators.
    pub reliability: u32,
}

/// Every voice of a scenario. Voice `s` for `s < sources` is source `s` alone, so the
/// common claim (one originator, no relay) needs no look-up.
#[derive(Clone)]
pub struct Voices {
    /// By voice index.
    pub voices: Vec<Voice>,
    /// Per source: its affiliation, unless it is a context source (then `None` and
    /// `context[s]`).
    pub affiliation: Vec<Option<FactionIx>>,
    /// Per source: true for context sources (the baseline), which never corroborate.
    pub context: Vec<bool>,
    by_key: FxHashMap<(Vec<u16>, Vec<u16>), u16>,
}

/// Which voices a view counts, and which sources (for independence: only counted
/// originators corroborate).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VoiceMask {
    /// Per voice: its claims count.
    pub voices: Vec<bool>,
    /// Per source: counted by the perspective and not hidden.
    pub sources: Vec<bool>,
}

impl VoiceMask {
    /// True when claims of `voice` count.
    pub fn counts(&self, voice: u16) -> bool {
        self.voices.get(voice as usize).copied().unwrap_or(false)
    }
}

impl Voices {
    /// The single-source voices of `scenario`; [`Self::intern`] adds the others.
    pub fn new(scenario: &Scenario, affiliation: Vec<Option<FactionIx>>) -> Self {
        let context: Vec<bool> = scenario.sources.iter().map(|s| s.is_context()).collect();
        let voices = scenario
            .sources
            .iter()
            .enumerate()
            .map(|(s, source)| Voice {
                originators: vec![s as u16],
                via: Vec::new(),
                speakers: s as u16,
                context_only: source.is_context(),
                reliability: source.reliability.weight(),
            })
            .collect();
        Self {
            voices,
            affiliation,
            context,
            by_key: FxHashMap::default(),
        }
    }

    /// The voice of `claim`, added if new. Sources not in the scenario are skipped
    /// (validation reports them); past `u16::MAX` voices, the first originator's own.
    pub fn intern(&mut self, scenario: &Scenario, claim: &Claim) -> u16 {
        let index = |id: &String| scenario.source_index(id).map(|s| s as u16);
        let mut originators: Vec<u16> = claim.originators.iter().filter_map(index).collect();
        originators.sort_unstable();
        originators.dedup();
        let via: Vec<u16> = claim.via.iter().filter_map(index).collect();
        let speakers = if via.is_empty() {
            None
        } else {
            Some(self.find_or_add(originators.clone(), Vec::new(), None))
        };
        self.find_or_add(originators, via, speakers)
    }

    fn find_or_add(&mut self, originators: Vec<u16>, via: Vec<u16>, speakers: Option<u16>) -> u16 {
        if let ([only], []) = (originators.as_slice(), via.as_slice()) {
            return *only;
        }
        let key = (originators, via);
        if let Some(&voice) = self.by_key.get(&key) {
            return voice;
        }
        let Ok(voice) = u16::try_from(self.voices.len()) else {
            return key.0.first().copied().unwrap_or(0);
        };
        let (originators, via) = key.clone();
        let context_only =
            !originators.is_empty() && originators.iter().all(|&s| self.context[s as usize]);
        let reliability = originators
            .iter()
            .filter_map(|&s| self.voices.get(s as usize))
            .map(|v| v.reliability)
            .max()
            .unwrap_or(1);
        self.voices.push(Voice {
            originators,
            via,
            speakers: speakers.unwrap_or(voice),
            context_only,
            reliability,
        });
        self.by_key.insert(key, voice);
        voice
    }

    /// Which voices `view` counts: exactly [`View::counts_claim`] for their claims.
    pub fn mask(&self, view: &View, scenario: &Scenario) -> VoiceMask {
        let sources = view.source_mask(scenario);
        let hidden: Vec<bool> = scenario
            .sources
            .iter()
            .map(|s| view.hidden_sources.contains(&s.id))
            .collect();
        let on = |list: &[bool], s: u16| list.get(s as usize).copied().unwrap_or(false);
        let voices = self
            .voices
            .iter()
            .map(|v| {
                v.originators.iter().any(|&s| on(&sources, s))
                    && !v.via.iter().any(|&s| on(&hidden, s))
            })
            .collect();
        VoiceMask { voices, sources }
    }

    /// True when `voice` corroborates `faction`'s control: one of its counted
    /// originators is neither a context source nor on that faction's side (a source
    /// with no side, or the side that lost the place acknowledging it).
    pub fn independent_of(
        &self,
        voice: u16,
        faction: FactionIx,
        mask: &VoiceMask,
        allied: &[Vec<bool>],
    ) -> bool {
        let Some(voice) = self.voices.get(voice as usize) else {
            return false;
        };
        voice.originators.iter().any(|&s| {
            let s = s as usize;
            mask.sources.get(s).copied().unwrap_or(false)
                && !self.context.get(s).copied().unwrap_or(true)
                && match self.affiliation.get(s).copied().flatten() {
                    None => true,
                    Some(side) => !allied[faction as usize][side as usize],
                }
        })
    }
}
