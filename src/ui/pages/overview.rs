//! The assessment overview: key facts, the task list of sections with their status, and what
//! is still missing. Missing items never stop saving.

use crate::model::progress::{completed_count, sections};
use crate::procedure;
use crate::ui::platform::{export_download, long_date, long_time};
use crate::ui::session::use_session;
use crate::ui::widgets::messages::{ErrorSummary, StatusTag};
use leptos::prelude::*;
use leptos_router::components::A;

/// The page at `/assessments/:id`.
#[component]
pub fn OverviewPage() -> impl IntoView {
    let session = use_session();
    let doc = session.doc;
    let export_error = RwSignal::new(None::<String>);
    let base = move || format!("/assessments/{}", doc.read().id);

    let facts = move || {
        let a = doc.read();
        let date = |d: Option<chrono::NaiveDate>| {
            d.map(long_date).unwrap_or_else(|| "Not recorded".into())
        };
        let mut rows = vec![
            (
                "Procedure",
                procedure::find(&a.profile)
                    .map(|p| p.name)
                    .unwrap_or_else(|| a.profile.clone()),
            ),
            ("Type", a.assessment_type.label().to_owned()),
            ("Referral date", date(a.referral_date)),
            ("Start date", date(a.start_date)),
        ];
        if let Some(edd) = a.assessment_type.expected_delivery_date() {
            rows.push(("Expected delivery date", long_date(edd)));
        }
        rows.push((
            "Lead social worker",
            if a.lead_worker.is_empty() {
                "Not recorded".into()
            } else {
                a.lead_worker.clone()
            },
        ));
        rows.push((
            "Team manager",
            if a.team_manager.is_empty() {
                "Not recorded".into()
            } else {
                a.team_manager.clone()
            },
        ));
        rows.push(("Last changed", long_time(a.updated_at)));
        rows.into_iter()
            .map(|(k, v)| view! { <div class="summary-list__row"><dt class="summary-list__key">{k}</dt><dd class="summary-list__value">{v}</dd></div> })
            .collect_view()
    };

    let tasks = move || {
        let a = doc.read();
        let base = format!("/assessments/{}", a.id);
        sections(&a)
            .into_iter()
            .map(|s| {
                let href = format!("{base}/{}", s.id);
                let missing_id = format!("missing-{}", s.id);
                let has_missing = !s.missing.is_empty();
                view! {
                    <li class="task-list__item" data-testid=format!("task-{}", s.id)>
                        <div class="task-list__name">
                            <A href=href attr:class="task-list__link" attr:aria-describedby=format!("status-{} {}", s.id, if has_missing { missing_id.clone() } else { String::new() })>{s.title}</A>
                            {has_missing.then(|| view! {
                                <div class="task-list__missing hint" id=missing_id.clone()>
                                    "Still needed: " {s.missing.join("; ")}
                                </div>
                            })}
                        </div>
                        <div class="task-list__status" id=format!("status-{}", s.id)><StatusTag status=s.status/></div>
                    </li>
                }
            })
            .collect_view()
    };

    let progress = move || {
        let (done, all) = completed_count(&doc.read());
        format!("You have completed {done} of {all} sections.")
    };

    view! {
        <A href="/" attr:class="back-link">"All assessments"</A>
        <span class="caption">"Assessment"</span>
        <h1 class="heading-xl" data-testid="assessment-title">{move || doc.read().title()}</h1>
        {move || export_error.get().map(|m| view! { <ErrorSummary title="There is a problem" messages=vec![m]/> })}
        <dl class="summary-list" data-testid="facts">{facts}</dl>
        <h2 class="heading-l">"Sections"</h2>
        <p class="body" data-testid="progress">{progress}</p>
        <ul class="task-list">{tasks}</ul>
        <div class="button-group">
            <button class="button button--secondary" type="button"
                on:click=move |_| {
                    session.flush();
                    if let Err(e) = export_download(&doc.get_untracked()) {
                        export_error.set(Some(format!("The export could not be saved: {e}.")));
                    }
                }>"Export as JSON"</button>
            <A href=move || format!("{}/delete", base()) attr:class="button button--warning" attr:role="button">"Delete assessment"</A>
        </div>
    }
}
