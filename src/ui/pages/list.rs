//! The list of assessments: create, open, import, export and delete.

use crate::model::AssessmentId;
use crate::storage::backup_log::{BackupLog, LastCopy};
use crate::storage::summary::Summary;
use crate::storage::{prefs, Summaries};
use crate::ui::crypto;
use crate::ui::load::Load;
use crate::ui::platform::{
    download_stored_record, export_download, long_date, long_time, now, repo, today,
};
use crate::ui::router::{use_navigate, use_query_map};
use crate::ui::widgets::messages::{Banner, ErrorSummary};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The workbench's list: every record, read whole where its summary is missing or stale (one
/// that cannot be read is listed apart); the bin tidied; and an export the front asked for, done
/// (a failure said in `export_error`).
fn load_everything(state: RwSignal<Load<Summaries>>, export_error: RwSignal<Option<String>>) {
    spawn_local(async move {
        let result = async {
            let r = repo().await?;
            // Tidy the bin while we are here; a failure to tidy is not worth showing.
            let _ = r.purge_expired(now()).await;
            r.summaries().await
        }
        .await;
        state.set(match result {
            Ok(l) => Load::Ready(l),
            Err(e) => Load::Failed(format!("Your assessments cannot be opened: {e}.")),
        });
        if let Some(id) = take_pending_export() {
            export_whole(id, export_error);
        }
    });
}

/// The front's list: from the summaries stored with the records, reading no document. When a
/// record has no summary (or a stale one) the page goes to the workbench, which can read it.
fn load_summaries(state: RwSignal<Load<Summaries>>, _export_error: RwSignal<Option<String>>) {
    spawn_local(async move {
        let result = async { repo().await?.stored_summaries().await }.await;
        match result {
            Ok(s) if s.to_read == 0 => state.set(Load::Ready(Summaries {
                entries: s.entries,
                unreadable: Vec::new(),
            })),
            Ok(_) => hand_over(state).await,
            Err(e) => state.set(Load::Failed(format!(
                "Your assessments cannot be opened: {e}."
            ))),
        }
    });
}

async fn hand_over(state: RwSignal<Load<Summaries>>) {
    if let Err(e) = crate::ui::handoff::open(crate::ui::router::Module::Workbench).await {
        state.set(Load::Failed(format!(
            "Your assessments cannot be listed: the assessment pages could not be loaded ({e}). Check the connection, then reload the page."
        )));
    }
}

/// Where the front leaves the id of an assessment to export, for the workbench to export it.
const PENDING_EXPORT: &str = "assessment-workbench.export";

fn take_pending_export() -> Option<String> {
    let store = web_sys::window()?.session_storage().ok()??;
    let id = store.get_item(PENDING_EXPORT).ok()??;
    let _ = store.remove_item(PENDING_EXPORT);
    Some(id)
}

/// The workbench's export from the list: the whole assessment read from its record.
fn export_whole(id: String, export_error: RwSignal<Option<String>>) {
    spawn_local(async move {
        let got = async { repo().await?.as_it_opens(&id).await }.await;
        let result = match got {
            Ok(Some(a)) => export_download(&a),
            Ok(None) => Err("it is no longer on this device".to_owned()),
            Err(e) => Err(e.to_string()),
        };
        if let Err(e) = result {
            export_error.set(Some(format!("The export could not be saved: {e}.")));
        }
    });
}

/// The front's export from the list: the workbench reads and exports the assessment.
fn export_by_workbench(id: String, export_error: RwSignal<Option<String>>) {
    let kept = web_sys::window()
        .and_then(|w| w.session_storage().ok().flatten())
        .is_some_and(|s| s.set_item(PENDING_EXPORT, &id).is_ok());
    if !kept {
        return export_error.set(Some(
            "The export could not be saved: this browser does not let the page keep a note. Open the assessment and export it from there.".into(),
        ));
    }
    spawn_local(async move {
        if let Err(e) = crate::ui::handoff::open(crate::ui::router::Module::Workbench).await {
            export_error.set(Some(format!(
                "The export could not be saved: the assessment pages could not be loaded ({e})."
            )));
        }
    });
}

/// The home page as the front draws it: from the stored summaries alone.
#[component]
pub fn FrontListPage() -> impl IntoView {
    view! { <ListPage load=load_summaries export=export_by_workbench/> }
}

/// The home page as the workbench draws it: any record read whole when it must be.
#[component]
pub fn WholeListPage() -> impl IntoView {
    view! { <ListPage load=load_everything export=export_whole/> }
}

/// How a list page reads the records, and exports one.
type LoadList = fn(RwSignal<Load<Summaries>>, RwSignal<Option<String>>);
type ExportOne = fn(String, RwSignal<Option<String>>);

