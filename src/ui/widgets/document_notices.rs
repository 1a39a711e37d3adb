//! Notices about the open document as a whole: what a repair changed when it was opened, a
//! change that was refused, and "Undo" for the latest register edit.

use crate::ui::platform::download_stored_record;
use crate::ui::session::use_session;
use leptos::prelude::*;

/// What a repair changed, with a way to save the repaired version or export the stored one.
#[component]
pub fn RepairNotice() -> impl IntoView {
    let s = use_session();
    let failed = RwSignal::new(None::<String>);
    move || {
        let repaired = s.repaired.get()?;
        let changes = repaired
            .changes
            .into_iter()
            .map(|c| view! { <li>{c}</li> })
            .collect_view();
        let id = s.doc.read_untracked().id.to_string();
        Some(view! {
            <div class="banner banner--warning" role="region" aria-label="This assessment was repaired" data-testid="repair-notice">
                <div class="banner__header"><h2 class="banner__title">"This assessment was repaired"</h2></div>
                <div class="banner__content">
                    <p class="body">"The stored copy broke a rule that every assessment must keep, so it could not be opened as it was. It was repaired when you opened it, and nothing was deleted. What changed:"</p>
                    <ul class="list list--bullet" data-testid="repair-changes">{changes}</ul>
                    <p class="body">"The repaired version is saved when you make your next change. Until then, the stored copy is as it was."</p>
                    {move || failed.get().map(|m| view! { <p class="error-message" role="alert">{m}</p> })}
                    <div class="button-group">
                        <button type="button" class="button button--small" data-testid="repair-save"
                            on:click=move |_| { s.edit("save the repaired version", |_| {}); s.repaired.set(None); }>"Save the repaired version"</button>
                        <button type="button" class="button button--secondary button--small" data-testid="repair-export"
                            on:click={ let id = id.clone(); move |_| download_stored_record(id.clone(), failed) }>"Download the stored copy as it is"</button>
                    </div>
                </div>
            </div>
        })
    }
}

/// Why the latest change was not made.
#[component]
pub fn RefusedNotice() -> impl IntoView {
    let s = use_session();
    move || {
        s.refused.get().map(|why| {
            view! {
                <div class="error-summary" role="alert" data-testid="edit-refused">
                    <h2 class="error-summary__title">"That change was not made"</h2>
                    <p class="body">{why}</p>
                    <button type="button" class="button button--secondary button--small"
                        on:click=move |_| s.refused.set(None)>"Dismiss"</button>
                </div>
            }
        })
    }
}

/// "Casey Sampleton was removed from the register. Undo", while nothing else has changed.
#[component]
pub fn AnnouncedNotice() -> impl IntoView {
    let s = use_session();
    move || {
        s.announced.get().map(|sentence| {
            view! {
                <div class="banner banner--success" role="status" data-testid="register-undo">
                    <div class="banner__content">
                        <p class="banner__heading">{sentence}</p>
                        <button type="button" class="button button--secondary button--small"
                            on:click=move |_| s.undo()>"Undo"</button>
                    </div>
                </div>
            }
        })
    }
}
