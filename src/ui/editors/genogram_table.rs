//! The genogram as a table beside the drawing: the same people and lines as rows, changed with
//! the same commands and undo, so a change in either shows in the other at once. It is the
//! alternative to dragging (WCAG 2.2, 2.5.7) and the quickest way to enter a big family.

use super::dispatch::Dispatcher;
use super::genogram_actions::{add_unconnected, edit_person};
use crate::diagram::genogram::commands::{parent_choice_of, parent_choices, plan, set_parents};
use crate::model::{Gender, ItemId, Person, PersonId};
use crate::ui::platform::random_bytes;
use crate::ui::session::use_session;
use leptos::prelude::*;

/// How many rows the table shows at a time.
const PAGE: usize = 30;

/// One row's controls, keyed by the person, so typing keeps focus while the document changes.
#[component]
fn Row(d: Dispatcher, pid: PersonId) -> impl IntoView {
    let s = use_session();
    let pid = StoredValue::new(pid);
    let person = move || s.doc.with(|a| a.person(&pid.get_value()).cloned());
    // The same edit as the panel's fields: typing in one field is one undo step.
    let edit =
        move |field: &'static str, f: Box<dyn FnOnce(&mut Person)>| edit_person(d, pid, field, f);
    let name = move || person().map(|p| p.display_name()).unwrap_or_default();
    let id = move |what: &str| format!("t-{what}-{}", pid.get_value());
    view! {
        <tr data-testid="table-row">
            <td data-label="First name">
                <label class="visually-hidden" for=id("given")>{move || format!("First name of {}", name())}</label>
                <input class="input input--w10" type="text" id=id("given") autocomplete="off"
                    prop:value=move || person().map(|p| p.given_name).unwrap_or_default()
                    on:input=move |ev| { let v = event_target_value(&ev); edit("name", Box::new(move |p| p.given_name = v)) }/>
            </td>
            <td data-label="Last name">
                <label class="visually-hidden" for=id("family")>{move || format!("Last name of {}", name())}</label>
                <input class="input input--w10" type="text" id=id("family") autocomplete="off"
                    prop:value=move || person().map(|p| p.family_name).unwrap_or_default()
                    on:input=move |ev| { let v = event_target_value(&ev); edit("name", Box::new(move |p| p.family_name = v)) }/>
            </td>
            <td data-label="Sex or gender">
                <label class="visually-hidden" for=id("sex")>{move || format!("Sex or gender of {}", name())}</label>
                <select class="select" id=id("sex")
                    prop:value=move || person().map(|p| p.gender.code().to_owned()).unwrap_or_default()
                    on:change=move |ev| { let v = event_target_value(&ev); edit("sex", Box::new(move |p| p.gender = Gender::from_code(&v).unwrap_or_default())) }>
                    {Gender::ALL.iter().map(|g| view! { <option value=g.code()>{g.label()}</option> }).collect_view()}
                </select>
            </td>
            <td data-label="Parents">
                <label class="visually-hidden" for=id("parents")>{move || format!("Parents of {}", name())}</label>
                <select class="select" id=id("parents")
                    prop:value=move || s.doc.with(|a| parent_choice_of(a, &pid.get_value()))
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        let cmd = s.doc.with_untracked(|a| set_parents(a, &pid.get_value(), &v, ItemId::from_random(random_bytes())));
                        if let Some(cmd) = cmd {
                            d.run(cmd.label(), |a| plan(a, &cmd));
                        }
                    }>
                    {move || s.doc.with(|a| parent_choices(a, &pid.get_value())).into_iter().map(|(code, words)| {
                        let selected = s.doc.with_untracked(|a| parent_choice_of(a, &pid.get_value())) == code;
                        view! { <option value=code selected=selected>{words}</option> }
                    }).collect_view()}
                </select>
            </td>
        </tr>
    }
}

/// The people on the genogram as rows, with "Add a person".
#[component]
pub fn GenogramTable(d: Dispatcher, selected: RwSignal<Option<PersonId>>) -> impl IntoView {
    let s = use_session();
    // Drawn only while open, and a page of rows at a time: a 500-person family's table would
    // otherwise weigh on every frame of the drawing.
    let open = RwSignal::new(false);
    let shown = RwSignal::new(PAGE);
    let all = Memo::new(move |_| {
        if !open.get() {
            return Vec::new();
        }
        s.doc.with(|a| {
            a.genogram
                .members
                .iter()
                .map(|m| m.person.clone())
                .collect::<Vec<_>>()
        })
    });
    let ids =
        Memo::new(move |_| all.with(|v| v.iter().take(shown.get()).cloned().collect::<Vec<_>>()));
    let more = move || all.with(|v| v.len()).saturating_sub(shown.get());
    let add = move |_| add_unconnected(d, selected);
    view! {
        <details class="details" data-testid="genogram-table" on:toggle=move |ev| {
            use wasm_bindgen::JsCast;
            if let Some(d) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok()) {
                open.set(d.open());
            }
        }>
            <summary class="details__summary">"The family as a table"</summary>
            <div class="details__text">
                <p class="body">"The same people and lines as the drawing: change them here or there, and Undo works for both."</p>
                <table class="table table--form">
                    <caption class="visually-hidden">"People on the genogram"</caption>
                    <thead><tr><th scope="col">"First name"</th><th scope="col">"Last name"</th><th scope="col">"Sex or gender"</th><th scope="col">"Parents"</th></tr></thead>
                    <tbody>
                        <For each=move || ids.get() key=|id| id.clone() let:pid>
                            <Row d=d pid=pid/>
                        </For>
                    </tbody>
                </table>
                {move || (more() > 0).then(|| view! {
                    <button type="button" class="button button--secondary" on:click=move |_| shown.update(|n| *n += PAGE)>
                        {format!("Show {} more ({} not shown)", PAGE.min(more()), more())}
                    </button>
                })}
                <button type="button" class="button button--secondary" on:click=add>"Add a person to the table"</button>
            </div>
        </details>
    }
}
