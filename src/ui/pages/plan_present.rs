//! The safety plan in presentation mode: large plain type for the family in the room, each
//! rule with who makes sure of it, the warning signs and what happens then.

use super::present::presentation_mode;
use crate::edit::planning::{plan_status, written_version};
use crate::ui::platform::{long_date, today};
use crate::ui::session::use_session;
use leptos::prelude::*;

/// The page at `/assessments/:id/safety-plan/present`.
#[component]
pub fn SafetyPlanPresentPage() -> impl IntoView {
    let s = use_session();
    presentation_mode();
    let back = move || format!("/assessments/{}/safety-plan", s.doc.read().id);
    let plan = move || {
        let a = s.doc.read();
        (written_version(&a, today(), plan_status(&a)), a.title())
    };
    view! {
        <div class="present present--plan" data-testid="plan-present">
            <div class="present__bar">
                <a href=back class="present__exit">"Exit presentation"</a>
            </div>
            {move || {
                let (v, title) = plan();
                view! {
                    <h1 class="present__title">{format!("Safety plan for {title}")}</h1>
                    <p class="present__question">{v.status.label()}</p>
                    <ol class="present-plan">
                        {v.rules.into_iter().filter(|r| !r.rule.is_empty()).map(|r| view! {
                            <li class="present-plan__rule">
                                <p class="present-plan__words">{r.rule}</p>
                                {(!r.who.is_empty()).then(|| view! { <p><strong>"Who makes sure: "</strong>{r.who.join(", ")}</p> })}
                                {(!r.child_told.is_empty()).then(|| view! { <p><strong>"What the children are told: "</strong>{r.child_told}</p> })}
                                {(!r.warning_signs.is_empty()).then(|| view! { <p><strong>"Warning signs: "</strong>{r.warning_signs}</p> })}
                                {(!r.then.is_empty()).then(|| view! { <p><strong>"Then: "</strong>{r.then}</p> })}
                            </li>
                        }).collect_view()}
                    </ol>
                    {(!v.contacts.is_empty()).then(|| view! {
                        <h2 class="present-plan__heading">"Who to call"</h2>
                        <ul class="present-plan__contacts">{v.contacts.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}</ul>
                    })}
                    {v.review_date.map(|d| view! { <p class="present-plan__review">{format!("We will look at this plan again by {}.", long_date(d))}</p> })}
                }
            }}
        </div>
    }
}
