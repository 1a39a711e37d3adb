//! The printable summaries: the professional summary and the family's plain-language summary,
//! each printable (A4 print styles) and savable as a standalone HTML file. The family's summary
//! is made for a chosen reader; before it is printed or saved the worker sees what was left out
//! for that reader and why (never printed), and each summary or export made is recorded.

use super::flow_common::profile_of;
use crate::model::marks::Reader;
use crate::procedure::Profile;
use crate::report::{family_summary, professional_summary, standalone_html};
use crate::ui::editors::export::file_name;
use crate::ui::platform::{download, now, today};
use crate::ui::session::use_session;
use crate::views::for_reader::{for_reader, left_out, record_made};
use leptos::prelude::*;

/// Which summary to show.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Which {
    Professional,
    Family,
}

/// A question's label in the profile, for saying what was left out.
pub fn question_label(profile: &'static Profile) -> impl Fn(&str) -> String {
    move |id: &str| profile.question_label(id)
}

#[component]
fn Summary(which: Which) -> impl IntoView {
    let s = use_session();
    let reader = RwSignal::new(Reader::Family);
    let html = move || {
        let a = s.doc.read();
        match which {
            Which::Professional => professional_summary(&a, profile_of(s), today()),
            Which::Family => family_summary(&a, profile_of(s), today(), &reader.get()),
        }
    };
    let base = move || format!("/assessments/{}", s.doc.read().id);
    let what = match which {
        Which::Professional => "Professional summary",
        Which::Family => "Family summary",
    };
    // Each summary for a reader is kept in the audit as it is printed or saved.
    let record = move |how: &str| {
        if which == Which::Family {
            let r = reader.get_untracked();
            let label = question_label(profile_of(s));
            s.edit("record the summary made", |a| {
                record_made(a, &format!("{what}, {how}"), &r, now(), label)
            });
        }
    };
    let save = move |_| {
        let (title, file) = match which {
            Which::Professional => ("Assessment summary", "assessment-summary"),
            Which::Family => ("Summary for the family", "family-summary"),
        };
        let name = format!("{file}-{}.html", s.doc.read_untracked().id);
        let _ = download(&name, "text/html", &standalone_html(title, &html()));
        record("saved as HTML");
    };
    let print = move |_| {
        record("printed");
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <div class="no-print">
            <a href=base class="back-link">"Back to overview"</a>
            {(which == Which::Family).then(|| view! { <ReaderCheck reader=reader/> })}
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

/// Who the family's summary is for, and what is left out for them (for the worker only).
#[component]
fn ReaderCheck(reader: RwSignal<Reader>) -> impl IntoView {
    let s = use_session();
    let choices = move || {
        let a = s.doc.read();
        Reader::choices(&a)
            .into_iter()
            .map(|r| (r.code(), reader_label(&a, &r)))
            .collect::<Vec<_>>()
    };
    let gone = move || {
        let a = s.doc.read();
        left_out(&a, &reader.get(), question_label(profile_of(s)))
    };
    let share = move |_| {
        let r = reader.get_untracked();
        let a = s.doc.read_untracked().clone();
        let text = crate::exchange::export_for_reader_json(&a, &r, now(), crate::APP_VERSION);
        let name = file_name(&format!("for sharing with {}", r.words(&a)), "json");
        if download(&name, "application/json", &text).is_ok() {
            let label = question_label(profile_of(s));
            s.edit("record the export made", |a| {
                record_made(a, "Export for sharing", &r, now(), label)
            });
        }
    };
    let drawing = move |genogram: bool| {
        let r = reader.get_untracked();
        let a = s.doc.read_untracked().clone();
        let shown = for_reader(&a, &r);
        let (svg, what) = if genogram {
            (
                crate::diagram::genogram::render::standalone(&shown, Some(shown.as_at(today()))),
                "genogram",
            )
        } else {
            (
                // A child sees their own map when one is drawn; everyone else the children's.
                crate::diagram::network::render::standalone(
                    &shown,
                    &match &r {
                        crate::model::marks::Reader::Child(c)
                            if shown.map(&Some(c.clone())).is_some() =>
                        {
                            Some(c.clone())
                        }
                        _ => None,
                    },
                    false,
                ),
                "network map",
            )
        };
        let name = file_name(&format!("{what} for {}", r.words(&a)), "svg");
        if download(&name, "image/svg+xml", &svg).is_ok() {
            let label = question_label(profile_of(s));
            s.edit("record the drawing saved", |a| {
                record_made(a, &format!("The {what} as SVG"), &r, now(), label)
            });
        }
    };
    view! {
        <div class="panel" data-testid="reader-check">
            <div class="form-group">
                <label class="label" for="summary-reader">"Who is this summary for?"</label>
                <div class="hint" id="summary-reader-hint">"Anything marked as not for them is left out. Addresses and phone numbers are never printed in a family summary."</div>
                <select class="select" id="summary-reader" aria-describedby="summary-reader-hint"
                    prop:value=move || reader.get().code()
                    on:change=move |ev| if let Some(r) = Reader::from_code(&event_target_value(&ev)) { reader.set(r) }>
                    {move || choices().into_iter().map(|(v, l)| view! { <option value=v>{l}</option> }).collect_view()}
                </select>
            </div>
            <h2 class="heading-m">"Check before you print: left out for this reader"</h2>
            {move || {
                let gone = gone();
                if gone.is_empty() {
                    view! { <p class="body" data-testid="left-out">"Nothing is marked as not for this reader."</p> }.into_any()
                } else {
                    view! {
                        <ul class="list list--bullet" data-testid="left-out">
                            {gone.into_iter().map(|g| view! { <li><strong>{g.what}</strong>" – "{g.why}</li> }).collect_view()}
                        </ul>
                    }.into_any()
                }
            }}
            <p class="hint">"This check is for you; it is not printed."</p>
            <div class="button-group">
                <button type="button" class="button button--secondary" on:click=share>"Export for sharing with this reader (JSON)"</button>
                <button type="button" class="button button--secondary" on:click=move |_| drawing(true)>"Save the genogram for this reader (SVG)"</button>
                <button type="button" class="button button--secondary" on:click=move |_| drawing(false)>"Save the network map for this reader (SVG)"</button>
            </div>
        </div>
    }
}

/// "The family (everyone)", "Chris Testcase (Father)", "Mia Sample: the child's own version".
fn reader_label(a: &crate::model::Assessment, r: &Reader) -> String {
    match r {
        Reader::Family => "The family (everyone)".to_owned(),
        Reader::Person(p) => a.person(p).map_or_else(String::new, |p| {
            if p.relationship.trim().is_empty() {
                p.display_name()
            } else {
                format!("{} ({})", p.display_name(), p.relationship.trim())
            }
        }),
        Reader::Child(c) => format!(
            "{}: the child's own version",
            a.person(c).map(|p| p.display_name()).unwrap_or_default()
        ),
        Reader::Professional => "The professional record".to_owned(),
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
