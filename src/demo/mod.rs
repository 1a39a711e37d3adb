//! A fictional demonstration case for training: a family of two children with their safety
//! scales filled in by five people, a history of two reviews, the Signs of Safety mapping
//! started, two danger statements with their goals rated at three meetings, and an agreed
//! safety plan, and the eldest child's Three Houses, Safety House and Words and Pictures.
//! Every name is invented.

use crate::model::scales::{Rater, ScaleKind, ScaleValue};
use crate::model::{
    answer_key, Answer, Assessment, AssessmentId, AssessmentType, Gender, Person, PersonId,
    PersonRole,
};
use crate::procedure;
use chrono::{DateTime, Duration, NaiveDate, Utc};

mod child_tools;
pub mod family_group;
mod planning;

pub use child_tools::use_tools;

fn person(
    id: u8,
    role: PersonRole,
    (given, family): (&str, &str),
    gender: Gender,
    dob: Option<NaiveDate>,
    rel: &str,
    home: bool,
) -> Person {
    let mut p = Person::new(PersonId::from_random([0xd0, 0xd0, 0xd0, id]), role);
    p.given_name = given.into();
    p.family_name = family.into();
    p.gender = gender;
    p.date_of_birth = dob;
    p.relationship = rel.into();
    p.lives_in_household = home;
    p
}

/// The demonstration case, with the given id, created `now`, dated around `today`.
pub fn training_case(id: AssessmentId, now: DateTime<Utc>, today: NaiveDate) -> Assessment {
    let profile = procedure::find("signs-of-safety-2020").expect("built in");
    let mut a = procedure::start(profile, id, now, AssessmentType::Section17);
    a.referral_date = Some(today - Duration::days(28));
    a.start_date = Some(today - Duration::days(27));
    a.lead_worker = "Sam Fictional (demonstration)".into();
    a.allocated_team = "Assessment Team North (demonstration)".into();
    a.team_manager = "Pat Example (demonstration)".into();
    let ymd = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
    a.people = vec![
        person(
            1,
            PersonRole::SubjectChild,
            ("Rowan", "Demo"),
            Gender::Female,
            ymd(2018, 5, 14),
            "",
            true,
        ),
        person(
            2,
            PersonRole::SubjectChild,
            ("Skye", "Demo"),
            Gender::Male,
            ymd(2022, 2, 3),
            "Brother of Rowan",
            true,
        ),
        person(
            3,
            PersonRole::FamilyMember,
            ("Jordan", "Demo"),
            Gender::Female,
            ymd(1993, 8, 21),
            "Mother",
            true,
        ),
        person(
            4,
            PersonRole::FamilyMember,
            ("Casey", "Sampleton"),
            Gender::Male,
            ymd(1990, 11, 2),
            "Father (lives apart)",
            false,
        ),
        person(
            5,
            PersonRole::FamilyMember,
            ("Morgan", "Demo"),
            Gender::Female,
            ymd(1965, 3, 9),
            "Maternal grandmother",
            false,
        ),
        person(
            6,
            PersonRole::Professional,
            ("Alex", "Placeholder"),
            Gender::Unknown,
            None,
            "",
            false,
        ),
    ];
    a.people[5].organisation = "Class teacher, Fictional Primary School".into();
    let t = |s: &str| Answer::Text(s.into());
    for (k, v) in [
        ("pastHarm", "Rowan told her teacher that Mum and Casey shout and push each other when Casey visits. Police were called twice this year; the children were at home."),
        ("dangerStatements", "Children's social care is worried that Rowan and Skye could be hurt, or frightened and unsettled, if the arguments and pushing carry on when Casey visits."),
        ("complicatingFactors", "Casey's drinking at weekends; Jordan's low mood since losing her job."),
        ("existingStrengths", "Jordan gets the children to school every day and they are clean and well fed. Grandmother Morgan is close to the children."),
        ("existingSafety", "For the last three weekends, Morgan has been present when Casey visits, and there have been no arguments."),
        ("safetyGoals", "Casey's visits happen only when another safe adult is there, and Rowan and Skye say they feel safe at home."),
        ("familyGoals", "Jordan wants the children to keep seeing their dad without fighting."),
        ("nextSteps", "Family network meeting with Jordan, Casey and Morgan to write a safety plan."),
    ] {
        a.answers.insert(answer_key(k, None), t(v));
    }
    let review1 = today - Duration::days(14);
    let review2 = today - Duration::days(4);
    // the visit and reviews were done, so the timescales show what a tidy case looks like
    let first_visit = a.referral_date.map(|r| r + Duration::days(1));
    if let Some(d) = first_visit {
        a.answers.insert(
            answer_key("dateFirstVisited", None),
            Answer::Text(d.to_string()),
        );
    }
    let review = |d: NaiveDate, label: &str| {
        std::collections::BTreeMap::from([
            ("date".to_owned(), d.to_string()),
            ("by".to_owned(), "Pat Example (demonstration)".to_owned()),
            ("notes".to_owned(), label.to_owned()),
        ])
    };
    a.answers.insert(
        answer_key("reviewsHeld", None),
        Answer::Items(vec![
            review(review1, "First review"),
            review(review2, "Second review"),
        ]),
    );
    let raters = [
        ("Sam Fictional", "Social worker", None),
        ("Pat Example", "Team manager", None),
        ("Jordan Demo", "Mother", Some(3u8)),
        ("Casey Sampleton", "Father", Some(4)),
        ("Alex Placeholder", "Class teacher", Some(6)),
    ];
    // (first review, second review, now, reason) for each rater, per child
    let values: [[(f64, f64, f64, &str); 5]; 2] = [
        [
            (
                3.0,
                4.0,
                5.0,
                "The visits with Morgan there have gone well, but it is only three weekends.",
            ),
            (
                3.0,
                4.0,
                4.0,
                "I want to see the safety plan written down and working before I move.",
            ),
            (
                6.0,
                7.0,
                8.0,
                "The children are fine; the arguments were about money and that's sorted.",
            ),
            (
                5.0,
                6.0,
                8.0,
                "I'd never hurt the kids. Having Morgan there works for me.",
            ),
            (4.0, 4.0, 5.0, "Rowan is more settled in class this month."),
        ],
        [
            (
                3.0,
                4.0,
                5.0,
                "Skye is too young to tell us; we rely on what the adults show us.",
            ),
            (3.0, 4.0, 4.0, "As for Rowan."),
            (6.0, 7.0, 8.0, "Skye sleeps better now."),
            (5.0, 6.0, 7.0, "Skye runs to me when I come."),
            (4.0, 4.0, 5.0, "Nursery say Skye is happy."),
        ],
    ];
    for (ci, child_values) in values.iter().enumerate() {
        let child = a.people[ci].id.clone();
        let sid = a
            .add_scale(
                ScaleKind::Safety { child },
                &profile.safety_scale,
                [0xd0, 0xd0, 0x5c, ci as u8],
            )
            .expect("a child");
        let s = a.scale_mut(&sid).expect("just added");
        let ids: Vec<String> = raters
            .iter()
            .enumerate()
            .map(|(i, (name, role, person))| {
                s.add_rater(
                    Rater {
                        person: person.map(|p| PersonId::from_random([0xd0, 0xd0, 0xd0, p])),
                        name: (*name).into(),
                        role: (*role).into(),
                    },
                    [0xd0, 0xd0, ci as u8, i as u8],
                )
            })
            .collect();
        for (i, id) in ids.iter().enumerate() {
            s.set_value(id, ScaleValue::from_f64(child_values[i].0));
        }
        s.take_snapshot(review1, "First review");
        for (i, id) in ids.iter().enumerate() {
            s.set_value(id, ScaleValue::from_f64(child_values[i].1));
        }
        s.take_snapshot(review2, "Second review");
        for (i, id) in ids.iter().enumerate() {
            s.set_value(id, ScaleValue::from_f64(child_values[i].2));
            if let Some(m) = s.marker_mut(id) {
                m.reason = child_values[i].3.into();
            }
        }
    }
    draw_diagrams(&mut a);
    planning::write_plan(&mut a, today);
    let rowan = a.people[0].id.clone();
    let morgan = a.people[4].id.clone();
    use_tools(&mut a, &rowan, &morgan, today);
    family_group::meet_as_a_family(&mut a, today);
    a
}

