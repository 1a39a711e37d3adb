//! The network map editor's panels: quick entry, people from the register, the selected
//! entry's details, the circles, the safety-network list and the key.

use super::dispatch::Dispatcher;
use crate::diagram::genogram::candidates::describe as describe_drawn;
use crate::diagram::network::commands::{
    free_angle, map_matches, plan, register_matches, typed_name, Command, Typed,
};
use crate::diagram::network::render::map_of;
use crate::diagram::network::render::{category_shape, entry_name, entry_role};
use crate::diagram::network::{
    Attend, Category, Connection, NetworkMember, OrgKind, Support, Who, MAX_CIRCLES, MIN_CIRCLES,
};
use crate::diagram::svg::Svg;
use crate::model::network::MapFor;
use crate::model::{Assessment, ItemId, Person, PersonRole};
use crate::ui::platform::random_bytes;
use crate::ui::session::use_session;
use crate::ui::widgets::fields::{
    coded_options as coded, Checkbox, SelectField, TextArea, TextField,
};
use leptos::prelude::*;

fn circle_options(a: &Assessment, which: &MapFor) -> Vec<(String, String)> {
    map_of(a, which)
        .circles
        .iter()
        .enumerate()
        .map(|(i, l)| (i.to_string(), l.clone()))
        .collect()
}

/// "Rita Oldham: family member, 68, Grandmother" (without the genogram's words).
fn describe_person(a: &crate::model::Assessment, p: &Person) -> String {
    let words = describe_drawn(a, p, false);
    words
        .trim_end_matches(", not on the genogram yet")
        .to_owned()
}

/// What is typed and chosen in the quick entry, kept by the editor so that closing the drawer
/// (or the drawer's contents being made again) never loses a half-typed name.
#[derive(Clone, Copy)]
pub struct QuickDraft {
    name: RwSignal<String>,
    category: RwSignal<String>,
    circle: RwSignal<String>,
    organisation: RwSignal<bool>,
    org_kind: RwSignal<String>,
}

impl Default for QuickDraft {
    fn default() -> Self {
        Self {
            name: RwSignal::new(String::new()),
            category: RwSignal::new(Category::Family.code().to_owned()),
            circle: RwSignal::new("0".to_owned()),
            organisation: RwSignal::new(false),
            org_kind: RwSignal::new(OrgKind::School.code().to_owned()),
        }
    }
}

