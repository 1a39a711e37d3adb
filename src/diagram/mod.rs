//! Diagrams drawn with families: the genogram and the family network map. Both are plain data
//! inside the assessment, changed only by commands that compile to reversible [`ops`], so
//! undo/redo is exact and every edit is tested natively. Drawing is a pure function of the
//! document to SVG text ([`svg`]); the browser only shows that text and turns pointer and key
//! events into commands.

pub mod child_drawing;
pub mod fit;
pub mod genogram;
pub mod geometry;
pub mod ink;
pub mod network;
pub mod ops;
pub mod svg;

use std::fmt;

/// Why a command could not be applied; the document is unchanged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EditError(pub String);

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Why a command naming something that is not there (a stale screen, a second tab) is refused:
/// each written once for both editors.
pub(crate) const NOT_IN_REGISTER: &str = "That person is not in the people register.";
pub(crate) const ALREADY_IN_REGISTER: &str = "That person is already in the register.";
pub(crate) const NOT_ON_GENOGRAM: &str = "That person is not on the genogram.";
pub(crate) const NOT_ON_MAP: &str = "That entry is not on the map.";
pub(crate) const HANGS_FROM_PARENTS: &str =
    "That person already hangs from parents. Change their line instead.";

/// Shorthand for a refused command.
pub(crate) fn refuse<T>(reason: impl Into<String>) -> Result<T, EditError> {
    Err(EditError(reason.into()))
}
