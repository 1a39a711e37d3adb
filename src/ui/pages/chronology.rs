//! The chronology: dated significant events, sorted, filterable by child, edited in place.

use crate::flow::CHRONOLOGY;
use crate::model::chronology::sorted;
use crate::model::{ChronologyEntry, PersonId};
use crate::ui::platform::{long_date, random_bytes};
use crate::ui::session::use_session;
use crate::ui::widgets::fields::{
    CheckboxGroup, Choice, DateField, RadioGroup, TextArea, TextField,
};
use crate::ui::widgets::section_footer::SectionFooter;
use chrono::NaiveDate;
use leptos::prelude::*;

/// The page at `/assessments/:id/chronology`.
#[component]
pub fn ChronologyPage() -> impl IntoView {
    let s = use_session();
    let filter = RwSignal::new("all".to_owned());
    let editing = RwSignal::new(None::<String>);
    let overview = move || format!("/assessments/{}", s.doc.read().id);
    let filter_choices = move || {
        let mut c = vec![Choice::new("all", "All children")];
        c.extend(
            s.doc
                .read()
                .children()
                .map(|p| Choice::new(p.id.as_str(), &p.display_name())),
        );
        c
    };
    let add = move |_| {
        let mut id = None;
        if s.try_edit("add an event to the chronology", |a| {
            id = Some(a.add_event(random_bytes()))
        }) {
            editing.set(id);
        }
    };
    let rows = move || {
        let a = s.doc.read();
        let f = filter.get();
        let child = PersonId::parse(&f);
        let list: Vec<ChronologyEntry> = sorted(&a.chronology)
            .into_iter()
            .filter(|e| child.as_ref().is_none_or(|c| e.concerns(c)))
            .cloned()
            .collect();
        if list.is_empty() {
            return view! { <p class="body" data-testid="chronology-empty">"No events recorded yet."</p> }.into_any();
        }
        list.into_iter()
            .map(|e| {
                let id = e.id.clone();
                let concerns = if e.children.is_empty() {
                    "All children".to_owned()
                } else {
                    e.children.iter().filter_map(|c| a.person(c)).map(|p| p.display_name()).collect::<Vec<_>>().join(", ")
                };
                let date = e.date.map(long_date).unwrap_or_else(|| "Date not recorded".into());
                let title = if e.what.is_empty() { "New event".to_owned() } else { e.what.clone() };
                let id_edit = id.clone();
                view! {
                    <section class="card" aria-label=format!("{date}: {title}") data-testid="chronology-entry">
                        <div class="card__header">
                            <h3 class="card__title">{format!("{date}: {title}")}</h3>
                            <button type="button" class="link-button" aria-label=format!("Change event {title}")
                                on:click=move |_| editing.set(Some(id_edit.clone()))>"Change"</button>
                        </div>
                        <crate::ui::widgets::mark_control::MarkControl target=crate::model::marks::Target::Chronology { entry: id.clone() } what="this entry"/>
                        <dl class="summary-list summary-list--card">
                            <div class="summary-list__row"><dt class="summary-list__key">"Source"</dt><dd class="summary-list__value">{e.source.clone()}</dd></div>
                            <div class="summary-list__row"><dt class="summary-list__key">"Significance"</dt><dd class="summary-list__value">{e.significance.clone()}</dd></div>
                            <div class="summary-list__row"><dt class="summary-list__key">"Concerns"</dt><dd class="summary-list__value">{concerns}</dd></div>
                        </dl>
                    </section>
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <a href=overview class="back-link">"Back to overview"</a>
        <h1 class="heading-xl">"Chronology"</h1>
        <p class="body">"Significant events in the family's history, with where the information came from and why it matters. The parents' own history belongs here too."</p>
        {move || match editing.get() {
            Some(id) => view! { <EntryForm id=id on_done=Callback::new(move |_| editing.set(None))/> }.into_any(),
            None => view! {
                <button type="button" class="button button--secondary" on:click=add>"Add an event"</button>
                <RadioGroup name="chronology-filter" legend="Show events for" choices=filter_choices() inline=true
                    value=filter on_change=Callback::new(move |v| filter.set(v))/>
                {rows}
            }.into_any(),
        }}
        <SectionFooter section=CHRONOLOGY.to_owned()/>
    }
}

#[component]
fn EntryForm(id: String, on_done: Callback<()>) -> impl IntoView {
    let s = use_session();
    let id = StoredValue::new(id);
    let get = move |f: fn(&ChronologyEntry) -> String| {
        Signal::derive(move || {
            s.doc
                .read()
                .chronology
                .iter()
                .find(|e| e.id == id.get_value())
                .map(f)
                .unwrap_or_default()
        })
    };
    // "the event “Seen at school”", for Undo's label.
    let this_event = move || {
        let what = s.doc.with_untracked(|a| {
            a.chronology
                .iter()
                .find(|e| e.id == id.get_value())
                .map(|e| e.what.trim().to_owned())
                .unwrap_or_default()
        });
        if what.is_empty() {
            "an event".to_owned()
        } else {
            format!("the event “{what}”")
        }
    };
    let set = move |field: &'static str, f: fn(&mut ChronologyEntry, String)| {
        Callback::new(move |v: String| {
            let key = format!("{field}:{}", id.get_value());
            s.typing(format!("change {field} of {}", this_event()), key, |a| {
                if let Some(e) = a.chronology.iter_mut().find(|e| e.id == id.get_value()) {
                    f(e, v)
                }
            })
        })
    };
    let children: Vec<Choice> = s
        .doc
        .read_untracked()
        .children()
        .map(|p| Choice::new(p.id.as_str(), &p.display_name()))
        .collect();
    view! {
        <div class="panel" data-testid="chronology-form">
            <h2 class="heading-m">"Event"</h2>
            // Who may read it, before anything is written down: a disclosure is marked as it is recorded.
            <crate::ui::widgets::mark_control::MarkControl target=crate::model::marks::Target::Chronology { entry: id.get_value() } what="this event"/>
            <DateField id="event-date" label="Date"
                value=Signal::derive(move || s.doc.read().chronology.iter().find(|e| e.id == id.get_value()).and_then(|e| e.date))
                on_change=Callback::new(move |d: Option<NaiveDate>| s.edit(format!("change the date of {}", this_event()), |a| if let Some(e) = a.chronology.iter_mut().find(|e| e.id == id.get_value()) { e.date = d }))/>
            <TextField id="event-what" label="What happened" value=get(|e| e.what.clone()) on_change=set("what happened", |e, v| e.what = v) width_class="input--w30"/>
            <TextField id="event-source" label="Source of the information" hint="For example: police record, school, the mother, previous assessment."
                value=get(|e| e.source.clone()) on_change=set("the source", |e, v| e.source = v) width_class="input--w30"/>
            <TextArea id="event-significance" label="Significance for the child" value=get(|e| e.significance.clone()) on_change=set("the significance", |e, v| e.significance = v)/>
            <CheckboxGroup name="event-children" legend="Which children does it concern?" hint="Leave empty if it concerns all of them." choices=children
                value=Signal::derive(move || s.doc.read().chronology.iter().find(|e| e.id == id.get_value()).map(|e| e.children.iter().map(|c| c.to_string()).collect()).unwrap_or_default())
                on_change=Callback::new(move |v: Vec<String>| s.edit(format!("change which children {} concerns", this_event()), |a| if let Some(e) = a.chronology.iter_mut().find(|e| e.id == id.get_value()) { e.children = v.iter().filter_map(|c| PersonId::parse(c)).collect() }))/>
            <div class="button-group">
                <button type="button" class="button" on:click=move |_| on_done.run(())>"Done"</button>
                <button type="button" class="button button--warning" on:click=move |_| { s.edit(format!("delete {}", this_event()), |a| a.chronology.retain(|e| e.id != id.get_value())); on_done.run(()) }>"Delete this event"</button>
            </div>
        </div>
    }
}
