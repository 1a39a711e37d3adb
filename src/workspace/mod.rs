//! The open assessment and the only way to change it. Every page's edit, both diagram
//! editors, the child's board and the tests go through [`Workspace::apply`]: the change is
//! made, the result is checked once against the rules of a valid assessment and the lock of an
//! authorised one, and it is either kept, as one step of the one [`History`], or refused with
//! the reason and the document left exactly as it was.
//!
//! Undo and Redo put back what a step replaced ([`patch::Patch`]), never a copy of the whole
//! document, and they are exact: after an undo the document is what it was before the step
//! (apart from its change time, which every change moves). A step knows the page it was made
//! on, so Undo on another page can show where it was.
//!
//! Not here: saving (the browser's session saves what the workspace holds after each change)
//! and what a page shows.

pub mod history;
pub mod patch;
#[cfg(test)]
mod tests;

use crate::model::validity::{self, Problem};
use crate::model::Assessment;
use chrono::{DateTime, Utc};
pub use history::{Done, History};
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

/// What a change is called and where it belongs: the words after "Undo" and "Redo".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// "remove danger statement 2", "change the lead worker".
    pub label: String,
    /// Changes in a row with the same key are one step (typing into one field).
    pub merge: Option<String>,
    /// The page it was made on, within the assessment ("/planning"); empty when unknown.
    pub place: String,
    /// A history of its own inside the one history: the child's board undoes only its own
    /// lines ([`Workspace::undo_within`]).
    pub scope: Option<String>,
}

impl Change {
    /// A change called `label`.
    pub fn named(label: impl Into<String>) -> Self {
        Self {
            label: label.into(),
            merge: None,
            place: String::new(),
            scope: None,
        }
    }

    /// Typing: changes with the same `key` in a row are one step.
    pub fn typing(label: impl Into<String>, key: impl Into<String>) -> Self {
        Self {
            merge: Some(key.into()),
            ..Self::named(label)
        }
    }

    /// Made on `place` (a path within the assessment).
    pub fn on(mut self, place: impl Into<String>) -> Self {
        self.place = place.into();
        self
    }

    /// Belongs to `scope` as well as to the one history.
    pub fn within(mut self, scope: impl Into<String>) -> Self {
        self.scope = Some(scope.into());
        self
    }
}

/// The open assessment with its history.
#[derive(Clone, Debug)]
pub struct Workspace {
    doc: Assessment,
    history: History,
}

/// Whether `after` may take the place of `before`: it passes every rule, and it changes
/// nothing an authorisation has locked.
pub fn check(before: &Assessment, after: &Assessment) -> Result<(), Refused> {
    validity::check(after).map_err(Refused::Invalid)?;
    if crate::edit::case::locked_change(before, after) {
        return Err(Refused::Locked);
    }
    Ok(())
}

/// For tests of one edit: makes `f` on `a` through a workspace, as a page would.
#[cfg(test)]
pub fn commit<T>(a: &mut Assessment, f: impl FnOnce(&mut Assessment) -> T) -> Result<T, Refused> {
    let mut w = Workspace::new(a.clone());
    let out = w.apply(Change::named("test"), a.updated_at, f)?;
    *a = w.doc().clone();
    Ok(out)
}

impl Workspace {
    /// A workspace over `doc`, with nothing to undo.
    pub fn new(doc: Assessment) -> Self {
        Self {
            doc,
            history: History::default(),
        }
    }

    /// The assessment as it stands.
    pub fn doc(&self) -> &Assessment {
        &self.doc
    }

    /// The history (what Undo and Redo would do).
    pub fn history(&self) -> &History {
        &self.history
    }

    /// Replaces the document from elsewhere (another tab's version, a repair): the history
    /// starts afresh, since Undo must never reach across a document it did not make.
    pub fn replace(&mut self, doc: Assessment) {
        self.doc = doc;
        self.history = History::default();
    }

    /// Makes `change` at `now` if the result passes the rules; returns what `f` returned.
    /// A change that changes nothing is no step (the change time still moves, so a repaired
    /// document can be saved as it is). Authorising, or starting an update, starts the history
    /// afresh: an undo must not reach back over the manager's decision. A record of what was
    /// given to whom (the audit, which only grows, and only so) is never undone, so it is no
    /// step either.
    pub fn apply<T>(
        &mut self,
        change: Change,
        now: DateTime<Utc>,
        f: impl FnOnce(&mut Assessment) -> T,
    ) -> Result<T, Refused> {
        let before = self.doc.clone();
        let out = f(&mut self.doc);
        if let Err(refused) = check(&before, &self.doc) {
            self.doc = before;
            return Err(refused);
        }
        self.doc.updated_at = now;
        let lock_changed = before.is_locked() != self.doc.is_locked()
            || before.case.authorisations.len() != self.doc.case.authorisations.len();
        let patch = patch::Patch::between(before, &self.doc);
        if lock_changed {
            self.history = History::default();
        } else if !patch.is_empty() && !patch.only_audit() {
            self.history.record(change, patch);
        }
        Ok(out)
    }

    /// Undoes the latest step; `None` when there is nothing to undo.
    pub fn undo(&mut self, now: DateTime<Utc>) -> Result<Option<Done>, Refused> {
        self.step(now, true, None)
    }

    /// Redoes the latest undone step; `None` when there is nothing to redo.
    pub fn redo(&mut self, now: DateTime<Utc>) -> Result<Option<Done>, Refused> {
        self.step(now, false, None)
    }

    /// Undoes the latest step only if it belongs to `scope` (the child's board takes back
    /// the child's own lines, and nothing the worker did before).
    pub fn undo_within(
        &mut self,
        scope: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<Done>, Refused> {
        self.step(now, true, Some(scope))
    }

    fn step(
        &mut self,
        now: DateTime<Utc>,
        back: bool,
        scope: Option<&str>,
    ) -> Result<Option<Done>, Refused> {
        if scope.is_some() && self.history.undo_scope() != scope {
            return Ok(None);
        }
        let before = self.doc.clone();
        let done = if back {
            self.history.undo(&mut self.doc)
        } else {
            self.history.redo(&mut self.doc)
        };
        let Some(done) = done else { return Ok(None) };
        // The document was valid when the step was made; checked again all the same, so
        // nothing invalid is ever kept, and an authorised assessment stays as it was.
        if let Err(refused) = check(&before, &self.doc) {
            // Put the step back where it was.
            if back {
                self.history.redo(&mut self.doc);
            } else {
                self.history.undo(&mut self.doc);
            }
            self.doc.updated_at = before.updated_at;
            return Err(refused);
        }
        self.doc.updated_at = now;
        Ok(Some(done))
    }
}
