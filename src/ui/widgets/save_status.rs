//! The visible autosave status of the open assessment, announced politely to screen readers.

use crate::ui::session::{use_session, SaveState};
use leptos::prelude::*;

/// "Saved", "Saving…" or "Not saved: reason".
#[component]
pub fn SaveStatus() -> impl IntoView {
    let session = use_session();
    let text = move || match session.status.get() {
        SaveState::Saved => "Saved".to_owned(),
        SaveState::Saving => "Saving…".to_owned(),
        SaveState::NotSaved(why) => format!("Not saved: {why}"),
    };
    let class = move || match session.status.get() {
        SaveState::Saved => "save-status save-status--saved",
        SaveState::Saving => "save-status save-status--saving",
        SaveState::NotSaved(_) => "save-status save-status--error",
    };
    view! {
        <p class=class role="status" aria-live="polite" data-testid="save-status">{text}</p>
    }
}
