//! Changing a scenario in memory: edits as commands that can be undone, a history of
//! them, and a workspace that owns the scenario, its files and its history. Shared by
//! the window and the command line; nothing here knows about either.

mod apply;
mod bulk;
mod changes;
mod command;
mod history;
mod items;
mod places;
mod records;
mod workspace;

pub use apply::apply;
pub use changes::{ClaimChanges, claim_changes};
pub use command::{Edit, EditError};
pub use history::History;
pub use workspace::Workspace;
