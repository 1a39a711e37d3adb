//! The notice shown when another tab or window has saved the open assessment: reload to see the
//! newer version, or, if this tab's save was refused, keep this tab's version as a copy.

use crate::ui::router::use_navigate;
use crate::ui::session::{use_session, Elsewhere};
use leptos::prelude::*;

/// Shown only when another tab has been at work on this assessment.
#[component]
pub fn ElsewhereNotice() -> impl IntoView {
    let s = use_session();
    let navigate = use_navigate();
    move || {
        let navigate = navigate.clone();
        match s.elsewhere.get() {
            Elsewhere::Quiet => ().into_any(),
            Elsewhere::Newer => view! {
                <div class="banner" role="alert" data-testid="elsewhere-newer">
                    <div class="banner__header"><h2 class="banner__title">"Changed in another tab"</h2></div>
                    <div class="banner__content">
                        <p class="banner__heading">"This assessment was changed in another tab or window. Reload to see the latest version before you carry on."</p>
                        <button type="button" class="button button--small" on:click=move |_| s.reload()>"Reload the latest version"</button>
                    </div>
                </div>
            }
            .into_any(),
            Elsewhere::Conflict => view! {
                <div class="banner banner--warning" role="alert" data-testid="elsewhere-conflict">
                    <div class="banner__header"><h2 class="banner__title">"Your last change was not saved"</h2></div>
                    <div class="banner__content">
                        <p class="banner__heading">"Someone saved this assessment in another tab or window after you opened it here. To lose nothing, keep your version as a separate copy, or load the latest version (your unsaved change here is dropped)."</p>
                        <div class="button-group">
                            <button type="button" class="button button--small" on:click=move |_| {
                                let navigate = navigate.clone();
                                s.keep_mine_as_copy(move |id| navigate(&format!("/assessments/{id}"), Default::default()));
                            }>"Keep my version as a copy"</button>
                            <button type="button" class="button button--secondary button--small" on:click=move |_| s.reload()>"Load the latest version"</button>
                        </div>
                    </div>
                </div>
            }
            .into_any(),
        }
    }
}
