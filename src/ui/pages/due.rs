//! "What's due this week": visits, reviews and completions overdue or due in the next five
//! working days, across every assessment on this device, sortable and printable.

use crate::flow::Flow;
use crate::model::Assessment;
use crate::procedure::{self, timescales::DueState};
use crate::storage::Listing;
use crate::ui::load::Load;
use crate::ui::platform::{long_date, repo, today};
use crate::ui::widgets::messages::ErrorSummary;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// How many working days ahead the list looks.
const DAYS: u32 = 5;

/// One row: what is due, for which assessment.
#[derive(Clone, Debug, PartialEq)]
struct Row {
    due: chrono::NaiveDate,
    what: String,
    overdue: bool,
    title: String,
    href: String,
}

fn rows(all: &[Assessment]) -> Vec<Row> {
    let mut out = Vec::new();
    for a in all {
        let Some(p) = procedure::of(a) else {
            continue;
        };
        for d in Flow::new(a, p, today()).due_within(DAYS) {
            out.push(Row {
                due: d.due,
                what: d.label,
                overdue: d.state == DueState::Overdue,
                title: a.title(),
                href: format!("/assessments/{}", a.id),
            });
        }
    }
    out.sort_by(|x, y| x.due.cmp(&y.due).then(x.title.cmp(&y.title)));
    out
}

/// The page at `/due`.
#[component]
pub fn DuePage() -> impl IntoView {
    let state = RwSignal::new(Load::<Listing>::Loading);
    spawn_local(async move {
        let result = async { repo().await?.list().await }.await;
        state.set(match result {
            Ok(l) => Load::Ready(l),
            Err(e) => Load::Failed(format!("Your assessments cannot be opened: {e}.")),
        });
    });
    let by_child = RwSignal::new(false);
    let print = |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <a href="/" class="back-link">"All assessments"</a>
        <h1 class="heading-xl">"What's due this week"</h1>
        <p class="body">{format!("Visits, reviews and completions that are overdue, or due in the next {DAYS} working days, across every assessment on this device. Counted in working days, without weekends and England and Wales bank holidays.")}</p>
        {move || match state.get() {
            Load::Loading => view! { <p class="body" aria-busy="true">"Loading your assessments…"</p> }.into_any(),
            Load::Failed(m) => view! { <ErrorSummary title="There is a problem" messages=vec![m]/> }.into_any(),
            Load::Ready(listing) => {
                let mut all = listing.assessments.clone();
                all.extend(listing.needs_repair.iter().map(|(a, _)| a.clone()));
                let list = rows(&all);
                if list.is_empty() {
                    return view! { <p class="body" data-testid="nothing-due">"Nothing is overdue or due in the next five working days."</p> }.into_any();
                }
                let sorted = move || {
                    let mut l = list.clone();
                    if by_child.get() {
                        l.sort_by(|x, y| x.title.cmp(&y.title).then(x.due.cmp(&y.due)));
                    }
                    l.into_iter().map(|r| view! {
                        <tr>
                            <td data-label="Due">{long_date(r.due)}</td>
                            <th scope="row" data-label="Child or children"><a href=r.href>{r.title}</a></th>
                            <td data-label="What">{r.what}</td>
                            <td data-label="Status">{if r.overdue {
                                view! { <strong class="tag tag--red">"Overdue"</strong> }.into_any()
                            } else if r.due == today() {
                                view! { <strong class="tag tag--yellow">"Due today"</strong> }.into_any()
                            } else {
                                view! { <strong class="tag tag--grey">"Due soon"</strong> }.into_any()
                            }}</td>
                        </tr>
                    }).collect_view()
                };
                view! {
                    <p class="sort-links no-print">"Sort by "
                        <button type="button" class="link-button" aria-pressed=move || (!by_child.get()).to_string() on:click=move |_| by_child.set(false)>"due date"</button>" "
                        <button type="button" class="link-button" aria-pressed=move || by_child.get().to_string() on:click=move |_| by_child.set(true)>"child"</button>
                    </p>
                    <table class="table" data-testid="due-list">
                        <caption class="visually-hidden">"What is overdue or due this week"</caption>
                        <thead><tr><th scope="col">"Due"</th><th scope="col">"Child or children"</th><th scope="col">"What"</th><th scope="col">"Status"</th></tr></thead>
                        <tbody>{sorted}</tbody>
                    </table>
                    <button type="button" class="button button--secondary no-print" on:click=print>"Print this list"</button>
                }.into_any()
            }
        }}
    }
}
