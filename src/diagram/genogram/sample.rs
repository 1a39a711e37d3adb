//! Generated families for tests and the benchmark: fictional, deterministic, any size.

use super::commands::{plan, Command, Relation};
use super::{ChildKind, PartnershipKind};
use crate::diagram::ops::apply;
use crate::model::{Assessment, Gender, ItemId, Person, PersonId, PersonRole};
use chrono::NaiveDate;

/// Ids made from a counter, so generated documents are the same every time.
pub struct Counter(pub u32);

impl Counter {
    /// The next person id.
    pub fn person(&mut self) -> PersonId {
        self.0 += 1;
        PersonId::from_random(self.0.to_be_bytes())
    }
    /// The next item id.
    pub fn item(&mut self) -> ItemId {
        self.0 += 1;
        ItemId::from_random(self.0.to_be_bytes())
    }
}

/// A new register record for a fictional person.
pub fn fictional(id: PersonId, given: &str, gender: Gender, born: Option<NaiveDate>) -> Person {
    let mut p = Person::new(id, PersonRole::FamilyMember);
    p.given_name = given.into();
    p.family_name = "Sample".into();
    p.gender = gender;
    p.date_of_birth = born;
    p
}

/// Runs a command, panicking when it is refused (for building samples).
pub fn run(a: &mut Assessment, cmd: Command) {
    let ops = plan(a, &cmd).unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
    apply(a, &ops);
}

/// Adds to `a` a family of about `n` people over several generations: each couple has up to
/// three children, and each child has a partner, until `n` people are drawn.
pub fn grow_family(a: &mut Assessment, n: usize) {
    let mut ids = Counter(0x5000_0000);
    let first = ids.person();
    run(
        a,
        Command::AddPerson {
            person: fictional(
                first.clone(),
                "Founder",
                Gender::Male,
                NaiveDate::from_ymd_opt(1930, 1, 1),
            ),
            x: 0,
            y: 0,
        },
    );
    let mut couples: Vec<(PersonId, ItemId)> = Vec::new();
    let mut singles = vec![first];
    let mut generation = 0;
    while a.genogram.members.len() < n {
        generation += 1;
        for p in std::mem::take(&mut singles) {
            if a.genogram.members.len() >= n {
                break;
            }
            let link = ids.item();
            let partner = fictional(
                ids.person(),
                &format!("Partner {generation}"),
                Gender::Female,
                None,
            );
            run(
                a,
                Command::AddRelative {
                    of: p.clone(),
                    relation: Relation::Partner(PartnershipKind::Married),
                    person: partner,
                    link: link.clone(),
                    second: ids.item(),
                },
            );
            couples.push((p, link));
        }
        for (p, link) in std::mem::take(&mut couples) {
            for k in 0..3u32 {
                if a.genogram.members.len() >= n {
                    break;
                }
                let child = ids.person();
                let gender = if k % 2 == 0 {
                    Gender::Male
                } else {
                    Gender::Female
                };
                let born = NaiveDate::from_ymd_opt(1930 + 25 * generation, 1 + k, 1);
                run(
                    a,
                    Command::AddRelative {
                        of: p.clone(),
                        relation: Relation::Child(Some(link.clone()), ChildKind::Birth),
                        person: fictional(
                            child.clone(),
                            &format!("Child {generation}.{k}"),
                            gender,
                            born,
                        ),
                        link: ids.item(),
                        second: ids.item(),
                    },
                );
                singles.push(child);
            }
        }
    }
}
