//! The page for an address the app does not have.

use leptos::prelude::*;

/// "Page not found".
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <h1 class="heading-l">"Page not found"</h1>
        <p class="body">"If you typed the web address, check it is correct."</p>
        <p class="body"><a href="/">"Go to your assessments"</a></p>
    }
}
