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

/// A fictional three-generation family of fifteen (the Oldhams and the Harts, with the three
/// children being assessed), drawn on the genogram, laid out, and placed on the network map from
/// the register: the family the tablet screenshots and the readability checks use.
pub fn family_of_fifteen(a: &mut Assessment) {
    use crate::diagram::network::commands::{free_angle, plan as map_plan, Command as MapCommand};
    use crate::model::network::{Category, NetworkMember, Who};
    let mut ids = Counter(0x1500_0000);
    let day = |y: i32, m: u32, d: u32| NaiveDate::from_ymd_opt(y, m, d);
    use Gender::{Female as F, Male as M};
    let person = |ids: &mut Counter, given: &str, family: &str, g: Gender, born| {
        let mut p = fictional(ids.person(), given, g, born);
        p.family_name = family.into();
        p
    };
    let ken = person(&mut ids, "Ken", "Oldham", M, day(1958, 3, 2));
    let ken_id = ken.id.clone();
    run(
        a,
        Command::AddPerson {
            person: ken,
            x: 0,
            y: 0,
        },
    );
    let relative = |a: &mut Assessment, ids: &mut Counter, of: &PersonId, relation, p: Person| {
        let id = p.id.clone();
        let (link, second) = (ids.item(), ids.item());
        run(
            a,
            Command::AddRelative {
                of: of.clone(),
                relation,
                person: p,
                link: link.clone(),
                second,
            },
        );
        (id, link)
    };
    let married = Relation::Partner(PartnershipKind::Married);
    let together = Relation::Partner(PartnershipKind::Cohabiting);
    let child = |u: &ItemId| Relation::Child(Some(u.clone()), ChildKind::Birth);
    let rita = person(&mut ids, "Rita", "Oldham", F, day(1960, 7, 9));
    let (_, oldhams) = relative(a, &mut ids, &ken_id, married.clone(), rita);
    let sue = person(&mut ids, "Sue", "Oldham", F, day(1984, 5, 1));
    let (sue, _) = relative(a, &mut ids, &ken_id, child(&oldhams), sue);
    let maria = person(&mut ids, "Maria", "Oldham", F, day(1988, 10, 20));
    let (maria, _) = relative(a, &mut ids, &ken_id, child(&oldhams), maria);
    let kwame = person(&mut ids, "Kwame", "Mensah", M, day(1983, 1, 15));
    let (_, mensahs) = relative(a, &mut ids, &sue, married.clone(), kwame);
    for (given, g, born) in [
        ("Priya", F, day(2011, 4, 3)),
        ("Ellis", M, day(2016, 8, 30)),
    ] {
        let p = person(&mut ids, given, "Mensah", g, born);
        relative(a, &mut ids, &sue, child(&mensahs), p);
    }
    let tom = person(&mut ids, "Tom", "Hart", M, day(1986, 2, 11));
    let (tom, harts) = relative(a, &mut ids, &maria, together.clone(), tom);
    for (given, g, born) in [
        ("Noah", M, day(2015, 6, 12)),
        ("Mia", F, day(2018, 3, 4)),
        ("Leo", M, day(2021, 11, 23)),
    ] {
        let mut p = person(&mut ids, given, "Hart", g, born);
        p.role = PersonRole::SubjectChild;
        relative(a, &mut ids, &maria, child(&harts), p);
    }
    let bill = person(&mut ids, "Bill", "Hart", M, day(1955, 12, 1));
    relative(a, &mut ids, &tom, Relation::Parent, bill);
    let joan = person(&mut ids, "Joan", "Hart", F, day(1957, 9, 17));
    relative(a, &mut ids, &tom, Relation::Parent, joan);
    let dev = person(&mut ids, "Dev", "Hart", M, day(1990, 4, 8));
    let (dev, _) = relative(a, &mut ids, &tom, Relation::Sibling, dev);
    let kayla = person(&mut ids, "Kayla", "Brightwater", F, day(1992, 6, 6));
    relative(a, &mut ids, &dev, together, kayla);
    run(a, Command::AutoLayout);
    // Everyone but the children on the group's map, from the register, family nearest.
    let placed: Vec<(PersonId, Category, u8)> = a
        .genogram
        .members
        .iter()
        .filter_map(|m| a.person(&m.person))
        .filter(|p| p.role != PersonRole::SubjectChild)
        .enumerate()
        .map(|(i, p)| {
            let circle = match p.family_name.as_str() {
                "Oldham" | "Hart" => (i % 2) as u8,
                _ => 1 + (i % 2) as u8,
            };
            let category = if p.family_name == "Brightwater" {
                Category::Friends
            } else {
                Category::Family
            };
            (p.id.clone(), category, circle)
        })
        .collect();
    let extra = [
        ("Ms Patel (teacher)", Category::Professional, 2u8),
        ("Pastor Michael", Category::Community, 2),
        ("Jo (health visitor)", Category::Professional, 1),
    ];
    // Puts `who` on the group's map in `circle`, adding `new` to the register with them.
    let put =
        |a: &mut Assessment, id: ItemId, who: PersonId, category, circle, new: Option<Person>| {
            let angle = free_angle(&a.network, circle);
            let member =
                NetworkMember::new(id, Who::Person { person: who }, category, circle, angle);
            let cmd = MapCommand::Add {
                member,
                person: new,
            };
            let ops = map_plan(a, &None, &cmd).expect("placed on the map");
            apply(a, &ops);
        };
    for (who, category, circle) in placed {
        put(a, ids.item(), who, category, circle, None);
    }
    for (name, category, circle) in extra {
        let mut p = Person::new(ids.person(), PersonRole::Professional);
        p.given_name = name.into();
        if category != Category::Professional {
            p.role = PersonRole::FamilyMember;
        }
        put(a, ids.item(), p.id.clone(), category, circle, Some(p));
    }
}
