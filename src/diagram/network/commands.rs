//! Every change to the network map, as a command that plans reversible ops.

use super::{ChildNetwork, MapFor, NetworkMap, NetworkMember, Who};
use crate::diagram::ops::{Entity, Key, Op};
use crate::diagram::{refuse, EditError};
use crate::model::{Assessment, ItemId, Person, PersonId};

/// A change to the network map.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Puts an entry on the map; `person` is a new register record to add with it.
    Add {
        member: NetworkMember,
        person: Option<Person>,
    },
    /// Moves an entry to a circle and an angle (by hand or by keyboard).
    Move { id: ItemId, circle: u8, angle: u16 },
    /// Changes an entry's details.
    Set(NetworkMember),
    /// Changes a person's register record (their name, for example).
    SetPerson(Person),
    /// Takes an entry off the map (a person stays in the register).
    Remove(ItemId),
    /// Renames, adds or removes circles; entries beyond the last circle move into it.
    SetCircles(Vec<String>),
    /// Starts a child's own map (see [`child_map`]).
    StartMap(ChildNetwork),
    /// Takes a child's own map away (the group's map stays).
    RemoveMap(PersonId),
}

impl Command {
    /// Words for the undo and redo buttons.
    pub fn label(&self) -> &'static str {
        match self {
            Command::Add { .. } => "add to the map",
            Command::Move { .. } => "move",
            Command::Set(_) | Command::SetPerson(_) => "change details",
            Command::Remove(_) => "remove from the map",
            Command::SetCircles(_) => "change circles",
            Command::StartMap(_) => "start a child's map",
            Command::RemoveMap(_) => "remove a child's map",
        }
    }
}

/// A new map for `child`: empty with the usual circles, or, `from_group`, a copy of the
/// group's map (the same people in the same places, each entry with a fresh id from `ids`), to
/// move people closer or further for this child and choose this child's safety network.
pub fn child_map(
    a: &Assessment,
    child: &PersonId,
    from_group: bool,
    mut ids: impl FnMut() -> ItemId,
) -> ChildNetwork {
    let mut map = if from_group {
        a.network.clone()
    } else {
        NetworkMap::default()
    };
    let taken: Vec<ItemId> = a.map_entries().map(|m| m.id.clone()).collect();
    for m in &mut map.members {
        m.id = loop {
            let id = ids();
            if !taken.contains(&id) {
                break id;
            }
        };
    }
    // The child is at the centre of their own map, not one of its entries.
    map.members
        .retain(|m| !matches!(&m.who, Who::Person { person } if person == child));
    ChildNetwork {
        child: child.clone(),
        map,
    }
}

/// Works out the ops for `cmd` on map `which` of `a`, or why it cannot be done. The rules of a
/// valid map (its circles, nobody on it twice, the child at its centre, an organisation's name)
/// are not repeated here: they are [`crate::model::validity`]'s, and the workspace refuses a
/// command whose result breaks one, with the rule's own words.
pub fn plan(a: &Assessment, which: &MapFor, cmd: &Command) -> Result<Vec<Op>, EditError> {
    match cmd {
        Command::StartMap(c) => {
            if !a.children().any(|p| p.id == c.child) {
                return refuse("Only a child being assessed has a map of their own.");
            }
            if a.map(&Some(c.child.clone())).is_some() {
                return refuse("That child has a map of their own already.");
            }
            return Ok(vec![Op::Put(Entity::ChildNetwork(c.clone()))]);
        }
        Command::RemoveMap(child) => {
            if a.map(&Some(child.clone())).is_none() {
                return refuse("That child has no map of their own.");
            }
            return Ok(vec![Op::Remove(Key::ChildNetwork(child.clone()))]);
        }
        _ => {}
    }
    let Some(map) = a.map(which) else {
        return refuse("That child has no map of their own yet.");
    };
    let entry = |m: NetworkMember| Op::Put(Entity::NetworkMember(which.clone(), m));
    match cmd {
        Command::Add { member, person } => {
            if a.map_entries().any(|m| m.id == member.id) {
                return refuse("That entry is already on a map.");
            }
            let mut ops = Vec::new();
            match (&member.who, person) {
                (Who::Person { person: id }, Some(p)) if &p.id == id => {
                    if a.person(id).is_some() {
                        return refuse(crate::diagram::ALREADY_IN_REGISTER);
                    }
                    ops.push(Op::Put(Entity::Person(p.clone())));
                }
                (Who::Person { .. }, None) | (Who::Organisation { .. }, None) => {}
                _ => return refuse("The new person does not match the entry."),
            }
            ops.push(entry(member.clone()));
            Ok(ops)
        }
        Command::Move { id, circle, angle } => {
            let mut m = map
                .member(id)
                .cloned()
                .ok_or_else(|| EditError(crate::diagram::NOT_ON_MAP.into()))?;
            m.circle = *circle;
            m.angle = angle % 360;
            Ok(vec![entry(m)])
        }
        Command::Set(m) => {
            if map.member(&m.id).is_none() {
                return refuse(crate::diagram::NOT_ON_MAP);
            }
            let mut m = m.clone();
            m.angle %= 360;
            Ok(vec![entry(m)])
        }
        Command::SetPerson(p) => {
            let Some(stored) = a.person(&p.id) else {
                return refuse(crate::diagram::NOT_IN_REGISTER);
            };
            // A role changes only through the register, which says what goes with it.
            let mut p = p.clone();
            p.role = stored.role;
            Ok(vec![Op::Put(Entity::Person(p))])
        }
        Command::Remove(id) => Ok(vec![Op::Remove(Key::NetworkMember(
            which.clone(),
            id.clone(),
        ))]),
        Command::SetCircles(labels) => {
            let last = labels.len().saturating_sub(1) as u8;
            let mut ops = vec![Op::Put(Entity::Circles(which.clone(), labels.clone()))];
            for m in map.members.iter().filter(|m| m.circle > last) {
                let mut m = m.clone();
                m.circle = last;
                ops.push(entry(m));
            }
            Ok(ops)
        }
        Command::StartMap(_) | Command::RemoveMap(_) => unreachable!("planned above"),
    }
}