/// Type a name, press Enter, type the next: each appears on the map.
#[component]
pub fn QuickEntry(
    d: Dispatcher,
    selected: RwSignal<Option<ItemId>>,
    draft: QuickDraft,
) -> impl IntoView {
    let s = use_session();
    let QuickDraft {
        name,
        category,
        circle,
        organisation,
        org_kind,
    } = draft;
    let added = RwSignal::new(None::<String>);
    let problem = RwSignal::new(None::<String>);
    let input = NodeRef::<leptos::html::Input>::new();
    let after_adding = move |words: String, id: ItemId| {
        added.set(Some(words));
        name.set(String::new());
        selected.set(Some(id));
        if let Some(i) = input.get_untracked() {
            i.set_value("");
            let _ = i.focus();
        }
    };
    // Someone already in the register, put on the map where quick entry would put them.
    let place = move |pid: crate::model::PersonId| {
        let cat = Category::from_code(&category.get_untracked()).unwrap_or(Category::Family);
        let c: u8 = circle.get_untracked().parse().unwrap_or(0);
        let (member, who) = s.doc.with_untracked(|a| {
            (
                NetworkMember::new(
                    ItemId::from_random(random_bytes()),
                    Who::Person {
                        person: pid.clone(),
                    },
                    cat,
                    c,
                    free_angle(&map_of(a, &s.network_for.get_untracked()), c),
                ),
                a.person(&pid).map(Person::display_name).unwrap_or_default(),
            )
        });
        let id = member.id.clone();
        let cmd = Command::Add {
            member,
            person: None,
        };
        if d.run(cmd.label(), |a| {
            plan(a, &s.network_for.get_untracked(), &cmd)
        }) {
            after_adding(format!("Added {who} to the map."), id);
        }
    };
    // People on the map already whose name starts with what is typed: shown, not added again.
    let on_map = move || {
        let typed = name.get();
        if organisation.get() {
            return Vec::new();
        }
        s.doc.with(|a| {
            map_matches(a, &s.network_for.get(), &typed)
                .into_iter()
                .take(3)
                .filter_map(|(entry, id)| Some((entry, a.person(&id)?.display_name())))
                .collect::<Vec<_>>()
        })
    };
    let suggestions = move || {
        let typed = name.get();
        if organisation.get() {
            return Vec::new();
        }
        s.doc.with(|a| {
            register_matches(a, &s.network_for.get(), &typed)
                .into_iter()
                .take(5)
                .filter_map(|id| {
                    let p = a.person(&id)?;
                    Some((id, describe_person(a, p)))
                })
                .collect::<Vec<_>>()
        })
    };
    let submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        let typed = name.get_untracked();
        if typed.trim().is_empty() {
            problem.set(Some("Enter a name".into()));
            return;
        }
        problem.set(None);
        let cat = Category::from_code(&category.get_untracked()).unwrap_or(Category::Family);
        let c: u8 = circle.get_untracked().parse().unwrap_or(0);
        // The exact name of someone in the register is them: placed, or shown if they are on
        // the map already; never a second record.
        if !organisation.get_untracked() {
            let meant = s
                .doc
                .with_untracked(|a| typed_name(a, &s.network_for.get_untracked(), &typed));
            match meant {
                Typed::OnMap(entry, pid) => {
                    let who = s
                        .doc
                        .with_untracked(|a| a.person(&pid).map(Person::display_name));
                    let who = who.unwrap_or_default();
                    after_adding(format!("{who} is already on the map: shown."), entry);
                    return;
                }
                Typed::InRegister(pid) => {
                    place(pid);
                    return;
                }
                Typed::New => {}
            }
        }
        let (member, person) = s.doc.with_untracked(|a| {
            let id = ItemId::from_random(random_bytes());
            let angle = free_angle(&map_of(a, &s.network_for.get_untracked()), c);
            if organisation.get_untracked() {
                let kind = OrgKind::from_code(&org_kind.get_untracked()).unwrap_or(OrgKind::Other);
                (
                    NetworkMember::new(
                        id,
                        Who::Organisation {
                            name: typed.trim().to_owned(),
                            organisation: kind,
                        },
                        cat,
                        c,
                        angle,
                    ),
                    None,
                )
            } else {
                let mut p = Person::new(a.fresh_person_id(random_bytes), cat.register_role());
                p.set_name_typed(&typed);
                (
                    NetworkMember::new(
                        id,
                        Who::Person {
                            person: p.id.clone(),
                        },
                        cat,
                        c,
                        angle,
                    ),
                    Some(p),
                )
            }
        });
        let id = member.id.clone();
        let cmd = Command::Add { member, person };
        if d.run(cmd.label(), |a| {
            plan(a, &s.network_for.get_untracked(), &cmd)
        }) {
            after_adding(format!("Added {} to the map.", typed.trim()), id);
        }
    };
    view! {
        <form class="quick-entry" on:submit=submit novalidate data-testid="quick-entry">
            <h2 class="heading-m">"Add people quickly"</h2>
            <div class="quick-entry__row">
                <div class="form-group">
                    <label class="label" for="qe-name">"Name"</label>
                    <div class="hint" id="qe-name-hint">"Press Enter to add, then type the next name."</div>
                    {move || problem.get().map(|p| view! { <p class="error-message" id="qe-name-error">"Error: "{p}</p> })}
                    <input class="input input--w20" id="qe-name" type="text" autocomplete="off" node_ref=input
                        aria-describedby="qe-name-hint"
                        prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
                    {move || {
                        let list = on_map();
                        (!list.is_empty()).then(|| view! {
                            <div class="suggestions" data-testid="on-map-suggestions">
                                <p class="hint">"Already on the map:"</p>
                                <ul class="picker__list">
                                    {list.into_iter().map(|(entry, who)| view! {
                                        <li><button type="button" class="button button--secondary picker__option"
                                            on:click=move |_| after_adding(format!("{who} is already on the map: shown."), entry.clone())>{format!("Show {who}")}</button></li>
                                    }).collect_view()}
                                </ul>
                            </div>
                        })
                    }}
                    {move || {
                        let list = suggestions();
                        (!list.is_empty()).then(|| view! {
                            <div class="suggestions" data-testid="register-suggestions">
                                <p class="hint">"Already in the people register (Enter on the exact name places them):"</p>
                                <ul class="picker__list">
                                    {list.into_iter().map(|(id, words)| view! {
                                        <li><button type="button" class="button button--secondary picker__option"
                                            on:click=move |_| place(id.clone())>{format!("Put {words} on the map")}</button></li>
                                    }).collect_view()}
                                </ul>
                            </div>
                        })
                    }}
                </div>
                <SelectField id="qe-category" label="Part of the child's world" options=Signal::derive(|| coded(Category::ALL, Category::code, Category::label))
                    value=Signal::derive(move || category.get()) on_change=Callback::new(move |v| category.set(v))/>
                <SelectField id="qe-circle" label="How close" options=Signal::derive(move || s.doc.with(|a| circle_options(a, &s.network_for.get())))
                    value=Signal::derive(move || circle.get()) on_change=Callback::new(move |v| circle.set(v))/>
            </div>
            <Checkbox id="qe-org" label="This is an organisation, not a person" checked=Signal::derive(move || organisation.get())
                on_change=Callback::new(move |v| organisation.set(v))/>
            {move || organisation.get().then(|| view! {
                <SelectField id="qe-org-kind" label="Kind of organisation" options=Signal::derive(|| coded(OrgKind::ALL, OrgKind::code, OrgKind::label))
                    value=Signal::derive(move || org_kind.get()) on_change=Callback::new(move |v| org_kind.set(v))/>
            })}
            <button type="submit" class="button">"Add to the map"</button>
            <p class="visually-hidden" role="status" aria-live="polite">{move || added.get()}</p>
        </form>
    }
}

