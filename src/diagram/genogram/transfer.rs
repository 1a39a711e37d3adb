//! Bringing a genogram over from another assessment (a brother's or sister's): its people join
//! this register (matched by name and date of birth when they are already here) and it
//! replaces this genogram, as one undoable step.

use super::{Genogram, Parents};
use crate::diagram::ops::{Entity, Key, Op};
use crate::diagram::{refuse, EditError};
use crate::model::{Assessment, PersonId, PersonRole};
use std::collections::HashMap;

fn same_person(a: &crate::model::Person, b: &crate::model::Person) -> bool {
    let norm = |s: &str| s.trim().to_lowercase();
    !norm(&a.given_name).is_empty()
        && norm(&a.given_name) == norm(&b.given_name)
        && norm(&a.family_name) == norm(&b.family_name)
        && a.date_of_birth == b.date_of_birth
}

/// Someone in `source` who would be matched with someone here on their name alone (neither
/// has a date of birth): the worker is asked before the import whether they are the same.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Doubt {
    /// The person in the file (the source).
    pub theirs: PersonId,
    /// The person already in the register.
    pub ours: PersonId,
    /// "Rita Oldham (family member, Grandmother)": enough to tell two of one name apart.
    pub words: String,
}

/// The matches made on a name alone, in the order the file draws them.
pub fn doubtful_matches(target: &Assessment, source: &Assessment) -> Vec<Doubt> {
    let mut matched: Vec<&PersonId> = Vec::new();
    let mut out = Vec::new();
    for m in &source.genogram.members {
        let Some(p) = source.person(&m.person) else {
            continue;
        };
        if let Some(t) = target
            .people
            .iter()
            .find(|t| same_person(t, p) && !matched.contains(&&t.id))
        {
            matched.push(&t.id);
            if t.date_of_birth.is_none() {
                out.push(Doubt {
                    theirs: p.id.clone(),
                    ours: t.id.clone(),
                    words: super::candidates::describe(target, t, false),
                });
            }
        }
    }
    out
}

/// The ops that replace `target`'s genogram with `source`'s; `fresh` gives random bytes for
/// ids that would clash. People here in `separate` are matched with nobody in `source`: the
/// worker said a match on a name alone was someone else.
pub fn import_ops(
    target: &Assessment,
    source: &Assessment,
    mut fresh: impl FnMut() -> [u8; 4],
    separate: &[PersonId],
) -> Result<Vec<Op>, EditError> {
    let g = &source.genogram;
    if g.members.is_empty() {
        return refuse("That file's genogram is empty.");
    }
    let mut ops = Vec::new();
    let mut ids: HashMap<PersonId, PersonId> = HashMap::new();
    let mut register = target.clone();
    // Each person here stands for at most one person there: two people of the same name and no
    // date of birth in the file are two people, not one drawn twice.
    let mut matched: Vec<PersonId> = Vec::new();
    for m in &g.members {
        let Some(p) = source.person(&m.person) else {
            continue;
        };
        if let Some(existing) = target
            .people
            .iter()
            .find(|t| same_person(t, p) && !matched.contains(&t.id) && !separate.contains(&t.id))
        {
            matched.push(existing.id.clone());
            ids.insert(p.id.clone(), existing.id.clone());
            continue;
        }
        let mut p = p.clone();
        if register.person(&p.id).is_some() {
            p.id = register.fresh_person_id(&mut fresh);
        }
        if p.role == PersonRole::SubjectChild {
            p.role = PersonRole::FamilyMember;
            if p.relationship.trim().is_empty() {
                p.relationship = "Child in a related assessment".into();
            }
        }
        ids.insert(m.person.clone(), p.id.clone());
        register.people.push(p.clone());
        ops.push(Op::Put(Entity::Person(p)));
    }
    let mut incoming: Genogram = g.clone();
    remap(&mut incoming, &ids);
    let old = &target.genogram;
    ops.extend(
        old.relationships
            .iter()
            .map(|r| Op::Remove(Key::Relationship(r.id.clone()))),
    );
    ops.extend(
        old.households
            .iter()
            .map(|h| Op::Remove(Key::Household(h.id.clone()))),
    );
    ops.extend(
        old.parentage
            .iter()
            .map(|l| Op::Remove(Key::Parentage(l.id.clone()))),
    );
    ops.extend(
        old.partnerships
            .iter()
            .map(|u| Op::Remove(Key::Partnership(u.id.clone()))),
    );
    ops.extend(
        old.members
            .iter()
            .map(|m| Op::Remove(Key::Member(m.person.clone()))),
    );
    ops.extend(
        incoming
            .members
            .into_iter()
            .map(|m| Op::Put(Entity::Member(m))),
    );
    ops.extend(
        incoming
            .partnerships
            .into_iter()
            .map(|u| Op::Put(Entity::Partnership(u))),
    );
    ops.extend(
        incoming
            .parentage
            .into_iter()
            .map(|l| Op::Put(Entity::Parentage(l))),
    );
    ops.extend(
        incoming
            .households
            .into_iter()
            .map(|h| Op::Put(Entity::Household(h))),
    );
    ops.extend(
        incoming
            .relationships
            .into_iter()
            .map(|r| Op::Put(Entity::Relationship(r))),
    );
    Ok(ops)
}

