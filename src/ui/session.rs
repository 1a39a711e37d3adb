//! An open assessment: the document being edited and its autosave. Every edit goes through
//! [`Session::edit`], which makes the change only if the result passes the rules of a valid
//! assessment ([`crate::edit::commit`]), stamps the change time and saves after a short pause
//! in typing. A refused change leaves everything as it was and says why. The status only says
//! "Saved" once IndexedDB has committed the write.

use super::platform::{now, random_bytes, repo};
use super::tabs;
use crate::diagram::history::{History, Kept};
use crate::model::repair::Repaired;
use crate::model::{Assessment, AssessmentId};
use crate::storage::StorageError;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;

/// How long typing must pause before a save starts.
pub const SAVE_DELAY: Duration = Duration::from_millis(400);

/// Where the open assessment's latest changes stand.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveState {
    /// Everything shown is stored.
    Saved,
    /// Changes are waiting for the pause in typing, or being written.
    Saving,
    /// The last write failed; the reason, in plain words.
    NotSaved(String),
}

/// What another tab has done to the open assessment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Elsewhere {
    /// Nothing known.
    Quiet,
    /// Another tab saved a newer version.
    Newer,
    /// This tab's save was refused because another tab saved first.
    Conflict,
}

/// The open assessment, shared with every page under `/assessments/:id`.
#[derive(Clone, Copy)]
pub struct Session {
    pub doc: RwSignal<Assessment>,
    pub status: RwSignal<SaveState>,
    pub elsewhere: RwSignal<Elsewhere>,
    /// Why the latest change was not made, if it was refused.
    pub refused: RwSignal<Option<String>>,
    /// What a repair changed when this assessment was opened (until the worker dismisses it).
    pub repaired: RwSignal<Option<Repaired>>,
    /// The latest register edit, with the document before it, while nothing else has changed.
    pub register_undo: RwSignal<Option<(String, Assessment)>>,
    /// Bumped whenever the document is replaced from outside this tab's edits (a reload of
    /// another tab's version): the editors' undo histories start afresh.
    pub replaced: RwSignal<u64>,
    /// Which network map the editor and presentation show: the group's or one child's.
    pub network_for: RwSignal<crate::model::network::MapFor>,
    generation: StoredValue<u64>,
    revision: StoredValue<u64>,
    /// The diagram editors' undo histories while they are closed, by editor.
    kept: StoredValue<Vec<(&'static str, Kept)>>,
}

impl Session {
    /// A session over an assessment loaded at `revision`.
    pub fn new(a: Assessment, revision: u64) -> Self {
        Self {
            doc: RwSignal::new(a),
            status: RwSignal::new(SaveState::Saved),
            elsewhere: RwSignal::new(Elsewhere::Quiet),
            refused: RwSignal::new(None),
            repaired: RwSignal::new(None),
            register_undo: RwSignal::new(None),
            replaced: RwSignal::new(0),
            network_for: RwSignal::new(None),
            generation: StoredValue::new(0),
            revision: StoredValue::new(revision),
            kept: StoredValue::new(Vec::new()),
        }
    }

    /// The undo history `editor` left when it closed, if the diagrams are as it left them.
    pub fn take_history(&self, editor: &'static str) -> History {
        let kept = self.kept.try_update_value(|k| {
            let i = k.iter().position(|(e, _)| *e == editor)?;
            Some(k.swap_remove(i).1)
        });
        match kept.flatten() {
            Some(kept) => self.doc.with_untracked(|a| kept.resume(a)),
            None => History::default(),
        }
    }

    /// Keeps `editor`'s undo history while it is closed (see [`Session::take_history`]).
    pub fn keep_history(&self, editor: &'static str, history: History) {
        let Some(kept) = self.doc.try_with_untracked(|a| Kept::keep(history, a)) else {
            return;
        };
        self.kept.try_update_value(|k| {
            k.retain(|(e, _)| *e != editor);
            k.push((editor, kept));
        });
    }

    /// Another tab saved this assessment at `revision`.
    pub fn newer_elsewhere(&self, revision: u64) {
        if self
            .revision
            .try_get_value()
            .is_some_and(|mine| revision > mine)
            && self.elsewhere.try_get_untracked() == Some(Elsewhere::Quiet)
        {
            self.elsewhere.try_set(Elsewhere::Newer);
        }
    }