/// Puts people already in the register on the map.
#[component]
pub fn AddFromRegister(d: Dispatcher, selected: RwSignal<Option<ItemId>>) -> impl IntoView {
    let s = use_session();
    let missing = Signal::derive(move || {
        s.doc.with(|a| {
            a.others()
                .filter(|p| map_of(a, &s.network_for.get()).entry_for(&p.id).is_none())
                .map(|p| (p.id.to_string(), p.display_name()))
                .collect::<Vec<_>>()
        })
    });
    let choice = RwSignal::new(String::new());
    let add = move |_| {
        let pick = crate::model::PersonId::parse(&choice.get_untracked()).or_else(|| {
            missing
                .get_untracked()
                .first()
                .and_then(|m| crate::model::PersonId::parse(&m.0))
        });
        let Some(pid) = pick else { return };
        let member = s.doc.with_untracked(|a| {
            let cat = match a.person(&pid).map(|p| p.role) {
                Some(PersonRole::Professional) => Category::Professional,
                Some(PersonRole::OtherSignificant) => Category::Community,
                _ => Category::Family,
            };
            NetworkMember::new(
                ItemId::from_random(random_bytes()),
                Who::Person {
                    person: pid.clone(),
                },
                cat,
                0,
                free_angle(&map_of(a, &s.network_for.get_untracked()), 0),
            )
        });
        let id = member.id.clone();
        let cmd = Command::Add {
            member,
            person: None,
        };
        if d.run(cmd.label(), |a| {
            plan(a, &s.network_for.get_untracked(), &cmd)
        }) {
            selected.set(Some(id));
        }
    };
    move || {
        (!missing.get().is_empty()).then(|| view! {
        <details class="details">
            <summary class="details__summary">"Add someone already in the people register"</summary>
            <div class="details__text">
                <SelectField id="nm-register" label="Person" options=missing value=Signal::derive(move || choice.get()) on_change=Callback::new(move |v| choice.set(v))/>
                <button type="button" class="button button--secondary" on:click=add>"Add to the map"</button>
            </div>
        </details>
    })
    }
}

/// The selected entry's details.
#[component]
pub fn EntryPanel(d: Dispatcher, selected: RwSignal<Option<ItemId>>) -> impl IntoView {
    let s = use_session();
    move || {
        match selected.get() {
        Some(id) if s.doc.with_untracked(|a| map_of(a, &s.network_for.get_untracked()).member(&id).is_some()) => {
            view! { <EntryDetails d=d selected=selected id=id/> }.into_any()
        }
        _ => view! { <p class="body" data-testid="nothing-selected">"Select someone on the map to change how close they are, their connection, and whether they are in the safety network."</p> }.into_any(),
    }
    }
}

