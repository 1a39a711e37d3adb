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

mod carried;
pub mod history;
pub mod patch;
#[cfg(test)]
mod tests;

use crate::model::parts::Parts;
use crate::model::validity::{self, Problem};
use crate::model::Assessment;
pub use carried::{carried_history, carry};
use chrono::{DateTime, NaiveDate, Utc};
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
            // The rule's own words, with where it applies for anyone who needs to look.
            Refused::Invalid(p) => {
                let mut words = p.reason.chars();
                let first = words.next().map(|c| c.to_uppercase().to_string());
                write!(
                    f,
                    "{}{} ({}).",
                    first.unwrap_or_default(),
                    words.as_str(),
                    p.path
                )
            }
            Refused::Locked => write!(
                f,
                "The assessment has been authorised: to change it, start an update and say why."
            ),
        }
    }
}

/// What a change is called and where it belongs: the words after "Undo" and "Redo".
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
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
    /// The only parts of the assessment the change can touch, when it says so: then only
    /// those are copied and compared (typing into one answer of a large family). Every test's
    /// change through a workspace checks the claim against the whole document.
    pub touches: Option<Parts>,
}

impl Change {
    /// A change called `label`.
    pub fn named(label: impl Into<String>) -> Self {
        Self {
            label: label.into(),
            merge: None,
            place: String::new(),
            scope: None,
            touches: None,
        }
    }

    /// Typing into the answer `key`: it touches the answers alone.
    pub fn answering(label: impl Into<String>, key: impl Into<String>) -> Self {
        Self::typing(label, key).touching(Parts::of(&[crate::model::parts::Part::Answers]))
    }

    /// Touches only `parts` (see [`Change::touches`]).
    pub fn touching(mut self, parts: Parts) -> Self {
        self.touches = Some(parts);
        self
    }

    /// Typing: changes with the same `key` in a row are one step.
    pub fn typing(label: impl Into<String>, key: impl Into<String>) -> Self {
        Self::merging(label, Some(key.into()))
    }

    /// Typing when there is a `merge` key, else a change of its own.
    pub fn merging(label: impl Into<String>, merge: Option<String>) -> Self {
        Self {
            merge,
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

/// Whether `after` may take the place of `before`, which passed every rule, when the two
/// differ only in `touched`: it passes every rule that reads those parts (and so every rule),
/// and it changes nothing an authorisation has locked.
///
/// `locked_before` is the document before the change when it was authorised (nothing else
/// needs it); `dates_before`, its referral and start dates, when the rule for changing them
/// applies ([`crate::model::dates`]).
pub fn check(
    locked_before: Option<&Assessment>,
    dates_before: Option<(Option<NaiveDate>, Option<NaiveDate>)>,
    after: &Assessment,
    touched: Parts,
) -> Result<(), Refused> {
    let dates = (after.referral_date, after.start_date);
    if dates_before.is_some_and(|before| before != dates) {
        if let Some(reason) = crate::model::dates::start_problem(dates.0, dates.1) {
            return Err(Refused::Invalid(Problem {
                path: "startDate".into(),
                reason: reason.into(),
                duplicate_person: None,
            }));
        }
    }
    let found = validity::check_in(after, touched);
    // The rules that read the parts touched are all the change can break: checked here, on
    // every change every test makes through a workspace.
    #[cfg(test)]
    assert_eq!(
        found.is_ok(),
        validity::check(after).is_ok(),
        "the rules over {touched:?} and the whole document disagree"
    );
    found.map_err(Refused::Invalid)?;
    if locked_before.is_some_and(|before| crate::edit::case::locked_change(before, after)) {
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

    /// A workspace over `doc` as saved, going on with the `history` made on it elsewhere (the
    /// app module that had the page before: see `ui::handoff`).
    pub fn resume(doc: Assessment, history: History) -> Self {
        Self { doc, history }
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

    /// Makes `change` at `now` if the result passes the rules; returns what `f` returned
    /// (see [`apply_to`]).
    pub fn apply<T>(
        &mut self,
        change: Change,
        now: DateTime<Utc>,
        f: impl FnOnce(&mut Assessment) -> T,
    ) -> Result<T, Refused> {
        apply_to(&mut self.doc, &mut self.history, change, now, f)
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
        step_on(&mut self.doc, &mut self.history, now, back, scope)
    }
}

/// Makes `change` on `doc` at `now` if the result passes the rules, keeping it as a step of
/// `history`; returns what `f` returned.
/// The assessment's own dates are checked whenever they change
/// ([`crate::model::dates`]). A change that changes nothing is no step (the change time still moves, so a repaired
/// document can be saved as it is). Authorising, or starting an update, starts the history
/// afresh: an undo must not reach back over the manager's decision. A record of what was
/// given to whom (the audit, which only grows, and only so) is never undone, so it is no
/// step either.
pub fn apply_to<T>(
    doc: &mut Assessment,
    history: &mut History,
    change: Change,
    now: DateTime<Utc>,
    f: impl FnOnce(&mut Assessment) -> T,
) -> Result<T, Refused> {
    let locked = doc.is_locked().then(|| doc.clone());
    let was_locked = locked.is_some();
    let authorisations = doc.case.authorisations.len();
    // An authorised document is copied whole anyway, for the lock's check.
    let declared = change.touches.filter(|_| !was_locked);
    #[cfg(test)]
    let whole = doc.clone();
    let before = match declared {
        Some(parts) => patch::Before::take(doc, parts),
        None => patch::Before::all(doc.clone()),
    };
    let dates = (doc.referral_date, doc.start_date);
    let out = f(doc);
    let patch = before.patch(doc);
    #[cfg(test)]
    if let Some(parts) = declared {
        let actual = patch::Patch::between(whole, doc).parts();
        assert!(
            actual.within(parts),
            "“{}” said it touches {parts:?} but touched {actual:?}",
            change.label
        );
    }
    if let Err(refused) = check(locked.as_ref(), Some(dates), doc, patch.parts()) {
        patch.swap_into(doc);
        return Err(refused);
    }
    doc.updated_at = now;
    let lock_changed =
        was_locked != doc.is_locked() || authorisations != doc.case.authorisations.len();
    if lock_changed {
        *history = History::default();
    } else if !patch.is_empty() && !patch.only_audit() {
        history.record(change, patch);
    }
    Ok(out)
}

/// Undoes (`back`) or redoes the latest step of `history` on `doc`; with a `scope`, undoes it
/// only if it belongs to that scope.
pub fn step_on(
    doc: &mut Assessment,
    history: &mut History,
    now: DateTime<Utc>,
    back: bool,
    scope: Option<&str>,
) -> Result<Option<Done>, Refused> {
    if scope.is_some() && history.undo_scope() != scope {
        return Ok(None);
    }
    let before = doc.clone();
    let done = if back {
        history.undo(doc)
    } else {
        history.redo(doc)
    };
    let Some(done) = done else { return Ok(None) };
    // The document was valid when the step was made; checked again all the same, so
    // nothing invalid is ever kept, and an authorised assessment stays as it was.
    // An undo gives back dates the document had: the rule of changing them is not asked.
    if let Err(refused) = check(Some(&before), None, doc, Parts::ALL) {
        // Put the step back where it was.
        if back {
            history.redo(doc);
        } else {
            history.undo(doc);
        }
        doc.updated_at = before.updated_at;
        return Err(refused);
    }
    doc.updated_at = now;
    Ok(Some(done))
}
