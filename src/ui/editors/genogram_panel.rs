//! The genogram editor's panels: quick-add and details for the selected person, their
//! partnerships and relationship lines, households, people from the register, and bringing a
//! genogram over from another assessment.

use super::dispatch::Dispatcher;
use super::genogram_actions::{add_unconnected, edit_person};
use super::relative_picker::{ask_relative, Ask, RelativePicker};
use crate::diagram::genogram::commands::{plan, Command, Relation};
use crate::diagram::genogram::{
    transfer, ChildKind, EmotionalKind, Household, Partnership, PartnershipKind, Relationship,
};
use crate::model::{Assessment, Gender, ItemId, Life, Person, PersonId, PersonRole};
use crate::ui::platform::{chosen_file, file_text, random_bytes};
use crate::ui::session::use_session;
use crate::ui::widgets::fields::{
    coded_options as coded, Checkbox, DateField, SelectField, TextArea, TextField,
};
use chrono::NaiveDate;
use leptos::prelude::*;

fn name_of(a: &Assessment, p: &PersonId) -> String {
    a.person(p).map(Person::display_name).unwrap_or_default()
}

/// The panel beside the drawing: what to do with the selected person.
#[component]
pub fn GenogramSidePanel(d: Dispatcher, selected: RwSignal<Option<PersonId>>) -> impl IntoView {
    let s = use_session();
    move || {
        match selected.get() {
        Some(p) if s.doc.with_untracked(|a| a.genogram.member(&p).is_some()) => {
            view! { <PersonPanel d=d selected=selected p=p/> }.into_any()
        }
        _ => view! {
            <p class="body" data-testid="nothing-selected">"Select a person on the genogram (tap, click, or Tab to them) to add their relatives and change their details."</p>
            <crate::ui::widgets::duplicates::DuplicatesNotice limit=2/>
            <PlaceFromRegister d=d selected=selected/>
        }
        .into_any(),
    }
    }
}

