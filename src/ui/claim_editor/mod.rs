//! The claim editor: every field of a claim, for a new claim, an existing one or a
//! draft under review. Fields that are typed (the time, the distance) are kept as text
//! and read on every frame; the claim they make is checked by
//! [`crate::io::check_claim`] and the problems are shown as you type. An invalid claim
//! cannot be saved.

mod fields;
mod new_items;
mod window;

pub use new_items::NewItems;
pub use window::window;

use crate::model::{Assertion, Claim, Credibility, Moment, Precision, Scenario, Scope, Subject};

/// What the editor edits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditorTarget {
    /// A claim to add.
    New,
    /// The scenario's claim with this id.
    Claim(String),
    /// The review's draft at this position.
    Draft(usize),
}

/// What a subject is, for the subject picker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SubjectKind {
    /// A place.
    Place,
    /// A region.
    Region,
    /// A route.
    Route,
    /// A side as a whole.
    Faction,
    /// A person, by name.
    Person,
}

impl SubjectKind {
    /// Every kind, in picker order.
    pub const ALL: [Self; 5] = [
        Self::Place,
        Self::Region,
        Self::Route,
        Self::Faction,
        Self::Person,
    ];

    /// The kind's name.
    pub fn label(self) -> &'static str {
        match self {
            Self::Place => "place",
            Self::Region => "region",
            Self::Route => "route",
            Self::Faction => "faction",
            Self::Person => "person",
        }
    }

    fn of(subject: &Subject) -> Self {
        match subject {
            Subject::Place(_) => Self::Place,
            Subject::Region(_) => Self::Region,
            Subject::Route(_) => Self::Route,
            Subject::Faction(_) => Self::Faction,
            Subject::Person(_) => Self::Person,
        }
    }

    fn subject(self, id: String) -> Subject {
        match self {
            Self::Place => Subject::Place(id),
            Self::Region => Subject::Region(id),
            Self::Route => Subject::Route(id),
            Self::Faction => Subject::Faction(id),
            Self::Person => Subject::Person(id),
        }
    }
}

/// The claim editor's fields.
#[derive(Clone, Debug, PartialEq)]
pub struct ClaimEditor {
    /// What is edited.
    pub target: EditorTarget,
    /// The claim's fields but the subject, the time and the distance.
    pub claim: Claim,
    /// The subject's kind.
    pub subject_kind: SubjectKind,
    /// The subject's id, or the person's name.
    pub subject: String,
    /// The distance of `AdvancedWithin`, in km, as typed.
    pub km: String,
    /// The time, as typed (the same forms as the command line).
    pub when: String,
    /// The quote, as typed or taken from a selection.
    pub quote: String,
    /// The note, as typed.
    pub note: String,
    /// The pickers' filters, by picker.
    pub filters: std::collections::BTreeMap<&'static str, String>,
    /// The New source, New place and New faction forms.
    pub new_items: NewItems,
    /// The last check: what was checked, against a scenario of what size, and the
    /// problems found (checking indexes the whole scenario: not every frame).
    checked: Option<Checked>,
}

/// A claim as built from the fields, the sizes of the scenario's lists it was checked
/// against, and the problems found.
type Checked = (Result<Claim, String>, [usize; 7], Vec<String>);

impl ClaimEditor {
    /// An editor on `claim`.
    pub fn new(target: EditorTarget, claim: Claim) -> Self {
        let km = match claim.assertion {
            Assertion::AdvancedWithin { km } => km.to_string(),
            _ => "10".into(),
        };
        Self {
            target,
            subject_kind: SubjectKind::of(&claim.subject),
            subject: claim.subject.id().to_owned(),
            km,
            when: claim.when.at.clone(),
            quote: claim.quote.clone().unwrap_or_default(),
            note: claim.note.clone().unwrap_or_default(),
            claim,
            filters: std::collections::BTreeMap::new(),
            new_items: NewItems::default(),
            checked: None,
        }
    }

    /// An editor on a new claim with an unused id, dated `today`.
    pub fn new_claim(scenario: &Scenario, today: &str) -> Self {
        let mut n = scenario.claims.len() + 1;
        while scenario.claims.iter().any(|c| c.id == format!("c-{n}")) {
            n += 1;
        }
        let claim = Claim {
            id: format!("c-{n}"),
            subject: Subject::Place(String::new()),
            assertion: Assertion::Holds,
            actor: None,
            counterpart: None,
            originators: Vec::new(),
            via: Vec::new(),
            v1_source: None,
            scope: Scope::default(),
            document: None,
            quote: None,
            record: None,
            when: crate::model::TimeRef {
                at: today.to_owned(),
                precision: Precision::Day,
            },
            credibility: Credibility(3),
            note: None,
        };
        Self::new(EditorTarget::New, claim)
    }

