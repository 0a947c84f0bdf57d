//! The verb lexicon: general English news phrasings and the [`Assertion`] each makes,
//! with the side of the words its place stands on. Patterns are folded words; `a|b`
//! is either word, `*` up to two words, `#` a number (kilometres).

use super::assertions::Place;
use crate::model::Assertion;

pub(super) type Entry = (&'static str, fn(f64) -> Assertion, Place);

const fn entry(pattern: &'static str, make: fn(f64) -> Assertion, place: Place) -> Entry {
    (pattern, make, place)
}

/// The lexicon, longest patterns preferred at each word.
pub(super) const LEXICON: [Entry; 54] = [
    entry(
        "took|taken|taking|take|gained|gain|seized|seizing|wrested control of",
        |_| Assertion::Captured,
        Place::After,
    ),
    entry(
        "took|taken|taking|take over",
        |_| Assertion::Captured,
        Place::After,
    ),
    entry(
        "captured|capture|capturing|captures|seized|seize|seizing|seizes",
        |_| Assertion::Captured,
        Place::After,
    ),
    entry(
        "conquered|conquer|conquering|overran|overrun|overrunning",
        |_| Assertion::Captured,
        Place::After,
    ),
    entry("took|taken|taking", |_| Assertion::Captured, Place::After),
    entry(
        "expanded|extended|expanding * territory to|into",
        |_| Assertion::Captured,
        Place::After,
    ),
    entry(
        "drove|pushed * out of",
        |_| Assertion::Captured,
        Place::After,
    ),
    entry(
        "fall|capture|seizure|takeover of",
        |_| Assertion::Captured,
        Place::After,
    ),
    entry(
        "fell|falls|fallen|falling",
        |_| Assertion::Captured,
        Place::Before,
    ),
    entry(
        "was|were|been captured|seized|taken|overrun",
        |_| Assertion::Captured,
        Place::Before,
    ),
    entry(
        "declared * free|liberated",
        |_| Assertion::DeclaredControl,
        Place::After,
    ),
    entry(
        "declared|announced control of",
        |_| Assertion::DeclaredControl,
        Place::After,
    ),
    entry(
        "liberated|liberating|liberate",
        |_| Assertion::DeclaredControl,
        Place::After,
    ),
    entry(
        "entered|enter|entering|enters|stormed|storming",
        |_| Assertion::Entered,
        Place::After,
    ),
    entry(
        "advanced|advancing|pushed|pushing|moved|broke into",
        |_| Assertion::Entered,
        Place::After,
    ),
    entry(
        "invasion|incursion of|into",
        |_| Assertion::Entered,
        Place::After,
    ),
    entry(
        "at|reached the walls|gates|edge|edges|outskirts of",
        |_| Assertion::AtEdge,
        Place::After,
    ),
    entry("on the outskirts of", |_| Assertion::AtEdge, Place::After),
    entry(
        "within # km|kilometers|kilometres of",
        Assertion::advanced_within,
        Place::After,
    ),
    entry(
        "within # miles of",
        |n| Assertion::advanced_within(n * 1.609),
        Place::After,
    ),
    entry(
        "besieged|besieging|besiege|encircled|encircling|surrounded",
        |_| Assertion::Besieges,
        Place::After,
    ),
    entry("siege of|to", |_| Assertion::Besieges, Place::After),
    entry(
        "fighting|clashes|battles * paused|stopped|halted|subsided|eased",
        |_| Assertion::Lull,
        Place::After,
    ),
    entry(
        "lull|ceasefire|truce|calm in",
        |_| Assertion::Lull,
        Place::After,
    ),
    entry(
        "paused|lull|ceasefire|truce",
        |_| Assertion::Lull,
        Place::After,
    ),
    entry(
        "subjected to * shelling|fire|bombardment",
        |_| Assertion::FightingAt,
        Place::After,
    ),
    entry(
        "fighting|clashes|clashed|battles|shelling|shelled",
        |_| Assertion::FightingAt,
        Place::After,
    ),
    entry("battle for|over", |_| Assertion::FightingAt, Place::After),
    entry(
        "withdrew|withdrawn|withdrawing|withdraw",
        |_| Assertion::Withdrew,
        Place::After,
    ),
    entry(
        "pulled out|back of|from",
        |_| Assertion::Withdrew,
        Place::After,
    ),
    entry("retreated from", |_| Assertion::Withdrew, Place::After),
    entry(
        "repositioning|repositioned|reposition|redeploying|redeployed|regrouping",
        |_| Assertion::Retreating,
        Place::After,
    ),
    entry("forced to retreat", |_| Assertion::Retreating, Place::After),
    entry(
        "retreating|retreat",
        |_| Assertion::Retreating,
        Place::After,
    ),
    entry(
        "did not acknowledge * losses|loss|losing",
        |_| Assertion::DeniesLoss,
        Place::After,
    ),
    entry(
        "did not acknowledge",
        |_| Assertion::DeniesLoss,
        Place::After,
    ),
    entry(
        "denied|denies|deny * losing|lost|losses|fall",
        |_| Assertion::DeniesLoss,
        Place::After,
    ),
    entry("denied|denies|deny", |_| Assertion::Denial, Place::After),
    entry(
        "airstrikes|airstrike|bombed|bombing|bombarded|bombardment|targeted|struck",
        |_| Assertion::StrikeOn,
        Place::After,
    ),
    entry(
        "air|drone|missile strikes|strike|raids on",
        |_| Assertion::StrikeOn,
        Place::After,
    ),
    entry(
        "air|drone|missile strikes|strike|raids",
        |_| Assertion::StrikeOn,
        Place::After,
    ),
    entry(
        "evacuated|evacuating|fled|fleeing",
        |_| Assertion::EvacuationFrom,
        Place::After,
    ),
    entry(
        "evacuation|exodus of|from",
        |_| Assertion::EvacuationFrom,
        Place::After,
    ),
    entry(
        "reinforcements",
        |_| Assertion::ForcesDeployed,
        Place::After,
    ),
    entry(
        "sent|moved|deployed|dispatched * forces|troops|fighters|reinforcements to|into",
        |_| Assertion::ForcesDeployed,
        Place::After,
    ),
    entry(
        "drew|moved|came closer to protect|defend",
        |_| Assertion::ForcesDeployed,
        Place::After,
    ),
    entry(
        "erecting|erected * checkpoints",
        |_| Assertion::ForcesDeployed,
        Place::After,
    ),
    entry(
        "set|setting up * checkpoints",
        |_| Assertion::ForcesDeployed,
        Place::After,
    ),
    entry(
        "strongholds|stronghold|bastion of",
        |_| Assertion::Holds,
        Place::After,
    ),
    entry("dig|dug|digging in", |_| Assertion::Holds, Place::After),
    entry(
        "defenses|defences|defense|defence * concentrated|massed on|around|in",
        |_| Assertion::Holds,
        Place::After,
    ),
    entry("held|controlled by", |_| Assertion::Holds, Place::Before),
    entry(
        "agreed * to leave|withdraw|hand|surrender|evacuate",
        |_| Assertion::NegotiatedHandover,
        Place::After,
    ),
    entry(
        "handed|hand|handing over",
        |_| Assertion::NegotiatedHandover,
        Place::After,
    ),
];

trait Within {
    fn advanced_within(km: f64) -> Assertion;
}

impl Within for Assertion {
    fn advanced_within(km: f64) -> Assertion {
        Assertion::AdvancedWithin { km }
    }
}