#[component]
fn EntryDetails(d: Dispatcher, selected: RwSignal<Option<ItemId>>, id: ItemId) -> impl IntoView {
    let s = use_session();
    let id = StoredValue::new(id);
    let m = move || {
        s.doc.with(|a| {
            map_of(a, &s.network_for.get())
                .member(&id.get_value())
                .cloned()
        })
    };
    let set = move |field: &'static str, f: Box<dyn FnOnce(&mut NetworkMember)>| {
        if let Some(mut x) = m() {
            f(&mut x);
            let cmd = Command::Set(x);
            d.run_merging(
                cmd.label(),
                Some(format!("{}:{field}", id.get_value())),
                |a| plan(a, &s.network_for.get_untracked(), &cmd),
            );
        }
    };
    let text = move |f: fn(&NetworkMember) -> String| {
        Signal::derive(move || m().map(|x| f(&x)).unwrap_or_default())
    };
    let name = move || {
        s.doc.with(|a| {
            map_of(a, &s.network_for.get())
                .member(&id.get_value())
                .map(|x| entry_name(a, x))
                .unwrap_or_default()
        })
    };
    let is_person = move || m().is_some_and(|x| matches!(x.who, Who::Person { .. }));
    let rename = move |v: String| {
        let Some(x) = m() else { return };
        let cmd = match x.who {
            Who::Person { person } => {
                let Some(mut p) = s.doc.with_untracked(|a| a.person(&person).cloned()) else {
                    return;
                };
                p.set_name_typed(&v);
                Command::SetPerson(p)
            }
            Who::Organisation { organisation, .. } => {
                let mut x = x.clone();
                x.who = Who::Organisation {
                    name: v,
                    organisation,
                };
                Command::Set(x)
            }
        };
        d.run_merging(
            "change name",
            Some(format!("{}:name", id.get_value())),
            |a| plan(a, &s.network_for.get_untracked(), &cmd),
        );
    };
    let full_name = Signal::derive(move || {
        s.doc.with(|a| {
            map_of(a, &s.network_for.get())
                .member(&id.get_value())
                .map(|x| match &x.who {
                    Who::Person { person } => a
                        .person(person)
                        .map(|p| {
                            format!("{} {}", p.given_name, p.family_name)
                                .trim()
                                .to_owned()
                        })
                        .unwrap_or_default(),
                    Who::Organisation { name, .. } => name.clone(),
                })
                .unwrap_or_default()
        })
    });
    let relationship = Signal::derive(move || {
        s.doc.with(|a| {
            map_of(a, &s.network_for.get())
                .member(&id.get_value())
                .map(|x| entry_role(a, x))
                .unwrap_or_default()
        })
    });
    view! {
        <section class="panel" aria-labelledby="entry-title" data-testid="entry-panel">
            <h2 class="heading-m" id="entry-title">{name}</h2>
            <TextField id="nm-name" label="Name" value=full_name on_change=Callback::new(rename)/>
            {move || is_person().then(|| view! {
                <TextField id="nm-relationship" label="Relationship to the child, or role" value=relationship
                    on_change=Callback::new(move |v: String| {
                        let Some(Who::Person { person }) = m().map(|x| x.who) else { return };
                        let Some(mut p) = s.doc.with_untracked(|a| a.person(&person).cloned()) else { return };
                        if p.role == PersonRole::Professional { p.organisation = v } else { p.relationship = v }
                        let cmd = Command::SetPerson(p);
                        d.run_merging("change relationship", Some(format!("{}:rel", id.get_value())), |a| plan(a, &s.network_for.get_untracked(), &cmd));
                    })/>
            })}
            <SelectField id="nm-circle" label="How close" options=Signal::derive(move || s.doc.with(|a| circle_options(a, &s.network_for.get())))
                value=text(|x| x.circle.to_string())
                on_change=Callback::new(move |v: String| { let c = v.parse().unwrap_or(0); set("circle", Box::new(move |x| x.circle = c)) })/>
            <SelectField id="nm-category" label="Part of the child's world" options=Signal::derive(|| coded(Category::ALL, Category::code, Category::label))
                value=text(|x| x.category.code().to_owned())
                on_change=Callback::new(move |v: String| set("category", Box::new(move |x| x.category = Category::from_code(&v).unwrap_or(Category::Family))))/>
            <SelectField id="nm-connection" label="Connection with the child" options=Signal::derive(|| coded(Connection::ALL, Connection::code, Connection::label))
                value=text(|x| x.connection.code().to_owned())
                on_change=Callback::new(move |v: String| set("connection", Box::new(move |x| x.connection = Connection::from_code(&v).unwrap_or(Connection::Moderate))))/>
            <SelectField id="nm-support" label="Support" options=Signal::derive(|| coded(Support::ALL, Support::code, Support::label))
                value=text(|x| x.support.code().to_owned())
                on_change=Callback::new(move |v: String| set("support", Box::new(move |x| x.support = Support::from_code(&v).unwrap_or(Support::ToChild))))/>
            <Checkbox id="nm-safety" label="Part of the safety network" checked=Signal::derive(move || m().is_some_and(|x| x.safety_network))
                on_change=Callback::new(move |v: bool| set("safety", Box::new(move |x| x.safety_network = v)))/>
            <Checkbox id="nm-knows" label="Knows about the worries" checked=Signal::derive(move || m().is_some_and(|x| x.knows_worries))
                on_change=Callback::new(move |v: bool| set("knows", Box::new(move |x| x.knows_worries = v)))/>
            <SelectField id="nm-fgc" label="Willing to attend a family group conference" options=Signal::derive(|| coded(Attend::ALL, Attend::code, Attend::label))
                value=text(|x| x.attend_conference.code().to_owned())
                on_change=Callback::new(move |v: String| set("fgc", Box::new(move |x| x.attend_conference = Attend::from_code(&v).unwrap_or(Attend::NotAsked))))/>
            <TextArea id="nm-agreed" label="What they have agreed to do" value=text(|x| x.agreed.clone())
                on_change=Callback::new(move |v: String| set("agreed", Box::new(move |x| x.agreed = v)))/>
            <TextField id="nm-contact" label="Contact details (optional)" value=text(|x| x.contact.clone())
                on_change=Callback::new(move |v: String| set("contact", Box::new(move |x| x.contact = v)))/>
            <TextArea id="nm-notes" label="Notes" value=text(|x| x.notes.clone())
                on_change=Callback::new(move |v: String| set("notes", Box::new(move |x| x.notes = v)))/>
            <crate::ui::widgets::mark_control::MarkControl target=crate::model::marks::Target::Network { entry: id.get_value() } what="this entry on the map"/>
            <button type="button" class="button button--warning" on:click=move |_| {
                let cmd = Command::Remove(id.get_value());
                if d.run(cmd.label(), |a| plan(a, &s.network_for.get_untracked(), &cmd)) { selected.set(None) }
            }>"Take off the map"</button>
        </section>
    }
}

