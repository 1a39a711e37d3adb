//! The list of assessments: create, open, import, export and delete.

use crate::model::{Assessment, AssessmentId};
use crate::storage::Listing;
use crate::ui::load::Load;
use crate::ui::platform::{export_download, long_date, long_time, now, repo};
use crate::ui::widgets::messages::{Banner, ErrorSummary};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};

fn load_into(state: RwSignal<Load<Listing>>) {
    spawn_local(async move {
        let result = async {
            let r = repo().await?;
            // Tidy the bin while we are here; a failure to tidy is not worth showing.
            let _ = r.purge_expired(now()).await;
            r.list().await
        }
        .await;
        state.set(match result {
            Ok(l) => Load::Ready(l),
            Err(e) => Load::Failed(format!("Your assessments cannot be opened: {e}.")),
        });
    });
}

/// The home page.
#[component]
pub fn ListPage() -> impl IntoView {
    let state = RwSignal::new(Load::<Listing>::Loading);
    load_into(state);
    let query = use_query_map();
    let deleted = move || {
        query
            .read()
            .get("deleted")
            .and_then(|s| AssessmentId::parse(&s))
    };
    let undo_error = RwSignal::new(None::<String>);
    let navigate = use_navigate();

    let undo = move |id: AssessmentId| {
        let navigate = navigate.clone();
        spawn_local(async move {
            let result = async { repo().await?.restore(&id).await }.await;
            match result {
                Ok(_) => {
                    navigate(&format!("/assessments/{id}"), Default::default());
                }
                Err(e) => {
                    undo_error.set(Some(format!("The assessment could not be restored: {e}.")))
                }
            }
        });
    };

    view! {
        <div class="page-header">
            <h1 class="heading-xl">"Your assessments"</h1>
            <div class="button-group">
                <A href="/new" attr:class="button" attr:role="button" attr:draggable="false">"Start a new assessment"</A>
                <A href="/import" attr:class="button button--secondary" attr:role="button" attr:draggable="false">"Import an assessment"</A>
            </div>
        </div>
        {move || undo_error.get().map(|m| view! { <ErrorSummary title="There is a problem" messages=vec![m]/> })}
        {move || deleted().map(|id| {
            let undo = undo.clone();
            view! {
                <Banner title="Moved to the bin" success=true>
                    <p class="banner__heading">"The assessment was moved to the bin. It will be deleted for good after 30 days."</p>
                    <button class="button button--secondary button--small" type="button" on:click=move |_| undo(id.clone())>
                        "Undo"
                    </button>
                </Banner>
            }
        })}
        {move || match state.get() {
            Load::Loading => view! { <p class="body" aria-busy="true">"Loading your assessments…"</p> }.into_any(),
            Load::Failed(msg) => view! { <ErrorSummary title="There is a problem" messages=vec![msg]/> }.into_any(),
            Load::Ready(listing) => view! { <ListingTable listing=listing/> }.into_any(),
        }}
    }
}

#[component]
fn ListingTable(listing: Listing) -> impl IntoView {
    let unreadable: Vec<String> = listing.unreadable.iter().map(|e| format!("{e}.")).collect();
    let has_unreadable = !unreadable.is_empty();
    let empty = listing.assessments.is_empty();
    let export_error = RwSignal::new(None::<String>);
    view! {
        {has_unreadable.then(|| view! {
            <ErrorSummary title="Some stored assessments cannot be read" messages=unreadable/>
        })}
        {move || export_error.get().map(|m| view! { <ErrorSummary title="There is a problem" messages=vec![m]/> })}
        {if empty {
            view! {
                <p class="body" data-testid="empty-list">"You have no assessments on this device yet. Start a new one, or import one that was exported."</p>
            }.into_any()
        } else {
            view! {
                <table class="table" data-testid="assessment-list">
                    <caption class="visually-hidden">"Assessments on this device, most recently changed first"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Child or children"</th>
                            <th scope="col">"Type"</th>
                            <th scope="col">"Referral date"</th>
                            <th scope="col">"Last changed"</th>
                            <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        {listing.assessments.into_iter().map(|a| view! { <Row a=a export_error=export_error/> }).collect_view()}
                    </tbody>
                </table>
            }.into_any()
        }}
    }
}

#[component]
fn Row(a: Assessment, export_error: RwSignal<Option<String>>) -> impl IntoView {
    let title = a.title();
    let href = format!("/assessments/{}", a.id);
    let delete_href = format!("/assessments/{}/delete", a.id);
    let referral = a
        .referral_date
        .map(long_date)
        .unwrap_or_else(|| "Not recorded".into());
    let changed = long_time(a.updated_at);
    let kind = a.assessment_type.label();
    let export_label = format!("Export {title} as JSON");
    let delete_label = format!("Delete {title}");
    view! {
        <tr>
            <th scope="row" data-label="Child or children"><A href=href attr:class="link-strong">{title.clone()}</A></th>
            <td data-label="Type">{kind}</td>
            <td data-label="Referral date">{referral}</td>
            <td data-label="Last changed">{changed}</td>
            <td class="table__actions">
                <button class="link-button" type="button" aria-label=export_label
                    on:click=move |_| {
                        if let Err(e) = export_download(&a) {
                            export_error.set(Some(format!("The export could not be saved: {e}.")));
                        }
                    }>"Export"</button>
                <A href=delete_href attr:class="link-button link-button--danger" attr:aria-label=delete_label>"Delete"</A>
            </td>
        </tr>
    }
}
