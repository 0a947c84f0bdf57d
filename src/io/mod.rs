//! Reading and checking scenario files: RON parsing, sibling documents, validation,
//! and errors located as `file:line:col: message`.

mod diagnostic;
mod embedded;
mod geometry;

mod load;
mod locate;
mod validate;
mod write;

pub use diagnostic::{Diagnostic, LoadError, did_you_mean};
pub use embedded::{DEFAULT_SCENARIO_NAME, default_scenario, default_scenario_text};

pub use load::{load_scenario_file, load_scenario_str};
pub use locate::Locator;
pub use validate::validate;
pub use write::write_atomically;
