//! Reversible edits on an assessment's keyed collections. A command becomes a list of [`Op`]s;
//! applying them returns the ops that undo them, computed from what was there before, so undo
//! restores entities exactly, in their original positions.

use crate::diagram::genogram::{Household, Member, Parentage, Partnership, Relationship};
use crate::diagram::network::{ChildNetwork, MapFor, NetworkMember};
use crate::model::{Assessment, ItemId, Person, PersonId};

/// Anything an op can put in or take out of the assessment.
#[derive(Clone, Debug, PartialEq)]
pub enum Entity {
    Person(Person),
    Member(Member),
    Partnership(Partnership),
    Parentage(Parentage),
    Household(Household),
    Relationship(Relationship),
    /// An entry on the map named.
    NetworkMember(MapFor, NetworkMember),
    /// A map's circle labels, innermost first (one value, replaced whole).
    Circles(MapFor, Vec<String>),
    /// A child's own map, started or taken away whole.
    ChildNetwork(ChildNetwork),
}

/// Which entity: its collection and id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Key {
    Person(PersonId),
    Member(PersonId),
    Partnership(ItemId),
    Parentage(ItemId),
    Household(ItemId),
    Relationship(ItemId),
    NetworkMember(MapFor, ItemId),
    Circles(MapFor),
    ChildNetwork(PersonId),
}

impl Entity {
    /// The key this entity is stored under.
    pub fn key(&self) -> Key {
        match self {
            Entity::Person(p) => Key::Person(p.id.clone()),
            Entity::Member(m) => Key::Member(m.person.clone()),
            Entity::Partnership(p) => Key::Partnership(p.id.clone()),
            Entity::Parentage(p) => Key::Parentage(p.id.clone()),
            Entity::Household(h) => Key::Household(h.id.clone()),
            Entity::Relationship(r) => Key::Relationship(r.id.clone()),
            Entity::NetworkMember(map, m) => Key::NetworkMember(map.clone(), m.id.clone()),
            Entity::Circles(map, _) => Key::Circles(map.clone()),
            Entity::ChildNetwork(c) => Key::ChildNetwork(c.child.clone()),
        }
    }
}

/// One primitive change.
#[derive(Clone, Debug, PartialEq)]
pub enum Op {
    /// Replaces the entity with the same key in place, or appends it.
    Put(Entity),
    /// Inserts at a position (used to undo a removal).
    Insert(usize, Entity),
    /// Removes the entity with this key, if present.
    Remove(Key),
}

fn position<T>(v: &[T], f: impl Fn(&T) -> bool) -> Option<usize> {
    v.iter().position(f)
}

/// Finds the entity `key` names.
fn find(a: &Assessment, key: &Key) -> Option<(usize, Entity)> {
    let g = &a.genogram;
    match key {
        Key::Person(id) => {
            position(&a.people, |p| &p.id == id).map(|i| (i, Entity::Person(a.people[i].clone())))
        }
        Key::Member(id) => position(&g.members, |m| &m.person == id)
            .map(|i| (i, Entity::Member(g.members[i].clone()))),
        Key::Partnership(id) => position(&g.partnerships, |p| &p.id == id)
            .map(|i| (i, Entity::Partnership(g.partnerships[i].clone()))),
        Key::Parentage(id) => position(&g.parentage, |p| &p.id == id)
            .map(|i| (i, Entity::Parentage(g.parentage[i].clone()))),
        Key::Household(id) => position(&g.households, |h| &h.id == id)
            .map(|i| (i, Entity::Household(g.households[i].clone()))),
        Key::Relationship(id) => position(&g.relationships, |r| &r.id == id)
            .map(|i| (i, Entity::Relationship(g.relationships[i].clone()))),
        Key::NetworkMember(map, id) => {
            let members = &a.map(map)?.members;
            position(members, |m| &m.id == id)
                .map(|i| (i, Entity::NetworkMember(map.clone(), members[i].clone())))
        }
        Key::Circles(map) => a
            .map(map)
            .map(|m| (0, Entity::Circles(map.clone(), m.circles.clone()))),
        Key::ChildNetwork(child) => position(&a.child_networks, |c| &c.child == child)
            .map(|i| (i, Entity::ChildNetwork(a.child_networks[i].clone()))),
    }
}

