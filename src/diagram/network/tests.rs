use super::commands::{free_angle, plan, Command};
use super::render::{body, nearest, point, standalone, View};
use super::*;
use crate::model::assessment::tests::sample;
use crate::model::{Assessment, ItemId, Person, PersonId, PersonRole};

fn check(a: &mut Assessment, cmd: Command) {
    let ops = plan(a, &cmd).unwrap_or_else(|e| panic!("{cmd:?} refused: {e}"));
    crate::diagram::history::assert_undoable(a, cmd.label(), ops);
}

fn item(n: u8) -> ItemId {
    ItemId::from_random([0xe0, 0, 0, n])
}

fn quick_add(a: &mut Assessment, n: u8, name: &str, category: Category, circle: u8) -> ItemId {
    let role = if category == Category::Professional {
        PersonRole::Professional
    } else {
        PersonRole::FamilyMember
    };
    let mut p = Person::new(PersonId::from_random([0xe1, 0, 0, n]), role);
    p.given_name = name.into();
    let angle = free_angle(a, circle);
    let m = NetworkMember::new(
        item(n),
        Who::Person {
            person: p.id.clone(),
        },
        category,
        circle,
        angle,
    );
    check(
        a,
        Command::Add {
            member: m,
            person: Some(p),
        },
    );
    item(n)
}

#[test]
fn entries_are_added_moved_changed_and_removed_with_undo() {
    let mut a = sample();
    let gran = quick_add(&mut a, 1, "Gran", Category::Family, 0);
    assert_eq!(a.people.len(), 3, "a new register record");
    let school = NetworkMember::new(
        item(2),
        Who::Organisation {
            name: "Hillside Primary".into(),
            organisation: OrgKind::School,
        },
        Category::Professional,
        2,
        90,
    );
    check(
        &mut a,
        Command::Add {
            member: school,
            person: None,
        },
    );
    // Jo is already in the register: she goes on the map without a new record.
    let jo = a.others().next().unwrap().id.clone();
    let m = NetworkMember::new(
        item(3),
        Who::Person { person: jo.clone() },
        Category::Family,
        0,
        200,
    );
    check(
        &mut a,
        Command::Add {
            member: m,
            person: None,
        },
    );
    assert_eq!(a.people.len(), 3);
    check(
        &mut a,
        Command::Move {
            id: gran.clone(),
            circle: 1,
            angle: 370,
        },
    );
    assert_eq!(a.network.member(&gran).unwrap().angle, 10);
    let mut g = a.network.member(&gran).unwrap().clone();
    g.safety_network = true;
    g.agreed = "Collects Ava from school on Tuesdays".into();
    check(&mut a, Command::Set(g));
    let mut p = a.person(&jo).unwrap().clone();
    p.given_name = "Joanne".into();
    check(&mut a, Command::SetPerson(p));
    check(&mut a, Command::Remove(item(2)));
    assert!(a.network.member(&item(2)).is_none());
}

#[test]
fn circles_can_be_relabelled_added_and_removed_within_limits() {
    let mut a = sample();
    quick_add(&mut a, 1, "Friend", Category::Friends, 2);
    let mut labels = a.network.circles.clone();
    labels.push("Far away".into());
    check(&mut a, Command::SetCircles(labels.clone()));
    check(
        &mut a,
        Command::Move {
            id: item(1),
            circle: 3,
            angle: 0,
        },
    );
    labels.pop();
    check(&mut a, Command::SetCircles(labels.clone()));
    assert_eq!(
        a.network.member(&item(1)).unwrap().circle,
        2,
        "moved into the last circle"
    );
    labels.pop();
    assert!(plan(&a, &Command::SetCircles(labels))
        .unwrap_err()
        .0
        .contains("between 3 and 6"));
    assert!(plan(
        &a,
        &Command::SetCircles(vec!["a".into(), " ".into(), "c".into()])
    )
    .unwrap_err()
    .0
    .contains("label"));
    assert!(plan(
        &a,
        &Command::Move {
            id: item(1),
            circle: 9,
            angle: 0
        }
    )
    .is_err());
}

#[test]
fn refusals_explain() {
    let mut a = sample();
    let jo = a.others().next().unwrap().id.clone();
    let m = NetworkMember::new(
        item(3),
        Who::Person { person: jo.clone() },
        Category::Family,
        0,
        0,
    );
    check(
        &mut a,
        Command::Add {
            member: m,
            person: None,
        },
    );
    let again = NetworkMember::new(item(4), Who::Person { person: jo }, Category::Family, 0, 0);
    assert!(plan(
        &a,
        &Command::Add {
            member: again,
            person: None
        }
    )
    .unwrap_err()
    .0
    .contains("already on the map"));
    let org = NetworkMember::new(
        item(5),
        Who::Organisation {
            name: " ".into(),
            organisation: OrgKind::Gp,
        },
        Category::Professional,
        0,
        0,
    );
    assert!(plan(
        &a,
        &Command::Add {
            member: org,
            person: None
        }
    )
    .unwrap_err()
    .0
    .contains("name"));
}