/// The circles' labels: rename, add or remove.
#[component]
pub fn Circles(d: Dispatcher) -> impl IntoView {
    let s = use_session();
    let labels = move || {
        s.doc
            .with(|a| map_of(a, &s.network_for.get()).circles.clone())
    };
    let count = Memo::new(move |_| labels().len());
    let set = move |labels: Vec<String>, merge: Option<String>| {
        let cmd = Command::SetCircles(labels);
        d.run_merging(cmd.label(), merge, |a| {
            plan(a, &s.network_for.get_untracked(), &cmd)
        });
    };
    view! {
        <details class="details">
            <summary class="details__summary">"Change the circles"</summary>
            <div class="details__text">
                {move || (0..count.get()).map(|i| view! {
                    <TextField id=format!("circle-{i}") label=format!("Circle {} (1 is closest)", i + 1)
                        value=Signal::derive(move || labels().get(i).cloned().unwrap_or_default())
                        on_change=Callback::new(move |v: String| {
                            let mut l = labels();
                            if let Some(x) = l.get_mut(i) { *x = v }
                            set(l, Some(format!("circle-{i}")))
                        })/>
                }).collect_view()}
                <div class="button-group">
                    <button type="button" class="button button--secondary" prop:disabled=move || { count.get() >= MAX_CIRCLES }
                        on:click=move |_| { let mut l = labels(); l.push("Further away".into()); set(l, None) }>"Add a circle"</button>
                    <button type="button" class="button button--secondary" prop:disabled=move || { count.get() <= MIN_CIRCLES }
                        on:click=move |_| { let mut l = labels(); l.pop(); set(l, None) }>"Remove the outer circle"</button>
                </div>
                <p class="hint">"A map has 3 to 6 circles. People in a removed circle move into the new outer one."</p>
            </div>
        </details>
    }
}

