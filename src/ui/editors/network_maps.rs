//! Choosing whose network map is drawn: the sibling group's, or one child's own, started empty
//! or from the group's map; and taking a child's own map away (undoable like any other change).

use super::dispatch::Dispatcher;
use crate::diagram::network::commands::{child_map, plan, Command};
use crate::model::network::MapFor;
use crate::model::{Assessment, ItemId, Person, PersonId};
use crate::ui::platform::random_bytes;
use crate::ui::session::use_session;
use crate::ui::widgets::fields::SelectField;
use leptos::prelude::*;

const GROUP: &str = "group";

/// The choices of map: the group's first, then each child being assessed.
fn choices(a: &Assessment) -> Vec<(String, String)> {
    let mut out = vec![(GROUP.to_owned(), "All the children together".to_owned())];
    out.extend(a.children().map(|c| {
        let started = if a.map(&Some(c.id.clone())).is_some() {
            ""
        } else {
            " (not started)"
        };
        (
            c.id.to_string(),
            format!("{}'s own map{started}", c.display_name()),
        )
    }));
    out
}

fn child_name(a: &Assessment, which: &MapFor) -> String {
    which
        .as_ref()
        .and_then(|c| a.person(c))
        .map(Person::display_name)
        .unwrap_or_default()
}

/// "Whose map", shown once there is more than one child (or a child's map already).
#[component]
pub fn WhoseMap(d: Dispatcher) -> impl IntoView {
    let s = use_session();
    // A child removed from the register (or no longer assessed) takes their map choice with
    // them: the editor falls back to the group's map.
    Effect::new(move || {
        let which = s.network_for.get();
        if let Some(c) = &which {
            if !s.doc.with(|a| a.children().any(|p| &p.id == c)) {
                s.network_for.set(None);
            }
        }
    });
    let shown = move || {
        s.doc
            .with(|a| a.children().count() > 1 || !a.child_networks.is_empty())
    };
    let value = Signal::derive(move || {
        s.network_for
            .get()
            .map_or_else(|| GROUP.to_owned(), |c| c.to_string())
    });
    let remove = move |_| {
        let Some(child) = s.network_for.get_untracked() else {
            return;
        };
        let cmd = Command::RemoveMap(child);
        if d.run(cmd.label(), |a| plan(a, &None, &cmd)) {
            s.network_for.set(None);
        }
    };
    move || {
        shown().then(|| {
            let own = s
                .network_for
                .get()
                .filter(|c| s.doc.with(|a| a.map(&Some(c.clone())).is_some()));
            view! {
                <div class="whose-map" data-testid="whose-map">
                    <SelectField id="nm-whose" label="Whose map"
                        options=Signal::derive(move || s.doc.with(choices)) value=value
                        on_change=Callback::new(move |v: String| s.network_for.set(PersonId::parse(&v)))/>
                    {own.map(|c| {
                        let name = s.doc.with_untracked(|a| child_name(a, &Some(c)));
                        view! {
                            <button type="button" class="button button--secondary button--small" on:click=remove>
                                {format!("Remove {name}'s own map")}
                            </button>
                        }
                    })}
                </div>
            }
        })
    }
}

/// Offered in place of the drawing when the chosen child has no map of their own yet.
#[component]
pub fn StartMap(d: Dispatcher) -> impl IntoView {
    let s = use_session();
    let name = move || s.doc.with(|a| child_name(a, &s.network_for.get()));
    let start = move |from_group: bool| {
        let Some(child) = s.network_for.get_untracked() else {
            return;
        };
        let made = s.doc.with_untracked(|a| {
            child_map(
                a,
                &child,
                from_group,
                || ItemId::from_random(random_bytes()),
            )
        });
        let cmd = Command::StartMap(made);
        d.run(cmd.label(), |a| plan(a, &None, &cmd));
    };
    let group_has_people = move || s.doc.with(|a| !a.network.members.is_empty());
    view! {
        <div class="start-map" data-testid="start-map">
            <h2 class="heading-m">{move || format!("{} has no map of their own yet", name())}</h2>
            <p class="body">"A child's own map has them alone at the centre. People can sit closer or further than on the children's map, and the child has their own safety network."</p>
            <div class="button-group">
                {move || group_has_people().then(|| view! {
                    <button type="button" class="button" on:click=move |_| start(true)>
                        "Start from the children's map"
                    </button>
                })}
                <button type="button" class="button button--secondary" on:click=move |_| start(false)>
                    "Start an empty map"
                </button>
            </div>
        </div>
    }
}
