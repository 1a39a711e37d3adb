//! One danger statement with its safety goal: both written side by side with gentle writing
//! help, who they are about, and their scale (0 the danger statement, 10 the safety goal).

use super::not_found::NotFound;
use super::planning::{child_choices, TrajectoryOf};
use crate::edit::planning::{edit_pair, pair_scale, remove_pair};
use crate::flow::writing_help::{danger_help, goal_help};
use crate::model::planning::StatementPair;
use crate::model::{ItemId, PersonId};
use crate::ui::router::{use_navigate, use_params_map};
use crate::ui::session::use_session;
use crate::ui::widgets::fields::{CheckboxGroup, TextArea, TextField};
use crate::ui::widgets::hints::Hints;
use crate::ui::widgets::scale::ScaleWidget;
use leptos::prelude::*;

/// The page at `/assessments/:id/planning/:pair`.
#[component]
pub fn PairPage() -> impl IntoView {
    let s = use_session();
    let params = use_params_map();
    let pair = Memo::new(move |_| params.read().get("pair").unwrap_or_default());
    move || {
        let found = ItemId::parse(&pair.get())
            .filter(|id| s.doc.read_untracked().planning.pair(id).is_some());
        match found {
            Some(id) => view! { <PairEditor id=id/> }.into_any(),
            None => view! { <NotFound/> }.into_any(),
        }
    }
}

