//! Generated network maps for the benchmark and its cost example: fictional, deterministic, any
//! size (entries spread round three circles, each kind of entry in turn).

use super::{Category, NetworkMember, Who};
use crate::diagram::genogram::sample::Counter;
use crate::model::{Assessment, Gender, Person, PersonRole};

/// Adds `n` people to `a`'s register ("Person 0", "Person 1", …) and puts each on the sibling
/// group's map.
pub fn grow_map(a: &mut Assessment, n: usize) {
    let mut ids = Counter(0x7000_0000);
    for i in 0..n {
        let mut p = Person::new(ids.person(), PersonRole::FamilyMember);
        p.given_name = format!("Person {i}");
        p.gender = Gender::Unknown;
        let who = Who::Person {
            person: p.id.clone(),
        };
        a.people.push(p);
        let angle = ((i * 137) % 360) as u16;
        a.network.members.push(NetworkMember::new(
            ids.item(),
            who,
            Category::ALL[i % 4],
            (i % 3) as u8,
            angle,
        ));
    }
}
