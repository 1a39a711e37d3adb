//! The one undo history of an open assessment: the steps made, newest last, each with what it
//! replaced, and the steps undone, ready to be redone. Unlimited while the assessment is open;
//! view state (selection, pan, zoom, which page is shown) never enters it.

use super::patch::Patch;
use super::Change;
use crate::model::Assessment;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Step {
    change: Change,
    /// Put back into the document, it undoes (in `done`) or redoes (in `undone`) the step.
    patch: Patch,
}

/// The steps made and undone.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct History {
    done: Vec<Step>,
    undone: Vec<Step>,
}

/// A step just undone or redone: what it was called and the page it was made on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Done {
    pub label: String,
    pub place: String,
}

impl History {
    /// Records a step made by `change` that replaced `patch`; what could be redone is
    /// dropped. A change with the same merge key as the latest step, with nothing undone since,
    /// joins it (typing a name is one step, not one a letter).
    pub(super) fn record(&mut self, change: Change, patch: Patch) {
        let joins = change.merge.is_some()
            && self.undone.is_empty()
            && self
                .done
                .last()
                .is_some_and(|s| s.change.merge == change.merge);
        match self.done.last_mut() {
            Some(last) if joins => {
                let earlier = std::mem::take(&mut last.patch);
                last.patch = earlier.then(patch);
            }
            _ => self.done.push(Step { change, patch }),
        }
        self.undone.clear();
    }

    /// Undoes the latest step on `a`.
    pub(super) fn undo(&mut self, a: &mut Assessment) -> Option<Done> {
        Self::put_back(&mut self.done, &mut self.undone, a)
    }

    /// Redoes the latest undone step on `a`.
    pub(super) fn redo(&mut self, a: &mut Assessment) -> Option<Done> {
        Self::put_back(&mut self.undone, &mut self.done, a)
    }

    /// Puts back the latest step of `from` on `a` and moves it, turned round, to `to`.
    fn put_back(from: &mut Vec<Step>, to: &mut Vec<Step>, a: &mut Assessment) -> Option<Done> {
        let mut step = from.pop()?;
        step.patch = std::mem::take(&mut step.patch).swap_into(a);
        let done = Done::of(&step);
        to.push(step);
        Some(done)
    }

    /// What the next undo would undo.
    pub fn undo_label(&self) -> Option<&str> {
        self.done.last().map(|s| s.change.label.as_str())
    }

    /// What the next redo would redo.
    pub fn redo_label(&self) -> Option<&str> {
        self.undone.last().map(|s| s.change.label.as_str())
    }

    /// The scope of the next undo's step, if it has one.
    pub fn undo_scope(&self) -> Option<&str> {
        self.done.last().and_then(|s| s.change.scope.as_deref())
    }

    /// How many steps can be undone.
    pub fn depth(&self) -> usize {
        self.done.len()
    }
}

impl Done {
    fn of(step: &Step) -> Self {
        Self {
            label: step.change.label.clone(),
            place: step.change.place.clone(),
        }
    }
}