#[component]
fn PairEditor(id: ItemId) -> impl IntoView {
    let s = use_session();
    let id = StoredValue::new(id);
    let navigate = use_navigate();
    let base = move || format!("/assessments/{}", s.doc.read().id);
    let get = move |f: fn(&StatementPair) -> String| {
        Signal::derive(move || {
            s.doc
                .read()
                .planning
                .pair(&id.get_value())
                .map(f)
                .unwrap_or_default()
        })
    };
    let number = move || {
        s.doc
            .read()
            .planning
            .number_of(&id.get_value())
            .unwrap_or_default()
    };
    let set = move |field: &'static str, f: fn(&mut StatementPair, String)| {
        Callback::new(move |v: String| {
            let label = format!("change “{field}” in danger statement {}", untrack(number));
            s.typing(label, format!("{field}:{}", id.get_value()), |a| {
                edit_pair(a, &id.get_value(), |p| f(p, v))
            })
        })
    };
    let scale_id = Memo::new(move |_| {
        s.doc
            .with(|a| pair_scale(a, &id.get_value()).map(|sc| sc.id.clone()))
            .unwrap_or_default()
    });
    let danger_hints = Signal::derive(move || {
        s.doc
            .read()
            .planning
            .pair(&id.get_value())
            .map(|p| danger_help(&p.danger))
            .unwrap_or_default()
    });
    let goal_hints = Signal::derive(move || {
        s.doc
            .read()
            .planning
            .pair(&id.get_value())
            .map(|p| goal_help(&p.goal))
            .unwrap_or_default()
    });
    let confirming = RwSignal::new(false);
    let remove = move |_| {
        if s.try_edit(
            format!("remove danger statement {}", untrack(number)),
            |a| remove_pair(a, &id.get_value()),
        ) {
            navigate(&format!("{}/planning", base()), Default::default());
        }
    };
    let choices = child_choices(&s.doc.read_untracked());
    view! {
        <a href=move || format!("{}/planning", base()) class="back-link">"Back to danger statements"</a>
        <span class="caption">"Signs of Safety"</span>
        <h1 class="heading-xl" data-testid="pair-title">{move || format!("Danger statement {} and its safety goal", number())}</h1>
        <crate::ui::widgets::mark_control::MarkControl target=crate::model::marks::Target::Pair { pair: id.get_value() } what="this danger statement, its goal and its scale"/>
        <div class="pair">
            <section class="pair__side" aria-labelledby="danger-heading">
                <h2 class="heading-l" id="danger-heading">"Danger statement"</h2>
                <TextField id="danger-who" label="Who is worried" hint="For example: Children's social care and Rowan's school are worried" value=get(|p| p.danger.who_is_worried.clone()) on_change=set("who is worried", |p, v| p.danger.who_is_worried = v)/>
                <TextArea id="danger-worry" label="About what" hint="What the adults do, in plain words the family would use. One worry for each statement." value=get(|p| p.danger.worry.clone()) on_change=set("about what", |p, v| p.danger.worry = v)/>
                <TextArea id="danger-might" label="What might happen to the children if nothing changes" value=get(|p| p.danger.might_happen.clone()) on_change=set("what might happen to the children if nothing changes", |p, v| p.danger.might_happen = v)/>
                <TextArea id="danger-impact" label="The impact on the children" value=get(|p| p.danger.impact.clone()) on_change=set("the impact on the children", |p, v| p.danger.impact = v)/>
                <TextArea id="danger-family" label="The family's own words for the worry" value=get(|p| p.danger.family_words.clone()) on_change=set("the family's own words for the worry", |p, v| p.danger.family_words = v)/>
                <TextArea id="danger-dispute" label="Where the family disagrees, what they say" value=get(|p| p.danger.dispute.clone()) on_change=set("where the family disagrees, what they say", |p, v| p.danger.dispute = v)/>
                <Hints hints=danger_hints testid="danger-help"/>
            </section>
            <section class="pair__side" aria-labelledby="goal-heading">
                <h2 class="heading-l" id="goal-heading">"Safety goal"</h2>
                <TextArea id="goal-will" label="What the caregivers will be doing instead" value=get(|p| p.goal.caregivers_will.clone()) on_change=set("what the caregivers will be doing instead", |p, v| p.goal.caregivers_will = v)/>
                <TextArea id="goal-child" label="What the children will experience" value=get(|p| p.goal.child_will_experience.clone()) on_change=set("what the children will experience", |p, v| p.goal.child_will_experience = v)/>
                <TextArea id="goal-see" label="What professionals will see" value=get(|p| p.goal.professionals_will_see.clone()) on_change=set("what professionals will see", |p, v| p.goal.professionals_will_see = v)/>
                <TextField id="goal-how-long" label="For how long, before the case can close" hint="For example: six months, through the school holidays." value=get(|p| p.goal.for_how_long.clone()) on_change=set("for how long, before the case can close", |p, v| p.goal.for_how_long = v) width_class="input--w30"/>
                <TextArea id="goal-family" label="The family's own words for the goal" value=get(|p| p.goal.family_words.clone()) on_change=set("the family's own words for the goal", |p, v| p.goal.family_words = v)/>
                <Hints hints=goal_hints testid="goal-help"/>
            </section>
        </div>
        <CheckboxGroup name="pair-children" legend="Which children is it about?" hint="Leave empty if it is about all of them (the sibling group)." choices=choices
            value=Signal::derive(move || s.doc.read().planning.pair(&id.get_value()).map(|p| p.about.children.iter().map(|c| c.to_string()).collect()).unwrap_or_default())
            on_change=Callback::new(move |v: Vec<String>| s.edit(format!("change which children danger statement {} is about", untrack(number)), |a| edit_pair(a, &id.get_value(), |p| p.about.children = v.iter().filter_map(|c| PersonId::parse(c)).collect())))/>
        <TextField id="pair-by" label="Written by" value=get(|p| p.about.written_by.clone()) on_change=set("written by", |p, v| p.about.written_by = v) width_class="input--w20"/>
        <h2 class="heading-l">"The scale"</h2>
        <p class="body">"0 is the danger statement; 10 is the safety goal. Where are things now?"</p>
        {move || view! { <ScaleWidget scale_id=scale_id.get()/> }}
        <div class="button-group">
            <a href=move || format!("{}/scales/{}", base(), scale_id.get()) class="button" role="button">"Rate on the scale: who and why"</a>
            <a href=move || format!("{}/scales/{}/present", base(), scale_id.get()) class="button button--secondary" role="button">"Present full screen"</a>
        </div>
        <TrajectoryOf pair=id.get_value()/>
        <details class="details">
            <summary class="details__summary">"Remove this danger statement"</summary>
            <div class="details__text">
                {move || if confirming.get() {
                    view! {
                        <p class="body">"The danger statement, its safety goal and its scale with every rating will be deleted. Rules of the safety plan stay, no longer linked to it."</p>
                        <div class="button-group">
                            <button type="button" class="button button--warning" on:click=remove.clone()>"Yes, remove it"</button>
                            <button type="button" class="button button--secondary" on:click=move |_| confirming.set(false)>"No, keep it"</button>
                        </div>
                    }.into_any()
                } else {
                    view! { <button type="button" class="button button--warning" on:click=move |_| confirming.set(true)>"Remove this danger statement"</button> }.into_any()
                }}
            </div>
        </details>
    }
}
