//! Who already in the people register could be the relative a worker is adding: "Maria's
//! mother" offers the women (or people whose sex is not recorded) who are not already her
//! parent or child and, where both dates of birth are known, are older than her. Each comes
//! with enough words to tell two people of the same name apart.

use super::commands::Relation;
use crate::model::{Assessment, Gender, Person, PersonId, PersonRole};

/// Someone the register already has, who could be the relative being added.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    pub person: PersonId,
    /// "Rita Oldham: family member, 68, Maternal grandmother, not on the genogram yet".
    pub words: String,
}

/// The register people who could be `of`'s relative of this kind (`gender` as the button
/// says: a mother, a son), people not yet drawn first.
pub fn candidates(
    a: &Assessment,
    of: &PersonId,
    relation: &Relation,
    gender: Gender,
) -> Vec<Candidate> {
    let g = &a.genogram;
    let Some(me) = a.person(of) else {
        return Vec::new();
    };
    let two_parents = matches!(
        g.parentage_of(of).map(|l| &l.parents),
        Some(super::Parents::Partnership { .. })
    );
    let no_parents = g.parentage_of(of).is_none();
    match relation {
        Relation::Parent if two_parents => return Vec::new(),
        Relation::Sibling if no_parents => return Vec::new(),
        // An unborn child (or a pregnancy's outcome) is nobody's partner or parent.
        Relation::Partner(_) | Relation::Child(..) if me.life.is_pregnancy() => return Vec::new(),
        _ => {}
    }
    let older = |p: &Person, than: &Person| match (p.date_of_birth, than.date_of_birth) {
        (Some(x), Some(y)) => x < y,
        _ => true,
    };
    let sex_fits = |p: &Person| {
        gender == Gender::Unknown
            || p.gender == gender
            || p.gender == Gender::Unknown
            || p.gender == Gender::Other
    };
    let mut out: Vec<(bool, String, Candidate)> = a
        .people
        .iter()
        .filter(|p| &p.id != of && p.role != PersonRole::Professional && sex_fits(p))
        .filter(|p| {
            !(p.life.is_pregnancy() && matches!(relation, Relation::Parent | Relation::Partner(_)))
        })
        .filter(|p| {
            let hangs = g.parentage_of(&p.id).is_some();
            let my_parents = g.parents_of(of);
            let their_parents = g.parents_of(&p.id);
            match relation {
                Relation::Parent => {
                    !my_parents.contains(&p.id) && !their_parents.contains(of) && older(p, me)
                }
                Relation::Child(..) => !hangs && !my_parents.contains(&p.id) && older(me, p),
                Relation::Partner(_) => {
                    !g.are_partners(of, &p.id)
                        && !my_parents.contains(&p.id)
                        && !their_parents.contains(of)
                }
                Relation::Sibling => !hangs && !my_parents.contains(&p.id),
            }
        })
        .map(|p| {
            let drawn = g.member(&p.id).is_some();
            (
                drawn,
                p.display_name(),
                Candidate {
                    person: p.id.clone(),
                    words: describe(a, p, drawn),
                },
            )
        })
        .collect();
    out.sort_by(|x, y| (x.0, &x.1).cmp(&(y.0, &y.1)));
    out.into_iter().map(|(_, _, c)| c).collect()
}

