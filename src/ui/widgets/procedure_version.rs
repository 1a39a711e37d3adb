//! On an assessment's overview: a newer version of its procedure on this device, offered as a
//! move the worker chooses after reading which answers the new version has no question for;
//! and those answers, kept and shown as from an earlier version.

use crate::procedure::{registry, upgrade};
use crate::report::words::earlier_answer_words;
use crate::ui::pages::flow_common::profile_of;
use crate::ui::session::use_session;
use leptos::prelude::*;

#[component]
pub fn ProcedureVersion() -> impl IntoView {
    let s = use_session();
    let reviewing = RwSignal::new(false);
    let newer = move || {
        let a = s.doc.read();
        registry::newer_offered(&a.profile, a.profile_version)
    };
    let offer = move || {
        let to = newer()?;
        let from = profile_of(s);
        let behind = upgrade::left_behind(&s.doc.read(), from, to);
        let published = to
            .published
            .map(|d| format!(", published {}", crate::report::words::long_date(d)))
            .unwrap_or_default();
        let headline = format!(
            "Version {} of this procedure is on this device{published}. This assessment follows version {}.",
            to.version, from.version
        );
        let behind_words = if behind.is_empty() {
            view! { <p class="body">"Every answer given so far has a question in the new version."</p> }.into_any()
        } else {
            view! {
                <p class="body">"These answers have no question in the new version. They are kept, and shown on this page as from an earlier version:"</p>
                <ul class="list list--bullet" data-testid="left-behind">
                    {behind.iter().map(|e| view! { <li><strong>{e.label()}</strong>": "{earlier_answer_words(e).join("; ")}</li> }).collect_view()}
                </ul>
            }.into_any()
        };
        let label = format!("move to version {} of the procedure", to.version);
        let body = if reviewing.get() {
            view! {
                {behind_words}
                <div class="button-group">
                    <button type="button" class="button" on:click=move |_| {
                        s.edit(label.clone(), |a| upgrade::move_to(a, to));
                        reviewing.set(false);
                    }>{format!("Move to version {}", to.version)}</button>
                    <button type="button" class="link-button" on:click=move |_| reviewing.set(false)>"Not now"</button>
                </div>
            }
            .into_any()
        } else {
            view! { <button type="button" class="button button--secondary" on:click=move |_| reviewing.set(true)>"Review the move to the new version"</button> }.into_any()
        };
        Some(view! {
            <div class="inset-text" data-testid="newer-procedure">
                <p class="body">{headline}</p>
                {body}
            </div>
        })
    };
    let earlier = move || {
        let a = s.doc.read();
        let list = upgrade::earlier_answers(&a, profile_of(s));
        (!list.is_empty()).then(|| view! {
            <section class="card card--padded" data-testid="earlier-answers" aria-labelledby="earlier-answers-title">
                <h2 class="heading-m" id="earlier-answers-title">"Answers from an earlier version of the procedure"</h2>
                <p class="body">"The version this assessment now follows does not ask these questions. The answers are kept."</p>
                <dl class="summary-list">
                    {list.iter().map(|e| view! {
                        <div class="summary-list__row"><dt class="summary-list__key">{e.label()}</dt><dd class="summary-list__value">{earlier_answer_words(e).join("; ")}</dd></div>
                    }).collect_view()}
                </dl>
            </section>
        })
    };
    view! { {offer} {earlier} }
}
