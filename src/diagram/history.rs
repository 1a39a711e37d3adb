//! Undo and redo: a stack of applied steps, each holding the ops that made it and the ops that
//! undo it. Unlimited within a session; view state (selection, pan, zoom) never enters it.

use super::ops::{apply, Op};
use crate::model::Assessment;

/// One undoable step.
#[derive(Clone, Debug, PartialEq)]
struct Step {
    label: String,
    /// Steps with the same merge key in a row become one (typing into one field).
    merge: Option<String>,
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
        self.commit_merging(a, label, ops, None);
    }

    /// Like [`History::commit`], but a step with the same `merge` key as the latest one (and
    /// nothing undone since) joins it, so typing a name is one undo step, not one per letter.
    pub fn commit_merging(
        &mut self,
        a: &mut Assessment,
        label: &str,
        ops: Vec<Op>,
        merge: Option<&str>,
    ) {
        if ops.is_empty() {
            return;
        }
        let mut inverse = apply(a, &ops);
        let joins = merge.is_some()
            && self.undone.is_empty()
            && self.done.last().and_then(|s| s.merge.as_deref()) == merge;
        if let (true, Some(last)) = (joins, self.done.last_mut()) {
            last.forward.extend(ops);
            inverse.append(&mut last.inverse);
            last.inverse = inverse;
        } else {
            self.done.push(Step {
                label: label.to_owned(),
                merge: merge.map(str::to_owned),
                forward: ops,
                inverse,
            });
        }
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

/// An editor's history kept while the editor is closed. It is taken up again only if the
/// document is as the editor left them (apart from its change time): an undo must never reach
/// over a change made elsewhere (the people register, a scale, an import, another tab), since
/// taking away a person someone has since put on a scale would break the document.
#[derive(Clone, Debug, PartialEq)]
pub struct Kept {
    history: History,
    left: Assessment,
}

impl Kept {
    /// Keeps `history` with what it was editing.
    pub fn keep(history: History, a: &Assessment) -> Self {
        Self {
            history,
            left: parts(a),
        }
    }

    /// The kept history if nothing it edits changed since; otherwise an empty one.
    pub fn resume(self, a: &Assessment) -> History {
        if self.left == parts(a) {
            self.history
        } else {
            History::default()
        }
    }
}

/// The document without its change time, which every edit anywhere moves.
fn parts(a: &Assessment) -> Assessment {
    let mut a = a.clone();
    a.updated_at = a.created_at;
    a
}

/// For tests: applies `ops` as one step, checks it changed something, that undo restores the
/// assessment exactly and that redo repeats it.
#[cfg(test)]
pub fn assert_undoable(a: &mut Assessment, label: &str, ops: Vec<Op>) {
    let before = a.clone();
    let mut h = History::default();
    h.commit(a, label, ops);
    let after = a.clone();
    assert_ne!(before, after, "{label} changed nothing");
    assert_eq!(h.undo(a).as_deref(), Some(label));
    assert_eq!(*a, before, "undo of {label}");
    assert_eq!(h.redo(a).as_deref(), Some(label));
    assert_eq!(*a, after, "redo of {label}");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagram::ops::Entity;
    use crate::model::assessment::tests::sample;

    #[test]
    fn a_kept_history_resumes_only_over_an_unchanged_document() {
        let mut a = sample();
        let mut h = History::default();
        let mut p = a.people[1].clone();
        p.given_name = "Renamed".into();
        h.commit(&mut a, "change name", vec![Op::Put(Entity::Person(p))]);

        // Nothing changed while the editor was closed (but the change time).
        let kept = Kept::keep(h.clone(), &a);
        a.updated_at += chrono::Duration::minutes(5);
        let mut resumed = kept.clone().resume(&a);
        assert_eq!(resumed, h);
        assert_eq!(resumed.undo(&mut a).as_deref(), Some("change name"));

        // Someone was edited elsewhere: the history is not taken up.
        let mut b = sample();
        let kept = Kept::keep(h.clone(), &b);
        b.people[0].notes = "edited on the people page".into();
        assert_eq!(kept.resume(&b), History::default());
        // A scale was changed elsewhere: an undo could take away someone now on it.
        let mut c = sample();
        let kept = Kept::keep(h.clone(), &c);
        c.scales.push(crate::model::Scale {
            id: "s-1".into(),
            kind: crate::model::ScaleKind::Custom,
            question: String::new(),
            low_anchor: String::new(),
            high_anchor: String::new(),
            step: crate::model::Step::Whole,
            markers: Vec::new(),
            history: Vec::new(),
        });
        assert_eq!(kept.resume(&c), History::default());
    }

    #[test]
    fn merged_steps_undo_together_and_others_do_not_merge() {
        let mut a = sample();
        let before = a.clone();
        let mut h = History::default();
        let mut p = a.people[1].clone();
        for name in ["J", "Jo", "Joa"] {
            p.given_name = name.into();
            h.commit_merging(
                &mut a,
                "change name",
                vec![Op::Put(Entity::Person(p.clone()))],
                Some("name"),
            );
        }
        p.notes = "x".into();
        h.commit_merging(
            &mut a,
            "change notes",
            vec![Op::Put(Entity::Person(p.clone()))],
            Some("notes"),
        );
        assert_eq!(a.people[1].given_name, "Joa");
        h.undo(&mut a);
        assert_eq!(a.people[1].notes, "");
        assert_eq!(a.people[1].given_name, "Joa");
        assert_eq!(h.undo(&mut a).as_deref(), Some("change name"));
        assert_eq!(a, before, "three keystrokes, one undo");
        assert_eq!(h.undo(&mut a), None);
        h.redo(&mut a);
        assert_eq!(a.people[1].given_name, "Joa");
        assert_eq!(h.redo_label(), Some("change notes"));
    }
}