/// The demonstration family's genogram and network map, drawn with the editors' commands.
fn draw_diagrams(a: &mut Assessment) {
    use crate::diagram::genogram::commands::{plan, Command};
    use crate::diagram::genogram::{
        ChildKind, EmotionalKind, Household, Parentage, Parents, Partnership, PartnershipKind,
        Relationship,
    };
    use crate::diagram::network::{Attend, Category, Connection, NetworkMember, OrgKind, Who};
    use crate::diagram::ops::apply;
    use crate::model::ItemId;
    let id = |n: u8| PersonId::from_random([0xd0, 0xd0, 0xd0, n]);
    let item = |n: u8| ItemId::from_random([0xd1, 0xd1, 0xd1, n]);
    let run = |a: &mut Assessment, c: Command| {
        if let Ok(ops) = plan(a, &c) {
            apply(a, &ops);
        }
    };
    for n in [1, 2, 3, 4, 5] {
        run(
            a,
            Command::Place {
                person: id(n),
                x: 0,
                y: 0,
            },
        );
    }
    run(
        a,
        Command::SetPartnership(Partnership {
            id: item(1),
            a: id(4),
            b: id(3),
            kind: PartnershipKind::Separated,
            start: NaiveDate::from_ymd_opt(2016, 6, 1),
            end: NaiveDate::from_ymd_opt(2023, 1, 1),
        }),
    );
    for (n, child) in [(2, 1), (3, 2)] {
        run(
            a,
            Command::SetParentage(Parentage {
                id: item(n),
                child: id(child),
                parents: Parents::Partnership {
                    partnership: item(1),
                },
                kind: ChildKind::Birth,
                twin: None,
            }),
        );
    }
    run(
        a,
        Command::SetParentage(Parentage {
            id: item(4),
            child: id(3),
            parents: Parents::Parent { person: id(5) },
            kind: ChildKind::Birth,
            twin: None,
        }),
    );
    run(
        a,
        Command::SetHousehold(Household {
            id: item(5),
            name: "Jordan's home".into(),
            members: vec![id(3), id(1), id(2)],
        }),
    );
    run(
        a,
        Command::SetRelationship(Relationship {
            id: item(6),
            a: id(3),
            b: id(4),
            kind: EmotionalKind::Conflict,
            notes: "Arguments and pushing when Casey visits".into(),
        }),
    );
    run(
        a,
        Command::SetRelationship(Relationship {
            id: item(7),
            a: id(5),
            b: id(1),
            kind: EmotionalKind::Close,
            notes: String::new(),
        }),
    );
    run(a, Command::AutoLayout);
    let entry = |n: u8, who: Who, cat: Category, circle: u8, angle: u16| {
        NetworkMember::new(item(n), who, cat, circle, angle)
    };
    let mut gran = entry(10, Who::Person { person: id(5) }, Category::Family, 0, 40);
    gran.connection = Connection::Strong;
    gran.safety_network = true;
    gran.knows_worries = true;
    gran.attend_conference = Attend::Yes;
    gran.agreed = "Is there whenever Casey visits, and Rowan can phone her any time.".into();
    let mut mum = entry(11, Who::Person { person: id(3) }, Category::Family, 0, 300);
    mum.connection = Connection::Strong;
    mum.support = crate::diagram::network::Support::Both;
    let mut dad = entry(12, Who::Person { person: id(4) }, Category::Family, 1, 220);
    dad.connection = Connection::Stressful;
    let mut teacher = entry(
        13,
        Who::Person { person: id(6) },
        Category::Professional,
        1,
        120,
    );
    teacher.safety_network = true;
    teacher.knows_worries = true;
    teacher.agreed = "Checks in with Rowan every Monday morning.".into();
    let school = entry(
        14,
        Who::Organisation {
            name: "Fictional Primary School".into(),
            organisation: OrgKind::School,
        },
        Category::Professional,
        2,
        150,
    );
    let club = entry(
        15,
        Who::Organisation {
            name: "Saturday football club".into(),
            organisation: OrgKind::Other,
        },
        Category::Community,
        2,
        30,
    );
    a.network.members = vec![gran, mum, dad, teacher, school, club];
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exchange::{export_json, import_json};
    use crate::model::scales::spread;

    #[test]
    fn the_demonstration_case_is_complete_and_valid() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        let a = training_case(AssessmentId::from_random([7; 8]), Utc::now(), today);
        let safety: Vec<_> = a
            .scales
            .iter()
            .filter(|s| matches!(s.kind, ScaleKind::Safety { .. }))
            .collect();
        assert_eq!(safety.len(), 2);
        assert_eq!(a.scales.len(), 4, "and one for each danger statement");
        for s in safety {
            assert_eq!(s.markers.len(), 5);
            assert_eq!(s.history.len(), 2);
            assert!(s
                .markers
                .iter()
                .all(|m| m.value.is_some() && !m.reason.is_empty()));
            // two people share a value, and the spread is wide enough to talk about
            let values: Vec<_> = s.markers.iter().map(|m| m.value).collect();
            assert!(values
                .iter()
                .enumerate()
                .any(|(i, v)| values[..i].contains(v)));
            assert!(spread(&s.markers).unwrap().points() >= 3.0);
        }
        // the visit and the two reviews are recorded, so nothing is overdue yet
        let flow = crate::flow::Flow::new(&a, procedure::of(&a).unwrap(), today);
        assert_eq!(
            crate::procedure::timescales::overdue_count(&flow.deadlines()),
            0
        );
        // it passes the import checks (people referenced by raters exist)
        let text = export_json(&a, Utc::now(), "test");
        let back = import_json(&text, crate::procedure::known_hash).unwrap();
        assert_eq!(back.assessment, a);
        // Rowan used the three tools, her grandmother placed from the register
        assert_eq!(a.child_tools.len(), 3);
        assert!(a
            .child_tools
            .iter()
            .all(|t| t.child == a.people[0].id && !t.is_empty()));
        assert_eq!(
            a.child_tools[0]
                .pictures()
                .filter_map(|p| p.person.as_ref())
                .next(),
            Some(&a.people[4].id)
        );
        // the genogram and network map were drawn (every command was accepted)
        assert_eq!(a.genogram.members.len(), 5);
        assert_eq!(a.genogram.partnerships.len(), 1);
        assert_eq!(a.genogram.parentage.len(), 3);
        assert_eq!(a.genogram.relationships.len(), 2);
        assert_eq!(
            a.network
                .members
                .iter()
                .filter(|m| m.safety_network)
                .count(),
            2
        );
        for s in &a.scales {
            for m in &s.markers {
                if let Some(p) = &m.rater.person {
                    assert!(a.person(p).is_some());
                }
            }
        }
    }
}
