//! The page at `/exports`: every authorised assessment on the device in a date range, in one
//! file per format (a team manager sending a month's work), with a count and the census rules
//! each one passes. A workbench page, so the mappings stay out of the front's first load.

use crate::model::Assessment;
use crate::storage::prefs;
use crate::ui::load::Load;
use crate::ui::platform::repo;
use chrono::Datelike;
use leptos::prelude::*;

/// The page at `/demo`: makes a new demonstration case, saves it and opens its scales.
#[component]
pub fn DemoPage() -> impl IntoView {
    use crate::model::AssessmentId;
    use crate::ui::platform::{now, random_bytes, today};
    let failed = RwSignal::new(None::<String>);
    let navigate = crate::ui::router::use_navigate();
    let a = crate::demo::training_case(AssessmentId::from_random(random_bytes()), now(), today());
    leptos::task::spawn_local(async move {
        match async { repo().await?.save(&a).await }.await {
            Ok(()) => navigate(
                &format!("/assessments/{}/scales", a.id),
                crate::ui::router::NavigateOptions { replace: true },
            ),
            Err(e) => failed.set(Some(format!(
                "The demonstration case could not be created: {e}."
            ))),
        }
    });
    view! {
        {move || match failed.get() {
            None => view! { <p class="body" aria-busy="true">"Making the demonstration case…"</p> }.into_any(),
            Some(m) => view! { <p class="error-message" role="alert">{m}</p><p class="body"><a href="/">"Back to your assessments"</a></p> }.into_any(),
        }}
    }
}

/// The page at `/exports`.
#[component]
pub fn ExportsPage() -> impl IntoView {
    let state = RwSignal::new(Load::<Vec<Assessment>>::Loading);
    leptos::task::spawn_local(async move {
        let got = async { repo().await?.list().await }.await;
        state.set(match got {
            Ok(listing) => Load::Ready(
                listing
                    .assessments
                    .into_iter()
                    .chain(listing.needs_repair.into_iter().map(|(a, _)| a))
                    .collect(),
            ),
            Err(e) => Load::Failed(format!("Your assessments cannot be opened: {e}.")),
        });
    });
    view! {
        <a href="/" class="back-link">"Back to your assessments"</a>
        <h1 class="heading-xl">"Exports for the case system and returns"</h1>
        {move || match state.get() {
            Load::Loading => view! { <p class="body" aria-busy="true">"Loading your assessments…"</p> }.into_any(),
            Load::Failed(m) => view! { <p class="error-message" role="alert">{m}</p> }.into_any(),
            Load::Ready(all) => view! { <BulkExport all=all/> }.into_any(),
        }}
    }
}

/// Every authorised assessment in a date range, in one file per format, for a team manager
/// sending a month's work: with a count, and the census rules each one breaks, if any.
#[component]
fn BulkExport(all: Vec<Assessment>) -> impl IntoView {
    use crate::exchange::targets::{authorised_between, export_issues, Format};
    let all = StoredValue::new(all);
    let today = crate::ui::platform::today();
    let from = RwSignal::new(today.with_day(1));
    let to = RwSignal::new(Some(today));
    let format = RwSignal::new(0usize);
    let code = RwSignal::new(prefs::la_code());
    let chosen = move || match (from.get(), to.get()) {
        (Some(f), Some(t)) => authorised_between(&all.get_value(), f, t),
        _ => Vec::new(),
    };
    let done = RwSignal::new(None::<String>);
    let write = move |_| {
        let list = chosen();
        let f = Format::ALL[format.get_untracked()];
        if list.is_empty() {
            done.set(Some("No assessment was authorised in those dates.".into()));
            return;
        }
        if f == Format::DfeApi && code.get_untracked().is_none() {
            done.set(Some(
                "Enter your council's code first: the DfE records carry it.".into(),
            ));
            return;
        }
        let stem = match (from.get_untracked(), to.get_untracked()) {
            (Some(a), Some(b)) => format!("authorised-{a}-to-{b}"),
            _ => "authorised".into(),
        };
        let name = f.file_name(&stem);
        let text = f.write(&list, code.get_untracked().unwrap_or(0));
        done.set(Some(
            match crate::ui::platform::download(&name, f.mime(), &text) {
                Ok(()) => format!(
                    "Saved {name}: {} assessment{}.",
                    list.len(),
                    if list.len() == 1 { "" } else { "s" }
                ),
                Err(e) => format!("The file could not be saved: {e}."),
            },
        ));
    };
    view! {
        <div data-testid="bulk-export">
            <div>
                <crate::ui::pages::case_exports::CouncilCode code=code/>
                <crate::ui::widgets::fields::DateField id="bulk-from" label="Authorised from" value=from on_change=Callback::new(move |d| from.set(d))/>
                <crate::ui::widgets::fields::DateField id="bulk-to" label="Authorised up to" value=to on_change=Callback::new(move |d| to.set(d))/>
                <div class="form-group">
                    <label class="label" for="bulk-format">"Format"</label>
                    <select class="select" id="bulk-format" on:change=move |ev| format.set(event_target_value(&ev).parse().unwrap_or(0))>
                        {Format::ALL.iter().enumerate().map(|(i, f)| view! { <option value=i.to_string()>{f.label()}</option> }).collect_view()}
                    </select>
                </div>
                <div data-testid="bulk-count">
                    {move || {
                        let list = chosen();
                        let n = list.len();
                        view! {
                            <p class="body">{format!("{n} authorised assessment{} in those dates.", if n == 1 { "" } else { "s" })}</p>
                            <ul class="list list--bullet">
                                {list.iter().map(|a| {
                                    let issues = export_issues(a);
                                    let words = if issues.is_empty() { "passes every census rule".to_owned() } else { issues.iter().map(|i| format!("rule {}: {}", i.rule, i.words)).collect::<Vec<_>>().join("; ") };
                                    view! { <li>{format!("{}: {words}", a.title())}</li> }
                                }).collect_view()}
                            </ul>
                        }
                    }}
                </div>
                <button type="button" class="button button--secondary" on:click=write>"Export them in one file"</button>
                {move || done.get().map(|d| view! { <p class="body" role="status" data-testid="bulk-done">{d}</p> })}
            </div>
        </div>
    }
}
