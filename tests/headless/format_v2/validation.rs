//! Located errors for format 2's new fields and for claims dated against their
//! documents.

use super::{load, mini_v2, only_error, position_of, v2_replaced};

const CAPTURED_WHEN: &str = "quote: Some(\"Rebels said they captured Northtown on Friday\"), when: (at: \"2024-12-06\", precision: day)";

#[test]
fn a_claim_dated_after_its_document_is_an_error() {
    let text = v2_replaced(
        CAPTURED_WHEN,
        "quote: Some(\"Rebels said they captured Northtown on Friday\"), when: (at: \"2024-12-08\", precision: day)",
    );
    let (line, col, message) = only_error(&text);
    assert_eq!((line, col), position_of(&text, "\"2024-12-08\""));
    assert!(
        message.contains("after its document \"doc\" was published (2024-12-07T12:00:00+03:00)"),
        "{message}"
    );
    // Up to the publication itself is fine.
    let at_publication = v2_replaced(
        "(at: \"2024-12-06\", precision: day)",
        "(at: \"2024-12-07T12:00\", precision: exact)",
    );
    load(&at_publication).unwrap();
}

#[test]
fn an_undated_claim_is_dated_by_its_document() {
    let text = v2_replaced(
        CAPTURED_WHEN,
        "quote: Some(\"Rebels said they captured Northtown on Friday\"), when: (at: \"2024-12-07\", precision: reported)",
    );
    let (line, col, message) = only_error(&text);
    assert_eq!((line, col), position_of(&text, "\"2024-12-07\""));
    assert!(
        message.contains("write `at: \"2024-12-07T12:00:00+03:00\"`"),
        "{message}"
    );
    let right = text.replacen(
        "(at: \"2024-12-07\", precision: reported)",
        "(at: \"2024-12-07T12:00:00+03:00\", precision: reported)",
        1,
    );
    load(&right).unwrap();

    // A baseline claim has no document to be dated by.
    let text = v2_replaced(
        "(at: \"2024-11-26\", precision: day)",
        "(at: \"2024-11-26\", precision: reported)",
    );
    let (line, _, message) = only_error(&text);
    assert_eq!(line, position_of(&text, "precision: reported").0);
    assert!(message.contains("names no document"), "{message}");
}

#[test]
fn relays_are_known_and_not_originators() {
    let text = v2_replaced(
        "originators: [\"observers\"]",
        "originators: [\"observers\"], via: [\"observers\"]",
    );
    let (line, col, message) = only_error(&text);
    let (via_line, via_col) = position_of(&text, "via: [\"observers\"]");
    assert_eq!((line, col), (via_line, via_col + "via: [".len()));
    assert!(
        message.contains("\"observers\" is both an originator and a relay"),
        "{message}"
    );

    let text = v2_replaced(
        "originators: [\"observers\"]",
        "originators: [\"observers\"], via: [\"army-sad\"]",
    );
    let (line, col, message) = only_error(&text);
    assert_eq!((line, col), position_of(&text, "\"army-sad\""));
    assert_eq!(
        message,
        "unknown source \"army-sad\" (did you mean \"army-said\"?)"
    );

    let text = v2_replaced("originators: [\"observers\"]", "originators: []");
    let (_, _, message) = only_error(&text);
    assert!(message.contains("names no originator"), "{message}");
}

#[test]
fn scopes_fit_their_region() {
    let on_a_place = v2_replaced(
        "subject: Place(\"southtown\"), assertion: Withdrew,",
        "subject: Place(\"southtown\"), scope: (extent: part, places: [\"southtown\"]), assertion: Withdrew,",
    );
    let (line, col, message) = only_error(&on_a_place);
    assert_eq!((line, col), position_of(&on_a_place, "scope:"));
    assert!(message.contains("only claims about a region"), "{message}");

    let b_all = "subject: Region(\"all\"), assertion: Holds,";
    let all_with_places = v2_replaced(
        b_all,
        "subject: Region(\"all\"), scope: (extent: all, places: [\"hamlet\"]), assertion: Holds,",
    );
    let (_, _, message) = only_error(&all_with_places);
    assert!(
        message.contains("list places only with most or part"),
        "{message}"
    );

    // The grouping "all" is made of both governorates; "north-gov" only of its own.
    let part = v2_replaced(
        b_all,
        "subject: Region(\"all\"), scope: (extent: part, places: [\"hamlet\", \"northtown\"]), assertion: Holds,",
    );
    load(&part).unwrap();
    let outside = v2_replaced(
        b_all,
        "subject: Region(\"north-gov\"), scope: (extent: most, places: [\"northtown\", \"hamlet\"]), assertion: Holds,",
    );
    let (line, col, message) = only_error(&outside);
    assert_eq!((line, col), position_of(&outside, "\"hamlet\"]"));
    assert!(
        message.contains("place \"hamlet\" is in \"south-gov\", not in region \"north-gov\""),
        "{message}"
    );
    let unknown = v2_replaced(
        b_all,
        "subject: Region(\"all\"), scope: (extent: part, places: [\"hamlt\"]), assertion: Holds,",
    );
    let (_, _, message) = only_error(&unknown);
    assert_eq!(
        message,
        "unknown place \"hamlt\" (did you mean \"hamlet\"?)"
    );
}

#[test]
fn only_facilities_have_parents() {
    let airport = "(id: \"airport\", name: \"Airport\", lon: 36.5, lat: 33.4, kind: airport, governorate: \"south-gov\", parent: Some(\"southtown\")),\n        (id: \"hamlet\"";
    let text = v2_replaced("(id: \"hamlet\"", airport);
    load(&text).unwrap();

    let own = text.replacen(
        "parent: Some(\"southtown\")",
        "parent: Some(\"airport\")",
        1,
    );
    let (line, col, message) = only_error(&own);
    let (parent_line, parent_col) = position_of(&own, "Some(\"airport\")");
    assert_eq!((line, col), (parent_line, parent_col + "Some(".len()));
    assert!(message.contains("cannot be its own parent"), "{message}");

    let unknown = text.replacen(
        "parent: Some(\"southtown\")",
        "parent: Some(\"sothtown\")",
        1,
    );
    let (_, _, message) = only_error(&unknown);
    assert_eq!(
        message,
        "unknown place \"sothtown\" (did you mean \"southtown\"?)"
    );

    let town = text.replacen("kind: airport", "kind: town", 1);
    let (line, _, message) = only_error(&town);
    assert_eq!(
        line,
        position_of(&town, "kind: town, governorate: \"south-gov\", parent").0
    );
    assert!(message.contains("only a facility"), "{message}");
}

#[test]
fn freshness_and_people_are_checked() {
    let text = v2_replaced(
        "utc_offset: \"+03:00\",",
        "utc_offset: \"+03:00\",\n    freshness_hours: 0,",
    );
    let (line, _, message) = only_error(&text);
    assert_eq!(line, position_of(&text, "freshness_hours").0);
    assert!(message.contains("outside 1..=8760"), "{message}");
    load(&text.replacen("freshness_hours: 0", "freshness_hours: 8760", 1)).unwrap();

    let nameless = v2_replaced("subject: Place(\"midtown\")", "subject: Person(\" \")");
    let (_, _, message) = only_error(&nameless);
    assert!(message.contains("needs the person's name"), "{message}");
    load(&mini_v2().replacen(
        "subject: Place(\"midtown\")",
        "subject: Person(\"Assad\")",
        1,
    ))
    .unwrap();
}