/// What is typed, as lower-case words with single spaces, once there are two letters to go on.
fn typed_words(typed: &str) -> Option<String> {
    let t = typed
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    (t.chars().count() >= 2).then_some(t)
}

/// What quick entry does with a name typed and Enter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Typed {
    /// Someone with exactly that name is on this map already (their entry): shown, not added.
    OnMap(ItemId, PersonId),
    /// Someone in the register has exactly that name: placed, no second record.
    InRegister(PersonId),
    /// Nobody has that name: a new record and entry.
    New,
}

/// What a name typed in quick entry on map `which` means (see [`Typed`]).
pub fn typed_name(a: &Assessment, which: &MapFor, typed: &str) -> Typed {
    let Some(person) = a.people.iter().find(|p| p.is_named(typed)) else {
        return Typed::New;
    };
    match a.map(which).and_then(|m| m.entry_for(&person.id)) {
        Some(entry) => Typed::OnMap(entry.id.clone(), person.id.clone()),
        None if Some(&person.id) == which.as_ref() => Typed::New,
        None => Typed::InRegister(person.id.clone()),
    }
}

/// Entries on map `which` of people whose name starts with what is typed (two letters at
/// least): offered as "already on the map" while typing.
pub fn map_matches(a: &Assessment, which: &MapFor, typed: &str) -> Vec<(ItemId, PersonId)> {
    let (Some(map), Some(t)) = (a.map(which), typed_words(typed)) else {
        return Vec::new();
    };
    a.people
        .iter()
        .filter(|p| {
            let name = p.display_name().to_lowercase();
            name.starts_with(&t) || name.split_whitespace().any(|w| w.starts_with(&t))
        })
        .filter_map(|p| Some((map.entry_for(&p.id)?.id.clone(), p.id.clone())))
        .collect()
}

/// Register people not yet on the map whose name matches what is typed in quick entry: the
/// exact name first, then names that start with it, then names with a word that does (at least
/// two letters typed). "Rita" finds Rita Oldham, so she is placed rather than entered twice.
pub fn register_matches(a: &Assessment, which: &MapFor, typed: &str) -> Vec<PersonId> {
    let (Some(map), Some(t)) = (a.map(which), typed_words(typed)) else {
        return Vec::new();
    };
    let mut found: Vec<(u8, String, PersonId)> = a
        .people
        .iter()
        .filter(|p| map.entry_for(&p.id).is_none() && Some(&p.id) != which.as_ref())
        .filter_map(|p| {
            let name = p.display_name().to_lowercase();
            let rank = if name == t {
                0
            } else if name.starts_with(&t) {
                1
            } else if name.split_whitespace().any(|w| w.starts_with(&t)) {
                2
            } else {
                return None;
            };
            Some((rank, name, p.id.clone()))
        })
        .collect();
    found.sort();
    found.into_iter().map(|(_, _, id)| id).collect()
}

/// A free angle on a circle: the middle of the widest gap between the entries already there.
pub fn free_angle(map: &NetworkMap, circle: u8) -> u16 {
    let mut taken: Vec<u16> = map
        .members
        .iter()
        .filter(|m| m.circle == circle)
        .map(|m| m.angle % 360)
        .collect();
    taken.sort_unstable();
    match taken.len() {
        0 => (u16::from(circle) * 40) % 360,
        1 => (taken[0] + 180) % 360,
        n => {
            let (mut best, mut at) = (0, 0);
            for i in 0..n {
                let from = taken[i];
                let to = if i + 1 < n {
                    taken[i + 1]
                } else {
                    taken[0] + 360
                };
                if to - from > best {
                    best = to - from;
                    at = from + (to - from) / 2;
                }
            }
            at % 360
        }
    }
}
