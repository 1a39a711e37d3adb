//! An open assessment: the document being edited and its autosave. Every edit goes through
//! [`Session::edit`], which stamps the change time and saves after a short pause in typing.
//! The status only says "Saved" once IndexedDB has committed the write.

use super::platform::{now, repo};
use crate::model::Assessment;
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

/// The open assessment, shared with every page under `/assessments/:id`.
#[derive(Clone, Copy)]
pub struct Session {
    pub doc: RwSignal<Assessment>,
    pub status: RwSignal<SaveState>,
    generation: StoredValue<u64>,
}

impl Session {
    /// A session over a freshly loaded assessment.
    pub fn new(a: Assessment) -> Self {
        Self {
            doc: RwSignal::new(a),
            status: RwSignal::new(SaveState::Saved),
            generation: StoredValue::new(0),
        }
    }

    /// Changes the assessment and schedules a save.
    pub fn edit(&self, f: impl FnOnce(&mut Assessment)) {
        self.doc.update(|a| {
            f(a);
            a.updated_at = now();
        });
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
        spawn_local(async move {
            let result = match repo().await {
                Ok(r) => r.save(&a).await,
                Err(e) => Err(e),
            };
            match result {
                Ok(()) if this.generation.try_get_value() == Some(written) => {
                    this.status.try_set(SaveState::Saved);
                }
                Ok(()) => {} // a newer change is on its way
                Err(e) => {
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
