//! A profile walked through before anyone uses it: the guided flow's pages, one at a time, on
//! an empty fictional case (nothing stored), with the profile's timescales worked out for a
//! referral date the reader picks.

use super::procedures::ProfileFacts;
use crate::flow::{Flow, Page};
use crate::model::{AssessmentId, AssessmentType, Person, PersonId, PersonRole};
use crate::procedure::profile::SectionDef;
use crate::procedure::{registry, Profile};
use crate::report::words::long_date;
use crate::ui::pages::not_found::NotFound;
use crate::ui::platform::{now, today};
use crate::ui::router::use_query_map;
use crate::ui::session::Session;
use crate::ui::widgets::fields::DateField;
use leptos::prelude::*;

/// The fictional case a preview fills in: one child, referred on `referral`.
fn fictional_case(p: &'static Profile, referral: chrono::NaiveDate) -> crate::model::Assessment {
    let mut a = crate::procedure::start(
        p,
        AssessmentId::from_random([0x50; 8]),
        now(),
        AssessmentType::Section17,
    );
    a.referral_date = Some(referral);
    a.start_date = Some(referral);
    let mut child = Person::new(PersonId::from_random([0x50; 4]), PersonRole::SubjectChild);
    child.given_name = "Robin".into();
    child.family_name = "Example (preview)".into();
    child.date_of_birth = Some(referral - chrono::Duration::days(7 * 365));
    a.people.push(child);
    a
}

/// Every page of the flow in order, with its section.
fn all_pages(
    a: &crate::model::Assessment,
    p: &'static Profile,
) -> Vec<(&'static SectionDef, Page)> {
    let flow = Flow::new(a, p, today());
    p.sections
        .iter()
        .filter(|s| flow.applies(s))
        .flat_map(|s| flow.pages(s).into_iter().map(move |page| (s, page)))
        .collect()
}

/// The page at `/procedures/preview?profile=…&version=…`.
#[component]
pub fn PreviewPage() -> impl IntoView {
    let query = use_query_map();
    let found = {
        let q = query.read_untracked();
        let id = q.get("profile").unwrap_or_default();
        let version = q.get("version").and_then(|v| v.parse().ok()).unwrap_or(1);
        registry::find_version(&id, version)
    };
    match found {
        Some(p) => view! { <Preview profile=p/> }.into_any(),
        None => view! { <NotFound/> }.into_any(),
    }
}

#[component]
fn Preview(profile: &'static Profile) -> impl IntoView {
    let s = Session::unstored(fictional_case(profile, today()));
    provide_context(s);
    let at = RwSignal::new(0usize);
    let pages = Memo::new(move |_| all_pages(&s.doc.read(), profile));
    let referral = Signal::derive(move || s.doc.read().referral_date);
    let set_referral = Callback::new(move |d: Option<chrono::NaiveDate>| {
        s.edit("change the referral date", |a| {
            a.referral_date = d;
            a.start_date = d;
        });
    });

    let deadlines = move || {
        let a = s.doc.read();
        let list = Flow::new(&a, profile, today()).deadlines();
        if list.is_empty() {
            return view! { <p class="body">"Enter a referral date to see the timescales."</p> }
                .into_any();
        }
        view! {
            <table class="table" data-testid="preview-timescales">
                <caption class="visually-hidden">"Timescales, in working days (England and Wales bank holidays excluded)"</caption>
                <thead><tr><th scope="col">"Due"</th><th scope="col">"What"</th></tr></thead>
                <tbody>
                    {list.into_iter().map(|d| view! { <tr><td data-label="Due">{long_date(d.due)}</td><th scope="row" data-label="What">{d.label}</th></tr> }).collect_view()}
                </tbody>
            </table>
        }
        .into_any()
    };

    let page = move || {
        let list = pages.get();
        let total = list.len();
        let i = at.get().min(total.saturating_sub(1));
        let Some((section, page)) = list.get(i).cloned() else {
            return view! { <p class="body">"This procedure has no pages for this case."</p> }
                .into_any();
        };
        let group = section
            .group(&page.group)
            .expect("a page names a group of its section");
        let child = page.child.clone();
        let questions = crate::ui::widgets::page_questions::page_questions(
            profile,
            section,
            group,
            child.clone(),
            false,
        );
        let reference = if group.reference.is_empty() {
            section.reference.clone()
        } else {
            group.reference.clone()
        };
        let mut caption = section.title.clone();
        if child.is_some() {
            caption.push_str(" · Robin Example (preview)");
        }
        if !reference.is_empty() {
            caption = format!("{caption} · Procedure {reference}");
        }
        view! {
            <section class="card card--padded" aria-labelledby="preview-page-title" data-testid="preview-page">
                <span class="caption" data-testid="preview-caption">{caption}</span>
                <h2 class="heading-l" id="preview-page-title">{group.title.clone()}</h2>
                <p class="hint" data-testid="preview-progress">{format!("Page {} of {total}", i + 1)}</p>
                {(!group.help.is_empty()).then(|| view! { <div class="inset-text"><p class="body">{group.help.clone()}</p></div> })}
                {questions}
                <div class="button-group">
                    <button type="button" class="button button--secondary" disabled={i == 0}
                        on:click=move |_| at.update(|n| *n = n.saturating_sub(1))>"Previous page"</button>
                    <button type="button" class="button" disabled={i + 1 >= total}
                        on:click=move |_| at.update(|n| *n += 1)>"Next page"</button>
                </div>
            </section>
        }
        .into_any()
    };

    view! {
        <a href="/procedures" class="back-link">"Back to procedures"</a>
        <span class="caption">"Preview: nothing you enter here is stored"</span>
        <h1 class="heading-xl">{profile.name.clone()}</h1>
        <ProfileFacts profile=profile.clone()/>
        {(!profile.summary.is_empty()).then(|| view! { <p class="body">{profile.summary.clone()}</p> })}
        <h2 class="heading-l">"Timescales"</h2>
        <DateField id="preview-referral" label="Referral date" hint="Pick any date to see when each step would be due." value=referral on_change=set_referral/>
        {deadlines}
        <h2 class="heading-l">"The pages"</h2>
        <p class="body">"The guided flow on an empty fictional case (one child, a section 17 assessment). Answer questions to see follow-up questions appear."</p>
        {page}
    }
}
