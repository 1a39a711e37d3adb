//! "Add a relative picks or creates": asking for Maria's mother first offers the people already
//! in the register who could be her (with enough words to tell two of one name apart), then
//! "someone new". The choice is a genogram command like any other, with its undo.

use super::dispatch::Dispatcher;
use super::genogram_actions::add_relative;
use crate::diagram::genogram::candidates::candidates;
use crate::diagram::genogram::commands::{plan, Command, Relation};
use crate::model::{Gender, ItemId, Person, PersonId};
use crate::ui::platform::random_bytes;
use crate::ui::session::use_session;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A relative being asked for: of whom, what kind, and the words for it ("mother").
#[derive(Clone, Debug, PartialEq)]
pub struct Ask {
    pub of: PersonId,
    pub relation: Relation,
    pub gender: Gender,
    pub words: &'static str,
}

/// The relative being asked for on the genogram page, shared by the panel and the keyboard.
#[derive(Clone, Copy)]
pub struct Asking(pub RwSignal<Option<Ask>>);

/// Starts adding a relative: with nobody in the register who fits, adds someone new at once;
/// otherwise asks who it is.
pub fn ask_relative(d: Dispatcher, selected: RwSignal<Option<PersonId>>, ask: Ask) {
    let s = use_session();
    let fits = s
        .doc
        .with_untracked(|a| candidates(a, &ask.of, &ask.relation, ask.gender));
    match use_context::<Asking>() {
        Some(Asking(asking)) if !fits.is_empty() => asking.set(Some(ask)),
        _ => add_relative(d, selected, ask.of, ask.relation, ask.gender),
    }
}

/// The question "Who is Maria's mother?", with the people who fit and "Someone new".
#[component]
pub fn RelativePicker(d: Dispatcher, selected: RwSignal<Option<PersonId>>) -> impl IntoView {
    let s = use_session();
    let Asking(asking) = expect_context::<Asking>();
    // The question takes focus, so the keyboard shortcut (M, F, P…) leads straight to it.
    let node = NodeRef::<leptos::html::Div>::new();
    Effect::new(move || {
        if asking.get().is_none() {
            return;
        }
        let first = node
            .get()
            .and_then(|el| el.query_selector("button").ok().flatten());
        if let Some(b) = first.and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = b.focus();
        }
    });
    move || {
        let ask = asking.get()?;
        let (name, fits) = s.doc.with(|a| {
            (
                a.person(&ask.of)
                    .map(Person::display_name)
                    .unwrap_or_default(),
                candidates(a, &ask.of, &ask.relation, ask.gender),
            )
        });
        let connect = {
            let ask = ask.clone();
            move |person: PersonId| {
                let cmd = Command::Connect {
                    of: ask.of.clone(),
                    relation: ask.relation.clone(),
                    person: person.clone(),
                    link: ItemId::from_random(random_bytes()),
                    second: ItemId::from_random(random_bytes()),
                };
                if d.run(cmd.label(), |a| plan(a, &cmd)) {
                    selected.set(Some(person));
                }
                asking.set(None);
            }
        };
        let options = fits
            .into_iter()
            .map(|c| {
                let connect = connect.clone();
                view! {
                    <li><button type="button" class="button button--secondary picker__option" data-testid="pick-existing"
                        on:click=move |_| connect(c.person.clone())>{c.words}</button></li>
                }
            })
            .collect_view();
        let new_one = {
            let ask = ask.clone();
            move |_| {
                asking.set(None);
                add_relative(
                    d,
                    selected,
                    ask.of.clone(),
                    ask.relation.clone(),
                    ask.gender,
                );
            }
        };
        Some(view! {
            <div class="picker" role="group" aria-labelledby="picker-title" data-testid="relative-picker" node_ref=node>
                <h3 class="heading-s" id="picker-title">{format!("Who is {name}'s {}?", ask.words)}</h3>
                <p class="hint">"Choose someone already in the people register, so they are not entered twice."</p>
                <ul class="picker__list">{options}</ul>
                <div class="button-group">
                    <button type="button" class="button" data-testid="pick-new" on:click=new_one>"Someone new"</button>
                    <button type="button" class="button button--secondary" on:click=move |_| asking.set(None)>"Cancel"</button>
                </div>
            </div>
        })
    }
}
