//! The scales of an assessment: each child's safety scale and any scale the worker adds.

use super::flow_common::profile_of;
use crate::model::scales::{spread, ScaleKind};
use crate::procedure::profile::ScaleWording;
use crate::ui::platform::random_bytes;
use crate::ui::router::use_navigate;
use crate::ui::session::use_session;
use leptos::prelude::*;

/// The page at `/assessments/:id/scales`.
#[component]
pub fn ScalesPage() -> impl IntoView {
    let s = use_session();
    let navigate = use_navigate();
    let base = move || format!("/assessments/{}", s.doc.read().id);
    let open_new = move |kind: ScaleKind, wording: ScaleWording| {
        let mut id = None;
        let made = s.try_edit("add a scale", |a| {
            id = a.add_scale(kind, &wording, random_bytes())
        });
        if let (true, Some(id)) = (made, id) {
            navigate(&format!("{}/scales/{id}", base()), Default::default());
        }
    };
    let open_child = open_new.clone();
    let children = move || {
        let a = s.doc.read();
        a.children()
            .map(|c| {
                let name = c.display_name();
                match a.safety_scale_of(&c.id) {
                    Some(sc) => {
                        let summary = match spread(&sc.markers) {
                            Some(sp) => sp.words(),
                            None => format!("{} people on the scale", sc.markers.iter().filter(|m| m.value.is_some()).count()),
                        };
                        view! {
                            <li class="task-list__item">
                                <div class="task-list__name">
                                    <a href=format!("{}/scales/{}", base(), sc.id) class="task-list__link">{format!("Safety scale: {name}")}</a>
                                    <div class="hint task-list__missing">{summary}</div>
                                </div>
                            </li>
                        }
                        .into_any()
                    }
                    None => {
                        let open = open_child.clone();
                        let child = c.id.clone();
                        view! {
                            <li class="task-list__item">
                                <div class="task-list__name"><span class="task-list__text">{format!("Safety scale: {name}")}</span></div>
                                <button type="button" class="button button--secondary button--small"
                                    on:click=move |_| open(ScaleKind::Safety { child: child.clone() }, profile_of(s).safety_scale.clone())>
                                    {format!("Start {name}'s safety scale")}
                                </button>
                            </li>
                        }
                        .into_any()
                    }
                }
            })
            .collect_view()
    };
    let custom = move || {
        let a = s.doc.read();
        a.scales
            .iter()
            .filter(|sc| sc.kind == ScaleKind::Custom)
            .map(|sc| (format!("{}/scales/{}", base(), sc.id), a.scale_title(sc)))
            .collect::<Vec<_>>()
            .into_iter()
            .map(|(href, title)| view! {
                <li class="task-list__item">
                    <div class="task-list__name"><a href=href class="task-list__link">{title}</a></div>
                </li>
            })
            .collect_view()
    };
    let pair_scales = move || {
        let a = s.doc.read();
        a.scales
            .iter()
            .filter(|sc| matches!(sc.kind, ScaleKind::Pair { .. }))
            .map(|sc| (format!("{}/scales/{}", base(), sc.id), a.scale_title(sc), sc.low_anchor.clone()))
            .collect::<Vec<_>>()
            .into_iter()
            .map(|(href, title, low)| view! {
                <li class="task-list__item">
                    <div class="task-list__name">
                        <a href=href class="task-list__link">{title}</a>
                        <div class="hint task-list__missing">{crate::model::planning::shorten(&low, 120)}</div>
                    </div>
                </li>
            })
            .collect_view()
    };
    let add_custom = move |_| {
        open_new(
            ScaleKind::Custom,
            ScaleWording {
                question: String::new(),
                low_anchor: "Not at all".into(),
                high_anchor: "Completely".into(),
            },
        )
    };
    view! {
        <a href=base class="back-link">"Back to overview"</a>
        <h1 class="heading-xl">"Scales"</h1>
        <p class="body">"Several people place their number on the same scale, each with their reason. The differences are the conversation."</p>
        <h2 class="heading-l">"Safety scales"</h2>
        <ul class="task-list" data-testid="safety-scales">{children}</ul>
        <h2 class="heading-l">"Danger statements and safety goals"</h2>
        <ul class="task-list" data-testid="pair-scales">{pair_scales}</ul>
        <p class="body"><a href=move || format!("{}/planning", base()) class="link">"Write danger statements and safety goals"</a>" (each comes with its scale)."</p>
        <h2 class="heading-l">"Other scales"</h2>
        <p class="body">"For example: how confident are you that things will change? How willing is each parent to work with us?"</p>
        <ul class="task-list">{custom}</ul>
        <button type="button" class="button button--secondary" on:click=add_custom>"Add a scale"</button>
    }
}
