//! The genogram: who is drawn where, partnerships, who is whose child, households and emotional
//! relationships. People themselves live in the assessment's people register; the genogram
//! only refers to them by id.

pub mod kinds;
pub use kinds::{ChildKind, EmotionalKind, PartnershipKind};

use crate::model::{ItemId, PersonId};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A genogram, part of an assessment.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Genogram {
    /// The people drawn, with where.
    pub members: Vec<Member>,
    pub partnerships: Vec<Partnership>,
    /// Each child's line to their parents.
    pub parentage: Vec<Parentage>,
    pub households: Vec<Household>,
    pub relationships: Vec<Relationship>,
}

/// A person on the genogram and the centre of their symbol.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Member {
    pub person: PersonId,
    pub x: i32,
    pub y: i32,
    /// Placed by hand: automatic layout leaves this person where they are.
    pub pinned: bool,
}

/// Two people as partners.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Partnership {
    pub id: ItemId,
    pub a: PersonId,
    pub b: PersonId,
    pub kind: PartnershipKind,
    /// When the relationship, marriage or civil partnership began.
    pub start: Option<NaiveDate>,
    /// When it ended (separation or divorce).
    pub end: Option<NaiveDate>,
}

impl Partnership {
    /// Whether `p` is one of the two partners.
    pub fn involves(&self, p: &PersonId) -> bool {
        &self.a == p || &self.b == p
    }
    /// The other partner.
    pub fn other(&self, p: &PersonId) -> &PersonId {
        if &self.a == p {
            &self.b
        } else {
            &self.a
        }
    }
}

/// Whose child someone is: a partnership, or one parent alone.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", tag = "kind", deny_unknown_fields)]
pub enum Parents {
    Partnership { partnership: ItemId },
    Parent { person: PersonId },
}

/// Twins or more born together share a group number; identical twins are marked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Twin {
    pub group: u32,
    pub identical: bool,
}

/// A child's line to their parents.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Parentage {
    pub id: ItemId,
    pub child: PersonId,
    pub parents: Parents,
    pub kind: ChildKind,
    pub twin: Option<Twin>,
}

/// People who live together, drawn inside one boundary.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Household {
    pub id: ItemId,
    /// A label such as "Mum's home" (optional).
    pub name: String,
    pub members: Vec<PersonId>,
}

/// How two people get on, drawn as a line style between them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Relationship {
    pub id: ItemId,
    pub a: PersonId,
    pub b: PersonId,
    pub kind: EmotionalKind,
    pub notes: String,
}

impl Genogram {
    /// The member record for a person on the genogram.
    pub fn member(&self, p: &PersonId) -> Option<&Member> {
        self.members.iter().find(|m| &m.person == p)
    }
    /// The partnership with this id.
    pub fn partnership(&self, id: &ItemId) -> Option<&Partnership> {
        self.partnerships.iter().find(|p| &p.id == id)
    }
    /// The partnership new children of `p` hang from: their latest one.
    pub fn latest_partnership_of(&self, p: &PersonId) -> Option<ItemId> {
        self.partnerships_of(p).last().map(|u| u.id.clone())
    }
    /// The partnerships a person is in, in the order they were recorded.
    pub fn partnerships_of<'a>(
        &'a self,
        p: &'a PersonId,
    ) -> impl Iterator<Item = &'a Partnership> + 'a {
        self.partnerships.iter().filter(move |u| u.involves(p))
    }
    /// The line from a child to their parents, if drawn.
    pub fn parentage_of(&self, child: &PersonId) -> Option<&Parentage> {
        self.parentage.iter().find(|l| &l.child == child)
    }
    /// The parents of a child: one or two people.
    pub fn parents_of(&self, child: &PersonId) -> Vec<PersonId> {
        match self.parentage_of(child).map(|l| &l.parents) {
            Some(Parents::Partnership { partnership }) => self
                .partnership(partnership)
                .map(|u| vec![u.a.clone(), u.b.clone()])
                .unwrap_or_default(),
            Some(Parents::Parent { person }) => vec![person.clone()],
            None => Vec::new(),
        }
    }
    /// Someone shown as their own ancestor (a child of their child, or further back), if anyone
    /// is: a person on the loop, so taking their line to parents off breaks it.
    pub fn ancestry_loop(&self) -> Option<PersonId> {
        use std::collections::HashMap;
        // Absent: not visited; false: on the current path; true: done.
        fn visit<'a>(
            g: &'a Genogram,
            p: &'a PersonId,
            done: &mut HashMap<&'a PersonId, bool>,
        ) -> Option<&'a PersonId> {
            match done.get(p) {
                Some(false) => return Some(p),
                Some(true) => return None,
                None => {}
            }
            done.insert(p, false);
            let parents: Vec<&PersonId> = match g.parentage_of(p).map(|l| &l.parents) {
                Some(Parents::Partnership { partnership }) => g
                    .partnership(partnership)
                    .map(|u| vec![&u.a, &u.b])
                    .unwrap_or_default(),
                Some(Parents::Parent { person }) => vec![person],
                None => Vec::new(),
            };
            for q in parents {
                if let Some(on_loop) = visit(g, q, done) {
                    return Some(on_loop);
                }
            }
            done.insert(p, true);
            None
        }
        let mut done = HashMap::new();
        self.members
            .iter()
            .find_map(|m| visit(self, &m.person, &mut done))
            .cloned()
    }
    /// Whether `a` and `b` are recorded as partners.
    pub fn are_partners(&self, a: &PersonId, b: &PersonId) -> bool {
        self.partnerships
            .iter()
            .any(|u| u.involves(a) && u.other(a) == b)
    }
}