fn remap(g: &mut Genogram, ids: &HashMap<PersonId, PersonId>) {
    let map = |p: &mut PersonId| {
        if let Some(n) = ids.get(p) {
            *p = n.clone();
        }
    };
    g.members.iter_mut().for_each(|m| map(&mut m.person));
    for u in &mut g.partnerships {
        map(&mut u.a);
        map(&mut u.b);
    }
    for l in &mut g.parentage {
        map(&mut l.child);
        if let Parents::Parent { person } = &mut l.parents {
            map(person);
        }
    }
    g.households
        .iter_mut()
        .for_each(|h| h.members.iter_mut().for_each(map));
    for r in &mut g.relationships {
        map(&mut r.a);
        map(&mut r.b);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagram::genogram::tests::family;
    use crate::model::assessment::tests::sample;

    #[test]
    fn a_siblings_genogram_comes_over_matching_people_already_here() {
        let (source, p, _) = family();
        // This assessment is about Mia; Jo is here already (same name, no date of birth).
        let mut target = sample();
        target.people.remove(0);
        let mut mia = source.person(&p["Mia"]).unwrap().clone();
        mia.id = PersonId::from_random([0x77; 4]);
        mia.role = PersonRole::SubjectChild;
        target.people.push(mia.clone());
        let before = target.clone();
        let ops = import_ops(&target, &source, || [0x66; 4], &[]).unwrap();
        let undo = crate::diagram::ops::apply(&mut target, &ops);
        assert_eq!(target.genogram.members.len(), 8);
        assert_eq!(
            target.people.len(),
            8,
            "Jo and Mia matched; six people added"
        );
        // Mia is drawn as this assessment's Mia; Ava became a family member here.
        assert!(target.genogram.member(&mia.id).is_some());
        assert!(target.genogram.member(&p["Mia"]).is_none());
        let ava = target.person(&p["ava"]).unwrap();
        assert_eq!(ava.role, PersonRole::FamilyMember);
        assert_eq!(target.genogram.parents_of(&mia.id).len(), 2);
        crate::exchange::tests_support::assert_valid(&target);
        crate::diagram::ops::apply(&mut target, &undo);
        assert_eq!(target, before);
        assert!(
            import_ops(&before, &sample(), || [1; 4], &[]).is_err(),
            "empty genogram"
        );
    }

    #[test]
    fn two_people_of_one_name_in_the_file_stay_two_people_here() {
        let (mut source, p, _) = family();
        // Two children called Sam Example, neither with a date of birth, of different parents.
        for key in ["Mia", "Leo"] {
            let s = source.person_mut(&p[key]).unwrap();
            s.given_name = "Sam".into();
            s.family_name = "Example".into();
            s.date_of_birth = None;
        }
        let mut target = sample();
        let mut sam = source.person(&p["Mia"]).unwrap().clone();
        sam.id = PersonId::from_random([0x78; 4]);
        target.people.push(sam.clone());
        let doubts = doubtful_matches(&target, &source);
        let doubt = doubts.iter().find(|d| d.ours == sam.id).unwrap();
        assert!(doubt.words.starts_with("Sam Example"), "{doubts:?}");
        // Told that the match is someone else, the import adds both Sams to the register.
        let ops = import_ops(
            &target,
            &source,
            || [0x68; 4],
            std::slice::from_ref(&doubt.ours),
        )
        .unwrap();
        let mut apart = target.clone();
        crate::diagram::ops::apply(&mut apart, &ops);
        crate::exchange::tests_support::assert_valid(&apart);
        assert_eq!(
            apart
                .people
                .iter()
                .filter(|x| x.display_name() == "Sam Example")
                .count(),
            3,
            "the register's Sam and the file's two"
        );
        assert!(apart.genogram.member(&sam.id).is_none());
        let ops = import_ops(&target, &source, || [0x67; 4], &[]).unwrap();
        crate::diagram::ops::apply(&mut target, &ops);
        crate::exchange::tests_support::assert_valid(&target);
        let sams = target
            .people
            .iter()
            .filter(|x| x.display_name() == "Sam Example")
            .count();
        assert_eq!(sams, 2, "one matched, one added");
    }
}
