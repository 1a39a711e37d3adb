//! An open assessment in the browser: the document the pages read, its one undo history, and
//! the autosave. [`Session::edit`] hands a named change to the workspace
//! ([`crate::workspace::apply_to`]), which makes it on the document only if the result passes
//! the rules of a valid assessment and keeps it as one step of the history; the pages are then
//! told, and a save follows a short pause in typing. A refused change leaves everything as it
//! was and says why. The status only says "Saved" once IndexedDB has committed the write.

use super::platform::{now, random_bytes, repo};
use super::router::{Location, NavigateOptions};
use super::tabs;
use crate::model::repair::Repaired;
use crate::model::{Assessment, AssessmentId};
use crate::storage::StorageError;
use crate::workspace::{apply_to, carried_history, carry, step_on, Change, Done, History, Refused};
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
    /// The assessment as it stands: the one copy, changed in place through the workspace's
    /// [`apply_to`] (no copy is made for the pages to read).
    pub doc: RwSignal<Assessment>,
    pub status: RwSignal<SaveState>,
    pub elsewhere: RwSignal<Elsewhere>,
    /// Why the latest change was not made, if it was refused.
    pub refused: RwSignal<Option<String>>,
    /// What a repair changed when this assessment was opened (until the worker dismisses it).
    pub repaired: RwSignal<Option<Repaired>>,
    /// A sentence about the latest register edit ("Casey was removed from the register."),
    /// offered with Undo while nothing else has changed.
    pub announced: RwSignal<Option<String>>,
    /// What the latest Undo or Redo did ("Undone: remove danger statement 2").
    pub undone: RwSignal<Option<String>>,
    /// Which network map the editor and presentation show: the group's or one child's.
    pub network_for: RwSignal<crate::model::network::MapFor>,
    /// The one history of the open assessment.
    history: StoredValue<History>,
    /// Bumped whenever the history changes, so Undo's and Redo's labels follow it.
    history_changed: RwSignal<u64>,
    location: Option<Location>,
    /// Whether changes are stored: a profile's preview keeps them on the page only.
    stored: bool,
    generation: StoredValue<u64>,
    revision: StoredValue<u64>,
}

/// Where a change was made: the page's path within the assessment ("/planning").
fn place_in(path: &str, id: &AssessmentId) -> String {
    let base = format!("/assessments/{id}");
    path.strip_prefix(&base).unwrap_or_default().to_owned()
}

/// `place`, or the list that held its item when the item is no longer in `a`.
fn still_there(a: &Assessment, place: &str) -> String {
    use crate::model::{ItemId, PersonId};
    let parts: Vec<&str> = place.split('/').filter(|p| !p.is_empty()).collect();
    let gone = |list: &str| list.to_owned();
    match parts.as_slice() {
        ["planning", pair] if ItemId::parse(pair).is_none_or(|p| a.planning.pair(&p).is_none()) => {
            gone("/planning")
        }
        ["scales", sid, ..] if a.scale(sid).is_none() => gone("/scales"),
        ["person", pid] if PersonId::parse(pid).is_none_or(|p| a.person(&p).is_none()) => {
            gone("/people")
        }
        ["tools", t, ..] if !a.child_tools.iter().any(|x| x.id.as_str() == *t) => gone("/"),
        _ => place.to_owned(),
    }
}

impl Session {
    /// A session over an assessment loaded at `revision`, changed on the pages `location`
    /// shows (so Undo can show where a step was made).
    pub fn new(a: Assessment, revision: u64, location: Option<Location>) -> Self {
        Self {
            doc: RwSignal::new(a),
            status: RwSignal::new(SaveState::Saved),
            elsewhere: RwSignal::new(Elsewhere::Quiet),
            refused: RwSignal::new(None),
            repaired: RwSignal::new(None),
            announced: RwSignal::new(None),
            undone: RwSignal::new(None),
            network_for: RwSignal::new(None),
            history: StoredValue::new(History::default()),
            history_changed: RwSignal::new(0),
            location,
            stored: true,
            generation: StoredValue::new(0),
            revision: StoredValue::new(revision),
        }
    }

