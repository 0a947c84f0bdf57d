//! Small rules of English for names in sentences: articles, plurals, capitals.

use crate::model::{FactionKind, Source, SourceKind};

/// True when a source speaks for the acting faction (its own side, as a party or its
/// state media).
pub fn speaks_for(source: &Source, actor: Option<&str>) -> bool {
    matches!(
        source.kind,
        SourceKind::PartyToFight | SourceKind::StateMedia
    ) && source.affiliation.is_some()
        && source.affiliation.as_deref() == actor
}

/// "the Syrian government (Assad)" from "Syrian government (Assad)"; foreign states and
/// one-word names take no article; a leading "The" is lowered.
pub fn with_article(name: &str, kind: FactionKind) -> String {
    if name.starts_with("The ") || name.starts_with("the ") {
        return in_sentence(name);
    }
    let one_word = !name.contains(' ');
    if kind == FactionKind::ForeignState || one_word {
        name.to_owned()
    } else {
        format!("the {name}")
    }
}

/// A name as it reads inside a sentence: a leading "The" lowered ("The southwest" →
/// "the southwest").
pub fn in_sentence(name: &str) -> String {
    match name.strip_prefix("The ") {
        Some(rest) => format!("the {rest}"),
        None => name.to_owned(),
    }
}

/// Whether a source's name takes a plural verb: "the rebels", "rebel sources", "both
/// sides", "neighbors and witnesses" do; "the Syrian military", "a resident inside
/// Homs", "Jonathan Landis, a Syria expert" do not.
pub fn is_plural(name: &str) -> bool {
    let head = name
        .split([',', '('])
        .next()
        .unwrap_or(name)
        .split(" who ")
        .next()
        .unwrap_or(name)
        .trim();
    let lower = head.to_lowercase();
    if ["a ", "an ", "one "].iter().any(|a| lower.starts_with(a)) {
        return false;
    }
    if lower.contains(" and ") {
        return true;
    }
    let last = head.rsplit(' ').next().unwrap_or(head);
    let proper = last.chars().next().is_some_and(char::is_uppercase) && head.contains(' ');
    last.ends_with('s') && !last.ends_with("ss") && !proper
}

/// `text` with its first letter upper-cased (to open a sentence).
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn faction_names_read_inside_sentences() {
        assert_eq!(
            with_article("Rebel coalition (HTS-led)", FactionKind::RebelCoalition),
            "the Rebel coalition (HTS-led)"
        );
        assert_eq!(with_article("Hezbollah", FactionKind::Militia), "Hezbollah");
        assert_eq!(
            with_article("Iraq (government)", FactionKind::ForeignState),
            "Iraq (government)"
        );
        assert_eq!(
            with_article("The army", FactionKind::Government),
            "the army"
        );
    }

    #[test]
    fn plural_sources_take_plural_verbs() {
        for plural in [
            "the rebels",
            "rebel sources",
            "both sides",
            "neighbors and witnesses",
            "three Syrian sources who spoke to Reuters",
            "Western diplomats",
            "two of their commanders (Iran-backed Iraqi militias)",
        ] {
            assert!(is_plural(plural), "{plural}");
        }
        for singular in [
            "the Syrian military",
            "a resident inside Homs",
            "Jonathan Landis, a Syria expert at the University of Oklahoma",
            "Lebanon",
            "The publication's own narration",
            "the army",
        ] {
            assert!(!is_plural(singular), "{singular}");
        }
    }
}