/// The home page.
#[component]
fn ListPage(load: LoadList, export: ExportOne) -> impl IntoView {
    let state = RwSignal::new(Load::<Summaries>::Loading);
    let export_error = RwSignal::new(None::<String>);
    load(state, export_error);
    let query = use_query_map();
    let deleted = move || {
        query
            .read()
            .get("deleted")
            .and_then(|s| AssessmentId::parse(&s))
    };
    let undo_error = RwSignal::new(None::<String>);
    let navigate = use_navigate();

    // The demonstration case is made by the workbench module (`/demo`), so its drawing and
    // planning code stays out of the list's first load.
    let navigate_demo = use_navigate();
    let open_demo = move |_| navigate_demo("/demo", Default::default());
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
                <a href="/new" class="button" role="button" draggable="false">"Start a new assessment"</a>
                <a href="/import" class="button button--secondary" role="button" draggable="false">"Import an assessment"</a>
                <button type="button" class="button button--secondary" on:click=open_demo>"Open a demonstration case"</button>
            </div>
            <p class="body">
                <a href="/due" data-testid="due-link">"What's due this week"</a>
                <span class="link-separator">" · "</span>
                <a href="/backup" data-testid="backup-link">"Back up or restore"</a>
                <span class="link-separator">" · "</span>
                <a href="/procedures" data-testid="procedures-link">"Procedures"</a>
            </p>
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
        {move || state.with(|s| match s {
            Load::Ready(l) => backup_reminder(&l.entries),
            _ => None,
        })}
        {move || match state.get() {
            Load::Loading => view! { <p class="body" aria-busy="true">"Loading your assessments…"</p> }.into_any(),
            Load::Failed(msg) => view! { <ErrorSummary title="There is a problem" messages=vec![msg]/> }.into_any(),
            Load::Ready(listing) => view! { <ListingTable listing=listing export=export export_error=export_error/> }.into_any(),
        }}
        {move || {
            let some = state.with(|s| matches!(s, Load::Ready(l) if !l.entries.is_empty()));
            (some && !crypto::is_protected()).then(|| view! {
                <div class="inset-text" data-testid="protect-prompt">
                    <p class="body">
                        "These assessments are stored on this device without a passphrase: anyone who can use this browser can read them. "
                        <a href="/storage">"Protect them with a passphrase"</a>
                    </p>
                </div>
            })
        }}
    }
}

#[component]
fn ListingTable(
    listing: Summaries,
    export: ExportOne,
    export_error: RwSignal<Option<String>>,
) -> impl IntoView {
    let sort = RwSignal::new(prefs::list_sort());
    // Records that need repair are listed with the others (as they will open), marked.
    let all = StoredValue::new(listing.entries.clone());
    let rows = move || {
        // Read once for every row (it is kept in localStorage as JSON).
        let log = prefs::backup_log();
        let mut list = all.get_value();
        if sort.get() == "due" {
            list.sort_by_key(|s| {
                let next = s.next_due().map(|d| d.due);
                (next.is_none(), next)
            });
        }
        list.into_iter()
            .map(|s| {
                let copied = last_copy_words(&log, &s);
                view! { <Row s=s copied=copied export=export export_error=export_error/> }
            })
            .collect_view()
    };
    let sort_link = move |value: &'static str, label: &'static str| {
        view! {
            <button type="button" class="link-button" aria-pressed=move || (sort.get() == value).to_string()
                on:click=move |_| { prefs::set_list_sort(value); sort.set(value.to_owned()); }>{label}</button>
        }
    };
    let unreadable = listing.unreadable.clone();
    let empty = listing.entries.is_empty();
    view! {
        {(!unreadable.is_empty()).then(|| view! { <Unreadable errors=unreadable/> })}
        {move || export_error.get().map(|m| view! { <ErrorSummary title="There is a problem" messages=vec![m]/> })}
        {if empty {
            view! {
                <p class="body" data-testid="empty-list">"There are no assessments on this device yet."</p>
            }.into_any()
        } else {
            view! {
                <p class="sort-links" data-testid="sort">"Sort by " {sort_link("changed", "last changed")} {sort_link("due", "next due date")}</p>
                <table class="table" data-testid="assessment-list">
                    <caption class="visually-hidden">"Assessments on this device, most recently changed first"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Child or children"</th>
                            <th scope="col">"Type"</th>
                            <th scope="col">"Referral date"</th>
                            <th scope="col">"Next due"</th>
                            <th scope="col">"Last changed"</th>
                            <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        {rows}
                    </tbody>
                </table>
                <p class="body"><a href="/exports" class="link">"Export authorised assessments for the case system and returns"</a></p>
            }.into_any()
        }}
    }
}

