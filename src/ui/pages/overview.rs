//! The assessment overview: key facts, what is due and overdue, and the task list of sections
//! with their status and what is still missing. Missing items never stop saving.

use super::flow_common::profile_of;
use crate::flow::{Flow, CHRONOLOGY};
use crate::model::progress::{completed_count, CHILDREN, DETAILS, PEOPLE};
use crate::procedure::timescales::{overdue_count, DueState};
use crate::ui::pages::lock::password_field;
use crate::ui::platform::{export_download, long_date, long_time, today};
use crate::ui::session::use_session;
use crate::ui::widgets::messages::{ErrorSummary, StatusTag};
use leptos::prelude::*;

/// Where a task-list entry's page is.
fn section_href(base: &str, id: &str) -> String {
    if [DETAILS, CHILDREN, PEOPLE, CHRONOLOGY].contains(&id) {
        format!("{base}/{id}")
    } else {
        format!("{base}/s/{id}")
    }
}

/// "Still needed: …", naming at most three items.
fn missing_words(missing: &[String]) -> String {
    let shown: Vec<&str> = missing.iter().take(3).map(String::as_str).collect();
    match missing.len() {
        n if n > 3 => format!("Still needed: {}; and {} more", shown.join("; "), n - 3),
        _ => format!("Still needed: {}", shown.join("; ")),
    }
}

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
            ("Procedure", profile_of(session).name.clone()),
            ("Type", a.assessment_type.label().to_owned()),
            ("Referral date", date(a.referral_date)),
            ("Start date", date(a.start_date)),
        ];
        if let Some(edd) = a.assessment_type.expected_delivery_date() {
            rows.push(("Expected delivery date", long_date(edd)));
        }
        rows.push((
            "Lead worker",
            if a.lead_worker.is_empty() {
                "Not recorded".into()
            } else {
                format!("{} ({})", a.lead_worker, a.lead_worker_role.label())
            },
        ));
        rows.push((
            "Allocated team",
            if a.allocated_team.trim().is_empty() {
                "Not recorded".into()
            } else {
                a.allocated_team.clone()
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

    let timescales = move || {
        let a = doc.read();
        let flow = Flow::new(&a, profile_of(session), today());
        let list = flow.deadlines();
        if list.is_empty() {
            return view! { <p class="body">"Record the referral and start dates to see what is due."</p> }.into_any();
        }
        let overdue = overdue_count(&list);
        let rows = list
            .into_iter()
            .map(|d| {
                let (tag_class, words) = match d.state {
                    DueState::Done { on, late: false } => {
                        ("tag tag--green", format!("Done {}", long_date(on)))
                    }
                    DueState::Done { on, late: true } => {
                        ("tag tag--yellow", format!("Done late, {}", long_date(on)))
                    }
                    DueState::Overdue => ("tag tag--red", "Overdue".to_owned()),
                    DueState::DueToday => ("tag tag--yellow", "Due today".to_owned()),
                    DueState::Upcoming => ("tag tag--grey", "Upcoming".to_owned()),
                };
                view! {
                    <tr>
                        <td data-label="Due">{long_date(d.due)}</td>
                        <th scope="row" data-label="What">{d.label}</th>
                        <td data-label="Status"><strong class=tag_class>{words}</strong></td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            {(overdue > 0).then(|| view! {
                <div class="warning-text" data-testid="overdue-warning">
                    <span class="warning-text__icon" aria-hidden="true">"!"</span>
                    <strong class="warning-text__text">{format!("{overdue} overdue")}</strong>
                </div>
            })}
            {flow.over_max().then(|| view! {
                <p class="body"><strong>"This assessment has gone past the maximum of "{profile_of(session).timescales.max_working_days}" working days. "</strong>
                <a href=format!("/assessments/{}/s/outcome", a.id)>"Record the reason in the outcome section"</a></p>
            })}
            <table class="table" data-testid="timescales">
                <caption class="visually-hidden">"Timescales, in working days (England and Wales bank holidays excluded)"</caption>
                <thead><tr><th scope="col">"Due"</th><th scope="col">"What"</th><th scope="col">"Status"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        }
        .into_any()
    };

    let tasks_and_progress = Memo::new(move |_| {
        let a = doc.read();
        Flow::new(&a, profile_of(session), today()).task_list()
    });

    let tasks = move || {
        let b = base();
        tasks_and_progress
            .get()
            .into_iter()
            .map(|s| {
                let href = section_href(&b, &s.id);
                let missing_id = format!("missing-{}", s.id);
                let status_id = format!("status-{}", s.id);
                let has_missing = !s.missing.is_empty();
                let described = if has_missing { format!("{status_id} {missing_id}") } else { status_id.clone() };
                view! {
                    <li class="task-list__item" data-testid=format!("task-{}", s.id)>
                        <div class="task-list__name">
                            <a href=href class="task-list__link" aria-describedby=described>{s.title}</a>
                            {has_missing.then(|| view! {
                                <div class="task-list__missing hint" id=missing_id.clone()>
                                    {missing_words(&s.missing)}
                                </div>
                            })}
                        </div>
                        <div class="task-list__status" id=status_id><StatusTag status=s.status/></div>
                    </li>
                }
            })
            .collect_view()
    };

    // Ready to authorise: every required item answered, or each missing one a tap away.
    let readiness = move || {
        let a = doc.read();
        let flow = Flow::new(&a, profile_of(session), today());
        let b = base();
        let mut links: Vec<(String, String)> = Vec::new();
        for s in tasks_and_progress.get() {
            if [DETAILS, CHILDREN, PEOPLE, CHRONOLOGY].contains(&s.id.as_str()) {
                links.extend(
                    s.missing
                        .iter()
                        .map(|m| (m.clone(), section_href(&b, &s.id))),
                );
            }
        }
        for m in flow.missing_everywhere() {
            let mut href = format!("{b}/s/{}/{}", m.section, m.page.group);
            if let Some(c) = &m.page.child {
                href.push_str(&format!("?child={c}"));
            }
            links.push((m.words, href));
        }
        if links.is_empty() {
            return view! {
                <div class="panel-ready" data-testid="ready">
                    <h2 class="heading-m">"Ready to authorise"</h2>
                    <p class="body">"Every required item is answered. The team manager can check and authorise this assessment."</p>
                </div>
            }
            .into_any();
        }
        let n = links.len();
        let items = links
            .into_iter()
            .map(|(words, href)| view! { <li><a href=href>{words}</a></li> })
            .collect_view();
        view! {
            <div class="panel-not-ready" data-testid="not-ready">
                <h2 class="heading-m">"Not ready to authorise yet"</h2>
                <p class="body">{format!("{n} required item{} still to answer. Each link goes to the question that asks it.", if n == 1 { " is" } else { "s are" })}</p>
                <details class="details" open=n <= 8>
                    <summary class="details__summary">{format!("What is missing ({n})")}</summary>
                    <ul class="list list--bullet" data-testid="missing-links">{items}</ul>
                </details>
            </div>
        }
        .into_any()
    };

    let calendar_warning = move || {
        let a = doc.read();
        Flow::new(&a, profile_of(session), today())
            .calendar_warning()
            .map(|w| view! { <div class="inset-text inset-text--warning" data-testid="calendar-warning"><p class="body">{w}</p></div> })
    };

    let progress = move || {
        let (done, all) = completed_count(&tasks_and_progress.get());
        format!("You have completed {done} of {all} sections.")
    };

    view! {
        <a href="/" class="back-link">"All assessments"</a>
        <span class="caption">"Assessment"</span>
        <h1 class="heading-xl" data-testid="assessment-title">{move || doc.read().title()}</h1>
        {move || export_error.get().map(|m| view! { <ErrorSummary title="There is a problem" messages=vec![m]/> })}
        {readiness}
        <dl class="summary-list" data-testid="facts">{facts}</dl>
        <h2 class="heading-l">"Timescales"</h2>
        <p class="hint">"Counted in working days: the referral or start day is day 0; weekends and England and Wales bank holidays are not counted."</p>
        {calendar_warning}
        {timescales}
        <crate::ui::widgets::procedure_version::ProcedureVersion/>
        <super::family_group::DutyGaps link=true/>
        <h2 class="heading-l">"Tools"</h2>
        <ul class="tool-list">
            <li><a href=move || format!("{}/planning", base()) class="task-list__link">"Danger statements and safety goals"</a></li>
            <li><a href=move || format!("{}/safety-plan", base()) class="task-list__link">"Safety plan"</a></li>
            <li><a href=move || format!("{}/family-group", base()) class="task-list__link">"Family group decision-making"</a></li>
            <li><a href=move || format!("{}/case-record", base()) class="task-list__link">"Completion, authorisation and the census"</a></li>
            <li><a href=move || format!("{}/scales", base()) class="task-list__link">"Safety scales and other scales"</a></li>
            <li><a href=move || format!("{}/genogram", base()) class="task-list__link">"Genogram"</a></li>
            <li><a href=move || format!("{}/network", base()) class="task-list__link">"Family network map and safety network"</a></li>
            <li><a href=move || format!("{}/print", base()) class="task-list__link">"Print or save the professional summary"</a></li>
            <li><a href=move || format!("{}/print/family", base()) class="task-list__link">"Print or save the summary for the family"</a></li>
        </ul>
        <details class="details" data-testid="audit">
            <summary class="details__summary">{move || format!("Summaries and exports made for a reader ({})", doc.read().audit.len())}</summary>
            <div class="details__text">
                {move || {
                    let a = doc.read();
                    if a.audit.is_empty() {
                        return view! { <p class="body">"None yet. Each family summary printed or saved, and each export for sharing, is listed here with what was left out."</p> }.into_any();
                    }
                    view! {
                        <table class="table">
                            <thead><tr><th scope="col">"When"</th><th scope="col">"What"</th><th scope="col">"For"</th><th scope="col">"Left out"</th></tr></thead>
                            <tbody>
                                {a.audit.iter().rev().map(|e| view! {
                                    <tr>
                                        <td>{crate::ui::platform::long_date(e.at.date_naive())}" "{e.at.format("%H:%M").to_string()}</td>
                                        <td>{e.what.clone()}</td>
                                        <td>{e.reader.clone()}</td>
                                        <td>{if e.left_out.is_empty() { "Nothing".to_owned() } else { e.left_out.join("; ") }}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    }.into_any()
                }}
            </div>
        </details>
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
            <a href=move || format!("{}/delete", base()) class="button button--warning" role="button">"Delete assessment"</a>
        </div>
        <EncryptedExport/>
    }
}

/// Exporting the assessment encrypted to a passphrase, for sending or keeping elsewhere.
#[component]
fn EncryptedExport() -> impl IntoView {
    let session = use_session();
    let (first, second) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let message = RwSignal::new(None::<(bool, String)>);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let a =
            match crate::ui::crypto::new_passphrase(first.get_untracked(), &second.get_untracked())
            {
                Ok(a) => a,
                Err(e) => return message.set(Some((false, e))),
            };
        session.flush();
        busy.set(true);
        let doc = session.doc.get_untracked();
        leptos::task::spawn_local(async move {
            let text =
                crate::exchange::export_json(&doc, crate::ui::platform::now(), crate::APP_VERSION);
            let name = crate::exchange::export_file_name(&doc).replace(".json", ".encrypted.json");
            let r = match crate::ui::crypto::encrypt_export(&text, &a).await {
                Ok(sealed) => crate::ui::platform::download(&name, "application/json", &sealed)
                    .map(|()| crate::ui::platform::note_exported(&doc.id)),
                Err(e) => Err(e.to_string()),
            };
            message.set(Some(match r {
                Ok(()) => (
                    true,
                    "Saved. Send the passphrase separately from the file (by phone, for example)."
                        .to_owned(),
                ),
                Err(e) => (
                    false,
                    format!("The encrypted export could not be saved: {e}."),
                ),
            }));
            busy.set(false);
        });
    };
    view! {
        <details class="details">
            <summary class="details__summary">"Export encrypted, with a passphrase"</summary>
            <div class="details__text">
                <p class="body">"The file can only be opened (imported) with the passphrase. Use this to send an assessment by email or keep it on a shared drive."</p>
                {move || message.get().map(|(ok, m)| view! { <p class=if ok { "inset-text" } else { "error-message" } role=if ok { "status" } else { "alert" } data-testid="encrypted-export-message">{m}</p> })}
                <form novalidate on:submit=submit>
                    {password_field("export-passphrase", "Passphrase for the file", "new-password", first)}
                    {password_field("export-passphrase-again", "Passphrase again", "new-password", second)}
                    <button type="submit" class="button button--secondary" prop:disabled=move || busy.get()>"Export encrypted"</button>
                </form>
            </div>
        </details>
    }
}
