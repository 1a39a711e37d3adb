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

/// Shorthand for a refused command.
pub(crate) fn refuse<T>(reason: impl Into<String>) -> Result<T, EditError> {
    Err(EditError(reason.into()))
}
