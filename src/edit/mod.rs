//! Every change a user makes to an assessment goes through [`commit`]: the change is made on a
//! copy, the copy is checked against [`crate::model::validity`], and only a valid result takes
//! the place of the document. A refused change leaves the document exactly as it was and says
//! why. The register edits that need more than one field changing ([`register`]) live here too,
//! so the pages only dispatch them.
//!
//! The property test in [`tests`] drives random sequences of every kind of edit the UI offers
//! and checks the rules, and the export round trip, after each step.

pub mod case;
pub mod child_tools;
pub mod for_reader;
pub mod marks;
pub mod merge;
pub mod planning;
pub mod register;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tool_steps;

use crate::model::validity::{self, Problem};
use crate::model::Assessment;
use std::fmt;

/// Why a change was not made. The document is unchanged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refused {
    /// The result would break a rule of a valid assessment.
    Invalid(Problem),
    /// The assessment is authorised: an update has to be started first.
    Locked,
}

impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refused::Invalid(p) => write!(
                f,
                "That change was not made, because the assessment could not then be saved and opened again ({}: {}).",
                p.path, p.reason
            ),
            Refused::Locked => write!(
                f,
                "That change was not made: the assessment has been authorised. To change it, start an update and say why."
            ),
        }
    }
}

/// Applies `change` to `a` only if the result passes every rule; returns what `change` returned.
pub fn commit<T>(
    a: &mut Assessment,
    change: impl FnOnce(&mut Assessment) -> T,
) -> Result<T, Refused> {
    let mut next = a.clone();
    let out = change(&mut next);
    validity::check(&next).map_err(Refused::Invalid)?;
    if case::locked_change(a, &next) {
        return Err(Refused::Locked);
    }
    *a = next;
    Ok(out)
}