#[component]
fn PersonPanel(d: Dispatcher, selected: RwSignal<Option<PersonId>>, p: PersonId) -> impl IntoView {
    let s = use_session();
    let pid = StoredValue::new(p);
    let name = move || s.doc.with(|a| name_of(a, &pid.get_value()));
    let children_with = RwSignal::new(
        s.doc
            .with_untracked(|a| a.genogram.latest_partnership_of(&pid.get_value()))
            .map(|i| i.to_string())
            .unwrap_or_default(),
    );
    let partnership_options = Signal::derive(move || {
        s.doc.with(|a| {
            let me = pid.get_value();
            let mut v: Vec<(String, String)> = a
                .genogram
                .partnerships_of(&me)
                .map(|u| {
                    (
                        u.id.to_string(),
                        format!("With {}", name_of(a, u.other(&me))),
                    )
                })
                .collect();
            v.push((String::new(), "No other parent shown".into()));
            v
        })
    });
    let quick =
        move |relation: fn(Option<ItemId>) -> Relation, gender: Gender, words: &'static str| {
            move |_| {
                let with = ItemId::parse(&children_with.get_untracked());
                let ask = Ask {
                    of: pid.get_value(),
                    relation: relation(with),
                    gender,
                    words,
                };
                ask_relative(d, selected, ask);
            }
        };
    let partner_gender = move || match s
        .doc
        .with_untracked(|a| a.person(&pid.get_value()).map(|p| p.gender))
    {
        Some(Gender::Male) => Gender::Female,
        Some(Gender::Female) => Gender::Male,
        _ => Gender::Unknown,
    };
    let pinned = move || {
        s.doc.with(|a| {
            a.genogram
                .member(&pid.get_value())
                .is_some_and(|m| m.pinned)
        })
    };
    view! {
        <section class="panel" aria-labelledby="panel-title" data-testid="person-panel">
            <h2 class="heading-m" id="panel-title">{name}</h2>
            {move || s.doc.with(|a| {
                let p = a.person(&pid.get_value())?;
                (p.role != crate::model::PersonRole::SubjectChild).then(|| {
                    let mut words = p.parental_responsibility.label().to_owned();
                    if !p.parental_responsibility_note.trim().is_empty() {
                        words = format!("{words} ({})", p.parental_responsibility_note.trim());
                    }
                    view! {
                        <p class="body" data-testid="panel-pr">
                            <strong>"Parental responsibility: "</strong>{words}" "
                            <a href=format!("/assessments/{}/person/{}", a.id, p.id)>"Change"<span class="visually-hidden">" parental responsibility"</span></a>
                        </p>
                    }
                })
            })}
            <h3 class="heading-s">"Add a relative"</h3>
            {move || (partnership_options.get().len() > 2).then(|| view! {
                <SelectField id="children-with" label="New children are with" options=partnership_options
                    value=Signal::derive(move || children_with.get()) on_change=Callback::new(move |v| children_with.set(v))/>
            })}
            <div class="quick-add" role="group" aria-label="Add a relative">
                <button type="button" class="button button--secondary" on:click=move |_| ask_relative(d, selected, Ask { of: pid.get_value(), relation: Relation::Partner(PartnershipKind::Married), gender: partner_gender(), words: "partner" })>"Partner"</button>
                <button type="button" class="button button--secondary" on:click=quick(|w| Relation::Child(w, ChildKind::Birth), Gender::Male, "son")>"Son"</button>
                <button type="button" class="button button--secondary" on:click=quick(|w| Relation::Child(w, ChildKind::Birth), Gender::Female, "daughter")>"Daughter"</button>
                <button type="button" class="button button--secondary" on:click=quick(|_| Relation::Parent, Gender::Female, "mother")>"Mother"</button>
                <button type="button" class="button button--secondary" on:click=quick(|_| Relation::Parent, Gender::Male, "father")>"Father"</button>
                <button type="button" class="button button--secondary" on:click=quick(|_| Relation::Sibling, Gender::Male, "brother")>"Brother"</button>
                <button type="button" class="button button--secondary" on:click=quick(|_| Relation::Sibling, Gender::Female, "sister")>"Sister"</button>
            </div>
            <RelativePicker d=d selected=selected/>
            <PersonFields d=d pid=pid.get_value()/>
            <ChildLine d=d pid=pid.get_value()/>
            <Partnerships d=d pid=pid.get_value()/>
            <RelationshipLines d=d pid=pid.get_value()/>
            <div class="button-group">
                {move || pinned().then(|| view! {
                    <button type="button" class="button button--secondary" on:click=move |_| {
                        let cmd = Command::Unpin { person: pid.get_value() };
                        d.run(cmd.label(), |a| plan(a, &cmd));
                    }>"Let automatic layout place them"</button>
                })}
                <button type="button" class="button button--warning" on:click=move |_| {
                    let cmd = Command::Remove(pid.get_value());
                    if d.run(cmd.label(), |a| plan(a, &cmd)) { selected.set(None) }
                }>"Take off the genogram"</button>
            </div>
            <p class="hint">"Taking someone off the genogram keeps them in the people register. You can undo it."</p>
        </section>
    }
}

#[component]
fn PersonFields(d: Dispatcher, pid: PersonId) -> impl IntoView {
    let s = use_session();
    let pid = StoredValue::new(pid);
    let read = move |f: fn(&Person) -> String| {
        Signal::derive(move || {
            s.doc
                .with(|a| a.person(&pid.get_value()).map(f).unwrap_or_default())
        })
    };
    let is_child = move || {
        s.doc.with(|a| {
            a.person(&pid.get_value())
                .is_some_and(|p| p.role == PersonRole::SubjectChild)
        })
    };
    let life = read(|p| p.life.code().to_owned());
    view! {
        <h3 class="heading-s">"Details"</h3>
        {move || is_child().then(|| view! { <p class="body"><strong class="tag">"Child being assessed"</strong></p> })}
        <TextField id="g-given" label="First name" value=read(|p| p.given_name.clone())
            on_change=Callback::new(move |v: String| edit_person(d, pid, "first name", |p| p.given_name = v))/>
        <TextField id="g-family" label="Last name" value=read(|p| p.family_name.clone())
            on_change=Callback::new(move |v: String| edit_person(d, pid, "last name", |p| p.family_name = v))/>
        <SelectField id="g-sex" label="Sex or gender" options=Signal::derive(|| coded(&Gender::ALL, Gender::code, Gender::label))
            value=read(|p| p.gender.code().to_owned())
            on_change=Callback::new(move |v: String| edit_person(d, pid, "sex", |p| p.gender = Gender::from_code(&v).unwrap_or_default()))/>
        <DateField id="g-dob" label="Date of birth" value=Signal::derive(move || s.doc.with(|a| a.person(&pid.get_value()).and_then(|p| p.date_of_birth)))
            on_change=Callback::new(move |v: Option<NaiveDate>| edit_person(d, pid, "date of birth", |p| p.date_of_birth = v))/>
        <TextField id="g-age" label="Age, if the date of birth is not known" width_class="input--w4" value=read(|p| p.age_years.map(|a| a.to_string()).unwrap_or_default())
            on_change=Callback::new(move |v: String| edit_person(d, pid, "age", |p| p.age_years = v.trim().parse().ok()))/>
        <SelectField id="g-life" label="Living, died, or a pregnancy" options=Signal::derive(|| coded(&Life::ALL, Life::code, Life::label))
            value=life
            on_change=Callback::new(move |v: String| edit_person(d, pid, "living or died", |p| p.life = Life::from_code(&v).unwrap_or_default()))/>
        {move || (life.get() == "deceased").then(|| view! {
            <DateField id="g-dod" label="Date they died" value=Signal::derive(move || s.doc.with(|a| a.person(&pid.get_value()).and_then(|p| p.date_of_death)))
                on_change=Callback::new(move |v: Option<NaiveDate>| edit_person(d, pid, "date of death", |p| p.date_of_death = v))/>
        })}
        <TextArea id="g-notes" label="Notes" value=read(|p| p.notes.clone())
            on_change=Callback::new(move |v: String| edit_person(d, pid, "notes", |p| p.notes = v))/>
    }
}

