//! The Markdown brief: "Situation as of ...", shares per governorate, what changed
//! since an earlier moment, each place's status and explanation with numbered
//! citations (the deciding claims, then every claim counted), claims about the sides,
//! and the reference list those numbers resolve in.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use jiff::Timestamp;

use crate::control::Resolution;
use crate::export::{Scene, TERRITORY_METHOD, local_time_label};
use crate::model::Moment;

/// Claim indices numbered in order of first citation.
#[derive(Default)]
struct Citations {
    order: Vec<usize>,
    numbers: BTreeMap<usize, usize>,
}

impl Citations {
    fn number(&mut self, claim: usize) -> usize {
        let next = self.order.len() + 1;
        *self.numbers.entry(claim).or_insert_with(|| {
            self.order.push(claim);
            next
        })
    }

    /// "[1][3][4]": the claims' numbers in ascending order.
    fn list(&mut self, claims: &[usize]) -> String {
        let mut numbers: Vec<usize> = claims.iter().map(|&c| self.number(c)).collect();
        numbers.sort_unstable();
        numbers.dedup();
        numbers.iter().map(|n| format!("[{n}]")).collect()
    }
}

/// The brief of `scene`, with changes since `since` (resolved under the same view).
pub fn brief_markdown(scene: &Scene<'_>, since: Timestamp) -> String {
    let engine = scene.engine;
    let scenario = engine.scenario();
    let at = Moment::from_unix_secs(scene.resolution.at_secs);
    let mut out = String::new();
    let mut cites = Citations::default();
    let _ = writeln!(
        out,
        "# Situation as of {}\n\n{}  \nPerspective: {}.",
        local_time_label(engine, at),
        scenario.title,
        crate::viewpoint::view_words(scene.view, scenario)
    );
    for words in crate::viewpoint::what_if_words(&scene.view.assume, scenario) {
        let _ = writeln!(out, "What-if: {words}; no claim says so.  ");
    }
    let faction = |f: Option<u16>| {
        scene
            .faction_id(f)
            .and_then(|id| scenario.faction_index(id))
            .map_or("no one".to_owned(), |i| scenario.factions[i].name.clone())
    };
    out.push_str("\n## Shares per governorate\n\n| Region | Dominant | Shares |\n|---|---|---|\n");
    for (region, state) in scenario.regions.iter().zip(&scene.resolution.regions) {
        let mut shares = state.shares().to_vec();
        shares.sort_by(|a, b| b.1.total_cmp(&a.1));
        let shares: Vec<String> = shares
            .iter()
            .map(|&(f, share)| format!("{} {:.0}%", faction(Some(f)), share * 100.0))
            .collect();
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            region.name,
            faction(state.dominant),
            if shares.is_empty() {
                "-".to_owned()
            } else {
                shares.join(", ")
            }
        );
    }
    let earlier = engine.resolve(scene.view, since);
    let _ = writeln!(
        out,
        "\n## What changed since {}\n",
        local_time_label(engine, Moment::from_timestamp(since))
    );
    changes(&mut out, scene, &earlier, &mut cites, &faction);
    out.push_str("\n## Places\n");
    let mut uncovered = Vec::new();
    for (p, place) in scenario.places.iter().enumerate() {
        let details = &scene.details()[p];
        if !scene.shows_place(p) {
            continue;
        }
        if details.claims.is_empty() {
            uncovered.push(place.name.as_str());
            continue;
        }
        let state = scene.resolution.places[p];
        let deciding = cites.list(&details.deciding);
        let marks = cites.list(&details.claims);
        let _ = write!(
            out,
            "\n### {}: {}, {}\n\n{}",
            place.name,
            faction(state.controller),
            state.status.as_str(),
            details.explanation
        );
        if !deciding.is_empty() {
            let _ = write!(out, " {deciding}");
        }
        let _ = writeln!(out, "\n\nClaims counted: {marks}");
    }
    if !uncovered.is_empty() {
        let _ = writeln!(out, "\nNo claim covers: {}.", uncovered.join(", "));
    }
    about_the_sides(&mut out, scene, &mut cites);
    let _ = writeln!(out, "\n{TERRITORY_METHOD}\n\n## References\n");
    references(&mut out, scene, &cites);
    out
}

