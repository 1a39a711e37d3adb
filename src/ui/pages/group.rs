//! One page of the guided flow: a group of questions (for one child when the section is per
//! child), with its help and procedure reference, and "Save and continue".

use super::flow_common::{page_url, parse_child, profile_of, section_url};
use super::not_found::NotFound;
use crate::flow::{Flow, Page};
use crate::model::PersonId;
use crate::procedure::profile::{GroupDef, SectionDef};
use crate::ui::platform::today;
use crate::ui::router::{use_params_map, use_query_map};
use crate::ui::session::use_session;
use leptos::prelude::*;

/// The page at `/assessments/:id/s/:section/:group` (with `?child=` for per-child sections).
#[component]
pub fn GroupPage() -> impl IntoView {
    let s = use_session();
    let params = use_params_map();
    let query = use_query_map();
    let target = Memo::new(move |_| {
        let p = params.read();
        (
            p.get("section").unwrap_or_default(),
            p.get("group").unwrap_or_default(),
            parse_child(query.read().get("child")),
        )
    });
    move || {
        let (section_id, group_id, child) = target.get();
        let profile = profile_of(s);
        let found = profile
            .section(&section_id)
            .and_then(|sec| sec.group(&group_id).map(|g| (sec, g)));
        let child_ok = match (&found, &child) {
            (Some((sec, _)), Some(c)) => {
                sec.per_child && s.doc.read_untracked().person(c).is_some()
            }
            (Some((sec, _)), None) => !sec.per_child,
            _ => false,
        };
        match found {
            Some((section, group)) if child_ok => {
                view! { <GroupForm section=section group=group child=child/> }.into_any()
            }
            _ => view! { <NotFound/> }.into_any(),
        }
    }
}

#[component]
fn GroupForm(
    section: &'static SectionDef,
    group: &'static GroupDef,
    child: Option<PersonId>,
) -> impl IntoView {
    let s = use_session();
    let page = Page {
        group: group.id.clone(),
        child: child.clone(),
    };
    let (position, total, next) = {
        let a = s.doc.read_untracked();
        let flow = Flow::new(&a, profile_of(s), today());
        let pages = flow.pages(section);
        let i = pages.iter().position(|p| p == &page).unwrap_or(0);
        (i + 1, pages.len(), flow.next_page(section, &page))
    };
    let next_url = match &next {
        Some(p) => page_url(s, &section.id, p),
        None => section_url(s, &section.id),
    };
    let child_name = child
        .as_ref()
        .and_then(|c| s.doc.read_untracked().person(c).map(|p| p.display_name()));
    let reference = if group.reference.is_empty() {
        section.reference.clone()
    } else {
        group.reference.clone()
    };
    let mut caption = section.title.clone();
    if let Some(n) = &child_name {
        caption = format!("{caption} · {n}");
    }
    if !reference.is_empty() {
        caption = format!("{caption} · Procedure {reference}");
    }
    let questions = crate::ui::widgets::page_questions::page_questions(
        profile_of(s),
        section,
        group,
        child.clone(),
        true,
    );
    view! {
        <a href=section_url(s, &section.id) class="back-link">"Back to check your answers"</a>
        <span class="caption" data-testid="page-caption">{caption}</span>
        <h1 class="heading-xl">{group.title.clone()}</h1>
        <p class="hint" data-testid="page-progress">{format!("Page {position} of {total}")}</p>
        {(!group.help.is_empty()).then(|| view! { <div class="inset-text"><p class="body">{group.help.clone()}</p></div> })}
        <crate::ui::widgets::tool_links::ToolLinks tools=group.tools.clone()/>
        {questions}
        <a href=next_url class="button" role="button" data-testid="save-and-continue">"Save and continue"</a>
    }
}