#[component]
fn ChildLine(d: Dispatcher, pid: PersonId) -> impl IntoView {
    let s = use_session();
    let pid = StoredValue::new(pid);
    let line = move || {
        s.doc
            .with(|a| a.genogram.parentage_of(&pid.get_value()).cloned())
    };
    let has_line = Memo::new(move |_| line().is_some());
    let set = move |f: Box<dyn FnOnce(&mut crate::diagram::genogram::Parentage)>| {
        if let Some(mut l) = line() {
            f(&mut l);
            let cmd = Command::SetParentage(l);
            d.run(cmd.label(), |a| plan(a, &cmd));
        }
    };
    let siblings = Signal::derive(move || {
        s.doc.with(|a| {
            let me = pid.get_value();
            let mut v = vec![(String::new(), "Not a twin".to_owned())];
            if let Some(l) = a.genogram.parentage_of(&me) {
                v.extend(
                    a.genogram
                        .parentage
                        .iter()
                        .filter(|o| o.parents == l.parents && o.child != me)
                        .map(|o| {
                            (
                                o.child.to_string(),
                                format!("Twin of {}", name_of(a, &o.child)),
                            )
                        }),
                );
            }
            v
        })
    });
    let twin_of = Signal::derive(move || {
        s.doc.with(|a| {
            let me = pid.get_value();
            let Some(t) = a.genogram.parentage_of(&me).and_then(|l| l.twin) else {
                return String::new();
            };
            a.genogram
                .parentage
                .iter()
                .find(|o| o.child != me && o.twin.is_some_and(|x| x.group == t.group))
                .map(|o| o.child.to_string())
                .unwrap_or_default()
        })
    });
    let make_twins = move |other: String, identical: bool| {
        let cmd = Command::SetTwin {
            child: pid.get_value(),
            with: PersonId::parse(&other),
            identical,
        };
        d.run(cmd.label(), |a| plan(a, &cmd));
    };
    move || {
        has_line.get().then(|| view! {
        <h3 class="heading-s">"Line to their parents"</h3>
        <SelectField id="g-child-kind" label="How they are their parents' child"
            options=Signal::derive(|| coded(ChildKind::ALL, ChildKind::code, ChildKind::label))
            value=Signal::derive(move || line().map(|l| l.kind.code().to_owned()).unwrap_or_default())
            on_change=Callback::new(move |v: String| set(Box::new(move |l| l.kind = ChildKind::from_code(&v).unwrap_or(ChildKind::Birth))))/>
        <SelectField id="g-twin" label="Twins" options=siblings value=twin_of
            on_change=Callback::new(move |v: String| make_twins(v, false))/>
        {move || (!twin_of.get().is_empty()).then(|| view! {
            <Checkbox id="g-identical" label="Identical twins"
                checked=Signal::derive(move || line().and_then(|l| l.twin).is_some_and(|t| t.identical))
                on_change=Callback::new(move |on: bool| make_twins(twin_of.get_untracked(), on))/>
        })}
        <button type="button" class="button button--secondary button--small" on:click=move |_| {
            if let Some(l) = line() { let cmd = Command::Detach(l.id); d.run(cmd.label(), |a| plan(a, &cmd)); }
        }>"Remove the line to their parents"</button>
    })
    }
}

