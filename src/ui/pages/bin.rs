//! The bin: deleted assessments, restorable for 30 days.

use crate::model::AssessmentId;
use crate::storage::repository::{BinEntry, BIN_DAYS};
use crate::ui::load::Load;
use crate::ui::platform::{long_time, now, repo};
use crate::ui::widgets::messages::ErrorSummary;
use leptos::prelude::*;
use leptos::task::spawn_local;

fn reload(state: RwSignal<Load<(Vec<BinEntry>, Vec<String>)>>) {
    spawn_local(async move {
        let result = async {
            let r = repo().await?;
            let _ = r.purge_expired(now()).await;
            Ok::<_, crate::storage::StorageError>((r.bin().await?, r.bin_unreadable().await?))
        }
        .await;
        state.set(match result {
            Ok(b) => Load::Ready(b),
            Err(e) => Load::Failed(format!("The bin cannot be opened: {e}.")),
        });
    });
}

/// The page at `/bin`.
#[component]
pub fn BinPage() -> impl IntoView {
    let state = RwSignal::new(Load::<(Vec<BinEntry>, Vec<String>)>::Loading);
    let error = RwSignal::new(None::<String>);
    let confirming = RwSignal::new(None::<AssessmentId>);
    reload(state);

    let act = move |id: AssessmentId, restore: bool| {
        spawn_local(async move {
            let result = async {
                let r = repo().await?;
                if restore {
                    r.restore(&id).await.map(|_| ())
                } else {
                    r.purge(&id).await
                }
            }
            .await;
            match result {
                Ok(()) => {
                    confirming.set(None);
                    reload(state);
                }
                Err(e) => error.set(Some(format!("That did not work: {e}."))),
            }
        });
    };

    view! {
        <h1 class="heading-xl">"Bin"</h1>
        <p class="body">{format!("Deleted assessments stay here for {BIN_DAYS} days. Restore one to carry on with it.")}</p>
        {move || error.get().map(|m| view! { <ErrorSummary title="There is a problem" messages=vec![m]/> })}
        {move || match state.get() {
            Load::Loading => view! { <p class="body">"Loading…"</p> }.into_any(),
            Load::Failed(m) => view! { <ErrorSummary title="There is a problem" messages=vec![m]/> }.into_any(),
            Load::Ready((entries, unreadable)) if entries.is_empty() && unreadable.is_empty() => view! { <p class="body" data-testid="bin-empty">"The bin is empty."</p> }.into_any(),
            Load::Ready((entries, unreadable)) => view! {
                {(!unreadable.is_empty()).then(|| view! {
                    <div class="inset-text inset-text--warning" data-testid="bin-unreadable">
                        <p class="body">"These deleted records cannot be read. They are kept: restore one to see it in your list, where it can be downloaded as it is stored."</p>
                        <ul class="list">{unreadable.into_iter().map(|id| {
                            let parsed = AssessmentId::parse(&id);
                            view! { <li>{id.clone()}" "{parsed.map(|pid| view! {
                                <button type="button" class="link-button" on:click=move |_| act(pid.clone(), true)>"Restore"</button>
                            })}</li> }
                        }).collect_view()}</ul>
                    </div>
                })}
                <table class="table" data-testid="bin-list">
                    <caption class="visually-hidden">"Deleted assessments"</caption>
                    <thead><tr><th scope="col">"Child or children"</th><th scope="col">"Deleted"</th><th scope="col"><span class="visually-hidden">"Actions"</span></th></tr></thead>
                    <tbody>
                        {entries.into_iter().map(|e| {
                            let title = e.assessment.title();
                            let id = e.assessment.id.clone();
                            let (id1, id2, id3) = (id.clone(), id.clone(), id.clone());
                            view! {
                                <tr>
                                    <th scope="row" data-label="Child or children">{title.clone()}</th>
                                    <td data-label="Deleted">{long_time(e.deleted_at)}</td>
                                    <td class="table__actions">
                                        <Show when=move || confirming.get().as_ref() != Some(&id)
                                            fallback=move || {
                                                let id = id3.clone();
                                                view! {
                                                    <span class="confirm-inline">"Delete for good?"</span>
                                                    <button type="button" class="link-button link-button--danger" on:click=move |_| act(id.clone(), false)>"Yes, delete for good"</button>
                                                    <button type="button" class="link-button" on:click=move |_| confirming.set(None)>"Cancel"</button>
                                                }
                                            }>
                                            <button type="button" class="link-button" aria-label=format!("Restore {title}")
                                                on:click={ let id = id1.clone(); move |_| act(id.clone(), true) }>"Restore"</button>
                                            <button type="button" class="link-button link-button--danger" aria-label=format!("Delete {title} for good")
                                                on:click={ let id = id2.clone(); move |_| confirming.set(Some(id.clone())) }>"Delete for good"</button>
                                        </Show>
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            }.into_any(),
        }}
        <p class="body"><a href="/">"Back to your assessments"</a></p>
    }
}
