//! Every change a user makes to an assessment goes through [`commit`]: the change is made on a
//! copy, the copy is checked against [`crate::model::validity`], and only a valid result takes
//! the place of the document. A refused change leaves the document exactly as it was and says
//! why. The register edits that need more than one field changing ([`register`]) live here too,
//! so the pages only dispatch them.
//!
//! The property test in [`tests`] drives random sequences of every kind of edit the UI offers
//! and checks the rules, and the export round trip, after each step.

pub mod for_reader;
pub mod marks;
pub mod merge;
pub mod planning;
pub mod register;
#[cfg(test)]
mod tests;

use crate::model::validity::{self, Problem};
use crate::model::Assessment;
use std::fmt;

/// Why a change was not made. The document is unchanged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refused(pub Problem);

impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "That change was not made, because the assessment could not then be saved and opened again ({}: {}).",
            self.0.path, self.0.reason
        )
    }
}

/// Applies `change` to `a` only if the result passes every rule; returns what `change` returned.
pub fn commit<T>(
    a: &mut Assessment,
    change: impl FnOnce(&mut Assessment) -> T,
) -> Result<T, Refused> {
    let mut next = a.clone();
    let out = change(&mut next);
    validity::check(&next).map_err(Refused)?;
    *a = next;
    Ok(out)
}
