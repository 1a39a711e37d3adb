//! The family's plan on its own, in large plain type, for the family to take away: the latest
//! agreed version (or the plan as it stands, said to be not yet agreed), with names and no
//! addresses.

use crate::edit::family_group::plan_to_show;
use crate::model::ItemId;
use crate::ui::pages::not_found::NotFound;
use crate::ui::platform::long_date;
use crate::ui::router::use_params_map;
use crate::ui::session::use_session;
use leptos::prelude::*;

/// What is printed: the heading's words and the plan's parts.
struct Printed {
    status: String,
    points: Vec<String>,
    lives: String,
    contact: String,
    fails: String,
    review: Option<chrono::NaiveDate>,
}

/// The page at `/assessments/:id/family-group/:meeting/print`.
#[component]
pub fn FamilyPlanPrintPage() -> impl IntoView {
    let s = use_session();
    let params = use_params_map();
    let printed = move || {
        let a = s.doc.read();
        let id = params
            .read()
            .get("meeting")
            .and_then(|m| ItemId::parse(&m))?;
        let m = a.family_group.meetings.iter().find(|m| m.id == id)?;
        let shown = plan_to_show(&a, m);
        Some(Printed {
            status: match shown.agreed {
                Some((on, response)) => format!(
                    "Agreed on {} ({})",
                    long_date(on),
                    response.label().to_lowercase()
                ),
                None => "Not agreed yet".into(),
            },
            points: shown.points,
            lives: shown.where_child_lives,
            contact: shown.contact,
            fails: shown.if_it_does_not_work,
            review: m.review_date,
        })
    };
    let back = move || {
        let p = params.read();
        format!(
            "/assessments/{}/family-group/{}",
            s.doc.read().id,
            p.get("meeting").unwrap_or_default()
        )
    };
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    move || match printed() {
        None => view! { <NotFound/> }.into_any(),
        Some(p) => {
            let children = s
                .doc
                .read()
                .children()
                .map(|c| c.display_name())
                .collect::<Vec<_>>()
                .join(" and ");
            view! {
                <a href=back class="back-link">"Back to the meeting"</a>
                <div class="button-group no-print">
                    <button type="button" class="button" on:click=print>"Print the family's plan"</button>
                </div>
                <article class="family-plan" data-testid="family-plan-print">
                    <h1 class="family-plan__title">{format!("Our family's plan for {children}")}</h1>
                    <p class="family-plan__status">{p.status}</p>
                    <h2 class="family-plan__heading">"What we will do"</h2>
                    <ol class="family-plan__points">{p.points.into_iter().map(|x| view! { <li>{x}</li> }).collect_view()}</ol>
                    {(!p.lives.trim().is_empty()).then(|| view! { <h2 class="family-plan__heading">"Where the children will live"</h2><p>{p.lives}</p> })}
                    {(!p.contact.trim().is_empty()).then(|| view! { <h2 class="family-plan__heading">"Contact"</h2><p>{p.contact}</p> })}
                    {(!p.fails.trim().is_empty()).then(|| view! { <h2 class="family-plan__heading">"If the plan does not work"</h2><p>{p.fails}</p> })}
                    {p.review.map(|d| view! { <p class="family-plan__review">{format!("We will meet again to look at this plan on {}.", long_date(d))}</p> })}
                </article>
            }
            .into_any()
        }
    }
}
