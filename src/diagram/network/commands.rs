//! Every change to the network map, as a command that plans reversible ops.

use super::{NetworkMember, Who, MAX_CIRCLES, MIN_CIRCLES};
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
        }
    }
}

fn check_circle(a: &Assessment, circle: u8) -> Result<(), EditError> {
    if usize::from(circle) >= a.network.circles.len() {
        return refuse("There is no such circle.");
    }
    Ok(())
}

/// Works out the ops for `cmd` against `a`, or why it cannot be done.
pub fn plan(a: &Assessment, cmd: &Command) -> Result<Vec<Op>, EditError> {
    let map = &a.network;
    match cmd {
        Command::Add { member, person } => {
            if map.member(&member.id).is_some() {
                return refuse("That entry is already on the map.");
            }
            check_circle(a, member.circle)?;
            let mut ops = Vec::new();
            match (&member.who, person) {
                (Who::Person { person: id }, Some(p)) if &p.id == id => {
                    if a.person(id).is_some() {
                        return refuse("That person is already in the register.");
                    }
                    ops.push(Op::Put(Entity::Person(p.clone())));
                }
                (Who::Person { person: id }, None) => {
                    if a.person(id).is_none() {
                        return refuse("That person is not in the people register.");
                    }
                    if map.entry_for(id).is_some() {
                        return refuse("That person is already on the map.");
                    }
                }
                (Who::Organisation { name, .. }, None) => {
                    if name.trim().is_empty() {
                        return refuse("Enter the organisation's name.");
                    }
                }
                _ => return refuse("The new person does not match the entry."),
            }
            ops.push(Op::Put(Entity::NetworkMember(member.clone())));
            Ok(ops)
        }
        Command::Move { id, circle, angle } => {
            check_circle(a, *circle)?;
            let mut m = map
                .member(id)
                .cloned()
                .ok_or_else(|| EditError("That entry is not on the map.".into()))?;
            m.circle = *circle;
            m.angle = angle % 360;
            Ok(vec![Op::Put(Entity::NetworkMember(m))])
        }
        Command::Set(m) => {
            if map.member(&m.id).is_none() {
                return refuse("That entry is not on the map.");
            }
            check_circle(a, m.circle)?;
            match &m.who {
                Who::Organisation { name, .. } if name.trim().is_empty() => {
                    return refuse("Enter the organisation's name.");
                }
                Who::Person { person } if a.person(person).is_none() => {
                    return refuse("That person is not in the people register.");
                }
                Who::Person { person }
                    if map.entry_for(person).is_some_and(|other| other.id != m.id) =>
                {
                    return refuse("That person is already on the map.");
                }
                _ => {}
            }
            let mut m = m.clone();
            m.angle %= 360;
            Ok(vec![Op::Put(Entity::NetworkMember(m))])
        }
        Command::SetPerson(p) => {
            let Some(stored) = a.person(&p.id) else {
                return refuse("That person is not in the people register.");
            };
            // A role changes only through the register, which says what goes with it.
            let mut p = p.clone();
            p.role = stored.role;
            Ok(vec![Op::Put(Entity::Person(p))])
        }
        Command::Remove(id) => Ok(vec![Op::Remove(Key::NetworkMember(id.clone()))]),
        Command::SetCircles(labels) => {
            if !(MIN_CIRCLES..=MAX_CIRCLES).contains(&labels.len()) {
                return refuse(format!(
                    "A map has between {MIN_CIRCLES} and {MAX_CIRCLES} circles."
                ));
            }
            if labels.iter().any(|l| l.trim().is_empty()) {
                return refuse("Every circle needs a label.");
            }
            let last = (labels.len() - 1) as u8;
            let mut ops = vec![Op::Put(Entity::Circles(labels.clone()))];
            for m in map.members.iter().filter(|m| m.circle > last) {
                let mut m = m.clone();
                m.circle = last;
                ops.push(Op::Put(Entity::NetworkMember(m)));
            }
            Ok(ops)
        }
    }
}

/// Register people not yet on the map whose name matches what is typed in quick entry: the
/// exact name first, then names that start with it, then names with a word that does (at least
/// two letters typed). "Rita" finds Rita Oldham, so she is placed rather than entered twice.
pub fn register_matches(a: &Assessment, typed: &str) -> Vec<PersonId> {
    let t = typed
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    if t.chars().count() < 2 {
        return Vec::new();
    }
    let mut found: Vec<(u8, String, PersonId)> = a
        .people
        .iter()
        .filter(|p| a.network.entry_for(&p.id).is_none())
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
pub fn free_angle(a: &Assessment, circle: u8) -> u16 {
    let mut taken: Vec<u16> = a
        .network
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