#[test]
fn free_angles_spread_entries_round_a_circle() {
    let mut a = sample();
    let first = free_angle(&a, 1);
    quick_add(&mut a, 1, "A", Category::Family, 1);
    let second = free_angle(&a, 1);
    assert_eq!((second + 360 - first) % 360, 180);
    quick_add(&mut a, 2, "B", Category::Family, 1);
    let third = free_angle(&a, 1);
    assert!(third.abs_diff(first) >= 80 && third.abs_diff(second) >= 80);
}

#[test]
fn points_and_nearest_circle_are_inverse() {
    for circle in 0..3u8 {
        for angle in [0u16, 45, 90, 180, 359] {
            let (x, y) = point(circle, angle);
            assert_eq!(nearest(x, y, 3), (circle, angle));
        }
    }
    // Beyond the outer circle drops onto it; the centre drops onto the first.
    assert_eq!(nearest(0.0, -2000.0, 3).0, 2);
    assert_eq!(nearest(1.0, 1.0, 3).0, 0);
}

#[test]
fn rendering_shows_categories_by_shape_and_the_safety_view_filters() {
    let mut a = sample();
    let gran = quick_add(&mut a, 1, "Gran <b>", Category::Family, 0);
    quick_add(&mut a, 2, "Ms Teacher", Category::Professional, 2);
    let mut g = a.network.member(&gran).unwrap().clone();
    g.safety_network = true;
    g.agreed = "Visits every Sunday".into();
    g.connection = Connection::Strong;
    g.support = Support::Both;
    check(&mut a, Command::Set(g));
    let full = body(
        &a,
        &View {
            interactive: true,
            ..View::default()
        },
    );
    assert!(full.contains("Gran &lt;b&gt;") && full.contains("Ms Teacher"));
    assert!(full.contains("Very close") && full.contains("Less close"));
    assert!(full.contains("Ava Example"), "the child at the centre");
    assert!(full.contains(r#"" stroke-width="6"/>"#), "strong is thick");
    assert!(
        full.contains("Professionals") && full.contains("Family"),
        "category in words"
    );
    let safety = body(
        &a,
        &View {
            safety_only: true,
            ..View::default()
        },
    );
    assert!(safety.contains("Gran") && !safety.contains("Ms Teacher"));
    assert!(safety.contains("Visits every Sunday"));
    assert!(standalone(&a, true).contains("<title>Safety network: Ava Example</title>"));
    crate::diagram::svg::check_well_formed(&standalone(&a, false)).unwrap();
}

#[test]
fn while_dragging_only_the_entry_is_redrawn() {
    let mut a = sample();
    let gran = quick_add(&mut a, 1, "Gran", Category::Family, 0);
    quick_add(&mut a, 2, "Friend", Category::Friends, 1);
    let view = View {
        dragging: Some((gran, 10.0, -300.0)),
        ..View::default()
    };
    let still = super::render::body_split(&a, &view, true);
    let moving = super::render::body_split(&a, &view, false);
    assert!(still.contains("Friend") && !still.contains("Gran"));
    assert!(moving.contains("Gran") && !moving.contains("Friend"));
    assert_eq!(moving.matches("data-connection").count(), 1);
}

#[test]
fn quick_entry_finds_people_already_in_the_register() {
    let mut a = sample();
    let mut rita = Person::new(PersonId::from_random([0x51; 4]), PersonRole::FamilyMember);
    rita.given_name = "Rita".into();
    rita.family_name = "Oldham".into();
    a.people.push(rita.clone());
    let mut ritchie = Person::new(PersonId::from_random([0x52; 4]), PersonRole::FamilyMember);
    ritchie.given_name = "Ritchie".into();
    a.people.push(ritchie.clone());
    assert_eq!(
        super::commands::register_matches(&a, "r"),
        Vec::<PersonId>::new(),
        "two letters first"
    );
    assert_eq!(
        super::commands::register_matches(&a, " rita  oldham "),
        vec![rita.id.clone()],
        "exact name, any case and spacing"
    );
    assert_eq!(
        super::commands::register_matches(&a, "rit"),
        vec![rita.id.clone(), ritchie.id.clone()]
    );
    assert_eq!(
        super::commands::register_matches(&a, "oldh"),
        vec![rita.id.clone()]
    );
    // Once on the map, not offered again.
    let cmd = Command::Add {
        member: NetworkMember::new(
            ItemId::from_random([0x53; 4]),
            Who::Person {
                person: rita.id.clone(),
            },
            Category::Family,
            0,
            0,
        ),
        person: None,
    };
    check(&mut a, cmd);
    assert!(super::commands::register_matches(&a, "rita").is_empty());
}