    /// A session whose changes are never stored (a profile's preview on a fictional case).
    pub fn unstored(a: Assessment) -> Self {
        Self {
            stored: false,
            ..Self::new(a, 0, None)
        }
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
                    this.history.set_value(History::default());
                    this.announced.set(None);
                    this.undone.set(None);
                    this.history_changed.update(|n| *n += 1);
                    this.doc.set(opened.assessment);
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

    /// Makes the change called `label` and schedules a save; a change that would break the
    /// rules is not made (see [`Session::change`]).
    pub fn edit(&self, label: impl Into<String>, f: impl FnOnce(&mut Assessment)) {
        let _ = self.change(Change::named(label), f);
    }

    /// Typing into the field `key`: the changes in a row are one undo step.
    pub fn typing(
        &self,
        label: impl Into<String>,
        key: impl Into<String>,
        f: impl FnOnce(&mut Assessment),
    ) {
        let _ = self.change(Change::typing(label, key), f);
    }

    /// Like [`Session::edit`]; returns whether the change was made.
    pub fn try_edit(&self, label: impl Into<String>, f: impl FnOnce(&mut Assessment)) -> bool {
        self.change(Change::named(label), f).is_some()
    }

    /// A register edit (remove someone, change a child's role): `sentence` says what was done,
    /// offered with Undo while nothing else changes.
    pub fn edit_register(&self, label: &str, sentence: String, f: impl FnOnce(&mut Assessment)) {
        if self.try_edit(label, f) {
            self.announced.set(Some(sentence));
        }
    }

    /// Makes `change` through the workspace, if the result passes the rules; otherwise
    /// nothing changes and [`Session::refused`] says why. Returns what `f` returned.
    ///
    /// `f` changes the document in place, inside the signal: it must not read [`Session::doc`]
    /// (what it needs of the document is its argument; anything else is read before).
    pub fn change<T>(&self, change: Change, f: impl FnOnce(&mut Assessment) -> T) -> Option<T> {
        let change = change.on(self.place());
        let history = self.history;
        // The pages are told only when the change was made.
        let made = self.doc.try_maybe_update(|doc| {
            let made = history.try_update_value(|h| apply_to(doc, h, change, now(), f));
            (matches!(made, Some(Ok(_))), made)
        })??;
        match made {
            Ok(out) => {
                self.refused.set(None);
                self.announced.set(None);
                self.undone.set(None);
                self.saved_later();
                Some(out)
            }
            Err(refused) => {
                self.refused.set(Some(refused.to_string()));
                None
            }
        }
    }

    /// Undoes the latest step, wherever it was made, and shows its page.
    pub fn undo(&self) {
        self.step(true, None, "Undone")
    }

    /// Redoes the latest undone step and shows its page.
    pub fn redo(&self) {
        self.step(false, None, "Redone")
    }

    /// Undoes the latest step only if it is in `scope` (the child's board: their own lines).
    pub fn undo_within(&self, scope: &str) {
        self.step(true, Some(scope), "Undone")
    }

    fn step(&self, back: bool, scope: Option<&str>, what: &str) {
        let history = self.history;
        let result = self.doc.try_maybe_update(|doc| {
            let r: Option<Result<Option<Done>, Refused>> =
                history.try_update_value(|h| step_on(doc, h, now(), back, scope));
            (matches!(r, Some(Ok(Some(_)))), r)
        });
        let Some(Some(result)) = result else { return };
        match result {
            Ok(Some(done)) => {
                self.refused.set(None);
                self.announced.set(None);
                self.undone.set(Some(format!("{what}: {}.", done.label)));
                self.saved_later();
                self.go_to(&done.place);
            }
            Ok(None) => {}
            Err(refused) => self.refused.set(Some(refused.to_string())),
        }
    }

    /// "Undo: remove danger statement 2", or `None` when there is nothing to undo.
    pub fn undo_label(&self) -> Option<String> {
        self.history_changed.track();
        self.history
            .with_value(|h| h.undo_label().map(|l| format!("Undo: {l}")))
    }

    /// "Redo: remove danger statement 2", or `None`.
    pub fn redo_label(&self) -> Option<String> {
        self.history_changed.track();
        self.history
            .with_value(|h| h.redo_label().map(|l| format!("Redo: {l}")))
    }

    /// Whether the child's Undo on the board of `scope` has something to take back.
    pub fn can_undo_within(&self, scope: &str) -> bool {
        self.history_changed.track();
        self.history.with_value(|h| h.undo_scope() == Some(scope))
    }

    /// Shows the page a step was made on, if another is shown; when what that page showed is
    /// gone (a redone removal), the list it was in.
    fn go_to(&self, place: &str) {
        let Some(loc) = self.location else { return };
        let id = self.doc.with_untracked(|a| a.id.clone());
        let place = self.doc.with_untracked(|a| still_there(a, place));
        if place.is_empty() || place_in(&loc.path.get_untracked(), &id) == place {
            return;
        }
        loc.go(
            &format!("/assessments/{id}{place}"),
            NavigateOptions::default(),
        );
    }

    /// The page shown, within the assessment.
    fn place(&self) -> String {
        let Some(loc) = self.location else {
            return String::new();
        };
        self.doc
            .with_untracked(|a| place_in(&loc.path.get_untracked(), &a.id))
    }

    /// After a change: Undo's words follow, and a save is scheduled.
    fn saved_later(&self) {
        self.history_changed.update(|n| *n += 1);
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
    }

    /// Saves at once if anything is waiting (used when the page is being hidden or left).
    pub fn flush(&self) {
        if self.status.get_untracked() != SaveState::Saved {
            self.save_now();
        }
    }

    /// Before another app module takes the page: saves what is waiting, then leaves this
    /// assessment's undo history for that module (see `ui::handoff`). Fails, leaving the page
    /// as it is, when the latest changes cannot be saved.
    pub async fn hand_over(&self) -> Result<(), String> {
        self.flush();
        // A save takes milliseconds; a few seconds means something is wrong.
        for _ in 0..200 {
            match self.status.get_untracked() {
                SaveState::Saved => break,
                SaveState::NotSaved(why) => {
                    return Err(format!("your latest changes are not saved ({why})"))
                }
                SaveState::Saving => pause(25).await,
            }
        }
        if self.has_unsaved() {
            return Err("your latest changes are still being saved".into());
        }
        let id = self.doc.with_untracked(|a| a.id.to_string());
        let revision = self.revision.get_value();
        super::handoff::leave_session(&self.history.with_value(|h| carry(&id, revision, h)));
        Ok(())
    }

    /// Goes on with the undo history the previous app module left, when it was made on this
    /// assessment as it was saved (so Undo picks up exactly where it was).
    pub fn take_over(&self) {
        let Some(text) = super::handoff::take_session() else {
            return;
        };
        let id = self.doc.with_untracked(|a| a.id.to_string());
        if let Some(h) = carried_history(&text, &id, self.revision.get_value()) {
            self.history.set_value(h);
            self.history_changed.update(|n| *n += 1);
        }
    }

    /// Whether changes are not yet stored.
    pub fn has_unsaved(&self) -> bool {
        self.status
            .try_get_untracked()
            .is_some_and(|s| s != SaveState::Saved)
    }

    fn save_now(&self) {
        if !self.stored {
            self.status.set(SaveState::Saved);
            return;
        }
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

/// Waits `ms` milliseconds.
async fn pause(ms: i32) {
    let wait = js_sys::Promise::new(&mut |done, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&done, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(wait).await;
}

/// The open session; pages under an assessment route call this.
pub fn use_session() -> Session {
    expect_context::<Session>()
}
