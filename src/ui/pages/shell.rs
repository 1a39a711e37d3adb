//! The frame around every page of one assessment: loads it, shares the [`Session`], shows the
//! save status and makes sure nothing waiting to be saved is lost when the page is left.

use crate::model::AssessmentId;
use crate::storage::repository::Opened;
use crate::ui::load::Load;
use crate::ui::platform::{download_stored_record, repo};
use crate::ui::router::use_params_map;
use crate::ui::session::Session;
use crate::ui::tabs;
use crate::ui::widgets::document_notices::{AnnouncedNotice, RefusedNotice, RepairNotice};
use crate::ui::widgets::elsewhere::ElsewhereNotice;
use crate::ui::widgets::messages::ErrorSummary;
use crate::ui::widgets::save_status::SaveStatus;
use crate::ui::widgets::undo_bar::{undo_keys, UndoBar};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::not_found::NotFound;

/// Loads the assessment named in the URL and renders `page` (the page inside) with it.
#[component]
pub fn AssessmentShell(#[prop(into)] page: ViewFn) -> impl IntoView {
    let params = use_params_map();
    let state = RwSignal::new(Load::<Option<Opened>>::Loading);
    // Only a change of assessment reloads; moving between its pages keeps the open session.
    let raw_id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    Effect::new(move || {
        let raw = raw_id.get();
        state.set(Load::Loading);
        spawn_local(async move {
            let Some(id) = AssessmentId::parse(&raw) else {
                state.set(Load::Ready(None));
                return;
            };
            let result = async { repo().await?.open(&id).await }.await;
            state.set(match result {
                Ok(a) => Load::Ready(a),
                Err(e) => Load::Failed(format!("This assessment cannot be opened: {e}.")),
            });
        });
    });

    move || match state.get() {
        Load::Loading => {
            view! { <p class="body" aria-busy="true">"Opening the assessment…"</p> }.into_any()
        }
        Load::Failed(msg) => {
            let failed = RwSignal::new(None::<String>);
            view! {
                <ErrorSummary title="There is a problem" messages=vec![msg]/>
                <p class="body">"Nothing has been deleted. You can download the stored copy exactly as it is, for your case system or a developer to recover, or import an earlier export of this assessment over it."</p>
                {move || failed.get().map(|m| view! { <p class="error-message" role="alert">{m}</p> })}
                <div class="button-group">
                    <button type="button" class="button" data-testid="export-as-stored"
                        on:click=move |_| download_stored_record(raw_id.get_untracked(), failed)>"Download the stored copy as it is"</button>
                    <a href="/import" class="button button--secondary" role="button">"Import an earlier export"</a>
                </div>
            }
            .into_any()
        }
        Load::Ready(None) => view! { <NotFound/> }.into_any(),
        Load::Ready(Some(opened)) => {
            let id = opened.assessment.id.to_string();
            let loc = crate::ui::router::use_location();
            let session = Session::new(opened.assessment, opened.revision, Some(loc));
            session.repaired.set(opened.repaired);
            session.take_over();
            provide_context(session);
            guard_unsaved(session);
            undo_keys(session);
            tabs::watch(id.clone(), move |revision| {
                session.newer_elsewhere(revision)
            });
            on_cleanup(move || tabs::unwatch(&id));
            view! {
                <SaveStatus/>
                {move || (!own_undo(&loc)).then(|| view! { <UndoBar/> })}
                <ElsewhereNotice/>
                <RepairNotice/>
                <RefusedNotice/>
                <AnnouncedNotice/>
                <LockedNotice/>
                // An authorised assessment's editing pages show their fields disabled (the overview,
                // the summaries, the presentations and the case record stay as they are).
                <fieldset class="fieldset page-fieldset" disabled=move || locked_here(&session, &loc)>
                    {page.run()}
                </fieldset>
            }
            .into_any()
        }
    }
}

/// Whether the page shown has Undo of its own in reach (the diagram editors' toolbars, the
/// child's board) or none at all (the presentations), instead of the bar.
fn own_undo(loc: &crate::ui::router::Location) -> bool {
    use crate::ui::router::{Page, Route};
    matches!(
        &*loc.route.read(),
        Route::Assessment {
            page: Page::Genogram
                | Page::Network
                | Page::NetworkPresent
                | Page::ScalePresent(_)
                | Page::SafetyPlanPresent
                | Page::ToolChild(_)
                | Page::ToolDraw(..),
            ..
        }
    )
}

/// Whether the page shown is one that edits an assessment that is authorised (read-only).
fn locked_here(session: &Session, loc: &crate::ui::router::Location) -> bool {
    use crate::ui::router::{Page, Route};
    let editing = match &*loc.route.read() {
        Route::Assessment { page, .. } => !matches!(
            page,
            Page::Overview
                | Page::Print
                | Page::PrintFamily
                | Page::CaseRecord
                | Page::ScalePresent(_)
                | Page::NetworkPresent
                | Page::SafetyPlanPresent
        ),
        _ => false,
    };
    editing && session.doc.with(|a| a.is_locked())
}

/// Says on every page of an authorised assessment that it is read-only, and where to update it.
#[component]
fn LockedNotice() -> impl IntoView {
    let s = crate::ui::session::use_session();
    move || {
        let a = s.doc.read();
        let x = a.case.authorisations.last().filter(|_| a.is_locked())?;
        let href = format!("/assessments/{}/case-record", a.id);
        Some(view! {
            <div class="inset-text no-print" data-testid="locked-notice">
                <p class="body">{format!("Authorised by {} on {}: this assessment is read-only. ", x.manager, crate::ui::platform::long_date(x.on))}
                    <a href=href class="link">"Start an update"</a></p>
            </div>
        })
    }
}

/// Saves at once when the page is hidden or closed, and asks before leaving with unsaved changes.
fn guard_unsaved(session: Session) {
    let hide = window_event_listener(leptos::ev::pagehide, move |_| session.flush());
    let vis = window_event_listener_untyped("visibilitychange", move |_| {
        let hidden = web_sys::window()
            .and_then(|w| w.document())
            .is_some_and(|d| d.hidden());
        if hidden {
            session.flush();
        }
    });
    let leave = window_event_listener(leptos::ev::beforeunload, move |ev| {
        if session.has_unsaved() {
            session.flush();
            ev.prevent_default();
        }
    });
    on_cleanup(move || {
        session.flush();
        hide.remove();
        vis.remove();
        leave.remove();
    });
}
