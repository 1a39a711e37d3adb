//! The printable summaries: the professional summary and the family's plain-language summary,
//! each printable (A4 print styles) and savable as a standalone HTML file.

use super::flow_common::profile_of;
use crate::report::{family_summary, professional_summary, standalone_html};
use crate::ui::platform::{download, today};
use crate::ui::session::use_session;
use leptos::prelude::*;

/// Which summary to show.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Which {
    Professional,
    Family,
}

#[component]
fn Summary(which: Which) -> impl IntoView {
    let s = use_session();
    let html = move || {
        let a = s.doc.read();
        match which {
            Which::Professional => professional_summary(&a, profile_of(s), today()),
            Which::Family => family_summary(&a, profile_of(s), today()),
        }
    };
    let base = move || format!("/assessments/{}", s.doc.read().id);
    let save = move |_| {
        let (title, file) = match which {
            Which::Professional => ("Assessment summary", "assessment-summary"),
            Which::Family => ("Summary for the family", "family-summary"),
        };
        let name = format!("{file}-{}.html", s.doc.read_untracked().id);
        let _ = download(&name, "text/html", &standalone_html(title, &html()));
    };
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <div class="no-print">
            <a href=base class="back-link">"Back to overview"</a>
            <div class="button-group">
                <button type="button" class="button" on:click=print>"Print"</button>
                <button type="button" class="button button--secondary" on:click=save>"Save as an HTML file"</button>
                {match which {
                    Which::Professional => view! { <a href=move || format!("{}/print/family", base()) class="link-button">"The family's summary"</a> }.into_any(),
                    Which::Family => view! { <a href=move || format!("{}/print", base()) class="link-button">"The professional summary"</a> }.into_any(),
                }}
            </div>
        </div>
        <article class="report" data-testid="report" inner_html=html></article>
    }
}

/// The page at `/assessments/:id/print`.
#[component]
pub fn ProfessionalPrintPage() -> impl IntoView {
    view! { <Summary which=Which::Professional/> }
}

/// The page at `/assessments/:id/print/family`.
#[component]
pub fn FamilyPrintPage() -> impl IntoView {
    view! { <Summary which=Which::Family/> }
}