fn put_at<T>(v: &mut Vec<T>, at: Option<usize>, replace: bool, x: T) {
    match (at, replace) {
        (Some(i), true) if i < v.len() => v[i] = x,
        (Some(i), _) => v.insert(i.min(v.len()), x),
        (None, _) => v.push(x),
    }
}

/// Stores `e` at `at` (appending when `None`), replacing what is there when `replace`.
fn store(a: &mut Assessment, e: Entity, at: Option<usize>, replace: bool) {
    let g = &mut a.genogram;
    match e {
        Entity::Person(x) => put_at(&mut a.people, at, replace, x),
        Entity::Member(x) => put_at(&mut g.members, at, replace, x),
        Entity::Partnership(x) => put_at(&mut g.partnerships, at, replace, x),
        Entity::Parentage(x) => put_at(&mut g.parentage, at, replace, x),
        Entity::Household(x) => put_at(&mut g.households, at, replace, x),
        Entity::Relationship(x) => put_at(&mut g.relationships, at, replace, x),
        Entity::NetworkMember(map, x) => {
            if let Some(m) = a.map_mut(&map) {
                put_at(&mut m.members, at, replace, x)
            }
        }
        Entity::Circles(map, x) => {
            if let Some(m) = a.map_mut(&map) {
                m.circles = x
            }
        }
        Entity::ChildNetwork(x) => put_at(&mut a.child_networks, at, replace, x),
    }
}

fn remove_at(a: &mut Assessment, key: &Key, i: usize) {
    let g = &mut a.genogram;
    match key {
        Key::Person(_) => drop(a.people.remove(i)),
        Key::Member(_) => drop(g.members.remove(i)),
        Key::Partnership(_) => drop(g.partnerships.remove(i)),
        Key::Parentage(_) => drop(g.parentage.remove(i)),
        Key::Household(_) => drop(g.households.remove(i)),
        Key::Relationship(_) => drop(g.relationships.remove(i)),
        Key::NetworkMember(map, _) => {
            if let Some(m) = a.map_mut(map) {
                drop(m.members.remove(i))
            }
        }
        Key::Circles(_) => unreachable!("the circles are replaced, never removed"),
        Key::ChildNetwork(_) => drop(a.child_networks.remove(i)),
    }
}

/// For tests: applies `ops`, checks they changed something, that their inverse restores the
/// assessment exactly and that applying them again repeats the change.
#[cfg(test)]
pub fn assert_undoable(a: &mut Assessment, label: &str, ops: Vec<Op>) {
    let before = a.clone();
    let undo = apply(a, &ops);
    let after = a.clone();
    assert_ne!(before, after, "{label} changed nothing");
    apply(a, &undo);
    assert_eq!(*a, before, "undo of {label}");
    apply(a, &ops);
    assert_eq!(*a, after, "redo of {label}");
}

/// Applies `ops` in order and returns the ops that undo them (to be applied in the order given).
pub fn apply(a: &mut Assessment, ops: &[Op]) -> Vec<Op> {
    let mut inverse = Vec::with_capacity(ops.len());
    for op in ops {
        match op {
            Op::Put(e) => {
                let key = e.key();
                match find(a, &key) {
                    Some((i, old)) => {
                        store(a, e.clone(), Some(i), true);
                        inverse.push(Op::Put(old));
                    }
                    None => {
                        store(a, e.clone(), None, false);
                        inverse.push(Op::Remove(key));
                    }
                }
            }
            Op::Insert(i, e) => {
                store(a, e.clone(), Some(*i), false);
                inverse.push(Op::Remove(e.key()));
            }
            // The circles are one value that is replaced, never removed.
            Op::Remove(Key::Circles(_)) => {}
            Op::Remove(key) => {
                if let Some((i, old)) = find(a, key) {
                    remove_at(a, key, i);
                    inverse.push(Op::Insert(i, old));
                }
            }
        }
    }
    inverse.reverse();
    inverse
}
