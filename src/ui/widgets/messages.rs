//! Messages: the error summary, notification banners and the status tag.

use crate::model::progress::SectionStatus;
use leptos::prelude::*;

/// A GOV.UK error summary: a titled box listing what went wrong. Focused when shown.
#[component]
pub fn ErrorSummary(title: &'static str, #[prop(into)] messages: Vec<String>) -> impl IntoView {
    let node = NodeRef::<leptos::html::Div>::new();
    Effect::new(move || {
        if let Some(el) = node.get() {
            let _ = el.focus();
        }
    });
    view! {
        <div class="error-summary" role="alert" tabindex="-1" node_ref=node data-testid="error-summary">
            <h2 class="error-summary__title">{title}</h2>
            <ul class="error-summary__list">
                {messages.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}
            </ul>
        </div>
    }
}

/// A notification banner for a success or an important note; children may hold actions.
#[component]
pub fn Banner(
    title: &'static str,
    #[prop(optional)] success: bool,
    children: Children,
) -> impl IntoView {
    view! {
        <div
            class=if success { "banner banner--success" } else { "banner" }
            role=if success { "alert" } else { "region" }
            aria-label=title
        >
            <div class="banner__header"><h2 class="banner__title">{title}</h2></div>
            <div class="banner__content">{children()}</div>
        </div>
    }
}

/// The coloured tag that shows a section's status (the words carry the meaning).
#[component]
pub fn StatusTag(status: SectionStatus) -> impl IntoView {
    let class = match status {
        SectionStatus::NotStarted => "tag tag--grey",
        SectionStatus::InProgress => "tag tag--blue",
        SectionStatus::Completed => "tag tag--green",
    };
    view! { <strong class=class>{status.label()}</strong> }
}
