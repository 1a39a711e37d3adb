//! Writing help shown beside what is being written: gentle, never blocking (see
//! [`crate::flow::writing_help`]).

use crate::flow::writing_help::Hint;
use leptos::prelude::*;

/// The hints for something being written, announced politely as they change.
#[component]
pub fn Hints(
    #[prop(into)] hints: Signal<Vec<Hint>>,
    #[prop(optional)] testid: &'static str,
) -> impl IntoView {
    let testid = if testid.is_empty() {
        "writing-help"
    } else {
        testid
    };
    view! {
        <div class="writing-help" role="status" aria-live="polite" data-testid=testid>
            <Show when=move || !hints.read().is_empty()>
                <p class="writing-help__title">"Things to look at"</p>
                <ul class="list list--bullet">
                    {move || hints.get().into_iter().map(|h| view! { <li>{h.0}</li> }).collect_view()}
                </ul>
            </Show>
        </div>
    }
}
