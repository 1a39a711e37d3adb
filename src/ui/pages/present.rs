//! Presentation mode: one scale, full screen, large and high contrast, for a family meeting or
//! a training room. Everything else in the assessment is hidden.

use super::not_found::NotFound;
use crate::ui::router::use_params_map;
use crate::ui::session::use_session;
use crate::ui::widgets::scale::ScaleWidget;
use leptos::prelude::*;

/// Presentation mode (everything but the presentation hidden) while the calling page is shown.
pub fn presentation_mode() {
    crate::ui::platform::body_class_while_shown("present-mode");
}

/// The page at `/assessments/:id/scales/:sid/present`.
#[component]
pub fn PresentPage() -> impl IntoView {
    let s = use_session();
    let params = use_params_map();
    let sid = params.read_untracked().get("sid").unwrap_or_default();
    if s.doc.read_untracked().scale(&sid).is_none() {
        return view! { <NotFound/> }.into_any();
    }
    presentation_mode();
    let sid = StoredValue::new(sid);
    let title = move || {
        s.doc.with(|a| {
            a.scale(&sid.get_value())
                .map(|sc| a.scale_title(sc))
                .unwrap_or_default()
        })
    };
    let question = move || {
        s.doc.with(|a| {
            a.scale(&sid.get_value())
                .map(|sc| sc.question.clone())
                .unwrap_or_default()
        })
    };
    let back = move || {
        let a = s.doc.read();
        match a.scale(&sid.get_value()).map(|sc| &sc.kind) {
            Some(crate::model::ScaleKind::Pair { pair }) => {
                format!("/assessments/{}/planning/{pair}", a.id)
            }
            _ => format!("/assessments/{}/scales/{}", a.id, sid.get_value()),
        }
    };
    let full_screen = move |_| {
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = el.request_fullscreen();
        }
    };
    view! {
        <div class="present" data-testid="present">
            <div class="present__bar">
                <a href=back class="present__exit">"Exit presentation"</a>
                <button type="button" class="present__exit" on:click=full_screen>"Full screen"</button>
            </div>
            <h1 class="present__title">{title}</h1>
            <p class="present__question">{question}</p>
            <ScaleWidget scale_id=sid.get_value() large=true/>
        </div>
    }
    .into_any()
}