/// "Rita Oldham: family member, 68, Maternal grandmother, not on the genogram yet".
pub fn describe(a: &Assessment, p: &Person, drawn: bool) -> String {
    let mut parts = vec![p.role.label().to_lowercase()];
    if let Some(age) = p.age_on(a.as_at(a.updated_at.date_naive())) {
        parts.push(format!("{age}"));
    } else if let Some(dob) = p.date_of_birth {
        parts.push(format!("born {dob}"));
    }
    if !p.relationship.trim().is_empty() {
        parts.push(p.relationship.trim().to_owned());
    }
    parts.push(if drawn {
        "on the genogram".into()
    } else {
        "not on the genogram yet".into()
    });
    format!("{}: {}", p.display_name(), parts.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagram::genogram::commands::{plan, Command};
    use crate::diagram::ops::apply;
    use crate::model::assessment::tests::sample;
    use crate::model::ItemId;

    #[test]
    fn the_people_already_entered_are_offered_and_connected_without_a_second_copy() {
        // People page first: mother Jo (in the sample), then a grandmother and a father.
        let mut a = sample();
        let ava = a.people[0].id.clone();
        let jo = a.people[1].id.clone();
        a.people[1].gender = Gender::Female;
        let mut rita = Person::new(PersonId::from_random([0x21; 4]), PersonRole::FamilyMember);
        rita.given_name = "Rita".into();
        rita.gender = Gender::Female;
        rita.date_of_birth = chrono::NaiveDate::from_ymd_opt(1958, 1, 1);
        let mut tom = Person::new(PersonId::from_random([0x22; 4]), PersonRole::FamilyMember);
        tom.given_name = "Tom".into();
        tom.gender = Gender::Male;
        a.people.extend([rita.clone(), tom.clone()]);
        let run = |a: &mut Assessment, cmd: Command| {
            let ops = plan(a, &cmd).unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
            apply(a, &ops);
        };
        run(
            &mut a,
            Command::Place {
                person: ava.clone(),
                x: 0,
                y: 320,
            },
        );
        // Ava's mother: Jo and Rita fit, Tom does not.
        let offered: Vec<PersonId> = candidates(&a, &ava, &Relation::Parent, Gender::Female)
            .into_iter()
            .map(|c| c.person)
            .collect();
        assert_eq!(offered, vec![jo.clone(), rita.id.clone()]);
        let connect = |of: &PersonId, relation, person: &PersonId, n: u8| Command::Connect {
            of: of.clone(),
            relation,
            person: person.clone(),
            link: ItemId::from_random([n; 4]),
            second: ItemId::from_random([n + 1; 4]),
        };
        run(&mut a, connect(&ava, Relation::Parent, &jo, 0x31));
        run(&mut a, connect(&ava, Relation::Parent, &tom.id, 0x33));
        run(&mut a, connect(&jo, Relation::Parent, &rita.id, 0x35));
        assert_eq!(a.people.len(), 4, "nobody created twice");
        assert_eq!(a.genogram.members.len(), 4);
        let mut parents = a.genogram.parents_of(&ava);
        parents.sort();
        let mut want = vec![jo.clone(), tom.id.clone()];
        want.sort();
        assert_eq!(parents, want);
        assert_eq!(a.genogram.parents_of(&jo), vec![rita.id.clone()]);
        crate::model::validity::check(&a).unwrap();
        // Jo is Ava's mother now: not offered again, and connecting twice is refused.
        assert!(candidates(&a, &ava, &Relation::Parent, Gender::Female).is_empty());
        assert!(plan(&a, &connect(&ava, Relation::Parent, &jo, 0x41)).is_err());
        // The words tell people apart.
        let words = describe(&a, &rita, true);
        assert!(words.starts_with("Rita: family member, "), "{words}");
        assert!(words.ends_with("on the genogram"));
    }

    #[test]
    fn an_unborn_baby_is_offered_as_nobody_s_parent_or_partner() {
        let mut a = sample();
        let ava = a.people[0].id.clone();
        let mut baby = Person::new(PersonId::from_random([0x23; 4]), PersonRole::SubjectChild);
        baby.given_name = "Unborn baby".into();
        baby.life = crate::model::Life::Pregnancy;
        let mut noah = Person::new(PersonId::from_random([0x24; 4]), PersonRole::SubjectChild);
        noah.given_name = "Noah".into();
        a.people.extend([baby.clone(), noah.clone()]);
        for (i, p) in [&ava, &baby.id, &noah.id].into_iter().enumerate() {
            let ops = plan(
                &a,
                &Command::Place {
                    person: p.clone(),
                    x: 200 * i as i32,
                    y: 320,
                },
            )
            .unwrap();
            apply(&mut a, &ops);
        }
        let offered = |a: &Assessment, of: &PersonId, r: Relation| -> Vec<PersonId> {
            candidates(a, of, &r, Gender::Unknown)
                .into_iter()
                .map(|c| c.person)
                .collect()
        };
        assert!(!offered(&a, &noah.id, Relation::Parent).contains(&baby.id));
        assert!(!offered(
            &a,
            &noah.id,
            Relation::Partner(crate::model::genogram::PartnershipKind::Married)
        )
        .contains(&baby.id));
        assert!(offered(
            &a,
            &baby.id,
            Relation::Partner(crate::model::genogram::PartnershipKind::Married)
        )
        .is_empty());
        let choices = crate::diagram::genogram::commands::parent_choices(&a, &noah.id);
        assert!(choices
            .iter()
            .all(|(code, _)| code != &format!("p:{}", baby.id)));
        assert!(choices.iter().any(|(code, _)| code == &format!("p:{ava}")));
    }
}

#[cfg(test)]
mod table_tests {
    use crate::diagram::genogram::commands::{
        parent_choice_of, parent_choices, plan, set_parents, Command,
    };
    use crate::diagram::genogram::sample::{grow_family, run};
    use crate::diagram::ops::apply;
    use crate::model::assessment::tests::sample;
    use crate::model::ItemId;

    #[test]
    fn the_table_sets_a_childs_parents_with_the_same_commands() {
        let mut a = sample();
        grow_family(&mut a, 8);
        let child = a.genogram.parentage[0].child.clone();
        let choices = parent_choices(&a, &child);
        assert_eq!(choices[0].0, "");
        assert!(
            choices
                .iter()
                .all(|(code, _)| code != &format!("p:{child}")),
            "not their own parent"
        );
        let now = parent_choice_of(&a, &child);
        assert!(now.starts_with("u:"));
        assert!(
            set_parents(&a, &child, &now, ItemId::from_random([1; 4])).is_none(),
            "no change"
        );
        // One parent alone, then none, then back: every step through the commands.
        let alone = choices
            .iter()
            .find(|(c, _)| c.starts_with("p:"))
            .unwrap()
            .0
            .clone();
        let cmd = set_parents(&a, &child, &alone, ItemId::from_random([2; 4])).unwrap();
        let ops = plan(&a, &cmd).unwrap();
        apply(&mut a, &ops);
        assert_eq!(parent_choice_of(&a, &child), alone);
        let cmd = set_parents(&a, &child, "", ItemId::from_random([3; 4])).unwrap();
        assert!(matches!(cmd, Command::Detach(_)));
        run(&mut a, cmd);
        assert_eq!(parent_choice_of(&a, &child), "");
        let back = set_parents(&a, &child, &now, ItemId::from_random([4; 4])).unwrap();
        run(&mut a, back);
        assert_eq!(parent_choice_of(&a, &child), now);
        crate::model::validity::check(&a).unwrap();
    }
}
