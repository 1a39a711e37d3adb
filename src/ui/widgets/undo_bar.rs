//! Undo and Redo on every page of an assessment: the controls under the save status, and
//! Ctrl+Z / Ctrl+Y (Ctrl+Shift+Z, and Cmd on a Mac) outside text fields, where the browser's
//! own undo of the typing is left alone. Each says what it would undo; an undo made on another
//! page than the one it was done on shows that page.

use crate::ui::session::{use_session, Session};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The Undo and Redo buttons, what the last one did, and otherwise what Undo would take back
/// ("Last change: remove rule 1"). That last is drawn by the stylesheet from an attribute and
/// hidden from screen readers, which hear it as the Undo button's description instead.
#[component]
pub fn UndoBar() -> impl IntoView {
    let s = use_session();
    let last = move || {
        s.undone
            .with(Option::is_none)
            .then(|| s.undo_label())
            .flatten()
            .map(|l| format!("Last change: {}", l.trim_start_matches("Undo: ")))
    };
    view! {
        <div class="undo-bar no-print" data-testid="undo-bar">
            <p class="undo-bar__done" role="status" data-testid="undone">{move || s.undone.get()}</p>
            {move || last().map(|words| view! { <span class="undo-bar__what" aria-hidden="true" data-what=words></span> })}
            <UndoRedoButtons s=s/>
        </div>
    }
}

/// The two buttons, for the bar and the diagram editors' toolbars. Each is named by its word
/// and described by what it would do ("Undo: remove danger statement 2"), shown on hover and
/// read after the name by a screen reader; the name stays one word, so it never competes with
/// the names of the page's own controls.
#[component]
pub fn UndoRedoButtons(s: Session) -> impl IntoView {
    view! {
        <button type="button" class="button button--secondary button--small" data-testid="undo"
            prop:disabled=move || s.undo_label().is_none()
            title=move || s.undo_label().unwrap_or_else(|| "Nothing to undo".into())
            on:click=move |_| s.undo()>"Undo"</button>
        <button type="button" class="button button--secondary button--small" data-testid="redo"
            prop:disabled=move || s.redo_label().is_none()
            title=move || s.redo_label().unwrap_or_else(|| "Nothing to redo".into())
            on:click=move |_| s.redo()>"Redo"</button>
    }
}

/// Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z or Ctrl+Y redoes, while the assessment is open.
pub fn undo_keys(s: Session) {
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if !(ev.ctrl_key() || ev.meta_key()) || ev.alt_key() || ev.default_prevented() {
            return;
        }
        if typing_in(&ev) || in_child_mode() {
            return;
        }
        match ev.key().as_str() {
            "z" | "Z" if ev.shift_key() => s.redo(),
            "z" | "Z" => s.undo(),
            "y" | "Y" => s.redo(),
            _ => return,
        }
        ev.prevent_default();
    });
    on_cleanup(move || handle.remove());
}

/// Whether the key went to a field that keeps its own undo of the typing.
fn typing_in(ev: &web_sys::KeyboardEvent) -> bool {
    let Some(el) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return false;
    };
    match el.tag_name().to_ascii_lowercase().as_str() {
        "textarea" | "select" => true,
        "input" => {
            let kind = el.get_attribute("type").unwrap_or_default();
            !matches!(
                kind.as_str(),
                "checkbox" | "radio" | "button" | "submit" | "range" | "file"
            )
        }
        _ => el.closest("[contenteditable]").ok().flatten().is_some(),
    }
}

/// Child mode has the child's own Undo; the worker's history is not theirs to reach.
fn in_child_mode() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
        .is_some_and(|b| b.class_list().contains("child-mode"))
}