/// One line per place whose controller or status differs from the earlier moment.
fn changes(
    out: &mut String,
    scene: &Scene<'_>,
    earlier: &Resolution,
    cites: &mut Citations,
    faction: &dyn Fn(Option<u16>) -> String,
) {
    let scenario = scene.engine.scenario();
    let mut any = false;
    for (p, place) in scenario.places.iter().enumerate() {
        let (before, now) = (earlier.places[p], scene.resolution.places[p]);
        if !scene.shows_place(p)
            || (before.controller, before.status) == (now.controller, now.status)
        {
            continue;
        }
        any = true;
        let marks = cites.list(&scene.details()[p].deciding);
        let _ = writeln!(
            out,
            "- {}: {} ({}) → {} ({}) {marks}",
            place.name,
            faction(before.controller),
            before.status.as_str(),
            faction(now.controller),
            now.status.as_str()
        );
    }
    if !any {
        out.push_str("Nothing changed.\n");
    }
}

/// Claims about a side or a person as a whole (they never colour the map), oldest
/// first; nothing when there are none.
fn about_the_sides(out: &mut String, scene: &Scene<'_>, cites: &mut Citations) {
    let engine = scene.engine;
    let claims = engine.side_claims(scene.view, scene.resolution.at_secs);
    if claims.is_empty() {
        return;
    }
    out.push_str("\n## About the sides\n\n");
    for c in claims {
        let claim = &engine.scenario().claims[c];
        let _ = writeln!(out, "- {} {}", engine.account(claim), cites.list(&[c]));
    }
}

/// The numbered reference list: source, quote, document, date and claim id.
fn references(out: &mut String, scene: &Scene<'_>, cites: &Citations) {
    let scenario = scene.engine.scenario();
    for (i, &c) in cites.order.iter().enumerate() {
        let claim = &scenario.claims[c];
        let _ = write!(out, "{}. {}", i + 1, scene.engine.cite(claim));
        if let Some(quote) = &claim.quote {
            let _ = write!(out, ". \"{}\"", quote.replace('\n', " "));
        }
        match claim
            .document
            .as_deref()
            .and_then(|d| scenario.document_index(d))
        {
            Some(d) => {
                let doc = &scenario.documents[d];
                let _ = write!(out, ". {}, {}, {}", doc.title, doc.publisher, doc.published);
            }
            None => out.push_str(". No document (baseline: general knowledge)"),
        }
        if let Some(note) = &claim.note {
            let note = note.replace('\n', " ");
            let _ = write!(out, ". Note: {}", note.trim_end_matches('.'));
        }
        let _ = writeln!(out, ". Claim [{}].", claim.id);
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::control::{Engine, View};
    use crate::layers::Layers;
    use crate::model::{Assertion, Subject};

    #[test]
    fn claims_about_a_person_are_in_the_brief_without_ids_in_the_prose() {
        let mut scenario = crate::io::default_scenario().unwrap();
        let mut fled = scenario
            .claims
            .iter()
            .find(|c| c.id == "c-050-syria-landis-assad-position")
            .unwrap()
            .clone();
        fled.id = "x-person".into();
        fled.subject = Subject::Person("Bashar al-Assad".into());
        fled.assertion = Assertion::Statement;
        scenario.claims.push(fled);
        let engine = Engine::new(scenario);
        let (view, layers) = (View::default(), Layers::default());
        let at: Timestamp = "2024-12-07T23:59:59Z".parse().unwrap();
        let scene = Scene::new(&engine, &view, &layers, at);
        let text = brief_markdown(&scene, "2024-11-26T00:00:00Z".parse().unwrap());
        let (body, references) = text.split_once("## References").unwrap();
        let (_, sides) = body.split_once("## About the sides").unwrap();
        assert!(sides.contains("says of Bashar al-Assad"), "{sides}");
        assert!(
            !body.contains("x-person") && !body.contains("c-0"),
            "ids stay out of the prose"
        );
        assert!(references.contains("[x-person]"));
    }
}
