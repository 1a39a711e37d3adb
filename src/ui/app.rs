use leptos::prelude::*;
/// The app.
#[component]
pub fn App() -> impl IntoView {
    view! { <p>"hi"</p> }
}
