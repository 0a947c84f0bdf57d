//! Reading and checking scenario files: RON parsing, sibling documents, validation,
//! and errors located as `file:line:col: message`.

mod bulk;
mod cache;
mod diagnostic;
mod embedded;
mod geometry;

mod load;
mod locate;
mod quote_miss;
mod quotes;
mod unknown_field;
mod validate;
mod write;
mod write_ron;

pub use diagnostic::{Diagnostic, LoadError, did_you_mean};
pub use embedded::{DEFAULT_SCENARIO_NAME, default_scenario, default_scenario_text};

pub use bulk::{claims_jsonl, parse_claims_jsonl};
pub use cache::{Cache, disable_cache};
pub use load::{
    load_scenario_cached, load_scenario_file, load_scenario_str, load_scenario_with_claims,
    parse_ron,
};
pub use locate::Locator;
pub use validate::{BulkClaims, validate, validate_with_bulk};
pub use write::write_atomically;
pub use write_ron::{WriteRonError, scenario_to_ron};
