//! The edits a page makes to an assessment, as plain functions over the document: the register
//! edits that need more than one field changing ([`register`], [`merge`]), planning, the case
//! record, marks and the child's tools, so the pages only dispatch them. Each is made through
//! the one [`crate::workspace::Workspace`], which checks the rules and keeps the history.
//!
//! The property test in [`tests`] drives random sequences of every kind of edit the UI offers
//! through that workspace and checks the rules, Undo and Redo, and the export round trip.

pub mod answers;
pub mod case;
pub mod child_tools;
pub mod family_group;
#[cfg(test)]
mod family_steps;
pub mod marks;
pub mod merge;
pub mod planning;
pub mod register;
#[cfg(test)]
pub(crate) mod tests;
#[cfg(test)]
mod tool_steps;