    /// The claim the fields make, or why the typed fields do not make one.
    pub fn build(&self) -> Result<Claim, String> {
        let mut claim = self.claim.clone();
        claim.subject = self.subject_kind.subject(self.subject.trim().to_owned());
        if let Assertion::AdvancedWithin { km } = &mut claim.assertion {
            *km = self
                .km
                .trim()
                .parse::<f64>()
                .ok()
                .filter(|km| km.is_finite() && *km >= 0.0)
                .ok_or_else(|| format!("km: {:?} is not a distance in km", self.km))?;
        }
        claim.when.at = self.when.trim().to_owned();
        let given = |text: &str| Some(text.to_owned()).filter(|t| !t.trim().is_empty());
        claim.quote = given(&self.quote);
        claim.note = given(&self.note);
        if !claim.scope.is_all() && SubjectKind::of(&claim.subject) != SubjectKind::Region {
            claim.scope = Scope::default();
        }
        Ok(claim)
    }

    /// [`Self::problems`], checked again only when the fields or the scenario's
    /// lists changed since the last call.
    pub fn problems_cached(&mut self, scenario: &Scenario) -> Vec<String> {
        let built = self.build();
        let size = [
            scenario.claims.len(),
            scenario.sources.len(),
            scenario.documents.len(),
            scenario.places.len(),
            scenario.regions.len(),
            scenario.routes.len(),
            scenario.factions.len(),
        ];
        if let Some((claim, checked_size, problems)) = &self.checked
            && *claim == built
            && *checked_size == size
        {
            return problems.clone();
        }
        let problems = self.problems(scenario);
        self.checked = Some((built, size, problems.clone()));
        problems
    }

    /// Everything wrong with the claim in `scenario`, each naming its field; empty
    /// when it can be saved.
    pub fn problems(&self, scenario: &Scenario) -> Vec<String> {
        let claim = match self.build() {
            Ok(claim) => claim,
            Err(why) => return vec![why],
        };
        let mut problems = Vec::new();
        if let Err(err) = Moment::parse(&claim.when.at, scenario.offset()) {
            problems.push(format!("when: {err}"));
        }
        if claim.id.trim().is_empty() {
            problems.push("id: a claim needs an id".into());
        } else if self.target != EditorTarget::Claim(claim.id.clone())
            && scenario.claims.iter().any(|c| c.id == claim.id)
        {
            problems.push(format!("id: {:?} is already used", claim.id));
        }
        problems.extend(
            crate::io::check_claim(scenario, &claim)
                .into_iter()
                .map(|problem| problem.to_string()),
        );
        problems.dedup();
        problems
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn problems_name_the_field_until_the_claim_is_valid() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini.ron");
        let scenario = crate::io::load_scenario_file(&path).unwrap();
        let mut editor = ClaimEditor::new_claim(&scenario, "2024-12-07");
        assert!(
            editor
                .problems(&scenario)
                .iter()
                .any(|p| p.contains("subject"))
        );
        editor.subject = "midtown".into();
        editor.claim.assertion = Assertion::AdvancedWithin { km: 0.0 };
        editor.km = "ten".into();
        assert_eq!(
            editor.problems(&scenario),
            ["km: \"ten\" is not a distance in km"]
        );
        editor.km = "10".into();
        editor.claim.actor = Some("rebels".into());
        editor.claim.originators = vec!["observers".into()];
        editor.claim.document = Some("doc".into());
        editor.quote = "Fighting raged at Midtown".into();
        editor.when = "2024-12-07T25:00".into();
        assert!(
            editor
                .problems(&scenario)
                .iter()
                .any(|p| p.starts_with("when:"))
        );
        editor.when = "2024-12-07T18:00".into();
        assert_eq!(editor.problems(&scenario), Vec::<String>::new());
        let claim = editor.build().unwrap();
        assert_eq!(claim.assertion, Assertion::AdvancedWithin { km: 10.0 });
        assert_eq!(claim.subject, Subject::Place("midtown".into()));
        editor.claim.id = "c-north-held".into();
        assert!(editor.problems(&scenario)[0].starts_with("id:"));
    }
}
