//! Import rules for the genogram and network map that the types alone do not enforce: every
//! id is well formed and unique, and every reference points at someone or something present.

use super::ImportError;
use crate::diagram::genogram::Parents;
use crate::diagram::network::{Who, MAX_CIRCLES, MIN_CIRCLES};
use crate::model::{Assessment, ItemId, PersonId};
use std::collections::HashSet;

fn invalid(path: String, reason: &str) -> ImportError {
    ImportError::InvalidField {
        path,
        reason: reason.to_owned(),
    }
}

/// Checks the diagrams of an assessment being imported or loaded.
pub fn check(a: &Assessment) -> Result<(), ImportError> {
    let g = &a.genogram;
    let mut items: HashSet<String> = HashSet::new();
    let mut item = |id: &ItemId, path: String| {
        if ItemId::parse(id.as_str()).is_none() {
            return Err(invalid(
                path,
                "is not an item id (i- followed by hex digits)",
            ));
        }
        if !items.insert(id.as_str().to_owned()) {
            return Err(invalid(path, "this id is used twice"));
        }
        Ok(())
    };
    let mut drawn: HashSet<&PersonId> = HashSet::new();
    for (i, m) in g.members.iter().enumerate() {
        if a.person(&m.person).is_none() {
            return Err(invalid(
                format!("genogram.members[{i}].person"),
                "names a person who is not in the people register",
            ));
        }
        if !drawn.insert(&m.person) {
            return Err(invalid(
                format!("genogram.members[{i}].person"),
                "this person is drawn twice",
            ));
        }
    }
    let on = |p: &PersonId, path: String| {
        if drawn.contains(p) {
            Ok(())
        } else {
            Err(invalid(path, "names a person who is not on the genogram"))
        }
    };
    for (i, u) in g.partnerships.iter().enumerate() {
        item(&u.id, format!("genogram.partnerships[{i}].id"))?;
        on(&u.a, format!("genogram.partnerships[{i}].a"))?;
        on(&u.b, format!("genogram.partnerships[{i}].b"))?;
        if u.a == u.b {
            return Err(invalid(
                format!("genogram.partnerships[{i}].b"),
                "a person cannot be their own partner",
            ));
        }
    }
    let mut children = HashSet::new();
    for (i, l) in g.parentage.iter().enumerate() {
        item(&l.id, format!("genogram.parentage[{i}].id"))?;
        on(&l.child, format!("genogram.parentage[{i}].child"))?;
        if !children.insert(&l.child) {
            return Err(invalid(
                format!("genogram.parentage[{i}].child"),
                "this child already hangs from parents",
            ));
        }
        match &l.parents {
            Parents::Partnership { partnership } => {
                if g.partnership(partnership).is_none() {
                    return Err(invalid(
                        format!("genogram.parentage[{i}].parents.partnership"),
                        "names a partnership that is not on the genogram",
                    ));
                }
            }
            Parents::Parent { person } => {
                on(person, format!("genogram.parentage[{i}].parents.person"))?
            }
        }
    }
    for (i, h) in g.households.iter().enumerate() {
        item(&h.id, format!("genogram.households[{i}].id"))?;
        if h.members.is_empty() {
            return Err(invalid(
                format!("genogram.households[{i}].members"),
                "a household needs at least one person",
            ));
        }
        for (j, p) in h.members.iter().enumerate() {
            on(p, format!("genogram.households[{i}].members[{j}]"))?;
        }
    }
    for (i, r) in g.relationships.iter().enumerate() {
        item(&r.id, format!("genogram.relationships[{i}].id"))?;
        on(&r.a, format!("genogram.relationships[{i}].a"))?;
        on(&r.b, format!("genogram.relationships[{i}].b"))?;
    }
    let n = a.network.circles.len();
    if !(MIN_CIRCLES..=MAX_CIRCLES).contains(&n)
        || a.network.circles.iter().any(|c| c.trim().is_empty())
    {
        return Err(invalid(
            "network.circles".into(),
            &format!(
                "a map has between {MIN_CIRCLES} and {MAX_CIRCLES} circles, each with a label"
            ),
        ));
    }
    let mut on_map = HashSet::new();
    for (i, m) in a.network.members.iter().enumerate() {
        item(&m.id, format!("network.members[{i}].id"))?;
        if usize::from(m.circle) >= n {
            return Err(invalid(
                format!("network.members[{i}].circle"),
                "there is no such circle",
            ));
        }
        if m.angle >= 360 {
            return Err(invalid(
                format!("network.members[{i}].angle"),
                "must be from 0 to 359 degrees",
            ));
        }
        match &m.who {
            Who::Person { person } => {
                if a.person(person).is_none() {
                    return Err(invalid(
                        format!("network.members[{i}].who.person"),
                        "names a person who is not in the people register",
                    ));
                }
                if !on_map.insert(person) {
                    return Err(invalid(
                        format!("network.members[{i}].who.person"),
                        "this person is on the map twice",
                    ));
                }
            }
            Who::Organisation { name, .. } => {
                if name.trim().is_empty() {
                    return Err(invalid(
                        format!("network.members[{i}].who.name"),
                        "an organisation needs a name",
                    ));
                }
            }
        }
    }
    Ok(())
}