    /// Replaces what is shown with the stored version (changes not yet saved here are dropped).
    pub fn reload(&self) {
        let this = *self;
        let id = self.doc.with_untracked(|a| a.id.clone());
        self.generation.update_value(|g| *g += 1);
        spawn_local(async move {
            match async { repo().await?.open(&id).await }.await {
                Ok(Some(opened)) => {
                    this.revision.set_value(opened.revision);
                    // Undo must not reach across the replaced document.
                    this.kept.set_value(Vec::new());
                    this.register_undo.set(None);
                    this.doc.set(opened.assessment);
                    this.replaced.update(|n| *n += 1);
                    this.repaired.set(opened.repaired);
                    this.status.set(SaveState::Saved);
                    this.elsewhere.set(Elsewhere::Quiet);
                }
                Ok(None) => this.status.set(SaveState::NotSaved(
                    "the assessment is no longer on this device".into(),
                )),
                Err(e) => this.status.set(SaveState::NotSaved(e.to_string())),
            }
        });
    }

    /// Saves what this tab shows as a separate copy (so nothing is lost), then calls `then`
    /// with the copy's id once it is stored.
    pub fn keep_mine_as_copy(&self, then: impl FnOnce(AssessmentId) + 'static) {
        let this = *self;
        let mut mine = self.doc.get_untracked();
        mine.id = AssessmentId::from_random(random_bytes());
        mine.updated_at = now();
        self.generation.update_value(|g| *g += 1);
        spawn_local(async move {
            match async { repo().await?.save(&mine).await }.await {
                Ok(()) => {
                    this.status.try_set(SaveState::Saved);
                    this.elsewhere.try_set(Elsewhere::Quiet);
                    then(mine.id)
                }
                Err(e) => {
                    this.status.try_set(SaveState::NotSaved(e.to_string()));
                }
            }
        });
    }

    /// Changes the assessment and schedules a save; a change that would break the rules is
    /// not made (see [`Session::try_edit`]).
    pub fn edit(&self, f: impl FnOnce(&mut Assessment)) {
        let _ = self.try_edit(f);
    }

    /// A register edit (remove someone, change a child's role) as one undoable step: "Undo"
    /// puts the document back as it was, while nothing else has been changed since.
    pub fn edit_register(&self, label: String, f: impl FnOnce(&mut Assessment)) {
        let before = self.doc.get_untracked();
        if self.try_edit(f) {
            self.register_undo.set(Some((label, before)));
        }
    }

    /// Undoes the latest register edit, if nothing has changed since.
    pub fn undo_register(&self) {
        if let Some((_, before)) = self.register_undo.get_untracked() {
            self.edit(move |a| *a = before);
        }
    }

    /// Changes the assessment and schedules a save, if the result passes the rules; otherwise
    /// nothing changes and [`Session::refused`] says why. Returns whether it was made.
    pub fn try_edit(&self, f: impl FnOnce(&mut Assessment)) -> bool {
        let mut doc = self.doc.get_untracked();
        let made = crate::edit::commit(&mut doc, |a| {
            f(a);
            a.updated_at = now();
        });
        if let Err(refused) = made {
            self.refused.set(Some(refused.to_string()));
            return false;
        }
        self.refused.set(None);
        self.register_undo.set(None);
        self.doc.set(doc);
        self.status.set(SaveState::Saving);
        self.generation.update_value(|g| *g += 1);
        let this = *self;
        let scheduled = self.generation.get_value();
        set_timeout(
            move || {
                if this.generation.try_get_value() == Some(scheduled) {
                    this.save_now();
                }
            },
            SAVE_DELAY,
        );
        true
    }

    /// Saves at once if anything is waiting (used when the page is being hidden or left).
    pub fn flush(&self) {
        if self.status.get_untracked() != SaveState::Saved {
            self.save_now();
        }
    }

    /// Whether changes are not yet stored.
    pub fn has_unsaved(&self) -> bool {
        self.status
            .try_get_untracked()
            .is_some_and(|s| s != SaveState::Saved)
    }

    fn save_now(&self) {
        let this = *self;
        let Some(a) = self.doc.try_get_untracked() else {
            return;
        };
        let written = self.generation.get_value();
        let expected = self.revision.get_value();
        spawn_local(async move {
            let result = match repo().await {
                Ok(r) => r.save_if_unchanged(&a, expected).await,
                Err(e) => Err(e),
            };
            match result {
                Ok(rev) => {
                    this.revision.try_update_value(|r| *r = rev);
                    tabs::announce_saved(a.id.as_str(), rev);
                    if this.generation.try_get_value() == Some(written) {
                        this.status.try_set(SaveState::Saved);
                    } // otherwise a newer change is on its way
                }
                Err(e) => {
                    if matches!(e, StorageError::Conflict { .. }) {
                        this.elsewhere.try_set(Elsewhere::Conflict);
                    }
                    this.status.try_set(SaveState::NotSaved(e.to_string()));
                }
            }
        });
    }
}

/// The open session; pages under an assessment route call this.
pub fn use_session() -> Session {
    expect_context::<Session>()
}
