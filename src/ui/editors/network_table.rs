//! The network map as a table beside the drawing: each entry's closeness, part of the child's
//! world, connection and safety network as rows, changed with the map's own commands and undo
//! (the alternative to dragging between circles).

use super::dispatch::Dispatcher;
use crate::diagram::network::commands::{plan, Command};
use crate::diagram::network::render::entry_name;
use crate::diagram::network::render::map_of;
use crate::diagram::network::{Category, Connection, NetworkMember};
use crate::model::ItemId;
use crate::ui::session::use_session;
use leptos::prelude::*;

#[component]
fn Row(d: Dispatcher, id: ItemId) -> impl IntoView {
    let s = use_session();
    let id = StoredValue::new(id);
    let entry = move || {
        s.doc.with(|a| {
            map_of(a, &s.network_for.get())
                .member(&id.get_value())
                .cloned()
        })
    };
    let name = move || {
        s.doc.with(|a| {
            map_of(a, &s.network_for.get())
                .member(&id.get_value())
                .map(|m| entry_name(a, m))
                .unwrap_or_default()
        })
    };
    let set = move |f: Box<dyn FnOnce(&mut NetworkMember)>| {
        let Some(mut m) = s.doc.with_untracked(|a| {
            map_of(a, &s.network_for.get_untracked())
                .member(&id.get_value())
                .cloned()
        }) else {
            return;
        };
        f(&mut m);
        let cmd = Command::Set(m);
        d.run(cmd.label(), |a| {
            plan(a, &s.network_for.get_untracked(), &cmd)
        });
    };
    let control = move |what: &str| format!("nt-{what}-{}", id.get_value());
    view! {
        <tr data-testid="network-row">
            <th scope="row" data-label="Name">{name}</th>
            <td data-label="How close">
                <label class="visually-hidden" for=control("circle")>{move || format!("How close {} is", name())}</label>
                <select class="select" id=control("circle")
                    prop:value=move || entry().map(|m| m.circle.to_string()).unwrap_or_default()
                    on:change=move |ev| {
                        let circle = event_target_value(&ev).parse().unwrap_or(0);
                        let angle = s.doc.with_untracked(|a| crate::diagram::network::commands::free_angle(&map_of(a, &s.network_for.get_untracked()), circle));
                        let cmd = Command::Move { id: id.get_value(), circle, angle };
                        d.run(cmd.label(), |a| plan(a, &s.network_for.get_untracked(), &cmd));
                    }>
                    {move || s.doc.with(|a| map_of(a, &s.network_for.get()).circles.clone()).into_iter().enumerate().map(|(i, l)| {
                        let chosen = entry().is_some_and(|m| usize::from(m.circle) == i);
                        view! { <option value=i.to_string() selected=chosen>{l}</option> }
                    }).collect_view()}
                </select>
            </td>
            <td data-label="Part of the child's world">
                <label class="visually-hidden" for=control("category")>{move || format!("Part of the child's world: {}", name())}</label>
                <select class="select" id=control("category")
                    prop:value=move || entry().map(|m| m.category.code().to_owned()).unwrap_or_default()
                    on:change=move |ev| { let v = event_target_value(&ev); set(Box::new(move |m| m.category = Category::from_code(&v).unwrap_or(Category::Family))) }>
                    {Category::ALL.iter().map(|c| view! { <option value=c.code()>{c.label()}</option> }).collect_view()}
                </select>
            </td>
            <td data-label="Connection">
                <label class="visually-hidden" for=control("connection")>{move || format!("Connection with {}", name())}</label>
                <select class="select" id=control("connection")
                    prop:value=move || entry().map(|m| m.connection.code().to_owned()).unwrap_or_default()
                    on:change=move |ev| { let v = event_target_value(&ev); set(Box::new(move |m| m.connection = Connection::from_code(&v).unwrap_or(Connection::Moderate))) }>
                    {Connection::ALL.iter().map(|c| view! { <option value=c.code()>{c.label()}</option> }).collect_view()}
                </select>
            </td>
            <td data-label="Safety network">
                <div class="checkboxes__item checkboxes--small">
                    <input class="checkboxes__input" type="checkbox" id=control("safety")
                        prop:checked=move || entry().is_some_and(|m| m.safety_network)
                        on:change=move |ev| { let v = event_target_checked(&ev); set(Box::new(move |m| m.safety_network = v)) }/>
                    <label class="label checkboxes__label" for=control("safety")>{move || format!("{} is in the safety network", name())}</label>
                </div>
            </td>
        </tr>
    }
}

/// Every entry on the map as a row.
#[component]
pub fn NetworkTable(d: Dispatcher) -> impl IntoView {
    let s = use_session();
    // Drawn only while open, so a big map's table does not weigh on the drawing.
    let open = RwSignal::new(false);
    let ids = Memo::new(move |_| {
        if !open.get() {
            return Vec::new();
        }
        s.doc.with(|a| {
            map_of(a, &s.network_for.get())
                .members
                .iter()
                .map(|m| m.id.clone())
                .collect::<Vec<_>>()
        })
    });
    view! {
        <details class="details" data-testid="network-table" on:toggle=move |ev| {
            use wasm_bindgen::JsCast;
            if let Some(d) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok()) {
                open.set(d.open());
            }
        }>
            <summary class="details__summary">"The map as a table"</summary>
            <div class="details__text">
                <p class="body">"The same people and organisations as the map: change them here or there, and Undo works for both."</p>
                <table class="table table--form">
                    <caption class="visually-hidden">"Everyone on the network map"</caption>
                    <thead><tr><th scope="col">"Name"</th><th scope="col">"How close"</th><th scope="col">"Part of the child's world"</th><th scope="col">"Connection"</th><th scope="col">"Safety network"</th></tr></thead>
                    <tbody>
                        <For each=move || ids.get() key=|id| id.clone() let:id>
                            <Row d=d id=id/>
                        </For>
                    </tbody>
                </table>
            </div>
        </details>
    }
}
