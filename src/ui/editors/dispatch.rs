//! Runs the diagram editors' commands through the open assessment's one workspace: a command
//! is planned against the document and its ops made as one named step of the one history, so
//! the editors' Undo is the assessment's Undo. Reports a refused command in words.

use crate::diagram::ops::{apply, Op};
use crate::diagram::EditError;
use crate::model::Assessment;
use crate::ui::session::Session;
use crate::workspace::Change;
use leptos::prelude::*;

/// An editor's way to the workspace, and its last refusal.
#[derive(Clone, Copy)]
pub struct Dispatcher {
    session: Session,
    /// Why the last command was refused, if it was.
    pub error: RwSignal<Option<String>>,
}

impl Dispatcher {
    /// The dispatcher of an editor over `session`.
    pub fn new(session: Session) -> Self {
        Self {
            session,
            error: RwSignal::new(None),
        }
    }

    /// Plans a command against the current document and makes it as one undo step.
    /// Returns whether it was made.
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
        let ops = match self.session.doc.with_untracked(plan) {
            Ok(ops) if ops.is_empty() => return true,
            Ok(ops) => ops,
            Err(e) => {
                self.error.set(Some(e.to_string()));
                return false;
            }
        };
        let change = Change::merging(label, merge);
        let made = self
            .session
            .change(change, |a| drop(apply(a, &ops)))
            .is_some();
        self.error.set(if made {
            None
        } else {
            self.session.refused.get_untracked()
        });
        made
    }

    /// Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z or Ctrl+Y redoes; returns whether the key was used.
    pub fn handle_key(&self, ev: &web_sys::KeyboardEvent) -> bool {
        if !(ev.ctrl_key() || ev.meta_key()) {
            return false;
        }
        match ev.key().as_str() {
            "z" | "Z" if ev.shift_key() => self.session.redo(),
            "z" | "Z" => self.session.undo(),
            "y" | "Y" => self.session.redo(),
            _ => return false,
        }
        ev.prevent_default();
        true
    }
}

/// The undo and redo buttons of the assessment's one history, in an editor's toolbar.
#[component]
pub fn UndoRedo(d: Dispatcher) -> impl IntoView {
    view! { <crate::ui::widgets::undo_bar::UndoRedoButtons s=d.session/> }
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
