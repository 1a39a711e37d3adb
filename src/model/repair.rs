//! Mending a stored assessment that breaks [`super::validity`]'s rules (written by an older
//! version, or by a bug), so its owner can open it again. Repair is for the user's own data;
//! imports stay strict. It deletes nothing anyone wrote: a reference to someone no longer in the
//! register becomes a typed name or a placeholder record, a missing name gets a stand-in; only
//! links that contradict each other (someone drawn twice, a child hanging from two sets of
//! parents) lose their extra copy. Every change is listed in plain words for the worker.
//! What it cannot mend (ids that are not ids, two people with one id) stays, and the caller
//! offers the record for export as it is.

use super::genogram::{Member, Parents};
use super::network::{Who, MAX_CIRCLES, MIN_CIRCLES};
use super::validity::{answer_child, problems};
use super::{Assessment, Person, PersonId, PersonRole, ScaleKind};
use std::collections::{BTreeSet, HashSet};

/// The words added to a rater's name when their register record is no longer there.
pub const REMOVED: &str = "(removed from the register)";

/// What a repair did, and what it could not mend.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Repaired {
    /// Each change, as a sentence.
    pub changes: Vec<String>,
    /// The rules still broken afterwards, as "path: reason".
    pub remaining: Vec<String>,
}

/// Mends `a` in place; see the module comment.
pub fn repair(a: &mut Assessment) -> Repaired {
    let mut changes = Vec::new();
    if problems(a).is_empty() {
        return Repaired::default();
    }
    unlink_missing_raters(a, &mut changes);
    restore_referenced_people(a, &mut changes);
    mend_scales(a, &mut changes);
    mend_chronology_ids(a, &mut changes);
    mend_genogram(a, &mut changes);
    mend_ancestry(a, &mut changes);
    mend_network(a, &mut changes);
    super::repair_planning::mend_planning(a, &mut changes);
    super::repair_child_tools::mend_child_tools(a, &mut changes);
    mend_family_group(a, &mut changes);
    Repaired {
        changes,
        remaining: problems(a).iter().map(ToString::to_string).collect(),
    }
}

/// The family group record: who came was invited; chosen words of the child that are no
/// longer in their tools are let go (the words themselves were already gone); agreed versions
/// numbered in order.
fn mend_family_group(a: &mut Assessment, changes: &mut Vec<String>) {
    let present: HashSet<_> = a
        .child_tools
        .iter()
        .flat_map(|t| t.child_words.iter().map(|w| w.id.clone()))
        .collect();
    let mut n = 0;
    for m in &mut a.family_group.meetings {
        let before = m.child_words.len();
        m.child_words.retain(|w| present.contains(w));
        n += before - m.child_words.len();
        for p in m.came.clone() {
            if !m.invited.contains(&p) {
                m.invited.push(p);
                n += 1;
            }
        }
        for (i, v) in m.versions.iter_mut().enumerate() {
            if v.number as usize != i + 1 {
                v.number = i as u32 + 1;
                n += 1;
            }
        }
    }
    if n > 0 {
        changes.push(format!(
            "{n} thing{} in the family group decision-making record put right (who came among those invited, the family's plan's versions numbered in order, references to words since removed let go).",
            plural(n)
        ));
    }
}

/// A rater whose register record is gone keeps their judgement under their typed name.
pub fn unlink_rater(rater: &mut super::Rater, name: &str) {
    rater.person = None;
    if rater.name.trim().is_empty() {
        rater.name = name.to_owned();
    }
    if !rater.name.contains(REMOVED) {
        rater.name = format!("{} {REMOVED}", rater.name.trim());
    }
}

fn unlink_missing_raters(a: &mut Assessment, changes: &mut Vec<String>) {
    let present: HashSet<PersonId> = a.people.iter().map(|p| p.id.clone()).collect();
    let mut n = 0;
    for s in &mut a.scales {
        let lists =
            std::iter::once(&mut s.markers).chain(s.history.iter_mut().map(|h| &mut h.markers));
        for markers in lists {
            for m in markers {
                if m.rater
                    .person
                    .as_ref()
                    .is_some_and(|p| !present.contains(p))
                {
                    unlink_rater(&mut m.rater, "Someone");
                    n += 1;
                }
            }
        }
    }
    if n > 0 {
        changes.push(format!(
            "{n} scale judgement{} named someone no longer in the people register: kept, with their name typed in and \"{REMOVED}\".",
            plural(n)
        ));
    }
}

