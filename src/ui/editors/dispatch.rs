//! Runs editor commands against the open assessment through an undo history, and reports a
//! refused command in words. Used by both diagram editors.

use crate::diagram::history::History;
use crate::diagram::ops::Op;
use crate::diagram::EditError;
use crate::model::Assessment;
use crate::ui::session::Session;
use leptos::prelude::*;

/// One editor's history and its last refusal.
#[derive(Clone, Copy)]
pub struct Dispatcher {
    session: Session,
    history: StoredValue<History>,
    /// Bumped on every change to the history, so undo/redo labels update.
    version: RwSignal<u64>,
    /// Why the last command was refused, if it was.
    pub error: RwSignal<Option<String>>,
}

impl Dispatcher {
    /// The dispatcher of `editor` ("genogram", "network"): it takes up the history the editor
    /// left in the session when it last closed (if nothing changed since) and leaves it there
    /// again when it closes, so leaving the page and coming back keeps undo.
    pub fn new(session: Session, editor: &'static str) -> Self {
        let history = StoredValue::new(session.take_history(editor));
        on_cleanup(move || {
            if let Some(h) = history.try_get_value() {
                session.keep_history(editor, h);
            }
        });
        let version = RwSignal::new(0);
        // A document replaced from elsewhere (another tab's version reloaded) starts the
        // history afresh: its steps were made against a document that is no longer there.
        let seen = StoredValue::new(session.replaced.get_untracked());
        Effect::new(move || {
            let now = session.replaced.get();
            if seen.get_value() != now {
                seen.set_value(now);
                history.set_value(History::default());
                version.update(|v| *v += 1);
            }
        });
        Self {
            session,
            history,
            version,
            error: RwSignal::new(None),
        }
    }

    /// Runs `change` on a copy of the history through the session's checked edit; the history
    /// is kept only if the document accepted the change.
    fn through_session(&self, change: impl FnOnce(&mut History, &mut Assessment)) -> bool {
        let mut h = self.history.get_value();
        let made = self.session.try_edit(|a| change(&mut h, a));
        if made {
            self.history.set_value(h);
            self.error.set(None);
        } else {
            self.error.set(self.session.refused.get_untracked());
        }
        self.version.update(|v| *v += 1);
        made
    }

    /// Plans a command against the current document and applies it as one undo step.
    /// Returns whether it was applied.
    pub fn run(
        &self,
        label: &str,
        plan: impl FnOnce(&Assessment) -> Result<Vec<Op>, EditError>,
    ) -> bool {
        self.run_merging(label, None, plan)
    }

    /// Like [`Dispatcher::run`]; steps in a row with the same `merge` key are one undo step.
    pub fn run_merging(
        &self,
        label: &str,
        merge: Option<String>,
        plan: impl FnOnce(&Assessment) -> Result<Vec<Op>, EditError>,
    ) -> bool {
        match self.session.doc.with_untracked(plan) {
            Ok(ops) => {
                self.through_session(|h, a| h.commit_merging(a, label, ops, merge.as_deref()))
            }
            Err(e) => {
                self.error.set(Some(e.to_string()));
                false
            }
        }
    }

    /// Undoes the latest step, if any.
    pub fn undo(&self) {
        self.step(true)
    }

    /// Redoes the latest undone step, if any.
    pub fn redo(&self) {
        self.step(false)
    }

    fn step(&self, back: bool) {
        let history = self.history;
        let can = history.with_value(|h| {
            if back {
                h.undo_label().is_some()
            } else {
                h.redo_label().is_some()
            }
        });
        if can {
            self.through_session(|h, a| {
                if back {
                    h.undo(a);
                } else {
                    h.redo(a);
                }
            });
        }
    }

    /// "Undo add partner", or `None` when there is nothing to undo.
    pub fn undo_label(&self) -> Option<String> {
        self.version.track();
        self.history
            .with_value(|h| h.undo_label().map(|l| format!("Undo {l}")))
    }

    /// "Redo add partner", or `None`.
    pub fn redo_label(&self) -> Option<String> {
        self.version.track();
        self.history
            .with_value(|h| h.redo_label().map(|l| format!("Redo {l}")))
    }

    /// Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z or Ctrl+Y redoes; returns whether the key was used.
    pub fn handle_key(&self, ev: &web_sys::KeyboardEvent) -> bool {
        if !(ev.ctrl_key() || ev.meta_key()) {
            return false;
        }
        match ev.key().as_str() {
            "z" | "Z" if ev.shift_key() => self.redo(),
            "z" | "Z" => self.undo(),
            "y" | "Y" => self.redo(),
            _ => return false,
        }
        ev.prevent_default();
        true
    }
}

/// The undo and redo buttons.
#[component]
pub fn UndoRedo(d: Dispatcher) -> impl IntoView {
    view! {
        <button type="button" class="button button--secondary button--small" data-testid="undo"
            prop:disabled=move || d.undo_label().is_none()
            aria-label=move || d.undo_label().unwrap_or_else(|| "Undo (nothing to undo)".into())
            on:click=move |_| d.undo()>"Undo"</button>
        <button type="button" class="button button--secondary button--small" data-testid="redo"
            prop:disabled=move || d.redo_label().is_none()
            aria-label=move || d.redo_label().unwrap_or_else(|| "Redo (nothing to redo)".into())
            on:click=move |_| d.redo()>"Redo"</button>
    }
}

/// The refusal message, when there is one.
#[component]
pub fn EditErrorMessage(d: Dispatcher) -> impl IntoView {
    move || {
        d.error.get().map(|e| {
            view! { <p class="error-message" role="alert" data-testid="edit-error">{e}</p> }
        })
    }
}

/// "Hide panel" / "Show panel": the drawer over the drawing, closed or open.
#[component]
pub fn PanelToggle(open: RwSignal<bool>) -> impl IntoView {
    view! {
        <button type="button" class="button button--secondary button--small panel-toggle" data-testid="panel-toggle"
            aria-expanded=move || open.get().to_string()
            on:click=move |_| open.update(|o| *o = !*o)>
            {move || if open.get() { "Hide panel" } else { "Show panel" }}
        </button>
    }
}