#[component]
fn Partnerships(d: Dispatcher, pid: PersonId) -> impl IntoView {
    let s = use_session();
    let pid = StoredValue::new(pid);
    let ids = Memo::new(move |_| {
        s.doc.with(|a| {
            a.genogram
                .partnerships_of(&pid.get_value())
                .map(|u| u.id.clone())
                .collect::<Vec<_>>()
        })
    });
    view! {
        {move || (!ids.get().is_empty()).then(|| view! { <h3 class="heading-s">"Partnerships"</h3> })}
        <For each=move || ids.get() key=|id| id.clone() let:uid>
            <PartnershipRow d=d pid=pid.get_value() uid=uid/>
        </For>
    }
}

#[component]
fn PartnershipRow(d: Dispatcher, pid: PersonId, uid: ItemId) -> impl IntoView {
    let s = use_session();
    let uid = StoredValue::new(uid);
    let u = move || {
        s.doc
            .with(|a| a.genogram.partnership(&uid.get_value()).cloned())
    };
    let other = move || {
        s.doc.with(|a| {
            a.genogram
                .partnership(&uid.get_value())
                .map(|u| name_of(a, u.other(&pid)))
                .unwrap_or_default()
        })
    };
    let set = move |f: Box<dyn FnOnce(&mut Partnership)>| {
        if let Some(mut x) = u() {
            f(&mut x);
            let cmd = Command::SetPartnership(x);
            d.run(cmd.label(), |a| plan(a, &cmd));
        }
    };
    let id = uid.get_value().to_string();
    view! {
        <fieldset class="fieldset fieldset--boxed" data-testid="partnership">
            <legend class="fieldset__legend">"With "{other}</legend>
            <SelectField id=format!("{id}-kind") label="Kind of partnership"
                options=Signal::derive(|| coded(PartnershipKind::ALL, PartnershipKind::code, PartnershipKind::label))
                value=Signal::derive(move || u().map(|x| x.kind.code().to_owned()).unwrap_or_default())
                on_change=Callback::new(move |v: String| set(Box::new(move |x| x.kind = PartnershipKind::from_code(&v).unwrap_or(PartnershipKind::Married))))/>
            <DateField id=format!("{id}-start") label="Began" value=Signal::derive(move || u().and_then(|x| x.start))
                on_change=Callback::new(move |v: Option<NaiveDate>| set(Box::new(move |x| x.start = v)))/>
            <DateField id=format!("{id}-end") label="Ended (separated or divorced)" value=Signal::derive(move || u().and_then(|x| x.end))
                on_change=Callback::new(move |v: Option<NaiveDate>| set(Box::new(move |x| x.end = v)))/>
            <button type="button" class="button button--secondary button--small" on:click=move |_| {
                let cmd = Command::Unpartner(uid.get_value());
                d.run(cmd.label(), |a| plan(a, &cmd));
            }>"Remove this partnership"</button>
        </fieldset>
    }
}

