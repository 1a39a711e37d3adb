//! Every change to a genogram, as a command that plans reversible ops against the current
//! assessment. A refused command explains why and changes nothing.
//!
//! Cascading rules when a person is taken off the genogram (they stay in the people register):
//! their partnerships go; children of those partnerships are kept and hang from the other
//! partner alone; their own line to their parents goes; children who hung from them alone are
//! kept without a parent line; their emotional relationships go; they leave every household,
//! and a household left empty goes.

use super::layout;
use super::{
    ChildKind, Genogram, Household, Member, Parentage, Parents, Partnership, PartnershipKind,
    Relationship,
};
use crate::diagram::ops::{Entity, Key, Op};
use crate::diagram::{refuse, EditError};
use crate::model::{Assessment, ItemId, Person, PersonId};

/// Who to add next to a selected person.
#[derive(Clone, Debug, PartialEq)]
pub enum Relation {
    /// A new partner, in a partnership of this kind.
    Partner(PartnershipKind),
    /// A new child of a partnership, or of the selected person alone when `None`.
    Child(Option<ItemId>, ChildKind),
    /// A new parent (the second parent becomes the first one's partner).
    Parent,
    /// A new brother or sister hanging from the same parents.
    Sibling,
}

/// A change to the genogram.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Adds a new person to the register and draws them at a point.
    AddPerson { person: Person, x: i32, y: i32 },
    /// Draws someone already in the register.
    Place { person: PersonId, x: i32, y: i32 },
    /// Adds a new person related to `of`. `link` and `second` are fresh ids for the lines made.
    AddRelative {
        of: PersonId,
        relation: Relation,
        person: Person,
        link: ItemId,
        second: ItemId,
    },
    /// Connects someone already in the register as a relative of `of` (drawing them first if
    /// they are not on the genogram): "Maria's mother is Rita, who is already here".
    Connect {
        of: PersonId,
        relation: Relation,
        person: PersonId,
        link: ItemId,
        second: ItemId,
    },
    /// Moves a person by hand (pins them).
    Move { person: PersonId, x: i32, y: i32 },
    /// Lets automatic layout place a pinned person again.
    Unpin { person: PersonId },
    /// Changes a person's register record (name, sex, dates, life).
    SetPerson(Person),
    /// Adds or changes a partnership between two people on the genogram.
    SetPartnership(Partnership),
    /// Removes a partnership that no child hangs from.
    Unpartner(ItemId),
    /// Adds or changes a child's line to their parents.
    SetParentage(Parentage),
    /// Removes a child's line to their parents.
    Detach(ItemId),
    /// Makes `child` a twin of `with` (a sibling with the same parents), as a new group of
    /// their own; `None`: not a twin.
    SetTwin {
        child: PersonId,
        with: Option<PersonId>,
        identical: bool,
    },
    /// Adds or changes a household.
    SetHousehold(Household),
    /// Removes a household boundary (the people stay).
    RemoveHousehold(ItemId),
    /// Adds or changes an emotional relationship.
    SetRelationship(Relationship),
    /// Removes an emotional relationship.
    RemoveRelationship(ItemId),
    /// Takes a person off the genogram (see the module's cascading rules).
    Remove(PersonId),
    /// Places everyone not pinned by generation (see [`layout`]).
    AutoLayout,
}

impl Command {
    /// Words for the undo and redo buttons.
    pub fn label(&self) -> &'static str {
        match self {
            Command::AddPerson { .. } | Command::Place { .. } => "add person",
            Command::Connect { relation, .. } => match relation {
                Relation::Partner(_) => "connect partner",
                Relation::Child(..) => "connect child",
                Relation::Parent => "connect parent",
                Relation::Sibling => "connect sibling",
            },
            Command::AddRelative { relation, .. } => match relation {
                Relation::Partner(_) => "add partner",
                Relation::Child(..) => "add child",
                Relation::Parent => "add parent",
                Relation::Sibling => "add sibling",
            },
            Command::Move { .. } => "move",
            Command::Unpin { .. } => "unpin",
            Command::SetPerson(_) => "change person",
            Command::SetPartnership(_) => "change partnership",
            Command::Unpartner(_) => "remove partnership",
            Command::SetParentage(_) => "change child's line",
            Command::Detach(_) => "remove child's line",
            Command::SetTwin { with: None, .. } => "mark as not a twin",
            Command::SetTwin { .. } => "mark as twins",
            Command::SetHousehold(_) => "change household",
            Command::RemoveHousehold(_) => "remove household",
            Command::SetRelationship(_) => "change relationship",
            Command::RemoveRelationship(_) => "remove relationship",
            Command::Remove(_) => "remove from genogram",
            Command::AutoLayout => "arrange automatically",
        }
    }
}