/// Everyone a child-only reference names, and everyone any other reference names.
fn referenced(a: &Assessment) -> (BTreeSet<PersonId>, BTreeSet<PersonId>) {
    let mut as_child = BTreeSet::new();
    let mut any = BTreeSet::new();
    for key in a.answers.keys() {
        if let Some(c) = answer_child(key).and_then(PersonId::parse) {
            as_child.insert(c);
        }
    }
    for e in &a.chronology {
        as_child.extend(e.children.iter().cloned());
    }
    for s in &a.scales {
        if let ScaleKind::Safety { child } = &s.kind {
            as_child.insert(child.clone());
        }
    }
    for r in &a.planning.plan.rules {
        any.extend(r.who.iter().cloned());
    }
    let g = &a.genogram;
    any.extend(g.members.iter().map(|m| m.person.clone()));
    for u in &g.partnerships {
        any.extend([u.a.clone(), u.b.clone()]);
    }
    for l in &g.parentage {
        any.insert(l.child.clone());
        if let Parents::Parent { person } = &l.parents {
            any.insert(person.clone());
        }
    }
    for h in &g.households {
        any.extend(h.members.iter().cloned());
    }
    for r in &g.relationships {
        any.extend([r.a.clone(), r.b.clone()]);
    }
    for m in a.map_entries() {
        if let Who::Person { person } = &m.who {
            any.insert(person.clone());
        }
    }
    // The child a tool was used with keeps a record to hold what they drew and said.
    any.extend(a.child_tools.iter().map(|t| t.child.clone()));
    // A child's own map says they are a child being assessed.
    as_child.extend(a.child_networks.iter().map(|c| c.child.clone()));
    // Family group decision-making: who was offered a meeting, invited, came, does what.
    let g = &a.family_group;
    any.extend(g.offers.iter().map(|o| o.person.clone()));
    for m in &g.meetings {
        any.extend(m.invited.iter().chain(&m.came).cloned());
        any.extend(m.plan.points.iter().flat_map(|p| p.who.iter().cloned()));
        as_child.extend(m.children_came.iter().cloned());
    }
    (as_child, any)
}

