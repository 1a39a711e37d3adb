//! Writes the generated families the benchmark loads: genograms of 50 and 500 people and
//! network maps of 30 and 300 entries, as export files in the directory given.
//! Run by `scripts/bench`: `cargo run --release --example diagram_fixtures -- DIR`.

use assessment_workbench::diagram::genogram::sample::{grow_family, Counter};
use assessment_workbench::diagram::network::{Category, NetworkMember, Who};
use assessment_workbench::exchange::export_json;
use assessment_workbench::model::{
    Assessment, AssessmentId, AssessmentType, Gender, Person, PersonRole,
};
use chrono::{DateTime, Utc};

fn blank(n: u8, now: DateTime<Utc>) -> Assessment {
    let mut a = Assessment::new(
        AssessmentId::from_random([0xbe, 0x4c, 0, 0, 0, 0, 0, n]),
        now,
        "signs-of-safety-2020",
        AssessmentType::Section17,
    );
    let mut child = Person::new(
        assessment_workbench::model::PersonId::from_random([0xc0, 0, 0, n]),
        PersonRole::SubjectChild,
    );
    child.given_name = format!("Bench{n}");
    child.family_name = "Sample".into();
    a.people.push(child);
    a
}

fn main() {
    let dir = std::env::args().nth(1).expect("an output directory");
    let now = DateTime::parse_from_rfc3339("2026-11-25T09:00:00Z")
        .unwrap()
        .with_timezone(&Utc);
    for (k, n) in [(1u8, 50usize), (2, 500)] {
        let mut a = blank(k, now);
        grow_family(&mut a, n);
        std::fs::write(
            format!("{dir}/genogram-{n}.json"),
            export_json(&a, now, "bench"),
        )
        .unwrap();
    }
    for (k, n) in [(3u8, 30usize), (4, 300)] {
        let mut a = blank(k, now);
        let mut ids = Counter(0x7000_0000);
        for i in 0..n {
            let mut p = Person::new(ids.person(), PersonRole::FamilyMember);
            p.given_name = format!("Person {i}");
            p.gender = Gender::Unknown;
            let who = Who::Person {
                person: p.id.clone(),
            };
            a.people.push(p);
            let category = Category::ALL[i % 4];
            let angle = ((i * 137) % 360) as u16;
            a.network.members.push(NetworkMember::new(
                ids.item(),
                who,
                category,
                (i % 3) as u8,
                angle,
            ));
        }
        std::fs::write(
            format!("{dir}/network-{n}.json"),
            export_json(&a, now, "bench"),
        )
        .unwrap();
    }
}