/// Stored records that cannot be read at all: said plainly, each with a way to export it as it
/// is (nothing is deleted).
#[component]
fn Unreadable(errors: Vec<crate::storage::StorageError>) -> impl IntoView {
    let failed = RwSignal::new(None::<String>);
    let items = errors
        .into_iter()
        .map(|e| {
            let id = match &e {
                crate::storage::StorageError::Corrupt { id, .. } => Some(id.clone()),
                _ => None,
            };
            view! {
                <li>
                    {format!("{e}.")}
                    {id.map(|id| view! {
                        " "
                        <button type="button" class="link-button" data-testid="export-as-stored"
                            on:click=move |_| download_stored_record(id.clone(), failed)>"Download the stored copy as it is"</button>
                    })}
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="error-summary" role="region" aria-label="Stored assessments that cannot be read" data-testid="unreadable">
            <h2 class="error-summary__title">"Some stored assessments cannot be read"</h2>
            <p class="body">"They have not been deleted. Download a stored copy to recover it, or import an earlier export of it over it."</p>
            <ul class="error-summary__list">{items}</ul>
            {move || failed.get().map(|m| view! { <p class="error-message" role="alert">{m}</p> })}
        </div>
    }
}

/// The quiet reminder to back up, when some assessment has changed since its last backup and
/// that backup is older than the worker's number of working days (`storage::backup_log`).
fn backup_reminder(entries: &[Summary]) -> Option<AnyView> {
    let r = prefs::backup_log().reminder(
        entries,
        today(),
        prefs::backup_reminder_days(),
        crate::procedure::calendar::Calendar::england_and_wales(),
    )?;
    let changed = if r.changed == 1 {
        "1 assessment has".to_owned()
    } else {
        format!("{} assessments have", r.changed)
    };
    let words = match r.last_backup {
        Some(t) => format!(
            "{changed} changed since your last backup, {}. ",
            long_time(t)
        ),
        None => format!("{changed} never been backed up. "),
    };
    Some(
        view! {
            <div class="inset-text" data-testid="backup-reminder">
                <p class="body">
                    {words}
                    "If this device is lost or its browser data cleared, they go with it. "
                    <a href="/backup">"Back up now"</a>
                </p>
            </div>
        }
        .into_any(),
    )
}

/// When the assessment was last copied off this device, for its row.
fn last_copy_words(log: &BackupLog, s: &Summary) -> String {
    match log.last_copy(&s.id) {
        None => "Not backed up or exported".into(),
        Some(LastCopy::BackedUp(t)) => format!("Backed up {}", long_time(t)),
        Some(LastCopy::Exported(t)) => format!("Exported {}", long_time(t)),
    }
}

#[component]
fn Row(
    s: Summary,
    /// When it was last backed up or exported ([`last_copy_words`]).
    copied: String,
    export: ExportOne,
    export_error: RwSignal<Option<String>>,
) -> impl IntoView {
    let due = match (&s.authorised, s.next_due()) {
        (Some(auth), _) => view! {
            <span>{format!("Authorised {}", long_date(auth.on))}</span>
            {auth.working_days.map(|d| view! { <span class="secondary-text" data-testid="took">{format!(": {d} working days ({})", crate::procedure::durations::band(d))}</span> })}
        }
        .into_any(),
        (None, Some(d)) => {
            let overdue = s.overdue(today());
            view! {
                <span>{long_date(d.due)}</span>
                <span class="visually-hidden">{format!(": {}", d.label)}</span>
                {(overdue > 0).then(|| view! { " " <strong class="tag tag--red">{format!("{overdue} overdue")}</strong> })}
            }
            .into_any()
        }
        (None, None) => view! { <span class="secondary-text">"Nothing due"</span> }.into_any(),
    };
    let title = s.title.clone();
    let href = format!("/assessments/{}", s.id);
    let delete_href = format!("/assessments/{}/delete", s.id);
    let referral = s
        .referral
        .map(long_date)
        .unwrap_or_else(|| "Not recorded".into());
    let changed = long_time(s.updated_at);
    let export_label = format!("Export {title} as JSON");
    let delete_label = format!("Delete {title}");
    let id = s.id.clone();
    let export = move |_| export(id.clone(), export_error);
    view! {
        <tr>
            <th scope="row" data-label="Child or children">
                <a href=href class="link-strong">{title.clone()}</a>
                {s.needs_repair.then(|| view! { " " <strong class="tag tag--yellow" data-testid="needs-repair">"Needs repair"</strong>
                    <span class="hint">" Opening it repairs it and lists what changed."</span> })}
            </th>
            <td data-label="Type">{s.kind.clone()}</td>
            <td data-label="Referral date">{referral}</td>
            <td data-label="Next due">{due}</td>
            <td data-label="Last changed">
                {changed}
                <span class="secondary-text table__second-line" data-testid="last-copy">{copied}</span>
            </td>
            <td class="table__actions">
                <button class="link-button" type="button" aria-label=export_label on:click=export>"Export"</button>
                <a href=delete_href class="link-button link-button--danger" aria-label=delete_label>"Delete"</a>
            </td>
        </tr>
    }
}
