//! The front module's app: the list. Any other address hands the page to the module that has
//! it (see [`super::handoff`]).

use super::app::{top_level_pages, Frame};
use super::handoff::open_for_address;
use super::pages::list::FrontListPage;
use super::widgets::messages::ErrorSummary;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The front: the list (from the summaries stored with the records) and storage; every page
/// that reads whole documents is the workbench's.
#[component]
pub fn FrontApp() -> impl IntoView {
    view! { <Frame pages=ViewFn::from(|| top_level_pages(|| view! { <FrontListPage/> }.into_any(), |_| view! { <OpenWorkbench/> }.into_any()))/> }
}

/// Shown while the workbench module loads to open an assessment.
#[component]
fn OpenWorkbench() -> impl IntoView {
    let failed = RwSignal::new(None::<String>);
    spawn_local(async move {
        if let Err(e) = open_for_address().await {
            let what = if route_is_assessment() {
                "The assessment pages"
            } else {
                "This page"
            };
            failed.set(Some(format!(
                "{what} could not be loaded: {e}. Check the connection, then reload the page."
            )));
        }
    });
    move || match failed.get() {
        None => view! { <p class="body" aria-busy="true">"Loading…"</p> }.into_any(),
        Some(msg) => view! {
            <ErrorSummary title="There is a problem" messages=vec![msg]/>
            <p class="body"><a href="/" rel="external">"Go to your assessments"</a></p>
        }
        .into_any(),
    }
}

/// Whether the address shown is one of an assessment's pages.
fn route_is_assessment() -> bool {
    web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .is_some_and(|p| super::router::Route::parse(&p).is_assessment())
}