/// The safety network as a list: who, and what they have agreed to do.
#[component]
pub fn SafetyNetworkList() -> impl IntoView {
    let s = use_session();
    let rows = move || {
        s.doc.with(|a| {
            crate::diagram::network::safety::safety_people(a, &s.network_for.get())
                .into_iter()
                .map(|p| {
                    let agreed = match (p.knows_worries, p.agreed.is_empty()) {
                        (None, _) => "Named in the safety plan; not on the map yet".to_owned(),
                        (Some(_), true) => "Not recorded yet".to_owned(),
                        (Some(_), false) => p.agreed,
                    };
                    let knows = match p.knows_worries {
                        Some(true) => "Yes",
                        Some(false) => "Not yet",
                        None => "Not recorded",
                    };
                    (
                        p.name,
                        p.role,
                        agreed,
                        knows,
                        p.attend.unwrap_or("Not recorded"),
                        p.rules,
                        p.came.map_or_else(
                            || "No".to_owned(),
                            |d| format!("Came on {}", crate::report::words::long_date(d)),
                        ),
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <h2 class="heading-l">"The safety network"</h2>
        {move || {
            let rows = rows();
            if rows.is_empty() {
                view! { <p class="body">"Nobody is marked as part of the safety network yet. Select someone on the map and tick “Part of the safety network”."</p> }.into_any()
            } else {
                view! {
                    <table class="table" data-testid="safety-network">
                        <caption class="visually-hidden">"People in the safety network and what they have agreed to do"</caption>
                        <thead><tr><th scope="col">"Who"</th><th scope="col">"What they have agreed to do"</th><th scope="col">"Knows the worries"</th><th scope="col">"Will attend a family group conference"</th><th scope="col">"Rules of the safety plan they make sure of"</th><th scope="col">"Came to a family meeting"</th></tr></thead>
                        <tbody>
                            {rows.into_iter().map(|(n, r, agreed, knows, fgc, rules, came)| view! {
                                <tr><td><strong>{n}</strong>{(!r.is_empty()).then(|| format!(" ({r})"))}</td><td>{agreed}</td><td>{knows}</td><td>{fgc}</td><td>{if rules == 0 { "None".to_owned() } else { rules.to_string() }}</td><td>{came}</td></tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }
        }}
    }
}

/// The key to the network map's shapes and lines.
#[component]
pub fn Key() -> impl IntoView {
    let mut s = Svg::default();
    let attrs = r##"fill="#ffffff" stroke="#0b0c0c" stroke-width="2""##;
    let mut y = 20.0;
    for c in Category::ALL {
        category_shape(&mut s, *c, 25.0, y, 12.0, attrs);
        s.text(
            60.0,
            y + 5.0,
            r##"font-size="14" fill="#0b0c0c""##,
            c.label(),
        );
        y += 36.0;
    }
    category_shape(
        &mut s,
        Category::Family,
        25.0,
        y,
        12.0,
        r##"fill="#ffffff" stroke="#0b0c0c" stroke-width="5""##,
    );
    category_shape(
        &mut s,
        Category::Family,
        25.0,
        y,
        6.0,
        r##"fill="none" stroke="#0b0c0c" stroke-width="2""##,
    );
    s.text(
        60.0,
        y + 5.0,
        r##"font-size="14" fill="#0b0c0c""##,
        "In the safety network (thick double outline)",
    );
    y += 36.0;
    category_shape(
        &mut s,
        Category::Professional,
        25.0,
        y,
        12.0,
        r##"fill="#ffffff" stroke="#0b0c0c" stroke-width="2""##,
    );
    s.rect(19.0, y - 6.0, 12.0, 12.0, r##"fill="#0b0c0c""##);
    s.text(
        60.0,
        y + 5.0,
        r##"font-size="14" fill="#0b0c0c""##,
        "An organisation (filled square inside)",
    );
    y += 36.0;
    let lines: [(&str, &str); 4] = [
        (r##"stroke-width="6""##, "Strong connection"),
        (r##"stroke-width="2""##, "Moderate connection"),
        (
            r##"stroke-width="2" stroke-dasharray="7 6""##,
            "Tenuous connection",
        ),
        ("", "Stressful or conflicted (zigzag)"),
    ];
    for (style, words) in lines {
        if style.is_empty() {
            s.path(
                &crate::diagram::svg::zigzag(5.0, y, 45.0, y, 5.0),
                r##"stroke="#0b0c0c" stroke-width="2" fill="none""##,
            );
        } else {
            s.line(5.0, y, 45.0, y, &format!(r##"stroke="#0b0c0c" {style}"##));
        }
        s.text(60.0, y + 5.0, r##"font-size="14" fill="#0b0c0c""##, words);
        y += 36.0;
    }
    s.text(
        5.0,
        y + 5.0,
        r##"font-size="14" fill="#0b0c0c""##,
        "Arrows show which way support goes.",
    );
    view! { <svg class="legend" viewBox=format!("0 0 360 {:.0}", y + 20.0) role="img" aria-label="Key to the network map's shapes and lines" inner_html=s.0></svg> }
}
