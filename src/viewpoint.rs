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
}
