//! A profile section's summary: every question asked, its answer or that it is missing, with a
//! "Change" link to its page ("check your answers"), then "Have you completed this section?".

use super::flow_common::{answer_words, page_url, profile_of};
use super::not_found::NotFound;
use crate::flow::{Flow, Page};
use crate::procedure::profile::SectionDef;
use crate::ui::platform::today;
use crate::ui::router::use_params_map;
use crate::ui::session::use_session;
use crate::ui::widgets::section_footer::SectionFooter;
use crate::ui::widgets::tool_links::ToolLinks;
use leptos::prelude::*;

/// The page at `/assessments/:id/s/:section`.
#[component]
pub fn SectionPage() -> impl IntoView {
    let s = use_session();
    let params = use_params_map();
    let section_id = Memo::new(move |_| params.read().get("section").unwrap_or_default());
    move || {
        let profile = profile_of(s);
        match profile.section(&section_id.get()) {
            Some(section) => view! { <SectionSummary section=section/> }.into_any(),
            None => view! { <NotFound/> }.into_any(),
        }
    }
}

/// Every tool the section's pages point to, once each.
fn section_tools(section: &SectionDef) -> Vec<crate::procedure::profile::Tool> {
    let mut out = Vec::new();
    for t in section.groups.iter().flat_map(|g| g.tools.iter()) {
        if !out.contains(t) {
            out.push(*t);
        }
    }
    out
}

#[component]
fn SectionSummary(section: &'static SectionDef) -> impl IntoView {
    let s = use_session();
    let overview = move || format!("/assessments/{}", s.doc.read().id);
    let first_page = move || {
        let a = s.doc.read();
        let flow = Flow::new(&a, profile_of(s), today());
        flow.pages(section).into_iter().next()
    };
    let body = move || {
        let a = s.doc.read();
        let flow = Flow::new(&a, profile_of(s), today());
        let passes: Vec<Option<crate::model::PersonId>> = if section.per_child {
            flow.children().into_iter().map(Some).collect()
        } else {
            vec![None]
        };
        if passes.is_empty() {
            return view! { <p class="body">"Add a child to the assessment first: these questions are answered for each child."</p> }.into_any();
        }
        passes
            .into_iter()
            .map(|child| {
                let heading = child.as_ref().map(|c| a.person(c).map(|p| p.display_name()).unwrap_or_default());
                let groups = section
                    .groups
                    .iter()
                    .map(|g| {
                        let change = page_url(s, &section.id, &Page { group: g.id.clone(), child: child.clone() });
                        let change_label = format!("Change {}{}", g.title, heading.as_ref().map(|h| format!(" for {h}")).unwrap_or_default());
                        let rows = g
                            .questions
                            .iter()
                            .filter(|q| flow.is_visible(section, q, child.as_ref()))
                            .map(|q| {
                                let answer = flow.answer(&q.id, child.as_ref()).filter(|x| x.is_given());
                                let value = match answer {
                                    Some(x) => answer_words(q, x).into_iter().map(|l| view! { <p class="summary-list__line">{l}</p> }).collect_view().into_any(),
                                    None if q.required => view! { <strong class="tag tag--red">"Required: not answered"</strong> }.into_any(),
                                    None => view! { <span class="secondary-text">"Not answered"</span> }.into_any(),
                                };
                                let mark = a
                                    .mark(&crate::model::marks::Target::Answer { key: crate::model::answer_key(&q.id, child.as_ref()) })
                                    .map(|m| crate::model::marks::mark_words(&a, m));
                                view! {
                                    <div class="summary-list__row">
                                        <dt class="summary-list__key">{q.label.clone()}</dt>
                                        <dd class="summary-list__value">{value}{mark.map(|w| view! { <strong class="tag tag--purple" data-testid="mark-tag">{w}</strong> })}</dd>
                                    </div>
                                }
                            })
                            .collect_view();
                        view! {
                            <section class="card" aria-label=g.title.clone()>
                                <div class="card__header">
                                    <h3 class="card__title">{g.title.clone()}</h3>
                                    <a href=change class="link-button" aria-label=change_label>"Change"</a>
                                </div>
                                <dl class="summary-list summary-list--card">{rows}</dl>
                            </section>
                        }
                    })
                    .collect_view();
                view! {
                    {heading.map(|h| view! { <h2 class="heading-l">{h}</h2> })}
                    {groups}
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <a href=overview class="back-link">"Back to overview"</a>
        <span class="caption">{if section.reference.is_empty() { "Check your answers".to_owned() } else { format!("Check your answers · Procedure {}", section.reference) }}</span>
        <h1 class="heading-xl">{section.title.clone()}</h1>
        {(!section.intro.is_empty()).then(|| view! { <p class="body">{section.intro.clone()}</p> })}
        <ToolLinks tools=section_tools(section)/>
        {move || first_page().map(|p| view! {
            <a href=page_url(s, &section.id, &p) class="button button--secondary" role="button">"Answer the questions page by page"</a>
        })}
        {body}
        <SectionFooter section=section.id.clone()/>
    }
}
