//! Undo and redo: a stack of applied steps, each holding the ops that made it and the ops that
//! undo it. Unlimited within a session; view state (selection, pan, zoom) never enters it.

use super::ops::{apply, Op};
use crate::model::Assessment;

/// One undoable step.
#[derive(Clone, Debug, PartialEq)]
struct Step {
    label: String,
    forward: Vec<Op>,
    inverse: Vec<Op>,
}

/// The undo and redo stacks of one editor.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct History {
    done: Vec<Step>,
    undone: Vec<Step>,
}

impl History {
    /// Applies `ops` to `a` as one step called `label`; clears what could be redone.
    pub fn commit(&mut self, a: &mut Assessment, label: &str, ops: Vec<Op>) {
        if ops.is_empty() {
            return;
        }
        let inverse = apply(a, &ops);
        self.done.push(Step {
            label: label.to_owned(),
            forward: ops,
            inverse,
        });
        self.undone.clear();
    }

    /// Undoes the latest step; returns its label, or `None` when there is nothing to undo.
    pub fn undo(&mut self, a: &mut Assessment) -> Option<String> {
        let mut step = self.done.pop()?;
        step.forward = apply(a, &step.inverse);
        let label = step.label.clone();
        self.undone.push(step);
        Some(label)
    }

    /// Redoes the latest undone step; returns its label.
    pub fn redo(&mut self, a: &mut Assessment) -> Option<String> {
        let mut step = self.undone.pop()?;
        step.inverse = apply(a, &step.forward);
        let label = step.label.clone();
        self.done.push(step);
        Some(label)
    }

    /// What the next undo would undo.
    pub fn undo_label(&self) -> Option<&str> {
        self.done.last().map(|s| s.label.as_str())
    }

    /// What the next redo would redo.
    pub fn redo_label(&self) -> Option<&str> {
        self.undone.last().map(|s| s.label.as_str())
    }
}
