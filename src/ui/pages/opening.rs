//! Shown while a larger app module loads to draw a page this one does not have (see
//! `ui::handoff`): inside an assessment, its changes are saved and its undo history carried
//! over first.

use crate::ui::handoff::open_for_address;
use crate::ui::session::Session;
use crate::ui::widgets::messages::ErrorSummary;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// "Loading…" while the module that has the page loads; what went wrong if it cannot.
#[component]
pub fn OpenModule() -> impl IntoView {
    let failed = RwSignal::new(None::<String>);
    let session = use_context::<Session>();
    let (back, back_words) = match session {
        Some(s) => (
            format!(
                "/assessments/{}",
                s.doc.with_untracked(|a| a.id.to_string())
            ),
            "Go to the assessment's overview",
        ),
        None => ("/".to_owned(), "Go to your assessments"),
    };
    spawn_local(async move {
        let saved = match session {
            Some(s) => s.hand_over().await,
            None => Ok(()),
        };
        let result = match saved {
            Ok(()) => open_for_address().await.map_err(|e| {
                format!("the page could not be loaded: {e}. Check the connection, then try again")
            }),
            Err(e) => Err(e),
        };
        if let Err(e) = result {
            failed.try_set(Some(format!("This page cannot be opened yet: {e}.")));
        }
    });
    move || match failed.get() {
        None => view! { <p class="body" aria-busy="true">"Loading…"</p> }.into_any(),
        Some(msg) => view! {
            <ErrorSummary title="There is a problem" messages=vec![msg]/>
            <p class="body"><a href=back.clone()>{back_words}</a></p>
        }
        .into_any(),
    }
}