/// People something still refers to get a placeholder record; people referred to as a child
/// being assessed get that role back.
fn restore_referenced_people(a: &mut Assessment, changes: &mut Vec<String>) {
    let (as_child, any) = referenced(a);
    for id in &as_child {
        match a.person_mut(id) {
            Some(p) if p.role != PersonRole::SubjectChild => {
                p.role = PersonRole::SubjectChild;
                changes.push(format!(
                    "{} has answers, a safety scale, chronology entries recorded as a child being assessed: their role is \"Child being assessed\" again.",
                    p.display_name()
                ));
            }
            Some(_) => {}
            None => {
                let mut p = Person::new(id.clone(), PersonRole::SubjectChild);
                p.given_name = "Child not in the register".into();
                p.notes = "Added by a repair: answers, a scale, chronology entries were recorded for a child whose record was missing. Add their name, or remove them.".into();
                a.people.push(p);
                changes.push(format!(
                    "Answers, a scale, chronology entries were recorded for a child missing from the register ({id}): a placeholder child was added to hold them."
                ));
            }
        }
    }
    for id in any.difference(&as_child) {
        if a.person(id).is_none() {
            let mut p = Person::new(id.clone(), PersonRole::FamilyMember);
            p.given_name = "Person not in the register".into();
            p.notes = "Added by a repair: the genogram, the network map or the safety plan named someone whose record was missing. Add their name, or remove them.".into();
            a.people.push(p);
            changes.push(format!(
                "The genogram, the network map or the safety plan named someone missing from the register ({id}): a placeholder person was added in their place."
            ));
        }
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Ids made unique by adding a suffix; returns how many changed.
fn unique_ids<'a>(ids: impl Iterator<Item = &'a mut String>, stem: &str) -> usize {
    let mut seen = HashSet::new();
    let mut changed = 0;
    for id in ids {
        if id.trim().is_empty() {
            *id = stem.to_owned();
        }
        if !seen.insert(id.clone()) {
            let base = id.clone();
            let mut n = 2;
            while seen.contains(&format!("{base}-{n}")) {
                n += 1;
            }
            *id = format!("{base}-{n}");
            seen.insert(id.clone());
            changed += 1;
        } else if id == stem {
            changed += 1;
        }
    }
    changed
}

fn mend_scales(a: &mut Assessment, changes: &mut Vec<String>) {
    if unique_ids(a.scales.iter_mut().map(|s| &mut s.id), "s-repaired") > 0 {
        changes.push("Two scales shared an id (or one had none): each has its own now.".into());
    }
    let mut markers = 0;
    for s in &mut a.scales {
        markers += unique_ids(s.markers.iter_mut().map(|m| &mut m.id), "m-repaired");
        for h in &mut s.history {
            markers += unique_ids(h.markers.iter_mut().map(|m| &mut m.id), "m-repaired");
        }
    }
    if markers > 0 {
        changes.push(format!(
            "{markers} scale judgement{} shared an id with another: each has its own now.",
            plural(markers)
        ));
    }
    let mut seen = HashSet::new();
    let names: Vec<(PersonId, String)> = a
        .people
        .iter()
        .map(|p| (p.id.clone(), p.display_name()))
        .collect();
    for s in &mut a.scales {
        if let ScaleKind::Safety { child } = &s.kind {
            if !seen.insert(child.clone()) {
                let name = names
                    .iter()
                    .find(|(id, _)| id == child)
                    .map_or("a child", |(_, n)| n.as_str())
                    .to_owned();
                s.question = format!("Second safety scale for {name}: {}", s.question);
                s.kind = ScaleKind::Custom;
                changes.push(format!(
                    "{name} had two safety scales: the second is kept as a scale of its own."
                ));
            }
        }
    }
}

fn mend_chronology_ids(a: &mut Assessment, changes: &mut Vec<String>) {
    if unique_ids(a.chronology.iter_mut().map(|e| &mut e.id), "e-repaired") > 0 {
        changes.push(
            "Two chronology entries shared an id (or one had none): each has its own now.".into(),
        );
    }
}

fn name(a: &Assessment, id: &PersonId) -> String {
    a.person(id)
        .map_or_else(|| id.to_string(), Person::display_name)
}

/// Someone shown as their own ancestor: their line to parents is taken off, one at a time,
/// until nobody is.
fn mend_ancestry(a: &mut Assessment, changes: &mut Vec<String>) {
    while let Some(p) = a.genogram.ancestry_loop() {
        let name = name(a, &p);
        a.genogram.parentage.retain(|l| l.child != p);
        changes.push(format!(
            "{name} was shown as their own ancestor: their line to parents was taken off."
        ));
    }
}

fn mend_genogram(a: &mut Assessment, changes: &mut Vec<String>) {
    // Someone drawn twice: the first place is kept.
    let mut drawn = HashSet::new();
    let before = a.genogram.members.len();
    a.genogram
        .members
        .retain(|m| drawn.insert(m.person.clone()));
    if a.genogram.members.len() < before {
        changes
            .push("Someone was drawn twice on the genogram: the second copy was taken off.".into());
    }
    // Everyone a line or household names is drawn.
    let mut x = a.genogram.members.iter().map(|m| m.x).max().unwrap_or(0);
    let undrawn: Vec<PersonId> = a
        .people
        .iter()
        .map(|p| p.id.clone())
        .filter(|id| a.genogram.member(id).is_none() && genogram_names(a, id))
        .collect();
    for id in undrawn {
        x += 130;
        a.genogram.members.push(Member {
            person: id.clone(),
            x,
            y: 0,
            pinned: false,
        });
        changes.push(format!(
            "{} was linked on the genogram but not drawn: they are drawn now (use \"Arrange automatically\" to place them).",
            name(a, &id)
        ));
    }
    let g = &mut a.genogram;
    // Partnerships: not with oneself, one per pair; children of a duplicate move to the first.
    let mut first_of_pair: Vec<((PersonId, PersonId), super::ItemId)> = Vec::new();
    let mut moved = Vec::new();
    let mut dropped = 0;
    g.partnerships.retain(|u| {
        if u.a == u.b {
            dropped += 1;
            return false;
        }
        let pair = if u.a <= u.b {
            (u.a.clone(), u.b.clone())
        } else {
            (u.b.clone(), u.a.clone())
        };
        match first_of_pair.iter().find(|(p, _)| *p == pair) {
            Some((_, first)) => {
                moved.push((u.id.clone(), first.clone()));
                dropped += 1;
                false
            }
            None => {
                first_of_pair.push((pair, u.id.clone()));
                true
            }
        }
    });
    for l in &mut g.parentage {
        if let Parents::Partnership { partnership } = &mut l.parents {
            if let Some((_, to)) = moved.iter().find(|(from, _)| from == partnership) {
                *partnership = to.clone();
            }
        }
    }
    if dropped > 0 {
        changes.push(format!(
            "{dropped} partnership line{} repeated another or joined someone to themselves: taken off (any children now hang from the remaining line).",
            plural(dropped)
        ));
    }
    // Children's lines: one per child, to parents who are there and are not the child.
    let mut hung = HashSet::new();
    let partnerships = g.partnerships.clone();
    let mut lines = 0;
    g.parentage.retain(|l| {
        let ok = match &l.parents {
            Parents::Partnership { partnership } => partnerships
                .iter()
                .find(|u| &u.id == partnership)
                .is_some_and(|u| !u.involves(&l.child)),
            Parents::Parent { person } => person != &l.child,
        };
        let keep = ok && hung.insert(l.child.clone());
        if !keep {
            lines += 1;
        }
        keep
    });
    if lines > 0 {
        changes.push(format!(
            "{lines} child's line{} to parents contradicted another (a second set of parents, a missing partnership, or someone as their own parent): taken off; the first line is kept.",
            plural(lines)
        ));
    }
    let before = g.households.len();
    g.households.retain(|h| !h.members.is_empty());
    if g.households.len() < before {
        changes.push("An empty household boundary was taken off.".into());
    }
    let before = g.relationships.len();
    g.relationships.retain(|r| r.a != r.b);
    if g.relationships.len() < before {
        changes.push("A relationship line joined someone to themselves: taken off.".into());
    }
}

/// Whether the genogram's lines or households name this person.
fn genogram_names(a: &Assessment, id: &PersonId) -> bool {
    let g = &a.genogram;
    g.partnerships.iter().any(|u| u.involves(id))
        || g.parentage.iter().any(|l| {
            &l.child == id || matches!(&l.parents, Parents::Parent { person } if person == id)
        })
        || g.households.iter().any(|h| h.members.contains(id))
        || g.relationships.iter().any(|r| &r.a == id || &r.b == id)
}

/// Two maps of one child's own become one: the first, with the entries of the second for people
/// (and organisations) it does not have yet. Nothing drawn is lost.
pub fn fold_child_maps(a: &mut Assessment) -> bool {
    let mut folded = false;
    let mut i = 0;
    while i < a.child_networks.len() {
        let child = a.child_networks[i].child.clone();
        match a.child_networks[..i].iter().position(|c| c.child == child) {
            Some(first) => {
                let second = a.child_networks.remove(i);
                let into = &mut a.child_networks[first].map;
                for m in second.map.members {
                    let there = match &m.who {
                        Who::Person { person } => into.entry_for(person).is_some(),
                        Who::Organisation { .. } => into.members.iter().any(|x| x.who == m.who),
                    };
                    if !there {
                        into.members.push(m);
                    }
                }
                folded = true;
            }
            None => i += 1,
        }
    }
    folded
}

/// Map entries whose id another entry (on any map) or a genogram item already has get new ones.
fn mend_map_ids(a: &mut Assessment, changes: &mut Vec<String>) {
    let g = &a.genogram;
    let mut used: HashSet<crate::model::ItemId> = g
        .partnerships
        .iter()
        .map(|u| u.id.clone())
        .chain(g.parentage.iter().map(|l| l.id.clone()))
        .chain(g.households.iter().map(|h| h.id.clone()))
        .chain(g.relationships.iter().map(|r| r.id.clone()))
        .collect();
    let mut n: u32 = 0;
    let mut mended = false;
    let all: Vec<crate::model::ItemId> = a.map_entries().map(|m| m.id.clone()).collect();
    for m in a.maps_mut().flat_map(|map| map.members.iter_mut()) {
        if used.insert(m.id.clone()) {
            continue;
        }
        m.id = loop {
            n += 1;
            let id = crate::model::ItemId::from_random(n.to_be_bytes());
            if !used.contains(&id) && !all.contains(&id) {
                break id;
            }
        };
        used.insert(m.id.clone());
        mended = true;
    }
    if mended {
        changes.push("Two entries on the network maps had the same id: one has a new id.".into());
    }
}

fn mend_network(a: &mut Assessment, changes: &mut Vec<String>) {
    if fold_child_maps(a) {
        changes.push(
            "A child had two maps of their own: they are one map now, with everyone on either."
                .into(),
        );
    }
    let centred: Vec<(crate::model::PersonId, String)> = a
        .child_networks
        .iter()
        .filter(|c| c.map.entry_for(&c.child).is_some())
        .map(|c| {
            let name = a
                .person(&c.child)
                .map_or_else(|| "A child".to_owned(), |p| p.display_name());
            (c.child.clone(), name)
        })
        .collect();
    for (child, name) in centred {
        if let Some(map) = a.map_mut(&Some(child.clone())) {
            map.members
                .retain(|m| !matches!(&m.who, Who::Person { person } if person == &child));
        }
        changes.push(format!(
            "{name} was an entry on their own network map: they are its centre, so the entry was taken off."
        ));
    }
    let mended: Vec<String> = a
        .maps_mut()
        .flat_map(|map| {
            let mut said = Vec::new();
            mend_one_map(map, &mut said);
            said
        })
        .collect();
    for c in mended {
        if !changes.contains(&c) {
            changes.push(c);
        }
    }
    mend_map_ids(a, changes);
}

fn mend_one_map(map: &mut crate::model::network::NetworkMap, changes: &mut Vec<String>) {
    let defaults = ["Very close", "Close", "Less close"];
    let mut circles_mended = false;
    for (i, c) in map.circles.iter_mut().enumerate() {
        if c.trim().is_empty() {
            *c = format!("Circle {}", i + 1);
            circles_mended = true;
        }
    }
    while map.circles.len() < MIN_CIRCLES {
        map.circles.push(defaults[map.circles.len()].into());
        circles_mended = true;
    }
    if map.circles.len() > MAX_CIRCLES {
        map.circles.truncate(MAX_CIRCLES);
        circles_mended = true;
    }
    if circles_mended {
        changes
            .push("The network map's circles were missing a label or out of range: mended.".into());
    }
    let last = (map.circles.len() - 1) as u8;
    let mut on_map = HashSet::new();
    let before = map.members.len();
    map.members.retain(|m| match &m.who {
        Who::Person { person } => on_map.insert(person.clone()),
        Who::Organisation { .. } => true,
    });
    if map.members.len() < before {
        changes
            .push("Someone was on the network map twice: the second entry was taken off.".into());
    }
    for m in &mut map.members {
        if m.circle > last {
            m.circle = last;
            changes.push(
                "An entry on the network map was outside the circles: moved to the outer circle."
                    .into(),
            );
        }
        if m.angle >= 360 {
            m.angle %= 360;
        }
        if let Who::Organisation { name, .. } = &mut m.who {
            if name.trim().is_empty() {
                *name = "Unnamed organisation".into();
                changes.push("An organisation on the network map had no name: it is called \"Unnamed organisation\" until you name it.".into());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::genogram::{Partnership, PartnershipKind};
    use crate::model::{answer_key, Answer, ItemId};

    /// Every kind of damage the rules name, at once, on the demonstration case.
    fn damaged() -> Assessment {
        let mut a = crate::edit::register::tests::demo_case();
        let mum = a
            .people
            .iter()
            .find(|p| p.given_name == "Jordan")
            .unwrap()
            .id
            .clone();
        let casey = a
            .people
            .iter()
            .find(|p| p.given_name == "Casey")
            .unwrap()
            .id
            .clone();
        // Casey gone from the register, everything else of his left behind.
        a.people.retain(|p| p.id != casey);
        // An answer for a child who is not there, a chronology link to the mother.
        let ghost = PersonId::from_random([0xee; 4]);
        a.answers.insert(
            answer_key("seenAlone", Some(&ghost)),
            Answer::Text("yes".into()),
        );
        a.add_event([1; 4]);
        a.chronology[0].children = vec![mum.clone()];
        // Drawn twice, partnered with herself, partnered twice with Rowan's father figure.
        let m = a.genogram.members[0].clone();
        a.genogram.members.push(m);
        let partnership = |id: u8, x: &PersonId, y: &PersonId| Partnership {
            id: ItemId::from_random([id; 4]),
            a: x.clone(),
            b: y.clone(),
            kind: PartnershipKind::Married,
            start: None,
            end: None,
        };
        a.genogram.partnerships.push(partnership(0xa1, &mum, &mum));
        let first = a.genogram.partnerships[0].clone();
        a.genogram
            .partnerships
            .push(partnership(0xa2, &first.b, &first.a));
        // On the map twice; an organisation without a name; a second safety scale.
        let mut again = a.network.members[1].clone();
        again.id = ItemId::from_random([0xb1; 4]);
        a.network.members.push(again);
        for m in &mut a.network.members {
            if let Who::Organisation { name, .. } = &mut m.who {
                *name = " ".into();
            }
        }
        let mut second = a.scales[0].clone();
        second.id = "s-second".into();
        a.scales.push(second);
        a
    }

    #[test]
    fn every_kind_of_damage_is_repaired_without_deleting_what_was_written() {
        let mut a = damaged();
        let broken = problems(&a);
        assert!(broken.len() >= 8, "{broken:?}");
        let before = a.clone();
        let repaired = repair(&mut a);
        assert_eq!(repaired.remaining, Vec::<String>::new());
        assert_eq!(problems(&a), vec![]);
        assert!(repaired.changes.len() >= 8, "{:#?}", repaired.changes);
        // Nothing anyone wrote is gone.
        assert!(a.people.len() >= before.people.len());
        assert_eq!(a.answers, before.answers);
        assert_eq!(a.chronology.len(), before.chronology.len());
        assert_eq!(a.scales.len(), before.scales.len());
        let judgements = |x: &Assessment| -> Vec<String> {
            x.scales
                .iter()
                .flat_map(|s| {
                    s.markers
                        .iter()
                        .chain(s.history.iter().flat_map(|h| &h.markers))
                })
                .map(|m| m.reason.clone())
                .collect()
        };
        assert_eq!(judgements(&a), judgements(&before));
        // Casey's judgements kept under his name.
        assert!(a
            .scales
            .iter()
            .flat_map(|s| &s.markers)
            .any(|m| m.rater.name == format!("Casey Sampleton {REMOVED}")));
        // A second repair has nothing to do.
        assert_eq!(repair(&mut a), Repaired::default());
    }

    #[test]
    fn what_cannot_be_repaired_is_said() {
        let mut a = crate::edit::register::tests::demo_case();
        let twin = a.people[1].clone();
        a.people.push(twin);
        let repaired = repair(&mut a);
        assert_eq!(repaired.remaining.len(), 1, "{repaired:?}");
        assert!(repaired.remaining[0].contains("same id"));
    }
}
