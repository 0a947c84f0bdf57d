//! What is on screen: the moment, the view (perspective, hidden sources, what-if), the
//! layers shown and the extent. One type shared by the window (what it shows), the
//! command line (what the flags ask for), every export ([`crate::export::ExportJob`])
//! and snapshots ([`crate::export::Snapshot`]), so that they cannot drift apart.
//!
//! Nothing here knows about the window or about files.

use crate::control::View;
use crate::layers::Layers;
use crate::model::Moment;

/// A moment of a scenario seen one way.
#[derive(Clone, Debug, PartialEq)]
pub struct Viewpoint {
    /// The moment.
    pub at: Moment,
    /// Perspective, hidden sources and what-if assumptions.
    pub view: View,
    /// Which layers are shown.
    pub layers: Layers,
    /// The extent shown, W, S, E, N in degrees; `None` for the default extent.
    pub bbox_lonlat: Option<[f64; 4]>,
}

impl Viewpoint {
    /// The default view, layers and extent at `at`.
    pub fn at(at: Moment) -> Self {
        Self {
            at,
            view: View::default(),
            layers: Layers::default(),
            bbox_lonlat: None,
        }
    }
}

/// Whose account a view shows, in the words of the window's perspective line and of
/// every export's heading: "all sources", "all sources except Rebel sources", "as
/// Reuters tells it except SANA". Hidden sources are named as the scenario names them.
pub fn view_words(view: &View, scenario: &crate::model::Scenario) -> String {
    let mut words = view.perspective.label(scenario);
    let hidden: Vec<&str> = view
        .hidden_sources
        .iter()
        .map(|id| {
            scenario
                .source_by_id(id)
                .map_or(id.as_str(), |s| s.name.as_str())
        })
        .collect();
    if let Some((last, rest)) = hidden.split_last() {
        words.push_str(" except ");
        if !rest.is_empty() {
            words.push_str(&rest.join(", "));
            words.push_str(" and ");
        }
        words.push_str(last);
    }
    words
}

/// The what-if assumptions as names, place then faction ("Hama", "Rebels"), in the
/// order of the place ids; an id the scenario does not know is shown as it is.
pub fn what_if_names(
    assume: &std::collections::BTreeMap<String, String>,
    scenario: &crate::model::Scenario,
) -> Vec<(String, String)> {
    assume
        .iter()
        .map(|(place, faction)| {
            let place = scenario
                .place_index(place)
                .map_or(place.clone(), |p| scenario.places[p].name.clone());
            let faction = scenario
                .faction_index(faction)
                .map_or(faction.clone(), |f| scenario.factions[f].name.clone());
            (place, faction)
        })
        .collect()
}

/// The what-if assumptions in words for people: "Hama held by Rebels", one per
/// assumption (ids stay in the machine formats).
pub fn what_if_words(
    assume: &std::collections::BTreeMap<String, String>,
    scenario: &crate::model::Scenario,
) -> Vec<String> {
    what_if_names(assume, scenario)
        .into_iter()
        .map(|(place, faction)| format!("{place} held by {faction}"))
        .collect()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn hidden_sources_are_named_after_the_perspective() {
        let scenario = crate::io::default_scenario().unwrap();
        let mut view = View::default();
        assert_eq!(view_words(&view, &scenario), "all sources");
        let first = &scenario.sources[0];
        view.hidden_sources.insert(first.id.clone());
        assert_eq!(
            view_words(&view, &scenario),
            format!("all sources except {}", first.name)
        );
        let second = &scenario.sources[1];
        view.hidden_sources.insert(second.id.clone());
        let words = view_words(&view, &scenario);
        assert!(words.contains(" and "), "{words}");
        assert!(words.contains(&second.name), "{words}");
    }

    #[test]
    fn what_if_words_name_the_place_and_the_faction() {
        let scenario = crate::io::default_scenario().unwrap();
        let place = &scenario.places[0];
        let faction = &scenario.factions[0];
        let mut assume = std::collections::BTreeMap::new();
        assume.insert(place.id.clone(), faction.id.clone());
        assert_eq!(
            what_if_words(&assume, &scenario),
            vec![format!("{} held by {}", place.name, faction.name)]
        );
        assume.clear();
        assume.insert("nowhere".to_owned(), "no-one".to_owned());
        assert_eq!(
            what_if_words(&assume, &scenario),
            vec!["nowhere held by no-one"]
        );
    }
}