#[component]
fn RelationshipLines(d: Dispatcher, pid: PersonId) -> impl IntoView {
    let s = use_session();
    let pid = StoredValue::new(pid);
    let lines = move || {
        s.doc.with(|a| {
            let me = pid.get_value();
            a.genogram
                .relationships
                .iter()
                .filter(|r| r.a == me || r.b == me)
                .map(|r| {
                    (
                        r.id.clone(),
                        format!(
                            "{} with {}",
                            r.kind.label(),
                            name_of(a, if r.a == me { &r.b } else { &r.a })
                        ),
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    let others = Signal::derive(move || {
        s.doc.with(|a| {
            let me = pid.get_value();
            a.genogram
                .members
                .iter()
                .filter(|m| m.person != me)
                .map(|m| (m.person.to_string(), name_of(a, &m.person)))
                .collect::<Vec<_>>()
        })
    });
    let with = RwSignal::new(String::new());
    let kind = RwSignal::new(EmotionalKind::Close.code().to_owned());
    let add = move |_| {
        let other = PersonId::parse(&with.get_untracked()).or_else(|| {
            others
                .get_untracked()
                .first()
                .and_then(|o| PersonId::parse(&o.0))
        });
        let Some(other) = other else { return };
        let r = Relationship {
            id: ItemId::from_random(random_bytes()),
            a: pid.get_value(),
            b: other,
            kind: EmotionalKind::from_code(&kind.get_untracked()).unwrap_or(EmotionalKind::Close),
            notes: String::new(),
        };
        let cmd = Command::SetRelationship(r);
        d.run(cmd.label(), |a| plan(a, &cmd));
    };
    view! {
        <h3 class="heading-s">"How they get on with others"</h3>
        <ul class="list" data-testid="relationship-lines">
            {move || lines().into_iter().map(|(id, words)| view! {
                <li>{words.clone()}" "
                    <button type="button" class="button-link" aria-label=format!("Remove: {words}") on:click=move |_| {
                        let cmd = Command::RemoveRelationship(id.clone());
                        d.run(cmd.label(), |a| plan(a, &cmd));
                    }>"Remove"</button>
                </li>
            }).collect_view()}
        </ul>
        <SelectField id="g-rel-kind" label="Relationship" options=Signal::derive(|| coded(EmotionalKind::ALL, EmotionalKind::code, EmotionalKind::label))
            value=Signal::derive(move || kind.get()) on_change=Callback::new(move |v| kind.set(v))/>
        <SelectField id="g-rel-with" label="With" options=others
            value=Signal::derive(move || with.get()) on_change=Callback::new(move |v| with.set(v))/>
        <button type="button" class="button button--secondary button--small" on:click=add>"Add relationship line"</button>
    }
}

/// Draws people already in the register (the children first, when the genogram is empty).
#[component]
pub fn PlaceFromRegister(d: Dispatcher, selected: RwSignal<Option<PersonId>>) -> impl IntoView {
    let s = use_session();
    let missing = Signal::derive(move || {
        s.doc.with(|a| {
            a.people
                .iter()
                .filter(|p| a.genogram.member(&p.id).is_none())
                .map(|p| (p.id.to_string(), p.display_name()))
                .collect::<Vec<_>>()
        })
    });
    let choice = RwSignal::new(String::new());
    let place = move |pid: PersonId| {
        let (x, y) = s.doc.with_untracked(|a| {
            let right = a
                .genogram
                .members
                .iter()
                .map(|m| m.x)
                .max()
                .map_or(0, |x| x + 120);
            (
                right,
                a.genogram.members.iter().map(|m| m.y).max().unwrap_or(0),
            )
        });
        let cmd = Command::Place {
            person: pid.clone(),
            x,
            y,
        };
        if d.run(cmd.label(), |a| plan(a, &cmd)) {
            selected.set(Some(pid));
        }
    };
    let add_new = move |_| add_unconnected(d, selected);
    view! {
        <h2 class="heading-m">"People not on the genogram"</h2>
        {move || if missing.get().is_empty() {
            view! { <p class="body">"Everyone in the people register is on the genogram."</p> }.into_any()
        } else {
            view! {
                <SelectField id="g-place" label="Person from the people register" options=missing
                    value=Signal::derive(move || choice.get()) on_change=Callback::new(move |v| choice.set(v))/>
                <button type="button" class="button button--secondary" on:click=move |_| {
                    let id = PersonId::parse(&choice.get_untracked()).or_else(|| missing.get_untracked().first().and_then(|m| PersonId::parse(&m.0)));
                    if let Some(id) = id { place(id) }
                }>"Add to the genogram"</button>
            }.into_any()
        }}
        <button type="button" class="button button--secondary" on:click=add_new>"Add a new person, not yet connected"</button>
    }
}

/// The households: who lives together, each drawn as a boundary.
#[component]
pub fn Households(d: Dispatcher, selected: RwSignal<Option<PersonId>>) -> impl IntoView {
    let s = use_session();
    let ids = Memo::new(move |_| {
        s.doc.with(|a| {
            a.genogram
                .households
                .iter()
                .map(|h| h.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let add = move |_| {
        let members = match selected.get_untracked() {
            Some(p) => vec![p],
            None => s.doc.with_untracked(|a| {
                a.children()
                    .filter(|c| a.genogram.member(&c.id).is_some())
                    .map(|c| c.id.clone())
                    .take(1)
                    .collect()
            }),
        };
        let n = s.doc.with_untracked(|a| a.genogram.households.len()) + 1;
        let cmd = Command::SetHousehold(Household {
            id: ItemId::from_random(random_bytes()),
            name: format!("Household {n}"),
            members,
        });
        d.run(cmd.label(), |a| plan(a, &cmd));
    };
    view! {
        <h2 class="heading-m">"Households"</h2>
        <p class="hint">"Who lives together. Each household is drawn as a dashed boundary."</p>
        <For each=move || ids.get() key=|id| id.clone() let:hid>
            <HouseholdRow d=d hid=hid/>
        </For>
        <button type="button" class="button button--secondary" on:click=add>"Add a household (starting with the selected person)"</button>
    }
}

#[component]
fn HouseholdRow(d: Dispatcher, hid: ItemId) -> impl IntoView {
    let s = use_session();
    let hid = StoredValue::new(hid);
    let h = move || {
        s.doc.with(|a| {
            a.genogram
                .households
                .iter()
                .find(|h| h.id == hid.get_value())
                .cloned()
        })
    };
    let set = move |f: Box<dyn FnOnce(&mut Household)>, merge: Option<String>| {
        if let Some(mut x) = h() {
            f(&mut x);
            let cmd = Command::SetHousehold(x);
            d.run_merging(cmd.label(), merge, |a| plan(a, &cmd));
        }
    };
    let people = Memo::new(move |_| {
        s.doc.with(|a| {
            a.genogram
                .members
                .iter()
                .map(|m| (m.person.clone(), name_of(a, &m.person)))
                .collect::<Vec<_>>()
        })
    });
    let id = hid.get_value().to_string();
    view! {
        <fieldset class="fieldset fieldset--boxed" data-testid="household">
            <legend class="fieldset__legend">{move || h().map(|x| x.name).unwrap_or_default()}</legend>
            <TextField id=format!("{id}-name") label="Name of the household" value=Signal::derive(move || h().map(|x| x.name).unwrap_or_default())
                on_change=Callback::new(move |v: String| set(Box::new(move |x| x.name = v), Some(format!("{}:name", hid.get_value()))))/>
            <div class="checkboxes checkboxes--small" role="group" aria-label="Who lives here">
                {move || people.get().into_iter().map(|(p, name)| {
                    let p2 = p.clone();
                    let cid = format!("{}-{}", hid.get_value(), p);
                    view! {
                        <div class="checkboxes__item">
                            <input class="checkboxes__input" type="checkbox" id=cid.clone()
                                prop:checked=move || h().is_some_and(|x| x.members.contains(&p))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    let p = p2.clone();
                                    set(Box::new(move |x| if on { if !x.members.contains(&p) { x.members.push(p) } } else { x.members.retain(|m| m != &p) }), None)
                                }/>
                            <label class="checkboxes__label" for=cid>{name}</label>
                        </div>
                    }
                }).collect_view()}
            </div>
            <button type="button" class="button button--secondary button--small" on:click=move |_| {
                let cmd = Command::RemoveHousehold(hid.get_value());
                d.run(cmd.label(), |a| plan(a, &cmd));
            }>"Remove this household"</button>
        </fieldset>
    }
}

/// Brings a genogram over from another assessment's export file.
#[component]
pub fn ImportGenogram(d: Dispatcher) -> impl IntoView {
    let s = use_session();
    let message = RwSignal::new(None::<(bool, String)>);
    let on_file = move |ev: web_sys::Event| {
        let Some(file) = chosen_file(&ev) else {
            return;
        };
        leptos::task::spawn_local(async move {
            let text = match file_text(&file).await {
                Ok(t) => t,
                Err(e) => return message.set(Some((false, e))),
            };
            match crate::exchange::import_json(&text, crate::procedure::known_hash) {
                Err(e) => message.set(Some((false, format!("That file cannot be used: {e}")))),
                Ok(imp) => {
                    let ok = d.run("bring over a genogram", |a| {
                        transfer::import_ops(a, &imp.assessment, random_bytes, &[])
                    });
                    if ok {
                        let n = s.doc.with_untracked(|a| a.genogram.members.len());
                        message.set(Some((true, format!("The genogram from {} is now this assessment's genogram ({n} people). Undo puts the previous one back.", imp.assessment.title()))));
                    }
                }
            }
        });
    };
    view! {
        <details class="details">
            <summary class="details__summary">"Use the genogram from another assessment"</summary>
            <div class="details__text">
                <p class="body">"For a brother or sister assessed separately: choose that assessment's exported JSON file. Its genogram replaces this one; people already in this assessment (same name and date of birth) are matched, the rest join the people register."</p>
                <div class="form-group">
                    <label class="label" for="genogram-file">"Exported assessment file"</label>
                    <input class="file-upload" id="genogram-file" type="file" accept=".json,application/json" on:change=on_file/>
                </div>
                {move || message.get().map(|(ok, m)| view! {
                    <p class=if ok { "body" } else { "error-message" } role=if ok { "status" } else { "alert" }>{m}</p>
                })}
            </div>
        </details>
    }
}
