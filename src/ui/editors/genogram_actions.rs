//! What the genogram's page, its panel, its table and the relative picker all do: add a
//! relative, a new register record, a change to a person, someone not yet connected. Each is a
//! command run through the [`Dispatcher`]; kept here so the four parts use one another's work
//! without importing one another.

use super::dispatch::Dispatcher;
use crate::diagram::genogram::commands::{plan, Command, Relation};
use crate::model::{Assessment, Gender, ItemId, Person, PersonId, PersonRole};
use crate::ui::platform::random_bytes;
use crate::ui::session::use_session;
use leptos::prelude::*;

/// Adds a relative of `of` of the kind given; selects the new person.
pub fn add_relative(
    d: Dispatcher,
    selected: RwSignal<Option<PersonId>>,
    of: PersonId,
    relation: Relation,
    gender: Gender,
) {
    let s = use_session();
    let person = s.doc.with_untracked(|a| new_person(a, gender));
    let id = person.id.clone();
    let cmd = Command::AddRelative {
        of,
        relation,
        person,
        link: ItemId::from_random(random_bytes()),
        second: ItemId::from_random(random_bytes()),
    };
    if d.run(cmd.label(), |a| plan(a, &cmd)) {
        selected.set(Some(id));
    }
}

/// A new register record for someone added on a diagram.
pub fn new_person(a: &Assessment, gender: Gender) -> Person {
    let mut p = Person::new(a.fresh_person_id(random_bytes), PersonRole::FamilyMember);
    p.gender = gender;
    p
}

/// Changes the selected person's register record; typing into one field is one undo step.
pub fn edit_person(
    d: Dispatcher,
    pid: StoredValue<PersonId>,
    field: &'static str,
    f: impl FnOnce(&mut Person),
) {
    let s = use_session();
    let Some(mut p) = s
        .doc
        .with_untracked(|a| a.person(&pid.get_value()).cloned())
    else {
        return;
    };
    f(&mut p);
    let cmd = Command::SetPerson(p);
    d.run_merging(
        &format!("change {field}"),
        Some(format!("{}:{field}", pid.get_value())),
        |a| plan(a, &cmd),
    );
}

/// Adds a new person to the register, drawn to the right of everyone, not yet connected.
pub fn add_unconnected(d: Dispatcher, selected: RwSignal<Option<PersonId>>) {
    let s = use_session();
    let (p, x) = s.doc.with_untracked(|a| {
        let right = a.genogram.members.iter().map(|m| m.x).max();
        (new_person(a, Gender::Unknown), right.map_or(0, |x| x + 130))
    });
    let id = p.id.clone();
    let cmd = Command::AddPerson { person: p, x, y: 0 };
    if d.run(cmd.label(), |a| plan(a, &cmd)) {
        selected.set(Some(id));
    }
}
