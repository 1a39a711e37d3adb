//! Confirming that an assessment should go to the bin.

use crate::storage::repository::BIN_DAYS;
use crate::ui::platform::{now, repo};
use crate::ui::router::use_navigate;
use crate::ui::session::use_session;
use crate::ui::widgets::messages::ErrorSummary;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The page at `/assessments/:id/delete`.
#[component]
pub fn DeletePage() -> impl IntoView {
    let s = use_session();
    let error = RwSignal::new(None::<String>);
    let navigate = use_navigate();
    let back = move || format!("/assessments/{}", s.doc.read().id);
    let confirm = move |_| {
        let navigate = navigate.clone();
        let id = s.doc.read_untracked().id.clone();
        s.flush();
        spawn_local(async move {
            let result = async { repo().await?.move_to_bin(&id, now()).await }.await;
            match result {
                Ok(_) => navigate(&format!("/?deleted={id}"), Default::default()),
                Err(e) => error.set(Some(format!("The assessment could not be deleted: {e}."))),
            }
        });
    };
    view! {
        <a href=back class="back-link">"Back to overview"</a>
        {move || error.get().map(|m| view! { <ErrorSummary title="There is a problem" messages=vec![m]/> })}
        <h1 class="heading-xl">{move || format!("Are you sure you want to delete the assessment of {}?", s.doc.read().title())}</h1>
        <p class="body">{format!("It will be moved to the bin. You can restore it from the bin for {BIN_DAYS} days; after that it is deleted for good. Export it first if you need a copy.")}</p>
        <div class="button-group">
            <button type="button" class="button button--warning" on:click=confirm>"Yes, move it to the bin"</button>
            <a href=back class="link-button">"No, keep it"</a>
        </div>
    }
}
