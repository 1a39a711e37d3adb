//! Marks the app suggests to protect an adult where the record names a domestic abuse concern
//! ([`crate::edit::marks::suggested_marks`]): each said with why, set with one button.

use crate::edit::marks::{set_mark, suggested_marks};
use crate::model::marks::Restriction;
use crate::ui::platform::today;
use crate::ui::session::use_session;
use crate::views::for_reader::describe;
use leptos::prelude::*;

/// The suggestions, when there are any.
#[component]
pub fn MarkSuggestions() -> impl IntoView {
    let s = use_session();
    move || {
        let a = s.doc.read();
        let list = suggested_marks(&a);
        if list.is_empty() {
            return ().into_any();
        }
        let items = list
            .into_iter()
            .map(|sug| {
                let what = describe(&a, &sug.target, |q| q.to_owned()).unwrap_or_default();
                let who = match &sug.restriction {
                    Restriction::NotFor { people } => people
                        .iter()
                        .filter_map(|p| a.person(p).map(|p| p.display_name()))
                        .collect::<Vec<_>>()
                        .join(", "),
                    _ => String::new(),
                };
                let label = format!("Mark {what} as not for {who}");
                let why = sug.why.clone();
                let step = format!("mark {what} as not for {who}");
                let apply = move |_| {
                    let by = s.doc.with_untracked(|a| a.lead_worker.clone());
                    let sug = sug.clone();
                    s.edit(step.clone(), |a| set_mark(a, sug.target, sug.restriction, &by, today(), &sug.why));
                };
                view! {
                    <li>
                        <p class="body">{why}</p>
                        <button type="button" class="button button--secondary button--small" on:click=apply>{label}</button>
                    </li>
                }
            })
            .collect_view();
        view! {
            <div class="panel panel--notice" role="region" aria-label="Suggested marks" data-testid="mark-suggestions">
                <h2 class="heading-m">"Protect an adult's details"</h2>
                <ul class="list">{items}</ul>
            </div>
        }
        .into_any()
    }
}