/// The parents a child can be shown hanging from, as (code, words): "none", each partnership
/// the child is not in ("u:i-…", "Maria Oldham and Tom Hart"), and each person drawn on their
/// own ("p:p-…", "Maria Oldham alone"). Used by the genogram's table.
pub fn parent_choices(a: &Assessment, child: &PersonId) -> Vec<(String, String)> {
    let g = &a.genogram;
    let name = |p: &PersonId| a.person(p).map(Person::display_name).unwrap_or_default();
    let mut out = vec![(String::new(), "Not shown".to_owned())];
    out.extend(
        g.partnerships
            .iter()
            .filter(|u| !u.involves(child))
            .map(|u| {
                (
                    format!("u:{}", u.id),
                    format!("{} and {}", name(&u.a), name(&u.b)),
                )
            }),
    );
    // An unborn baby is nobody's parent (kept only where a line already says so).
    let current = parent_choice_of(a, child);
    let could_be_parent = |p: &PersonId| {
        a.person(p).is_some_and(|x| !x.life.is_pregnancy()) || current == format!("p:{p}")
    };
    out.extend(
        g.members
            .iter()
            .filter(|m| &m.person != child && could_be_parent(&m.person))
            .map(|m| {
                (
                    format!("p:{}", m.person),
                    format!("{} alone", name(&m.person)),
                )
            }),
    );
    out
}

/// The code [`parent_choices`] gives a child's current line.
pub fn parent_choice_of(a: &Assessment, child: &PersonId) -> String {
    match a.genogram.parentage_of(child).map(|l| &l.parents) {
        Some(Parents::Partnership { partnership }) => format!("u:{partnership}"),
        Some(Parents::Parent { person }) => format!("p:{person}"),
        None => String::new(),
    }
}

/// The command that sets a child's parents to a [`parent_choices`] code; `link` names a new
/// line. `None` when nothing would change.
pub fn set_parents(a: &Assessment, child: &PersonId, code: &str, link: ItemId) -> Option<Command> {
    let existing = a.genogram.parentage_of(child);
    let parents = if let Some(u) = code.strip_prefix("u:") {
        Parents::Partnership {
            partnership: ItemId::parse(u)?,
        }
    } else if let Some(p) = code.strip_prefix("p:") {
        Parents::Parent {
            person: PersonId::parse(p)?,
        }
    } else {
        return existing.map(|l| Command::Detach(l.id.clone()));
    };
    let line = match existing {
        Some(l) if l.parents == parents => return None,
        Some(l) => Parentage {
            parents,
            ..l.clone()
        },
        None => Parentage {
            id: link,
            child: child.clone(),
            parents,
            kind: ChildKind::Birth,
            twin: None,
        },
    };
    Some(Command::SetParentage(line))
}

pub use super::layout::{STEP_X, STEP_Y};

fn on_genogram(g: &Genogram, p: &PersonId) -> Result<(), EditError> {
    match g.member(p) {
        Some(_) => Ok(()),
        None => refuse(crate::diagram::NOT_ON_GENOGRAM),
    }
}

fn member_op(person: &PersonId, x: i32, y: i32, pinned: bool) -> Op {
    Op::Put(Entity::Member(Member {
        person: person.clone(),
        x,
        y,
        pinned,
    }))
}

/// A free spot near (x, y) on the same row: moves right a step at a time past anyone there.
fn free_spot(g: &Genogram, x: i32, y: i32) -> (i32, i32) {
    let mut x = x;
    while g
        .members
        .iter()
        .any(|m| (m.y - y).abs() < STEP_Y / 2 && (m.x - x).abs() < STEP_X - 10)
    {
        x += STEP_X;
    }
    (x, y)
}

/// Works out the ops for `cmd` against `a`, or why it cannot be done. The rules of a valid
/// genogram (nobody their own partner, parent or ancestor; two people partners once) are not
/// repeated here: they are [`crate::model::validity`]'s, and the workspace refuses a command
/// whose result breaks one, with the rule's own words.
pub fn plan(a: &Assessment, cmd: &Command) -> Result<Vec<Op>, EditError> {
    let g = &a.genogram;
    match cmd {
        Command::AddPerson { person, x, y } => {
            if a.person(&person.id).is_some() {
                return refuse(crate::diagram::ALREADY_IN_REGISTER);
            }
            Ok(vec![
                Op::Put(Entity::Person(person.clone())),
                member_op(&person.id, *x, *y, false),
            ])
        }
        Command::Place { person, x, y } => {
            if a.person(person).is_none() {
                return refuse(crate::diagram::NOT_IN_REGISTER);
            }
            if g.member(person).is_some() {
                return refuse("That person is already on the genogram.");
            }
            Ok(vec![member_op(person, *x, *y, false)])
        }
        Command::AddRelative {
            of,
            relation,
            person,
            link,
            second,
        } => add_relative(a, of, relation, Who::New(person), link, second),
        Command::Connect {
            of,
            relation,
            person,
            link,
            second,
        } => add_relative(a, of, relation, Who::Existing(person), link, second),
        Command::Move { person, x, y } => {
            on_genogram(g, person)?;
            Ok(vec![member_op(person, *x, *y, true)])
        }
        Command::Unpin { person } => {
            let m = g
                .member(person)
                .ok_or_else(|| EditError(crate::diagram::NOT_ON_GENOGRAM.into()))?;
            Ok(vec![member_op(person, m.x, m.y, false)])
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
        Command::SetPartnership(u) => {
            on_genogram(g, &u.a)?;
            on_genogram(g, &u.b)?;
            Ok(vec![Op::Put(Entity::Partnership(u.clone()))])
        }
        Command::Unpartner(id) => {
            if g.parentage.iter().any(|l| hangs_from(l, id)) {
                return refuse(
                    "Children hang from this partnership. Move or remove their lines first.",
                );
            }
            Ok(vec![Op::Remove(Key::Partnership(id.clone()))])
        }
        Command::SetParentage(l) => {
            check_parentage(g, l).map(|()| vec![Op::Put(Entity::Parentage(l.clone()))])
        }
        Command::Detach(id) => Ok(vec![Op::Remove(Key::Parentage(id.clone()))]),
        Command::SetTwin {
            child,
            with,
            identical,
        } => set_twin(g, child, with.as_ref(), *identical),
        Command::SetHousehold(h) => {
            for p in &h.members {
                on_genogram(g, p)?;
            }
            if h.members.is_empty() {
                return refuse("A household needs at least one person.");
            }
            Ok(vec![Op::Put(Entity::Household(h.clone()))])
        }
        Command::RemoveHousehold(id) => Ok(vec![Op::Remove(Key::Household(id.clone()))]),
        Command::SetRelationship(r) => {
            on_genogram(g, &r.a)?;
            on_genogram(g, &r.b)?;
            if r.a == r.b {
                return refuse("Choose two different people.");
            }
            Ok(vec![Op::Put(Entity::Relationship(r.clone()))])
        }
        Command::RemoveRelationship(id) => Ok(vec![Op::Remove(Key::Relationship(id.clone()))]),
        Command::Remove(p) => {
            on_genogram(g, p)?;
            Ok(removal(g, p))
        }
        Command::AutoLayout => {
            let placed = layout::layout(a);
            Ok(g.members
                .iter()
                .filter_map(|m| {
                    let &(x, y) = placed.get(&m.person)?;
                    (x != m.x || y != m.y).then(|| member_op(&m.person, x, y, m.pinned))
                })
                .collect())
        }
    }
}

/// The lines to change so `child` and `with` are twins, in a group number no one else has
/// (or `child` is no twin, when `with` is `None`).
fn set_twin(
    g: &Genogram,
    child: &PersonId,
    with: Option<&PersonId>,
    identical: bool,
) -> Result<Vec<Op>, EditError> {
    let Some(mine) = g.parentage_of(child) else {
        return refuse("Give them a line to their parents first.");
    };
    if let Some(other) = with {
        let same_parents = g
            .parentage_of(other)
            .is_some_and(|o| o.parents == mine.parents && &o.child != child);
        if !same_parents {
            return refuse("Twins have the same parents.");
        }
    }
    let group = g
        .parentage
        .iter()
        .filter_map(|l| l.twin.map(|t| t.group))
        .max()
        .map_or(1, |n| n + 1);
    let mut ops = Vec::new();
    for l in &g.parentage {
        let chosen = &l.child == child || Some(&l.child) == with;
        let mut l = l.clone();
        l.twin = match (chosen, with) {
            (true, Some(_)) => Some(super::Twin { group, identical }),
            (true, None) => None,
            (false, _) => continue,
        };
        ops.push(Op::Put(Entity::Parentage(l)));
    }
    Ok(ops)
}

fn hangs_from(l: &Parentage, partnership: &ItemId) -> bool {
    matches!(&l.parents, Parents::Partnership { partnership: p } if p == partnership)
}

/// A child has one line to their parents, who are on the genogram (that they are not the
/// child is the rules' to say).
fn check_parentage(g: &Genogram, l: &Parentage) -> Result<(), EditError> {
    on_genogram(g, &l.child)?;
    if g.parentage
        .iter()
        .any(|o| o.child == l.child && o.id != l.id)
    {
        return refuse("This child already hangs from parents. Change that line instead.");
    }
    match &l.parents {
        Parents::Partnership { partnership } if g.partnership(partnership).is_none() => {
            refuse("That partnership is not on the genogram.")
        }
        Parents::Partnership { .. } => Ok(()),
        Parents::Parent { person } => on_genogram(g, person),
    }
}

/// The relative a command adds: a new register record, or someone already in the register.
enum Who<'a> {
    New(&'a Person),
    Existing(&'a PersonId),
}

fn add_relative(
    a: &Assessment,
    of: &PersonId,
    relation: &Relation,
    who: Who,
    link: &ItemId,
    second: &ItemId,
) -> Result<Vec<Op>, EditError> {
    let g = &a.genogram;
    let anchor = g
        .member(of)
        .ok_or_else(|| EditError("Select a person on the genogram first.".into()))?;
    let mut ops = Vec::new();
    let id = match who {
        Who::New(person) => {
            if a.person(&person.id).is_some() {
                return refuse(crate::diagram::ALREADY_IN_REGISTER);
            }
            ops.push(Op::Put(Entity::Person(person.clone())));
            person.id.clone()
        }
        Who::Existing(id) => {
            if a.person(id).is_none() {
                return refuse(crate::diagram::NOT_IN_REGISTER);
            }
            if id == of {
                return refuse("Choose someone other than the person selected.");
            }
            id.clone()
        }
    };
    let drawn = g.member(&id).is_some();
    // A new person is placed near the one selected; someone already drawn stays where they are.
    let place = |ops: &mut Vec<Op>, x: i32, y: i32| {
        if !drawn {
            let (x, y) = free_spot(g, x, y);
            ops.push(member_op(&id, x, y, false));
        }
    };
    let hangs_already = || g.parentage_of(&id).is_some();
    let parentage = |parents: Parents, kind: ChildKind| {
        Op::Put(Entity::Parentage(Parentage {
            id: link.clone(),
            child: id.clone(),
            parents,
            kind,
            twin: None,
        }))
    };
    match relation {
        Relation::Partner(kind) => {
            if g.parents_of(of).contains(&id) || g.parents_of(&id).contains(of) {
                return refuse("A parent and their child cannot be shown as partners.");
            }
            place(&mut ops, anchor.x + STEP_X, anchor.y);
            ops.push(Op::Put(Entity::Partnership(Partnership {
                id: link.clone(),
                a: of.clone(),
                b: id.clone(),
                kind: *kind,
                start: None,
                end: None,
            })));
        }
        Relation::Child(partnership, kind) => {
            if hangs_already() {
                return refuse(crate::diagram::HANGS_FROM_PARENTS);
            }
            let (parents, mid_x) = match partnership {
                Some(pid) => {
                    let u = g
                        .partnership(pid)
                        .filter(|u| u.involves(of))
                        .ok_or_else(|| {
                            EditError("That partnership is not this person's.".into())
                        })?;
                    let other_x = g.member(u.other(of)).map_or(anchor.x, |m| m.x);
                    (
                        Parents::Partnership {
                            partnership: pid.clone(),
                        },
                        (anchor.x + other_x) / 2,
                    )
                }
                None => (Parents::Parent { person: of.clone() }, anchor.x),
            };
            place(&mut ops, mid_x, anchor.y + STEP_Y);
            ops.push(parentage(parents, *kind));
        }
        Relation::Parent => {
            let existing = g.parentage_of(of);
            if g.parents_of(of).contains(&id) {
                return refuse("That person is already shown as this person's parent.");
            }
            if g.parents_of(&id).contains(of) {
                return refuse("A person's child cannot also be their parent.");
            }
            place(&mut ops, anchor.x, anchor.y - STEP_Y);
            match existing {
                None => ops.push(Op::Put(Entity::Parentage(Parentage {
                    id: link.clone(),
                    child: of.clone(),
                    parents: Parents::Parent { person: id.clone() },
                    kind: ChildKind::Birth,
                    twin: None,
                }))),
                Some(line) => match &line.parents {
                    Parents::Parent { person: first } => {
                        // The two parents as a couple: the partnership they have, or a new one.
                        let couple = match g
                            .partnerships
                            .iter()
                            .find(|u| u.involves(first) && u.involves(&id))
                        {
                            Some(u) => u.id.clone(),
                            None => {
                                ops.push(Op::Put(Entity::Partnership(Partnership {
                                    id: second.clone(),
                                    a: first.clone(),
                                    b: id.clone(),
                                    kind: PartnershipKind::Married,
                                    start: None,
                                    end: None,
                                })));
                                second.clone()
                            }
                        };
                        // Every child of the first parent alone now hangs from the couple.
                        for l in g.parentage.iter().filter(
                            |l| matches!(&l.parents, Parents::Parent { person } if person == first),
                        ) {
                            if l.child == id {
                                continue;
                            }
                            let mut l = l.clone();
                            l.parents = Parents::Partnership {
                                partnership: couple.clone(),
                            };
                            ops.push(Op::Put(Entity::Parentage(l)));
                        }
                    }
                    Parents::Partnership { .. } => {
                        return refuse("This person already has two parents on the genogram.")
                    }
                },
            }
        }
        Relation::Sibling => {
            let line = g.parentage_of(of).ok_or_else(|| {
                EditError("Add a parent first, so brothers and sisters share a line.".into())
            })?;
            if hangs_already() {
                return refuse(crate::diagram::HANGS_FROM_PARENTS);
            }
            let parents_now = g.parents_of(of);
            if parents_now.contains(&id) {
                return refuse("A parent cannot also be shown as a brother or sister.");
            }
            place(&mut ops, anchor.x + STEP_X, anchor.y);
            ops.push(parentage(line.parents.clone(), ChildKind::Birth));
        }
    }
    Ok(ops)
}

/// The ops that take `p` off the genogram, following the module's cascading rules.
fn removal(g: &Genogram, p: &PersonId) -> Vec<Op> {
    let mut ops = Vec::new();
    for u in g.partnerships_of(p) {
        for l in g.parentage.iter().filter(|l| hangs_from(l, &u.id)) {
            let mut l = l.clone();
            l.parents = Parents::Parent {
                person: u.other(p).clone(),
            };
            ops.push(Op::Put(Entity::Parentage(l)));
        }
        ops.push(Op::Remove(Key::Partnership(u.id.clone())));
    }
    for l in &g.parentage {
        let alone = matches!(&l.parents, Parents::Parent { person } if person == p);
        if &l.child == p || alone {
            ops.push(Op::Remove(Key::Parentage(l.id.clone())));
        }
    }
    for r in g.relationships.iter().filter(|r| &r.a == p || &r.b == p) {
        ops.push(Op::Remove(Key::Relationship(r.id.clone())));
    }
    for h in g.households.iter().filter(|h| h.members.contains(p)) {
        if h.members.len() == 1 {
            ops.push(Op::Remove(Key::Household(h.id.clone())));
        } else {
            let mut h = h.clone();
            h.members.retain(|m| m != p);
            ops.push(Op::Put(Entity::Household(h)));
        }
    }
    ops.push(Op::Remove(Key::Member(p.clone())));
    ops
}
